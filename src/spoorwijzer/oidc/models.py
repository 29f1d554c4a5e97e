from django.conf import settings
from django.db import models


class OidcIdentiteit(models.Model):
    """Which person at the organisation's identity provider (issuer + subject) is which Spoorwijzer user.
    Made on the first single sign-on of an existing user (matched by e-mail), never for a new user."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="oidc_identiteiten")
    issuer = models.CharField(max_length=300)
    subject = models.CharField(max_length=255)
    gekoppeld_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["issuer", "subject"], name="oidc_identiteit_uniek")]
