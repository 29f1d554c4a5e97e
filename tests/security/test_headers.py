"""Security headers (issue 10, item 14): a Content-Security-Policy without 'unsafe-inline', no-store on every page
the application makes (dossier, medical, documents, the API), Dutch 400/403/404/500 pages, and charts that draw
under the policy. HSTS, the https redirect and the missing Server banner are checked on the real server in
tests/test_serve.py; the browser tests run every page under this policy (a violation fails them)."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from spoorwijzer.web.koppen import CSP, svg_zonder_stijl
from tests.api.test_api import api
from tests.world import PASSWORD


def client_for(user):
    c = Client()
    assert c.login(username=user.username, password=PASSWORD)
    return c


def test_the_policy_allows_only_this_sites_own_scripts_and_styles():
    directives = dict(d.strip().split(" ", 1) for d in CSP.split(";"))
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert "unsafe" not in CSP
    assert directives["frame-ancestors"] == "'none'" and directives["object-src"] == "'none'"


@pytest.mark.parametrize(
    ("rol", "path"),
    [
        ("casemanager", "/"),
        ("casemanager", "/dossier/{anna}/"),
        ("casemanager", "/dossier/{anna}/inkomen/"),
        ("casemanager", "/dossier/{anna}/documenten/"),
        ("bedrijfsarts", "/dossier/{anna}/medisch/"),
        ("werknemer", "/dossier/{anna}/"),
    ],
)
def test_dossier_medical_and_document_pages_are_never_cached_and_carry_the_policy(world, rol, path):
    r = client_for(getattr(world.users, rol)).get(path.format(anna=world.anna.pk))
    assert r.status_code == 200
    assert r["Cache-Control"] == "no-store"
    assert r["Content-Security-Policy"] == CSP
    assert r["X-Content-Type-Options"] == "nosniff" and r["X-Frame-Options"] == "DENY"
    html = r.content.decode()
    # nothing inline that the policy would block
    assert not re.search(r"<script(?![^>]*\bsrc=)", html), "inline script"
    assert "<style" not in html and not re.search(r"\sstyle=", html), "inline style"
    assert not re.search(r"\son[a-z]+=", html), "inline event handler"


def test_a_downloaded_document_and_the_api_are_never_cached(world):
    r = api(world.users.casemanager).get(f"/api/v1/gevallen/{world.anna.pk}/")
    assert r.status_code == 200 and r["Cache-Control"] == "no-store"
    r = api(world.users.bedrijfsarts).get(f"/api/v1/gevallen/{world.anna.pk}/medisch/")
    assert r["Cache-Control"] == "no-store"
    cm = client_for(world.users.casemanager)  # (a downloaded PDF: tests/documents/test_documenten_web.py)
    r = cm.get(f"/dossier/{world.anna.pk}/termijnen.ics")
    assert r.status_code == 200 and r["Cache-Control"] == "no-store"


def test_static_files_stay_cacheable():
    r = Client().get("/static/web/style.css")
    assert r.status_code == 200 and r.get("Cache-Control", "") != "no-store"


def test_error_pages_are_dutch_and_inline_free(world, settings):
    c = client_for(world.users.casemanager)
    r = c.get("/bestaat-niet/")
    assert r.status_code == 404 and "Niet gevonden" in r.content.decode()
    r = client_for(world.users.werknemer).get(f"/dossier/{world.anna.pk}/medisch/")
    assert r.status_code == 403 and "Geen toegang" in r.content.decode()
    r = Client().get("/inloggen/", HTTP_HOST="aanvaller.example")  # a host not allowed: Django's 400
    assert r.status_code == 400 and "Ongeldig verzoek" in r.content.decode()
    assert "style=" not in r.content.decode()


def test_the_500_page_is_dutch_and_inline_free(world, settings):
    settings.DEBUG = False
    from django.urls import path

    def boom(request):
        raise RuntimeError("test")

    class Urls:
        urlpatterns = [path("boem/", boom)]

    settings.ROOT_URLCONF = Urls
    r = Client(raise_request_exception=False).get("/boem/")
    assert r.status_code == 500
    html = r.content.decode()
    assert "Er ging iets mis" in html and "style=" not in html and r["Content-Security-Policy"] == CSP


def test_a_matplotlib_chart_loses_its_style_attributes_but_keeps_its_colours_and_fonts():
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg"><defs><style type="text/css">*{stroke-linejoin: round; '
        'stroke-linecap: butt}</style></defs><path d="M0 0" style="fill: #1f77b4; stroke: #000; stroke-width: 0.8"/>'
        "<text style=\"font-weight: 700; font-size: 12px; font-family: 'DejaVu Sans', sans-serif; "
        'text-anchor: middle">Titel</text></svg>'
    )
    out = svg_zonder_stijl(svg)
    assert "style=" not in out and "<style" not in out
    assert '<svg stroke-linejoin="round" stroke-linecap="butt"' in out
    assert 'fill="#1f77b4" stroke="#000" stroke-width="0.8"' in out
    assert 'font-weight="700" font-size="12px" font-family="\'DejaVu Sans\', sans-serif"' in out
    assert 'text-anchor="middle">Titel</text>' in out


def test_the_income_page_chart_is_drawn_without_inline_styles(world):
    html = client_for(world.users.casemanager).get(f"/dossier/{world.anna.pk}/inkomen/").content.decode()
    assert "<svg" in html and 'stroke="' in html
    assert not re.search(r"\sstyle=", html)
