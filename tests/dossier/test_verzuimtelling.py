"""The stored counts of sick periods (Verzuimtelling, Verzuimduur; decision 0031) against a recount by hand from
the stored periods after records, corrections, a relapse, a closing and a reopening, a report closed the day it
began, a change of contract hours and a destruction; the verzuim figures from the counts against a hand-computed
case and against the figures from the rows, for the organisation and an employer over many periods."""

from __future__ import annotations

import datetime as dt
import importlib
import random
from collections import Counter
from types import SimpleNamespace

import pytest
from django.apps import apps as django_apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from spoorwijzer.dossier import bewaren, figuren, services
from spoorwijzer.dossier.models import Verzuimduur, Verzuimgeval, Verzuimtelling, Werkgever, Werknemer, Ziekteperiode
from spoorwijzer.law.context import LawContext

D = dt.date


def recount() -> tuple[Counter, Counter]:
    """By hand from the stored periods: a period ends at its first day back or at its case's closing, whichever
    comes first; per organisation, employer (and 0 for the organisation) and day: periods begun and their hours x 100,
    periods ended and their hours, periods closed the day they began; per end and begin: the ended periods."""
    dagen: Counter = Counter()
    duren: Counter = Counter()
    for z in Ziekteperiode.objects.select_related("geval__werknemer"):
        g = z.geval
        ends = [d for d in (z.herstel, g.afgesloten_op) if d is not None]
        einde = min(ends) if ends else None
        uren = int(g.werknemer.uren_per_week * 100)
        for wg in (g.werkgever_id, 0):
            if einde is not None and einde <= z.begin:
                dagen[(g.organisatie_id, wg, z.begin, "leeg")] += 1
                continue
            dagen[(g.organisatie_id, wg, z.begin, "begonnen")] += 1
            dagen[(g.organisatie_id, wg, z.begin, "begonnen_uren")] += uren
            if einde is not None:
                dagen[(g.organisatie_id, wg, einde, "geeindigd")] += 1
                dagen[(g.organisatie_id, wg, einde, "geeindigd_uren")] += uren
                duren[(g.organisatie_id, wg, einde, z.begin)] += 1
    return +dagen, +duren


def stored() -> tuple[Counter, Counter]:
    dagen: Counter = Counter()
    for r in Verzuimtelling.objects.all():
        values = {k: getattr(r, k) for k in figuren.DAG_KOLOMMEN}
        assert any(values.values()), "a row that fell to zero is removed"
        for k, v in values.items():
            dagen[(r.organisatie_id, r.werkgever_pk, r.dag, k)] += v
    duren = Counter({(r.organisatie_id, r.werkgever_pk, r.einde, r.begin): r.aantal for r in Verzuimduur.objects.all()})
    assert all(duren.values()), "a row that fell to zero is removed"
    return +dagen, duren


@pytest.fixture
def telling(world):
    wg = Werkgever.objects.create(organisatie=world.noord, naam="Verzuim BV")
    people = [
        Werknemer.objects.create(werkgever=wg, naam=f"V{i}", uren_per_week=[40, 20, 32.5, 38][i]) for i in range(4)
    ]
    return wg, people


def test_stored_counts_equal_a_recount_after_every_kind_of_change(world, telling):
    wg, (a, b, c, d) = telling
    cm = world.users.casemanager
    assert stored() == recount() and stored()[0]  # the world's cases were counted when they were created
    g1 = services.nieuw_geval(cm, a, D(2025, 1, 6))
    h = services.vastleggen(cm, g1, "herstelmelding", D(2025, 1, 20))
    services.nieuw_geval(cm, b, D(2025, 1, 6))  # the same first sick day: the counts add up
    g3 = services.nieuw_geval(cm, c, D(2025, 3, 3))
    assert stored() == recount()
    assert stored()[0][(world.noord.pk, 0, D(2025, 1, 6), "begonnen")] == 2
    # corrections: the recovery was later; a relapse in the same case and a second recovery
    services.vastleggen(cm, g1, "herstelmelding", D(2025, 1, 27), vervangt=h)
    services.vastleggen(cm, g1, "ziekmelding", D(2025, 2, 10))
    services.vastleggen(cm, g1, "herstelmelding", D(2025, 2, 14))
    assert stored() == recount()
    # a closing ends the running period on its day; a reopening lets it run again
    services.vastleggen(cm, g3, "afsluiting", D(2025, 5, 1), {"reden": "einde_dienstverband"})
    assert stored() == recount()
    assert stored()[1][(world.noord.pk, wg.pk, D(2025, 5, 1), D(2025, 3, 3))] == 1
    services.vastleggen(cm, g3, "heropening", D(2025, 5, 2), {"reden": "Toch nog ziek"})
    assert stored() == recount()
    # a report closed the day it began: no sick day
    g4 = services.nieuw_geval(cm, d, D(2025, 6, 2))
    services.vastleggen(cm, g4, "afsluiting", D(2025, 6, 2), {"reden": "einde_dienstverband"})
    assert stored() == recount()
    assert stored()[0][(world.noord.pk, wg.pk, D(2025, 6, 2), "leeg")] == 1
    # the contract hours change: every period of the employee weighs the new hours
    b.uren_per_week = 24
    b.save()
    assert stored() == recount()
    assert stored()[0][(world.noord.pk, wg.pk, D(2025, 1, 6), "begonnen_uren")] == 4000 + 2400
    Werknemer.objects.get(pk=c.pk).save()  # unchanged hours: nothing moves
    assert stored() == recount()
    # destroying the employer's dossier takes its periods, and their counts
    bewaren.vernietig(bewaren.Vervallen("werkgeversdossier", g1, D(2027, 4, 1), "test", [g1.pk]), world.today)
    assert not Ziekteperiode.objects.filter(geval_id=g1.pk).exists()
    assert stored() == recount()
    # the migration's fill (as figuren.vul_verzuimtellingen) gives exactly what was kept up to date
    kept = stored()
    figuren.vul_verzuimtellingen()
    assert stored() == kept
    Verzuimtelling.objects.all().delete()
    Verzuimduur.objects.all().delete()
    migration = importlib.import_module("spoorwijzer.dossier.migrations.0023_verzuimtelling")
    migration.vullen(django_apps, SimpleNamespace(connection=connection))
    assert stored() == kept


def test_verzuim_from_the_counts_computed_by_hand(world, telling):
    """March 2025 (31 days) for one employer: a (40 h) sick 3 to 12 March (back on the 13th): 10 days; b (20 h)
    sick since 20 February, still sick: 31 days in March, 40 days long at the end of March; c (32.5 h) sick
    10 January, closed 5 March (employment ended): 4 days in March, 54 days long; d (38 h) sick 31 March: 1 day.
    Employed all month: the four of them, weighted 130.5 h x 31 days."""
    wg, (a, b, c, d) = telling
    cm = world.users.casemanager
    services.vastleggen(cm, services.nieuw_geval(cm, a, D(2025, 3, 3)), "herstelmelding", D(2025, 3, 13))
    services.nieuw_geval(cm, b, D(2025, 2, 20))
    gc = services.nieuw_geval(cm, c, D(2025, 1, 10))
    services.vastleggen(cm, gc, "afsluiting", D(2025, 3, 5), {"reden": "einde_dienstverband"})
    Werknemer.objects.filter(pk=c.pk).update(uit_dienst=None)  # keep c in the denominator: a round figure
    services.nieuw_geval(cm, d, D(2025, 3, 31))
    ctx = LawContext.baseline()
    p = figuren.Periode(D(2025, 3, 1), D(2025, 3, 31))
    gevallen = Verzuimgeval.objects.filter(werkgever=wg)
    v = figuren.verzuim(ctx, gevallen, Werknemer.objects.filter(werkgever=wg), p, figuren.Bereik(None, wg.pk))
    sick = 40 * 10 + 20 * 31 + 32.5 * 4 + 38 * 1
    assert v["verzuimpercentage"] == pytest.approx(100 * sick / (130.5 * 31), rel=1e-12)
    assert v["nieuwe_meldingen"] == 2 and v["meldingen_in_periode"] == 4
    klassen = ctx.value("verzuim.duurklassen", p.tot)  # kort <= 14, middellang <= 91, lang <= 365, extra lang
    assert list(klassen.values())[:3] == [14, 91, 365]
    # durations: a 10 and d 1 (kort), b 40 (up to the period's end) and c 54 (to the closing): middellang
    assert v["duurklassen"] == dict(zip(klassen, [2, 2, 0, 0], strict=True))


def test_the_figures_from_the_counts_equal_those_from_the_rows(world):
    """A generated caseload: recoveries, relapses, corrections, closings the day they began or later, reopenings,
    part-timers and a change of hours; the organisation and every employer over many periods, the edges included."""
    rng = random.Random(31)
    cm = world.users.casemanager
    today = world.today
    wgs = [Werkgever.objects.create(organisatie=world.noord, naam=f"Gegenereerd {i}") for i in range(2)]
    for i in range(50):
        w = Werknemer.objects.create(werkgever=wgs[i % 2], naam=f"R{i}", uren_per_week=rng.choice([16, 24, 32.5, 38]))
        start = today - dt.timedelta(days=rng.randrange(3, 900))
        g = services.nieuw_geval(cm, w, start)
        kind = rng.random()
        if kind < 0.5:
            back = start + dt.timedelta(days=rng.choice([1, 3, 14, 15, 30, 91, 92, 200, 365, 366, 800]))
            if back <= today:
                services.vastleggen(cm, g, "herstelmelding", back)
                relapse = back + dt.timedelta(days=rng.randrange(1, 30))
                if rng.random() < 0.4 and relapse <= today:
                    services.vastleggen(cm, g, "ziekmelding", relapse)
        elif kind < 0.65:
            closed = start + dt.timedelta(days=rng.choice([0, 5, 50, 400]))
            if closed <= today:
                services.vastleggen(cm, g, "afsluiting", closed, {"reden": "einde_dienstverband"})
                if rng.random() < 0.3:
                    services.vastleggen(cm, g, "heropening", closed, {"reden": "Vergissing"})
        if i % 7 == 0:
            w.uren_per_week = 20
            w.save()
    assert Verzuimduur.objects.exists() and Verzuimtelling.objects.filter(leeg__gt=0).exists()
    ctx = LawContext.baseline()
    ends = [today - dt.timedelta(days=n) for n in (0, 1, 14, 92, 200, 366, 700)]
    periods = [figuren.Periode(tot - dt.timedelta(days=n), tot) for tot in ends for n in (0, 6, 30, 364, 729)]
    periods.append(figuren.Periode(D(2020, 1, 1), today + dt.timedelta(days=30)))
    noord = Verzuimgeval.objects.filter(organisatie=world.noord, vernietigd_op__isnull=True)
    scopes = [(noord, Werknemer.objects.filter(werkgever__organisatie=world.noord), figuren.Bereik(world.noord.pk))]
    scopes += [
        (noord.filter(werkgever=wg), Werknemer.objects.filter(werkgever=wg), figuren.Bereik(world.noord.pk, wg.pk))
        for wg in wgs
    ]
    covered = Counter()
    for p in periods:
        for gevallen, werknemers, bereik in scopes:
            rows = figuren.verzuim(ctx, gevallen, werknemers, p)
            counts = figuren.verzuim(ctx, gevallen, werknemers, p, bereik)
            pct = counts.pop("verzuimpercentage"), rows.pop("verzuimpercentage")
            assert counts == rows, (p, bereik)
            assert pct[0] == pytest.approx(pct[1], rel=1e-12), (p, bereik)
            covered.update(rows["duurklassen"])
            covered["meldingen"] += rows["meldingen_in_periode"]
    assert covered["meldingen"] > 500 and all(covered[k] > 20 for k in ("kort", "middellang", "lang", "extra_lang"))


def test_the_page_reads_the_counts_not_the_periods(client, world, telling):
    wg, (a, *_rest) = telling
    services.nieuw_geval(world.users.casemanager, a, world.today - dt.timedelta(days=30))
    van = (world.today - dt.timedelta(days=500)).isoformat()
    for user, query in (
        (world.users.casemanager, {"van": van}),
        (world.users.casemanager, {"van": van, "werkgever": wg.pk}),
        (world.users.werkgever, {"van": van}),
    ):
        client.force_login(user)
        with CaptureQueriesContext(connection) as q:
            html = client.get("/cijfers/", query).content.decode()
        assert "Verzuimpercentage" in html
        assert not any('"dossier_ziekteperiode"' in x["sql"] for x in q.captured_queries), (user, query)
