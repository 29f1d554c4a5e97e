"""Loonstop and loonopschorting (BW 7:629 lid 3, 6, 7) and the formal routes for disputes (law/geschillen)."""

from __future__ import annotations

import datetime as dt

import pytest

from spoorwijzer.law import geschillen, opvolging
from spoorwijzer.law import loonmaatregel as lm
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput

CTX = LawContext.baseline()
D = dt.date


def loon(_day):
    return 310_000  # € 3.100,00 wage continuation per month


def test_loonstop_loses_the_wage_of_its_days_pro_rata_per_calendar_month():
    # 10 March to 9 April 2026 inclusive: 22 of 31 March days, 9 of 30 April days
    # 310000 * 22 / 31 = 220000; 310000 * 9 / 30 = 93000 -> 313000
    m = lm.Maatregel("lid3c", D(2026, 3, 10), D(2026, 3, 9))
    e = lm.effect(CTX, m, loon, D(2026, 4, 9))
    assert (e.dagen, e.niet_betaald_cent, e.vervallen_cent, e.na_te_betalen_cent) == (31, 313_000, 313_000, 0)
    assert e.loopt


def test_opschorting_is_held_back_while_running_and_paid_after_it_ends():
    m = lm.Maatregel("lid6", D(2026, 3, 10), D(2026, 3, 10))
    running = lm.effect(CTX, m, loon, D(2026, 3, 31))  # 22 March days: 220000
    assert (running.opgeschort_cent, running.vervallen_cent, running.na_te_betalen_cent) == (220_000, 0, 0)
    ended = lm.effect(
        CTX, lm.Maatregel("lid6", D(2026, 3, 10), D(2026, 3, 10), D(2026, 4, 1), "hervat"), loon, D(2026, 5, 1)
    )
    assert (ended.opgeschort_cent, ended.na_te_betalen_cent, ended.loopt) == (0, 220_000, False)


def test_a_loonstop_found_unjustified_is_paid_after_all_one_that_ends_normally_is_not():
    hervat = lm.Maatregel("lid3e", D(2026, 3, 1), D(2026, 2, 27), D(2026, 3, 11), "hervat")
    onterecht = lm.Maatregel("lid3e", D(2026, 3, 1), D(2026, 2, 27), D(2026, 3, 11), "onterecht")
    # 10 March days: 310000 * 10 / 31 = 100000
    assert lm.effect(CTX, hervat, loon, D(2026, 6, 1)).vervallen_cent == 100_000
    assert lm.effect(CTX, onterecht, loon, D(2026, 6, 1)).na_te_betalen_cent == 100_000
    assert lm.effect(CTX, onterecht, loon, D(2026, 6, 1)).vervallen_cent == 0


def test_year_two_amount_applies_from_its_first_day():
    m = lm.Maatregel("lid3c", D(2026, 3, 30), D(2026, 3, 30), D(2026, 4, 1))
    two = lm.Loon(310_000, 248_000, D(2026, 3, 31))
    # 30 March at 310000/31 = 10000, 31 March at 248000/31 = 8000
    assert lm.effect(CTX, m, two.per_maand, D(2026, 4, 1)).niet_betaald_cent == 18_000


def test_lid7_no_measure_without_notice_or_with_notice_after_it_began():
    with pytest.raises(InvalidInput, match="lid 7"):
        lm.controleer(CTX, lm.Maatregel("lid3c", D(2026, 3, 10), None))
    with pytest.raises(InvalidInput, match="na de ingangsdatum"):
        lm.controleer(CTX, lm.Maatregel("lid3c", D(2026, 3, 10), D(2026, 3, 11)))
    lm.controleer(CTX, lm.Maatregel("lid3c", D(2026, 3, 10), D(2026, 3, 10)))  # told that day: allowed
    with pytest.raises(InvalidInput):
        lm.controleer(CTX, lm.Maatregel("lid9", D(2026, 3, 10), D(2026, 3, 10)))


def test_grounds_name_their_member_of_article_629():
    assert {g.code for g in lm.GRONDEN if g.soort == lm.LOONSTOP} == {f"lid3{x}" for x in "abcdef"}
    assert [g.soort for g in lm.GRONDEN if g.code == "lid6"] == [lm.OPSCHORTING]


def test_deskundigenoordeel_fee_and_term_from_the_parameter_file():
    # UWV: "Voor het deskundigenoordeel betaalt u € 400" (employer); € 100 for the employee; "na 2 tot 4 weken"
    wg = geschillen.voorwaarden(CTX, "deskundigenoordeel", "werkgever", D(2026, 11, 24))
    wn = geschillen.voorwaarden(CTX, "deskundigenoordeel", "werknemer", D(2026, 11, 24))
    assert (wg.kosten_cent, wn.kosten_cent) == (40_000, 10_000)
    assert wg.verwacht_op == D(2026, 12, 22) and wg.termijn_weken == 4
    assert "uwv.nl" in wg.url


def test_second_opinion_is_the_employees_route_only_and_free():
    assert geschillen.voorwaarden(CTX, "second_opinion", "werknemer", D(2026, 11, 24)).kosten_cent == 0
    with pytest.raises(InvalidInput, match="alleen worden aangevraagd door de werknemer"):
        geschillen.voorwaarden(CTX, "second_opinion", "werkgever", D(2026, 11, 24))


def test_routes_per_subject():
    assert [r.code for r in geschillen.routes_voor("oordeel_bedrijfsarts")] == [
        "second_opinion",
        "deskundigenoordeel",
        "mediation",
    ]
    assert [r.code for r in geschillen.routes_voor("anders")] == ["mediation"]


def test_answer_due_in_working_days_skipping_christmas():
    # 23 Dec 2026 (Wed) + 5 working days: 24, [25, 26 Christmas, 27 Sunday], 28, 29, 30, 31
    assert opvolging.antwoord_uiterlijk(CTX, D(2026, 12, 23), 5) == D(2026, 12, 31)
