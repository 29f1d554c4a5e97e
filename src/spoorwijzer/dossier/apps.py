from django.apps import AppConfig


class DossierConfig(AppConfig):
    name = "spoorwijzer.dossier"
    verbose_name = "Verzuimdossiers"
