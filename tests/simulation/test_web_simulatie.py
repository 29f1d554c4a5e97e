"""The simulation page: a signed-in user starts a comparison, sees its progress, then the chart and a
table in Dutch words and euros; bad input is refused with a Dutch message."""

from __future__ import annotations

import re
import time

import pytest

from tests.world import PASSWORD


@pytest.fixture
def client_cm(client, world, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    client.login(username=world.users.casemanager.username, password=PASSWORD)
    return client


def test_a_comparison_runs_in_the_background_and_shows_dutch_figures(client_cm):
    page = client_cm.get("/simulatie/")
    assert page.status_code == 200 and "Hervormingen simuleren" in page.content.decode()
    response = client_cm.post(
        "/simulatie/", {"hervorming": ["noriskpolis"], "personen": "2.000", "seeds": "1", "jaren": "1"}
    )
    assert response.status_code == 302
    url = response["Location"]
    html = ""
    for _ in range(600):  # the run takes seconds; the page says how far it is until then
        html = client_cm.get(url, HTTP_HX_REQUEST="true").content.decode()
        if "Kengetal" in html or "fout" in html:
            break
        assert re.search(r"De simulatie loopt: \d+ van", html)
        time.sleep(0.2)
    assert "Plaatsingen bij een nieuwe werkgever" in html
    assert "Huidige regels" in html and "No-riskpolis voor de nieuwe werkgever" in html
    assert re.search(r"€[ \u00a0]\d{1,3}(\.\d{3})*", html)  # euros in Dutch notation
    assert "<svg" in html and "Kalibratie" in html and "Gedragsaannames" in html
    assert "plaatsingen_nieuwe_werkgever" not in html and "kosten_uitkeringen" not in html  # no raw keys
    full = client_cm.get(url).content.decode()
    assert "Uitkomst van de simulatie" in full


def test_bad_input_is_refused_in_dutch_and_kept(client_cm):
    response = client_cm.post("/simulatie/", {"personen": "veel", "seeds": "9", "jaren": "1"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Aantal werknemers: vul een heel getal in." in html
    assert "Herhalingen: kies een getal van 1 tot en met 5." in html
    assert "Kies ten minste één hervorming" in html


def test_an_unknown_run_is_a_dutch_404(client_cm):
    assert client_cm.get("/simulatie/" + "0" * 32 + "/").status_code == 404
    assert client_cm.get("/simulatie/../../etc/").status_code == 404


def test_only_signed_in_users(client, world):
    assert client.get("/simulatie/").status_code == 302


def test_an_employee_or_a_provider_neither_sees_nor_runs_the_simulation(client, world, settings, tmp_path):
    """The employee's menu stays short and plain, and a run (a server's CPU for a while) is for the roles that
    steer a portfolio; the same roles as the figures."""
    settings.DATA_DIR = tmp_path
    for role in ("werknemer", "reintegratiebedrijf"):
        client.login(username=getattr(world.users, role).username, password=PASSWORD)
        page = client.get(f"/dossier/{world.anna.pk}/").content.decode()
        assert "Hervormingen simuleren" not in page and ">Cijfers<" not in page, role
        assert client.get("/simulatie/").status_code == 403, role
        assert client.post("/simulatie/", {"hervorming": "noriskpolis", "personen": "1000"}).status_code == 403
        assert not list(tmp_path.glob("simulaties/*.json")), role
        client.logout()
    client.login(username=world.users.werkgever.username, password=PASSWORD)
    assert "Hervormingen simuleren" in client.get("/").content.decode()
    assert client.get("/simulatie/").status_code == 200
