"""The stored counts of deadlines per step (Termijntelling, decision 0026) against a recount from the Termijn rows
after records, corrections, a rule change rebuilt by `beheer vernieuw_termijnen`, and a destruction; and the
deadlines-per-step figure from the counts against the figure from the rows, for every scope the page uses."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from spoorwijzer.dossier import bewaren, figuren, services
from spoorwijzer.dossier.models import Termijn, Termijntelling, Verzuimgeval, Werkgever, Werknemer

D = dt.date


def recount() -> Counter:
    """By hand from the rows: each needed deadline of a case with a first sick day, once for its employer and once
    for the organisation (employer 0), by first sick day, step, name, deadline and state."""
    out: Counter = Counter()
    for t in Termijn.objects.select_related("geval"):
        g = t.geval
        if t.niet_nodig or t.uiterlijk is None or g.eerste_ziektedag is None:
            continue
        stand = "open" if t.gedaan_op is None else "op_tijd" if t.gedaan_op <= t.uiterlijk else "te_laat"
        for wg in (g.werkgever_id, 0):
            out[(g.organisatie_id, wg, g.eerste_ziektedag, t.code, t.naam, t.uiterlijk, stand)] += 1
    return out


def stored() -> Counter:
    rows = list(Termijntelling.objects.all())
    assert all(r.aantal > 0 for r in rows), "a count that fell to zero is removed"
    return Counter(
        {
            (r.organisatie_id, r.werkgever_pk, r.eerste_ziektedag, r.code, r.naam, r.uiterlijk, r.stand): r.aantal
            for r in rows
        }
    )


@pytest.fixture
def figuur(world):
    wg = Werkgever.objects.create(organisatie=world.noord, naam="Telling BV")
    people = [Werknemer.objects.create(werkgever=wg, naam=f"T{i}", uren_per_week=38) for i in range(4)]
    return wg, people


def test_stored_counts_equal_a_recount_after_records_corrections_a_rule_change_and_a_destruction(
    world, figuur, monkeypatch
):
    wg, (a, b, c, _d) = figuur
    cm, ba = world.users.casemanager, world.users.bedrijfsarts
    assert stored() == recount() and stored()  # the world's cases were counted when they were created
    g1 = services.nieuw_geval(cm, a, D(2025, 1, 6))
    pa = services.vastleggen(ba, g1, "probleemanalyse", D(2025, 2, 10), {"advies": "Opbouw in uren"})
    g2 = services.nieuw_geval(cm, b, D(2025, 1, 13))
    services.vastleggen(ba, g2, "probleemanalyse", D(2025, 3, 1), {"advies": "Opbouw in uren"})
    g3 = services.nieuw_geval(cm, c, D(2025, 1, 6))  # the same first sick day as g1: the counts add up
    assert stored() == recount()
    key = (world.noord.pk, 0, D(2025, 1, 6), "probleemanalyse")
    assert sum(n for k, n in stored().items() if k[:4] == key and k[6] == "op_tijd") == 1
    # a correction: g1's problem analysis was in fact late; g3's first sick day was a week earlier
    services.vastleggen(ba, g1, "probleemanalyse", D(2025, 2, 20), {"advies": "Opbouw in uren"}, vervangt=pa)
    ziek = g3.gebeurtenissen.get(code="ziekmelding")
    services.vastleggen(cm, g3, "ziekmelding", D(2024, 12, 30), vervangt=ziek)
    assert stored() == recount()
    assert not any(k[2] == D(2025, 1, 6) and k[6] == "op_tijd" and k[3] == "probleemanalyse" for k in stored())
    # recovery: the open steps no longer apply
    services.vastleggen(cm, g2, "herstelmelding", D(2025, 4, 1))
    assert stored() == recount()

    # a rule change (here: every deadline of the plan of approach a week later), rebuilt by the command
    def later(geval, sched, orig=services.termijn_rijen):
        rows = orig(geval, sched)
        for t in rows:
            if t.code == "plan_van_aanpak" and t.uiterlijk:
                t.uiterlijk += dt.timedelta(days=7)
        return rows

    before = stored()
    monkeypatch.setattr(services, "termijn_rijen", later)
    call_command("vernieuw_termijnen", stdout=StringIO())
    assert stored() == recount() and stored() != before
    monkeypatch.undo()

    # destroying the employer's dossier takes its deadlines, and their counts
    bewaren.vernietig(bewaren.Vervallen("werkgeversdossier", g2, D(2027, 4, 1), "test", [g2.pk]), world.today)
    assert not Termijn.objects.filter(geval=g2).exists()
    assert stored() == recount()
    # the migration's fill (as figuren.vul_termijntellingen) gives exactly what was kept up to date
    kept = stored()
    figuren.vul_termijntellingen()
    assert stored() == kept


def scopes(world, wg):
    noord = Verzuimgeval.objects.filter(organisatie=world.noord, vernietigd_op__isnull=True)
    return [
        (noord, figuren.Bereik(world.noord.pk)),
        (noord.filter(werkgever=wg), figuren.Bereik(world.noord.pk, wg.pk)),
        (Verzuimgeval.objects.filter(werkgever=world.bouw), figuren.Bereik(None, world.bouw.pk)),
        (Verzuimgeval.objects.filter(organisatie=world.zuid), figuren.Bereik(world.zuid.pk)),
    ]


def test_deadlines_per_step_hand_computed_from_the_stored_counts(world, figuur):
    wg, (a, b, c, _d) = figuur
    cm, ba = world.users.casemanager, world.users.bedrijfsarts
    advies = {"advies": "Opbouw in uren"}
    g1 = services.nieuw_geval(cm, a, D(2025, 1, 6))  # probleemanalyse due 2025-02-16 (D+41)
    services.vastleggen(ba, g1, "probleemanalyse", D(2025, 2, 10), advies)  # on time
    g2 = services.nieuw_geval(cm, b, D(2025, 1, 13))  # due 2025-02-23
    services.vastleggen(ba, g2, "probleemanalyse", D(2025, 3, 1), advies)  # late
    g3 = services.nieuw_geval(cm, c, D(2025, 2, 3))  # due 2025-03-16
    services.vastleggen(ba, g3, "probleemanalyse", D(2025, 3, 16), advies)  # on the last day: on time
    bereik = figuren.Bereik(world.noord.pk, wg.pk)

    def rows(van, tot, vandaag):
        p = figuren.Periode(van, tot)
        return {r["code"]: r for r in figuren.termijnen(None, vandaag, figuren.telling(bereik, p))}

    year = rows(D(2025, 1, 1), D(2025, 12, 31), D(2025, 3, 10))
    pa = year["probleemanalyse"]
    assert (pa["op_tijd"], pa["te_laat_gedaan"], pa["open_te_laat"], pa["aandeel_op_tijd"]) == (2, 1, 0, 2 / 3)
    # plan van aanpak: two weeks after each problem analysis, due 2025-02-24 (g1), 2025-03-15 (g2) and 2025-03-30
    # (g3): on 10 March one open and overdue, two open; on 20 February all open; on 20 March two overdue
    pva = year["plan_van_aanpak"]
    assert (pva["open_te_laat"], pva["open"]) == (1, 2)
    pva = rows(D(2025, 1, 1), D(2025, 12, 31), D(2025, 2, 20))["plan_van_aanpak"]
    assert (pva["open_te_laat"], pva["open"]) == (0, 3)
    pva = rows(D(2025, 1, 1), D(2025, 12, 31), D(2025, 3, 20))["plan_van_aanpak"]
    assert (pva["open_te_laat"], pva["open"], pva["aandeel_op_tijd"]) == (2, 1, 0.0)
    # the period filters on the first sick day, to the day: from 7 January g2 and g3 remain
    pa = rows(D(2025, 1, 7), D(2025, 12, 31), D(2025, 3, 10))["probleemanalyse"]
    assert (pa["op_tijd"], pa["te_laat_gedaan"]) == (1, 1)
    assert rows(D(2025, 1, 6), D(2025, 1, 6), D(2025, 3, 10))["probleemanalyse"]["op_tijd"] == 1
    assert rows(D(2025, 2, 4), D(2025, 12, 31), D(2025, 3, 10)) == {}
    # the same figures from the rows
    cases = Verzuimgeval.objects.filter(werkgever=wg)
    assert list(year.values()) == figuren.termijnen(cases, D(2025, 3, 10))


@pytest.mark.parametrize("vandaag_dagen", [0, -200, 400])
def test_the_figure_from_the_counts_equals_the_figure_from_the_rows(world, figuur, vandaag_dagen):
    wg, people = figuur
    cm, ba = world.users.casemanager, world.users.bedrijfsarts
    today = world.today
    for i, person in enumerate(people):
        g = services.nieuw_geval(cm, person, today - dt.timedelta(days=60 * i + 10))
        if i % 2:
            services.vastleggen(
                ba, g, "probleemanalyse", g.eerste_ziektedag + dt.timedelta(days=20 * i), {"advies": "x"}
            )
    vandaag = today + dt.timedelta(days=vandaag_dagen)
    covered = 0
    for van in (today - dt.timedelta(days=400), today - dt.timedelta(days=70), today - dt.timedelta(days=10)):
        p = figuren.Periode(van, today)
        for gevallen, bereik in scopes(world, wg):
            in_period = gevallen.filter(eerste_ziektedag__gte=p.van, eerste_ziektedag__lte=p.tot)
            raw = figuren.termijnen(in_period, vandaag)
            assert raw == figuren.termijnen(in_period, vandaag, figuren.telling(bereik, p)), (van, bereik)
            covered += sum(r["op_tijd"] + r["te_laat_gedaan"] + r["open_te_laat"] + r["open"] for r in raw)
    assert covered > 100  # the comparison covered many deadlines


def test_the_page_reads_the_counts_for_an_organisation_and_an_employer_not_the_rows(client, world, figuur):

    wg, (a, *_rest) = figuur
    services.nieuw_geval(world.users.casemanager, a, world.today - dt.timedelta(days=30))
    van = (world.today - dt.timedelta(days=500)).isoformat()  # the world's Anna fell sick 60 weeks ago
    for user, query in (
        (world.users.casemanager, {"van": van}),
        (world.users.casemanager, {"van": van, "werkgever": wg.pk}),
        (world.users.werkgever, {"van": van}),
        (world.users.bedrijfsarts, {"van": van}),
    ):
        client.force_login(user)
        with CaptureQueriesContext(connection) as q:
            html = client.get("/cijfers/", query).content.decode()
        assert "Probleemanalyse bedrijfsarts" in html
        assert not any('"dossier_termijn"' in x["sql"] for x in q.captured_queries), (user, query)
