"""Who is calling the API: a Spoorwijzer API token (`Authorization: Token spw_...`), or, where the
organisation has single sign-on, an OIDC access token (`Authorization: Bearer ...`) checked at the
provider's userinfo endpoint and matched to an existing user (see spoorwijzer.oidc). Never a session:
the API has no cookies and so no CSRF."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone
from rest_framework import authentication, exceptions, permissions, status

from spoorwijzer.api.models import ApiToken, hash_token
from spoorwijzer.dossier import access

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


# --- the second step for API callers (decision 0021, addendum) ----------------------------------------------------


class TweedeStapVereist(exceptions.APIException):
    status_code = status.HTTP_403_FORBIDDEN
    default_code = "tweede_stap_vereist"
    fout_code = "tweede_stap_vereist"  # errors.handler puts it in the body, so a client can tell it from a refusal


def _heeft_authenticator(user) -> bool:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def tweede_stap_voldaan(request, medisch: bool = False) -> bool:
    """Whether this API request satisfies the second step (access.api_tweede_stap_voldaan): a Spoorwijzer token
    confirmed recently enough with its owner's code; an OIDC access token only for users without the second step."""
    token = request.auth if isinstance(request.auth, ApiToken) else None
    return access.api_tweede_stap_voldaan(
        request.user,
        _heeft_authenticator(request.user),
        token.tweede_stap_op if token else None,
        timezone.now(),
        medisch=medisch,
    )


def _uitleg(request, medisch: bool) -> str:
    if not isinstance(request.auth, ApiToken):
        return (
            "U logt in twee stappen in; een OIDC-token is daarvoor niet genoeg. Gebruik een Spoorwijzer-token en "
            "bevestig die met de code uit uw authenticator-app (POST /api/v1/tweede-stap/)."
        )
    if medisch:
        return (
            f"Medische gegevens vragen een bevestiging van hooguit {settings.SPOORWIJZER_HERBEVESTIGING_MINUTEN} "
            "minuten oud: bevestig de token opnieuw met een nieuwe code uit uw authenticator-app "
            '(POST /api/v1/tweede-stap/ met {"code": "123456"}).'
        )
    return (
        "U logt in twee stappen in: een token alleen is niet genoeg. Bevestig deze token met de code uit uw "
        'authenticator-app (POST /api/v1/tweede-stap/ met {"code": "123456"}); de bevestiging geldt '
        f"{settings.SPOORWIJZER_API_TWEESTAP_UREN} uur."
    )


def vereis_tweede_stap(request, medisch: bool = False) -> None:
    if not tweede_stap_voldaan(request, medisch=medisch):
        raise TweedeStapVereist(_uitleg(request, medisch))


class TweedeStapVoldaan(permissions.BasePermission):
    """Every API call of a user who logs in in two steps needs a token confirmed with the user's own code."""

    def has_permission(self, request, view):
        if request.user and request.user.is_authenticated:
            vereis_tweede_stap(request)
        return True
