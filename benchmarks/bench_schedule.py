"""Schedules and overdue status for a portfolio of dossiers: per-case loop vs the numpy twin.

Reproduce:  uv run python benchmarks/bench_schedule.py [--dossiers 100000] [--loop-sample 100000]
Writes benchmarks/results/schedule.json and prints a summary.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

import numpy as np

from common import machine, write_result
from spoorwijzer.law import poortwachter_vec as pv
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.poortwachter import Event, schedule
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dossiers", type=int, default=100_000)
    ap.add_argument("--loop-sample", type=int, default=None, help="dossiers for the per-case loop (default: all)")
    args = ap.parse_args()

    cases = synthetic_cases(args.dossiers)

    t0 = time.perf_counter()
    portfolio = pv.Portfolio.from_cases([(current_wachttijd(CTX, p), ev) for p, ev in cases])
    build = time.perf_counter() - t0

    timings = []
    for _ in range(5):
        t0 = time.perf_counter()
        result = pv.schedule(CTX, portfolio, PEILDATUM)
        overdue = result.overdue()
        timings.append(time.perf_counter() - t0)
    vector = min(timings)

    sample = cases[: args.loop_sample or args.dossiers]
    t0 = time.perf_counter()
    loop_overdue = []
    for periods, events in sample:
        sched = schedule(CTX, periods, events, peildatum=PEILDATUM)
        loop_overdue.append(sum(1 for s in sched.stappen if s.status == "te_laat" and not s.herhalend))
    loop = time.perf_counter() - t0
    # the same answer both ways (non-recurring steps)
    assert np.array_equal(np.array(loop_overdue), overdue[: len(sample)]), "vector and loop disagree"

    loop_full = loop * args.dossiers / len(sample)
    out = {
        "benchmark": "Poortwachter schedule + overdue status",
        "command": "uv run python benchmarks/bench_schedule.py",
        "dossiers": args.dossiers,
        "loop_sample": len(sample),
        "vector_seconds": round(vector, 4),
        "vector_build_from_objects_seconds": round(build, 3),
        "loop_seconds": round(loop, 3),
        "loop_seconds_for_all_dossiers": round(loop_full, 2),
        "speedup": round(loop_full / vector, 1),
        "overdue_dossiers": int((overdue > 0).sum()),
        "machine": machine(f"numpy {np.__version__}"),
    }
    write_result(RESULTS, out)


if __name__ == "__main__":
    main()
