"""Who is calling the API: a Spoorwijzer API token (`Authorization: Token spw_...`), or, where the
organisation has single sign-on, an OIDC access token (`Authorization: Bearer ...`) checked at the
provider's userinfo endpoint and matched to an existing user (see spoorwijzer.oidc). Never a session:
the API has no cookies and so no CSRF."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone
from rest_framework import authentication, exceptions

from spoorwijzer.api.models import ApiToken, hash_token

# writing the last-used time on every request would turn every read into a write; once a minute is enough
LAATST_GEBRUIKT_RESOLUTIE = dt.timedelta(minutes=1)


class TokenAuthentication(authentication.BaseAuthentication):
    keyword = "Token"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed("Ongeldige Authorization-header: gebruik 'Token <token>'.")
        try:
            token = header[1].decode()
        except UnicodeError:
            raise exceptions.AuthenticationFailed("De token bevat ongeldige tekens.") from None
        row = (
            ApiToken.objects.select_related("user", "user__rol")
            .filter(sleutel_hash=hash_token(token), ingetrokken_op__isnull=True)
            .first()
        )
        if row is None or not row.user.is_active:
            raise exceptions.AuthenticationFailed("Deze token is onbekend of ingetrokken.")
        now = timezone.now()
        if row.laatst_gebruikt is None or now - row.laatst_gebruikt > LAATST_GEBRUIKT_RESOLUTIE:
            ApiToken.objects.filter(pk=row.pk).update(laatst_gebruikt=now)
        return row.user, row

    def authenticate_header(self, request):
        return self.keyword


class OIDCBearerAuthentication(authentication.BaseAuthentication):
    """An OIDC access token from the organisation's identity provider (only when OIDC is configured)."""

    keyword = "Bearer"

    def authenticate(self, request):
        if not getattr(settings, "OIDC_OP_USER_ENDPOINT", ""):
            return None
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != b"bearer":
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed("Ongeldige Authorization-header: gebruik 'Bearer <token>'.")
        from spoorwijzer.oidc.backend import SpoorwijzerOIDCBackend

        try:
            user = SpoorwijzerOIDCBackend().get_or_create_user(header[1].decode(), None, None)
        except Exception:  # the provider refused the token, or is unreachable: not authenticated
            user = None
        if user is None or not user.is_active:
            raise exceptions.AuthenticationFailed(
                "Deze OIDC-token is niet geldig, of hoort niet bij een gebruiker van Spoorwijzer."
            )
        return user, None

    def authenticate_header(self, request):
        return self.keyword
