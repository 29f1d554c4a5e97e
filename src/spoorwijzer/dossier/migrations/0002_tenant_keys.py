"""Tenant keys on the case: add, fill from the employee, then require (see Verzuimgeval)."""

import django.db.models.deletion
from django.db import migrations, models


def fill(apps, schema_editor):
    Verzuimgeval = apps.get_model("dossier", "Verzuimgeval")
    for g in Verzuimgeval.objects.select_related("werknemer__werkgever").iterator():
        g.werkgever_id = g.werknemer.werkgever_id
        g.organisatie_id = g.werknemer.werkgever.organisatie_id
        g.save(update_fields=["werkgever", "organisatie"])


class Migration(migrations.Migration):
    dependencies = [("dossier", "0001_begin")]

    operations = [
        migrations.AddField(
            "verzuimgeval",
            "werkgever",
            models.ForeignKey(
                null=True, on_delete=django.db.models.deletion.PROTECT, related_name="gevallen", to="dossier.werkgever"
            ),
        ),
        migrations.AddField(
            "verzuimgeval",
            "organisatie",
            models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="gevallen",
                to="dossier.organisatie",
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(
            "verzuimgeval",
            "werkgever",
            models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT, related_name="gevallen", to="dossier.werkgever"
            ),
        ),
        migrations.AlterField(
            "verzuimgeval",
            "organisatie",
            models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT, related_name="gevallen", to="dossier.organisatie"
            ),
        ),
        migrations.AddIndex(
            "verzuimgeval",
            models.Index(
                condition=models.Q(afgesloten_op__isnull=True),
                fields=["organisatie", "volgende_uiterlijk", "id"],
                name="geval_org_urgentie",
            ),
        ),
        migrations.AddIndex(
            "verzuimgeval",
            models.Index(
                condition=models.Q(afgesloten_op__isnull=True),
                fields=["werkgever", "volgende_uiterlijk", "id"],
                name="geval_wg_urgentie",
            ),
        ),
    ]
