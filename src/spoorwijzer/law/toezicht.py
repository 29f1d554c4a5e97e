"""The supervision score of RSC 2025 (building block 1): an employer's weighted WIA inflow over the last
three years, per 100 employees, as UWV could use it to choose whom to supervise. A proposal, not law in
force: the weights are a parameter with that source, and the result says so."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput

GEWICHTEN = "toezicht.wia_instroom_gewichten"


@dataclass(frozen=True)
class Jaar:
    jaar: int
    wia_instroom: int  # employees of this employer whose WIA benefit started in the year
    werknemers: int  # average number of employees in the year


@dataclass(frozen=True)
class Toezichtscore:
    score: float | None  # weighted WIA inflow per 100 employees; None without employees
    jaren: tuple[Jaar, ...]  # youngest first
    gewichten: tuple[int, ...]
    volgend_jaar_zonder_instroom: float | None  # the score a year on if no one enters the WIA

    def as_dict(self) -> dict:
        return {
            "score": self.score,
            "jaren": [j.__dict__ for j in self.jaren],
            "gewichten": list(self.gewichten),
            "volgend_jaar_zonder_instroom": self.volgend_jaar_zonder_instroom,
        }


def _weighted(jaren: tuple[Jaar, ...], weights: tuple[int, ...]) -> float | None:
    """sum(w * inflow) / sum(w * employees) * 100: the weights apply to both, so a year with more
    employees does not count as a year with fewer inflow."""
    employees = sum(w * j.werknemers for w, j in zip(weights, jaren, strict=False))
    if employees == 0:
        return None
    return 100 * sum(w * j.wia_instroom for w, j in zip(weights, jaren, strict=False)) / employees


def toezichtscore(ctx: LawContext, jaren: list[Jaar], peildatum: dt.date) -> Toezichtscore:
    """The score over the three calendar years before ``peildatum``'s year; ``jaren`` may hold more."""
    weights = tuple(int(w) for w in ctx.value(GEWICHTEN, peildatum))
    by_year = {j.jaar: j for j in jaren}
    for j in jaren:
        if j.wia_instroom < 0 or j.werknemers < 0:
            raise InvalidInput(f"Het jaar {j.jaar} heeft een negatief aantal.")
        if j.wia_instroom > j.werknemers and j.werknemers > 0:
            raise InvalidInput(f"In {j.jaar} stromen meer werknemers in de WIA ({j.wia_instroom}) dan er werken.")
    years = tuple(by_year.get(peildatum.year - 1 - i, Jaar(peildatum.year - 1 - i, 0, 0)) for i in range(len(weights)))
    next_years = (Jaar(peildatum.year, 0, years[0].werknemers), *years[:-1])
    return Toezichtscore(_weighted(years, weights), years, weights, _weighted(next_years, weights))
