"""Issue 8 in the real browser: a casemanager records a deviation from a legal deadline with a deugdelijke grond
from the late step's own row; the step then reads 'afwijking met deugdelijke grond' with whose judgement it is.
Screenshots at 1280 and 390 px go to the pytest tmp dir."""

from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.browser


def test_a_casemanager_records_a_deugdelijke_grond_for_a_late_step(world_live, login, tmp_path):
    w = world_live
    g = w.anna  # week 60 without a probleemanalyse: late
    cm = login(w.users.casemanager)
    cm.goto(f"{w.url}/dossier/{g.pk}/")
    row = cm.locator("tr[data-stap=probleemanalyse]")
    assert "te laat" in row.inner_text()
    row.get_by_role("link", name="Afwijking van de termijn van Probleemanalyse bedrijfsarts").click()
    form = cm.locator("#formulier form")
    form.wait_for()
    assert form.locator("select[name=veld_stap]").input_value() == "probleemanalyse"
    form.locator("select[name=veld_grond]").select_option("toestand_werknemer")
    form.locator("textarea[name=veld_motivatie]").fill("Werknemer was lange tijd niet belastbaar voor een gesprek")
    form.locator("input[name=veld_nieuwe_datum]").fill((w.today + dt.timedelta(days=14)).isoformat())
    form.locator("input[name=veld_oordeel_door]").fill("dr. Jansen")
    form.locator("select[name=veld_oordeel_rol]").select_option("bedrijfsarts")
    form.get_by_role("button", name="Vastleggen").click()
    cm.get_by_text("is vastgelegd.").wait_for()
    row = cm.locator("tr[data-stap=probleemanalyse]")
    text = row.inner_text()
    assert "afwijking met deugdelijke grond" in text and "dr. Jansen (bedrijfsarts)" in text and "te laat" not in text
    cm.screenshot(path=str(tmp_path / "afwijking-1280.png"), full_page=False)
    phone = login(w.users.casemanager, viewport=(390, 844))
    phone.goto(f"{w.url}/dossier/{g.pk}/")
    phone.locator("tr[data-stap=probleemanalyse]").scroll_into_view_if_needed()
    phone.screenshot(path=str(tmp_path / "afwijking-390.png"))
