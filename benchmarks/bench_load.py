"""Load test with real HTTP: gunicorn (4 workers) on PostgreSQL with 100,000 dossiers, 50 concurrent users
(locust, headless) mixing dashboard and case pages in the browser with reads and writes through the REST API.

Two phases of the same mix: 50 users with ~1 s think time (as people work), and 50 users without think
time (saturation: what the server can do). Per page: throughput, p50/p95/p99 and errors. Afterwards the
writes are counted in the database: every write that was acknowledged (201) must be stored exactly once,
and no other write may be stored.

Reproduce:  bash benchmarks/bench_load.sh [--dossiers 100000] [--duur 60]
Only ever targets 127.0.0.1. Writes benchmarks/results/load.json.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "spoorwijzer.settings")
os.environ.setdefault("SPOORWIJZER_ALLOWED_HOSTS", "127.0.0.1,localhost")

import django  # noqa: E402

from common import machine, write_result  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, connections  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402

from spoorwijzer.api.models import ApiToken  # noqa: E402
from spoorwijzer.dossier.models import Gebeurtenis, Termijn, Traject, Verzuimgeval, Werkgever  # noqa: E402
from spoorwijzer.web import keyset  # noqa: E402

HERE = Path(__file__).parent
RESULTS = HERE / "results" / "load.json"
HOST = "127.0.0.1"


def free_port() -> int:
    s = socket.socket()
    s.bind((HOST, 0))
    port = s.getsockname()[1]
    s.close()
    return port


def setup_file(marker: str, today: dt.date) -> dict:
    rng = random.Random(3)
    cm = get_user_model().objects.get(username="cm")
    _, token = ApiToken.maak(cm, f"belastingtest {marker}")
    open_cases = Verzuimgeval.objects.filter(organisatie=cm.rol.organisatie, afgesloten_op__isnull=True)
    ids = list(open_cases.values_list("pk", flat=True))
    track2 = list(Traject.objects.values_list("geval_id", flat=True))
    urgent = open_cases.order_by("volgende_uiterlijk", "pk")
    total = len(ids)
    deep = [keyset.cursor(urgent[int(total * f)]) for f in (0.2, 0.35, 0.5, 0.65, 0.8, 0.95)]
    sessions = []
    for _ in range(120):
        c = Client()
        c.force_login(cm)
        sessions.append(c.cookies["sessionid"].value)
    return {
        "marker": marker,
        "sessions": sessions,
        "ack_file": tempfile.mktemp(prefix="load-ack-"),
        "today": today.isoformat(),
        "web_user": "cm",
        "password": "bench-wachtwoord",
        "api_token": token,
        "cases": rng.sample(ids, min(3000, len(ids))),
        "track2_cases": rng.sample(track2, min(1000, len(track2))),
        "write_cases": rng.sample(ids, min(300, len(ids))),
        "deep_cursors": deep,
        "employers": list(Werkgever.objects.order_by("?").values_list("naam", flat=True)[:50]),
    }


def start_gunicorn(port: int, workers: int) -> subprocess.Popen:
    connections.close_all()  # never share this process's connection with forked workers
    log = open(tempfile.mktemp(prefix="gunicorn-", suffix=".log"), "w")  # noqa: SIM115 (kept open for the server)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "spoorwijzer.wsgi:application",
            "--bind",
            f"{HOST}:{port}",
            "--workers",
            str(workers),
            "--timeout",
            "120",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://{HOST}:{port}/inloggen/", timeout=5).read()
        except OSError:
            time.sleep(0.5)
            continue
        # the first worker answers; the others may still be starting (imports, law's parameter files): wait until
        # the server is idle, so that their start is not measured as the cost of the first phase's requests
        before = server_cpu_seconds(proc.pid)
        while time.monotonic() < deadline:
            time.sleep(1)
            now = server_cpu_seconds(proc.pid)
            if now - before < 0.05:
                return proc
            before = now
    proc.terminate()
    raise RuntimeError(f"gunicorn did not start; see {log.name}")


def server_cpu_seconds(master: int) -> float:
    """CPU seconds (user + system) used so far by gunicorn's master and its workers (from /proc, in clock ticks)."""
    pids = subprocess.run(["ps", "-o", "pid=", "--ppid", str(master)], capture_output=True, text=True).stdout.split()
    ticks = 0
    for pid in [str(master), *pids]:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # a worker that just ended
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def run_locust(port: int, setup_path: str, users: int, think: float, seconds: int, server_pid: int) -> dict:
    prefix = tempfile.mktemp(prefix="locust-")
    env = {**os.environ, "SPOORWIJZER_LOAD_SETUP": setup_path, "SPOORWIJZER_LOAD_THINK": str(think)}
    load_before = os.getloadavg()
    server_cpu, children, started = (
        server_cpu_seconds(server_pid),
        resource.getrusage(resource.RUSAGE_CHILDREN),
        time.monotonic(),
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "locust",
            "-f",
            str(HERE / "locustfile.py"),
            "--headless",
            "--users",
            str(users),
            "--spawn-rate",
            str(users),
            "--run-time",
            f"{seconds}s",
            "--host",
            f"http://{HOST}:{port}",
            "--csv",
            prefix,
            "--only-summary",
            "--loglevel",
            "WARNING",
        ],
        env=env,
        check=False,
    )
    load_after = os.getloadavg()
    wall = time.monotonic() - started
    server_cpu = server_cpu_seconds(server_pid) - server_cpu
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    locust_cpu = after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime
    pages = {}
    with open(f"{prefix}_stats.csv") as f:
        for row in csv.DictReader(f):
            n = int(row["Request Count"])
            pages[row["Name"]] = {
                "requests": n,
                "errors": int(row["Failure Count"]),
                "requests_per_s": round(float(row["Requests/s"]), 1),
                "p50_ms": float(row["50%"]),
                "p95_ms": float(row["95%"]),
                "p99_ms": float(row["99%"]),
                "max_ms": round(float(row["Max Response Time"]), 1),
            }
    failures = []
    if os.path.exists(f"{prefix}_failures.csv"):
        with open(f"{prefix}_failures.csv") as f:
            failures = [
                {"page": r["Name"], "error": r["Error"][:200], "count": int(r["Occurrences"])}
                for r in csv.DictReader(f)
            ]
    total = pages.pop("Aggregated")
    n = max(total["requests"], 1)
    return {
        "users": users,
        "think_time_s": f"{0.5 * think:g}-{1.5 * think:g}" if think else 0,
        "seconds": seconds,
        "total": total,
        # where the 2 cores went: CPU per request of the server (gunicorn, all workers) and of the load generator;
        # PostgreSQL's share is not separable from other work on a shared server, so it is not counted here
        "cpu_ms_per_request": {
            "gunicorn": round(1000 * server_cpu / n, 1),
            "locust": round(1000 * locust_cpu / n, 1),
        },
        "cpu_cores_used": {
            "gunicorn": round(server_cpu / wall, 2),
            "locust": round(locust_cpu / wall, 2),
        },
        "pages": pages,
        "failures": failures,
        "load_average_1min_before_after": [round(load_before[0], 1), round(load_after[0], 1)],
    }


def count_writes(marker: str, ack_file: str) -> dict:
    """Every write the server acknowledged (201) must be stored exactly once. Writes in flight when locust
    stopped its users may be stored without the client having seen the answer: counted apart."""
    acknowledged = Path(ack_file).read_text().split("\n") if Path(ack_file).exists() else []
    acknowledged = {a for a in acknowledged if a}
    rows = list(Gebeurtenis.objects.filter(toelichting__startswith=marker).values_list("toelichting", flat=True))
    stored = set(rows)
    doubled_deadlines = (
        Termijn.objects.filter(geval__gebeurtenissen__toelichting__startswith=marker)
        .values("geval_id", "code", "volgnummer")
        .annotate(n=Count("pk", distinct=True))
        .filter(n__gt=1)
        .count()
    )
    return {
        "acknowledged_writes": len(acknowledged),
        "stored_writes": len(rows),
        "lost": len(acknowledged - stored),
        "doubled": len(rows) - len(stored),
        "stored_but_in_flight_at_stop": len(stored - acknowledged),
        "cases_with_a_doubled_deadline": doubled_deadlines,
        "ok": not (acknowledged - stored) and len(rows) == len(stored) and doubled_deadlines == 0,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dossiers", type=int, default=100_000)
    ap.add_argument("--duur", type=int, default=60, help="seconds per phase")
    ap.add_argument("--users", type=int, default=50)
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--alleen-meten", action="store_true", help="reuse the dossiers already in DATABASE_URL")
    args = ap.parse_args()
    assert connection.vendor == "postgresql", "run through benchmarks/bench_load.sh (PostgreSQL)"
    call_command("migrate", verbosity=0)
    today = dt.date.today()
    if not args.alleen_meten:
        from bench_web import generate

        generate(args.dossiers, today)
    counts = {
        "dossiers": Verzuimgeval.objects.count(),
        "gebeurtenissen": Gebeurtenis.objects.count(),
        "track2_cases_with_100_plus_entries": Verzuimgeval.objects.annotate(n=Count("gebeurtenissen"))
        .filter(n__gte=100)
        .count(),
    }
    print(counts, file=sys.stderr)
    marker = f"belasting-{int(time.time())}"
    setup = setup_file(marker, today)
    setup_path = tempfile.mktemp(prefix="load-setup-", suffix=".json")
    Path(setup_path).write_text(json.dumps(setup))
    with connection.cursor() as cur:
        cur.execute("SHOW server_version")
        pg = cur.fetchone()[0]
        cur.execute("SHOW synchronous_commit")
        sync = cur.fetchone()[0]
        cur.execute("SHOW fsync")
        fsync = cur.fetchone()[0]
    assert (fsync, sync) == ("on", "on"), "writes must be durable in the load test: fsync and synchronous_commit on"
    port = free_port()
    server = start_gunicorn(port, args.workers)
    try:
        phases = {}
        for name, think in (("50_users_think_time_1s", 1.0), ("50_users_no_think_time_saturation", 0.0)):
            print(f"phase {name} ...", file=sys.stderr)
            phases[name] = run_locust(port, setup_path, args.users, think, args.duur, server.pid)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
    out = {
        "benchmark": "Load with real HTTP: gunicorn, PostgreSQL, 100,000 dossiers, 50 users (locust headless), "
        "mixed browser pages and REST API reads and writes",
        "command": "bash benchmarks/bench_load.sh",
        **counts,
        "server": f"gunicorn {args.workers} workers on {HOST}, PostgreSQL {pg} (fsync={fsync}, synchronous_commit={sync})",
        "phases": phases,
        "writes": count_writes(marker, setup["ack_file"]),
        "machine": machine(f"PostgreSQL {pg}", f"load average before the run {os.getloadavg()[0]:.1f}"),
    }
    write_result(RESULTS, out)


if __name__ == "__main__":
    main()
