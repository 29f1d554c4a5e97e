"""The RIV-toets in the browser: a casemanager sees the findings on a case page, follows a finding's repair
link, records the missing step, and the finding is gone; the same page fits a phone."""

from __future__ import annotations

import pytest

from spoorwijzer.dossier.models import Gebeurtenis

pytestmark = pytest.mark.browser


def test_casemanager_repairs_a_finding_from_the_toets(world_live, login):
    g = world_live.anna  # week 60 without eerstejaarsevaluatie: a tekortkoming
    page = login(world_live.users.casemanager)
    page.goto(f"{world_live.url}/dossier/{g.pk}/")
    toets = page.locator("#toets")
    assert "Loonsanctie mogelijk" in toets.locator(".uitkomst").inner_text()
    finding = toets.locator("li[data-bevinding=eerstejaarsevaluatie]")
    assert "tekortkoming" in finding.locator(".badge").inner_text()
    assert "Ontbreekt" in finding.inner_text() and "Regeling procesgang" in finding.inner_text()
    page.screenshot(path="/tmp/toets-casemanager-desktop.png", full_page=True)
    finding.get_by_role("link", name="Eerstejaarsevaluatie vastleggen").click()  # HTMX loads the form
    form = page.locator("#formulier form")
    form.wait_for()
    form.locator("textarea[name=veld_verslag]").fill(
        "Terugblik jaar 1: geen perspectief in eigen bedrijf, spoor 2 loopt"
    )
    form.get_by_role("button", name="Vastleggen").click()
    page.get_by_text("Eerstejaarsevaluatie is vastgelegd.").wait_for()
    assert Gebeurtenis.objects.filter(geval=g, code="eerstejaarsevaluatie").exists()
    # repaired: no longer missing; held after the end of year 1 it stays a risk (held late), no shortcoming
    after = page.locator("li[data-bevinding=eerstejaarsevaluatie]")
    assert "risico" in after.locator(".badge").inner_text() and "Gehouden op" in after.inner_text()


def test_toets_on_a_phone(world_live, login):
    page = login(world_live.users.casemanager, viewport=(390, 844))
    page.goto(f"{world_live.url}/dossier/{world_live.anna.pk}/")
    assert page.locator("#toets .bevinding").first.is_visible()
    page.screenshot(path="/tmp/toets-casemanager-phone.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1
