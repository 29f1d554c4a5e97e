"""The authentication backend: mozilla-django-oidc's protocol handling (code exchange, ID token
signature and nonce checks, userinfo), with Spoorwijzer's rule for whom it may log in."""

from __future__ import annotations

import logging
from urllib.parse import urlparse

import jwt
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from spoorwijzer.oidc.models import OidcIdentiteit

log = logging.getLogger(__name__)


def issuer() -> str:
    configured = getattr(settings, "OIDC_OP_ISSUER", "")
    if configured:
        return configured
    u = urlparse(settings.OIDC_OP_AUTHORIZATION_ENDPOINT)
    return f"{u.scheme}://{u.netloc}"


def aan() -> bool:
    """Is single sign-on configured?"""
    return bool(getattr(settings, "OIDC_RP_CLIENT_ID", "") and getattr(settings, "OIDC_OP_TOKEN_ENDPOINT", ""))


class SpoorwijzerOIDCBackend(OIDCAuthenticationBackend):
    def retrieve_matching_jwk(self, token):
        """The provider's key that signed the ID token: by its 'kid'; a token without 'kid' (optional in
        RFC 7515, and common with providers that have one key) only when the JWKS holds exactly one key
        for the algorithm. The signature is verified with that key afterwards, as always."""
        response = requests.get(
            self.OIDC_OP_JWKS_ENDPOINT,
            verify=self.get_settings("OIDC_VERIFY_SSL", True),
            timeout=self.get_settings("OIDC_TIMEOUT", 10),
        )
        response.raise_for_status()
        header = jwt.get_unverified_header(token)
        keys = [k for k in response.json().get("keys", []) if k.get("use", "sig") == "sig"]
        keys = [k for k in keys if "alg" not in k or k["alg"] == header.get("alg")]
        if "kid" in header:
            keys = [k for k in keys if k.get("kid") == header["kid"]]
        if len(keys) != 1:
            raise SuspiciousOperation("Geen eenduidige sleutel van de identiteitsprovider voor dit ID-token.")
        return jwt.PyJWK(keys[0])

    def verify_claims(self, claims) -> bool:
        return bool(claims.get("sub"))

    def filter_users_by_claims(self, claims):
        User = get_user_model()
        sub = str(claims.get("sub", ""))
        linked = User.objects.filter(oidc_identiteiten__issuer=issuer(), oidc_identiteiten__subject=sub, is_active=True)
        if linked.exists():
            return linked
        email = (claims.get("email") or "").strip()
        if not email or claims.get("email_verified") is False:
            return User.objects.none()
        matches = list(User.objects.filter(email__iexact=email, is_active=True, rol__isnull=False)[:2])
        if len(matches) != 1:  # unknown, or ambiguous: never guess which account a person is
            log.warning("OIDC: geen eenduidige gebruiker voor %s (%d treffers)", email, len(matches))
            return User.objects.none()
        OidcIdentiteit.objects.get_or_create(issuer=issuer(), subject=sub, defaults={"user": matches[0]})
        return User.objects.filter(pk=matches[0].pk)

    def create_user(self, claims):  # never: the beheerder creates users and gives their role
        return None

    def update_user(self, user, claims):  # the provider does not overwrite what Spoorwijzer holds
        return user
