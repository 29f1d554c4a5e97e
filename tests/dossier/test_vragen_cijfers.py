"""Questions and disputes in the figures (issue 13: 'each part shows in the figures'): hand-counted threads, the
organisation's answer term (five working days by default), the page, both exports and another tenant's view."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from spoorwijzer.dossier import services, vragen
from spoorwijzer.dossier.models import Verzuimgeval
from tests.world import PASSWORD

pytestmark = pytest.mark.django_db
D = dt.date


def login(user) -> Client:
    c = Client()
    assert c.login(username=user.username, password=PASSWORD)
    return c


def ask(world, datum, onderwerp, soort="vraag"):
    return services.vastleggen(
        world.users.werknemer, world.anna, "vraag", datum, {"soort": soort, "onderwerp": onderwerp, "tekst": "?"}
    )


@pytest.fixture
def threads(world):
    """Five questions of Anna's; the period 2026 holds four of them.
    - 1 June 2026 (a Monday; term: five working days, 8 June): answered the next day, in time;
    - 1 June, a dispute about the bedrijfsarts's judgement: answered on 22 June (late), a deskundigenoordeel asked
      on 23 June, its outcome (no further consequence) on 1 July: 30 days from question to outcome;
    - 3 June: never answered, its term long past;
    - today: not answered yet, within its term;
    - 1 December 2025: before the period."""
    cm, wn = world.users.casemanager, world.users.werknemer
    q1 = ask(world, D(2026, 6, 1), "passend_werk")
    services.vastleggen(cm, world.anna, "vraag_antwoord", D(2026, 6, 2), {"vraag": q1.pk, "antwoord": "Ja."})
    q2 = ask(world, D(2026, 6, 1), "oordeel_bedrijfsarts", soort="onenigheid")
    services.vastleggen(cm, world.anna, "vraag_antwoord", D(2026, 6, 22), {"vraag": q2.pk, "antwoord": "Nee."})
    route = {"vraag": q2.pk, "route": "deskundigenoordeel", "aanvrager": "werknemer", "vraagstelling": "Klopt het?"}
    services.vastleggen(wn, world.anna, "vraag_route", D(2026, 6, 23), route)
    vragen.uitkomst_vastleggen(cm, world.anna, D(2026, 7, 1), {"vraag": q2.pk, "uitkomst": "UWV: ja", "gevolg": "geen"})
    ask(world, D(2026, 6, 3), "plan_van_aanpak")
    ask(world, world.today, "anders")
    ask(world, D(2025, 12, 1), "routekeuze")
    return world


def test_questions_in_the_period_counted_by_response_route_and_outcome(threads):
    w = threads
    vr = vragen.cijfers(Verzuimgeval.objects.filter(pk=w.anna.pk), w.today, D(2026, 1, 1), w.today)
    assert vr["vragen"] == 4 and vr["soorten"] == {"vraag": 3, "onenigheid": 1}
    assert vr["reactie"] == {"op_tijd": 1, "te_laat": 1, "open_te_laat": 1, "open": 1}
    # in time among those that got an answer or whose term passed: 1 of 3; the one still within its term is not judged
    assert vr["pct_op_tijd"] == 33.3 and vr["kleine_groep"]
    assert [(o["code"], o["aantal"]) for o in vr["per_onderwerp"]] == [
        ("plan_van_aanpak", 1),
        ("oordeel_bedrijfsarts", 1),
        ("passend_werk", 1),
        ("anders", 1),
    ]
    assert [(r["code"], r["aantal"]) for r in vr["routes"]] == [("deskundigenoordeel", 1)]
    assert [(u["code"], u["aantal"]) for u in vr["uitkomsten"]] == [("geen", 1)]
    assert vr["afgerond"] == 1 and vr["mediaan_dagen_tot_uitkomst"] == 30.0
    # without a period every question counts, the December 2025 one (never answered, late) too
    alle = vragen.cijfers(Verzuimgeval.objects.filter(pk=w.anna.pk), w.today)
    assert alle["vragen"] == 5 and alle["reactie"]["open_te_laat"] == 2


def test_the_figures_page_and_exports_show_them_and_another_tenant_sees_none(threads):
    w = threads
    cm = login(w.users.casemanager)
    page = cm.get("/cijfers/", {"van": "01-01-2026"}).content.decode()
    sectie = page.split('id="vragen-cijfers-kop"')[1].split("</section>")[0]
    assert "4 gesteld: 3 vragen en 1 keer onenigheid." in sectie
    assert "1 van de 3 op tijd beantwoord (33,3%)" in sectie and "een kleine groep" in sectie
    assert "1 wacht nog op antwoord binnen de termijn" in sectie
    assert "<svg" in sectie and 'aria-label="Vragen en onenigheid naar antwoord' in sectie
    assert "Deskundigenoordeel" in sectie and "(mediaan 30 dagen van vraag tot uitkomst)" in sectie
    csv = cm.get("/cijfers/", {"van": "01-01-2026", "formaat": "csv"}).content.decode("utf-8-sig")
    assert "% op tijd beantwoord;33,3" in csv and "te laat beantwoord;1" in csv
    assert "mediaan dagen van vraag tot uitkomst;30,0" in csv and "afgerond met een uitkomst;1" in csv
    assert "formele route: deskundigenoordeel van UWV;1" in csv  # 'UWV' keeps its capitals
    # the casemanager of another organisation sees no question of Anna's
    zuid = login(w.users.casemanager_zuid).get("/cijfers/", {"van": "01-01-2026"}).content.decode()
    assert "Geen vragen of onenigheid gesteld in deze periode." in zuid


def test_a_day_that_does_not_exist_is_named_as_such(world):
    """Review finding: '31-02-2026' got 'vul een datum in als 31-12-2025', the very form the user had used."""
    r = login(world.users.casemanager).get("/cijfers/", {"van": "31-02-2026"})
    page = r.content.decode()
    assert r.status_code == 400 and "Van: 31-02-2026 bestaat niet" in page
    r = login(world.users.casemanager).get("/cijfers/", {"van": "gisteren"})
    assert "Van: vul een datum in als 31-12-2025." in r.content.decode()
