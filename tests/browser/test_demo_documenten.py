"""Every document kind can be made from the demo itself (issue 9): the demo's bevredigend-resultaat dossier holds
a probleemanalyse, plan van aanpak, eerstejaarsevaluatie, actueel oordeel, eindevaluatie, a trajectory with its
intake, progress meetings and end, and a re-integratieverslag. The bedrijfsarts makes the two medical-advice
documents, the casemanager the others, in the real UI."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from spoorwijzer.documents.soorten import SOORTEN
from spoorwijzer.dossier.management.commands.demodata import WACHTWOORD
from spoorwijzer.dossier.models import GemaaktDocument, Verzuimgeval

pytestmark = pytest.mark.browser

BEDRIJFSARTS = {"probleemanalyse", "actueel_oordeel"}


def _login(browser, url, username, viewport=(1280, 900)):
    page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
    page.goto(url + "/inloggen/")
    page.fill("#id_username", username)
    page.fill("#id_password", WACHTWOORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    if "/inloggen/tweede-stap/" in page.url:  # the bedrijfsarts: the demo authenticator's code
        from django.contrib.auth import get_user_model

        from tests import totp

        page.fill("#id_code", totp.code(totp.authenticator(get_user_model().objects.get(username=username))))
        page.click("button[type=submit]")
        page.wait_for_load_state()
    return page


def _dossier_for(kind) -> Verzuimgeval:
    """Monique's dossier, except for a kind offered only about one event (a deskundigenoordeel route, no-risk facts):
    that one is made on the demo dossier that holds such an event."""
    monique = Verzuimgeval.objects.get(werknemer__naam="Monique Smits")
    if kind.past_bij is None:
        return monique
    for g in [monique, *Verzuimgeval.objects.exclude(pk=monique.pk).order_by("pk")]:
        if kind.onderwerpen(list(g.gebeurtenissen.all())):
            return g
    raise AssertionError(f"the demo has no dossier to make {kind.code} from")


def test_every_document_kind_is_made_from_the_demo(browser, transactional_db, live_server):
    call_command("demodata", verbosity=0)
    g = Verzuimgeval.objects.get(werknemer__naam="Monique Smits")
    codes = {e.code for e in g.gebeurtenissen.all()}
    assert {"actueel_oordeel", "eindevaluatie", "eerstejaarsevaluatie", "voortgangsgesprek"} <= codes
    made = set()
    for username, kinds in (
        ("bedrijfsarts", [s for s in SOORTEN if s.code in BEDRIJFSARTS]),
        ("casemanager", [s for s in SOORTEN if s.code not in BEDRIJFSARTS]),
    ):
        page = _login(browser, live_server.url, username)
        for kind in kinds:
            dossier = _dossier_for(kind)
            page.goto(f"{live_server.url}/dossier/{dossier.pk}/documenten/")
            before = GemaaktDocument.objects.filter(geval=dossier, soort=kind.code).count()
            page.locator(f"tr[data-soort={kind.code}]").get_by_role("button", name="Maken").click()
            page.wait_for_load_state()
            melding = page.locator(".melding").inner_text()
            assert "is gemaakt" in melding, (kind.code, melding)
            assert GemaaktDocument.objects.filter(geval=dossier, soort=kind.code).count() == before + 1, kind.code
            made.add(kind.code)
        if username == "casemanager":
            page.set_viewport_size({"width": 390, "height": 844})
            page.goto(f"{live_server.url}/dossier/{g.pk}/documenten/")
            assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1
            rows = page.locator("section", has_text="Gemaakte documenten").locator("tbody tr")
            assert rows.count() == GemaaktDocument.objects.filter(geval=g).count()
            assert rows.count() >= len([s for s in SOORTEN if s.past_bij is None])
        page.close()
    assert made == {s.code for s in SOORTEN}
