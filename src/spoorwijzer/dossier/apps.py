from django.apps import AppConfig
from django.db.models.signals import post_migrate


class DossierConfig(AppConfig):
    name = "spoorwijzer.dossier"
    verbose_name = "Verzuimdossiers"

    def ready(self):
        from spoorwijzer.dossier.append_only import after_migrate

        post_migrate.connect(after_migrate, sender=self, dispatch_uid="spoorwijzer_append_only")

        from django.contrib.auth.signals import user_logged_in, user_logged_out

        from spoorwijzer.dossier.inzage import bij_inloggen, bij_uitloggen

        # NEN 7513: logins and logouts in the access log (failed attempts: see the login throttling)
        user_logged_in.connect(bij_inloggen, dispatch_uid="spoorwijzer_inloggen")
        user_logged_out.connect(bij_uitloggen, dispatch_uid="spoorwijzer_uitloggen")
