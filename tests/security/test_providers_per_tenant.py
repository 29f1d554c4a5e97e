"""The provider list (re-integratiebedrijven) is per tenant (issue 10, item 8): a user sees, is offered and may
assign only the providers of their own organisation, in the forms, the pages and the API. Two tenants: Noord works
with Werkpad and Ander bureau, Zuid with Zuidpad (tests/world.py)."""

from __future__ import annotations

import pytest
from django.test import Client

from spoorwijzer.dossier import access, services
from spoorwijzer.dossier.models import Reintegratiebedrijf, Traject
from spoorwijzer.law.errors import InvalidInput
from tests.api.test_api import api
from tests.world import PASSWORD


def client_for(user):
    c = Client()
    assert c.login(username=user.username, password=PASSWORD)
    return c


def test_each_tenant_lists_only_its_own_providers(world):
    u = world.users
    assert set(access.zichtbare_reintegratiebedrijven(u.casemanager).values_list("naam", flat=True)) == {
        "Werkpad",
        "Ander bureau",
    }
    assert set(access.zichtbare_reintegratiebedrijven(u.casemanager_zuid).values_list("naam", flat=True)) == {"Zuidpad"}
    assert set(access.zichtbare_reintegratiebedrijven(u.werkgever).values_list("naam", flat=True)) == {
        "Werkpad",
        "Ander bureau",
    }
    assert list(access.zichtbare_reintegratiebedrijven(u.reintegratiebedrijf)) == [world.rb]
    assert not access.zichtbare_reintegratiebedrijven(u.werknemer).exists()


def test_the_track2_form_offers_only_the_cases_own_providers(world):
    noord = client_for(world.users.casemanager).get(f"/dossier/{world.bert.pk}/vastleggen/start_tweede_spoor/")
    zuid = client_for(world.users.casemanager_zuid).get(f"/dossier/{world.cor.pk}/vastleggen/start_tweede_spoor/")
    assert "Werkpad" in noord.content.decode() and "Zuidpad" not in noord.content.decode()
    assert "Zuidpad" in zuid.content.decode()
    assert "Werkpad" not in zuid.content.decode() and "Ander bureau" not in zuid.content.decode()


def test_another_tenants_provider_cannot_be_assigned_by_form_service_or_api(world):
    cm_zuid = world.users.casemanager_zuid
    r = client_for(cm_zuid).post(
        f"/dossier/{world.cor.pk}/vastleggen/start_tweede_spoor/",
        {"datum": world.today.isoformat(), "veld_reintegratiebedrijf": str(world.rb.pk)},
    )
    assert r.status_code == 400 and "een mogelijkheid uit de lijst" in r.content.decode()
    with pytest.raises(InvalidInput, match="uit de lijst van deze organisatie"):
        services.vastleggen(cm_zuid, world.cor, "start_tweede_spoor", world.today, {"reintegratiebedrijf": world.rb.pk})
    r = api(cm_zuid).post(
        f"/api/v1/gevallen/{world.cor.pk}/gebeurtenissen/",
        {"code": "start_tweede_spoor", "datum": world.today.isoformat(), "data": {"reintegratiebedrijf": world.rb.pk}},
        content_type="application/json",
    )
    assert r.status_code == 400 and "uit de lijst van deze organisatie" in r.content.decode()
    assert not Traject.objects.filter(geval=world.cor).exists()
    # the own provider is accepted
    r = api(cm_zuid).post(
        f"/api/v1/gevallen/{world.cor.pk}/gebeurtenissen/",
        {
            "code": "start_tweede_spoor",
            "datum": world.today.isoformat(),
            "data": {"reintegratiebedrijf": world.rb_zuid.pk},
        },
        content_type="application/json",
    )
    assert r.status_code == 201, r.content
    assert Traject.objects.get(geval=world.cor).reintegratiebedrijf == world.rb_zuid


def test_the_management_page_and_the_user_form_show_only_the_own_providers(world):
    zuid = client_for(world.users.casemanager_zuid)
    page = zuid.get("/beheer/reintegratiebedrijven/").content.decode()
    assert "Zuidpad" in page and "Werkpad" not in page and "Ander bureau" not in page
    assert zuid.get(f"/beheer/reintegratiebedrijven/{world.rb.pk}/").status_code == 404
    assert zuid.post(f"/beheer/reintegratiebedrijven/{world.rb.pk}/", {"naam": "Gekaapt"}).status_code == 404
    world.rb.refresh_from_db()
    assert world.rb.naam == "Werkpad"
    form = zuid.get("/beheer/gebruikers/nieuw/?rol=reintegratiebedrijf").content.decode()
    assert "Zuidpad" in form and "Werkpad" not in form
    # a name used by another tenant is free here, and the new provider belongs to this tenant only
    assert zuid.post("/beheer/reintegratiebedrijven/", {"naam": "Werkpad"}).status_code == 302
    eigen = Reintegratiebedrijf.objects.get(naam="Werkpad", organisaties=world.zuid)
    assert eigen != world.rb and list(eigen.organisaties.all()) == [world.zuid]
    assert eigen not in access.zichtbare_reintegratiebedrijven(world.users.casemanager)


def test_another_tenants_provider_results_page_is_a_404(world):
    assert client_for(world.users.casemanager_zuid).get(f"/reintegratiebedrijf/{world.rb.pk}/").status_code == 404
    assert client_for(world.users.casemanager).get(f"/reintegratiebedrijf/{world.rb.pk}/").status_code == 200


def test_a_providers_user_is_managed_by_the_organisations_that_work_with_the_provider(world):
    """Ander bureau works for Noord but has no trajectory yet: Noord's casemanager manages its user, Zuid's not."""
    rb2 = world.users.ander_bureau
    assert access.mag_gebruiker_beheren(world.users.casemanager, rb2)
    assert not access.mag_gebruiker_beheren(world.users.casemanager_zuid, rb2)
    assert client_for(world.users.casemanager_zuid).get(f"/beheer/gebruikers/{rb2.pk}/").status_code in (403, 404)
