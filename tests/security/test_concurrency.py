"""Simultaneous writes: none lost, none doubled (issue 10, items 2-4).

Real concurrency only: threads with their own database connections on PostgreSQL, and a real gunicorn server
with several worker processes over HTTP for SQLite and for `demo` with DATABASE_URL."""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest
from django.conf import settings
from django.db import connection, connections

from spoorwijzer.dossier import services
from spoorwijzer.dossier.models import Gebeurtenis, Termijn, Verzuimgeval, Werknemer
from tests.security.http import Client, demo_server

ON_POSTGRES = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
postgres_only = pytest.mark.skipif(not ON_POSTGRES, reason="row locks and concurrent connections: PostgreSQL")
sqlite_only = pytest.mark.skipif(ON_POSTGRES, reason="the embedded SQLite server (runs in the SQLite pass)")


def together(n: int, fn):
    """Run fn(i) in n threads that start at the same moment; each thread has its own connection."""
    barrier = threading.Barrier(n)

    def run(i):
        barrier.wait()
        try:
            return ("ok", fn(i))
        except Exception as exc:  # what each thread met is the result under test
            return (type(exc).__name__, str(exc))
        finally:
            connections.close_all()

    with ThreadPoolExecutor(n) as pool:
        return list(pool.map(run, range(n)))


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_ten_simultaneous_sick_reports_open_one_case():
    from tests.world import build_world

    w = build_world()
    dora = Werknemer.objects.create(werkgever=w.bouw, naam="Dora")
    results = together(10, lambda i: services.nieuw_geval(w.users.casemanager, dora, w.today).pk)
    kinds = Counter(kind for kind, _ in results)
    assert kinds == {"ok": 1, "InvalidInput": 9}, results
    assert all("al een lopend verzuimdossier" in msg for kind, msg in results if kind != "ok")
    assert Verzuimgeval.objects.filter(werknemer=dora, afgesloten_op__isnull=True).count() == 1


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_simultaneous_recordings_on_one_case_keep_one_stored_schedule():
    from tests.world import build_world

    w = build_world()
    g = w.anna
    results = together(
        12,
        lambda i: (
            services.vastleggen(
                w.users.casemanager, g, "evaluatie", w.today, {"verslag": f"gesprek {i}", "reden_zonder": "Plan elders"}
            ).pk
        ),
    )
    assert [k for k, _ in results] == ["ok"] * 12, results
    assert Gebeurtenis.objects.filter(geval=g, code="evaluatie").count() == 12
    expected = len(services.tijdlijn(g).stappen)
    assert Termijn.objects.filter(geval=g).count() == expected  # not twice, not a mix of two rebuilds


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_simultaneous_corrections_of_one_event_one_wins_the_others_get_a_dutch_refusal():
    from tests.world import build_world

    w = build_world()
    g = w.bert
    first = services.vastleggen(
        w.users.bedrijfsarts, g, "probleemanalyse", w.today - dt.timedelta(days=3), {"mogelijkheden": "x"}
    )
    results = together(
        8,
        lambda i: (
            services.vastleggen(
                w.users.bedrijfsarts, g, "probleemanalyse", w.today, {"mogelijkheden": f"versie {i}"}, vervangt=first
            ).pk
        ),
    )
    kinds = Counter(k for k, _ in results)
    assert kinds == {"ok": 1, "InvalidInput": 7}, results
    assert all("intussen al gecorrigeerd" in msg for k, msg in results if k == "InvalidInput")
    assert Gebeurtenis.objects.filter(vervangt=first).count() == 1


def _dossier_links(client) -> list[int]:
    status, body, _ = client.request("/")
    assert status == 200, body[:300]
    return sorted({int(x) for x in re.findall(r'href="/dossier/(\d+)/"', body)})


def _write_evaluations(base: str, case_ids: list[int], thread: int, writes: int) -> list[int]:
    c = Client(base)
    assert c.login("casemanager") == 302
    statuses = []
    for k in range(writes):
        geval_id = case_ids[(thread + k) % len(case_ids)]
        path = f"/dossier/{geval_id}/vastleggen/evaluatie/"
        token = c.csrf(path)
        status, body, _ = c.request(
            path,
            {
                "csrfmiddlewaretoken": token,
                "datum": dt.date.today().isoformat(),
                "veld_verslag": f"gesprek {thread}-{k}",
                "veld_reden_zonder": "Plan staat elders",
                "geen_medische_informatie": "on",
            },
        )
        statuses.append(status)
    return statuses


@sqlite_only
def test_sqlite_200_of_200_simultaneous_writes_succeed(tmp_path):
    """20 threads x 10 writes against gunicorn with 4 worker processes on the embedded SQLite database."""
    with demo_server(tmp_path, workers=4) as base:
        probe = Client(base)
        assert probe.login("casemanager") == 302
        case_ids = _dossier_links(probe)[:5]
        assert case_ids
        with ThreadPoolExecutor(20) as pool:
            statuses = [s for r in pool.map(lambda t: _write_evaluations(base, case_ids, t, 10), range(20)) for s in r]
    assert Counter(statuses) == {302: 200}
    import sqlite3

    db = sqlite3.connect(tmp_path / "spoorwijzer.sqlite3")
    # Only this test's writes: the demo's own records may mention a "gesprek" too.
    written = re.compile(r"gesprek \d+-\d+")
    rows = db.execute("SELECT data FROM dossier_gebeurtenis WHERE code = 'evaluatie'").fetchall()
    assert sum(1 for (data,) in rows if written.fullmatch(json.loads(data).get("verslag", ""))) == 200
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@postgres_only
def test_demo_on_postgresql_workers_do_not_share_the_masters_connection(tmp_path):
    """Before: the demo's master process kept its PostgreSQL connection open while gunicorn forked (13 of 20
    logins failed). Each login here is a real HTTP request to one of 4 worker processes."""
    name = f"demo_{uuid.uuid4().hex[:10]}"
    params = connection.get_connection_params()
    admin = {k: params[k] for k in ("host", "port", "user", "password") if params.get(k)}
    with psycopg.connect(dbname="postgres", autocommit=True, **admin) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    user = admin.get("user", "")
    url = f"postgres://{user}{':' + admin['password'] if admin.get('password') else ''}@{admin.get('host', '127.0.0.1')}:{admin.get('port', 5432)}/{name}"
    try:
        with demo_server(tmp_path, workers=4, database_url=url) as base:

            def login(i):
                c = Client(base)
                status = c.login(["casemanager", "werkgever", "arbeidsdeskundige", "casemanager2"][i % 4])
                return status == 302 and c.request("/")[0] == 200

            with ThreadPoolExecutor(20) as pool:
                ok = list(pool.map(login, range(20)))
        assert ok.count(True) == 20
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **admin) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
