"""A deviation from a legal deadline with a deugdelijke grond (law/afwijking.py).

Regeling procesgang eerste en tweede ziektejaar art. 5: "Van de termijnen, bedoeld in artikel 2 en 4, kan door de
werkgever en de werknemer gemotiveerd worden afgeweken." For the other deadlines WIA art. 25 lid 9 leaves it to UWV
whether the employer had a deugdelijke grond. Either way it is a person's recorded judgement: the schedule shows it
instead of "te laat", and the RIV-toets reports it as a risk that names UWV as the judge, never as a clean pass."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from spoorwijzer.law import afwijking as afw
from spoorwijzer.law import toets as t
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput
from spoorwijzer.law.poortwachter import EVENT_CODES, Event, Status, deadline_status, schedule
from spoorwijzer.law.weeks import SickPeriod
from tests.law.test_toets import complete, finding, on, run

D = dt.date(2025, 1, 6)  # a Monday; end of sick week 6 (probleemanalyse) = D+41 = 16 February 2025
PA_DEADLINE = D + dt.timedelta(days=41)


def deviation(stap="probleemanalyse", recorded=D + dt.timedelta(days=38), nieuwe=D + dt.timedelta(days=60), **kw):
    data = {
        "stap": stap,
        "grond": "toestand_werknemer",
        "motivatie": "Werknemer opgenomen; spreekuur pas na ontslag uit het ziekenhuis mogelijk",
        "oordeel_door": "dr. Jansen",
        "oordeel_rol": "bedrijfsarts",
        "document": "Verslag spreekuur 3 februari",
        **kw,
    }
    if nieuwe:
        data["nieuwe_datum"] = nieuwe.isoformat()
    return Event(afw.EVENT, recorded, data)


def sched_on(peil, *events):
    return schedule(LawContext.baseline(), [SickPeriod(D)], list(events), peildatum=peil)


def test_an_overdue_step_with_a_recorded_ground_is_a_deviation_until_its_new_date_then_late_again():
    assert afw.EVENT in EVENT_CODES  # the CLI and the dossier hand it to the schedule
    peil = D + dt.timedelta(days=50)
    plain = sched_on(peil).step("probleemanalyse")
    assert plain.uiterlijk == PA_DEADLINE and plain.status == Status.TE_LAAT

    step = sched_on(peil, deviation()).step("probleemanalyse")
    assert step.status == Status.AFWIJKING
    assert step.uiterlijk == PA_DEADLINE  # the legal deadline stays what the law says
    assert step.streefdatum == D + dt.timedelta(days=60)
    assert "dr. Jansen (bedrijfsarts)" in step.toelichting and "Regeling procesgang" in step.toelichting
    assert step.as_dict()["afwijking"]["oordeel_door"] == "dr. Jansen"

    after = sched_on(D + dt.timedelta(days=61), deviation()).step("probleemanalyse")
    assert after.status == Status.TE_LAAT  # the new date passed too

    done = sched_on(D + dt.timedelta(days=70), deviation(), Event("probleemanalyse", D + dt.timedelta(days=58)))
    step = done.step("probleemanalyse")
    assert step.status == Status.GEDAAN and step.tijdig is False and step.afwijking is not None


def test_the_status_rule_itself():
    today = dt.date(2026, 3, 1)
    assert deadline_status(dt.date(2026, 2, 1), None, today, 14) == Status.TE_LAAT
    assert deadline_status(dt.date(2026, 2, 1), None, today, 14, dt.date(2026, 3, 1)) == Status.AFWIJKING
    assert deadline_status(dt.date(2026, 2, 1), None, today, 14, dt.date(2026, 2, 28)) == Status.TE_LAAT
    assert deadline_status(dt.date(2026, 2, 1), today, today, 14, dt.date(2026, 2, 28)) == Status.GEDAAN


def test_a_deviation_of_an_evaluation_concerns_the_occurrence_that_is_late():
    """Regeling art. 4 lid 2 onder b: evaluations are terms of art. 4, so art. 5 covers them."""
    plan = Event("plan_van_aanpak", D + dt.timedelta(days=50))
    peil = D + dt.timedelta(days=50 + 7 * 6 + 5)  # the first evaluation (6 weeks after the plan) is 5 days late
    first = next(s for s in sched_on(peil, plan).stappen if s.code == "evaluatie")
    assert first.status == Status.TE_LAAT
    ev = deviation("evaluatie", recorded=peil, nieuwe=peil + dt.timedelta(days=7))
    steps = [s for s in sched_on(peil, plan, ev).stappen if s.code == "evaluatie"]
    assert steps[0].status == Status.AFWIJKING and all(s.afwijking is None for s in steps[1:])


def test_what_a_deviation_must_say():
    ok = afw.uit_gegevens(D, deviation().data)
    assert ok.grondslag.law.startswith("Regeling procesgang") and "art. 5" in ok.grondslag.article
    assert afw.uit_gegevens(D, deviation("start_tweede_spoor").data).grondslag.article.startswith("art. 25 lid 9")
    for bad, message in (
        ({"stap": "uwv_wia_brief"}, "kan niet met een deugdelijke grond"),
        ({"stap": "einde_wachttijd"}, "kan niet met een deugdelijke grond"),
        ({"motivatie": "  "}, "motivering"),
        ({"oordeel_door": ""}, "wie de afwijking beoordeelde"),
        ({"oordeel_rol": "buurman"}, "wie de afwijking beoordeelde"),
        ({"grond": "zomaar"}, "grond"),
    ):
        with pytest.raises(InvalidInput, match=message):
            afw.uit_gegevens(D, {**deviation().data, **bad})
    with pytest.raises(InvalidInput, match="niet na de uiterste datum"):
        afw.controleer(afw.uit_gegevens(D, deviation(nieuwe=PA_DEADLINE).data), PA_DEADLINE, None)
    with pytest.raises(InvalidInput, match="nieuwe datum"):
        afw.controleer(afw.uit_gegevens(D, deviation(nieuwe=None).data), PA_DEADLINE, None)
    afw.controleer(afw.uit_gegevens(D, deviation(nieuwe=None).data), PA_DEADLINE, PA_DEADLINE + dt.timedelta(days=3))


def test_a_preferred_date_deviation_is_not_a_legal_one():
    """Deviating from the organisation's preferred date changes nothing about the legal deadline."""
    peil = D + dt.timedelta(days=50)
    pref = Event("afwijking_voorkeur", D + dt.timedelta(days=30), {"stap": "probleemanalyse", "motivatie": "x"})
    assert sched_on(peil, pref).step("probleemanalyse").status == Status.TE_LAAT


def test_the_riv_toets_weighs_a_recorded_deviation_as_a_risk_naming_the_judge():
    """Beleidsregels § 4 (slot): a late step matters only if chances were missed, and whether a ground is
    deugdelijk is UWV's judgement (WIA art. 25 lid 9): a risk with who judges, not 'in orde'."""
    facts = complete(700)
    late = dataclasses.replace(
        facts,
        stappen=tuple(s if s.code != "probleemanalyse" else t.Stap("probleemanalyse", on(50)) for s in facts.stappen),
    )
    reason = t.Afwijking("probleemanalyse", on(38), "werknemer opgenomen", "dr. Jansen", "bedrijfsarts", "verslag")
    b = finding(run(dataclasses.replace(late, afwijkingen=(reason,))), "probleemanalyse")
    assert b.oordeel == t.RISICO and "UWV" in b.wie_oordeelt and "dr. Jansen (bedrijfsarts)" in b.uitleg

    # not done yet: a risk while the new date has not passed, an administrative shortcoming after it
    missing = dataclasses.replace(facts, stappen=tuple(s for s in facts.stappen if s.code != "probleemanalyse"))
    open_reason = dataclasses.replace(reason, nieuwe_datum=on(720))
    b = finding(run(dataclasses.replace(missing, afwijkingen=(open_reason,))), "probleemanalyse")
    assert b.oordeel == t.RISICO and b.herstel_uiterlijk == on(720)
    passed = dataclasses.replace(reason, nieuwe_datum=on(600))
    assert (
        finding(run(dataclasses.replace(missing, afwijkingen=(passed,))), "probleemanalyse").oordeel == t.TEKORTKOMING
    )
