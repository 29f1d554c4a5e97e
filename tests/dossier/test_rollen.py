"""Views that fit each role (issue 8): the employee's own page and the re-integratiebedrijf's need-to-know page."""

from __future__ import annotations

import datetime as dt

from django.test import Client

from spoorwijzer.dossier import services
from tests.world import PASSWORD


def login(user):
    c = Client()
    assert c.login(username=user.username, password=PASSWORD)
    return c


def test_employee_sees_what_is_expected_job_search_first_and_no_jargon(world):
    services.vastleggen(
        world.users.werknemer,
        world.anna,
        "sollicitatie",
        world.today - dt.timedelta(days=2),
        {"werkgever": "Bakkerij Zoet", "functie": "Planner", "uitkomst": "gesprek"},
    )
    body = login(world.users.werknemer).get(f"/dossier/{world.anna.pk}/").content.decode()
    assert body.index("Sollicitatie toevoegen") < body.index("Wat er van u verwacht wordt")
    assert "Bakkerij Zoet" in body and "Uitgenodigd voor gesprek" in body
    assert "Mijn documenten" in body and "Mijn inkomen" in body
    for jargon in ("Grondslag", "Corrigeren", "art.", "Regeling procesgang", "Vastleggen</h2>"):
        assert jargon not in body, jargon
    # of the recurring evaluations only the next one
    assert body.count("lopen de afspraken nog goed?") <= 1


def test_provider_sees_its_trajectory_not_salary_costs_or_the_poortwachter_dossier(world):
    services.vastleggen(
        world.users.casemanager,
        world.anna,
        "plan_van_aanpak",
        world.today - dt.timedelta(days=3),
        {"activiteiten": "Afspraken over opbouw", "casemanager": "Carla"},
    )
    c = login(world.users.reintegratiebedrijf)
    body = c.get(f"/dossier/{world.anna.pk}/").content.decode()
    assert "Uw taken" in body and "Persoonsprofiel" in body and "Zoekprofiel" in body
    for hidden in ("€", "3.500", "Afspraken over opbouw", "Probleemanalyse", "Inkomen per scenario", "Kosten"):
        assert hidden not in body, hidden
    assert c.get(f"/dossier/{world.anna.pk}/inkomen/").status_code == 403
