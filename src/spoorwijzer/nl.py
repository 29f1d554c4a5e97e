"""One Dutch voice for everything people read: pages, mails, documents, the calendar and the CLI.

Dates as "24 november 2026" (month names lowercase, as Dutch writes them), amounts as "€ 4.100,00" with a
non-breaking space after the euro sign, percentages as "38,23%" with a decimal comma. Spelling of terms:
docs/glossary.md (tests/test_taal.py checks pages, messages and templates against it).
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from spoorwijzer.law.money import euro  # noqa: F401  (re-exported: one notation everywhere)
from spoorwijzer.law.tekst import MAANDEN, datum, procent, stapnaam  # noqa: F401

NBSP = "\u00a0"


def datum_tijd(moment: dt.datetime) -> str:
    """24 november 2026 om 14:05 (Dutch time when the moment carries a time zone)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(ZoneInfo("Europe/Amsterdam"))
    return f"{datum(moment)} om {moment:%H:%M}"


def maand(maand_iso: str) -> str:
    """'2026-11' -> 'november 2026'."""
    year, month = maand_iso.split("-")[:2]
    return f"{MAANDEN[int(month) - 1]} {int(year)}"
