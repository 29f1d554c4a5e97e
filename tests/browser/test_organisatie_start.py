"""End to end in headless Chromium: a new organisation starts. Its first casemanager (made on the command
line, as the README says) creates an employer, imports the employees from a payroll CSV, invites a
bedrijfsarts, records a ziekmelding; the case is in "mijn dossiers" and in the bedrijfsarts's work queue.

Set SPOORWIJZER_SCREENSHOTS=<folder> to keep screenshots of every screen at 1280 and 390 px."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command

from spoorwijzer.dossier.models import Verzuimgeval, Werknemer
from tests import totp
from tests.browser.axe import assert_accessible

pytestmark = pytest.mark.browser

SHOTS = os.environ.get("SPOORWIJZER_SCREENSHOTS")

CSV = (
    "\ufeffpersoneelsnummer;naam;geboortedatum;in_dienst;uren_per_week;maandloon;cao_percentage_jaar1;"
    "cao_percentage_jaar2;functie;email\r\n"
    "501;Mila de Boer;12-04-1988;01-03-2019;32;3.150,00;100;70;Planner;mila@example.nl\r\n"
    "502;Youssef El Amrani;30-09-1979;15-01-2010;38;4.020,50;100;80;Monteur;\r\n"
    "503;Sanne Visser;02-02-1995;;24,5;2.300,00;;;Administratief medewerker;\r\n"
)


def shot(page, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/{name}-{page.viewport_size['width']}.png", full_page=True)


def both_widths(page, name):
    """WCAG 2.1 AA by axe-core; with SPOORWIJZER_SCREENSHOTS also screenshots at desktop and phone width and a
    check that nothing is wider than the phone's screen."""
    assert_accessible(page, name)
    if not SHOTS:
        return
    shot(page, name)
    page.set_viewport_size({"width": 390, "height": 844})
    shot(page, name)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    page.set_viewport_size({"width": 1280, "height": 900})
    assert overflow <= 0, f"{name}: page is {overflow}px wider than a phone"


def test_new_organisation_from_first_login_to_the_bedrijfsarts_work_queue(transactional_db, live_server, browser):
    url = live_server.url
    call_command("organisatie", "Arbo Oost", "--soort", "arbodienst", stdout=io.StringIO())
    out = io.StringIO()
    call_command(
        "gebruiker", "eva", "--rol", "casemanager", "--organisatie", "Arbo Oost", "--email", "eva@example.nl",
        "--naam", "Eva Smit", "--genereer-wachtwoord", stdout=out,
    )  # fmt: skip
    password = re.search(r"Wachtwoord \(eenmalig getoond\): (\S+)", out.getvalue()).group(1)

    cm = browser.new_page(viewport={"width": 1280, "height": 900})
    cm.goto(url + "/inloggen/")
    cm.fill("#id_username", "eva")
    cm.fill("#id_password", password)
    cm.click("button[type=submit]")
    cm.get_by_role("link", name="Beheer", exact=True).click()
    assert "Nog geen werkgevers" in cm.content()
    assert_accessible(cm, "werkgevers (leeg)")

    # an employer: a wrong payroll tax number is refused in Dutch and the typed values stay
    cm.get_by_role("link", name="Nieuwe werkgever", exact=True).click()
    cm.fill("#id_naam", "Installatiebedrijf Oost BV")
    cm.fill("#id_loonheffingennummer", "123456789L01")
    cm.fill("#id_sector", "Metaal en techniek")
    cm.check("#id_eigenrisicodrager_wga")
    cm.get_by_role("button", name="Werkgever aanmaken", exact=True).click()
    assert "elfproef" in cm.locator(".veld.met-fout").inner_text()
    assert cm.input_value("#id_naam") == "Installatiebedrijf Oost BV"
    both_widths(cm, "01-werkgever-fout")
    cm.fill("#id_loonheffingennummer", "123456782L01")
    cm.get_by_role("button", name="Werkgever aanmaken", exact=True).click()
    cm.get_by_text("Werkgever Installatiebedrijf Oost BV is aangemaakt.").wait_for()

    # the payroll export: preview first (nothing stored), then one confirmation stores all rows
    cm.get_by_role("link", name="Werknemers inlezen (CSV)", exact=True).click()
    cm.set_input_files("#id_bestand", {"name": "salaris.csv", "mimeType": "text/csv", "buffer": CSV.encode()})
    cm.get_by_role("button", name="Voorbeeld tonen", exact=True).click()
    preview = cm.locator("table.lijst").inner_text()
    assert "Youssef El Amrani" in preview and "€\u00a04.020,50" in preview and "nieuw" in preview
    assert not Werknemer.objects.filter(naam="Mila de Boer").exists()
    both_widths(cm, "02-import-voorbeeld")
    cm.get_by_role("button", name="Bevestigen en inlezen", exact=True).click()
    cm.get_by_text("Ingelezen: 3 nieuwe werknemer(s), 0 bijgewerkt.").wait_for()
    assert "€\u00a03.150,00" in cm.locator("table.lijst").inner_text()
    both_widths(cm, "03-werkgever")

    # a bedrijfsarts for the organisation, invited by e-mail
    cm.get_by_role("link", name="Gebruikers", exact=True).click()
    cm.get_by_role("link", name="Nieuwe gebruiker", exact=True).click()
    cm.fill("#id_gebruikersnaam", "arts.oost")
    cm.fill("#id_naam", "Joost Arts")
    cm.fill("#id_email", "joost@example.nl")
    cm.select_option("#id_rol", "bedrijfsarts")
    cm.get_by_role("button", name="Aanmaken en uitnodigen", exact=True).click()
    cm.get_by_text("de uitnodiging is gemaild naar joost@example.nl").wait_for()
    both_widths(cm, "04-gebruikers")
    invite = re.search(r"(http://\S+/wachtwoord/\S+/)", mail.outbox[-1].body).group(1)

    # the ziekmelding
    first_day = dt.date.today() - dt.timedelta(days=9)
    cm.get_by_role("link", name="Spoorwijzer", exact=True).click()
    cm.get_by_role("link", name="Ziekmelding", exact=True).click()
    cm.select_option("#id_werknemer", label="Mila de Boer")
    cm.fill("#id_eerste_ziektedag", first_day.isoformat())
    cm.get_by_role("button", name="Ziekmelding vastleggen", exact=True).click()
    cm.get_by_text("Ziekmelding vastgelegd").wait_for()
    geval = Verzuimgeval.objects.get(werknemer__naam="Mila de Boer")
    assert geval.behandelaar.username == "eva"

    assert_accessible(cm, "dossier met contactlog-knop")
    cm.get_by_role("link", name="Contactlog en behandelaar", exact=True).click()
    assert "Behandelaar: Eva Smit" in cm.content()
    cm.select_option("#id_soort", "telefoon")
    cm.fill("#id_met", "Mila de Boer")
    cm.fill("#id_samenvatting", "Gebeld: ze verwacht over twee weken halve dagen te kunnen werken.")
    cm.get_by_role("button", name="Vastleggen", exact=True).click()
    cm.get_by_text("Het contactmoment is vastgelegd.").wait_for()
    assert "Telefoon met Mila de Boer" in cm.locator("ul.log").inner_text()
    both_widths(cm, "05a-contactlog")
    cm.goto(url + "/beheer/beleid/")
    both_widths(cm, "05b-beleid")
    cm.get_by_role("link", name="Mijn dossiers", exact=True).click()
    assert "Mila de Boer" in cm.locator("table.lijst").inner_text()
    both_widths(cm, "05-mijn-dossiers")

    # the bedrijfsarts sets a password from the invitation (on a phone) and finds the case in the work queue
    arts = browser.new_page(viewport={"width": 390, "height": 844})
    arts.goto(invite)
    arts.fill("#id_new_password1", "Groene-thee-met-honing-9")
    arts.fill("#id_new_password2", "Groene-thee-met-honing-9")
    arts.get_by_role("button", name="Wachtwoord instellen", exact=True).click()
    arts.get_by_role("link", name="Inloggen", exact=True).click()
    arts.fill("#id_username", "arts.oost")
    arts.fill("#id_password", "Groene-thee-met-honing-9")
    arts.click("button[type=submit]")
    # the bedrijfsarts always logs in in two steps: link an authenticator app with the QR code's key
    arts.get_by_role("heading", name="Inloggen in twee stappen instellen").wait_for()
    assert arts.locator(".qr svg").count() == 1
    shot(arts, "06a-tweede-stap-instellen")
    assert_accessible(arts, "tweede stap instellen")
    arts.fill("#id_code", totp.code_uit_sleutel(arts.locator("code.sleutel").inner_text()))
    arts.get_by_role("button", name="Koppelen", exact=True).click()
    arts.get_by_text("Uw authenticator-app is gekoppeld").wait_for()
    # then, once, the recovery codes for a lost phone
    assert arts.locator("ol.herstelcodes li").count() == 10
    shot(arts, "06b-herstelcodes")
    assert_accessible(arts, "herstelcodes")
    arts.get_by_role("link", name="Ik heb de codes bewaard").click()
    arts.get_by_role("link", name="Werkvoorraad", exact=True).click()
    queue = arts.locator("table.lijst").inner_text()
    assert "Probleemanalyse bedrijfsarts" in queue and "Mila de Boer" in queue
    shot(arts, "06-werkvoorraad-bedrijfsarts")
    assert_accessible(arts, "werkvoorraad bedrijfsarts")
    assert arts.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    cm.close()
    arts.close()
