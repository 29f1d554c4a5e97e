"""In the real UI (headless Chromium): a loonstop shows on the employee's income page (phone) and on the
employer's costs page with its period and amounts; an open question waits in the casemanager's work queue with
its answer-by date and leads to the thread."""

from __future__ import annotations

import datetime as dt

import pytest

from spoorwijzer.dossier import services
from spoorwijzer.law import opvolging
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.tekst import datum
from tests.browser.axe import assert_accessible

pytestmark = pytest.mark.browser


def test_loonstop_on_income_and_costs_and_the_question_in_the_work_queue(world_live, login):
    w = world_live
    start = w.today - dt.timedelta(days=21)
    services.vastleggen(
        w.users.werkgever, w.anna, "loonmaatregel", start,
        {"grond": "lid3e", "mededeling_op": (start - dt.timedelta(days=1)).isoformat()},
    )  # fmt: skip
    vraag = services.vastleggen(
        w.users.werknemer, w.anna, "vraag", w.today - dt.timedelta(days=10),
        {"soort": "onenigheid", "onderwerp": "loonmaatregel", "tekst": "Mijn loon is gestopt."},
    )  # fmt: skip

    wn = login(w.users.werknemer, viewport=(390, 844))
    wn.goto(f"{w.url}/dossier/{w.anna.pk}/inkomen/")
    row = wn.locator("tr[data-inhouding=loonstop]")
    text = row.inner_text()
    assert f"{datum(start)} tot en met {datum(w.today)} (22 dagen)" in text
    assert "Vervallen: €" in text and "vanaf morgen weer wordt betaald" in text
    assert wn.evaluate("document.documentElement.scrollWidth") <= 390 + 1
    assert_accessible(wn, "werknemer: inkomen met loonstop (telefoon)", include="#inhoud")
    wn.screenshot(path="/tmp/case8_werknemer_inkomen_390.png", full_page=True)

    hr = login(w.users.werkgever)
    hr.goto(f"{w.url}/dossier/{w.anna.pk}/kosten/")
    post = hr.locator("tr", has_text="Loonstop (BW 7:629 lid 3 onder e)")
    assert "geen recht op loon over deze dagen" in post.inner_text() and "-€" in post.inner_text()
    hr.screenshot(path="/tmp/case8_werkgever_kosten_1280.png", full_page=True)

    cm = login(w.users.casemanager, viewport=(390, 844))
    cm.goto(f"{w.url}/werkvoorraad/")
    due = opvolging.antwoord_uiterlijk(LawContext.baseline(), w.today - dt.timedelta(days=10), 5)
    taak = cm.locator("tr", has_text="Vraag beantwoorden")
    assert datum(due) in taak.inner_text() and "te laat" in taak.inner_text()
    assert cm.evaluate("document.documentElement.scrollWidth") <= 390 + 1
    cm.screenshot(path="/tmp/case8_casemanager_werkvoorraad_390.png", full_page=True)
    taak.get_by_role("link", name="Anna").click()
    cm.wait_for_url(f"**/dossier/{w.anna.pk}/vragen/{vraag.pk}/")
    assert "Mijn loon is gestopt." in cm.content()
