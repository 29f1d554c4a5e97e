"""WW: duration from arbeidsverleden and the monthly amount (WW art. 42a, 47); also the LGU duration
(WIA art. 59 follows the WW duration). Bijstand only as a labelled approximation."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import numpy as np

from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput
from spoorwijzer.law.money import bp, pct_of


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
