"""Follow-up policy: the answer term of a question in a dossier and the aftercare schedule after a return to work.

Policy, not law (RSC 2025 bouwstenen 6 and 7 recommend both; no statute sets a term): the defaults live in
``opvolging_standaard.yaml`` with their source, and an organisation may set its own (same keys, with its own
source). The dates are computed here so the page, the work queue and the figures agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from spoorwijzer.law.context import LawContext
from spoorwijzer.law.inkomenspad import add_months
from spoorwijzer.law.weeks import is_workday

DEFAULTS_FILE = Path(__file__).with_name("opvolging_standaard.yaml")


@dataclass(frozen=True)
class Opvolgbeleid:
    antwoord_werkdagen: int
    vragen_bron: str
    nazorg_interval_weken: int
    nazorg_duur_maanden: int
    uitkomst_na_maanden: tuple[int, ...]
    nazorg_bron: str

    def with_overrides(self, overrides: dict[str, Any] | None) -> Opvolgbeleid:
        """An organisation's own settings over the defaults (``{"vragen": {...}, "nazorg": {...}}``)."""
        if not overrides:
            return self
        v, n = overrides.get("vragen") or {}, overrides.get("nazorg") or {}
        return Opvolgbeleid(
            int(v.get("antwoord_werkdagen", self.antwoord_werkdagen)),
            str(v.get("bron", self.vragen_bron)),
            int(n.get("interval_weken", self.nazorg_interval_weken)),
            int(n.get("duur_maanden", self.nazorg_duur_maanden)),
            tuple(int(x) for x in n.get("uitkomst_na_maanden", self.uitkomst_na_maanden)),
            str(n.get("bron", self.nazorg_bron)),
        )


@cache
def standaard() -> Opvolgbeleid:
    data = yaml.safe_load(DEFAULTS_FILE.read_text(encoding="utf-8"))
    v, n = data["vragen"], data["nazorg"]
    return Opvolgbeleid(
        int(v["antwoord_werkdagen"]),
        str(v["bron"]),
        int(n["interval_weken"]),
        int(n["duur_maanden"]),
        tuple(int(x) for x in n["uitkomst_na_maanden"]),
        str(n["bron"]),
    )


def antwoord_uiterlijk(ctx: LawContext, gesteld_op: dt.date, werkdagen: int) -> dt.date:
    """The day an answer is due: ``werkdagen`` working days after the question (weekends and public holidays of the
    Algemene termijnenwet skipped, as law/weeks counts them)."""
    day, left = gesteld_op, werkdagen
    while left > 0:
        day += dt.timedelta(days=1)
        if is_workday(ctx, day):
            left -= 1
    return day


@dataclass(frozen=True)
class Moment:
    datum: dt.date
    soort: str  # contact | uitkomst
    na_maanden: int | None = None


def nazorg_momenten(start: dt.date, beleid: Opvolgbeleid) -> list[Moment]:
    """The aftercare schedule from the first day of work: a check-in every interval for the duration, and the
    outcome measurements (e.g. after 6 and 12 months) on their own dates."""
    end = add_months(start, beleid.nazorg_duur_maanden)
    out, n = [], 1
    while True:
        d = start + dt.timedelta(weeks=beleid.nazorg_interval_weken * n)
        if d > end:
            break
        out.append(Moment(d, "contact"))
        n += 1
    out += [Moment(add_months(start, m), "uitkomst", m) for m in beleid.uitkomst_na_maanden]
    return sorted(out, key=lambda m: (m.datum, m.soort))
