"""The numpy twin of the RIV-toets gives the scalar toets's verdicts, expected weeks and cost, dossier for
dossier, on dossiers where the rules only the scalar path evaluates (judgements, plan content, evaluation
cadence) are in order."""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np

from spoorwijzer.law import poortwachter_vec as pv
from spoorwijzer.law import toets as t
from spoorwijzer.law import toets_vec as tv
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.weeks import samentelling
from tests.law.test_toets import complete

PEIL = dt.date(2026, 11, 23)


def random_dossiers(n: int, seed: int = 7) -> list[t.ToetsFeiten]:
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(n):
        offset = int(rng.integers(20, 727))
        first = PEIL - dt.timedelta(days=offset)
        f = complete(offset, first=first)
        drop = {
            c
            for c in ("probleemanalyse", "plan_van_aanpak", "actueel_oordeel", "eindevaluatie", "oordeel_werknemer")
            if rng.random() < 0.15
        }
        stappen = tuple(s for s in f.stappen if s.code not in drop)
        late = {c: int(rng.integers(1, 40)) for c in ("probleemanalyse", "actueel_oordeel") if rng.random() < 0.1}
        stappen = tuple(dataclasses.replace(s, datum=s.datum + dt.timedelta(days=late.get(s.code, 0))) for s in stappen)
        stappen = tuple(s for s in stappen if s.datum <= PEIL)
        changes: dict = {"stappen": stappen}
        if f.eerstejaarsevaluatie and rng.random() < 0.15:
            changes["eerstejaarsevaluatie"] = None
        elif f.eerstejaarsevaluatie and rng.random() < 0.15:
            changes["eerstejaarsevaluatie"] = t.Eerstejaarsevaluatie(f.eerstejaarsevaluatie.datum, True)
        if f.tweede_spoor and rng.random() < 0.2:  # started later
            start = min(PEIL, f.tweede_spoor.start + dt.timedelta(days=int(rng.integers(10, 120))))
            changes["tweede_spoor"] = t.TweedeSpoor(start)
        if f.tweede_spoor and rng.random() < 0.15:  # not started at all
            changes.update(tweede_spoor=None)
        if f.zoekactiviteit and rng.random() < 0.3:  # some quiet months, and the last activity earlier
            keep = tuple(m for m in f.zoekactiviteit if rng.random() < 0.7)
            changes["zoekactiviteit"] = keep
            last = max((m.maand for m in keep), default=None)
            changes["laatste_zoekactiviteit"] = last + dt.timedelta(days=10) if last else None
        if rng.random() < 0.1:
            changes["resultaat"] = t.Resultaat(PEIL, bool(rng.random() < 0.8), float(rng.integers(50, 90)), True)
        out.append(dataclasses.replace(f, **changes))
    return out


def portfolio(facts: list[t.ToetsFeiten]) -> tv.ToetsPortfolio:
    ctx = LawContext.baseline()
    cases = [(samentelling(ctx, f.perioden)[-1], list(_events(f))) for f in facts]
    p = pv.Portfolio.from_cases(cases)
    base = np.datetime64("2023-01", "M")
    m = 12 * 6
    activity = np.zeros((len(facts), m), np.int64)
    for i, f in enumerate(facts):
        for a in f.zoekactiviteit:
            activity[i, int((np.datetime64(a.maand, "M") - base).astype(int))] = a.totaal
    nat = np.datetime64("NaT", "D")
    return tv.ToetsPortfolio(
        p,
        np.array(
            [bool(f.eerstejaarsevaluatie and f.eerstejaarsevaluatie.concreet_perspectief_eigen_werk) for f in facts]
        ),
        base,
        activity,
        np.array([np.datetime64(t.laatste_activiteit(f), "D") if t.laatste_activiteit(f) else nat for f in facts]),
        np.array([f.resultaat.loonwaarde_pct if f.resultaat else np.nan for f in facts]),
        np.array(
            [bool(f.resultaat and f.resultaat.structureel and f.resultaat.aanvaard_door_werknemer) for f in facts]
        ),
        np.array([f.loon.maandloon_cent for f in facts]),
        np.array([f.loon.uren_per_week_x100 for f in facts]),
    )


def _events(f: t.ToetsFeiten):
    from spoorwijzer.law.poortwachter import Event

    for s in f.stappen:
        yield Event(s.code, s.datum)
    if f.eerstejaarsevaluatie:
        yield Event("eerstejaarsevaluatie", f.eerstejaarsevaluatie.datum)
    if f.tweede_spoor:
        yield Event("start_tweede_spoor", f.tweede_spoor.start)


def test_vector_twin_agrees_with_the_scalar_toets():
    facts = random_dossiers(400)
    ctx = LawContext.baseline()
    vec = tv.toets(ctx, portfolio(facts), PEIL)
    for i, f in enumerate(facts):
        u = t.toets(ctx, f)
        verdicts = {b.code: b.oordeel for b in u.bevindingen}
        for code in tv.RULES:
            assert tv.CODE[int(vec.oordeel[code][i])] == verdicts[code], (i, code, f)
        assert bool(vec.loonsanctie_mogelijk[i]) == u.loonsanctie_mogelijk, (i, f)
        assert int(vec.weken[i]) == u.verwachte_loonsanctie_weken, (i, f)
        assert int(vec.cent[i]) == u.verwachte_loonsanctie_cent, (i, f)
    # the sample covers every verdict the twin can give, and both outcomes
    assert vec.loonsanctie_mogelijk.any() and not vec.loonsanctie_mogelijk.all()
    assert {int(v) for v in vec.oordeel["tweede_spoor"]} == {0, 1, 2, 3}
