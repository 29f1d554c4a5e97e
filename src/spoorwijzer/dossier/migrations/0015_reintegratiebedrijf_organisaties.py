"""Providers per tenant (issue 10, item 8): a re-integratiebedrijf is linked to the organisations that work with it.
Existing providers are linked to the organisations of the cases they had trajectories in; a provider without any
is linked to the only organisation when there is just one (else it stays unlinked: a casemanager adds it again)."""

from django.db import migrations, models


def koppel(apps, schema_editor):
    Reintegratiebedrijf = apps.get_model("dossier", "Reintegratiebedrijf")
    Traject = apps.get_model("dossier", "Traject")
    Organisatie = apps.get_model("dossier", "Organisatie")
    enige = list(Organisatie.objects.values_list("pk", flat=True)[:2])
    for bedrijf in Reintegratiebedrijf.objects.all():
        orgs = set(Traject.objects.filter(reintegratiebedrijf=bedrijf).values_list("geval__organisatie_id", flat=True))
        if not orgs and len(enige) == 1:
            orgs = set(enige)
        bedrijf.organisaties.add(*orgs)


class Migration(migrations.Migration):
    dependencies = [
        ("dossier", "0014_kwaliteitsdossier"),
    ]

    operations = [
        migrations.AddField(
            model_name="reintegratiebedrijf",
            name="organisaties",
            field=models.ManyToManyField(blank=True, related_name="reintegratiebedrijven", to="dossier.organisatie"),
        ),
        migrations.RunPython(koppel, migrations.RunPython.noop),
    ]
