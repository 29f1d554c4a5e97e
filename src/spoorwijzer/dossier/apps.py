from django.apps import AppConfig
from django.db.models.signals import post_migrate


class DossierConfig(AppConfig):
    name = "spoorwijzer.dossier"
    verbose_name = "Verzuimdossiers"

    def ready(self):
        from spoorwijzer.dossier.append_only import after_migrate

        post_migrate.connect(after_migrate, sender=self, dispatch_uid="spoorwijzer_append_only")
