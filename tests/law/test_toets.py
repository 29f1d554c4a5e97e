"""The RIV-toets: cases from UWV's own policy text and published rulings (each cites its source), and
properties that hold for every dossier (a complete, timely dossier has no tekortkoming; removing any
required item produces its finding)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spoorwijzer.law import toets as t
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput
from spoorwijzer.law.weeks import SickPeriod

D = dt.date(2025, 1, 6)  # first sick day (a Monday); end of week 52 = D+363, wachttijd ends D+727
DAY = dt.timedelta(days=1)


def on(offset: int) -> dt.date:
    return D + offset * DAY


def months_between(start: dt.date, end: dt.date) -> list[dt.date]:
    m = dt.date(start.year, start.month, 1)
    out = []
    while m <= end:
        out.append(m)
        m = dt.date(m.year + (m.month == 12), m.month % 12 + 1, 1)
    return out


def complete(peil_offset: int = 700, first: dt.date = D, **changes) -> t.ToetsFeiten:
    """A dossier in which every step is done on time up to the peildatum."""
    peil = first + peil_offset * DAY
    at = lambda o: first + o * DAY  # noqa: E731
    steps = [("probleemanalyse", 30), ("plan_van_aanpak", 40), ("melding_uwv", 285), ("arbeidsdeskundig_advies", 200)]
    steps += [("evaluatie", 40 + 35 * k) for k in range(1, 21)]
    steps += [("actueel_oordeel", 605), ("eindevaluatie", 610), ("oordeel_werknemer", 620)]  # from week 87 (vroegst)
    stappen = tuple(t.Stap(c, at(o)) for c, o in steps if at(o) <= peil)
    start = at(370)
    facts = t.ToetsFeiten(
        perioden=(SickPeriod(first),),
        peildatum=peil,
        stappen=stappen,
        routekeuze=t.Routekeuze(at(210), "beide", "eigen werk lukt niet", ("werkgever", "werknemer"))
        if at(210) <= peil
        else None,
        eerstejaarsevaluatie=t.Eerstejaarsevaluatie(at(350), False) if at(350) <= peil else None,
        tweede_spoor=t.TweedeSpoor(start) if start <= peil else None,
        re_integratieplan=t.PlanInhoud(start, True, True, True, True) if start <= peil else None,
        zoekprofielen=(
            t.Zoekprofiel(start, ("administratief medewerker", "receptionist"), "belastbaarheid_en_arbeidsmarkt"),
        )
        if start <= peil
        else (),
        zoekactiviteit=tuple(t.MaandActiviteit(m, 3, 1) for m in months_between(start, peil)) if start <= peil else (),
        laatste_zoekactiviteit=max(start, peil - 3 * DAY) if start <= peil else None,
        oordelen=(t.Oordeel("interventies_volgen_advies", True, "A. Deskundige", "arbeidsdeskundige", start),)
        if start <= peil
        else (),
        loon=t.Loon(410000, 3800),
    )
    return dataclasses.replace(facts, **changes)


def run(facts: t.ToetsFeiten) -> t.ToetsUitkomst:
    return t.toets(LawContext.baseline(), facts)


def finding(u: t.ToetsUitkomst, code: str) -> t.Bevinding:
    return next(b for b in u.bevindingen if b.code == code)


def without_step(facts: t.ToetsFeiten, code: str) -> t.ToetsFeiten:
    return dataclasses.replace(facts, stappen=tuple(s for s in facts.stappen if s.code != code))


# --- cases --------------------------------------------------------------------------------------


def test_a_complete_timely_dossier_at_week_100_has_no_shortcoming():
    u = run(complete(700))
    assert [b.code for b in u.bevindingen if b.oordeel == t.TEKORTKOMING] == []
    assert not u.loonsanctie_mogelijk and u.verwachte_loonsanctie_weken == 0
    assert u.tweede_spoor_vereist is True
    # Werkwijzer § 4.3 (intree.nl, panthion.nl): track 2 at the latest six weeks after the eerstejaarsevaluatie
    assert u.tweede_spoor_uiterlijk == on(350) + dt.timedelta(weeks=6)
    assert {b.code for b in u.bevindingen} == {r.code for r in t.REGELS}  # every rule reports


def test_track_two_started_ten_weeks_late_is_a_shortcoming_of_ten_weeks_plus_six():
    """Werkwijzer § 4.3: start within 6 weeks of the EJE. Started 16 weeks after it = 10 weeks late.
    WIA art. 25 lid 14: the sanction ends 6 weeks after UWV establishes the repair -> 10 + 6 = 16 weeks."""
    late_start = on(350) + dt.timedelta(weeks=16)
    u = run(complete(700, tweede_spoor=t.TweedeSpoor(late_start)))
    b = finding(u, "tweede_spoor")
    assert b.oordeel == t.TEKORTKOMING
    assert "10 weken na de uiterste datum" in b.uitleg
    assert u.loonsanctie_mogelijk
    assert u.verwachte_loonsanctie_weken == 16
    assert b.bekorting_weken == 16  # the only shortcoming: repairing it in time removes the whole sanction
    # money core: 70% of EUR 4,100 = EUR 2,870 a month in year 2 (below the BW 7:629 cap, no WML floor in
    # year 2); 16 weeks = 2,870 x 12 x 16 / 52 = EUR 10,597.538... -> 1,059,753 cent
    assert u.verwachte_loonsanctie_cent == 287000 * 12 * 16 // 52


def test_no_track_two_without_exception_after_its_deadline():
    """Beleidsregels § 5 (Plan van aanpak): if work elsewhere was not examined by the end of the wachttijd,
    UWV orders the employer to run that trajectory first (loonsanctie)."""
    facts = complete(500, tweede_spoor=None, re_integratieplan=None, zoekprofielen=(), zoekactiviteit=(), oordelen=())
    u = run(facts)
    b = finding(u, "tweede_spoor")
    assert b.oordeel == t.TEKORTKOMING and b.herstel_stap == "start_tweede_spoor"
    # missed from the deadline (D+392) to the end of the wachttijd (D+727): 335 days = 48 weeks -> 48 + 6 = 54 -> max 52
    assert u.verwachte_loonsanctie_weken == 52
    assert finding(u, "zoekactiviteit").oordeel == t.NVT


def test_aow_within_a_year_needs_both_parties():
    """Werkwijzer § 4.3 (arbeidsdeskundigen.nl): no track 2 if AOW age falls within one year after the
    wachttijd AND employer and employee agree."""
    base = complete(500, tweede_spoor=None, re_integratieplan=None, zoekprofielen=(), zoekactiviteit=(), oordelen=())
    aow = on(727) + dt.timedelta(days=200)
    both = dataclasses.replace(
        base,
        aow_datum=aow,
        uitzonderingen=(
            t.Uitzondering("aow_binnen_jaar_na_wachttijd", on(355), "AOW in 2027", ("werkgever", "werknemer")),
        ),
    )
    u = run(both)
    assert finding(u, "tweede_spoor").oordeel == t.IN_ORDE
    assert u.tweede_spoor_vereist is False and not u.loonsanctie_mogelijk
    only_employer = dataclasses.replace(
        both, uitzonderingen=(t.Uitzondering("aow_binnen_jaar_na_wachttijd", on(355), "AOW", ("werkgever",)),)
    )
    b = finding(run(only_employer), "tweede_spoor")
    assert b.oordeel == t.TEKORTKOMING and "werknemer" in b.uitleg
    too_late = dataclasses.replace(both, aow_datum=on(727) + dt.timedelta(days=400))
    assert finding(run(too_late), "tweede_spoor").oordeel == t.RISICO


def test_no_benutbare_mogelijkheden_judged_by_the_bedrijfsarts_means_no_loonsanctie():
    """Beleidsregels § 7.4 onder 3: no recovery expected -> a limited probleemanalyse suffices and UWV cannot
    impose a sanction at the end of the wachttijd. Only the bedrijfsarts' judgement counts."""
    base = complete(
        700, tweede_spoor=None, re_integratieplan=None, zoekprofielen=(), zoekactiviteit=(), oordelen=(), stappen=()
    )
    base = dataclasses.replace(base, stappen=(t.Stap("probleemanalyse", on(30)),))
    judged = dataclasses.replace(
        base, oordelen=(t.Oordeel("geen_benutbare_mogelijkheden", True, "dr. B. Arts", "bedrijfsarts", on(30)),)
    )
    u = run(judged)
    assert not u.loonsanctie_mogelijk and u.tweede_spoor_vereist is False
    assert finding(u, "plan_van_aanpak").oordeel == t.NVT
    by_casemanager = dataclasses.replace(
        base, oordelen=(t.Oordeel("geen_benutbare_mogelijkheden", True, "C. Manager", "casemanager", on(30)),)
    )
    assert run(by_casemanager).loonsanctie_mogelijk


@pytest.mark.parametrize(("pct", "bevredigend"), [(65, True), (64.9, False), (80, True)])
def test_bevredigend_resultaat_at_65_percent_whatever_the_path(pct, bevredigend):
    """Beleidsregels § 3: structural work with a loonwaarde of at least 65% of the old wage, accepted by the
    employee, is a bevredigend resultaat; the path taken is then not relevant."""
    bad_path = complete(
        700, tweede_spoor=None, re_integratieplan=None, zoekprofielen=(), zoekactiviteit=(), oordelen=()
    )
    facts = dataclasses.replace(bad_path, resultaat=t.Resultaat(on(690), True, pct, True))
    u = run(facts)
    assert u.bevredigend_resultaat is bevredigend
    assert u.loonsanctie_mogelijk is (not bevredigend)


def test_bevredigend_needs_structural_work_accepted_by_the_employee():
    facts = complete(700, resultaat=t.Resultaat(on(690), True, 70, False))
    assert not run(facts).bevredigend_resultaat
    facts = complete(700, resultaat=t.Resultaat(on(690), False, 70, True))
    assert not run(facts).bevredigend_resultaat


def test_zoekprofiel_only_on_the_employees_wish():
    """Rb. Midden-Nederland (via rviregister.nl, 'De kortste weg naar betaald werk'): a zoekprofiel aimed only
    at work as an interpreter (the employee's wish) was too narrow; the loonsanctie was upheld."""
    start = on(370)
    wish = complete(700, zoekprofielen=(t.Zoekprofiel(start, ("tolk",), "wens_werknemer"),))
    b = finding(run(wish), "zoekprofiel")
    assert b.oordeel == t.RISICO and "arbeidsdeskundige" in b.wie_oordeelt and "tolk" in b.uitleg
    judged_narrow = dataclasses.replace(
        wish,
        oordelen=(
            *wish.oordelen,
            t.Oordeel("zoekprofiel_passend", False, "A. Deskundige", "arbeidsdeskundige", on(500)),
        ),
    )
    u = run(judged_narrow)
    assert finding(u, "zoekprofiel").oordeel == t.TEKORTKOMING and u.loonsanctie_mogelijk


@pytest.mark.parametrize(("days", "verdict"), [(42, t.IN_ORDE), (43, t.RISICO)])
def test_arbeidstherapeutisch_werken_beyond_six_weeks(days, verdict):
    """Beleidsregels § 8: working without loonwaarde is adequate for a short period, as a rule not longer
    than 6 weeks (42 days)."""
    facts = complete(700, arbeidstherapeutisch=(t.Periode(on(100), on(100 + days - 1)),))
    assert finding(run(facts), "arbeidstherapeutisch").oordeel == verdict


def test_a_month_without_job_search_is_a_finding_and_four_quiet_weeks_a_risk():
    """UWV dossier study 2021 (kennisdocument 'Heeft spoor 2 wel zin?'): 27% of trajectories without any
    job-search activity. A calendar month fully in the trajectory without activity is a tekortkoming."""
    facts = complete(700)
    quiet_month = dt.date(2026, 6, 1)
    facts = dataclasses.replace(facts, zoekactiviteit=tuple(m for m in facts.zoekactiviteit if m.maand != quiet_month))
    u = run(facts)
    b = finding(u, "zoekactiviteit")
    assert b.oordeel == t.TEKORTKOMING and "juni 2026" in b.uitleg
    assert u.verwachte_loonsanctie_weken == 5 + 6  # 30 days -> 5 weeks, + 6 weeks after the repair
    quiet = complete(700, laatste_zoekactiviteit=on(700) - dt.timedelta(weeks=4))
    assert finding(run(quiet), "stil_traject").oordeel == t.RISICO
    recent = complete(700, laatste_zoekactiviteit=on(700) - dt.timedelta(days=27))
    assert finding(run(recent), "stil_traject").oordeel == t.IN_ORDE


def test_missing_eerstejaarsevaluatie_is_an_administrative_shortcoming_of_one_week():
    """Regeling procesgang art. 6 lid 1 onder h; Beleidsregels § 5: UWV first lets the employer supply a
    missing piece within one week. Expected: 1 week + 6 weeks after the repair = 7 weeks."""
    facts = complete(700, eerstejaarsevaluatie=None)
    u = run(facts)
    b = finding(u, "eerstejaarsevaluatie")
    assert b.oordeel == t.TEKORTKOMING and b.herstel_uiterlijk == on(707)
    assert [x.code for x in u.bevindingen if x.oordeel == t.TEKORTKOMING] == ["eerstejaarsevaluatie"]
    assert u.verwachte_loonsanctie_weken == 7


def test_concrete_perspective_in_own_organisation_holds_three_months():
    """Werkwijzer § 4.3: no track 2 while there is a concrete perspective of structural return in the own
    organisation in the short term (about three months)."""
    base = complete(380, tweede_spoor=None, re_integratieplan=None, zoekprofielen=(), zoekactiviteit=(), oordelen=())
    facts = dataclasses.replace(base, eerstejaarsevaluatie=t.Eerstejaarsevaluatie(on(350), True))
    assert finding(run(facts), "tweede_spoor").oordeel == t.IN_ORDE
    later = dataclasses.replace(facts, peildatum=on(350 + 95))
    assert finding(run(later), "tweede_spoor").oordeel == t.RISICO


def test_late_probleemanalyse_is_a_risk_and_a_motivated_deviation_stays_one_for_uwv_to_weigh():
    """Regeling art. 5: the terms may be departed from with reasons; Beleidsregels § 4 (slot): late steps are
    relevant only if chances were missed. Whether the reason holds is UWV's judgement, so the finding stays a
    risk, now naming the recorded reason and who judges it."""
    facts = complete(700)
    stappen = tuple(s if s.code != "probleemanalyse" else t.Stap("probleemanalyse", on(50)) for s in facts.stappen)
    late = dataclasses.replace(facts, stappen=stappen)
    assert finding(run(late), "probleemanalyse").oordeel == t.RISICO
    motivated = dataclasses.replace(late, afwijkingen=(t.Afwijking("probleemanalyse", on(35), "werknemer opgenomen"),))
    b = finding(run(motivated), "probleemanalyse")
    assert b.oordeel == t.RISICO and "werknemer opgenomen" in b.uitleg and b.wie_oordeelt.startswith("UWV")
    assert not b.herstelactie  # nothing left to repair: the reason is recorded


def test_route_choice_without_agreement_or_after_year_one_is_a_risk():
    """RSC 2025 building blocks 3B and 4C: labour expert's route advice and a documented route choice before
    the end of year 1. A proposal, so at most a risk."""
    no_agree = complete(700, routekeuze=t.Routekeuze(on(210), "spoor_2", "motivatie", ("werkgever",)))
    b = finding(run(no_agree), "routekeuze")
    assert b.oordeel == t.RISICO and "werknemer" in b.uitleg
    facts = complete(700)
    missing = dataclasses.replace(without_step(facts, "arbeidsdeskundig_advies"), routekeuze=None)
    b = finding(run(missing), "routekeuze")
    assert b.oordeel == t.RISICO and b.herstel_stap == "arbeidsdeskundig_advies"
    early = complete(150, routekeuze=None)
    assert finding(run(early), "routekeuze").oordeel == t.NVT


def test_route_advice_deadline_is_the_schedules():
    """The toets, the timeline and the work queue read one deadline for the route advice: the schedule's step
    (RSC 2023/2025, a proposal: at the latest at the eerstejaarsevaluatie, end of week 52). The day after it a
    missing advice becomes a risk, the day before it is not yet due."""
    facts = dataclasses.replace(without_step(complete(700), "arbeidsdeskundig_advies"), routekeuze=None)
    sched = t._schedule(LawContext.baseline(), facts)
    step = sched.step("arbeidsdeskundig_advies")
    assert step.uiterlijk == facts.perioden[0].start + dt.timedelta(days=7 * 52 - 1)
    assert step.soort_termijn == "voorstel" and "Geen wettelijke plicht" in step.grondslag
    due = dataclasses.replace(facts, peildatum=step.uiterlijk)
    assert finding(run(due), "routekeuze").oordeel == t.NVT
    after = dataclasses.replace(facts, peildatum=step.uiterlijk + dt.timedelta(days=1))
    b = finding(run(after), "routekeuze")
    assert b.oordeel == t.RISICO and b.herstel_uiterlijk == after.peildatum


def test_failed_trajectory_needs_a_revised_plan():
    """Beleidsregels § 9: if a trajectory fails despite adequate efforts, probleemanalyse and plan van aanpak
    must be revised."""
    facts = complete(700, stappen=tuple(s for s in complete(700).stappen if s.code != "evaluatie" or s.datum < on(500)))
    failed = dataclasses.replace(
        facts, tweede_spoor=t.TweedeSpoor(on(370), on(520), "geen_resultaat", "geen vacatures")
    )
    assert finding(run(failed), "traject_einde").oordeel == t.RISICO


def test_aow_on_the_first_sick_day_means_no_toets():
    u = run(complete(30, aow_op_eerste_ziektedag=True))
    assert all(b.oordeel == t.NVT for b in u.bevindingen) and not u.loonsanctie_mogelijk


def test_the_receipt_lists_the_parameters_used_with_their_source():
    u = run(complete(700, tweede_spoor=t.TweedeSpoor(on(350) + dt.timedelta(weeks=16))))
    names = {p["naam"] for p in u.receipt.as_dict()["parameters"]}
    assert {"beoordelingskader.bevredigend_loonwaarde_pct", "poortwachter.loonsanctie_max_weken"} <= names
    assert any("Te laat gestart" in s for s in u.receipt.steps)


def test_a_reform_of_a_threshold_changes_the_verdict():
    from spoorwijzer.law.context import ParameterChange, Reform

    reform = Reform(
        "ATW 8 weken",
        "arbeidstherapeutisch werken tot 8 weken",
        (ParameterChange("beoordelingskader.arbeidstherapeutisch_max_weken", dt.date(2006, 11, 18), 8, "proef"),),
    )
    facts = complete(700, arbeidstherapeutisch=(t.Periode(on(100), on(100 + 49)),))
    assert finding(run(facts), "arbeidstherapeutisch").oordeel == t.RISICO
    u = t.toets(LawContext.baseline().with_reform(reform), facts)
    assert finding(u, "arbeidstherapeutisch").oordeel == t.IN_ORDE


def test_bad_facts_give_a_dutch_error():
    with pytest.raises(InvalidInput, match="Onbekende stap"):
        run(complete(100, stappen=(t.Stap("spreekuur", on(3)),)))
    with pytest.raises(InvalidInput, match="wie het gaf"):
        run(complete(100, oordelen=(t.Oordeel("zoekprofiel_passend", True, "", "", on(3)),)))


# --- properties ---------------------------------------------------------------------------------

first_days = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2026, 6, 30))


@given(first_days, st.integers(0, 727))
@settings(max_examples=60, deadline=None)
def test_property_complete_and_timely_dossier_has_no_tekortkoming(first, offset):
    u = run(complete(offset, first=first))
    assert [b.code for b in u.bevindingen if b.oordeel == t.TEKORTKOMING] == []
    assert not u.loonsanctie_mogelijk


REMOVALS = {
    # item removed -> the finding it must produce, and from which sick-day offset its deadline has passed
    "probleemanalyse": ("probleemanalyse", 42),
    "plan_van_aanpak": ("plan_van_aanpak", 45),  # probleemanalyse held on D+30, plan within two weeks
    "evaluaties": ("evaluaties", 83),  # plan van aanpak on D+40, first evaluation by D+40+42
    "eerstejaarsevaluatie": ("eerstejaarsevaluatie", 364),
    "tweede_spoor": ("tweede_spoor", 393),  # eerstejaarsevaluatie held on D+350, start by D+350+42
    "re_integratieplan": ("re_integratieplan", 413),  # six weeks after the trajectory's start (D+370+42)
    "zoekprofiel": ("zoekprofiel", 413),  # with the plan: a start document
    "zoekactiviteit": ("zoekactiviteit", None),  # when the third calendar month of the trajectory is over
    "actueel_oordeel": ("actueel_oordeel", 637),
    "eindevaluatie": ("eindevaluatie", 637),
    "oordeel_werknemer": ("oordeel_werknemer", 637),
}


def remove(facts: t.ToetsFeiten, item: str) -> t.ToetsFeiten:
    match item:
        case "evaluaties":
            return without_step(facts, "evaluatie")
        case "eerstejaarsevaluatie":
            return dataclasses.replace(facts, eerstejaarsevaluatie=None)
        case "tweede_spoor":
            return dataclasses.replace(facts, tweede_spoor=None)
        case "re_integratieplan":
            return dataclasses.replace(facts, re_integratieplan=None)
        case "zoekprofiel":
            return dataclasses.replace(facts, zoekprofielen=())
        case "zoekactiviteit":
            return dataclasses.replace(facts, zoekactiviteit=facts.zoekactiviteit[:2] + facts.zoekactiviteit[3:])
    return without_step(facts, item)


@given(first_days, st.integers(0, 727), st.sampled_from(sorted(REMOVALS)))
@settings(max_examples=120, deadline=None)
def test_property_removing_a_required_item_produces_its_finding(first, offset, item):
    code, due = REMOVALS[item]
    if due is None:  # the removed month (the third calendar month from the start on D+370) must be over
        start = first + dt.timedelta(days=370)
        third_over = dt.date(start.year + (start.month + 2) // 12, (start.month + 2) % 12 + 1, 1)
        due = (third_over - dt.timedelta(days=1) - first).days  # judged once its last day is reached
    facts = complete(offset, first=first)
    u = run(remove(facts, item))
    b = finding(u, code)
    if offset >= due:
        assert b.oordeel == t.TEKORTKOMING, (item, b.uitleg)
        assert b.herstelactie and b.herstel_stap
        assert u.loonsanctie_mogelijk and u.verwachte_loonsanctie_weken > 0
    else:
        assert b.oordeel != t.TEKORTKOMING


def test_an_actueel_oordeel_recorded_months_early_is_a_risk_not_in_orde():
    """Outside review (session 7): an actueel oordeel dated 9 months before the WIA application, recorded with a
    reason, read 'in orde'. What UWV reads at the application must be current: before its earliest date (18 weeks
    before the end of the wachttijd) it is a risk with the window to record it again."""
    facts = complete()
    early = dataclasses.replace(
        facts, stappen=tuple(t.Stap(s.code, on(300) if s.code == "actueel_oordeel" else s.datum) for s in facts.stappen)
    )
    b = finding(run(early), "actueel_oordeel")
    assert b.oordeel == t.RISICO and "vóór de vroegste zinvolle datum" in b.uitleg and "ziekteweek 87" in b.uitleg
    assert b.herstel_uiterlijk is not None and "opnieuw vast" in b.herstelactie
    assert finding(run(facts), "actueel_oordeel").oordeel == t.IN_ORDE  # day 605, inside the window
    # the portfolio twin gives the same verdict
    from spoorwijzer.law import toets_vec as tv
    from tests.law.test_toets_vec import portfolio

    vec = tv.toets(LawContext.baseline(), portfolio([early, facts]), early.peildatum)
    assert [tv.CODE[int(v)] for v in vec.oordeel["actueel_oordeel"]] == [t.RISICO, t.IN_ORDE]
