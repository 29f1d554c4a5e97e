"""The re-integratiebedrijf's own page in the browser, checked against the track-2 monitoring of issue 9: the next
monthly progress meeting it owes, the warning when the trajectory has gone quiet, and applications and contacts
per month as a chart with the figures; recording an application from the page ends the warning."""

from __future__ import annotations

import pytest

from spoorwijzer.dossier.models import Gebeurtenis

pytestmark = pytest.mark.browser


def test_provider_sees_meetings_due_quiet_warning_and_activity_per_month(world_live, login):
    g = world_live.anna  # track 2 with Werkpad since five weeks, nothing recorded since: a quiet trajectory
    for viewport in ((1280, 900), (390, 844)):
        page = login(world_live.users.reintegratiebedrijf, viewport=viewport)
        page.goto(f"{world_live.url}/dossier/{g.pk}/")
        monitor = page.locator("section", has=page.locator("#monitor-kop"))
        assert "Stil traject." in monitor.locator(".waarschuwing").inner_text()
        assert "Volgend maandelijks voortgangsgesprek" in monitor.inner_text()
        assert "te laat" in monitor.inner_text()  # more than a month since the start without a progress meeting
        assert monitor.locator("svg.grafiek").is_visible()
        assert "€" not in page.locator("#inhoud").inner_text() and "Loonsanctie" not in page.content()
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport[0] + 1
    page.get_by_role("link", name="Sollicitatie vastleggen").click()
    form = page.locator("form").filter(has=page.locator("[name=veld_werkgever]"))
    form.locator("[name=veld_werkgever]").fill("Logistiek Noord")
    form.locator("[name=veld_functie]").fill("Planner")
    form.locator("[name=veld_uitkomst]").select_option("verstuurd")
    form.get_by_role("button", name="Vastleggen").click()
    page.get_by_text("Sollicitatie is vastgelegd.").wait_for()
    assert Gebeurtenis.objects.filter(geval=g, code="sollicitatie", data__werkgever="Logistiek Noord").exists()
    page.goto(f"{world_live.url}/dossier/{g.pk}/")
    monitor = page.locator("section", has=page.locator("#monitor-kop"))
    assert monitor.locator(".waarschuwing").count() == 0
    monitor.get_by_text("Cijfers per maand").click()
    cells = [int(c) for c in monitor.locator("tbody tr td:nth-child(2)").all_inner_texts()]
    assert sum(cells) == 1
