"""A small world shared by the dossier and browser tests: two tenants, a user in every role, cases."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model

from spoorwijzer.dossier import services
from spoorwijzer.dossier.models import Organisatie, Reintegratiebedrijf, Rol, Werkgever, Werknemer

PASSWORD = "een-lang-wachtwoord"
ROLLEN = ["casemanager", "werkgever", "werknemer", "bedrijfsarts", "arbeidsdeskundige", "reintegratiebedrijf"]


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "documenten"


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Argon2 is slow on purpose; tests of access rules do not need that (production: see test_dossier)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(db):
    return build_world()


def build_world():
    User = get_user_model()
    today = services.vandaag()
    noord = Organisatie.objects.create(naam="Arbo Noord")
    zuid = Organisatie.objects.create(naam="Arbo Zuid")
    bouw = Werkgever.objects.create(organisatie=noord, naam="Bouw BV")
    zorg = Werkgever.objects.create(organisatie=noord, naam="Zorg BV")
    winkel = Werkgever.objects.create(organisatie=zuid, naam="Winkel BV")
    rb = Reintegratiebedrijf.objects.create(naam="Werkpad")
    rb_ander = Reintegratiebedrijf.objects.create(naam="Ander bureau")
    rb.organisaties.add(noord)
    rb_ander.organisaties.add(noord)
    rb_zuid = Reintegratiebedrijf.objects.create(naam="Zuidpad")  # the other tenant's own provider
    rb_zuid.organisaties.add(zuid)
    anna = Werknemer.objects.create(werkgever=bouw, naam="Anna", maandloon_cent=350000)
    bert = Werknemer.objects.create(werkgever=zorg, naam="Bert", maandloon_cent=300000)
    cor = Werknemer.objects.create(werkgever=winkel, naam="Cor", maandloon_cent=280000)

    def user(name, rol, **scope):
        u = User.objects.create_user(name, f"{name}@example.nl", PASSWORD)
        Rol.objects.create(user=u, rol=rol, **scope)
        return u

    u = SimpleNamespace(
        casemanager=user("cm", "casemanager", organisatie=noord),
        werkgever=user("hr", "werkgever", werkgever=bouw),
        werknemer=user("anna", "werknemer", werknemer=anna),
        bedrijfsarts=user("ba", "bedrijfsarts", organisatie=noord),
        arbeidsdeskundige=user("ad", "arbeidsdeskundige", organisatie=noord),
        reintegratiebedrijf=user("rb", "reintegratiebedrijf", reintegratiebedrijf=rb),
        casemanager_zuid=user("cm_zuid", "casemanager", organisatie=zuid),
        bedrijfsarts_zuid=user("ba_zuid", "bedrijfsarts", organisatie=zuid),
        ander_bureau=user("rb2", "reintegratiebedrijf", reintegratiebedrijf=rb_ander),
        zonder_rol=User.objects.create_user("niemand", "n@example.nl", PASSWORD),
    )
    start = today - dt.timedelta(weeks=60)
    g_anna = services.nieuw_geval(u.casemanager, anna, start)
    services.vastleggen(
        u.casemanager, g_anna, "start_tweede_spoor", today - dt.timedelta(weeks=5), {"reintegratiebedrijf": str(rb.pk)}
    )
    g_bert = services.nieuw_geval(u.casemanager, bert, today - dt.timedelta(weeks=3))
    g_cor = services.nieuw_geval(u.casemanager_zuid, cor, today - dt.timedelta(weeks=10))
    return SimpleNamespace(
        users=u,
        anna=g_anna,
        bert=g_bert,
        cor=g_cor,
        noord=noord,
        zuid=zuid,
        rb=rb,
        rb_zuid=rb_zuid,
        today=today,
        bouw=bouw,
        werknemers=SimpleNamespace(anna=anna, bert=bert, cor=cor),
    )
