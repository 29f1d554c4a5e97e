"""Every role against every kind of object: what is visible, what is refused."""

from __future__ import annotations

import pytest
from django.test import Client

from spoorwijzer.dossier import access, services
from spoorwijzer.dossier.catalogus import SOORT
from spoorwijzer.dossier.models import Gebeurtenis
from tests.world import PASSWORD

VISIBLE = {
    "casemanager": {"anna", "bert"},
    "werkgever": {"anna"},
    "werknemer": {"anna"},
    "bedrijfsarts": {"anna", "bert"},
    "arbeidsdeskundige": {"anna", "bert"},
    "reintegratiebedrijf": {"anna"},
    "casemanager_zuid": {"cor"},
    "bedrijfsarts_zuid": {"cor"},
    "ander_bureau": set(),
    "zonder_rol": set(),
}


def login(user):
    c = Client()
    assert c.login(username=user.username, password=PASSWORD)
    return c


@pytest.mark.parametrize("who", list(VISIBLE))
def test_tenant_isolation_on_queries_and_pages(world, who):
    user = getattr(world.users, who)
    cases = {"anna": world.anna, "bert": world.bert, "cor": world.cor}
    visible = {name for name, g in cases.items() if access.zichtbare_gevallen(user).filter(pk=g.pk).exists()}
    assert visible == VISIBLE[who]
    c = login(user)
    for name, g in cases.items():
        for url in (f"/dossier/{g.pk}/", f"/dossier/{g.pk}/termijnen.ics", f"/dossier/{g.pk}/inkomen/"):
            r = c.get(url)
            expected = 200 if name in VISIBLE[who] else 404
            if expected == 200 and who == "reintegratiebedrijf" and url.endswith("/inkomen/"):
                expected = 403  # the income paths show the salary: not for the provider (need-to-know)
            assert r.status_code == expected, (who, url)


@pytest.mark.parametrize("who", list(VISIBLE))
def test_medical_data_only_for_the_bedrijfsarts_of_the_tenant(world, who):
    user = getattr(world.users, who)
    r = login(user).get(f"/dossier/{world.anna.pk}/medisch/")
    expected = 200 if who == "bedrijfsarts" else 404 if "anna" not in VISIBLE[who] else 403
    assert r.status_code == expected
    assert access.mag_medisch_zien(user, world.anna) == (who == "bedrijfsarts")


def test_delegation_lets_the_casemanager_read_medical_data(world):
    world.noord.medische_delegatie = True
    world.noord.save()
    world.anna.refresh_from_db()
    assert access.mag_medisch_zien(world.users.casemanager, world.anna)
    assert not access.mag_medisch_vastleggen(world.users.casemanager, world.anna)
    assert not access.mag_medisch_zien(world.users.werkgever, world.anna)


def test_who_may_record_each_kind_of_event(world):
    """Only the roles in the catalogue may record an event, and only in a case they can see."""
    roles = (
        "casemanager",
        "werkgever",
        "werknemer",
        "bedrijfsarts",
        "arbeidsdeskundige",
        "reintegratiebedrijf",
        "casemanager_zuid",
    )
    sees_anna = {k for k, v in VISIBLE.items() if "anna" in v}
    for code in sorted(SOORT):
        for who in roles:
            user = getattr(world.users, who)
            allowed = access.rol_van(user).rol in SOORT[code].rollen and who in sees_anna
            assert access.mag_vastleggen(user, world.anna, code) == allowed, (who, code)


def test_refused_recording_stores_nothing(world):
    before = Gebeurtenis.objects.count()
    with pytest.raises(access.Geweigerd):
        services.vastleggen(world.users.werkgever, world.anna, "probleemanalyse", world.today, {"mogelijkheden": "x"})
    with pytest.raises(access.Geweigerd):
        services.vastleggen(world.users.casemanager_zuid, world.anna, "evaluatie", world.today, {"verslag": "x"})
    assert Gebeurtenis.objects.count() == before


def test_refused_form_post_returns_403(world):
    c = login(world.users.werknemer)
    r = c.post(f"/dossier/{world.anna.pk}/vastleggen/plan_van_aanpak/", {"datum": world.today.isoformat()})
    assert r.status_code == 403


def test_provider_sees_only_assigned_cases_and_not_after_other_assignment(world):
    assert list(access.zichtbare_gevallen(world.users.reintegratiebedrijf)) == [world.anna]
    assert not access.zichtbare_gevallen(world.users.ander_bureau).exists()


def test_new_sick_report_only_for_own_employees(world):
    with pytest.raises(access.Geweigerd):
        services.nieuw_geval(world.users.werkgever, world.werknemers.bert, world.today)  # Bert works at Zorg BV
    with pytest.raises(access.Geweigerd):
        services.nieuw_geval(world.users.bedrijfsarts, world.werknemers.anna, world.today)


def test_user_without_role_sees_nothing(world):
    r = login(world.users.zonder_rol).get("/")
    assert r.status_code == 403 and "Geen rol" in r.content.decode()
