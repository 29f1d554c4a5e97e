"""Loondoorbetaling bij ziekte (BW 7:629): 70% of the wage up to the daily maximum, in the first
52 weeks at least the minimum wage for the employee's hours; collective-agreement variants as inputs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput
from spoorwijzer.law.money import bp, euro, mul_div, pct_of
from spoorwijzer.law.receipt import Receipt


def maximum_maandloon(ctx: LawContext, on: dt.date) -> int:
    """The BW 7:629 cap per month: the Wfsv art. 17 daily amount x 21.75."""
    per_month = Fraction(ctx.value("dagloon.factoren", on)["dagen_per_maand"])
    return mul_div(ctx.value("wfsv.maximum_dagloon", on), per_month.numerator, per_month.denominator)


def minimumloon_maand(ctx: LawContext, uren_per_week_x100, on: dt.date, voltijd_uren_x100=None):
    """Minimum wage per month for the contract hours (hours carried x100).

    Since 2024 (``wml.minimumloon_eenheid`` 'uur'): hourly WML x hours x 52 / 12. Before (WML art. 8 and 12,
    'maand'): the monthly WML for a full working week, for a part-timer in proportion of the contract hours to
    the employer's normal full-time hours ``voltijd_uren_x100``; without them the contract hours are taken as
    the full-time week (the whole monthly amount), and the receipts say so (:func:`minimumloon_toelichting`)."""
    uren = np.asarray(uren_per_week_x100, dtype=np.int64)
    if ctx.value("wml.minimumloon_eenheid", on) == "uur":
        return mul_div(ctx.value("wml.minimumuurloon", on) * uren, 52, 1200)
    maand = ctx.value("wml.referentieminimummaandloon", on)
    if voltijd_uren_x100 is None:
        return np.full(uren.shape, maand, dtype=np.int64) if uren.shape else maand
    voltijd = np.asarray(voltijd_uren_x100, dtype=np.int64)
    return mul_div(maand * np.minimum(uren, voltijd), 1, voltijd)


def minimumloon_toelichting(ctx: LawContext, uren_per_week_x100: int, on: dt.date, voltijd_uren_x100=None) -> str:
    """How the minimum wage per month was found, for a receipt (one sentence)."""
    floor = int(minimumloon_maand(ctx, uren_per_week_x100, on, voltijd_uren_x100))
    if ctx.value("wml.minimumloon_eenheid", on) == "uur":
        return f"minimumloon voor {uren_per_week_x100 / 100:g} uur: {euro(floor)} per maand"
    maand = euro(ctx.value("wml.referentieminimummaandloon", on))
    if voltijd_uren_x100 is None:
        return (
            f"minimumloon {euro(floor)} per maand: vóór 2024 gold een minimummaandloon ({maand}) voor een volledige "
            "werkweek; de contracturen zijn als voltijd genomen (geef de voltijdsuren bij de werkgever op voor een "
            "deeltijder)"
        )
    return (
        f"minimumloon {euro(floor)} per maand: minimummaandloon {maand} voor een volledige werkweek x "
        f"{uren_per_week_x100 / 100:g} / {voltijd_uren_x100 / 100:g} uur"
    )


def per_maand(
    ctx: LawContext,
    maandloon,
    uren_per_week_x100,
    percentage_bp,
    eerste_jaar,
    gewerkt_bp,
    on: dt.date,
    voltijd_uren_x100=None,
):
    """Pay in one month of sickness.

    ``gewerkt_bp``: share of the contract hours actually worked (basis points); worked hours are paid
    as wage, sick hours at ``percentage_bp`` of the capped wage, in year 1 at least the minimum wage."""
    wage = np.asarray(maandloon, dtype=np.int64)
    worked = pct_of(wage, gewerkt_bp)
    sick_share = 10_000 - np.asarray(gewerkt_bp)
    sick = pct_of(pct_of(np.minimum(wage, maximum_maandloon(ctx, on)), percentage_bp), sick_share)
    floor = pct_of(minimumloon_maand(ctx, uren_per_week_x100, on, voltijd_uren_x100), sick_share)
    sick = np.where(np.asarray(eerste_jaar), np.maximum(sick, floor), sick)
    return worked + sick


def legal_percentage_bp(ctx: LawContext, on: dt.date) -> int:
    return bp(ctx.value("bw.loondoorbetaling", on)["percentage"])


def check_agreement(
    ctx: LawContext,
    percentage_jaar1: float,
    percentage_jaar2: float,
    on: dt.date,
    bij_werkhervatting: float | None = None,
) -> str:
    """Validates a collective-agreement variant and says where it stands against the 170% convention,
    in the three situations of RSC 2025 bouwsteen 2 (no possibilities; possibilities not used; used)."""
    rule = ctx.value("bw.loondoorbetaling", on)
    for p in (percentage_jaar1, percentage_jaar2, *([bij_werkhervatting] if bij_werkhervatting is not None else [])):
        if not rule["percentage"] <= p <= 100:
            raise InvalidInput(
                f"Een doorbetalingspercentage van {p}% kan niet: de wet vraagt ten minste {rule['percentage']}% "
                "en meer dan 100% is geen loondoorbetaling."
            )
    total = percentage_jaar1 + percentage_jaar2
    cap = rule["cao_convenant_max_pct_twee_jaar"]
    text = f"zonder werkhervatting {total:g}% over twee jaar"
    text += f" (boven het convenant van {cap}%, zonder voorwaarde)" if total > cap else f" (convenant: {cap}%)"
    if bij_werkhervatting is not None:
        working = max(percentage_jaar1, bij_werkhervatting) + max(percentage_jaar2, bij_werkhervatting)
        text += f"; wie mogelijkheden benut, krijgt tot {working:g}% over de zieke uren (beloning bij werkhervatting)"
    return text


# --- entry point: one subject, typed in and out ---------------------------------------------------


@dataclass(frozen=True)
class LoondoorbetalingInvoer:
    eerste_ziektedag: dt.date
    maandloon: int  # cents, bruto per month
    uren_per_week_x100: int = 3800
    percentage_jaar1: float | None = None  # None: the legal percentage on the date
    percentage_jaar2: float | None = None
    gewerkt_percentage: float = 0
    prijspeil: dt.date | None = None
    voltijd_uren_per_week_x100: int | None = None  # the employer's full-time week (only used before 2024)

    @property
    def peil(self) -> dt.date:
        return self.prijspeil or self.eerste_ziektedag


@dataclass
class LoondoorbetalingUitkomst:
    jaar1_per_maand_cent: int
    jaar2_per_maand_cent: int
    wettelijk_percentage: float
    maximum_dagloon_cent: int  # the wage counted per day at most (Wfsv art. 17)
    maximum_maandloon_cent: int
    maximum_jaarloon_cent: int
    maximum_per_dag_cent: int  # the most the legal percentage pays, per day / month / year
    maximum_per_maand_cent: int
    maximum_per_jaar_cent: int
    minimumloon_per_maand_cent: int
    minimumloon_weken: int
    cao_toets: str
    receipt: Receipt

    def as_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in self.__dict__.items() if k != "receipt"}
        return {"onderwerp": "loondoorbetaling", **out, "bon": self.receipt.as_dict()}


def bereken(ctx: LawContext, inv: LoondoorbetalingInvoer) -> LoondoorbetalingUitkomst:
    """Pay while sick per month in year 1 and year 2, and the caps per day, month and year (BW 7:629 lid 1)."""
    if inv.maandloon <= 0:
        raise InvalidInput("Het maandloon moet groter zijn dan 0.")
    r = Receipt(ctx, inputs=dict(inv.__dict__))
    on = inv.peil
    rule = ctx.value("bw.loondoorbetaling", on)
    pct1 = rule["percentage"] if inv.percentage_jaar1 is None else inv.percentage_jaar1
    pct2 = rule["percentage"] if inv.percentage_jaar2 is None else inv.percentage_jaar2
    note = check_agreement(ctx, pct1, pct2, on)
    worked = bp(inv.gewerkt_percentage)
    voltijd = inv.voltijd_uren_per_week_x100
    y1 = int(per_maand(ctx, inv.maandloon, inv.uren_per_week_x100, bp(pct1), True, worked, on, voltijd))
    y2 = int(per_maand(ctx, inv.maandloon, inv.uren_per_week_x100, bp(pct2), False, worked, on, voltijd))
    per_day = int(ctx.value("wfsv.maximum_dagloon", on))
    per_year = per_day * int(ctx.value("dagloon.factoren", on)["dagen_per_jaar"])
    cap = int(maximum_maandloon(ctx, on))
    legal = legal_percentage_bp(ctx, on)
    floor = int(minimumloon_maand(ctx, inv.uren_per_week_x100, on, voltijd))
    r.step(
        f"Loon gemaximeerd op {euro(per_day)} per dag, {euro(cap)} per maand, {euro(per_year)} per jaar; "
        f"{minimumloon_toelichting(ctx, inv.uren_per_week_x100, on, voltijd)} (ondergrens in de eerste "
        f"{rule['minimumloon_weken']} weken)."
    )
    r.step(note)
    return LoondoorbetalingUitkomst(
        y1,
        y2,
        rule["percentage"],
        per_day,
        cap,
        per_year,
        int(pct_of(per_day, legal)),
        int(pct_of(cap, legal)),
        int(pct_of(per_year, legal)),
        floor,
        rule["minimumloon_weken"],
        note,
        r,
    )
