"""WW: duration from arbeidsverleden and the monthly amount (WW art. 42a, 47); also the LGU duration
(WIA art. 59 follows the WW duration). Bijstand only as a labelled approximation."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import numpy as np

from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput
from spoorwijzer.law.money import bp, pct_of
from spoorwijzer.law.receipt import Receipt


def duur_maanden(ctx: LawContext, jaren_voor_2016, jaren_vanaf_2016, jareneis, on: dt.date):
    """Months of WW (and of the WGA-LGU): the first 10 years count 1 month each, later years before 2016
    1 month, years from 2016 half a month (rounded down); minimum 3 (wekeneis), maximum 24.
    Without the jareneis (4 of the last 5 years) only the minimum."""
    r = ctx.value("ww.duur", on)
    pre = np.asarray(jaren_voor_2016, dtype=np.int64)
    post = np.asarray(jaren_vanaf_2016, dtype=np.int64)
    first = np.minimum(pre + post, r["eerste_jaren"])
    pre_after = np.maximum(pre - r["eerste_jaren"], 0)
    post_after = pre + post - first - pre_after
    half = Decimal(str(r["per_jaar_vanaf_2016"]))
    months = first + pre_after * r["per_jaar_voor_2016"] + (post_after * int(half * 2)) // 2
    months = np.clip(months, r["minimum"], r["maximum"])
    return np.where(np.asarray(jareneis), months, r["minimum"])


def uitkering(ctx: LawContext, maandloon_cents, maand_index, on: dt.date):
    """WW in month ``maand_index`` (0-based): 75% of the WW-maandloon for 2 months, then 70%."""
    p = ctx.value("ww.hoogte", on)
    rate = np.where(np.asarray(maand_index) < p["hoog_maanden"], bp(p["hoog"]), bp(p["daarna"]))
    return pct_of(maandloon_cents, rate)


def bijstand_norm(ctx: LawContext, huishouden: str, on: dt.date) -> int:
    """Netto bijstandsnorm (benadering: geen vermogens- of partnerinkomenstoets)."""
    norms = ctx.value("participatiewet.bijstandsnorm", on)
    if huishouden not in norms:
        raise InvalidInput(f"Onbekend huishouden '{huishouden}': kies uit {', '.join(norms)}.")
    return norms[huishouden]


def check_arbeidsverleden(jaren_voor_2016: int, jaren_vanaf_2016: int) -> None:
    if jaren_voor_2016 < 0 or jaren_vanaf_2016 < 0:
        raise InvalidInput("Het arbeidsverleden kan geen negatief aantal jaren zijn.")


# --- entry point ------------------------------------------------------------------------------------

TIJDVAKKEN = ("maand", "vier_weken")


def refertejaar(ctx: LawContext, eerste_werkloosheidsdag: dt.date, tijdvak: str = "maand") -> tuple[dt.date, dt.date]:
    """First and last day of the WW referteperiode: a year of pay periods ending with the second full period
    before the period of the first day of unemployment (Dagloonbesluit art. 2; UWV: 1-4-2019 -> 1-3-2018..28-2-2019)."""
    rule = ctx.value("ww.refertejaar", eerste_werkloosheidsdag)
    back = rule["tijdvakken_terug"]
    if tijdvak == "maand":
        first = eerste_werkloosheidsdag.replace(day=1)
        end_month = _shift_month(first, -(back - 1)) - dt.timedelta(days=1)
        start = _shift_month(end_month.replace(day=1), -(rule["maand"] - 1))
        return start, end_month
    if tijdvak == "vier_weken":
        per_year = rule["vier_weken"]
        day = eerste_werkloosheidsdag
        index = min((day - dt.date(day.year, 1, 1)).days // 28, per_year - 1)
        end_n = day.year * per_year + index - back
        start_n = end_n - (per_year - 1)
        return _four_weeks(start_n, per_year)[0], _four_weeks(end_n, per_year)[1]
    raise InvalidInput(f"Onbekend aangiftetijdvak '{tijdvak}': kies uit {', '.join(TIJDVAKKEN)}.")


def _shift_month(first_of_month: dt.date, months: int) -> dt.date:
    y, m = divmod(first_of_month.month - 1 + months, 12)
    return dt.date(first_of_month.year + y, m + 1, 1)


def _four_weeks(n: int, per_year: int) -> tuple[dt.date, dt.date]:
    year, index = divmod(n, per_year)
    start = dt.date(year, 1, 1) + dt.timedelta(days=28 * index)
    end = dt.date(year, 12, 31) if index == per_year - 1 else start + dt.timedelta(days=27)
    return start, end


@dataclass(frozen=True)
class WwInvoer:
    datum: dt.date  # the date whose amounts are used
    jaren_voor_2016: int | None = None  # required: no silent default
    jaren_vanaf_2016: int = 0
    jareneis: bool = True
    wekeneis: bool = True
    sv_jaarloon: int | None = None  # loon in the referteperiode; None: only the duration is asked
    eerste_werkloosheidsdag: dt.date | None = None
    aangiftetijdvak: str = "maand"
    huishouden: str = "alleenstaande"


@dataclass
class WwUitkomst:
    recht: bool
    duur_maanden: int
    eerste_werkloosheidsdag: dt.date | None
    einddatum: dt.date | None
    refertejaar: tuple[dt.date, dt.date] | None
    hoog_maanden: int
    hoog_percentage: float
    percentage: float
    bedragen: dict[str, int]
    toelichting: str
    receipt: Receipt

    def as_dict(self) -> dict[str, Any]:
        return {
            "onderwerp": "ww",
            "recht_op_ww": self.recht,
            "duur_maanden": self.duur_maanden,
            "eerste_werkloosheidsdag": self.eerste_werkloosheidsdag.isoformat()
            if self.eerste_werkloosheidsdag
            else None,
            "einddatum": self.einddatum.isoformat() if self.einddatum else None,
            "refertejaar_van": self.refertejaar[0].isoformat() if self.refertejaar else None,
            "refertejaar_tot_en_met": self.refertejaar[1].isoformat() if self.refertejaar else None,
            "hoog_maanden": self.hoog_maanden,
            "hoog_percentage": self.hoog_percentage,
            "daarna_percentage": self.percentage,
            **self.bedragen,
            "toelichting": self.toelichting,
            "bon": self.receipt.as_dict(),
        }


def bereken(ctx: LawContext, inv: WwInvoer) -> WwUitkomst:
    """WW: the right (wekeneis), its duration (arbeidsverleden, jareneis) and, when the wage is given, the amounts."""
    from spoorwijzer.law import wia  # the WW dagloon is approximated with the WIA dagloon rule

    r = Receipt(ctx, inputs=dict(inv.__dict__))
    on = inv.datum
    if inv.jaren_voor_2016 is None:
        raise InvalidInput(
            "Geef het arbeidsverleden vóór 2016 in jaren (ook 0); er wordt geen arbeidsverleden verondersteld."
        )
    check_arbeidsverleden(inv.jaren_voor_2016, inv.jaren_vanaf_2016)
    hoogte = ctx.value("ww.hoogte", on)
    refer = refertejaar(ctx, inv.eerste_werkloosheidsdag, inv.aangiftetijdvak) if inv.eerste_werkloosheidsdag else None
    if refer:
        r.step(f"Referteperiode voor het dagloon: {refer[0]} t/m {refer[1]} ({inv.aangiftetijdvak}).")
    if not inv.wekeneis:
        eis = ctx.value("ww.wekeneis", on)
        text = (
            f"Niet voldaan aan de wekeneis ({eis['weken_gewerkt']} van de laatste {eis['van_weken']} weken gewerkt, "
            "WW art. 17): geen recht op WW."
        )
        r.step(text)
        return WwUitkomst(
            False, 0, inv.eerste_werkloosheidsdag, None, refer, 0, hoogte["hoog"], hoogte["daarna"], {}, text, r
        )
    duur = int(duur_maanden(ctx, inv.jaren_voor_2016, inv.jaren_vanaf_2016, inv.jareneis, on))
    r.step(
        f"Duur uit arbeidsverleden ({inv.jaren_voor_2016} jaar vóór 2016, {inv.jaren_vanaf_2016} vanaf 2016"
        f"{'' if inv.jareneis else ', jareneis niet gehaald'}): {duur} maanden."
    )
    einde = None
    if inv.eerste_werkloosheidsdag:
        d = inv.eerste_werkloosheidsdag
        y, m = divmod(d.month - 1 + duur, 12)
        end_month = dt.date(d.year + y, m + 1, 1)
        einde = end_month.replace(day=min(d.day, calendar.monthrange(end_month.year, end_month.month)[1]))
        einde -= dt.timedelta(days=1)
    bedragen: dict[str, int] = {}
    toelichting = "Alleen de duur: geef het loon in de referteperiode voor de bedragen."
    if inv.sv_jaarloon is not None:
        capped, _ = wia.dagloon(ctx, inv.sv_jaarloon, on)
        mloon = int(wia.maandloon(ctx, capped, on))
        bedragen = {
            "maandloon_cent": mloon,
            "eerste_maanden_per_maand_cent": int(uitkering(ctx, mloon, 0, on)),
            "daarna_per_maand_cent": int(uitkering(ctx, mloon, hoogte["hoog_maanden"], on)),
            "bijstand_per_maand_cent_netto_benadering": bijstand_norm(ctx, inv.huishouden, on),
        }
        toelichting = (
            f"WW-dagloon benaderd met het loon van de referteperiode / "
            f"{ctx.value('dagloon.factoren', on)['dagen_per_jaar']} (het WW-dagloon telt loonloze tijdvakken niet mee)."
        )
        r.step(toelichting)
    return WwUitkomst(
        True,
        duur,
        inv.eerste_werkloosheidsdag,
        einde,
        refer,
        min(hoogte["hoog_maanden"], duur),
        hoogte["hoog"],
        hoogte["daarna"],
        bedragen,
        toelichting,
        r,
    )
