"""The employer's quality file in the browser (issue 13 part 3): the employer answers an item of the
self-assessment from the menu, the casemanager records why a provider was chosen; axe finds nothing, and the
page fits a phone."""

from __future__ import annotations

import pytest

from spoorwijzer.dossier.models import Beleidsnotitie, Zelfbeoordeling
from tests.browser.axe import assert_accessible

pytestmark = pytest.mark.browser


def test_employer_answers_the_self_assessment_and_casemanager_records_a_provider_choice(world_live, login):
    bouw = world_live.users.werkgever.rol.werkgever
    page = login(world_live.users.werkgever)
    page.get_by_role("link", name="Kwaliteitsdossier").click()
    page.get_by_role("heading", name=f"Kwaliteitsdossier: {bouw.naam}").wait_for()
    item = page.locator("#regel-probleemanalyse")
    assert "Nog niet beoordeeld" in item.inner_text() and "Regeling procesgang" in item.inner_text()
    item.locator("summary").click()
    item.get_by_label("Voldoet deels").check()
    item.get_by_label("Toelichting: hoe borgt u dit?").fill("Bedrijfsarts ziet iedereen in week 5")
    item.get_by_role("button", name="Vastleggen").click()
    page.get_by_text("Uw beoordeling is vastgelegd.").wait_for()
    item = page.locator("#regel-probleemanalyse")
    assert "Voldoet deels" in item.inner_text() and "Bedrijfsarts ziet iedereen in week 5" in item.inner_text()
    assert Zelfbeoordeling.objects.get(werkgever=bouw).vastgelegd_door == world_live.users.werkgever
    assert_accessible(page, "kwaliteitsdossier werkgever")
    page.screenshot(path="/tmp/kwaliteit-werkgever-desktop.png", full_page=True)

    page = login(world_live.users.casemanager)
    page.goto(f"{world_live.url}/kwaliteit/")
    page.get_by_role("link", name=bouw.naam).click()
    page.locator("#beleid summary").click()
    page.get_by_label("Wat legt u vast?").select_option("reintegratiebedrijf")
    page.get_by_label("Re-integratiebedrijf (bij een gekozen bedrijf)").select_option(label="Werkpad")
    page.get_by_label("Waarom gekozen, of wat de procedure is").fill("Netwerk in de bouw")
    page.locator("#beleid").get_by_role("button", name="Vastleggen").click()
    page.get_by_text("Vastgelegd in het kwaliteitsdossier.").wait_for()
    assert (
        "Werkpad" in page.locator("#beleid").inner_text()
        and "Netwerk in de bouw" in page.locator("#beleid").inner_text()
    )
    assert Beleidsnotitie.objects.get(werkgever=bouw).rol == "casemanager"
    # the employer's answer is in the casemanager's view too, with who recorded it
    assert "Bedrijfsarts ziet iedereen in week 5" in page.locator("#regel-probleemanalyse").inner_text()


def test_quality_file_on_a_phone(world_live, login):
    page = login(world_live.users.werkgever, viewport=(390, 844))
    page.goto(f"{world_live.url}/kwaliteit/")
    page.locator("#zelfbeoordeling").wait_for()
    page.screenshot(path="/tmp/kwaliteit-werkgever-phone.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1
