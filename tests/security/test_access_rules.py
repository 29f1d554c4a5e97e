"""Corrections only by the author and the roles named per kind (item 7); a provider's access ends with its
trajectory and the provider list is the tenant's own (item 8)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from spoorwijzer.dossier import access, services
from spoorwijzer.dossier.catalogus import CORRIGEREN_DOOR, SOORT
from spoorwijzer.dossier.models import Reintegratiebedrijf, Rol, Verzuimgeval
from tests.world import PASSWORD


def client_for(user):
    c = Client()
    assert c.login(username=user.username, password=PASSWORD)
    return c


def plan(world, user, tekst="Plan", vervangt=None):
    return services.vastleggen(
        user,
        world.bert,
        "plan_van_aanpak",
        world.today,
        {"activiteiten": tekst, "casemanager": "Cas"},
        vervangt=vervangt,
    )


def test_the_catalogue_names_correctors_only_among_those_who_may_record_the_kind():
    for code, rollen in CORRIGEREN_DOOR.items():
        assert code in SOORT, code
        assert rollen <= SOORT[code].rollen, code


def test_the_employer_may_not_replace_the_casemanagers_plan(world):
    g = world.anna
    services.vastleggen(world.users.bedrijfsarts, g, "probleemanalyse", world.today - dt.timedelta(days=7))
    cm_plan = services.vastleggen(
        world.users.casemanager, g, "plan_van_aanpak", world.today, {"activiteiten": "A", "casemanager": "Cas"}
    )
    with pytest.raises(access.Geweigerd, match="niet corrigeren"):
        services.vastleggen(
            world.users.werkgever,
            g,
            "plan_van_aanpak",
            world.today,
            {"activiteiten": "vervangen door HR", "casemanager": "HR"},
            vervangt=cm_plan,
        )
    hr = client_for(world.users.werkgever)
    url = f"/dossier/{g.pk}/vastleggen/plan_van_aanpak/?corrigeer={cm_plan.pk}"
    response = hr.get(url)
    assert response.status_code == 403 and "niet corrigeren" in response.content.decode()
    page = hr.get(f"/dossier/{g.pk}/").content.decode()
    assert f"?corrigeer={cm_plan.pk}" not in page  # no link to what one may not do
    # the author may correct their own, and the casemanager may correct the employer's
    services.vastleggen(
        world.users.casemanager,
        g,
        "plan_van_aanpak",
        world.today,
        {"activiteiten": "B", "casemanager": "Cas"},
        vervangt=cm_plan,
    )
    hr_plan = services.vastleggen(
        world.users.werkgever, g, "plan_van_aanpak", world.today, {"activiteiten": "C", "casemanager": "HR"}
    )
    assert f"?corrigeer={hr_plan.pk}" in client_for(world.users.casemanager).get(f"/dossier/{g.pk}/").content.decode()
    services.vastleggen(
        world.users.casemanager,
        g,
        "plan_van_aanpak",
        world.today,
        {"activiteiten": "D", "casemanager": "Cas"},
        vervangt=hr_plan,
    )


def test_the_provider_may_not_change_the_employees_job_application(world):
    g = world.anna
    data = {"werkgever": "Bakkerij", "functie": "Verkoper", "uitkomst": "afgewezen"}
    sollicitatie = services.vastleggen(world.users.werknemer, g, "sollicitatie", world.today, data)
    with pytest.raises(access.Geweigerd):
        services.vastleggen(
            world.users.reintegratiebedrijf,
            g,
            "sollicitatie",
            world.today,
            {**data, "uitkomst": "aangenomen"},
            vervangt=sollicitatie,
        )
    assert (
        client_for(world.users.reintegratiebedrijf)
        .post(
            f"/dossier/{g.pk}/vastleggen/sollicitatie/",
            {
                "corrigeer": sollicitatie.pk,
                "datum": world.today.isoformat(),
                "veld_werkgever": "B",
                "veld_functie": "V",
                "veld_uitkomst": "aangenomen",
            },
        )
        .status_code
        == 403
    )
    services.vastleggen(
        world.users.werknemer, g, "sollicitatie", world.today, {**data, "uitkomst": "gesprek"}, vervangt=sollicitatie
    )


def test_a_correction_link_with_nonsense_is_a_dutch_404_not_a_500(world):
    c = client_for(world.users.casemanager)
    for value in ("abc", "1e5", "-1", "99999999"):
        response = c.get(f"/dossier/{world.bert.pk}/vastleggen/plan_van_aanpak/?corrigeer={value}")
        assert response.status_code == 404, value


def test_provider_access_ends_with_the_trajectory(world):
    rb = world.users.reintegratiebedrijf
    assert access.zichtbare_gevallen(rb).filter(pk=world.anna.pk).exists()
    services.vastleggen(
        world.users.casemanager,
        world.anna,
        "einde_tweede_spoor",
        world.today - dt.timedelta(days=1),
        {"reden": "plaatsing"},
    )
    assert not access.zichtbare_gevallen(rb).filter(pk=world.anna.pk).exists()
    assert client_for(rb).get(f"/dossier/{world.anna.pk}/").status_code == 404


def test_provider_access_ends_when_the_assignment_is_corrected_to_another_provider(world):
    tweede = Reintegratiebedrijf.objects.create(naam="Tweede bureau")
    tweede.organisaties.add(world.noord)
    u = get_user_model().objects.create_user("rb3", "rb3@example.nl", PASSWORD)
    Rol.objects.create(user=u, rol="reintegratiebedrijf", reintegratiebedrijf=tweede)
    start = world.anna.gebeurtenissen.get(code="start_tweede_spoor")
    services.vastleggen(
        world.users.casemanager,
        world.anna,
        "start_tweede_spoor",
        start.datum,
        {"reintegratiebedrijf": str(tweede.pk)},
        vervangt=start,
    )
    assert not access.zichtbare_gevallen(world.users.reintegratiebedrijf).exists()
    assert list(access.zichtbare_gevallen(u)) == [world.anna]


def test_provider_access_ends_when_the_case_is_closed(world):
    Verzuimgeval.objects.filter(pk=world.anna.pk).update(afgesloten_op=world.today - dt.timedelta(days=1))
    assert not access.zichtbare_gevallen(world.users.reintegratiebedrijf).exists()
