"""The second login step's devices (decision 0021): the authenticator app (django-otp's TOTP device) and the
single-use recovery codes (django-otp's static device) that let a user who lost their phone back in without an
administrator. Used by the web's login pages and by the API's token confirmation, so a code is checked the same
way everywhere: django-otp never accepts one TOTP step twice, deletes a recovery code when it is used, and after
a wrong code refuses, unchecked, for 1, 2, 4, ... seconds.

Which users need the second step, and which actions ask for a recent proof of identity, are access rules
(dossier/access.py), not here."""

from __future__ import annotations

import secrets

from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

AANTAL_HERSTELCODES = 10
_TEKENS = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read off paper without doubt
_LENGTE = 10  # 31^10 ≈ 8·10^14 per code; with throttling after each wrong try, not guessable
HERSTEL_NAAM = "herstelcodes"

FOUTE_CODE = "Deze code klopt niet of is verlopen. Vul de nieuwste code uit uw app in, of een ongebruikte herstelcode."


def authenticator(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def _herstel_apparaat(user) -> StaticDevice | None:
    return StaticDevice.objects.filter(user=user, name=HERSTEL_NAAM, confirmed=True).first()


def normaliseer(code: str) -> str:
    """What the user typed, without spaces and hyphens, lower case ('ABCDE-FGHJK' == 'abcdefghjk')."""
    return "".join((code or "").split()).replace("-", "").lower()


def toon(code: str) -> str:
    """A stored recovery code as printed for the user: two groups of five."""
    return f"{code[:5]}-{code[5:]}"


def herstelcodes_maken(user) -> list[str]:
    """A new set of recovery codes for this user (the earlier set stops working). Returned once, to show once."""
    codes = ["".join(secrets.choice(_TEKENS) for _ in range(_LENGTE)) for _ in range(AANTAL_HERSTELCODES)]
    with transaction.atomic():
        # the device itself stays: a session that logged in with one of its codes is verified through it
        device = _herstel_apparaat(user) or StaticDevice.objects.create(user=user, name=HERSTEL_NAAM, confirmed=True)
        StaticToken.objects.filter(device__user=user).delete()
        StaticToken.objects.bulk_create([StaticToken(device=device, token=c) for c in codes])
    return [toon(c) for c in codes]


def herstelcodes_over(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def tweede_stap_verwijderen(user) -> int:
    """Remove the user's authenticator and recovery codes (a lost phone, reset by the casemanager; or switched off by
    a user whose role does not require it). Returns how many devices were removed."""
    with transaction.atomic():
        n, _ = TOTPDevice.objects.filter(user=user).delete()
        m = StaticDevice.objects.filter(user=user).count()
        StaticDevice.objects.filter(user=user).delete()
    return (1 if n else 0) + m


def _wachten(device) -> str:
    """A Dutch message when django-otp makes the user wait after wrong codes, else ''."""
    ok, info = device.verify_is_allowed()
    if ok or not info or not info.get("locked_until"):
        return ""
    seconden = max(1, int((info["locked_until"] - timezone.now()).total_seconds()) + 1)
    fouten = info.get("failure_count")
    na = "Na 1 onjuiste code" if fouten == 1 else f"Na {fouten or 'enkele'} onjuiste codes"
    wacht = "1 seconde" if seconden == 1 else f"{seconden} seconden"
    return f"{na} moet u even wachten: probeer het over {wacht} opnieuw. De code zelf kan wel goed zijn."


def controleer(user, code: str):
    """Check a code for this user: six digits against the authenticator app, anything else against the recovery
    codes (a used recovery code is deleted: it works once). Returns (device, herstelcode_gebruikt, fout): the
    device that accepted the code (None when refused), whether it was a recovery code, and the Dutch error ('')."""
    tekst = normaliseer(code)
    is_app_code = tekst.isdigit() and len(tekst) == 6
    device = authenticator(user) if is_app_code else _herstel_apparaat(user)
    if device is None:
        return None, False, FOUTE_CODE
    wachten = _wachten(device)
    if wachten:
        return None, False, wachten
    if tekst and device.verify_token(tekst):
        return device, not is_app_code, ""
    return None, False, FOUTE_CODE


def controleer_apparaat(device, code: str) -> str:
    """'' when this (possibly not yet confirmed) authenticator accepts the code; else the Dutch error. For linking a
    new app, where the code must come from that app."""
    wachten = _wachten(device)
    if wachten:
        return wachten
    tekst = normaliseer(code)
    if tekst.isdigit() and device.verify_token(tekst):
        return ""
    return "Deze code klopt niet. Controleer of de tijd op uw telefoon klopt en neem de nieuwste code."
