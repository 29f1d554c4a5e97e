"""Views that fit each role (issue 8): the employee's own page and the re-integratiebedrijf's need-to-know page."""

from __future__ import annotations

import datetime as dt
import re

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
        {"activiteiten": "Afspraken over opbouw", "casemanager": "Carla", "reden_zonder": "Analyse arbodienst volgt"},
    )
    c = login(world.users.reintegratiebedrijf)
    body = c.get(f"/dossier/{world.anna.pk}/").content.decode()
    assert "Uw taken" in body and "Persoonsprofiel" in body and "Zoekprofiel" in body
    for hidden in ("€", "3.500", "Afspraken over opbouw", "Probleemanalyse", "Inkomen per scenario", "Kosten"):
        assert hidden not in body, hidden
    assert c.get(f"/dossier/{world.anna.pk}/inkomen/").status_code == 403


def test_employee_sees_the_toets_findings_that_concern_them_in_plain_words(world):
    """Anna: week 60, track 2 started five weeks ago, no job search recorded: the toets finds a quiet trajectory and
    missing steps. Her page says so in plain words with what she can do, and no codes, verdict names or articles;
    recording an application removes the quiet-trajectory point."""
    from spoorwijzer.dossier import toets as dossier_toets

    c = login(world.users.werknemer)
    body = c.get(f"/dossier/{world.anna.pk}/").content.decode()
    u = dossier_toets.toets(world.anna, services.actuele_gebeurtenissen(world.anna), world.today)
    found = {b.code for b in u.bevindingen if b.oordeel in ("risico", "tekortkoming")}
    assert {"stil_traject", "plan_van_aanpak"} <= found and "melding_uwv" in found
    assert "Wat UWV later bekijkt" in body
    assert 'data-regel="stil_traject"' in body and "De laatste weken staat er geen sollicitatie" in body
    assert 'data-regel="plan_van_aanpak"' in body and "Er staan nog geen afspraken op papier" in body
    assert "Wat kunt u doen?" in body and f"/dossier/{world.anna.pk}/vastleggen/sollicitatie/" in body
    assert 'data-regel="melding_uwv"' not in body  # the employer's business alone
    visible = re.sub(r"<[^>]+>", " ", body.split('id="uwv-kop"')[1].split("</section>")[0])
    for jargon in ("tekortkoming", "risico", "stil_traject", "Beleidsregels", "loonsanctie", "herstelactie", "€"):
        assert jargon not in visible.lower(), jargon
    services.vastleggen(
        world.users.werknemer,
        world.anna,
        "sollicitatie",
        world.today - dt.timedelta(days=1),
        {"werkgever": "Bakkerij Zoet", "functie": "Planner", "uitkomst": "gesprek"},
    )
    body = c.get(f"/dossier/{world.anna.pk}/").content.decode()
    assert 'data-regel="stil_traject"' not in body and 'data-regel="plan_van_aanpak"' in body
