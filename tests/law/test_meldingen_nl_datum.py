"""Error messages name dates the Dutch way ("3 maart 2026"), never as ISO "2026-03-03" (review, session 5)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from spoorwijzer.law.errors import InvalidInput
from spoorwijzer.law.weeks import SickPeriod, validate_periods

ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
D = dt.date


@pytest.mark.parametrize(
    "periods, dutch",
    [
        ([SickPeriod(D(2026, 3, 3), D(2026, 3, 1))], "3 maart 2026 t/m 1 maart 2026"),
        ([SickPeriod(D(2026, 3, 3)), SickPeriod(D(2026, 4, 1))], "vanaf 3 maart 2026"),
        ([SickPeriod(D(2026, 3, 3), D(2026, 3, 20)), SickPeriod(D(2026, 3, 10))], "vanaf 10 maart 2026 overlappen"),
    ],
)
def test_period_errors_use_dutch_dates(periods, dutch):
    with pytest.raises(InvalidInput) as exc:
        validate_periods(periods)
    assert dutch in str(exc.value) and not ISO.search(str(exc.value))


def test_a_moment_is_dated_as_the_netherlands_dates_it():
    """A moment is stored in UTC. After 23:00 UTC in winter it is already the next day in the Netherlands: a
    document said 'vastgelegd op 24 november' beside 'gemaakt op 25 november' for the same minute (CI at 23:30)."""
    from spoorwijzer.law.tekst import datum

    utc = dt.UTC
    assert datum(dt.datetime(2026, 11, 24, 23, 30, tzinfo=utc)) == "25 november 2026"  # CET, +1
    assert datum(dt.datetime(2026, 7, 1, 21, 59, tzinfo=utc)) == "1 juli 2026"  # CEST, +2: 23:59
    assert datum(dt.datetime(2026, 7, 1, 22, 0, tzinfo=utc)) == "2 juli 2026"
    assert datum(dt.datetime(2026, 11, 24, 23, 30)) == "24 november 2026"  # a naive moment keeps its own date
