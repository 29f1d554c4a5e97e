"""Schedules and overdue status for a portfolio of dossiers: per-case loop vs the numpy twin.

Both arms do the same work (see ``lean_schedule``) and are timed the same way: the median of ``--runs`` runs, with
the spread. Building the arrays from Python objects is timed apart and also counted in a second ratio.

Reproduce:  uv run python benchmarks/bench_schedule.py [--dossiers 100000] [--runs 5]
Writes benchmarks/results/schedule.json and prints a summary.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import time
import tracemalloc
from pathlib import Path

import numpy as np

from common import machine, write_result
from spoorwijzer.law import poortwachter as pw
from spoorwijzer.law import poortwachter_vec as pv
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.poortwachter import Event, schedule
from spoorwijzer.law.voorkeur import default_policy
from spoorwijzer.law.weeks import SickPeriod, current_wachttijd

RESULTS = Path(__file__).parent / "results" / "schedule.json"
PEILDATUM = dt.date(2026, 11, 23)
CTX = LawContext.baseline()


# (step, usual sick-day offset when it is done) for a dossier that follows the process
TYPICAL_STEPS = [
    ("ziekmelding_arbodienst", 12),
    ("probleemanalyse", 30),
    ("plan_van_aanpak", 42),
    ("melding_uwv", 285),
    ("eerstejaarsevaluatie", 345),
    ("start_tweede_spoor", 385),
    ("actueel_oordeel", 610),
    ("eindevaluatie", 615),
    ("re_integratieverslag", 622),
    ("wia_aanvraag", 636),
]


def synthetic_cases(n: int, seed: int = 42):
    """Dossiers in every phase: first sick day in the last two years, some with a second period,
    probleemanalyse mostly held, an eerstejaarsevaluatie for the older ones."""
    rng = np.random.default_rng(seed)
    cases = []
    for _ in range(n):
        start = PEILDATUM - dt.timedelta(days=int(rng.integers(0, 740)))
        periods = [SickPeriod(start)]
        if rng.random() < 0.25:
            first_len = int(rng.integers(5, 80))
            gap = int(rng.integers(1, 40))
            end = start + dt.timedelta(days=first_len - 1)
            periods = [SickPeriod(start, end), SickPeriod(end + dt.timedelta(days=gap + 1))]
        d = current_wachttijd(CTX, periods).first_sick_day
        events = []
        for code, typical_offset in TYPICAL_STEPS:
            if rng.random() < 0.9:  # most steps are done around their usual week; some are forgotten
                events.append(Event(code, d + dt.timedelta(days=typical_offset + int(rng.integers(-10, 12)))))
        cases.append((periods, [e for e in events if e.date <= PEILDATUM]))
    return cases


def lean_schedule(periods, events, policy):
    """Per dossier, exactly what the vector twin computes: the deadline and status of every non-recurring step
    (with the late-letter rule and the second-track exemption), and the next evaluation due. It uses the scalar
    law functions the full ``schedule()`` uses, without what only one dossier's page needs (legal-basis texts,
    preferred dates, the projected evaluations, sorting)."""
    einde = pw.wachttijd_einde(CTX, periods, events)
    wachttijd, end = einde.wachttijd, einde.end_offset
    held: dict[str, dt.date] = {}
    for e in sorted(pw.current_events(wachttijd, events), key=lambda e: e.date):
        held.setdefault(e.code, e.date)
    exempt = any(code in held for code in pv.EXEMPTING)
    overdue = 0
    deadlines = {}
    for rule in pv.VECTOR_STEPS:
        uiterlijk = pw.deadline(CTX, rule.deadline, wachttijd, end, held) if rule.deadline else None
        if rule.late_letter and rule.late_letter.letter in held:
            weeks = CTX.value(rule.late_letter.param, wachttijd.first_sick_day)
            uiterlijk = max(uiterlijk, held[rule.late_letter.letter] + dt.timedelta(weeks=weeks))
        deadlines[rule.code] = uiterlijk
        status = pw.deadline_status(uiterlijk, held.get(rule.code), PEILDATUM, policy.due_soon_days)
        if rule.exempt_by and exempt and status != pw.Status.GEDAAN:
            status = pw.Status.NIET_NODIG
        overdue += status == pw.Status.TE_LAAT
    after = pv.RECURRING.recurring.after
    base = held.get(after) or deadlines[after]
    if pv.RECURRING.code in held:
        base = max(base, max(e.date for e in events if e.code == pv.RECURRING.code and e.date >= base))
    interval = CTX.value(pv.RECURRING.recurring.param, wachttijd.first_sick_day)
    return overdue, base + dt.timedelta(weeks=interval)


def median_spread(timings: list[float]) -> dict[str, float]:
    return {
        "median": round(statistics.median(timings), 4),
        "min": round(min(timings), 4),
        "max": round(max(timings), 4),
        "runs": len(timings),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dossiers", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=5, help="timed runs per arm (medians reported)")
    ap.add_argument("--full-sample", type=int, default=2_000, help="dossiers for the full schedule() reference")
    args = ap.parse_args()

    cases = synthetic_cases(args.dossiers)
    policy = default_policy()

    builds = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        portfolio = pv.Portfolio.from_cases([(current_wachttijd(CTX, p), ev) for p, ev in cases])
        builds.append(time.perf_counter() - t0)

    vector = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        result = pv.schedule(CTX, portfolio, PEILDATUM, policy)
        overdue = result.overdue()
        vector.append(time.perf_counter() - t0)

    loop = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        lean = [lean_schedule(periods, events, policy) for periods, events in cases]
        loop.append(time.perf_counter() - t0)
    # the same answer both ways, for every dossier: overdue steps and the next evaluation due
    assert np.array_equal(np.array([o for o, _ in lean]), overdue), "vector and loop disagree on overdue steps"
    next_eval = np.array([np.datetime64(n, "D") for _, n in lean])
    assert np.array_equal(next_eval, result.volgende_evaluatie), "vector and loop disagree on the next evaluation"

    # for reference: the full per-dossier schedule() a case page computes (more work than either arm)
    sample = cases[: args.full_sample]
    t0 = time.perf_counter()
    for periods, events in sample:
        schedule(CTX, periods, events, peildatum=PEILDATUM)
    full_per_dossier = (time.perf_counter() - t0) / len(sample)

    v, lp, b = median_spread(vector), median_spread(loop), median_spread(builds)
    tracemalloc.start()
    pv.schedule(CTX, portfolio, PEILDATUM, policy).overdue()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    out = {
        "benchmark": "Poortwachter schedule + overdue status: equal work in both arms",
        "command": "uv run python benchmarks/bench_schedule.py",
        "dossiers": args.dossiers,
        "work": "per dossier: deadline and status of the 14 non-recurring steps (late letter, exemption), "
        "the overdue count and the next evaluation due; both arms give the same answer for every dossier",
        "vector_seconds": v,
        "loop_seconds": lp,
        "build_arrays_from_objects_seconds": b,
        "speedup_median": round(lp["median"] / v["median"], 1),
        "speedup_including_build": round(lp["median"] / (v["median"] + b["median"]), 2),
        "vector_peak_memory_mb": round(peak / 1e6, 1),
        "full_schedule_per_dossier_ms": round(1000 * full_per_dossier, 3),
        "full_schedule_note": "schedule() as one case page calls it (legal bases, preferred dates, all projected "
        "evaluations, sorting): more work than either arm, not part of the ratio",
        "overdue_dossiers": int((overdue > 0).sum()),
        "load_average_at_start": round(os.getloadavg()[0], 1),
        "machine": machine(f"numpy {np.__version__}"),
    }
    write_result(RESULTS, out)


if __name__ == "__main__":
    main()
