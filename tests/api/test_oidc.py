"""Single sign-on against a real OpenID Connect provider started on loopback for the test
(oidc-provider-mock: a complete provider built on authlib, with discovery, dynamic client registration,
the authorization-code flow, RS256-signed ID tokens, JWKS and userinfo). The exchange is the real one:
Spoorwijzer redirects to the provider, the provider issues a code, Spoorwijzer redeems it at the token
endpoint with its client secret, checks the ID token's signature against the JWKS and its nonce, and reads
userinfo. Nothing of the protocol is replaced by a stand-in."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
import requests
from django.test import Client

from spoorwijzer.dossier.models import Auditregel
from spoorwijzer.oidc.models import OidcIdentiteit

oidc_provider_mock = pytest.importorskip("oidc_provider_mock")

CALLBACK = "http://testserver/sso/terug/"


@pytest.fixture
def provider(monkeypatch):
    monkeypatch.setenv("AUTHLIB_INSECURE_TRANSPORT", "1")  # plain http, on loopback only
    with oidc_provider_mock.run_server_in_thread(require_client_registration=True, require_nonce=True) as server:
        base = f"http://localhost:{server.server_port}"
        yield base, requests.get(f"{base}/.well-known/openid-configuration", timeout=10).json()


@pytest.fixture
def sso(settings, provider):
    base, discovery = provider
    client = requests.post(discovery["registration_endpoint"], json={"redirect_uris": [CALLBACK]}, timeout=10).json()
    settings.OIDC_RP_CLIENT_ID = client["client_id"]
    settings.OIDC_RP_CLIENT_SECRET = client["client_secret"]
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = discovery["authorization_endpoint"]
    settings.OIDC_OP_TOKEN_ENDPOINT = discovery["token_endpoint"]
    settings.OIDC_OP_USER_ENDPOINT = discovery["userinfo_endpoint"]
    settings.OIDC_OP_JWKS_ENDPOINT = discovery["jwks_uri"]
    settings.OIDC_OP_ISSUER = discovery["issuer"]
    settings.SPOORWIJZER_OIDC_NAAM = "Arbo Noord"
    return base


def person(base, sub, **claims):
    """The person as the organisation's identity provider knows them."""
    requests.put(f"{base}/users/{sub}", json=claims, timeout=10).raise_for_status()


def sign_on(client: Client, sub: str):
    """Click 'log in with your organisation', sign on at the provider as `sub`, come back."""
    start = client.get("/sso/inloggen/")
    assert start.status_code == 302
    authorize = start.url
    assert authorize.startswith("http://localhost:") and "nonce=" in authorize
    at_provider = requests.post(authorize, data={"sub": sub}, allow_redirects=False, timeout=10)
    assert at_provider.status_code == 302, at_provider.text
    back = urlparse(at_provider.headers["Location"])
    assert f"http://testserver{back.path}" == CALLBACK and "code" in parse_qs(back.query)
    return client.get(f"{back.path}?{back.query}")


def test_the_login_page_offers_sign_on_only_when_configured(world, settings):
    settings.OIDC_RP_CLIENT_ID = ""
    # the link, not the letters "SSO": a random CSRF token on the page contains them about once in 2,000 runs
    # (CI of session 8: "...XJSSOqtv...")
    page = Client().get("/inloggen/").content.decode()
    assert "Inloggen via" not in page and "/sso/inloggen/" not in page
    assert Client().get("/sso/inloggen/").status_code == 404
    settings.OIDC_RP_CLIENT_ID, settings.OIDC_OP_TOKEN_ENDPOINT = "x", "http://localhost:1/token"
    assert "Inloggen via" in Client().get("/inloggen/").content.decode()


def test_an_existing_user_signs_on_matched_by_email_then_by_subject(world, sso):
    person(sso, "medewerker-4711", email="cm@example.nl", email_verified=True)
    c = Client()
    r = sign_on(c, "medewerker-4711")
    assert r.status_code == 302 and r.url == "/"
    page = c.get("/").content.decode()
    assert "Verzuimdossiers" in page and "Anna" in page and "Cor" not in page  # the casemanager's own scope
    link = OidcIdentiteit.objects.get(subject="medewerker-4711")
    assert link.user == world.users.casemanager
    # the address changes at the provider: the stored subject still finds the same user
    person(sso, "medewerker-4711", email="c.manager@nieuw.example.nl", email_verified=True)
    c2 = Client()
    assert sign_on(c2, "medewerker-4711").url == "/"
    assert c2.get("/").context["user"] == world.users.casemanager


def test_an_unknown_person_is_never_created_and_never_gets_a_role(world, sso):
    from django.contrib.auth import get_user_model

    users_before = get_user_model().objects.count()
    person(sso, "onbekend-1", email="nieuw@example.nl", email_verified=True)
    c = Client()
    r = sign_on(c, "onbekend-1")
    assert r.status_code == 302 and r.url == "/inloggen/"
    assert "geen Spoorwijzer-account" in c.get("/inloggen/").content.decode()
    assert get_user_model().objects.count() == users_before
    assert c.get("/").status_code == 302  # still not logged in
    # an unverified address does not match either, nor one of a user without a role
    person(sso, "kaper", email="cm@example.nl", email_verified=False)
    assert sign_on(Client(), "kaper").url == "/inloggen/"
    person(sso, "rolloos", email="n@example.nl", email_verified=True)
    assert sign_on(Client(), "rolloos").url == "/inloggen/"
    assert not OidcIdentiteit.objects.exists()


def test_a_tampered_callback_is_refused(world, sso):
    person(sso, "medewerker-4711", email="cm@example.nl", email_verified=True)
    c = Client()
    start = c.get("/sso/inloggen/")
    at_provider = requests.post(start.url, data={"sub": "medewerker-4711"}, allow_redirects=False, timeout=10)
    back = urlparse(at_provider.headers["Location"])
    code = parse_qs(back.query)["code"][0]
    r = c.get(f"{back.path}?code={code}&state=vervalst")  # a state that this browser did not start
    assert r.status_code in (302, 400) and c.get("/").status_code == 302
    r = c.get(f"{back.path}?code=verzonnen&state={parse_qs(back.query)['state'][0]}")  # a code the provider never gave
    assert c.get("/").status_code == 302


def test_the_api_accepts_the_providers_access_token_for_an_existing_user(world, sso):
    person(sso, "hr-1", email="hr@example.nl", email_verified=True)
    c = Client()
    start = c.get("/sso/inloggen/")
    at_provider = requests.post(start.url, data={"sub": "hr-1"}, allow_redirects=False, timeout=10)
    code = parse_qs(urlparse(at_provider.headers["Location"]).query)["code"][0]
    from django.conf import settings

    tokens = requests.post(
        settings.OIDC_OP_TOKEN_ENDPOINT,
        data={"grant_type": "authorization_code", "code": code, "redirect_uri": CALLBACK},
        auth=(settings.OIDC_RP_CLIENT_ID, settings.OIDC_RP_CLIENT_SECRET),
        timeout=10,
    ).json()
    api = Client(headers={"Authorization": f"Bearer {tokens['access_token']}"})
    r = api.get("/api/v1/gevallen/")
    assert r.status_code == 200, r.content
    assert [g["id"] for g in r.json()["results"]] == [world.anna.pk]  # HR of Bouw BV sees Anna only
    requests.post(f"{sso}/users/hr-1/revoke-tokens", timeout=10)
    r = api.get("/api/v1/gevallen/")
    assert r.status_code == 401 and r.json()["fout"]["code"] == "niet_ingelogd"
    assert Client(headers={"Authorization": "Bearer verzonnen"}).get("/api/v1/gevallen/").status_code == 401
    assert not Auditregel.objects.filter(actie="vastleggen", user__username="hr-1").exists()
