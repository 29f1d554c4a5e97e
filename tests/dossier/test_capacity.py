"""Capacity where users are (issue 8): keyset pages, a cached total, a type-ahead employer filter, one
fetch of the log on the case page. Speed itself is measured in benchmarks/, not asserted here."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from spoorwijzer.dossier import services
from spoorwijzer.dossier.models import Verzuimgeval, Werkgever, Werknemer
from spoorwijzer.web import keyset
from tests.world import PASSWORD


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()  # the cached total outlives a test's database otherwise
    yield
    cache.clear()


def login(user):
    c = Client()
    assert c.login(username=user.username, password=PASSWORD)
    return c


def many_cases(world, n=130):
    """n open cases of Arbo Noord with deadlines spread over days (several on one day, some none)."""
    people = Werknemer.objects.bulk_create([Werknemer(werkgever=world.bouw, naam=f"Persoon {i:03d}") for i in range(n)])
    cases = []
    for i, w in enumerate(people):
        due = None if i % 9 == 0 else world.today + dt.timedelta(days=(i * 7) % 40 - 20)
        cases.append(Verzuimgeval(werknemer=w, werkgever=world.bouw, organisatie=world.noord, volgende_uiterlijk=due))
    Verzuimgeval.objects.bulk_create(cases)


def urgency_order(qs):
    """The order the dashboard promises: earliest deadline first, cases without one last, then by id."""
    rows = list(qs.values_list("volgende_uiterlijk", "pk"))
    return [pk for _, pk in sorted(rows, key=lambda r: (r[0] is None, r[0] or dt.date.min, r[1]))]


def test_keyset_pages_walk_every_case_once_in_urgency_order_forward_and_back(world):
    many_cases(world)
    qs = Verzuimgeval.objects.filter(organisatie=world.noord, afgesloten_op__isnull=True)
    expected = urgency_order(qs)
    pages, page = [], keyset.pagina(qs, per=20)
    while True:
        pages.append([g.pk for g in page.items])
        if page.volgende is None:
            break
        page = keyset.pagina(qs, na=page.volgende, per=20)
    assert [pk for p in pages for pk in p] == expected
    assert len(pages) == -(-len(expected) // 20)
    # and back again from the last page, page by page
    back = [[g.pk for g in page.items]]
    while page.vorige is not None:
        page = keyset.pagina(qs, voor=page.vorige, per=20)
        back.append([g.pk for g in page.items])
    assert list(reversed(back)) == pages
    assert page.eerste


def test_a_bad_cursor_gives_the_first_page_not_an_error(world):
    many_cases(world, 60)
    c = login(world.users.casemanager)
    first = c.get("/").content.decode()
    for bad in ("x", "2026-13-01_5", "-_abc", "_", "2026-01-01_" + "9" * 40, "\x00"):
        r = c.get("/", {"na": bad})
        assert r.status_code == 200
        assert r.content.decode().count("/dossier/") == first.count("/dossier/")


def test_dashboard_pages_follow_the_next_link(world):
    many_cases(world)
    c = login(world.users.casemanager)
    seen, url = [], "/?status="
    while url:
        body = c.get(url.replace("&amp;", "&")).content.decode()
        seen += re.findall(r'href="/dossier/(\d+)/"', body)
        nxt = re.search(r'href="(\?[^"]*na=[^"]+)">Volgende', body)
        url = "/" + nxt.group(1) if nxt else None
    visible = Verzuimgeval.objects.filter(organisatie=world.noord, afgesloten_op__isnull=True)
    assert [int(pk) for pk in seen] == urgency_order(visible)
    assert f"{visible.count()} dossiers" in c.get("/").content.decode()


def test_the_total_is_counted_once_a_minute_not_on_every_view(world):
    cache.clear()
    c = login(world.users.casemanager)
    c.get("/")
    with CaptureQueriesContext(connection) as q:
        body = c.get("/").content.decode()
    assert not any("COUNT(" in x["sql"].upper() and "dossier_verzuimgeval" in x["sql"] for x in q)
    assert "2 dossiers" in body  # Anna and Bert (Cor is the other tenant's)
    cache.clear()  # a minute later the count is taken afresh
    many_cases(world, 5)
    assert "7 dossiers" in c.get("/").content.decode()


def test_employer_type_ahead_suggests_only_employers_in_scope(world):
    Werkgever.objects.create(organisatie=world.zuid, naam="Bouwmarkt Zuid")
    c = login(world.users.casemanager)
    body = c.get("/werkgevers/", {"werkgever_naam": "bou"}).content.decode()
    assert '<option value="Bouw BV">' in body and "Bouwmarkt Zuid" not in body
    assert "Zorg BV" in c.get("/werkgevers/").content.decode()
    rb = login(world.users.reintegratiebedrijf).get("/werkgevers/").content.decode()
    assert "Bouw BV" in rb and "Zorg BV" not in rb  # the provider's one case is at Bouw BV


def test_dashboard_filters_on_the_typed_employer_name(world):
    c = login(world.users.casemanager)
    body = c.get("/", {"werkgever_naam": "Bouw BV"}).content.decode()
    assert "Anna" in body and "Bert" not in body
    body = c.get("/", {"werkgever_naam": "zorg"}).content.decode()
    assert "Bert" in body and "Anna" not in body
    body = c.get("/", {"werkgever_naam": "Winkel BV"}).content.decode()  # the other tenant's employer
    assert "Cor" not in body and "Geen werkgever gevonden met" in body
    assert '<select name="werkgever"' not in body  # no list of every employer


def test_case_page_reads_the_log_once(world):
    for n in range(12):
        services.vastleggen(
            world.users.reintegratiebedrijf,
            world.anna,
            "sollicitatie",
            world.today - dt.timedelta(days=n),
            {"werkgever": f"Bedrijf {n}", "functie": "planner", "uitkomst": "verstuurd"},
        )
    c = login(world.users.reintegratiebedrijf)  # the author: may correct each of them
    with CaptureQueriesContext(connection) as q:
        body = c.get(f"/dossier/{world.anna.pk}/").content.decode()
    # this case's log, read once (a second query reads the employee's EARLIER cases, for samentelling)
    reads = [
        x for x in q if re.search(r'FROM "dossier_gebeurtenis"', x["sql"]) and "dossier_verzuimgeval" not in x["sql"]
    ]
    assert len(reads) == 1
    assert body.count("Corrigeren") >= 12
    assert f'href="/dossier/{world.anna.pk}/vastleggen/sollicitatie/?corrigeer=' in body
