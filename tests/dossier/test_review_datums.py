"""Findings of an outside review (dates and order of steps): an event before the first sick day, a plan van
aanpak without a probleemanalyse, and an early 42e-weeksmelding."""

from __future__ import annotations

import datetime as dt

import pytest

from spoorwijzer.dossier import services
from spoorwijzer.dossier.models import Gebeurtenis
from spoorwijzer.law.errors import InvalidInput
from spoorwijzer.law.tekst import datum as nl_datum


def test_an_evaluatie_before_the_first_sick_day_is_refused_naming_it_in_dutch(world):
    cm, g = world.users.casemanager, world.bert  # first sick day three weeks ago
    voor = Gebeurtenis.objects.filter(geval=g).count()
    with pytest.raises(InvalidInput) as exc:
        services.vastleggen(cm, g, "evaluatie", dt.date(2020, 3, 3), {"verslag": "Evaluatie"})
    msg = str(exc.value)
    assert "eerste ziektedag" in msg and nl_datum(g.eerste_ziektedag) in msg and "3 maart 2020" in msg
    assert Gebeurtenis.objects.filter(geval=g).count() == voor  # nothing stored, nothing lost
    # the day before is refused, the first sick day itself is accepted
    with pytest.raises(InvalidInput):
        services.vastleggen(cm, g, "evaluatie", g.eerste_ziektedag - dt.timedelta(days=1), {"verslag": "x"})
    services.vastleggen(cm, g, "evaluatie", g.eerste_ziektedag, {"verslag": "Evaluatie", "reden_zonder": "Plan elders"})


def test_a_document_may_be_dated_before_the_first_sick_day(world):
    cm, g = world.users.casemanager, world.bert  # e.g. the job description written years before
    e = services.vastleggen(cm, g, "document", dt.date(2020, 3, 3), {"titel": "Functieomschrijving"})
    assert e.datum == dt.date(2020, 3, 3)


def test_a_plan_van_aanpak_without_probleemanalyse_needs_a_reason(world):
    cm, g = world.users.casemanager, world.bert
    with pytest.raises(InvalidInput) as exc:
        services.vastleggen(cm, g, "plan_van_aanpak", world.today)
    msg = str(exc.value)
    assert "nog geen probleemanalyse" in msg and "art. 4 lid 1" in msg and "Reden zonder vastgelegde" in msg
    e = services.vastleggen(
        cm, g, "plan_van_aanpak", world.today, {"reden_zonder": "Probleemanalyse van de arbodienst, volgt per post"}
    )
    assert e.data["reden_zonder"].startswith("Probleemanalyse")


def test_a_plan_van_aanpak_after_the_probleemanalyse_needs_no_reason(world):
    g = world.bert
    services.vastleggen(world.users.bedrijfsarts, g, "probleemanalyse", world.today - dt.timedelta(days=2))
    e = services.vastleggen(world.users.casemanager, g, "plan_van_aanpak", world.today)
    assert e.code == "plan_van_aanpak"


def test_a_42e_weeksmelding_in_week_4_needs_a_reason(world):
    cm, g = world.users.casemanager, world.bert  # week 4
    with pytest.raises(InvalidInput) as exc:
        services.vastleggen(cm, g, "melding_uwv", world.today)
    msg = str(exc.value)
    week42 = g.eerste_ziektedag + dt.timedelta(weeks=41)  # first day of sick week 42 (ZW art. 38 lid 1)
    assert nl_datum(week42) in msg and "ziekteweek 42" in msg and "Reden om eerder" in msg
    e = services.vastleggen(cm, g, "melding_uwv", world.today, {"reden_vroeg": "Vervroegde IVA-aanvraag verwacht"})
    assert e.data["reden_vroeg"]


def test_a_trajectory_just_started_has_its_plan_as_a_to_do_not_a_tekortkoming(world):
    """Review: recording start_tweede_spoor made the re-integratieplan a tekortkoming the same day."""
    from spoorwijzer.dossier import toets as dossier_toets
    from spoorwijzer.dossier.models import Werknemer
    from spoorwijzer.law import toets as law_toets

    cm = world.users.casemanager
    eva = Werknemer.objects.create(werkgever=world.bouw, naam="Eva")
    g = services.nieuw_geval(cm, eva, world.today - dt.timedelta(weeks=56))
    start = world.today - dt.timedelta(days=3)
    services.vastleggen(cm, g, "start_tweede_spoor", start, {})
    u = dossier_toets.toets(g)
    plan = next(b for b in u.bevindingen if b.code == "re_integratieplan")
    uiterlijk = start + dt.timedelta(weeks=6)  # beoordelingskader/startdocumenten_tweede_spoor_weken
    assert uiterlijk > world.today
    assert plan.oordeel != law_toets.TEKORTKOMING
    assert "Nog te doen" in plan.uitleg and nl_datum(uiterlijk) in plan.uitleg
    zoek = next(b for b in u.bevindingen if b.code == "zoekprofiel")
    assert zoek.oordeel != law_toets.TEKORTKOMING and "Nog te doen" in zoek.uitleg
    # the page calls it what it is: a to-do, not 'niet van toepassing'
    page = _page(cm, g)
    assert page.count(">nog te doen</span>") == 2


def _page(user, g) -> str:
    from django.test import Client

    from tests.world import PASSWORD

    c = Client()
    assert c.login(username=user.username, password=PASSWORD)
    return c.get(f"/dossier/{g.pk}/").content.decode()


def test_the_second_track_line_says_when_it_started_and_is_not_shown_in_week_4(world):
    cm = world.users.casemanager
    anna = _page(cm, world.anna)  # the trajectory started five weeks ago
    start = world.today - dt.timedelta(weeks=5)
    assert f"Tweede spoor gestart op {nl_datum(start)}." in anna and "Tweede spoor vereist" not in anna
    bert = _page(cm, world.bert)  # week 4: the decision is far away
    assert "RIV-toets" in bert and "data-tweede-spoor" not in bert and "Tweede spoor vereist" not in bert


def test_the_second_track_line_shows_the_deadline_after_the_eerstejaarsevaluatie(world):
    from spoorwijzer.dossier.models import Werknemer

    cm = world.users.casemanager
    eva = Werknemer.objects.create(werkgever=world.bouw, naam="Eva")
    g = services.nieuw_geval(cm, eva, world.today - dt.timedelta(weeks=50))
    held = world.today - dt.timedelta(days=2)
    services.vastleggen(cm, g, "eerstejaarsevaluatie", held, {"verslag": "Spoor 1 lukt niet"})
    page = _page(cm, g)
    assert f"Tweede spoor vereist, uiterlijk gestart op {nl_datum(held + dt.timedelta(weeks=6))}." in page


def test_an_evaluation_of_a_plan_van_aanpak_that_is_not_recorded_needs_a_reason(world):
    """Outside review (session 7): Ahmed's plan van aanpak was not recorded (a deviation moved it), yet an evaluation
    of it was saved, counted as held by the toets and as 'op tijd' in the figures."""
    cm, g = world.users.casemanager, world.bert
    with pytest.raises(InvalidInput) as exc:
        services.vastleggen(cm, g, "evaluatie", world.today, {"verslag": "Gesprek gevoerd"})
    msg = str(exc.value)
    assert "nog geen plan van aanpak vastgelegd; de stap 'Evaluatie plan van aanpak' bouwt daarop voort" in msg
    assert "Leg eerst het plan van aanpak vast" in msg and "'Reden zonder vastgelegd plan van aanpak'" in msg
    assert "art. 4 lid 2" in msg
    assert not g.gebeurtenissen.filter(code="evaluatie").exists()
    e = services.vastleggen(
        cm, g, "evaluatie", world.today, {"verslag": "Gesprek", "reden_zonder": "Plan van de arbodienst, volgt"}
    )
    assert e.data["reden_zonder"].startswith("Plan")
