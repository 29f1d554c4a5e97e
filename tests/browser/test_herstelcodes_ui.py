"""Recovery codes and re-authentication in the real browser (decision 0021 and its addendum): the bedrijfsarts who
left the phone at home logs in with a recovery code and makes a new set; the employee proves it is her before her
dossier's export downloads; a casemanager before opening a user's role. At 1280 and 390 px; screenshots into
SPOORWIJZER_SCREENSHOTS (if set)."""

from __future__ import annotations

import re
import time

from spoorwijzer.dossier import inlogcodes
from tests import totp
from tests.browser.axe import assert_accessible
from tests.browser.test_accounts_ui import shot
from tests.world import PASSWORD

BREEDTES = ((1280, 900), (390, 844))


def _wachtwoord(page, url, username):
    page.goto(url + "/inloggen/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()


def _bevestiging_verouderd(page, minuten=16):
    """As if the last proof of identity were older than the window: the session of this browser, changed in the
    database (the server reads it on the next request)."""
    from django.contrib.sessions.backends.db import SessionStore

    from spoorwijzer.web.beveiliging import HERBEVESTIGD

    sleutel = next(c["value"] for c in page.context.cookies() if c["name"] == "sessionid")
    s = SessionStore(session_key=sleutel)
    s[HERBEVESTIGD] = int(time.time()) - minuten * 60
    s.save()


def _past(page):
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


def test_bedrijfsarts_logs_in_with_a_recovery_code_and_makes_new_ones(world_live, browser):
    w = world_live
    ba = w.users.bedrijfsarts
    totp.authenticator(ba)
    codes = inlogcodes.herstelcodes_maken(ba)
    for i, (breedte, hoogte) in enumerate(BREEDTES):
        page = browser.new_page(viewport={"width": breedte, "height": hoogte})
        _wachtwoord(page, w.url, "ba")
        page.get_by_role("heading", name="Inloggen: tweede stap").wait_for()
        page.get_by_text("Vul dan een van uw herstelcodes in").wait_for()
        page.fill("#id_code", codes[i].upper())
        page.get_by_role("button", name="Bevestigen").click()
        page.get_by_role("heading", name="Mijn account").wait_for()
        page.get_by_text("U heeft er nog 9").wait_for()
        assert "9 ongebruikt" in page.locator("dl.gegevens").inner_text()
        shot(page, "herstelcode-gebruikt")
        _past(page)
        if breedte == 1280:
            assert_accessible(page, "account na herstelcode")

        page.get_by_role("link", name="Herstelcodes bekijken of vernieuwen").click()
        page.get_by_text("nog 9 van de 10").wait_for()
        assert page.locator("ol.herstelcodes").count() == 0  # the codes themselves are never shown again
        page.get_by_role("button", name="Nieuwe herstelcodes maken").click()  # just logged in: no second proof
        page.locator("ol.herstelcodes li").nth(9).wait_for()
        nieuw = page.locator("ol.herstelcodes").inner_text()
        assert len(re.findall(r"[a-z2-9]{5}-[a-z2-9]{5}", nieuw)) == 10
        shot(page, "herstelcodes-nieuw")
        _past(page)
        if breedte == 1280:
            assert_accessible(page, "nieuwe herstelcodes")
        page.get_by_role("link", name="Ik heb de codes bewaard").click()
        page.get_by_role("heading", name="Mijn account").wait_for()
        codes = [c.replace("-", "") for c in re.findall(r"[a-z2-9]{5}-[a-z2-9]{5}", nieuw)]
        page.close()
    assert inlogcodes.herstelcodes_over(ba) == 10


def test_employee_confirms_her_password_before_her_export_and_casemanager_before_a_role(world_live, browser):
    w = world_live
    for breedte, hoogte in BREEDTES:
        page = browser.new_page(viewport={"width": breedte, "height": hoogte})
        _wachtwoord(page, w.url, "anna")
        page.goto(f"{w.url}/dossier/{w.anna.pk}/")
        _bevestiging_verouderd(page)
        page.get_by_role("link", name="Als gegevens (JSON)").click()
        page.get_by_role("heading", name="Bevestig dat u het bent").wait_for()
        page.get_by_text("U gaat uw dossier downloaden").wait_for()
        shot(page, "herbevestigen-export")
        _past(page)
        if breedte == 1280:
            assert_accessible(page, "herbevestigen voor export")
            page.fill("#id_password", "niet-mijn-wachtwoord")
            page.get_by_role("button", name="Bevestigen").click()
            page.get_by_text("Dit wachtwoord klopt niet.").wait_for()
        page.fill("#id_password", PASSWORD)
        with page.expect_download() as download:
            page.get_by_role("button", name="Bevestigen").click()
        assert download.value.suggested_filename.endswith(".json")
        page.close()

    cm = browser.new_page(viewport={"width": 390, "height": 844})
    _wachtwoord(cm, w.url, "cm")
    cm.goto(w.url + "/beheer/gebruikers/")
    _bevestiging_verouderd(cm)
    cm.get_by_role("link", name="hr", exact=True).first.click()
    cm.get_by_text("U gaat een gebruiker of rol beheren").wait_for()
    cm.fill("#id_password", PASSWORD)
    cm.get_by_role("button", name="Bevestigen").click()
    cm.wait_for_url(f"**/beheer/gebruikers/{w.users.werkgever.pk}/")
    shot(cm, "gebruiker-na-herbevestiging")
    _past(cm)
    cm.close()
