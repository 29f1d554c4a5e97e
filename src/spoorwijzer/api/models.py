"""API tokens: one or more per user, stored only as a SHA-256 hash, revocable. The token itself is shown
once, when `spoorwijzer beheer api_token maak` creates it. A token stands for the password only: for a user who must
log in in two steps it works after its owner confirmed it with an authenticator code (decision 0021, addendum)."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

PREFIX = "spw_"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ApiToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    naam = models.CharField(max_length=100, help_text="Waarvoor de token dient, bv. 'salarissysteem'")
    sleutel_hash = models.CharField(max_length=64, unique=True)
    begin = models.CharField(max_length=12, help_text="Eerste tekens, om de token te herkennen")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    laatst_gebruikt = models.DateTimeField(null=True, blank=True)
    ingetrokken_op = models.DateTimeField(null=True, blank=True)
    # when the owner last confirmed this token with a code from their own authenticator (POST /api/v1/tweede-stap/);
    # for a user who must log in in two steps the token works only for a while after that (access.api_tweede_stap_voldaan)
    tweede_stap_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "API-token"

    @classmethod
    def maak(cls, user, naam: str) -> tuple[ApiToken, str]:
        token = PREFIX + secrets.token_urlsafe(32)
        row = cls.objects.create(user=user, naam=naam, sleutel_hash=hash_token(token), begin=token[:12])
        return row, token

    def intrekken(self) -> None:
        if self.ingetrokken_op is None:
            self.ingetrokken_op = timezone.now()
            self.save(update_fields=["ingetrokken_op"])

    def __str__(self):
        return f"{self.begin}… ({self.naam}, {self.user})"
