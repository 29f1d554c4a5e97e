"""Sick weeks, samentelling and workdays (law/weeks.py): the four-week limit of BW 7:629 lid 10 on both sides, the
days an interruption shifts, the week a day falls in, the Dutch refusals word for word, Easter and the public
holidays of the Algemene termijnenwet. Rules a mutation run of weeks.py showed unguarded (benchmarks/mutation.py
--module weeks.py). Each expected value is worked out by hand from the rule and its source
(docs/decisions/0002-week-counting.md for the counting convention)."""

from __future__ import annotations

import datetime as dt

import pytest

from spoorwijzer.law import weeks as w
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput

CTX = LawContext.baseline()
D = dt.date
P = w.SickPeriod


# --- the periods ------------------------------------------------------------------------------------------------------


def test_a_period_counts_its_first_and_last_day():
    assert P(D(2025, 1, 6), D(2025, 1, 6)).days == 1
    assert P(D(2025, 1, 6), D(2025, 1, 12)).days == 7
    assert P(D(2025, 1, 6)).days is None  # still sick


def test_the_refusals_word_for_word():
    def refused(*periods) -> str:
        with pytest.raises(InvalidInput) as err:
            w.validate_periods(periods)
        return str(err.value)

    assert refused() == "Er is geen ziekteperiode opgegeven."
    assert refused(P(D(2025, 3, 10), D(2025, 3, 9))) == (
        "De ziekteperiode 10 maart 2025 t/m 9 maart 2025 eindigt vóór zij begint."
    )
    assert refused(P(D(2025, 3, 10)), P(D(2025, 5, 1), D(2025, 5, 9))) == (
        "De ziekteperiode vanaf 10 maart 2025 heeft geen einddatum, maar er volgt nog een periode vanaf 1 mei 2025; "
        "alleen de laatste periode mag doorlopen."
    )
    # the next period starts on the last day of the one before: they overlap by a day
    assert refused(P(D(2025, 3, 10), D(2025, 3, 20)), P(D(2025, 3, 20))) == (
        "De ziekteperioden 10 maart 2025 t/m 20 maart 2025 en vanaf 20 maart 2025 overlappen."
    )


def test_two_periods_entered_with_the_same_start_are_refused_naming_the_first_entered():
    # the same first day entered twice (a double entry): they overlap; the message names them in the order given
    with pytest.raises(InvalidInput) as err:
        w.validate_periods([P(D(2025, 3, 10), D(2025, 3, 30)), P(D(2025, 3, 10), D(2025, 3, 12))])
    assert str(err.value) == "De ziekteperioden 10 maart 2025 t/m 30 maart 2025 en vanaf 10 maart 2025 overlappen."


def test_periods_are_sorted_by_their_start_and_may_follow_each_other_without_a_gap():
    first, second = P(D(2025, 3, 10), D(2025, 3, 20)), P(D(2025, 3, 21))
    assert w.validate_periods([second, first]) == (first, second)
    assert w.validate_periods([P(D(2025, 3, 10), D(2025, 3, 10))]) == (P(D(2025, 3, 10), D(2025, 3, 10)),)


# --- samentelling (BW 7:629 lid 10, WIA art. 23 lid 3) -----------------------------------------------------------------


def test_an_interruption_of_less_than_four_weeks_joins_the_periods_four_weeks_starts_anew():
    first = P(D(2025, 1, 6), D(2025, 1, 31))
    # back at work 1 to 27 February: 27 days of interruption, less than four weeks -> one wachttijd
    joined = w.samentelling(CTX, [first, P(D(2025, 2, 28))])
    assert [wt.periods for wt in joined] == [(first, P(D(2025, 2, 28)))]
    assert joined[0].is_samengesteld and joined[0].first_sick_day == D(2025, 1, 6)
    # 1 to 28 February: exactly 28 days, four weeks -> a new wachttijd from 1 March
    apart = w.samentelling(CTX, [first, P(D(2025, 3, 1))])
    assert [wt.periods for wt in apart] == [(first,), (P(D(2025, 3, 1)),)]
    assert not apart[1].is_samengesteld
    assert w.current_wachttijd(CTX, [first, P(D(2025, 3, 1))]).first_sick_day == D(2025, 3, 1)
    assert w.current_wachttijd(CTX, [first, P(D(2025, 2, 28))]).first_sick_day == D(2025, 1, 6)


def test_three_periods_join_on_each_interruption_separately():
    a, b, c = P(D(2025, 1, 6), D(2025, 1, 12)), P(D(2025, 2, 1), D(2025, 2, 9)), P(D(2025, 3, 20))
    # 13 Jan .. 31 Jan = 19 days: joined; 10 Feb .. 19 Mar = 38 days: a new wachttijd from 20 March
    assert [wt.periods for wt in w.samentelling(CTX, [c, a, b])] == [(a, b), (c,)]


def test_the_days_of_an_interruption_do_not_count():
    # sick 6-12 January 2025 (7 days, offsets 0-6), better 13-22 January (10 days), sick again from 23 January
    wt = w.Wachttijd((P(D(2025, 1, 6), D(2025, 1, 12)), P(D(2025, 1, 23), D(2025, 1, 31)), P(D(2025, 2, 10))))
    # the second period: 9 days (offsets 7-15); then 9 days better (1-9 February)
    assert wt.gaps() == [(7, 10), (16, 9)]
    assert [wt.date_of(o) for o in (0, 6, 7, 15, 16)] == [
        D(2025, 1, 6),
        D(2025, 1, 12),
        D(2025, 1, 23),  # offset 7 is the first day back: 7 + 10 days of interruption
        D(2025, 1, 31),
        D(2025, 2, 10),  # offset 16: 16 + 10 + 9
    ]
    # the other way: a day of the interruption has the offset of the next sick day
    assert [wt.offset_of(d) for d in (D(2025, 1, 12), D(2025, 1, 13), D(2025, 1, 22), D(2025, 1, 23))] == [6, 7, 7, 7]
    assert [wt.offset_of(d) for d in (D(2025, 2, 1), D(2025, 2, 9), D(2025, 2, 10), D(2025, 2, 16))] == [16, 16, 16, 22]


def test_the_sick_week_of_a_day():
    wt = w.Wachttijd((P(D(2025, 1, 6), D(2025, 1, 12)), P(D(2025, 1, 23))))
    # week 1: offsets 0-6 (6-12 January); the 10 days off do not count, so 23 January starts week 2
    assert [wt.sick_week(d) for d in (D(2025, 1, 6), D(2025, 1, 12), D(2025, 1, 20), D(2025, 1, 23))] == [1, 1, 2, 2]
    # offset 13 (29 January) is the last day of week 2, offset 14 (30 January) the first of week 3
    assert (wt.sick_week(D(2025, 1, 29)), wt.sick_week(D(2025, 1, 30))) == (2, 3)
    # the last day of week N is offset 7N - 1: week 6 ends on offset 41, the wachttijd of 104 weeks on 727
    assert (w.week_end_offset(1), w.week_end_offset(6), w.week_end_offset(104)) == (6, 41, 727)


# --- workdays (Algemene termijnenwet art. 3) ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "year, easter",
    [
        (2019, D(2019, 4, 21)),
        (2024, D(2024, 3, 31)),
        (2025, D(2025, 4, 20)),
        (2026, D(2026, 4, 5)),
        (2000, D(2000, 4, 23)),
        (1818, D(1818, 3, 22)),  # the earliest possible date
        (2038, D(2038, 4, 25)),  # the latest possible date
        (1954, D(1954, 4, 18)),
        (1981, D(1981, 4, 19)),
        (2049, D(2049, 4, 18)),
        (2011, D(2011, 4, 24)),
        (2008, D(2008, 3, 23)),
        (2100, D(2100, 3, 28)),
        (2200, D(2200, 4, 6)),
        (2400, D(2400, 4, 16)),
        (2285, D(2285, 3, 22)),
        # early April: the month is (h + l - 7m + 114) // 31, which a 32 would put in March
        (2018, D(2018, 4, 1)),
        (2021, D(2021, 4, 4)),
        (2029, D(2029, 4, 1)),
        # the other centuries' corrections: the lunar correction f = (b + 8) // 25 from 1700 on, and m, which moves
        # the dates of h = 28-29 a week back in 1707, 1859 and (with its 451) 3165
        (1700, D(1700, 4, 11)),
        (1707, D(1707, 4, 24)),
        (1859, D(1859, 4, 24)),
        (3165, D(3165, 4, 18)),
    ],
)
def test_easter_sunday(year, easter):
    # Gregorian Easter dates as published (and as dateutil.easter computes them, an independent implementation);
    # the years include those where the algorithm's corrections decide: the century terms (2100, 2200, 2400) and
    # the epact exceptions (1954, 1981, 2049)
    assert w.easter_sunday(year) == easter


def test_the_public_holidays_of_2025_and_2026():
    # Algemene termijnenwet art. 3 lid 1: Nieuwjaarsdag, tweede paasdag, Hemelvaartsdag, tweede pinksterdag, both
    # Christmas days, 5 May and the King's birthday (27 April, 26 April when the 27th is a Sunday)
    # 2025: Easter 20 April; 27 April 2025 is a Sunday, so Koningsdag is Saturday 26 April
    assert w.public_holidays(CTX, 2025) == {
        D(2025, 1, 1),
        D(2025, 4, 21),  # Easter + 1
        D(2025, 4, 26),
        D(2025, 5, 5),
        D(2025, 5, 29),  # Easter + 39
        D(2025, 6, 9),  # Easter + 50
        D(2025, 12, 25),
        D(2025, 12, 26),
    }
    # 2026: Easter 5 April; 27 April 2026 is a Monday
    assert w.public_holidays(CTX, 2026) == {
        D(2026, 1, 1),
        D(2026, 4, 6),
        D(2026, 4, 27),
        D(2026, 5, 5),
        D(2026, 5, 14),
        D(2026, 5, 25),
        D(2026, 12, 25),
        D(2026, 12, 26),
    }


def test_workdays_and_the_first_workday_on_or_after_a_day():
    # Friday 9 May 2025 is a workday, Saturday 10 and Sunday 11 are not; Monday 5 May 2025 is a public holiday
    assert [w.is_workday(CTX, d) for d in (D(2025, 5, 9), D(2025, 5, 10), D(2025, 5, 11), D(2025, 5, 5))] == [
        True,
        False,
        False,
        False,
    ]
    assert w.first_workday_on_or_after(CTX, D(2025, 5, 7)) == D(2025, 5, 7)  # a Wednesday: itself
    assert w.first_workday_on_or_after(CTX, D(2025, 5, 10)) == D(2025, 5, 12)  # Saturday -> Monday
    # Christmas 2026: Friday 25 and Saturday 26 are holidays, Sunday 27 the weekend -> Monday 28 December
    assert w.first_workday_on_or_after(CTX, D(2026, 12, 25)) == D(2026, 12, 28)
    # Saturday 25 April 2026 -> Monday 27 April is Koningsdag -> Tuesday 28 April
    assert w.first_workday_on_or_after(CTX, D(2026, 4, 25)) == D(2026, 4, 28)
