"""The two-step login in a real browser: the bedrijfsarts types the password, then the code an authenticator app
shows (computed here from the key), and reaches the medical page; a wrong code is refused in Dutch. Also the
lockout page and the idle-timeout notice. Screenshots at 1280 and 390 px into SPOORWIJZER_SCREENSHOTS (if set)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from spoorwijzer.dossier import services
from tests import totp
from tests.browser.axe import assert_accessible
from tests.world import PASSWORD

SHOTS = os.environ.get("SPOORWIJZER_SCREENSHOTS")


def shot(page, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/{name}-{page.viewport_size['width']}.png", full_page=True)


def test_bedrijfsarts_logs_in_with_password_and_authenticator_code(world_live, browser):
    w = world_live
    services.medisch_vastleggen(w.users.bedrijfsarts, w.anna, "diagnose", "Burn-out, begeleiding door psycholoog")
    device = totp.authenticator(w.users.bedrijfsarts)
    for breedte, hoogte in ((1280, 900), (390, 844)):
        page = browser.new_page(viewport={"width": breedte, "height": hoogte})
        page.goto(f"{w.url}/dossier/{w.anna.pk}/medisch/")
        page.fill("#id_username", "ba")
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.get_by_role("heading", name="Inloggen: tweede stap").wait_for()
        assert "/dossier/" not in page.url.split("?")[0]
        if breedte == 1280:
            assert_accessible(page, "tweede stap")
            page.fill("#id_code", "000000")
            page.get_by_role("button", name="Bevestigen").click()
            page.get_by_text("Deze code klopt niet of is verlopen").wait_for()
            assert_accessible(page, "tweede stap met fout")
            time.sleep(1.1)  # django-otp checks no code for a second after a wrong one
        shot(page, "tweede-stap")
        page.fill("#id_code", totp.code(device))
        page.get_by_role("button", name="Bevestigen").click()
        page.get_by_text("Burn-out, begeleiding door psycholoog").wait_for()  # straight on to the medical page
        assert page.url.endswith(f"/dossier/{w.anna.pk}/medisch/")
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
        page.close()


def test_lockout_page_and_idle_notice(world_live, browser):
    w = world_live
    page = browser.new_page(viewport={"width": 390, "height": 844})
    for _ in range(5):
        page.goto(w.url + "/inloggen/")
        page.fill("#id_username", "hr")
        page.fill("#id_password", "verkeerd-wachtwoord")
        page.click("button[type=submit]")
    page.goto(w.url + "/inloggen/")
    page.fill("#id_username", "hr")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.get_by_role("heading", name="Inloggen tijdelijk geblokkeerd").wait_for()
    assert_accessible(page, "geblokkeerd")
    shot(page, "geblokkeerd")
    page.goto(w.url + "/inloggen/?verlopen=1")
    page.get_by_text("U bent automatisch uitgelogd omdat u 30 minuten niets heeft gedaan").wait_for()
    assert_accessible(page, "inloggen na time-out")
    shot(page, "inloggen-verlopen")
    page.close()
