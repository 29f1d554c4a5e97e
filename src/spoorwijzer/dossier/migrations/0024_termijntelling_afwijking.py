# The stored deadline counts per step count a deadline against the new date of a deviation with a deugdelijke grond
# where one is recorded (figuren.TELLING_VULLEN); counted again from the stored deadlines. Kept verbatim here.

from django.db import migrations

VULLEN = """
INSERT INTO dossier_termijntelling
    (organisatie_id, werkgever_pk, eerste_ziektedag, code, naam, uiterlijk, stand, aantal)
SELECT g.organisatie_id, {werkgever}, g.eerste_ziektedag, t.code, t.naam, COALESCE(t.afwijking_tot, t.uiterlijk),
    CASE WHEN t.gedaan_op IS NULL THEN 'open'
         WHEN t.gedaan_op <= COALESCE(t.afwijking_tot, t.uiterlijk) THEN 'op_tijd' ELSE 'te_laat' END,
    COUNT(*)
FROM dossier_termijn t JOIN dossier_verzuimgeval g ON g.id = t.geval_id
WHERE NOT t.niet_nodig AND t.uiterlijk IS NOT NULL AND g.eerste_ziektedag IS NOT NULL
GROUP BY g.organisatie_id, {groep}g.eerste_ziektedag, t.code, t.naam, COALESCE(t.afwijking_tot, t.uiterlijk),
    CASE WHEN t.gedaan_op IS NULL THEN 'open'
         WHEN t.gedaan_op <= COALESCE(t.afwijking_tot, t.uiterlijk) THEN 'op_tijd' ELSE 'te_laat' END
"""


def opnieuw_tellen(apps, schema_editor):
    with schema_editor.connection.cursor() as c:
        c.execute("DELETE FROM dossier_termijntelling")
        c.execute(VULLEN.format(werkgever="g.werkgever_id", groep="g.werkgever_id, "))
        c.execute(VULLEN.format(werkgever="0", groep=""))  # GROUP BY 0 would mean a column number


class Migration(migrations.Migration):
    dependencies = [
        ("dossier", "0023_verzuimtelling"),
    ]

    operations = [migrations.RunPython(opnieuw_tellen, migrations.RunPython.noop)]
