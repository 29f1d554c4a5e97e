"""The real UI in headless Chromium: what each person sees and does."""

from __future__ import annotations

import pytest

from spoorwijzer.dossier import services
from spoorwijzer.dossier.models import Gebeurtenis

pytestmark = pytest.mark.browser


def test_every_role_logs_in_and_lands_where_it_should(world_live, login):
    u = world_live.users
    for user, expect in [
        (u.casemanager, "Verzuimdossiers"),
        (u.werkgever, "Verzuimdossiers"),
        (u.bedrijfsarts, "Verzuimdossiers"),
        (u.arbeidsdeskundige, "Verzuimdossiers"),
        (u.reintegratiebedrijf, "Verzuimdossiers"),
        (u.werknemer, "Anna"),
    ]:
        page = login(user)
        assert expect in page.locator("h1").first.inner_text(), user.username
    wrong = login(u.casemanager.__class__(username="cm"))  # right name, wrong password below
    wrong.goto(world_live.url + "/inloggen/")
    wrong.fill("#id_username", "cm")
    wrong.fill("#id_password", "fout-wachtwoord")
    wrong.click("button[type=submit]")
    assert "klopt niet" in wrong.locator("[role=alert]").inner_text()


def test_bedrijfsarts_records_probleemanalyse_and_the_deadline_turns_done(world_live, login):
    page = login(world_live.users.bedrijfsarts)
    page.goto(f"{world_live.url}/dossier/{world_live.bert.pk}/")
    row = page.locator("tr[data-stap=probleemanalyse]")
    assert "gedaan" not in row.locator(".badge").inner_text()
    row.get_by_role("link", name="Vastleggen").click()  # HTMX loads the form into the page
    form = page.locator("#formulier form")
    form.wait_for()
    form.locator("textarea[name=veld_mogelijkheden]").fill("Aangepast werk, 4 uur per dag")
    form.get_by_role("button", name="Vastleggen").click()
    page.get_by_text("Probleemanalyse bedrijfsarts is vastgelegd.").wait_for()  # after HTMX's redirect
    assert page.locator("tr[data-stap=probleemanalyse] .badge").inner_text() == "gedaan"
    assert Gebeurtenis.objects.filter(geval=world_live.bert, code="probleemanalyse").exists()


def test_employer_never_sees_the_diagnosis(world_live, login):
    arts = login(world_live.users.bedrijfsarts)
    arts.goto(f"{world_live.url}/dossier/{world_live.anna.pk}/medisch/")
    arts.select_option("#id_soort", "diagnose")
    arts.fill("#id_tekst", "Hernia nuclei pulposi L5-S1")
    arts.get_by_role("button", name="Vastleggen").click()
    assert "Hernia nuclei pulposi" in arts.content()

    hr = login(world_live.users.werkgever)
    hr.goto(f"{world_live.url}/dossier/{world_live.anna.pk}/")
    assert "Hernia" not in hr.content()
    assert hr.get_by_role("link", name="Medisch (bedrijfsarts)").count() == 0
    response = hr.goto(f"{world_live.url}/dossier/{world_live.anna.pk}/medisch/")
    assert response.status == 403 and "Hernia" not in hr.content()


def test_employer_warned_about_medical_text_and_input_kept(world_live, login):
    hr = login(world_live.users.werkgever)
    hr.goto(f"{world_live.url}/dossier/{world_live.anna.pk}/vastleggen/evaluatie/")
    hr.fill("textarea[name=veld_verslag]", "Zij is depressief en slikt medicatie")
    hr.get_by_role("button", name="Vastleggen").click()
    alert = hr.locator("[role=alert]").inner_text()
    assert "lijkt medische informatie" in alert and "depressief" in alert
    assert hr.locator("textarea[name=veld_verslag]").input_value() == "Zij is depressief en slikt medicatie"
    assert not Gebeurtenis.objects.filter(geval=world_live.anna, code="evaluatie").exists()


def test_case_page_works_on_a_phone(world_live, login):
    services.vastleggen(
        world_live.users.casemanager, world_live.anna, "ziekmelding_arbodienst", world_live.anna.eerste_ziektedag
    )
    page = login(world_live.users.casemanager, viewport=(390, 844))
    page.goto(f"{world_live.url}/dossier/{world_live.anna.pk}/")
    assert page.locator(".tijdlijn").is_visible()
    # no horizontal scrolling of the page itself on a phone
    assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1


def test_casemanager_filters_the_dashboard_by_typing_an_employer(world_live, login):
    page = login(world_live.users.casemanager)
    field = page.get_by_label("Werkgever")
    field.fill("zor")  # HTMX fetches suggestions from the user's scope into the datalist
    from playwright.sync_api import expect as verwacht

    verwacht(page.locator("#werkgevers-lijst option")).to_have_count(1)  # not Bouw BV
    assert page.locator("#werkgevers-lijst option").get_attribute("value") == "Zorg BV"
    field.fill("Zorg BV")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**werkgever_naam=Zorg+BV**")
    rows = page.locator("table.lijst tbody").inner_text()
    assert "Bert" in rows and "Anna" not in rows
    page.screenshot(path="/tmp/api10-dashboard-typeahead.png")
