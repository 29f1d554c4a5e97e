"""Retention: the day until which a case's data may be kept, for the employer's dossier and for the bedrijfsarts's
medical file. Two different regimes (see the parameter files for their sources):

- the employer's absence and reintegration dossier: the AP's guidance, at most two years after the reintegration
  ended (Spoorwijzer counts from the day the case was closed); an open case has no date yet;
- the medical file: BW 7:454 lid 3, twenty years from the last change of the file.

The purge itself (who deletes what, logged) lives in dossier/; this module only computes dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spoorwijzer.law.context import LawContext

WERKGEVER = "bewaartermijn.werkgeversdossier_jaren"
MEDISCH = "bewaartermijn.medisch_dossier_jaren"


def _plus_jaren(d: dt.date, jaren: int) -> dt.date:
    try:
        return d.replace(year=d.year + jaren)
    except ValueError:  # 29 February in a year that has none: the period ends on 28 February
        return d.replace(year=d.year + jaren, day=28)


@dataclass(frozen=True)
class Bewaartermijn:
    """The destruction dates of one case on a given day (None: no date yet, the data is still needed)."""

    werkgeversdossier: dt.date | None
    medisch: dt.date | None
    werkgever_jaren: int
    medisch_jaren: int

    def werkgeversdossier_vervallen(self, op: dt.date) -> bool:
        return self.werkgeversdossier is not None and self.werkgeversdossier <= op

    def medisch_vervallen(self, op: dt.date) -> bool:
        return self.medisch is not None and self.medisch <= op


def bewaartermijn(
    ctx: LawContext, op: dt.date, afgesloten_op: dt.date | None, laatste_medisch: dt.date | None
) -> Bewaartermijn:
    """The day from which the case's data is due for destruction, judged by the rules in force on ``op``.

    ``afgesloten_op``: the day the case was closed (None while it runs). ``laatste_medisch``: the day of the last
    change to the employee's medical file with this organisation (None when there is none)."""
    w = ctx.value(WERKGEVER, op)
    m = ctx.value(MEDISCH, op)
    return Bewaartermijn(
        werkgeversdossier=_plus_jaren(afgesloten_op, w) if afgesloten_op else None,
        medisch=_plus_jaren(laatste_medisch, m) if laatste_medisch else None,
        werkgever_jaren=w,
        medisch_jaren=m,
    )
