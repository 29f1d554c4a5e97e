"""The poortwachter schedule (law/poortwachter.py) as the case page, the timeline and the API read it
(``Schedule.as_dict``, ``ScheduledStep.as_dict``, ``compact_steps``), and the boundaries of its rules. Rules a
mutation run of poortwachter.py showed unguarded (benchmarks/mutation.py --module poortwachter.py). Dates are worked
out by hand; the legal-basis texts and links come from the step's parameter, where the schedule states them once."""

from __future__ import annotations

import datetime as dt

import pytest

from spoorwijzer.law import afwijking as afw
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput
from spoorwijzer.law.poortwachter import (
    Event,
    Status,
    deadline_status,
    loonsanctie_einde,
    schedule,
    vroegst_einde_verkorte_wachttijd,
)
from spoorwijzer.law.voorkeur import PreferencePolicy
from spoorwijzer.law.weeks import SickPeriod, current_wachttijd

CTX = LawContext.baseline()
D = dt.date(2025, 1, 6)  # a Monday
P = "poortwachter."


def day(n: int) -> dt.date:
    return D + dt.timedelta(days=n)


def basis(param: str) -> tuple[str, str | None]:
    reference = CTX.version(P + param, D).reference
    return str(reference), reference.url


# The case of test_one_wachttijd: sick 6-1-2025 .. 1-2-2025, back at work 2-2 .. 19-2 (18 days, under four weeks:
# samentelling), sick again from 20-2-2025; 13 weeks of vrijwillige verlenging and a loonsanctie of 20 weeks.
# Last day of the wachttijd: (104 + 13) x 7 - 1 = 818 sick days after the first, plus the 18 days between: 6-1-2025 +
# 836 days = 22-4-2027. The sanction runs 20 weeks on: 22-4-2027 + 140 days = 9-9-2027; the WIA starts 10-9-2027.
PERIODS = (SickPeriod(D, dt.date(2025, 2, 1)), SickPeriod(dt.date(2025, 2, 20)))
EVENTS = [
    Event("vrijwillige_verlenging", dt.date(2025, 3, 1), {"weken": 13}),
    Event("loonsanctie", dt.date(2027, 4, 1), {"weken": 20}),
    Event("probleemanalyse", dt.date(2025, 2, 10)),
    Event("plan_van_aanpak", dt.date(2025, 3, 3)),
    Event("evaluatie", dt.date(2025, 4, 7)),
]
PEIL = dt.date(2025, 5, 1)


def test_the_schedule_as_the_case_page_reads_it():
    sched = schedule(CTX, PERIODS, EVENTS, peildatum=PEIL)
    out = sched.as_dict()
    stappen = out.pop("stappen")
    assert out == {
        "eerste_ziektedag": "2025-01-06",
        "samentelling": {
            "perioden": [{"start": "2025-01-06", "eind": "2025-02-01"}, {"start": "2025-02-20", "eind": None}],
            "samengesteld": True,
            "onderbrekingsdagen": 18,
            "vorige_wachttijden": 0,
        },
        "einde_wachttijd": "2027-04-22",
        "loonsanctie_tot": "2027-09-09",
        "wia_start": "2027-09-10",
        "peildatum": "2025-05-01",
    }
    # the loonsanctie is explained at the end of the wachttijd, and only there
    explained = {s["code"]: s["toelichting"] for s in stappen if s["toelichting"]}
    assert explained == {"einde_wachttijd": "Loonsanctie: loondoorbetaling loopt door tot en met 2027-09-09"}
    # without a sanction there is nothing to explain and no sanction date
    plain = schedule(CTX, PERIODS, EVENTS[:1] + EVENTS[2:], peildatum=PEIL).as_dict()
    assert plain["loonsanctie_tot"] is None and plain["wia_start"] == "2027-04-23"
    assert not any(s["toelichting"] for s in plain["stappen"])


def test_a_step_as_the_api_reads_it():
    sched = schedule(CTX, PERIODS, EVENTS, peildatum=PEIL)
    by_code = {s["code"]: s for s in sched.as_dict()["stappen"] if s["code"] != "evaluatie"}
    grondslag, url = basis("probleemanalyse_weken")
    # Regeling procesgang art. 2 lid 2: the probleemanalyse by the end of sick week 6. Week 6 ends 41 sick days
    # after the first; with the 18 days between the periods that is 6-1-2025 + 59 = 6-3-2025. Preferred in week 2
    # (policy: the end of week 2, 19-1-2025). Held on 10-2-2025, in time.
    assert by_code["probleemanalyse"] == {
        "code": "probleemanalyse",
        "naam": "Probleemanalyse bedrijfsarts",
        "actor": "bedrijfsarts",
        "voorkeur": "2025-01-19",
        "uiterlijk": "2025-03-06",
        "soort_termijn": "wet",
        "grondslag": grondslag,
        "url": url,
        "herhalend": False,
        "volgnummer": None,
        "status": "gedaan",
        "gedaan_op": "2025-02-10",
        "tijdig": True,
        "toelichting": "",
        "afwijking": None,
    }
    # the plan van aanpak is due 2 weeks after the probleemanalyse as held (10-2 + 14 = 24-2-2025); made on 3-3: late
    assert (by_code["plan_van_aanpak"]["uiterlijk"], by_code["plan_van_aanpak"]["tijdig"]) == ("2025-02-24", False)
    # Evaluations (UWV: at least every 6 weeks after the plan as held, 3-3-2025; preferred every 4 weeks): the first
    # due 14-4-2025, preferred 31-3, held 7-4; the second runs from the one held: due 19-5, preferred 5-5.
    grondslag, url = basis("evaluatie_interval_weken")
    evaluaties = [s.as_dict() for s in sched.stappen if s.code == "evaluatie"]
    first = {
        "code": "evaluatie",
        "naam": "Evaluatie plan van aanpak",
        "actor": "werkgever en werknemer",
        "voorkeur": "2025-03-31",
        "uiterlijk": "2025-04-14",
        "soort_termijn": "uwv-beleid",
        "grondslag": grondslag,
        "url": url,
        "herhalend": True,
        "volgnummer": 1,
        "status": "gedaan",
        "gedaan_op": "2025-04-07",
        "tijdig": True,
        "toelichting": "",
        "afwijking": None,
    }
    assert evaluaties[0] == first
    assert evaluaties[1] == dict(
        first, voorkeur="2025-05-05", uiterlijk="2025-05-19", volgnummer=2, status="open", gedaan_op=None, tijdig=None
    )
    assert [e["volgnummer"] for e in evaluaties] == list(range(1, len(evaluaties) + 1))
    # the end of the wachttijd: WIA art. 23 lid 1, no preferred date, no actor
    grondslag, url = basis("wachttijd_weken")
    assert {
        k: by_code["einde_wachttijd"][k] for k in ("naam", "actor", "voorkeur", "uiterlijk", "grondslag", "url")
    } == {
        "naam": "Einde wachttijd en loondoorbetaling",
        "actor": "—",
        "voorkeur": None,
        "uiterlijk": "2027-04-22",
        "grondslag": grondslag,
        "url": url,
    }


def test_the_steps_as_people_read_them_show_held_evaluations_and_only_the_next_planned_one():
    sched = schedule(CTX, PERIODS, EVENTS, peildatum=PEIL)
    compact = sched.compact_steps()
    # ordered by preferred date (else the deadline): the held evaluation (31-3) and the next (5-5) come after the
    # financial information (preferred on the day of the plan, 3-3) and before the arbeidsdeskundig advies (week 26)
    assert [(s.code, s.volgnummer) for s in compact] == [
        ("ziekmelding_arbodienst", None),
        ("probleemanalyse", None),
        ("plan_van_aanpak", None),
        ("financiele_informatie", None),
        ("evaluatie", 1),
        ("evaluatie", 2),
        ("arbeidsdeskundig_advies", None),
        ("start_tweede_spoor", None),
        ("melding_uwv", None),
        ("eerstejaarsevaluatie", None),
        ("actueel_oordeel", None),
        ("uwv_wia_brief", None),
        ("eindevaluatie", None),
        ("re_integratieverslag", None),
        ("wia_aanvraag", None),
        ("einde_wachttijd", None),
    ]
    # two evaluations held: both shown, then the next planned one only
    more = schedule(CTX, PERIODS, [*EVENTS, Event("evaluatie", dt.date(2025, 5, 12))], peildatum=PEIL)
    shown = [(s.volgnummer, s.status) for s in more.compact_steps() if s.code == "evaluatie"]
    assert shown == [(1, Status.GEDAAN), (2, Status.GEDAAN), (3, Status.OPEN)]
    assert sum(s.code == "evaluatie" for s in more.stappen) > 3  # the full schedule keeps every projected one


def test_without_preferred_dates_every_step_is_watched_at_its_deadline():
    # An organisation that sets no preferred dates: the evaluations are planned at their legal interval (preferred
    # = deadline), the other steps have none, and the timeline is ordered by deadline; the financial information
    # (no deadline, no preferred date) comes last.
    sched = schedule(CTX, [SickPeriod(D)], [], peildatum=D, policy=PreferencePolicy())
    steps = sched.stappen
    # week 1 ends 12-1-2025, week 6 16-2-2025, the plan 2 weeks later 2-3-2025
    assert [(s.code, s.uiterlijk) for s in steps[:3]] == [
        ("ziekmelding_arbodienst", day(6)),
        ("probleemanalyse", day(41)),
        ("plan_van_aanpak", day(55)),
    ]
    evaluaties = [s for s in steps if s.code == "evaluatie"]
    assert evaluaties[0].uiterlijk == day(55 + 42)
    assert all(s.voorkeur == s.uiterlijk for s in evaluaties)
    assert all(s.voorkeur is None for s in steps if s.code != "evaluatie")
    dated = [s.uiterlijk for s in steps if s.uiterlijk]
    assert dated == sorted(dated) and steps[-1].code == "financiele_informatie"


def test_an_employee_past_the_aow_age_gets_the_short_schedule_and_the_end_of_pay():
    # BW 7:629 lid 2: 6 weeks of loondoorbetaling; the last day is the end of sick week 6, 16-2-2025.
    sched = schedule(CTX, [SickPeriod(D)], [], peildatum=D, aow=True)
    assert [s.code for s in sched.stappen] == [
        "ziekmelding_arbodienst",
        "probleemanalyse",
        "plan_van_aanpak",
        "financiele_informatie",
        "einde_loondoorbetaling",
    ]
    grondslag, url = basis("aow_loondoorbetaling_weken")
    assert sched.stappen[-1].as_dict() == {
        "code": "einde_loondoorbetaling",
        "naam": "Einde loondoorbetaling (werknemer met AOW-leeftijd)",
        "actor": "—",
        "voorkeur": None,
        "uiterlijk": "2025-02-16",
        "soort_termijn": "wet",
        "grondslag": grondslag,
        "url": url,
        "herhalend": False,
        "volgnummer": None,
        "status": "open",
        "gedaan_op": None,
        "tijdig": None,
        "toelichting": "",
        "afwijking": None,
    }
    # past the AOW age there is no WIA to wait for: no evaluation cadence for the page's prose ("ten minste elke 6
    # weken") and no loonsanctie extending the pay, even when one is recorded
    assert sched.evaluatie_interval_weken is None
    assert schedule(CTX, [SickPeriod(D)], [], peildatum=D).evaluatie_interval_weken == 6
    sanction = [Event("loonsanctie", day(20), {"weken": 20})]
    assert schedule(CTX, [SickPeriod(D)], sanction, peildatum=D, aow=True).loonsanctie_tot is None
    # without preferred dates the probleemanalyse and the end of pay fall on the same day (end of week 6): the
    # probleemanalyse is listed first, the steps in their declared order
    bare = schedule(CTX, [SickPeriod(D)], [], peildatum=D, aow=True, policy=PreferencePolicy())
    assert [(s.code, s.uiterlijk) for s in bare.stappen] == [
        ("ziekmelding_arbodienst", day(6)),
        ("probleemanalyse", day(41)),
        ("einde_loondoorbetaling", day(41)),
        ("plan_van_aanpak", day(55)),
        ("financiele_informatie", None),
    ]


def test_a_vrijwillige_verlenging_without_its_weeks_is_refused():
    # WIA art. 24: the extension is agreed for a number of weeks (at least 13); one recorded without is refused
    with pytest.raises(InvalidInput) as err:
        schedule(CTX, [SickPeriod(D)], [Event("vrijwillige_verlenging", day(100))])
    assert str(err.value) == "Een vrijwillige verlenging duurt ten minste 13 weken (opgegeven: 0)."


def test_an_exception_to_the_second_track_names_its_ground():
    # Werkwijzer Poortwachter § 4.3: a recorded exception makes the second track unneeded, with its ground.
    recorded = dt.date(2026, 1, 10)

    def start_tweede_spoor(data):
        events = [Event("tweede_spoor_uitzondering", recorded, data)]
        return schedule(CTX, [SickPeriod(D)], events, peildatum=recorded).step("start_tweede_spoor")

    step = start_tweede_spoor({"grond": "blijvend_marginale_mogelijkheden"})
    assert step.status == Status.NIET_NODIG
    assert step.toelichting == "Blijvend marginale mogelijkheden (vastgelegd 2026-01-10)"
    # a ground outside the list is shown as written; without one only the date
    assert start_tweede_spoor({"grond": "Eigen afspraak"}).toelichting == "Eigen afspraak (vastgelegd 2026-01-10)"
    assert start_tweede_spoor({}).toelichting.strip() == "(vastgelegd 2026-01-10)"


def test_the_preferred_date_is_never_after_the_deadline():
    # probleemanalyse held on day 3 (9-1-2025): the plan is due 2 weeks later, 23-1-2025, before the policy's
    # preferred week 4 (2-2-2025): the preferred date becomes the deadline.
    sched = schedule(CTX, [SickPeriod(D)], [Event("probleemanalyse", day(3))], peildatum=D)
    step = sched.step("plan_van_aanpak")
    assert step.uiterlijk == day(17) and step.voorkeur == day(17)


def test_a_deadline_is_met_on_its_last_day():
    # probleemanalyse due at the end of sick week 6, 16-2-2025: on that day it is due soon, not late; held that
    # day it was held in time; the next day it is late.
    deadline = day(41)
    assert deadline_status(deadline, None, deadline, 14) == Status.BINNENKORT
    assert deadline_status(deadline, None, deadline + dt.timedelta(days=1), 14) == Status.TE_LAAT
    sched = schedule(CTX, [SickPeriod(D)], [Event("probleemanalyse", deadline)], peildatum=deadline)
    assert sched.step("probleemanalyse").tijdig is True


def test_evaluations_are_planned_only_before_the_last_day_of_the_wachttijd():
    # Plan held on day 13 (19-1-2025); evaluations every 6 weeks: days 55, 97, ..., 13 + 16 x 42 = 685 (22-11-2026).
    # The 17th would fall on day 727, the last day of the wachttijd (3-1-2027), when the wachttijd ends: not planned.
    sched = schedule(CTX, [SickPeriod(D)], [Event("plan_van_aanpak", day(13))], peildatum=D)
    evaluaties = [s for s in sched.stappen if s.code == "evaluatie"]
    assert len(evaluaties) == 16 and evaluaties[-1].uiterlijk == day(685) == dt.date(2026, 11, 22)
    assert sched.einde_wachttijd == day(727)


def test_a_loonsanctie_lasts_one_to_52_weeks():
    # WIA art. 25 lid 9: UWV imposes at most 52 weeks; one week is a sanction too, zero is none.
    end = dt.date(2027, 1, 3)
    assert loonsanctie_einde(CTX, end, None, 1) == dt.date(2027, 1, 10)
    assert loonsanctie_einde(CTX, end, None, 52) == end + dt.timedelta(weeks=52)
    with pytest.raises(InvalidInput) as err:
        loonsanctie_einde(CTX, end, None, 0)
    assert str(err.value) == "Een loonsanctie duurt 1 tot en met 52 weken (opgegeven: 0)."


def test_a_shortened_wachttijd_may_end_exactly_on_its_latest_day():
    # WIA art. 23 lid 6: at most 78 weeks (last day 545 sick days after the first, 5-7-2026) and not within 10 weeks
    # of the application. Applied on 26-4-2026 (day 475): 10 weeks later is exactly 5-7-2026, allowed; a day later
    # applied is too late.
    wachttijd = current_wachttijd(CTX, [SickPeriod(D)])
    assert vroegst_einde_verkorte_wachttijd(CTX, wachttijd, day(475)) == day(545) == dt.date(2026, 7, 5)
    with pytest.raises(InvalidInput, match="te laat"):
        vroegst_einde_verkorte_wachttijd(CTX, wachttijd, day(476))


# --- deviations with a deugdelijke grond (law/afwijking.py) -----------------------------------------------------


def deviation(stap, recorded, nieuwe=None):
    data = {
        "stap": stap,
        "grond": "toestand_werknemer",
        "motivatie": "Werknemer opgenomen",
        "oordeel_door": "dr. Jansen",
        "oordeel_rol": "bedrijfsarts",
    }
    if nieuwe:
        data["nieuwe_datum"] = nieuwe.isoformat()
    return Event(afw.EVENT, recorded, data)


def test_a_deviation_without_a_new_date_leaves_the_step_judged_against_its_deadline():
    # recorded on day 38, before the probleemanalyse's deadline (day 41): due soon; on day 50: late
    events = [deviation("probleemanalyse", day(38))]
    soon = schedule(CTX, [SickPeriod(D)], events, peildatum=day(38)).step("probleemanalyse")
    assert soon.afwijking is not None and soon.status == Status.BINNENKORT
    late = schedule(CTX, [SickPeriod(D)], events, peildatum=day(50)).step("probleemanalyse")
    assert late.afwijking is not None and late.status == Status.TE_LAAT


def test_a_deviation_of_a_step_done_in_time_does_not_stop_the_next_one():
    # the probleemanalyse was held in time, so its recorded deviation concerns nothing; the plan's still counts
    events = [
        Event("probleemanalyse", day(20)),
        deviation("probleemanalyse", day(21)),
        deviation("plan_van_aanpak", day(30), nieuwe=day(60)),
    ]
    sched = schedule(CTX, [SickPeriod(D)], events, peildatum=day(40))
    assert sched.step("probleemanalyse").afwijking is None
    plan = sched.step("plan_van_aanpak")  # due day 20 + 14 = 34, overdue on day 40, but deviated to day 60
    assert plan.uiterlijk == day(34) and plan.status == Status.AFWIJKING


def test_a_deviation_of_an_evaluation_goes_to_the_occurrence_nearest_to_when_it_was_recorded():
    # plan held on day 13: evaluations due on days 55, 97, 139, ...; none held. A deviation recorded on day 140
    # concerns the third (due day 139), not the first.
    events = [Event("plan_van_aanpak", day(13)), deviation("evaluatie", day(140), nieuwe=day(150))]
    sched = schedule(CTX, [SickPeriod(D)], events, peildatum=day(141))
    deviated = [s.volgnummer for s in sched.stappen if s.code == "evaluatie" and s.afwijking is not None]
    assert deviated == [3]
