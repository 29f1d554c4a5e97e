"""Dutch notation of law's own texts (receipts, findings), shared with every page, mail, document and the
calendar through `spoorwijzer.nl`: one date, percentage and euro notation everywhere. No rule of law here."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

NL = ZoneInfo("Europe/Amsterdam")  # a moment (with its time zone) is dated as the Netherlands dates it

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


def datum(day: dt.date | dt.datetime | str | None, leeg: str = "—") -> str:
    """24 november 2026 (month names lowercase). Accepts a date, a datetime (its date; a moment stored in UTC is
    dated in Dutch time, so 23:30 UTC on 24 November is 25 November) or an ISO string."""
    if day is None or day == "":
        return leeg
    if isinstance(day, str):
        day = dt.date.fromisoformat(day[:10])
    if isinstance(day, dt.datetime) and day.tzinfo is not None:
        day = day.astimezone(NL)
    return f"{day.day} {MAANDEN[day.month - 1]} {day.year}"


def procent(value: float, decimals: int = 2) -> str:
    """38.2345 -> '38,23%' (decimal comma)."""
    return f"{value:.{decimals}f}".replace(".", ",") + "%"


def stapnaam(naam: str, volgnummer: int | None = None) -> str:
    """A step's name; a repeated step as the field writes it: "1e evaluatie plan van aanpak"."""
    if not volgnummer:
        return naam
    return f"{volgnummer}e {naam[:1].lower()}{naam[1:]}"


def zin(text: str) -> str:
    """A sentence's first letter as a capital, the rest as written: str.capitalize() would lower names and
    job titles ('ICT-medewerker')."""
    return text[:1].upper() + text[1:]
