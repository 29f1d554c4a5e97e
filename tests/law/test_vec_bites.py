"""The numpy twins (poortwachter_vec, toets_vec) give the scalar answer on the cases where a rule turns: a document
recorded on or one day before its earliest date, a step missing on its deadline day and the day after, the
concrete-perspective exception ending at a month's end, interruptions, a vrijwillige verlenging, a loonsanctie
with and without repair, the late UWV letter, the exemption from the second track and the next evaluation."""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pytest

from spoorwijzer.law import poortwachter as pw
from spoorwijzer.law import poortwachter_vec as pv
from spoorwijzer.law import toets as t
from spoorwijzer.law import toets_vec as tv
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.weeks import SickPeriod, current_wachttijd
from tests.law.test_toets import complete
from tests.law.test_toets_vec import portfolio

D = dt.date(2025, 1, 6)  # first sick day, a Monday: sick week N starts on D + 7 * (N - 1); the wachttijd ends D+727
DAY = dt.timedelta(days=1)


def at(offset: int, first: dt.date = D) -> dt.date:
    return first + offset * DAY


def both(facts: list[t.ToetsFeiten], peil: dt.date) -> tuple[tv.PortfolioToets, list[t.ToetsUitkomst]]:
    """The vector twin over all dossiers and the scalar toets per dossier, which must agree on every rule."""
    ctx = LawContext.baseline()
    vec = tv.toets(ctx, portfolio(facts), peil)
    scalar = [t.toets(ctx, f) for f in facts]
    for i, u in enumerate(scalar):
        verdicts = {b.code: b.oordeel for b in u.bevindingen}
        for code in tv.RULES:
            assert tv.CODE[int(vec.oordeel[code][i])] == verdicts[code], (i, code)
        assert bool(vec.loonsanctie_mogelijk[i]) == u.loonsanctie_mogelijk, i
        assert int(vec.weken[i]) == u.verwachte_loonsanctie_weken, i
        assert int(vec.cent[i]) == u.verwachte_loonsanctie_cent, i
    return vec, scalar


def moved(f: t.ToetsFeiten, code: str, day: dt.date | None) -> t.ToetsFeiten:
    stappen = tuple(s for s in f.stappen if s.code != code)
    if day is not None:
        stappen += (t.Stap(code, day),)
    return dataclasses.replace(f, stappen=stappen)


def test_wia_documents_recorded_before_week_87_are_a_risk_on_its_first_day_in_order():
    """vroegst: the actueel oordeel and eindevaluatie from 18 weeks before the end (day 602, week 87's first day)."""
    base = complete(700)
    facts = [
        moved(base, "actueel_oordeel", at(601)),
        moved(base, "actueel_oordeel", at(602)),
        moved(base, "eindevaluatie", at(601)),
        moved(base, "eindevaluatie", at(602)),
    ]
    vec, _ = both(facts, at(700))
    assert [tv.CODE[int(v)] for v in vec.oordeel["actueel_oordeel"]] == [t.RISICO, t.IN_ORDE, t.IN_ORDE, t.IN_ORDE]
    assert [tv.CODE[int(v)] for v in vec.oordeel["eindevaluatie"]] == [t.IN_ORDE, t.IN_ORDE, t.RISICO, t.IN_ORDE]


def test_a_missing_step_is_a_shortcoming_from_the_day_after_its_deadline():
    """Probleemanalyse by the end of sick week 6 (day 41): missing on day 41 not yet due, on day 42 a shortcoming of
    one week's administrative repair plus six weeks until UWV ends the sanction (7 weeks)."""
    facts = [moved(complete(41), "probleemanalyse", None), moved(complete(42), "probleemanalyse", None)]
    ctx = LawContext.baseline()
    vec41 = tv.toets(ctx, portfolio(facts[:1]), at(41))
    vec42 = tv.toets(ctx, portfolio(facts[1:]), at(42))
    assert tv.CODE[int(vec41.oordeel["probleemanalyse"][0])] == t.NVT and not vec41.loonsanctie_mogelijk[0]
    assert tv.CODE[int(vec42.oordeel["probleemanalyse"][0])] == t.TEKORTKOMING and vec42.loonsanctie_mogelijk[0]
    assert int(vec42.weken[0]) == t.toets(ctx, facts[1]).verwachte_loonsanctie_weken == 1 + 6
    assert vec42.weken.dtype == np.int64 and vec42.cent.dtype == np.int64


def test_a_concrete_perspective_holds_three_months_to_the_months_last_day():
    """Beoordelingskader: no second track while a concrete perspective lasts, 3 months from the eerstejaarsevaluatie;
    held on 30 November 2025 it holds up to 28 February 2026 (no 30 February) and is a risk from 1 March."""
    eje = dt.date(2025, 11, 30)
    first = eje - 350 * DAY
    facts = []
    for peil in (dt.date(2026, 2, 28), dt.date(2026, 3, 1)):
        f = complete((peil - first).days, first=first)
        facts.append(
            dataclasses.replace(
                f, eerstejaarsevaluatie=t.Eerstejaarsevaluatie(eje, True), tweede_spoor=None, zoekactiviteit=()
            )
        )
    ctx = LawContext.baseline()
    verdicts = []
    for f in facts:
        vec = tv.toets(ctx, portfolio([f]), f.peildatum)
        verdict = {b.code: b.oordeel for b in t.toets(ctx, f).bevindingen}["tweede_spoor"]
        assert tv.CODE[int(vec.oordeel["tweede_spoor"][0])] == verdict
        verdicts.append(verdict)
    assert verdicts == [t.IN_ORDE, t.RISICO]


def test_the_vector_month_arithmetic_equals_the_scalar_one_at_every_months_end():
    """Same day N months later, clamped to the month's last day (31 January + 1 month = 28 or 29 February)."""
    days = np.arange(np.datetime64("2023-12-01"), np.datetime64("2025-03-01"))
    for months in (0, 1, 3, 11, 13):
        got = tv._add_months(days, months)
        want = [np.datetime64(t._add_months(d.astype(object), months)) for d in days]
        assert list(got) == want, months
    assert tv._add_months(np.array(["2024-01-31"], dtype="datetime64[D]"), 1)[0] == np.datetime64("2024-02-29")


def test_a_started_week_of_repair_counts_whole():
    """A second track started 1 day late takes 1 week to repair, 7 days 1 week, 8 days 2 weeks; none 0."""
    assert list(tv._ceil_weeks(np.array([0, 1, 7, 8, 15]))) == [0, 1, 1, 2, 3]


def test_a_second_track_not_started_is_a_shortcoming_from_the_day_after_its_deadline():
    """Start of the second track 6 weeks after the eerstejaarsevaluatie (held on day 350): day 392 not yet due."""
    facts = [dataclasses.replace(complete(o), tweede_spoor=None, zoekactiviteit=()) for o in (392, 393)]
    ctx = LawContext.baseline()
    got = []
    for f in facts:
        vec, _ = both([f], f.peildatum)
        assert vec.tweede_spoor_uiterlijk[0] == np.datetime64(at(392))
        got.append(tv.CODE[int(vec.oordeel["tweede_spoor"][0])])
    assert got == [t.NVT, t.TEKORTKOMING]
    assert t.toets(ctx, facts[1]).loonsanctie_mogelijk


def test_a_result_of_at_least_65_percent_wage_value_is_satisfactory_and_prevents_a_sanction():
    """Beleidsregels: structural, accepted work at >= 65% of the old wage is a bevredigend resultaat; 64.9% is not."""
    base = moved(complete(700), "probleemanalyse", None)  # a shortcoming that a satisfactory result outweighs
    facts = [dataclasses.replace(base, resultaat=t.Resultaat(at(700), True, pct, True)) for pct in (65.0, 64.9)]
    vec, scalar = both(facts, at(700))
    assert [bool(x) for x in vec.loonsanctie_mogelijk] == [False, True]
    assert [u.loonsanctie_mogelijk for u in scalar] == [False, True]
    assert np.isnat(vec.tweede_spoor_uiterlijk[0]) and not np.isnat(vec.tweede_spoor_uiterlijk[1])


def test_an_empty_portfolio_has_an_empty_toets():
    """A casemanager without cases gets an empty answer, not an error."""
    facts = [complete(700)]
    tp = portfolio(facts)
    empty = dataclasses.replace(
        tp,
        p=tp.p.take(np.array([], dtype=np.int64)),
        concreet_perspectief=tp.concreet_perspectief[:0],
        activity=tp.activity[:0],
        laatste_activiteit=tp.laatste_activiteit[:0],
        resultaat_pct=tp.resultaat_pct[:0],
        resultaat_ok=tp.resultaat_ok[:0],
        maandloon_cent=tp.maandloon_cent[:0],
        uren_x100=tp.uren_x100[:0],
    )
    out = tv.toets(LawContext.baseline(), empty, at(700))
    assert out.weken.shape == (0,) and out.cent.shape == (0,) and out.ernst.shape == (0,)


# --- poortwachter_vec: the schedule of a portfolio -----------------------------------------------------------------

CTX = LawContext.baseline()
Ev = pw.Event


def _sp(start: dt.date, end: dt.date | None = None) -> SickPeriod:
    return SickPeriod(start, end)


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    """Equal element for element, a missing date (NaT) equal to a missing date."""
    return list(a.astype(str)) == list(b.astype(str))


def _cases() -> list[tuple[str, list, list[pw.Event]]]:
    """Dossiers where a rule of the schedule turns, each named for it."""
    d = D
    return [
        ("gewoon", [_sp(d)], []),
        # nine days of work in between: every deadline nine days later
        ("onderbreking", [_sp(d, d + 20 * DAY), _sp(d + 30 * DAY)], [Ev("probleemanalyse", d + 35 * DAY)]),
        # an earlier wachttijd (more than four weeks back): its events do not count
        (
            "eerdere_wachttijd",
            [_sp(dt.date(2024, 1, 1), dt.date(2024, 2, 1)), _sp(d)],
            [
                Ev("probleemanalyse", dt.date(2024, 1, 20)),
                Ev("plan_van_aanpak", dt.date(2024, 1, 25)),
                Ev("evaluatie", dt.date(2024, 1, 30)),
                Ev("loonsanctie", dt.date(2024, 1, 31), {"weken": 20}),
                Ev("vrijwillige_verlenging", dt.date(2024, 1, 31), {"weken": 26}),
                Ev("tweede_spoor_uitzondering", dt.date(2024, 1, 31), {"grond": "x"}),
                Ev("probleemanalyse", d + 30 * DAY),  # this wachttijd's own step still counts
            ],
        ),
        # two extensions of 13 weeks each: the wachttijd ends 26 weeks later (as the scalar end computation adds)
        (
            "twee_verlengingen",
            [_sp(d)],
            [
                Ev("vrijwillige_verlenging", d + 600 * DAY, {"weken": 13}),
                Ev("vrijwillige_verlenging", d + 700 * DAY, {"weken": 13}),
            ],
        ),
        # WIA art. 24 lid 1: a vrijwillige verlenging of 13 weeks, then a loonsanctie of 26 weeks (art. 25 lid 9)
        (
            "verlenging_en_loonsanctie",
            [_sp(d)],
            [
                Ev("vrijwillige_verlenging", d + 600 * DAY, {"weken": 13}),
                Ev("loonsanctie", d + 700 * DAY, {"weken": 26}),
                Ev("loonsanctie", d + 710 * DAY, {"weken": 40}),  # only the first sanction counts
            ],
        ),
        # the legal maximum (52 weeks), ended six weeks after UWV found the shortcoming repaired (art. 25 lid 14)
        (
            "loonsanctie_hersteld",
            [_sp(d)],
            [
                Ev("loonsanctie", d + 700 * DAY),
                Ev("herstel_vastgesteld", d + 800 * DAY),
                Ev("herstel_vastgesteld", d + 900 * DAY),
            ],
        ),
        # a repair found so late that the 52 weeks end first
        (
            "loonsanctie_laat_hersteld",
            [_sp(d)],
            [Ev("loonsanctie", d + 700 * DAY), Ev("herstel_vastgesteld", d + 1100 * DAY)],
        ),
        # evaluations after the plan van aanpak: the next is six weeks after the last one held
        (
            "evaluaties",
            [_sp(d)],
            [
                Ev("probleemanalyse", d + 30 * DAY),
                Ev("plan_van_aanpak", d + 40 * DAY),
                Ev("evaluatie", d + 120 * DAY),
                Ev("evaluatie", d + 80 * DAY),
            ],
        ),
        # a plan van aanpak held late, no evaluation yet: six weeks after the plan as held
        ("plan_laat", [_sp(d)], [Ev("plan_van_aanpak", d + 90 * DAY)]),
        # an exception to the second track: its steps are not needed unless done
        (
            "uitzondering",
            [_sp(d)],
            [Ev("tweede_spoor_uitzondering", d + 360 * DAY, {"grond": "x"}), Ev("start_tweede_spoor", d + 380 * DAY)],
        ),
        # UWV's WIA letter came late (after week 88): the application is due four weeks after it
        ("late_brief", [_sp(d)], [Ev("uwv_wia_brief", d + 690 * DAY)]),
        # the letter on time: the application's own deadline stands
        ("brief_op_tijd", [_sp(d)], [Ev("uwv_wia_brief", d + 600 * DAY)]),
        # steps done late and on time
        ("gedaan", [_sp(d)], [Ev("probleemanalyse", d + 50 * DAY), Ev("melding_uwv", d + 280 * DAY)]),
        # the 42nd-week report falls on Christmas 2026 (a Friday): due on Monday 28 December
        ("kerst", [_sp(dt.date(2026, 3, 6))], []),
        # ... and on New Year's day 2027 (a Friday), in the portfolio's last year: due on Monday 4 January
        ("nieuwjaar", [_sp(dt.date(2026, 3, 13))], []),
    ]


def _built():
    return [(name, ps, current_wachttijd(CTX, ps), ev) for name, ps, ev in _cases()]


@pytest.mark.parametrize("peil_offset", [26, 27, 41, 42, 294, 400, 700, 728, 1000])
def test_the_portfolio_schedule_equals_the_scalar_schedule_where_rules_turn(peil_offset):
    """Deadlines, statuses (soon = within 14 days, late = the day after), the next evaluation and overdue counts agree."""
    built = _built()
    peildatum = D + peil_offset * DAY
    portfolio = pv.Portfolio.from_cases([(w, ev) for _, _, w, ev in built])
    vec = pv.schedule(CTX, portfolio, peildatum)
    overdue = vec.overdue()
    for i, (name, ps, _, events) in enumerate(built):
        sched = pw.schedule(CTX, ps, events, peildatum=peildatum)
        late = 0
        for rule in pv.VECTOR_STEPS:
            step = sched.step(rule.code)
            got = vec.uiterlijk[rule.code][i]
            assert (None if np.isnat(got) else got.astype(object)) == step.uiterlijk, (name, rule.code)
            assert pv.STATUS[vec.status[rule.code][i]] == step.status, (name, rule.code)
            late += step.status == pw.Status.TE_LAAT
        assert int(overdue[i]) == late, name
        first_open = next(s for s in sched.stappen if s.code == "evaluatie" and s.gedaan_op is None)
        assert vec.volgende_evaluatie[i].astype(object) == first_open.uiterlijk, name


def test_the_portfolio_end_of_wage_payment_equals_the_one_computation():
    """laatste_loondag: the wachttijd's end moved by verlenging, or the loonsanctie's end (WIA art. 24-25)."""
    built = _built()
    portfolio = pv.Portfolio.from_cases([(w, ev) for _, _, w, ev in built])
    got = pv.laatste_loondag(CTX, portfolio)
    by_name = {}
    for i, (name, ps, _, events) in enumerate(built):
        want = pw.wachttijd_einde(CTX, ps, events).laatste_loondag
        assert got[i].astype(object) == want, name
        by_name[name] = want
    end = D + 727 * DAY  # 104 weeks
    assert by_name["gewoon"] == end and by_name["eerdere_wachttijd"] == end
    assert by_name["verlenging_en_loonsanctie"] == end + 13 * 7 * DAY + 26 * 7 * DAY
    assert by_name["loonsanctie_hersteld"] == D + 800 * DAY + 6 * 7 * DAY
    assert by_name["loonsanctie_laat_hersteld"] == end + 52 * 7 * DAY
    assert by_name["onderbreking"] == end + 9 * DAY
    assert by_name["twee_verlengingen"] == end + 26 * 7 * DAY
    # no sanction anywhere: the end of the wachttijd itself
    plain = pv.Portfolio.from_cases([(w, ev) for name, _, w, ev in built if "loonsanctie" not in name])
    assert list(pv.laatste_loondag(CTX, plain)) == list(plain.date_of(pv.end_offset(CTX, plain)))


@pytest.mark.parametrize("weken", [53, 60])
def test_a_loonsanctie_longer_than_52_weeks_is_refused_in_dutch(weken):
    """WIA art. 25 lid 9: at most 52 weeks."""
    w = _built()[0][2]
    p = pv.Portfolio.from_cases([(w, [Ev("loonsanctie", D + 700 * DAY, {"weken": weken})])])
    with pytest.raises(t.InvalidInput) as refused:
        pv.laatste_loondag(CTX, p)
    assert str(refused.value) == "Een loonsanctie duurt 1 tot en met 52 weken."
    ok = pv.Portfolio.from_cases([(w, [Ev("loonsanctie", D + 700 * DAY, {"weken": 52})])])
    assert pv.laatste_loondag(CTX, ok)[0] == np.datetime64(D + 727 * DAY + 52 * 7 * DAY)


def test_a_portfolio_of_uninterrupted_cases_and_a_part_of_a_portfolio():
    """Dossiers of one sick period without events have the plain schedule; a part keeps each dossier's own data."""
    firsts = np.array(["2025-01-06", "2026-03-06", "2024-07-01"], dtype="datetime64[D]")
    plain = pv.Portfolio.uninterrupted(firsts)
    cases = [(current_wachttijd(CTX, [_sp(f.astype(object))]), []) for f in firsts]
    a, b = pv.schedule(CTX, plain, D), pv.schedule(CTX, pv.Portfolio.from_cases(cases), D)
    for code in a.uiterlijk:
        assert _same(a.uiterlijk[code], b.uiterlijk[code]) and _same(a.status[code], b.status[code]), code
    assert plain.size == 3 and list(pv.laatste_loondag(CTX, plain)) == list(firsts + np.timedelta64(727, "D"))
    built = _built()
    whole = pv.Portfolio.from_cases([(w, ev) for _, _, w, ev in built])
    idx = np.array([3, 0, 8])
    part = whole.take(idx)
    full, sub = pv.schedule(CTX, whole, D + 700 * DAY), pv.schedule(CTX, part, D + 700 * DAY)
    for code in full.uiterlijk:
        assert _same(sub.uiterlijk[code], full.uiterlijk[code][idx]), code
        assert _same(sub.status[code], full.status[code][idx]), code
    assert list(pv.laatste_loondag(CTX, part)) == list(pv.laatste_loondag(CTX, whole)[idx])


def test_portfolio_deadlines_that_move_for_a_holiday_or_a_late_letter():
    """ZW art. 38: the 42nd-week report on the first working day after week 42 (Algemene termijnenwet holidays);
    WIA art. 64 lid 2: after a late UWV letter the application is due four weeks after it."""
    built = {name: (w, ev) for name, _, w, ev in _built()}
    names = ["kerst", "nieuwjaar", "late_brief", "brief_op_tijd"]
    vec = pv.schedule(CTX, pv.Portfolio.from_cases([built[n] for n in names]), D)
    assert list(vec.uiterlijk["melding_uwv"][:2].astype(object)) == [dt.date(2026, 12, 28), dt.date(2027, 1, 4)]
    assert vec.uiterlijk["wia_aanvraag"][2].astype(object) == D + 690 * DAY + 4 * 7 * DAY
    # on time (day 600 + 4 weeks = 628): the application's own deadline stands, 11 weeks before the end (day 650)
    assert vec.uiterlijk["wia_aanvraag"][3].astype(object) == D + 650 * DAY


# --- toets_vec: job-search activity, a quiet trajectory and the cost ---------------------------------------------

START = dt.date(2026, 3, 1)  # the second track starts on the first day of a month
FIRST = START - 370 * DAY  # complete() starts the second track on day 370


def searching(peil: dt.date, per_month: dict[int, int], laatste: dt.date | None = None, **kw) -> t.ToetsFeiten:
    """A complete dossier whose job search has these applications per month of 2026 (month number: count)."""
    f = complete((peil - FIRST).days, first=FIRST)
    months = tuple(t.MaandActiviteit(dt.date(2026, m, 1), n, 0) for m, n in per_month.items())
    return dataclasses.replace(f, zoekactiviteit=months, laatste_zoekactiviteit=laatste or peil - 3 * DAY, **kw)


def test_job_search_months_one_application_is_enough_and_a_month_ending_on_the_peildatum_counts():
    """Beoordelingskader: at least 1 application or contact per whole calendar month of the trajectory. March to
    June 2026 with 4, 1, 4, 0: June, ending on the peildatum 30 June, is a quiet month (30 days: 5 weeks)."""
    peil = dt.date(2026, 6, 30)
    facts = [
        searching(peil, {3: 4, 4: 1, 5: 4, 6: 0}),
        searching(peil, {3: 4, 4: 1, 5: 4, 6: 2}),
        searching(dt.date(2026, 6, 29), {3: 4, 4: 1, 5: 4, 6: 0}),  # June not over yet: not judged
    ]
    verdicts = []
    for f in facts:
        v, _ = both([f], f.peildatum)
        verdicts.append(tv.CODE[int(v.oordeel["zoekactiviteit"][0])])
    assert verdicts == [t.TEKORTKOMING, t.IN_ORDE, t.IN_ORDE]
    v0, u0 = both(facts[:1], peil)
    assert int(v0.weken[0]) == u0[0].verwachte_loonsanctie_weken == 5 + 6  # 30 quiet days -> 5 weeks, + 6


def test_a_trajectory_quiet_for_four_weeks_is_a_risk():
    """Beoordelingskader: no activity for 4 weeks (28 days) in the second track is a risk; 27 days is not."""
    peil = dt.date(2026, 6, 15)
    got = []
    for days in (27, 28):
        f = searching(peil, {3: 4, 4: 4, 5: 4}, laatste=peil - days * DAY)
        v, _ = both([f], peil)
        got.append(tv.CODE[int(v.oordeel["stil_traject"][0])])
    assert got == [t.IN_ORDE, t.RISICO]


def test_a_sanction_is_priced_on_the_year_two_wage_with_the_minimum_wage_and_not_without_a_wage():
    """A wage below the minimum wage is priced as the scalar toets does (year 2: no minimum-wage floor); an
    unknown wage (0) has no price (-1) while the weeks stand."""
    base = moved(complete(700), "probleemanalyse", None)
    low = dataclasses.replace(base, loon=t.Loon(150_000, 3800))
    vec, scalar = both([low, base], base.peildatum)
    assert int(vec.cent[0]) == scalar[0].verwachte_loonsanctie_cent < int(vec.cent[1])
    tp = portfolio([base, base])
    tp.maandloon_cent[0] = 0  # the first dossier's wage is unknown, the second's known, on the same day
    unknown = tv.toets(LawContext.baseline(), tp, base.peildatum)
    assert int(unknown.cent[0]) == -1 and int(unknown.weken[0]) == int(vec.weken[1]) > 0
    assert int(unknown.cent[1]) == int(vec.cent[1]) > 0


@pytest.mark.parametrize("base, columns", [("2026-05", [4, 4]), ("2026-03", [4, 4])])
def test_months_the_portfolio_holds_no_column_for_are_quiet(base, columns):
    """A month before the first or after the last column of the activity matrix has no activity recorded: quiet,
    as a month without a record is in the scalar toets (two such months here, 61 days: 9 weeks + 6)."""
    peil = dt.date(2026, 6, 30)
    recorded = {int(base[-2:]) + i: n for i, n in enumerate(columns)}
    f = searching(peil, recorded)
    tp = dataclasses.replace(portfolio([f]), activity_base=np.datetime64(base, "M"), activity=np.array([columns]))
    vec = tv.toets(LawContext.baseline(), tp, peil)
    u = t.toets(LawContext.baseline(), f)
    assert tv.CODE[int(vec.oordeel["zoekactiviteit"][0])] == t.TEKORTKOMING
    assert {b.code: b.oordeel for b in u.bevindingen}["zoekactiviteit"] == t.TEKORTKOMING
    assert int(vec.weken[0]) == u.verwachte_loonsanctie_weken == 9 + 6


def test_the_simulations_portfolio_one_week_of_sanction_and_no_repair_column():
    """WIA art. 25 lid 9: a loonsanctie of 1 week is allowed; a portfolio without a repair column (as the policy
    simulation builds it) ends wage payment when the weeks imposed end; a part of it keeps each person's weeks."""
    firsts = np.array(["2025-01-06", "2025-03-03", "2025-05-05"], dtype="datetime64[D]")
    p = dataclasses.replace(pv.Portfolio.uninterrupted(firsts), loonsanctie_weken=np.array([1, 0, -1]))
    end = firsts + np.timedelta64(727, "D")
    want = [end[0] + np.timedelta64(7, "D"), end[1], end[2] + np.timedelta64(52 * 7, "D")]
    assert list(pv.laatste_loondag(CTX, p)) == want
    part = p.take(np.array([2, 0]))
    assert list(pv.laatste_loondag(CTX, part)) == [want[2], want[0]]
    assert part.held == {} and part.last_evaluation is None
