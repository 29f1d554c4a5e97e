"""The API and the second login step (decision 0021, addendum): a token stands for the password only. For a user who
logs in in two steps a token works only after its owner confirmed it with a code from their own authenticator app
(POST /api/v1/tweede-stap/), for SPOORWIJZER_API_TWEESTAP_UREN hours, and medical data only within
SPOORWIJZER_HERBEVESTIGING_MINUTEN minutes of that, as the web's medical page. Codes are computed as an app computes
them (tests/totp.py)."""

from __future__ import annotations

import datetime as dt
import time

from django.test import Client
from django.utils import timezone

from spoorwijzer.api.models import ApiToken, hash_token
from spoorwijzer.dossier import access, inlogcodes, services
from spoorwijzer.dossier.models import Auditregel
from tests import totp
from tests.api.test_api import assert_fout, token_for

DIAGNOSE = "Hernia L4-L5"


def api(token):
    return Client(headers={"Authorization": f"Token {token}"})


def bevestig(c, code):
    return c.post("/api/v1/tweede-stap/", {"code": code}, content_type="application/json")


def rij(token) -> ApiToken:
    return ApiToken.objects.get(sleutel_hash=hash_token(token))


def test_a_bedrijfsarts_token_alone_opens_nothing_until_confirmed_with_a_code(world):
    ba = world.users.bedrijfsarts
    services.medisch_vastleggen(ba, world.anna, "diagnose", DIAGNOSE)
    device = totp.authenticator(ba)
    c = api(token_for(ba, bevestigd=False))
    medisch = f"/api/v1/gevallen/{world.anna.pk}/medisch/"
    for url in ("/api/v1/gevallen/", medisch, f"/api/v1/gevallen/{world.anna.pk}/gebeurtenissen/"):
        fout = assert_fout(c.get(url), 403)
        assert fout["code"] == "tweede_stap_vereist" and "/api/v1/tweede-stap/" in fout["melding"], url
    assert DIAGNOSE not in c.get(medisch).content.decode()
    assert not Auditregel.objects.filter(actie="lezen_medisch").exists()

    fout = assert_fout(bevestig(c, "000000"), 400)
    assert "klopt niet" in fout["velden"]["code"][0]
    assert Auditregel.objects.filter(actie="api_tweede_stap_mislukt", user=ba).exists()
    time.sleep(1.1)  # django-otp refuses unchecked for a second after a wrong code
    r = bevestig(c, totp.code(device))
    assert r.status_code == 200, r.content
    body = r.json()
    assert body["geldig_tot"] > body["medisch_tot"] > body["bevestigd_op"]
    assert c.get("/api/v1/gevallen/").status_code == 200
    assert c.get(medisch).json()[0]["tekst"] == DIAGNOSE
    assert Auditregel.objects.filter(actie="api_tweede_stap", user=ba).exists()


def test_medical_data_needs_a_fresh_confirmation_and_the_token_expires_after_a_working_day(world, settings):
    assert settings.SPOORWIJZER_HERBEVESTIGING_MINUTEN == 15 and settings.SPOORWIJZER_API_TWEESTAP_UREN == 8
    ba = world.users.bedrijfsarts
    services.medisch_vastleggen(ba, world.anna, "diagnose", DIAGNOSE)
    token = token_for(ba)
    c = api(token)
    medisch = f"/api/v1/gevallen/{world.anna.pk}/medisch/"
    assert c.get(medisch).status_code == 200

    ApiToken.objects.filter(pk=rij(token).pk).update(tweede_stap_op=timezone.now() - dt.timedelta(minutes=16))
    assert c.get("/api/v1/gevallen/").status_code == 200  # the rest still works
    fout = assert_fout(c.get(medisch), 403)
    assert fout["code"] == "tweede_stap_vereist" and "15 minuten" in fout["melding"]
    # writing medical data is refused too, and nothing is stored
    r = c.post(medisch, {"soort": "diagnose", "tekst": "nieuw"}, content_type="application/json")
    assert_fout(r, 403)
    assert [m.tekst for m in services.medisch_lezen(ba, world.anna)] == [DIAGNOSE]

    ApiToken.objects.filter(pk=rij(token).pk).update(tweede_stap_op=timezone.now() - dt.timedelta(hours=8, minutes=1))
    fout = assert_fout(c.get("/api/v1/gevallen/"), 403)
    assert "8 uur" in fout["melding"]


def test_withdrawn_medical_text_in_the_log_needs_the_fresh_confirmation_too(world):
    ba = world.users.bedrijfsarts
    token = token_for(ba)
    c = api(token)
    e = services.vastleggen(
        world.users.casemanager,
        world.anna,
        "evaluatie",
        world.today,
        {"verslag": "Gesprek over zijn rugklachten", "reden_zonder": "Plan staat elders"},
        toelichting="Zie verslag",
    )
    services.intrekken(ba, world.anna, e, "diagnose")
    url = f"/api/v1/gevallen/{world.anna.pk}/gebeurtenissen/?aantal=500"

    def tekst():
        return [x for x in c.get(url).json()["results"] if x["id"] == e.pk][0]

    assert "rugklachten" in str(tekst())
    ApiToken.objects.filter(pk=rij(token).pk).update(tweede_stap_op=timezone.now() - dt.timedelta(minutes=16))
    assert "rugklachten" not in str(tekst())


def test_the_confirmation_binds_one_token_not_every_token_of_the_user(world):
    ba = world.users.bedrijfsarts
    device = totp.authenticator(ba)
    eerste, tweede = token_for(ba, bevestigd=False), token_for(ba, bevestigd=False)
    assert bevestig(api(eerste), totp.code(device)).status_code == 200
    assert api(eerste).get("/api/v1/gevallen/").status_code == 200
    assert_fout(api(tweede).get("/api/v1/gevallen/"), 403)


def test_a_recovery_code_confirms_a_token_once(world):
    ba = world.users.bedrijfsarts
    totp.authenticator(ba)
    codes = inlogcodes.herstelcodes_maken(ba)
    c = api(token_for(ba, bevestigd=False))
    assert bevestig(c, codes[0]).status_code == 200
    assert c.get("/api/v1/gevallen/").status_code == 200
    assert inlogcodes.herstelcodes_over(ba) == 9
    assert bevestig(api(token_for(ba, bevestigd=False)), codes[0]).status_code == 400


def test_when_the_organisation_chooses_two_steps_for_hr_its_tokens_stop_working_until_confirmed(world):
    hr = world.users.werkgever
    c = api(token_for(hr, bevestigd=False))
    assert c.get("/api/v1/gevallen/").status_code == 200  # no second step for HR: the token alone works
    world.noord.tweestap_rollen = ["werkgever"]
    world.noord.save()
    assert_fout(c.get("/api/v1/gevallen/"), 403)
    fout = assert_fout(bevestig(c, "123456"), 400)
    assert "geen authenticator-app" in fout["velden"]["code"][0]
    device = totp.authenticator(hr)
    assert bevestig(c, totp.code(device)).status_code == 200
    assert c.get("/api/v1/gevallen/").status_code == 200


def test_a_user_who_linked_an_app_of_their_own_accord_confirms_tokens_too(world):
    cm = world.users.casemanager
    c = api(token_for(cm, bevestigd=False))
    assert c.get("/api/v1/gevallen/").status_code == 200
    totp.authenticator(cm)
    assert_fout(c.get("/api/v1/gevallen/"), 403)


def test_an_oidc_token_cannot_stand_in_for_the_second_step():
    """An OIDC access token has no confirmation to carry (bevestigd_op None): enough only without the second step."""
    from types import SimpleNamespace

    nu = timezone.now()
    ba = SimpleNamespace()
    assert not access.api_tweede_stap_voldaan(ba, True, None, nu)
    assert access.api_tweede_stap_voldaan(ba, True, nu, nu)
    assert access.api_tweede_stap_voldaan(ba, True, nu - dt.timedelta(minutes=14), nu, medisch=True)
    assert not access.api_tweede_stap_voldaan(ba, True, nu - dt.timedelta(minutes=16), nu, medisch=True)
