"""Dashboard and case-page latency with 100,000 dossiers on PostgreSQL (p50/p95).

Reproduce:  bash benchmarks/bench_web.sh [--dossiers 100000] [--requests 200]
(starts a throwaway PostgreSQL on loopback, migrates, generates the dossiers, measures).
Writes benchmarks/results/web.json. Requests go through Django's full stack (middleware, session,
ORM, templates) in-process with the test client, so the figures are server time without network.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "spoorwijzer.settings")
os.environ.setdefault("SPOORWIJZER_ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")

import django  # noqa: E402

from common import machine, write_result  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, models  # noqa: E402
from django.test import Client  # noqa: E402

from spoorwijzer.dossier.figuren import (  # noqa: E402
    bewaar_op_geval,
    vul_plaatsingen,
    vul_termijntellingen,
    vul_verzuimtellingen,
)
from spoorwijzer.dossier.models import (  # noqa: E402
    Gebeurtenis,
    Organisatie,
    Reintegratiebedrijf,
    Rol,
    Termijn,
    Traject,
    Verzuimgeval,
    Werkgever,
    Werknemer,
    Ziekteperiode,
)
from spoorwijzer.dossier.services import law_events, periode_rijen, perioden, termijn_rijen  # noqa: E402
from spoorwijzer.law.context import LawContext  # noqa: E402
from spoorwijzer.law.poortwachter import schedule  # noqa: E402
from spoorwijzer.web import keyset  # noqa: E402

RESULTS = Path(__file__).parent / "results" / "web.json"
STEPS = [
    ("ziekmelding_arbodienst", 3),
    ("probleemanalyse", 30),
    ("plan_van_aanpak", 42),
    ("melding_uwv", 285),
    ("eerstejaarsevaluatie", 345),
    ("start_tweede_spoor", 385),
    ("re_integratieverslag", 622),
]
# a realistic share of long second-track cases, each with a job-search log of 100+ entries
TRACK2_SHARE = 0.10
TRACK2_ENTRIES = (100, 160)
SOLLICITATIE_UITKOMSTEN = ("verstuurd", "gesprek", "afgewezen")


def track2_log(g, start: dt.date, today: dt.date, rb_user, rng: random.Random) -> list:
    """A second-track job-search log: applications, network contacts, interventions and progress talks,
    spread over the months since the track started (the provider records them)."""
    first = start + dt.timedelta(days=390)
    span = max(1, (today - first).days)
    out = []
    for i in range(rng.randint(*TRACK2_ENTRIES)):
        day = first + dt.timedelta(days=rng.randrange(span))
        kind = rng.random()
        if kind < 0.7:
            code, data = (
                "sollicitatie",
                {
                    "werkgever": f"Bedrijf {rng.randrange(5000)}",
                    "functie": rng.choice(("administratief medewerker", "planner", "baliemedewerker", "chauffeur")),
                    "uitkomst": rng.choice(SOLLICITATIE_UITKOMSTEN),
                },
            )
        elif kind < 0.85:
            code, data = "netwerkcontact", {"contact": f"Contact {i}", "uitkomst": "Gesprek gevoerd, vacature volgt"}
        elif kind < 0.95:
            code, data = "voortgangsgesprek", {"verslag": "Voortgang besproken; zoekprofiel aangescherpt."}
        else:
            code, data = "interventie", {"soort": rng.choice(("sollicitatietraining", "jobhunting", "coaching"))}
        out.append(
            Gebeurtenis(geval=g, code=code, datum=day, data=data, vastgelegd_door=rb_user, rol="reintegratiebedrijf")
        )
    return out


def progress(done, total, what, t0):
    print(f"\r  {what}: {done:,}/{total:,} ({time.perf_counter() - t0:.0f} s)", end="", file=sys.stderr, flush=True)


def copy_rows(model, objs: list) -> None:
    """Insert unsaved model instances with PostgreSQL's COPY, each column prepared as Django would save it
    (auto_now_add, JSON, foreign keys to instances saved after the row was built)."""
    if not objs:
        return
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    cols = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    sql = f"COPY {connection.ops.quote_name(model._meta.db_table)} ({cols}) FROM STDIN"
    plain = (models.CharField, models.TextField, models.IntegerField, models.BooleanField)  # psycopg adapts these
    plain_date = lambda f: type(f) is models.DateField  # noqa: E731  (no auto_now: the value as it is)

    def getter(f):
        if f.is_relation:
            return lambda o: (
                f.get_cached_value(o).pk if getattr(o, f.attname) is None and f.is_cached(o) else getattr(o, f.attname)
            )
        if isinstance(f, plain) or plain_date(f):
            return lambda o: getattr(o, f.attname)
        return lambda o: f.get_db_prep_save(f.pre_save(o, True), connection)

    getters = [getter(f) for f in fields]
    with connection.cursor() as c, c.cursor.copy(sql) as cp:
        for o in objs:
            cp.write_row([g(o) for g in getters])


def generate(n: int, today: dt.date) -> tuple:
    rng = random.Random(11)
    User = get_user_model()
    org = Organisatie.objects.create(naam="Arbodienst Groot")
    employers = Werkgever.objects.bulk_create([Werkgever(organisatie=org, naam=f"Werkgever {i}") for i in range(200)])
    cm = User.objects.create_user("cm", "cm@example.nl", "bench-wachtwoord")
    Rol.objects.create(user=cm, rol="casemanager", organisatie=org)
    hr = User.objects.create_user("hr", "hr@example.nl", "bench-wachtwoord")
    Rol.objects.create(user=hr, rol="werkgever", werkgever=employers[0])
    provider = Reintegratiebedrijf.objects.create(naam="Werkpad")
    rb = User.objects.create_user("rb", "rb@example.nl", "bench-wachtwoord")
    Rol.objects.create(user=rb, rol="reintegratiebedrijf", reintegratiebedrijf=provider)
    t0 = time.perf_counter()
    batch = 5000
    for lo in range(0, n, batch):
        size = min(batch, n - lo)
        people = Werknemer.objects.bulk_create(
            [
                Werknemer(werkgever=employers[rng.randrange(200)], naam=f"Werknemer {lo + i}", maandloon_cent=300000)
                for i in range(size)
            ]
        )
        # each case is computed in memory first (law's schedule, the stored facts), then inserted once with its
        # final columns; its events, deadlines and sick periods go in with COPY (bulk_create + bulk_update took
        # 95 minutes for 80,000 dossiers)
        cases = [Verzuimgeval(werknemer=w, werkgever_id=w.werkgever_id, organisatie=org) for w in people]
        events, deadlines, trajects, periods = [], [], [], []
        for g in cases:
            start = today - dt.timedelta(days=rng.randrange(0, 740))
            evs = [Gebeurtenis(geval=g, code="ziekmelding", datum=start, vastgelegd_door=cm, rol="casemanager")]
            for code, offset in STEPS:
                day = start + dt.timedelta(days=offset + rng.randrange(-5, 8))
                if day <= today and rng.random() < 0.9:
                    evs.append(Gebeurtenis(geval=g, code=code, datum=day, vastgelegd_door=cm, rol="casemanager"))
            track2 = [e for e in evs if e.code == "start_tweede_spoor"]
            if track2 and rng.random() < TRACK2_SHARE / 0.45:  # ~45% of cases are past week 55
                trajects.append(Traject(geval=g, reintegratiebedrijf=provider, start=track2[0].datum))
                evs += track2_log(g, start, today, rb, rng)
            sched = schedule(LawContext.baseline(), perioden(evs), law_events(evs), peildatum=today)
            events += evs
            rows = termijn_rijen(g, sched)
            bewaar_op_geval(g, evs, rows)
            deadlines += rows
            periods += periode_rijen(g, evs)
        Verzuimgeval.objects.bulk_create(cases)
        copy_rows(Gebeurtenis, events)
        copy_rows(Termijn, deadlines)
        copy_rows(Traject, trajects)
        copy_rows(Ziekteperiode, periods)
        progress(lo + size, n, "dossiers", t0)
    print(file=sys.stderr)
    vul_termijntellingen()  # the counts per step that services.vernieuw keeps for every event (decision 0026)
    vul_verzuimtellingen()  # the sick periods' counts, and each trajectory's placement (decision 0031)
    vul_plaatsingen(Traject.objects.all())
    with connection.cursor() as c:
        c.execute("ANALYZE")
    return cm, hr, employers[0]


def measure(client: Client, urls: list[str]) -> dict:
    times = []
    for url in urls:
        t0 = time.perf_counter()
        r = client.get(url)
        times.append((time.perf_counter() - t0) * 1000)
        assert r.status_code == 200, (url, r.status_code)
    times.sort()
    return {
        "requests": len(times),
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1),
        "max_ms": round(times[-1], 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dossiers", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--alleen-meten", action="store_true", help="reuse the dossiers already in DATABASE_URL")
    ap.add_argument("--uitvoer", type=Path, default=RESULTS, help="where to write the results (JSON)")
    args = ap.parse_args()
    assert connection.vendor == "postgresql", "run through benchmarks/bench_web.sh (PostgreSQL)"
    call_command("migrate", verbosity=0)
    today = dt.date.today()
    t0 = time.perf_counter()
    if args.alleen_meten:
        User = get_user_model()
        cm, hr = User.objects.get(username="cm"), User.objects.get(username="hr")
        employer = hr.rol.werkgever
    else:
        cm, hr, employer = generate(args.dossiers, today)
    gen = time.perf_counter() - t0
    counts = {
        "dossiers": Verzuimgeval.objects.count(),
        "gebeurtenissen": Gebeurtenis.objects.count(),
        "termijnen": Termijn.objects.count(),
    }
    print(counts, file=sys.stderr)
    rng = random.Random(5)
    ids = list(Verzuimgeval.objects.values_list("pk", flat=True))
    track2 = list(Traject.objects.values_list("geval_id", flat=True))
    n = args.requests
    results = {}
    for who, user in (("casemanager", cm), ("werkgever", hr)):
        c = Client()
        c.force_login(user)
        c.get("/")  # warm up
        pages = Verzuimgeval.objects.count() // 50
        results[f"dashboard_{who}_page1"] = measure(c, ["/"] * n)
        results[f"dashboard_{who}_overdue_filter"] = measure(c, ["/?status=te_laat"] * n)
        if who == "casemanager":
            # deep pages: keyset cursors of rows spread over the whole urgency order (was ?pagina=N with OFFSET)
            urgent = Verzuimgeval.objects.filter(afgesloten_op__isnull=True).order_by("volgende_uiterlijk", "pk")
            cursors = [keyset.cursor(urgent[rng.randrange(1, pages * 50)]) for _ in range(20)]
            results["dashboard_casemanager_deep_page"] = measure(c, [f"/?na={rng.choice(cursors)}" for _ in range(n)])
            results["dashboard_casemanager_employer_filter"] = measure(c, [f"/?werkgever_naam={employer.naam}"] * n)
            results["case_page_casemanager"] = measure(c, [f"/dossier/{rng.choice(ids)}/" for _ in range(n)])
            results["case_page_track2_100_plus_entries"] = measure(
                c, [f"/dossier/{rng.choice(track2)}/" for _ in range(n)]
            )
        print(who, "done", file=sys.stderr)
    with connection.cursor() as cur:
        cur.execute("SHOW server_version")
        pg = cur.fetchone()[0]
    out = {
        "benchmark": "Web latency with many dossiers on PostgreSQL (in-process, full Django stack)",
        "command": "bash benchmarks/bench_web.sh",
        **counts,
        "generation_seconds": None if args.alleen_meten else round(gen, 1),
        "results": results,
        "machine": machine(f"PostgreSQL {pg}"),
    }
    write_result(args.uitvoer, out)


if __name__ == "__main__":
    main()
