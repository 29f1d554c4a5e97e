"""The RIV-toets over 100,000 dossiers: the numpy twin (law/toets_vec.py) against the scalar toets per dossier.

Reproduce:  uv run python benchmarks/bench_toets.py [--dossiers 100000] [--loop-sample 2000]
Writes benchmarks/results/toets.json and prints a summary.

Both arms see the same dossiers. The vector arm is timed five times (median and spread). The scalar arm
(every one of the 19 rules, receipt included) runs on a sample and is extrapolated to the whole portfolio.
Before any figure is written, the run checks on the sample that both arms give the same verdicts for the
rules the twin evaluates, the same loonsanctie outcome, weeks and euros.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time
from pathlib import Path

import numpy as np

from common import machine, write_result
from spoorwijzer.law import poortwachter_vec as pv
from spoorwijzer.law import toets as t
from spoorwijzer.law import toets_vec as tv
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.poortwachter import Event
from spoorwijzer.law.weeks import SickPeriod, samentelling

RESULTS = Path(__file__).parent / "results" / "toets.json"
PEIL = dt.date(2026, 11, 23)
CTX = LawContext.baseline()
BASE = np.datetime64("2023-01", "M")


def month_start(d: dt.date) -> dt.date:
    return dt.date(d.year, d.month, 1)


def dossier(rng: np.random.Generator) -> t.ToetsFeiten:
    """One dossier in any phase: most steps on time, some late or forgotten, track 2 on time, late or
    missing, some quiet months, now and then a result at the end."""
    offset = int(rng.integers(20, 727))
    first = PEIL - dt.timedelta(days=offset)
    at = lambda o: first + dt.timedelta(days=o)  # noqa: E731
    steps = []
    for code, o in (
        ("probleemanalyse", 30),
        ("plan_van_aanpak", 40),
        ("melding_uwv", 285),
        ("arbeidsdeskundig_advies", 200),
    ):
        if rng.random() < 0.92:
            steps.append((code, o + (int(rng.integers(1, 30)) if rng.random() < 0.1 else 0)))
    steps += [("evaluatie", 40 + 35 * k) for k in range(1, 21)]
    for code, o in (("actueel_oordeel", 600), ("eindevaluatie", 610), ("oordeel_werknemer", 620)):
        if rng.random() < 0.9:
            steps.append((code, o))
    stappen = tuple(t.Stap(c, at(o)) for c, o in steps if at(o) <= PEIL)
    eje = t.Eerstejaarsevaluatie(at(350), bool(rng.random() < 0.1)) if at(350) <= PEIL and rng.random() < 0.9 else None
    start = at(370 + (int(rng.integers(10, 150)) if rng.random() < 0.25 else 0))
    running = start <= PEIL and rng.random() < 0.9
    months = []
    if running:
        m = month_start(start)
        while m <= PEIL:
            if rng.random() < 0.85:
                months.append(t.MaandActiviteit(m, int(rng.integers(1, 5)), int(rng.integers(0, 3))))
            m = dt.date(m.year + (m.month == 12), m.month % 12 + 1, 1)
    last = (max(m.maand for m in months) + dt.timedelta(days=int(rng.integers(0, 27)))) if months else None
    resultaat = (
        t.Resultaat(PEIL, bool(rng.random() < 0.8), float(rng.integers(40, 95)), True) if rng.random() < 0.05 else None
    )
    return t.ToetsFeiten(
        perioden=(SickPeriod(first),),
        peildatum=PEIL,
        stappen=stappen,
        routekeuze=t.Routekeuze(at(210), "beide", "advies", ("werkgever", "werknemer")) if at(210) <= PEIL else None,
        eerstejaarsevaluatie=eje,
        tweede_spoor=t.TweedeSpoor(start) if running else None,
        re_integratieplan=t.PlanInhoud(start, True, True, True, True) if running else None,
        zoekprofielen=(t.Zoekprofiel(start, ("planner",), "belastbaarheid_en_arbeidsmarkt"),) if running else (),
        zoekactiviteit=tuple(months),
        laatste_zoekactiviteit=min(last, PEIL) if last else None,
        oordelen=(t.Oordeel("interventies_volgen_advies", True, "A. Deskundige", "arbeidsdeskundige", start),)
        if running
        else (),
        resultaat=resultaat,
        loon=t.Loon(int(rng.integers(200_000, 650_000)), 3800),
    )


def to_portfolio(facts: list[t.ToetsFeiten]) -> tv.ToetsPortfolio:
    def events(f):
        out = [Event(s.code, s.datum) for s in f.stappen]
        if f.eerstejaarsevaluatie:
            out.append(Event("eerstejaarsevaluatie", f.eerstejaarsevaluatie.datum))
        if f.tweede_spoor:
            out.append(Event("start_tweede_spoor", f.tweede_spoor.start))
        return out

    p = pv.Portfolio.from_cases([(samentelling(CTX, f.perioden)[-1], events(f)) for f in facts])
    width = int((np.datetime64(PEIL, "M") - BASE).astype(int)) + 1
    activity = np.zeros((len(facts), width), np.int64)
    for i, f in enumerate(facts):
        for a in f.zoekactiviteit:
            activity[i, int((np.datetime64(a.maand, "M") - BASE).astype(int))] = a.totaal
    nat = np.datetime64("NaT", "D")
    return tv.ToetsPortfolio(
        p,
        np.array(
            [bool(f.eerstejaarsevaluatie and f.eerstejaarsevaluatie.concreet_perspectief_eigen_werk) for f in facts]
        ),
        BASE,
        activity,
        np.array([np.datetime64(f.laatste_zoekactiviteit, "D") if f.laatste_zoekactiviteit else nat for f in facts]),
        np.array([f.resultaat.loonwaarde_pct if f.resultaat else np.nan for f in facts]),
        np.array(
            [bool(f.resultaat and f.resultaat.structureel and f.resultaat.aanvaard_door_werknemer) for f in facts]
        ),
        np.array([f.loon.maandloon_cent for f in facts], np.int64),
        np.array([f.loon.uren_per_week_x100 for f in facts], np.int64),
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dossiers", type=int, default=100_000)
    ap.add_argument("--loop-sample", type=int, default=2_000)
    args = ap.parse_args()
    rng = np.random.default_rng(42)
    print(f"{args.dossiers} dossiers maken ...", flush=True)
    facts = [dossier(rng) for _ in range(args.dossiers)]
    t0 = time.perf_counter()
    tp = to_portfolio(facts)
    build = time.perf_counter() - t0

    timings = []
    for _ in range(5):
        t0 = time.perf_counter()
        result = tv.toets(CTX.fresh(), tp, PEIL)
        timings.append(time.perf_counter() - t0)

    sample = facts[: args.loop_sample]
    t0 = time.perf_counter()
    scalar = [t.toets(CTX, f) for f in sample]
    loop = time.perf_counter() - t0
    for i, u in enumerate(scalar):  # the same answer both ways
        verdicts = {b.code: b.oordeel for b in u.bevindingen}
        for code in tv.RULES:
            assert tv.CODE[int(result.oordeel[code][i])] == verdicts[code], (i, code)
        assert bool(result.loonsanctie_mogelijk[i]) == u.loonsanctie_mogelijk, i
        assert int(result.weken[i]) == u.verwachte_loonsanctie_weken, i
        assert int(result.cent[i]) == u.verwachte_loonsanctie_cent, i

    median = statistics.median(timings)
    loop_full = loop * args.dossiers / len(sample)
    possible = result.loonsanctie_mogelijk
    out = {
        "benchmark": "RIV-toets (findings, loonsanctie possible, expected weeks and euros) over a portfolio",
        "command": "uv run python benchmarks/bench_toets.py",
        "dossiers": args.dossiers,
        "vectorised": True,
        "vector_rules": list(tv.RULES),
        "vector_seconds_median": round(median, 4),
        "vector_seconds_min": round(min(timings), 4),
        "vector_seconds_max": round(max(timings), 4),
        "vector_build_from_objects_seconds": round(build, 2),
        "scalar_sample": len(sample),
        "scalar_seconds_sample": round(loop, 2),
        "scalar_ms_per_dossier": round(1000 * loop / len(sample), 3),
        "scalar_seconds_for_all_dossiers": round(loop_full, 1),
        "goal_seconds": 2.0,
        "goal_met": median < 2.0,
        "loonsanctie_possible_dossiers": int(possible.sum()),
        "expected_sanction_weeks_total": int(result.weken.sum()),
        "machine": machine(f"numpy {np.__version__}"),
    }
    write_result(RESULTS, out)


if __name__ == "__main__":
    main()
