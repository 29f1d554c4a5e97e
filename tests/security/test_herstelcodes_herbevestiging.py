"""Recovery codes for a lost phone, and re-authentication before every sensitive action (decision 0021 and its
addendum): the employee's and the bedrijfsarts's exports, user and role management, the organisation's policy, and
everything that weakens the second step. Logged in as a person does (posting to /inloggen/), or with the test
client's completed login and then an old proof of identity in the session."""

from __future__ import annotations

import re
import time

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from spoorwijzer.dossier import access, inlogcodes
from spoorwijzer.dossier.models import Auditregel
from spoorwijzer.web.beveiliging import HERBEVESTIGD
from tests import totp
from tests.world import PASSWORD


def inloggen(username):
    c = Client()
    assert c.post("/inloggen/", {"username": username, "password": PASSWORD}).status_code == 302
    return c


def acties(actie):
    return list(Auditregel.objects.filter(actie=actie).order_by("pk").values_list("detail", flat=True))


def oude_bevestiging(c, minuten=16):
    s = c.session
    s[HERBEVESTIGD] = int(time.time()) - minuten * 60
    s.save()


def ingelogd_als(world, rol, oud=True):
    c = Client()
    c.force_login(getattr(world.users, rol))
    if oud:
        oude_bevestiging(c)
    return c


# --- recovery codes ---------------------------------------------------------------------------------------------


def test_a_recovery_code_logs_in_once_and_its_use_is_audited(world):
    ba = world.users.bedrijfsarts
    totp.authenticator(ba)
    codes = inlogcodes.herstelcodes_maken(ba)
    assert len(codes) == len(set(codes)) == 10
    assert all(re.fullmatch(r"[a-z2-9]{5}-[a-z2-9]{5}", c) for c in codes)

    c = inloggen("ba")
    assert c.get("/").url.startswith("/inloggen/tweede-stap/?")
    # typed as printed, in capitals and with spaces: the same code
    r = c.post("/inloggen/tweede-stap/", {"code": " " + codes[3].upper().replace("-", " - ") + " "})
    assert r.status_code == 302 and r.url == "/account/"
    page = c.get("/account/").content.decode()
    assert "U heeft er nog 9" in page  # the warning of the login, shown on the next page
    assert "9 ongebruikt" in page
    assert c.get("/").status_code == 200
    assert acties("herstelcode_gebruikt") == ["herstelcode gebruikt; nog 9 over"]
    assert acties("inloggen_tweede_stap") == ["met een herstelcode"]

    # the same code never works again
    c2 = inloggen("ba")
    r = c2.post("/inloggen/tweede-stap/", {"code": codes[3]})
    assert r.status_code == 400 and "ongebruikte herstelcode" in r.content.decode()
    assert c2.get("/").status_code == 302
    time.sleep(1.1)  # django-otp refuses unchecked for a second after a wrong code
    # another user's code does not work for this one
    totp.authenticator(world.users.bedrijfsarts_zuid)
    van_zuid = inlogcodes.herstelcodes_maken(world.users.bedrijfsarts_zuid)
    assert c2.post("/inloggen/tweede-stap/", {"code": van_zuid[0]}).status_code == 400
    time.sleep(2.1)
    assert c2.post("/inloggen/tweede-stap/", {"code": codes[4]}).status_code == 302
    assert inlogcodes.herstelcodes_over(ba) == 8


def test_new_codes_made_right_after_logging_in_with_a_recovery_code_keep_the_session(world):
    """The session's second step was done with the recovery-code device; a new set must not undo that (found in the
    browser: the next page asked for the second step again)."""
    ba = world.users.bedrijfsarts
    totp.authenticator(ba)
    codes = inlogcodes.herstelcodes_maken(ba)
    c = inloggen("ba")
    assert c.post("/inloggen/tweede-stap/", {"code": codes[0]}).status_code == 302
    assert c.post("/account/herstelcodes/nieuw/").url == "/account/herstelcodes/"
    assert c.get("/account/herstelcodes/").status_code == 200
    assert c.get("/").status_code == 200


def test_wrong_recovery_codes_are_throttled(world):
    ba = world.users.bedrijfsarts
    totp.authenticator(ba)
    codes = inlogcodes.herstelcodes_maken(ba)
    c = inloggen("ba")
    assert c.post("/inloggen/tweede-stap/", {"code": "aaaaa-aaaaa"}).status_code == 400
    r = c.post("/inloggen/tweede-stap/", {"code": codes[0]})  # right, but within the wait
    assert r.status_code == 400 and "moet u even wachten" in r.content.decode()
    assert inlogcodes.herstelcodes_over(ba) == 10  # not used up by the refused try


def test_codes_are_shown_once_and_new_ones_need_a_fresh_proof_and_replace_the_old(world):
    ba = world.users.bedrijfsarts
    device = totp.authenticator(ba)
    oude = inlogcodes.herstelcodes_maken(ba)
    c = ingelogd_als(world, "bedrijfsarts")
    page = c.get("/account/herstelcodes/").content.decode()
    assert "nog <strong>10</strong> van de 10" in page and "<code>" not in page  # no code shown again

    r = c.post("/account/herstelcodes/nieuw/", HTTP_REFERER="http://testserver/account/herstelcodes/")
    assert r.status_code == 302
    assert r.url == "/inloggen/bevestigen/?next=%2Faccount%2Fherstelcodes%2F&voor=herstelcodes_vernieuwen"
    assert inlogcodes.herstelcodes_over(ba) == 10 and not acties("herstelcodes_gemaakt")
    assert "nieuwe herstelcodes maken" in c.get(r.url).content.decode()
    r = c.post("/inloggen/bevestigen/", {"code": totp.code(device), "next": "/account/herstelcodes/"})
    assert r.status_code == 302

    r = c.post("/account/herstelcodes/nieuw/")
    assert r.status_code == 302 and r.url == "/account/herstelcodes/"
    page = c.get(r.url).content.decode()
    nieuw = re.findall(r"<li><code>([a-z2-9]{5}-[a-z2-9]{5})</code></li>", page)
    assert len(nieuw) == 10 and not set(nieuw) & set(oude)
    assert "Uw eerdere herstelcodes werken niet meer" in page
    assert "<code>" not in c.get("/account/herstelcodes/").content.decode()  # shown once
    assert set(StaticToken.objects.filter(device__user=ba).values_list("token", flat=True)) == {
        inlogcodes.normaliseer(x) for x in nieuw
    }
    assert acties("herstelcodes_gemaakt") == ["10 nieuwe; de oude werken niet meer"]


def test_a_user_without_an_authenticator_has_no_recovery_codes(world):
    c = ingelogd_als(world, "werkgever", oud=False)
    assert c.get("/account/herstelcodes/").url == "/account/"
    assert c.post("/account/herstelcodes/nieuw/").url == "/account/"
    assert inlogcodes.herstelcodes_over(world.users.werkgever) == 0


# --- re-authentication before sensitive actions -----------------------------------------------------------------


def test_every_page_named_in_the_rule_exists():
    from django.urls import get_resolver

    names = {k for k in get_resolver().reverse_dict if isinstance(k, str)}
    missing = (access.HERBEVESTIGING_VEREIST | access.HERBEVESTIGING_MET_AUTHENTICATOR) - names
    assert not missing


def _gevoelig(world):
    """(role, method, url) of each sensitive action a privacy officer names, as a user would reach it."""
    return [
        ("bedrijfsarts", "get", f"/dossier/{world.anna.pk}/medisch/"),
        ("bedrijfsarts", "get", f"/dossier/{world.anna.pk}/medisch/export.json"),
        ("werknemer", "get", "/mijn-dossier/export.json"),
        ("casemanager", "get", "/beheer/gebruikers/nieuw/"),
        ("casemanager", "get", f"/beheer/gebruikers/{world.users.werkgever.pk}/"),
        ("casemanager", "post", f"/beheer/gebruikers/{world.users.werkgever.pk}/uitnodigen/"),
        ("casemanager", "get", "/beheer/beleid/"),
        ("casemanager", "get", "/beheer/inloggen/"),
        ("casemanager", "post", f"/beheer/gebruikers/{world.users.bedrijfsarts.pk}/tweede-stap/"),
        ("bedrijfsarts", "get", "/inloggen/tweede-stap/instellen/"),
        ("bedrijfsarts", "post", "/account/herstelcodes/nieuw/"),
    ]


def test_sensitive_actions_ask_for_a_fresh_proof_and_work_after_it(world):
    totp.authenticator(world.users.bedrijfsarts)
    for rol, method, url in _gevoelig(world):
        c = ingelogd_als(world, rol)
        r = getattr(c, method)(url)
        assert r.status_code == 302 and r.url.startswith("/inloggen/bevestigen/?next="), (rol, url, r)
        # within the window the same request goes through (whatever the page then answers)
        oude_bevestiging(c, minuten=1)
        r = getattr(c, method)(url)
        assert not (r.status_code == 302 and r.url.startswith("/inloggen/bevestigen/")), (rol, url)
        assert r.status_code < 400, (rol, url, r.status_code)


def test_a_refused_action_changes_nothing_and_ordinary_pages_stay_open(world):
    device = totp.authenticator(world.users.bedrijfsarts)
    cm = ingelogd_als(world, "casemanager")
    r = cm.post(f"/beheer/gebruikers/{world.users.bedrijfsarts.pk}/tweede-stap/")
    assert r.url.startswith("/inloggen/bevestigen/")
    assert TOTPDevice.objects.filter(pk=device.pk).exists() and not acties("tweede_stap_verwijderd")
    r = cm.post("/beheer/inloggen/", {"rollen": ["werkgever"]})
    world.noord.refresh_from_db()
    assert world.noord.tweestap_rollen == [] or world.noord.tweestap_rollen is None
    for url in ("/", f"/dossier/{world.anna.pk}/", "/beheer/gebruikers/", "/account/"):
        assert cm.get(url).status_code == 200, url


def test_the_employee_proves_it_with_the_password_before_the_export(world):
    c = ingelogd_als(world, "werknemer")
    r = c.get("/mijn-dossier/export.json")
    page = c.get(r.url).content.decode()
    assert "U gaat uw dossier downloaden" in page and "uw wachtwoord" in page
    r = c.post("/inloggen/bevestigen/", {"password": "fout", "next": "/mijn-dossier/export.json"})
    assert r.status_code == 400 and "Dit wachtwoord klopt niet." in r.content.decode()
    r = c.post("/inloggen/bevestigen/", {"password": PASSWORD, "next": "/mijn-dossier/export.json"})
    assert r.status_code == 302 and r.url == "/mijn-dossier/export.json"
    r = c.get(r.url)
    assert r.status_code == 200 and r["Content-Type"].startswith("application/json")
    assert acties("herbevestigd") == ["identiteit opnieuw bevestigd voor /mijn-dossier/export.json"]


def test_reauthentication_accepts_a_recovery_code(world):
    ba = world.users.bedrijfsarts
    totp.authenticator(ba)
    codes = inlogcodes.herstelcodes_maken(ba)
    c = ingelogd_als(world, "bedrijfsarts")
    medisch = f"/dossier/{world.anna.pk}/medisch/"
    r = c.post("/inloggen/bevestigen/", {"code": codes[0], "next": medisch})
    assert r.status_code == 302 and r.url == medisch
    assert c.get(medisch).status_code == 200
    assert inlogcodes.herstelcodes_over(ba) == 9 and acties("herstelcode_gebruikt")


# --- switching the second step off ------------------------------------------------------------------------------


def test_a_user_whose_role_does_not_require_it_switches_it_off_after_a_fresh_proof(world):
    hr = world.users.werkgever
    device = totp.authenticator(hr)
    inlogcodes.herstelcodes_maken(hr)
    c = ingelogd_als(world, "werkgever")
    assert "Inloggen in twee stappen uitzetten" in c.get("/account/").content.decode()
    r = c.post("/account/tweede-stap/uitzetten/", HTTP_REFERER="http://testserver/account/")
    assert r.url == "/inloggen/bevestigen/?next=%2Faccount%2F&voor=tweestap_uitzetten"
    assert TOTPDevice.objects.filter(pk=device.pk).exists()
    r = c.post("/inloggen/bevestigen/", {"code": totp.code(device), "next": "/account/"})
    assert r.status_code == 302
    assert c.post("/account/tweede-stap/uitzetten/").url == "/account/"
    assert not TOTPDevice.objects.filter(user=hr).exists() and inlogcodes.herstelcodes_over(hr) == 0
    assert acties("tweede_stap_uitgezet") == ["door de gebruiker zelf"]


@pytest.mark.parametrize("rol", ["bedrijfsarts"])
def test_a_role_that_requires_it_cannot_switch_it_off(world, rol):
    user = getattr(world.users, rol)
    device = totp.authenticator(user)
    c = ingelogd_als(world, rol, oud=False)
    assert "uitzetten" not in c.get("/account/").content.decode()
    r = c.post("/account/tweede-stap/uitzetten/", follow=True)
    assert "verplicht voor uw rol" in r.content.decode()
    assert TOTPDevice.objects.filter(pk=device.pk).exists() and not acties("tweede_stap_uitgezet")
    assert reverse("tweestap_uitzetten") == "/account/tweede-stap/uitzetten/"
