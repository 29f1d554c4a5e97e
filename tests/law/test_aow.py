"""AOW age by birth date (Algemene Ouderdomswet art. 7a), the arithmetic written out per case."""

from __future__ import annotations

import datetime as dt

import pytest

from spoorwijzer.law.aow import aow_datum, heeft_aow_leeftijd
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import ParameterNotCovered


@pytest.mark.parametrize(
    "born,reached",
    [
        # 2024: 67 years -> born 1957-03-15 reaches it on 2024-03-15
        (dt.date(1957, 3, 15), dt.date(2024, 3, 15)),
        # 2022's age 66y7m: born 1956-07-20 + 66y7m = 2023-02-20, not in 2022; 2023's 66y10m -> 2023-05-20
        (dt.date(1956, 7, 20), dt.date(2023, 5, 20)),
        # 2027: 67 years -> born 1960-09-30 reaches it on 2027-09-30
        (dt.date(1960, 9, 30), dt.date(2027, 9, 30)),
        # 2028: 67 years 3 months -> born 1960-10-01 + 67y3m = 2028-01-01 (67 would be 2027-10-01, but 2027's
        # age is 67 and 1960-10-01 + 67 = 2027-10-01 lies in 2027: so this person reaches it in 2027)
        (dt.date(1960, 10, 1), dt.date(2027, 10, 1)),
        # born 1961-01-10: + 67 = 2028-01-10 (not in 2027); 2028's age 67y3m -> 2028-04-10
        (dt.date(1961, 1, 10), dt.date(2028, 4, 10)),
        # a day that does not exist in the month reached: 1961-11-30 + 67y3m = 30 February 2029 -> 28 February
        # (2028's age 67y3m gives 2029, not 2028; 2029's age 67y3m gives 2029)
        (dt.date(1961, 11, 30), dt.date(2029, 2, 28)),
    ],
)
def test_aow_date(born, reached):
    assert aow_datum(LawContext.baseline(), born) == reached


def test_aow_age_not_yet_set_is_unknown_and_before_the_file_is_an_error():
    ctx = LawContext.baseline()
    assert aow_datum(ctx, dt.date(1990, 1, 1)) is None  # reached after 2031: not set yet
    assert not heeft_aow_leeftijd(ctx, dt.date(1990, 1, 1), dt.date(2026, 1, 1))
    assert heeft_aow_leeftijd(ctx, dt.date(1957, 3, 15), dt.date(2024, 3, 15))
    assert not heeft_aow_leeftijd(ctx, dt.date(1957, 3, 15), dt.date(2024, 3, 14))
    with pytest.raises(ParameterNotCovered):
        aow_datum(ctx, dt.date(1940, 1, 1))


def test_reads_are_recorded_for_the_receipt():
    ctx = LawContext.baseline()
    aow_datum(ctx, dt.date(1961, 1, 10))
    assert {name for name, _ in ctx.reads} == {"aow.pensioengerechtigde_leeftijd"}
