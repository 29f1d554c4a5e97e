"""One Dutch voice for everything people read: pages, mails, documents, the calendar and the CLI.

Dates as "24 november 2026" (month names lowercase, as Dutch writes them), amounts as "€ 4.100,00" with a
non-breaking space after the euro sign, percentages as "38,23%" with a decimal comma. Spelling of terms:
docs/glossary.md (tests/test_taal.py checks pages, messages and templates against it).
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from spoorwijzer.law.money import euro  # noqa: F401  (re-exported: one euro notation)

MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
NBSP = "\u00a0"


def datum(day: dt.date | dt.datetime | str | None, leeg: str = "—") -> str:
    """24 november 2026. Accepts a date, a datetime (its date) or an ISO string."""
    if day is None or day == "":
        return leeg
    if isinstance(day, str):
        day = dt.date.fromisoformat(day[:10])
    return f"{day.day} {MAANDEN[day.month - 1]} {day.year}"


def datum_tijd(moment: dt.datetime) -> str:
    """24 november 2026 om 14:05 (Dutch time when the moment carries a time zone)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(ZoneInfo("Europe/Amsterdam"))
    return f"{datum(moment)} om {moment:%H:%M}"


def maand(maand_iso: str) -> str:
    """'2026-11' -> 'november 2026'."""
    year, month = maand_iso.split("-")[:2]
    return f"{MAANDEN[int(month) - 1]} {int(year)}"


def procent(value: float, decimals: int = 2) -> str:
    """38.2345 -> '38,23%'."""
    return f"{value:.{decimals}f}".replace(".", ",") + "%"
