from django.apps import AppConfig


class OidcConfig(AppConfig):
    name = "spoorwijzer.oidc"
    label = "oidc"
    verbose_name = "Single sign-on (OpenID Connect)"
    default_auto_field = "django.db.models.BigAutoField"
