"""Microsimulation: 1,000,000 employees from the 42e-weeksmelding through the wachttijd and ten years
after (145 months of income paths split by payer), baseline and one reform.

    uv run python benchmarks/bench_simulation.py [--personen 1000000] [--runs 3]

Each figure is the median of ``--runs`` runs in one process after a warm-up, with min and max; the
calibration of the placement rate (a bisection on a 200,000-person baseline cohort) is timed apart,
as it runs once per seed and assumption set. Peak memory is the process's maximum resident size.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import time
from pathlib import Path

from common import machine, write_result
from spoorwijzer.simulation import model
from spoorwijzer.simulation.hervormingen import HERVORMINGEN

CPU: list[float] = []


def timed(fn):
    t, c = time.perf_counter(), time.process_time()
    result = fn()
    CPU.append(time.process_time() - c)
    return time.perf_counter() - t, result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--personen", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    s = model.Settings(personen=args.personen, jaren=10, seed=1)
    calib_seconds, rate = timed(lambda: model.calibrate_placement(s))  # CPU[0]; the warm-up is CPU[1]
    timed(lambda: model.run(None, model.Settings(personen=10_000, jaren=10), rate))  # warm-up (imports, caches)
    base_times, reform_times = [], []
    for _ in range(args.runs):
        t, base = timed(lambda: model.run(None, s, rate))
        base_times.append(t)
        t, reform = timed(lambda: model.run(HERVORMINGEN["spoor2_week26"], s, rate))
        reform_times.append(t)
    base_cpu, reform_cpu = CPU[2::2], CPU[3::2]  # after the calibration and the warm-up
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    k = base.kengetallen
    write_result(
        Path(__file__).parent / "results" / "simulation.json",
        {
            "command": "uv run python benchmarks/bench_simulation.py",
            "machine": machine(),
            "personen": args.personen,
            "maanden_per_persoon": 24 + 12 * 10 + 1,
            "calibration_seconds": round(calib_seconds, 2),
            "baseline_run_seconds": {
                "median": round(statistics.median(base_times), 2),
                "min": round(min(base_times), 2),
                "max": round(max(base_times), 2),
            },
            "reform_run_seconds": {
                "median": round(statistics.median(reform_times), 2),
                "min": round(min(reform_times), 2),
                "max": round(max(reform_times), 2),
            },
            "baseline_run_cpu_seconds_median": round(statistics.median(base_cpu), 2),
            "reform_run_cpu_seconds_median": round(statistics.median(reform_cpu), 2),
            "load_average_1min_at_end": round(os.getloadavg()[0], 1),
            "peak_memory_mb": round(peak_mb),
            "target": "1,000,000 employees over 104 weeks + 10 years in under 30 s",
            "check": {
                "plaatsing_aandeel_tweede_spoor": round(k["plaatsing_aandeel_tweede_spoor"], 4),
                "reform_plaatsingen_verschil": reform.kengetallen["plaatsingen_nieuwe_werkgever"]
                - k["plaatsingen_nieuwe_werkgever"],
            },
        },
    )


if __name__ == "__main__":
    main()
