"""A case run in the real browser by the right roles, from ziekmelding to herstel; the employee's phone view."""

from __future__ import annotations

import datetime as dt

import pytest

from spoorwijzer.dossier.models import Verzuimgeval, Werknemer

pytestmark = pytest.mark.browser


def test_a_case_from_ziekmelding_to_herstel_by_the_right_roles(world_live, login):
    w = world_live
    dirk = Werknemer.objects.create(werkgever=w.bouw, naam="Dirk de Wit", maandloon_cent=310000)
    cm = login(w.users.casemanager)
    cm.goto(f"{w.url}/ziekmelding/")
    cm.select_option("#id_werknemer", label="Dirk de Wit")
    cm.fill("#id_eerste_ziektedag", (w.today - dt.timedelta(days=20)).isoformat())
    cm.get_by_role("button", name="Ziekmelding vastleggen").click()
    cm.get_by_text("Ziekmelding vastgelegd").wait_for()
    g = Verzuimgeval.objects.get(werknemer=dirk)
    # the bedrijfsarts holds the probleemanalyse
    ba = login(w.users.bedrijfsarts)
    ba.goto(f"{w.url}/dossier/{g.pk}/")
    ba.locator("tr[data-stap=probleemanalyse]").get_by_role("link", name="Vastleggen").click()
    form = ba.locator("#formulier form")
    form.wait_for()
    form.locator("textarea[name=veld_mogelijkheden]").fill("Aangepast werk, halve dagen")
    form.get_by_role("button", name="Vastleggen").click()
    ba.get_by_text("Probleemanalyse bedrijfsarts is vastgelegd.").wait_for()
    # the casemanager records the recovery: the case leaves the open list and goes to the archive
    cm.goto(f"{w.url}/dossier/{g.pk}/vastleggen/herstelmelding/")
    cm.fill("#id_datum", (w.today - dt.timedelta(days=1)).isoformat())
    cm.locator("main form button[type=submit]").click()
    cm.locator(".melding.success").wait_for()
    assert "Afgesloten op" in cm.locator("main").inner_text()
    cm.goto(f"{w.url}/")
    assert "Dirk de Wit" not in cm.locator("main").inner_text()
    cm.goto(f"{w.url}/archief/")
    assert "Dirk de Wit" in cm.locator("main").inner_text()
    g.refresh_from_db()
    assert g.afsluitreden == "herstel" and g.volgende_uiterlijk is None


def test_the_employees_own_page_is_short_on_a_phone_with_job_search_on_top(world_live, login):
    page = login(world_live.users.werknemer, viewport=(390, 844))
    page.goto(f"{world_live.url}/dossier/{world_live.anna.pk}/")
    button = page.get_by_role("link", name="Sollicitatie toevoegen")
    assert button.bounding_box()["y"] < 844  # on the first screen
    assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1
    assert page.evaluate("document.body.scrollHeight") < 3000
    button.click()
    page.fill("input[name=veld_werkgever]", "Bakkerij Zoet")
    page.fill("input[name=veld_functie]", "Planner")
    page.select_option("select[name=veld_uitkomst]", "verstuurd")
    page.locator("main form button[type=submit]").click()
    page.get_by_text("Sollicitatie is vastgelegd.").wait_for()
    assert "Bakkerij Zoet" in page.locator("main").inner_text()
