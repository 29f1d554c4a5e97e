"""The REST API: tokens, the same access rules as the web, append-only events, import, calculations,
and one Dutch error shape."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.test import Client

from spoorwijzer import berekeningen
from spoorwijzer.api.models import ApiToken
from spoorwijzer.dossier.models import Auditregel, Gebeurtenis, Verzuimgeval, Werknemer
from tests.world import PASSWORD, ROLLEN


def token_for(user, bevestigd: bool = True) -> str:
    """A token as `api_token maak` prints it. For a user who logs in in two steps (the bedrijfsarts) it is also
    confirmed, as if its owner had just sent a code to /api/v1/tweede-stap/, so the access tests keep testing
    access; the confirmation itself is tested in tests/api/test_api_tweede_stap.py with real codes."""
    out = io.StringIO()
    call_command("api_token", "maak", user.username, "--naam", "test", stdout=out)
    token = out.getvalue().strip().splitlines()[-1]
    if bevestigd:
        from django.utils import timezone

        from spoorwijzer.api.models import hash_token

        ApiToken.objects.filter(sleutel_hash=hash_token(token)).update(tweede_stap_op=timezone.now())
    return token


def api(user=None, token=None) -> Client:
    token = token or (token_for(user) if user else None)
    return Client(headers={"Authorization": f"Token {token}"} if token else {})


def assert_fout(r, status):
    assert r.status_code == status, r.content
    body = r.json()
    assert set(body) == {"fout"} and body["fout"]["status"] == status
    assert body["fout"]["melding"] and body["fout"]["code"]
    return body["fout"]


def test_token_is_shown_once_stored_as_hash_and_revocable(world):
    token = token_for(world.users.casemanager)
    row = ApiToken.objects.get()
    assert token.startswith("spw_") and token not in (row.sleutel_hash, row.begin) and len(row.sleutel_hash) == 64
    c = api(token=token)
    assert c.get("/api/v1/gevallen/").status_code == 200
    out = io.StringIO()
    call_command("api_token", "intrekken", str(row.pk), stdout=out)
    assert "ingetrokken" in out.getvalue()
    fout = assert_fout(c.get("/api/v1/gevallen/"), 401)
    assert "ingetrokken" in fout["melding"]
    assert Auditregel.objects.filter(actie="api_token_ingetrokken").exists()


def test_without_token_or_with_a_wrong_one_the_answer_is_401_in_dutch(world):
    assert "niet" in assert_fout(Client().get("/api/v1/gevallen/"), 401)["melding"].lower()
    assert_fout(api(token="spw_verzonnen").get("/api/v1/gevallen/"), 401)
    assert Client().get("/api/v1/schema/").status_code == 200  # the description itself is public


def test_a_user_without_a_role_gets_no_token(world):
    with pytest.raises(Exception, match="geen rol"):
        token_for(world.users.zonder_rol)


@pytest.mark.parametrize("rol", ROLLEN)
def test_the_api_shows_exactly_the_cases_the_web_shows(world, rol):
    user = getattr(world.users, rol)
    web = Client()
    assert web.login(username=user.username, password=PASSWORD)
    c = api(user)
    listed = {g["id"] for g in c.get("/api/v1/gevallen/").json()["results"]}
    for geval in Verzuimgeval.objects.all():
        web_ok = web.get(f"/dossier/{geval.pk}/").status_code == 200
        api_status = c.get(f"/api/v1/gevallen/{geval.pk}/").status_code
        assert (api_status == 200) == web_ok == (geval.pk in listed), (rol, geval)
        if not web_ok:
            assert api_status == 404  # the same answer whether it exists or not
            assert c.get(f"/api/v1/gevallen/{geval.pk}/gebeurtenissen/").status_code == 404


def test_medical_data_only_for_the_bedrijfsarts_even_under_delegation(world):
    world.noord.medische_delegatie = True
    world.noord.save()
    ba = api(world.users.bedrijfsarts)
    r = ba.post(
        f"/api/v1/gevallen/{world.anna.pk}/medisch/",
        {"soort": "diagnose", "tekst": "Hernia L5"},
        content_type="application/json",
    )
    assert r.status_code == 201
    assert ba.get(f"/api/v1/gevallen/{world.anna.pk}/medisch/").json()[0]["tekst"] == "Hernia L5"
    for rol in ("casemanager", "werkgever", "werknemer", "arbeidsdeskundige", "reintegratiebedrijf"):
        r = api(getattr(world.users, rol)).get(f"/api/v1/gevallen/{world.anna.pk}/medisch/")
        assert r.status_code in (403, 404), rol
        assert "Hernia" not in r.content.decode()
    assert (
        "Hernia"
        not in api(world.users.casemanager).get(f"/api/v1/gevallen/{world.anna.pk}/gebeurtenissen/").content.decode()
    )
    assert Auditregel.objects.filter(actie="lezen_medisch", user=world.users.bedrijfsarts).count() == 1
    assert Auditregel.objects.filter(actie="geweigerd_medisch", user=world.users.casemanager).exists()


def test_events_are_recorded_corrected_as_new_events_and_never_changed(world):
    cm = api(world.users.casemanager)
    url = f"/api/v1/gevallen/{world.bert.pk}/gebeurtenissen/"
    r = cm.post(
        url,
        {"code": "ziekmelding_arbodienst", "datum": world.bert.eerste_ziektedag.isoformat()},
        content_type="application/json",
    )
    assert r.status_code == 201, r.content
    first = r.json()["id"]
    termijnen = cm.get(f"/api/v1/gevallen/{world.bert.pk}/termijnen/").json()
    assert next(t for t in termijnen if t["code"] == "ziekmelding_arbodienst")["status"] == "gedaan"
    r = cm.post(
        url,
        {
            "code": "ziekmelding_arbodienst",
            "datum": (world.bert.eerste_ziektedag + dt.timedelta(days=1)).isoformat(),
            "vervangt": first,
            "toelichting": "datum gecorrigeerd",
        },
        content_type="application/json",
    )
    assert r.status_code == 201, r.content
    log = cm.get(url).json()["results"]
    old = next(e for e in log if e["id"] == first)
    assert old["vervangen"] is True and Gebeurtenis.objects.filter(pk=first).exists()
    for method in ("put", "patch", "delete"):
        fout = assert_fout(getattr(cm, method)(f"{url}{first}/", content_type="application/json"), 404)
        assert fout["code"] == "niet_gevonden"
        assert_fout(getattr(cm, method)(url, {}, content_type="application/json"), 405)
    assert Gebeurtenis.objects.filter(pk=first).exists()


def test_recording_follows_the_same_role_rules_and_checks_as_the_web(world):
    url = f"/api/v1/gevallen/{world.bert.pk}/gebeurtenissen/"
    today = world.today.isoformat()
    fout = assert_fout(
        api(world.users.werknemer).post(
            url, {"code": "probleemanalyse", "datum": today}, content_type="application/json"
        ),
        404,  # Bert's case is not Anna's
    )
    assert "toegang" in fout["melding"]
    fout = assert_fout(
        api(world.users.werkgever).post(
            f"/api/v1/gevallen/{world.anna.pk}/gebeurtenissen/",
            {"code": "probleemanalyse", "datum": today},
            content_type="application/json",
        ),
        403,
    )
    assert "niet vastleggen" in fout["melding"]
    cm = api(world.users.casemanager)
    fout = assert_fout(
        cm.post(url, {"code": "herstelmelding", "datum": "2001-01-01"}, content_type="application/json"), 400
    )
    assert "herstel" in fout["melding"].lower()
    fout = assert_fout(
        cm.post(
            url, {"code": "loonsanctie", "datum": today, "data": {"weken": "veel"}}, content_type="application/json"
        ),
        400,
    )
    assert "getal" in fout["velden"]["data.weken"][0]
    fout = assert_fout(
        cm.post(url, {"code": "bestaat_niet", "datum": "31-12-2025"}, content_type="application/json"), 400
    )
    assert {"code", "datum"} <= set(fout["velden"])
    fout = assert_fout(
        cm.post(
            url,
            {"code": "evaluatie", "datum": today, "data": {"verslag": "Hij heeft een hernia"}},
            content_type="application/json",
        ),
        400,
    )
    assert "hernia" in fout["melding"]
    assert not Gebeurtenis.objects.filter(geval=world.bert, code__in=["evaluatie", "herstelmelding"]).exists()


def test_import_of_employees_is_all_or_nothing_with_row_errors(world):
    hr = api(world.users.werkgever)
    rows = [
        {"werkgever": world.bouw.pk, "naam": "Dirk", "maandloon_cent": 310000, "email": "dirk@example.nl"},
        {"werkgever": world.bouw.pk, "naam": "", "uren_per_week": 90},
        {"werkgever": world.bouw.pk, "naam": "Eva", "uit_dienst": "2025-02-30"},
    ]
    fout = assert_fout(
        hr.post("/api/v1/werknemers/import/", {"werknemers": rows}, content_type="application/json"), 400
    )
    assert set(fout["velden"]) == {"werknemers.1.naam", "werknemers.1.uren_per_week", "werknemers.2.uit_dienst"}
    assert not Werknemer.objects.filter(naam__in=["Dirk", "Eva"]).exists()
    rows[1:] = [{"werkgever": world.bouw.pk, "naam": "Eva", "uren_per_week": 24}]
    r = hr.post("/api/v1/werknemers/import/", {"werknemers": rows}, content_type="application/json")
    assert r.status_code == 201 and r.json()["aantal"] == 2
    assert Werknemer.objects.get(naam="Eva").werkgever == world.bouw
    # the master-data checks of the web and the CSV import: birth date, the law's bounds on cao percentages
    row = {"werkgever": world.bouw.pk, "naam": "Fatma", "personeelsnummer": "F1", "geboortedatum": "1965-04-01"}
    bad = {
        **row,
        "personeelsnummer": "F2",
        "geboortedatum": "2020-01-01",
        "cao_percentage_jaar1": 60,
        "cao_percentage_jaar2": 70,
    }
    fout = assert_fout(
        hr.post("/api/v1/werknemers/import/", {"werknemers": [row, bad]}, content_type="application/json"), 400
    )
    assert {"werknemers.1.geboortedatum", "werknemers.1.cao_percentage_jaar1"} <= set(fout["velden"])
    assert hr.post("/api/v1/werknemers/", row, content_type="application/json").status_code == 201
    fout = assert_fout(hr.post("/api/v1/werknemers/", row, content_type="application/json"), 400)
    assert "bestaat al" in fout["velden"]["personeelsnummer"][0]
    # HR cannot add employees to another employer; the other tenant's employer does not exist for them
    zorg = world.bert.werkgever_id
    fout = assert_fout(
        hr.post("/api/v1/werknemers/", {"werkgever": zorg, "naam": "X"}, content_type="application/json"), 400
    )
    assert "werkgever" in fout["velden"]
    assert_fout(
        api(world.users.bedrijfsarts).post(
            "/api/v1/werknemers/", {"werkgever": world.bouw.pk, "naam": "X"}, content_type="application/json"
        ),
        400,
    )


def test_the_wage_is_only_for_casemanager_hr_and_the_employee(world):
    anna = world.werknemers.anna.pk
    for rol, ziet in [
        ("casemanager", True),
        ("werkgever", True),
        ("werknemer", True),
        ("bedrijfsarts", False),
        ("reintegratiebedrijf", False),
    ]:
        r = api(getattr(world.users, rol)).get(f"/api/v1/werknemers/{anna}/")
        assert r.status_code == 200, rol
        assert (r.json()["maandloon_cent"] == 350000) is ziet, rol
    ids = {w["id"] for w in api(world.users.werknemer).get("/api/v1/werknemers/").json()["results"]}
    assert ids == {anna}


def test_a_sick_report_opens_a_case_and_a_second_is_refused_in_dutch(world):
    dirk = Werknemer.objects.create(werkgever=world.bouw, naam="Dirk")
    hr = api(world.users.werkgever)
    day = (world.today - dt.timedelta(days=3)).isoformat()
    r = hr.post("/api/v1/gevallen/", {"werknemer": dirk.pk, "eerste_ziektedag": day}, content_type="application/json")
    assert r.status_code == 201 and r.json()["eerste_ziektedag"] == day
    fout = assert_fout(
        hr.post("/api/v1/gevallen/", {"werknemer": dirk.pk, "eerste_ziektedag": day}, content_type="application/json"),
        400,
    )
    assert "lopend verzuimdossier" in fout["melding"]
    fout = assert_fout(
        api(world.users.casemanager_zuid).post(
            "/api/v1/gevallen/", {"werknemer": dirk.pk, "eerste_ziektedag": day}, content_type="application/json"
        ),
        400,
    )
    assert "werknemer" in fout["velden"]


def test_calculations_are_those_of_berekeningen(world):
    c = api(world.users.werknemer)
    invoer = {"eerste_ziektedag": "2025-01-06", "maandloon": 3000}
    r = c.post("/api/v1/berekeningen/loondoorbetaling/", invoer, content_type="application/json")
    assert r.status_code == 200
    assert r.json() == berekeningen.run("loondoorbetaling", invoer)
    assert "loondoorbetaling" in c.get("/api/v1/berekeningen/").json()
    fout = assert_fout(
        c.post("/api/v1/berekeningen/loondoorbetaling/", {"maandloon": -1}, content_type="application/json"), 400
    )
    assert "ontbreekt" in fout["melding"] or "negatief" in fout["melding"]
    assert_fout(c.post("/api/v1/berekeningen/bestaat-niet/", {}, content_type="application/json"), 404)


def test_cursor_pages_and_filters(world):
    cm = api(world.users.casemanager)
    first = cm.get("/api/v1/gevallen/?aantal=1").json()
    assert len(first["results"]) == 1 and first["next"]
    second = cm.get(first["next"]).json()
    assert {first["results"][0]["id"], second["results"][0]["id"]} == {world.anna.pk, world.bert.pk}
    assert "cursor" in assert_fout(cm.get("/api/v1/gevallen/?cursor=rommel"), 400)["velden"]
    assert_fout(cm.get("/api/v1/gevallen/?status=zomaar"), 400)
    only = cm.get(f"/api/v1/gevallen/?werkgever={world.bouw.pk}").json()["results"]
    assert [g["id"] for g in only] == [world.anna.pk]
    assert_fout(cm.get("/api/v1/bestaat-niet/"), 404)


def test_the_toets_answers_as_the_cli_and_follows_its_output_schema(world):
    import jsonschema

    from spoorwijzer import toets_invoer
    from spoorwijzer.law.context import LawContext
    from spoorwijzer.law.toets import toets
    from tests.test_cli_toets import CONTRACT, FEITEN

    c = api(world.users.casemanager)
    r = c.post("/api/v1/toets/", FEITEN, content_type="application/json")
    assert r.status_code == 200, r.content
    out = r.json()
    assert set(out) == CONTRACT
    assert out == json_roundtrip(toets(LawContext.baseline(), toets_invoer.parse(FEITEN)).as_dict())
    jsonschema.validate(out, toets_invoer.OUTPUT_SCHEMA)
    assert {b["code"]: b["oordeel"] for b in out["bevindingen"]}["tweede_spoor"] == "tekortkoming"
    assert c.get("/api/v1/toets/").json()["invoer"]["title"].startswith("Feiten")
    fout = assert_fout(c.post("/api/v1/toets/", {"perioden": []}, content_type="application/json"), 400)
    assert "perioden" in fout["melding"]


def json_roundtrip(value):
    import json

    from django.core.serializers.json import DjangoJSONEncoder

    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def test_text_withdrawn_as_medical_is_for_the_bedrijfsarts_only(world):
    from spoorwijzer.dossier import services

    event = services.vastleggen(
        world.users.casemanager,
        world.anna,
        "evaluatie",
        world.today,
        {"verslag": "Gesprek over zijn rugklachten", "reden_zonder": "Plan staat elders"},
        toelichting="Zie verslag",
    )
    services.intrekken(world.users.bedrijfsarts, world.anna, event, "diagnose")
    url = f"/api/v1/gevallen/{world.anna.pk}/gebeurtenissen/?aantal=500"
    for rol in ("casemanager", "werkgever", "werknemer", "reintegratiebedrijf", "arbeidsdeskundige"):
        body = api(getattr(world.users, rol)).get(url)
        assert body.status_code == 200, rol
        row = next(e for e in body.json()["results"] if e["id"] == event.pk)
        assert row["ingetrokken"] is True and "rugklachten" not in body.content.decode(), rol
        assert row["toelichting"] == "" and "verslag" not in row["data"]
    row = next(e for e in api(world.users.bedrijfsarts).get(url).json()["results"] if e["id"] == event.pk)
    assert row["data"]["verslag"] == "Gesprek over zijn rugklachten"
    assert Auditregel.objects.filter(actie="lezen_medisch", user=world.users.bedrijfsarts, geval=world.anna).exists()
