"""Invariants of the schedule that hold for every dossier (hypothesis), and scalar == vector."""

from __future__ import annotations

import datetime as dt

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from spoorwijzer.law import poortwachter_vec as pv
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.poortwachter import Event, schedule
from spoorwijzer.law.weeks import SickPeriod, current_wachttijd, samentelling

CTX = LawContext.baseline()

ORDERED = [
    "probleemanalyse",
    "plan_van_aanpak",
    "melding_uwv",
    "eerstejaarsevaluatie",
    "start_tweede_spoor",
    "uwv_wia_brief",
    "re_integratieverslag",
    "wia_aanvraag",
    "einde_wachttijd",
]

first_days = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2026, 6, 30))


@st.composite
def periods(draw, max_periods=4):
    start = draw(first_days)
    result = []
    for _ in range(draw(st.integers(1, max_periods)) - 1):
        length = draw(st.integers(1, 120))
        end = start + dt.timedelta(days=length - 1)
        result.append(SickPeriod(start, end))
        start = end + dt.timedelta(days=draw(st.integers(1, 40)))
    result.append(SickPeriod(start, None))
    return result


@given(periods())
@settings(max_examples=200, deadline=None)
def test_deadlines_are_in_legal_order(ps):
    sched = schedule(CTX, ps)
    dates = [sched.step(code).uiterlijk for code in ORDERED]
    assert dates == sorted(dates)


@given(periods())
@settings(max_examples=200, deadline=None)
def test_wachttijd_is_104_sick_weeks_plus_interruptions(ps):
    sched = schedule(CTX, ps)
    w = sched.wachttijd
    interruptions = sum(days for _, days in w.gaps())
    assert sched.einde_wachttijd == w.first_sick_day + dt.timedelta(days=727 + interruptions)
    assert all(days < 28 for _, days in w.gaps())  # only interruptions shorter than four weeks join


@given(periods(), st.integers(1, 26))
@settings(max_examples=150, deadline=None)
def test_longer_interruption_never_moves_end_earlier(ps, extra):
    """Samentelling is monotone: a later restart never ends the wachttijd earlier, unless a new one starts."""
    if len(ps) < 2:
        return
    later = [*ps[:-1], SickPeriod(ps[-1].start + dt.timedelta(days=extra), None)]
    before, after = schedule(CTX, ps), schedule(CTX, later)
    if len(samentelling(CTX, later)) == len(samentelling(CTX, ps)):
        assert after.einde_wachttijd >= before.einde_wachttijd
    else:
        assert after.eerste_ziektedag == later[-1].start


@given(periods())
@settings(max_examples=200, deadline=None)
def test_every_date_inside_or_right_after_the_wachttijd(ps):
    sched = schedule(CTX, ps)
    first = sched.eerste_ziektedag
    for s in sched.stappen:
        for d in (s.voorkeur, s.uiterlijk):
            if d is not None:
                assert first <= d <= sched.einde_wachttijd + dt.timedelta(days=1)


@given(periods())
@settings(max_examples=100, deadline=None)
def test_date_of_and_offset_of_are_inverse_on_sick_days(ps):
    w = current_wachttijd(CTX, ps)
    for offset in (0, 41, 294, 363, 727):
        assert w.offset_of(w.date_of(offset)) == offset


@given(
    st.lists(
        st.tuples(
            periods(max_periods=3),
            st.integers(0, 30),
            st.integers(0, 120),
            st.booleans(),
            st.booleans(),
        ),
        min_size=1,
        max_size=30,
    ),
    st.integers(0, 800),
)
@settings(max_examples=60, deadline=None)
def test_vector_twin_equals_scalar(cases, peil_offset):
    built = []
    for ps, pa_delay, eje_delay, exempt, letter in cases:
        w = current_wachttijd(CTX, ps)
        d = w.first_sick_day
        events = [Event("probleemanalyse", d + dt.timedelta(days=pa_delay))]
        if eje_delay:
            events.append(Event("eerstejaarsevaluatie", d + dt.timedelta(days=300 + eje_delay)))
        if exempt:
            events.append(Event("tweede_spoor_uitzondering", d + dt.timedelta(days=360), {"grond": "x"}))
        if letter:
            events.append(Event("uwv_wia_brief", d + dt.timedelta(days=640)))
        built.append((ps, w, events))
    peildatum = built[0][1].first_sick_day + dt.timedelta(days=peil_offset)
    portfolio = pv.Portfolio.from_cases([(w, ev) for _, w, ev in built])
    vec = pv.schedule(CTX, portfolio, peildatum)
    for i, (ps, _, events) in enumerate(built):
        sched = schedule(CTX, ps, events, peildatum=peildatum)
        for rule in pv.VECTOR_STEPS:
            step = sched.step(rule.code)
            got = vec.uiterlijk[rule.code][i]
            assert (None if np.isnat(got) else got.astype(object)) == step.uiterlijk, rule.code
            assert pv.STATUS[vec.status[rule.code][i]] == step.status, rule.code
        first_open_eval = next(s for s in sched.stappen if s.code == "evaluatie")
        assert vec.volgende_evaluatie[i].astype(object) == first_open_eval.uiterlijk
