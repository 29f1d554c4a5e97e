"""Portfolio figures (/cijfers/) over 100,000 dossiers on PostgreSQL: the whole page (all aggregates,
charts, template) through Django's full stack, in-process.

Reproduce:  bash benchmarks/bench_web.sh is the template; this one:
    eval "$(bash scripts/postgres.sh start)"
    DATABASE_URL=$DATABASE_URL SPOORWIJZER_DATA_DIR=$SPOORWIJZER_PGDATA/var uv run python benchmarks/bench_figuren.py
(add --alleen-meten to reuse a database that bench_web.py or this script filled). Writes
benchmarks/results/figuren.json. Goal: under 300 ms for an organisation with 100,000 dossiers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test import Client

import bench_web  # noqa: F401  (sets up Django exactly as the web benchmark does)
from bench_web import generate
from common import machine, write_result
from spoorwijzer.dossier.models import Verzuimgeval

RESULTS = Path(__file__).parent / "results" / "figuren.json"


def timed(client: Client, url: str, n: int) -> dict:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        r = client.get(url)
        times.append(1000 * (time.perf_counter() - t))
        assert r.status_code == 200, (url, r.status_code)
    times.sort()
    return {
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1),
        "min_ms": round(times[0], 1),
        "max_ms": round(times[-1], 1),
        "requests": n,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dossiers", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=20)
    ap.add_argument("--alleen-meten", action="store_true")
    args = ap.parse_args()
    assert connection.vendor == "postgresql", "needs DATABASE_URL (PostgreSQL)"
    call_command("migrate", verbosity=0)
    today = dt.date.today()
    if args.alleen_meten:
        User = get_user_model()
        cm, hr = User.objects.get(username="cm"), User.objects.get(username="hr")
        employer = hr.rol.werkgever
    else:
        cm, _hr, employer = generate(args.dossiers, today)
    c = Client()
    c.force_login(cm)
    van = (today - dt.timedelta(days=730)).isoformat()
    c.get(f"/cijfers/?van={van}")  # warm-up
    results = {
        "organisatie_alle_dossiers_2_jaar": timed(c, f"/cijfers/?van={van}", args.requests),
        "een_werkgever_met_toezichtscore": timed(c, f"/cijfers/?van={van}&werkgever={employer.pk}", args.requests),
        "csv_export_organisatie": timed(c, f"/cijfers/?van={van}&formaat=csv", args.requests),
    }
    print(results, file=sys.stderr)
    with connection.cursor() as cur:
        cur.execute("SHOW server_version")
        pg = cur.fetchone()[0]
    write_result(
        RESULTS,
        {
            "benchmark": "Portfolio figures page over all dossiers of an organisation (PostgreSQL, in-process)",
            "command": "DATABASE_URL=... uv run python benchmarks/bench_figuren.py",
            "dossiers": Verzuimgeval.objects.count(),
            "results": results,
            "goal": "under 300 ms for an organisation with 100,000 dossiers",
            "machine": machine(f"PostgreSQL {pg}", f"load average {__import__('os').getloadavg()[0]:.1f}"),
        },
    )


if __name__ == "__main__":
    main()
