"""Login security (issue 10 item 9, docs/security.md): throttling and lockout (django-axes), password rules with a
Dutch common-password list, the second login step (TOTP, django-otp) for the roles that need it, an idle timeout,
re-authentication before sensitive actions (medical pages, exports, user management, weakening the second step),
and the audit of failed logins, lockouts and second steps.

Which roles need the second step is an access rule: `dossier.access.tweede_stap_vereist`.
Settings (settings.py, from the environment): SPOORWIJZER_LOGIN_POGINGEN / SPOORWIJZER_LOGIN_BLOKKADE_MINUTEN
(lockout), SPOORWIJZER_INACTIEF_MINUTEN (idle timeout), SPOORWIJZER_HERBEVESTIGING_MINUTEN (how recent the proof
of identity must be for medical pages), SPOORWIJZER_DEMO (the demo shows the demo accounts' codes)."""

from __future__ import annotations

import re
import time
from pathlib import Path

from axes.backends import AxesStandaloneBackend
from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.exceptions import ValidationError
from django.dispatch import receiver
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode

from spoorwijzer.dossier import access, services

HERBEVESTIGD = "spoorwijzer_herbevestigd_op"  # session: when the user last proved who they are (epoch seconds)
LAATST_ACTIEF = "spoorwijzer_laatst_actief"  # session: the last request (epoch seconds, 30 s granularity)


class AxesBackend(AxesStandaloneBackend):
    """django-axes counts the failed logins of each username and refuses (HTTP 429, Dutch page) after
    AXES_FAILURE_LIMIT of them, even with the right password, until the cool-off has passed. Authentication without
    a request (a management command, the test client's login()) has no attempt to count: it falls through to the
    next backend."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


# --- passwords -------------------------------------------------------------------------------------------------

_LIJST = Path(__file__).with_name("wachtwoorden_nl.txt")


def _letters(tekst: str) -> str:
    return re.sub(r"[^a-zà-ÿ]", "", (tekst or "").lower())


class NederlandseWachtwoordValidator:
    """Refuses a password built on a common Dutch word or on the user's own name, whatever digits and signs are
    added ("Welkom2024!", "Zomer2025", "Jansen123!"): the password's letters, lower case, are compared with the
    list (the word itself, or the word plus at most two letters) and with the user's names."""

    def __init__(self):
        regels = _LIJST.read_text(encoding="utf-8").splitlines()
        self.woorden = frozenset(w.strip().lower() for w in regels if w.strip() and not w.startswith("#"))

    def validate(self, password, user=None):
        letters = _letters(password)
        if letters in self.woorden or any(
            len(w) >= 4 and letters.startswith(w) and len(letters) - len(w) <= 2 for w in self.woorden
        ):
            raise ValidationError(
                "Dit wachtwoord is te voorspelbaar: het is een veelgebruikt woord met wat cijfers of tekens. Kies "
                "een langere zin van een paar woorden, of een wachtwoord uit een wachtwoordmanager.",
                code="gangbaar_nl",
            )
        if user is not None:
            namen = [user.get_username(), user.first_name, user.last_name, (user.email or "").split("@")[0]]
            delen = {d for naam in namen for d in re.split(r"[\s._@-]+", (naam or "").lower())}
            if any(len(_letters(d)) >= 3 and _letters(d) in letters for d in delen | set(namen)):
                raise ValidationError("Het wachtwoord mag uw eigen naam niet bevatten.", code="eigen_naam")

    def get_help_text(self):
        return "Geen veelgebruikt woord met wat cijfers erachter, en niet uw eigen naam."


# Django's validators in Dutch, by their error codes (Django 5.2's Dutch catalogue misses some of them)
WACHTWOORD_FOUTEN_NL = {
    "password_too_short": "Dit wachtwoord is te kort: gebruik minstens {min_length} tekens.",
    "password_too_common": "Dit wachtwoord is te algemeen: het staat in een lijst van veelgebruikte wachtwoorden.",
    "password_entirely_numeric": "Dit wachtwoord bestaat alleen uit cijfers.",
    "password_too_similar": "Dit wachtwoord lijkt te veel op uw gebruikersnaam, naam of e-mailadres.",
    "password_mismatch": "De twee wachtwoorden zijn niet gelijk.",
    "password_incorrect": "Uw huidige wachtwoord klopt niet.",
}


def nl_foutmeldingen(form) -> None:
    """Replace a password form's errors by their Dutch text (called from the form's clean)."""
    for name, errors in list(form.errors.as_data().items()):
        form._errors[name] = form.error_class(
            [
                WACHTWOORD_FOUTEN_NL[e.code].format(**(e.params or {})) if e.code in WACHTWOORD_FOUTEN_NL else m
                for e in errors
                for m in e.messages[:1]
            ]
        )


# --- the second step ------------------------------------------------------------------------------------------

# pages a user who still owes the second step may open
VRIJ = frozenset({"login", "logout", "tweestap", "tweestap_instellen", "wachtwoord_vergeten", "wachtwoord_verstuurd"})


def _naar(request, url: str) -> HttpResponse:
    """A redirect that also works for an HTMX request (which would otherwise swap the target page in)."""
    if request.headers.get("HX-Request"):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return redirect(url)


def _url_naam(request) -> str | None:
    try:
        return resolve(request.path_info).url_name
    except Resolver404:
        return None


class TweeStapMiddleware:
    """After the password, a user who must log in in two steps sees only the second step (or, without an
    authenticator yet, the page that links one) until it is done. After django-otp's OTPMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not user.is_verified()
            and not request.path_info.startswith((settings.STATIC_URL, "/api/"))
            and _url_naam(request) not in VRIJ
            and access.tweede_stap_gevraagd(user, heeft := _heeft_authenticator(user))
        ):
            doel = "tweestap" if heeft else "tweestap_instellen"
            return _naar(request, reverse(doel) + "?" + urlencode({"next": request.get_full_path()}))
        return self.get_response(request)


class InactiefMiddleware:
    """Idle timeout: a session without a request for SPOORWIJZER_INACTIEF_MINUTEN minutes is logged out; the
    login page then says why. The moment of the last request is stored at most every 30 seconds."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and hasattr(request, "session"):
            nu = int(time.time())
            laatst = request.session.get(LAATST_ACTIEF)
            if laatst is not None and nu - laatst > settings.SPOORWIJZER_INACTIEF_MINUTEN * 60:
                services.audit(
                    user,
                    "uitgelogd_inactief",
                    detail=f"automatisch uitgelogd na {settings.SPOORWIJZER_INACTIEF_MINUTEN} minuten zonder activiteit",
                )
                logout(request)
                return _naar(request, reverse("login") + "?" + urlencode({"verlopen": 1}))
            if laatst is None or nu - laatst >= 30:
                request.session[LAATST_ACTIEF] = nu
        return self.get_response(request)


def markeer_herbevestigd(request) -> None:
    request.session[HERBEVESTIGD] = int(time.time())


def recent_bevestigd(request) -> bool:
    sinds = time.time() - request.session.get(HERBEVESTIGD, 0)
    return sinds <= settings.SPOORWIJZER_HERBEVESTIGING_MINUTEN * 60


class HerbevestigingMiddleware:
    """The sensitive actions (dossier.access.herbevestiging_vereist: medical pages, exports, user and role
    management, weakening the second step) ask the user to prove again who they are (the authenticator's code, a
    recovery code, or the password when they have no authenticator) when the last proof is older than
    SPOORWIJZER_HERBEVESTIGING_MINUTEN minutes. One middleware for every such page, so a new view cannot forget it.
    A refused POST is not replayed: the user returns to the page it came from and sends it again."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not recent_bevestigd(request):
            naam = _url_naam(request)
            if naam and access.herbevestiging_vereist(naam, _heeft_authenticator(user)):
                vraag = {"next": request.get_full_path()}
                if request.method != "GET":  # back to the form's page, to send it again; the page says what for
                    terug = _zelfde_site(request, request.headers.get("Referer", "")) or reverse("dashboard")
                    vraag = {"next": terug, "voor": naam}
                return _naar(request, reverse("herbevestigen") + "?" + urlencode(vraag))
        return self.get_response(request)


def _heeft_authenticator(user) -> bool:
    """Asked by two middlewares on every page: one query per request (kept on the request's user object)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    if not hasattr(user, "_spoorwijzer_authenticator"):
        user._spoorwijzer_authenticator = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    return user._spoorwijzer_authenticator


def _zelfde_site(request, url: str) -> str:
    """The path of a URL on this site (the page a form was sent from), or ''."""
    from urllib.parse import urlsplit

    from django.utils.http import url_has_allowed_host_and_scheme

    if not url or not url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return ""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def huidige_code(device, nu: float | None = None) -> str:
    """The code an authenticator app shows now for this device, or the next one when the current one was used
    already (django-otp refuses a code twice; it accepts the next step within its tolerance)."""
    from django_otp.oath import TOTP, hotp

    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() if nu is None else nu
    t = max(totp.t(), (device.last_t if device.last_t is not None else -1) + 1)
    return f"{hotp(device.bin_key, t, device.digits):0{device.digits}d}"


# --- audit: failed logins, lockouts (NEN 7513) -----------------------------------------------------------------


def _ip(request) -> str:
    return (request.META.get("REMOTE_ADDR") or "onbekend") if request is not None else "onbekend"


@receiver(user_logged_in, dispatch_uid="spoorwijzer_herbevestigd_bij_inloggen")
def _ingelogd(sender, request, user, **kwargs):
    """A login is a proof of identity: medical pages do not ask again right after it."""
    if request is not None and hasattr(request, "session"):
        markeer_herbevestigd(request)
        request.session[LAATST_ACTIEF] = int(time.time())


@receiver(user_login_failed, dispatch_uid="spoorwijzer_inloggen_mislukt")
def _mislukt(sender, credentials, request=None, **kwargs):
    if request is None:  # not a login through the web (a command or a test client)
        return
    naam = str(credentials.get("username", ""))[:150]
    services.audit(None, "inloggen_mislukt", detail=f"gebruikersnaam '{naam}' vanaf {_ip(request)}")


@receiver(user_locked_out, dispatch_uid="spoorwijzer_geblokkeerd")
def _geblokkeerd(sender, request, username=None, ip_address=None, **kwargs):
    services.audit(
        None,
        "inloggen_geblokkeerd",
        detail=f"gebruikersnaam '{str(username or '')[:150]}' geblokkeerd na {settings.AXES_FAILURE_LIMIT} "
        f"mislukte pogingen, vanaf {ip_address or _ip(request)}",
    )


def geblokkeerd(request, original_response=None, credentials=None):
    """django-axes' answer to a locked account: a Dutch page with HTTP 429 (Too Many Requests)."""
    from django.shortcuts import render

    return render(
        request,
        "web/account/geblokkeerd.html",
        {
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "blokkade_minuten": round(settings.AXES_COOLOFF_TIME * 60),
        },
        status=429,
    )
