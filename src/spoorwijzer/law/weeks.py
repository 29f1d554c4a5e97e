"""Week counting and samentelling: the one place where "week N" becomes a date.

Convention (docs/decisions/0002-week-counting.md), with D the first sick day of the wachttijd
and days counted only while the employee is sick:

- sick week N runs from sick-day offset 7(N-1) to 7N-1;
- a deadline "in week N" is the last day of week N, offset 7N-1;
- the 42e-weeksmelding is due on the first workday on or after offset 294;
- the wachttijd of 104 weeks ends on its last day, offset 727; WIA starts the day after.

Samentelling (BW 7:629 lid 10, WIA art. 23 lid 3): periods that follow each other with an
interruption of less than four weeks are added together; the days of the interruption do not
count, so every later deadline shifts by them. An interruption of four weeks or more starts a
new wachttijd.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput
from spoorwijzer.law.tekst import datum

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True, order=True)
class SickPeriod:
    """A period of incapacity for work: first and last sick day (inclusive); end None = still sick."""

    start: dt.date
    end: dt.date | None = None

    @property
    def days(self) -> int | None:
        return None if self.end is None else (self.end - self.start).days + 1


def validate_periods(periods: Iterable[SickPeriod]) -> tuple[SickPeriod, ...]:
    """Sort the periods and refuse what cannot be: an end before a start, overlap, an open period in the middle."""
    ordered = tuple(sorted(periods, key=lambda p: p.start))
    if not ordered:
        raise InvalidInput("Er is geen ziekteperiode opgegeven.")
    for p in ordered:
        if p.end is not None and p.end < p.start:
            raise InvalidInput(f"De ziekteperiode {datum(p.start)} t/m {datum(p.end)} eindigt vóór zij begint.")
    for earlier, later in zip(ordered, ordered[1:], strict=False):
        if earlier.end is None:
            raise InvalidInput(
                f"De ziekteperiode vanaf {datum(earlier.start)} heeft geen einddatum, maar er volgt nog een periode "
                f"vanaf {datum(later.start)}; alleen de laatste periode mag doorlopen."
            )
        if later.start <= earlier.end:
            raise InvalidInput(
                f"De ziekteperioden {datum(earlier.start)} t/m {datum(earlier.end)} en vanaf {datum(later.start)} overlappen."
            )
    return ordered


@dataclass(frozen=True)
class Wachttijd:
    """The sick periods that count together for one wachttijd (after samentelling)."""

    periods: tuple[SickPeriod, ...]

    @property
    def first_sick_day(self) -> dt.date:
        return self.periods[0].start

    @property
    def is_samengesteld(self) -> bool:
        return len(self.periods) > 1

    def gaps(self) -> list[tuple[int, int]]:
        """(sick-day offset where the next period starts, days of interruption before it)."""
        result = []
        counted = 0
        for earlier, later in zip(self.periods, self.periods[1:], strict=False):
            counted += earlier.days  # type: ignore[operator]  # only the last period may be open
            result.append((counted, (later.start - earlier.end).days - 1))  # type: ignore[operator]
        return result

    def date_of(self, offset: int) -> dt.date:
        """The calendar date of sick-day offset ``offset`` (0 = first sick day).

        Offsets past the last recorded sick day are projected as if the illness continues."""
        shift = sum(days for at, days in self.gaps() if at <= offset)
        return self.first_sick_day + dt.timedelta(days=offset + shift)

    def offset_of(self, day: dt.date) -> int:
        """Sick days counted before ``day`` (the offset ``day`` has, or would have if sick that day)."""
        offset = (day - self.first_sick_day).days
        for at, days in self.gaps():
            gap_start = self.date_of(at) - dt.timedelta(days=days)
            if day >= gap_start:
                offset -= min(days, (day - gap_start).days)
        return offset

    def sick_week(self, day: dt.date) -> int:
        """The sick week (1-based) that ``day`` falls in."""
        return self.offset_of(day) // 7 + 1


def samentelling(ctx: LawContext, periods: Iterable[SickPeriod]) -> list[Wachttijd]:
    """Group sick periods into wachttijden: an interruption shorter than the legal limit joins them."""
    ordered = validate_periods(periods)
    chains: list[list[SickPeriod]] = [[ordered[0]]]
    for p in ordered[1:]:
        previous = chains[-1][-1]
        limit = ctx.value("poortwachter.samentelling_onderbreking_dagen", p.start)
        interruption = (p.start - previous.end).days - 1  # type: ignore[operator]
        if interruption < limit:
            chains[-1].append(p)
        else:
            chains.append([p])
    return [Wachttijd(tuple(c)) for c in chains]


def current_wachttijd(ctx: LawContext, periods: Iterable[SickPeriod]) -> Wachttijd:
    return samentelling(ctx, periods)[-1]


def week_end_offset(week: int) -> int:
    """Offset of the last day of sick week ``week``."""
    return 7 * week - 1


# --- workdays (Algemene termijnenwet art. 3) -------------------------------------------------


def easter_sunday(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def public_holidays(ctx: LawContext, year: int) -> frozenset[dt.date]:
    rule = ctx.value("algemene_termijnenwet.feestdagen", dt.date(year, 1, 1))
    return _holidays(year, tuple(rule["vast"]), tuple(rule["na_pasen"]), bool(rule.get("koningsdag")))


@cache
def _holidays(year: int, vast: tuple[str, ...], na_pasen: tuple[int, ...], koningsdag: bool) -> frozenset[dt.date]:
    days = {dt.date(year, int(md[:2]), int(md[3:])) for md in vast}
    easter = easter_sunday(year)
    days |= {easter + dt.timedelta(days=n) for n in na_pasen}
    if koningsdag:
        kingsday = dt.date(year, 4, 27)
        days.add(kingsday - ONE_DAY if kingsday.weekday() == 6 else kingsday)
    return frozenset(days)


def is_workday(ctx: LawContext, day: dt.date) -> bool:
    return day.weekday() < 5 and day not in public_holidays(ctx, day.year)


def first_workday_on_or_after(ctx: LawContext, day: dt.date) -> dt.date:
    while not is_workday(ctx, day):
        day += ONE_DAY
    return day
