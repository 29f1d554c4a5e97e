"""The AOW age (pensioengerechtigde leeftijd, Algemene Ouderdomswet art. 7a): the date on which a person born on
a given day reaches it. The age is set per calendar year; a person reaches it in the year in which their age
equals that year's AOW age."""

from __future__ import annotations

import calendar
import datetime as dt

from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import ParameterNotCovered

PARAM = "aow.pensioengerechtigde_leeftijd"


def _plus(born: dt.date, years: int, months: int) -> dt.date:
    total = born.month - 1 + months
    year, month = born.year + years + total // 12, total % 12 + 1
    return dt.date(year, month, min(born.day, calendar.monthrange(year, month)[1]))


def aow_datum(ctx: LawContext, geboortedatum: dt.date) -> dt.date | None:
    """The day this person reaches the AOW age (AOW art. 7a), or None when it falls in a year whose AOW age has
    not been set yet (it is set five years ahead). Before the first year in the parameter file: an error."""
    first_year = ctx.parameter(PARAM).versions[0].valid_from.year
    for year in range(geboortedatum.year + 60, geboortedatum.year + 75):
        try:
            age = ctx.value(PARAM, dt.date(year, 1, 1))
        except ParameterNotCovered:
            if year < first_year:
                continue
            return None
        reached = _plus(geboortedatum, age["jaren"], age["maanden"])
        if reached.year == year:
            return reached
    raise ParameterNotCovered(PARAM, geboortedatum)


def heeft_aow_leeftijd(ctx: LawContext, geboortedatum: dt.date, op: dt.date) -> bool:
    """Whether the person has reached the AOW age on ``op`` (e.g. the first sick day, BW 7:629 lid 2)."""
    reached = aow_datum(ctx, geboortedatum)
    return reached is not None and reached <= op
