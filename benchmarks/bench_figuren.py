"""Portfolio figures (/cijfers/) over 100,000 dossiers on PostgreSQL: the whole page (all aggregates,
charts, template) through Django's full stack, in-process.

Reproduce:  bash benchmarks/bench_web.sh is the template; this one:
    eval "$(bash scripts/postgres.sh start)"
    DATABASE_URL=$DATABASE_URL SPOORWIJZER_DATA_DIR=$SPOORWIJZER_PGDATA/var uv run python benchmarks/bench_figuren.py
(add --alleen-meten to reuse a database that bench_web.py or this script filled; run it under `nice` on a shared
machine). Generating 100,000 dossiers takes minutes (law's schedule per case in Python, the rows in with COPY).
Writes benchmarks/results/figuren.json: the page's latency (median, p95, min, max) and each part of it timed on its
own (median of five, with min and max), with the load average before and after.
Goal: under 300 ms for an organisation with 100,000 dossiers.
On a shared machine, measure a copy: `createdb` on a throwaway server (scripts/postgres.sh start) and
`pg_dump --no-owner SHARED | psql COPY`, so nobody's writes land between the requests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
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
from spoorwijzer.dossier import access, figuren, nazorg
from spoorwijzer.dossier.models import Termijn, Termijntelling, Verzuimgeval, Werknemer
from spoorwijzer.grafiek_figuren import start_tweede_spoor_svg, termijnen_svg, toets_svg
from spoorwijzer.law.context import LawContext
from spoorwijzer.simulation.model import baseline_context

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


def spread(f, n: int = 5) -> dict:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        f()
        times.append(1000 * (time.perf_counter() - t))
    return {
        "p50_ms": round(statistics.median(times), 1),
        "min_ms": round(min(times), 1),
        "max_ms": round(max(times), 1),
    }


def parts(cm, van: dt.date, today: dt.date) -> dict:
    """Each part of the page for the casemanager's whole organisation over two years, timed on its own."""
    ctx = LawContext.baseline()
    p = figuren.Periode(van, today)
    gevallen = access.zichtbare_gevallen(cm)
    werknemers = Werknemer.objects.filter(werkgever__in=access.zichtbare_werkgevers(cm))
    in_period = gevallen.filter(eerste_ziektedag__gte=p.van, eerste_ziektedag__lte=p.tot)
    bereik = figuren.Bereik(*access.figuren_bereik(cm))
    f = figuren.figuren(ctx, gevallen, werknemers, p, today, bereik)
    study = baseline_context().value("simulatie.kalibratie.tweede_spoor_start", today)
    return {
        "cases: count, track 2 and toets in one pass (geval_cijfers)": spread(lambda: figuren.geval_cijfers(in_period)),
        "termijnen per stap from the stored counts (Termijntelling)": spread(
            lambda: figuren.termijnen(in_period, today, figuren.telling(bereik, p))
        ),
        "termijnen per stap from the rows (the fallback; was the bottleneck)": spread(
            lambda: figuren.termijnen(in_period, today), 2
        ),
        "verzuim from the stored counts (Verzuimtelling, Verzuimduur) and employment": spread(
            lambda: figuren.verzuim(ctx, gevallen, werknemers, p, bereik)
        ),
        "verzuim from the stored sick periods (the fallback; was 253 ms)": spread(
            lambda: figuren.verzuim(ctx, gevallen, werknemers, p), 2
        ),
        "of which employment (werknemers, in_dienst to uit_dienst)": spread(lambda: figuren._employment(werknemers, p)),
        "bureaus (placement stored on the trajectory)": spread(lambda: figuren.bureaus(in_period)),
        "charts (hand-written SVG; the three this data fills)": spread(
            lambda: (termijnen_svg(f.termijnen), toets_svg(f.toets), start_tweede_spoor_svg(f.tweede_spoor, study))
        ),
        "nazorg.duurzaamheid (aftercare, decision 0023)": spread(lambda: nazorg.duurzaamheid(gevallen, today)),
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
    t0 = time.perf_counter()
    if args.alleen_meten:
        User = get_user_model()
        cm, hr = User.objects.get(username="cm"), User.objects.get(username="hr")
        employer = hr.rol.werkgever
    else:
        cm, _hr, employer = generate(args.dossiers, today)
    generation = None if args.alleen_meten else round(time.perf_counter() - t0, 1)
    load_before = os.getloadavg()[0]
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
    delen = parts(cm, today - dt.timedelta(days=730), today)
    print(delen, file=sys.stderr)
    load_after = os.getloadavg()[0]
    with connection.cursor() as cur:
        cur.execute("SHOW server_version")
        pg = cur.fetchone()[0]
    write_result(
        RESULTS,
        {
            "benchmark": "Portfolio figures page over all dossiers of an organisation (PostgreSQL, in-process)",
            "command": "DATABASE_URL=... nice uv run python benchmarks/bench_figuren.py [--alleen-meten]",
            "dossiers": Verzuimgeval.objects.count(),
            "termijnen": Termijn.objects.count(),
            "termijntellingen": Termijntelling.objects.count(),
            "generation_seconds": generation,
            "results": results,
            "parts": delen,
            "goal": "under 300 ms for an organisation with 100,000 dossiers",
            "machine": machine(
                f"PostgreSQL {pg}", f"load average {load_before:.1f} before and {load_after:.1f} after measuring"
            ),
        },
    )


if __name__ == "__main__":
    main()
