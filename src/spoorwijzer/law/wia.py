"""WIA: degree of incapacity, class, dagloon/maandloon, IVA and WGA amounts (WIA art. 4-5, 51-62).

Human judgement is an input, never computed here: the maatmaninkomen and the resterende
verdiencapaciteit come from UWV's arbeidsdeskundige (or, for a prognosis, from the
employer's own labour expert), and "duurzaam" from the verzekeringsarts.
All formulas are array-polymorphic (see money.py).
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import numpy as np

from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput
from spoorwijzer.law.money import BP, bp, clip0, mul_div, pct_of

# Class codes (shared with the vectorised paths)
GEEN, WGA_35_80, WGA_80_100, IVA = 0, 1, 2, 3
KLASSE_NAAM = {
    GEEN: "minder dan 35% arbeidsongeschikt (geen WIA-uitkering)",
    WGA_35_80: "WGA 35-80 (gedeeltelijk arbeidsgeschikt)",
    WGA_80_100: "WGA 80-100 (volledig, niet duurzaam)",
    IVA: "IVA (volledig en duurzaam)",
}
KLASSE_CODE = {GEEN: "geen", WGA_35_80: "wga_35_80", WGA_80_100: "wga_80_100", IVA: "iva"}


def ao_basispunten(maatmaninkomen, resterende_verdiencapaciteit):
    """Arbeidsongeschiktheid in basis points: (maatman - RVC) / maatman, RVC capped at the maatman
    (Schattingsbesluit art. 5 lid 2; both amounts per hour or both per month on the same hours).
    Truncated, not rounded, to a basis point (UWV's rounding was not found)."""
    m = np.asarray(maatmaninkomen, dtype=np.int64)
    r = np.minimum(np.asarray(resterende_verdiencapaciteit, dtype=np.int64), m)
    return ((m - r) * BP) // np.maximum(m, 1)


def klasse(ctx: LawContext, ao_bp, duurzaam, on: dt.date):
    """WIA class from the degree (basis points) and the verzekeringsarts' judgement 'duurzaam'."""
    grens = ctx.value("wia.drempels", on)
    ao = np.asarray(ao_bp)
    return np.where(
        ao < bp(grens["gedeeltelijk"]),
        GEEN,
        np.where(ao < bp(grens["volledig"]), WGA_35_80, np.where(np.asarray(duurzaam), IVA, WGA_80_100)),
    )


def dagloon(ctx: LawContext, sv_jaarloon, on: dt.date):
    """(capped, uncapped) WIA dagloon in cents: SV-loon of the refertejaar / 261, capped at the maximum dagloon."""
    factors = ctx.value("dagloon.factoren", on)
    uncapped = mul_div(np.asarray(sv_jaarloon, dtype=np.int64), 1, factors["dagen_per_jaar"])
    return np.minimum(uncapped, ctx.value("wfsv.maximum_dagloon", on)), uncapped


def maandloon(ctx: LawContext, dagloon_cents, on: dt.date):
    """Maandloon = dagloon x 21.75, rounded half up to cents."""
    per_month = Fraction(ctx.value("dagloon.factoren", on)["dagen_per_maand"])
    return mul_div(dagloon_cents, per_month.numerator, per_month.denominator)


def scaled_income(inkomen, capped_dagloon, uncapped_dagloon):
    """Income scaled by capped/uncapped dagloon (C/D in art. 52 and 61) for people above the maximum."""
    return mul_div(np.asarray(inkomen, dtype=np.int64), capped_dagloon, np.maximum(uncapped_dagloon, 1))


def iva(ctx: LawContext, maandloon_cents, inkomen_scaled, on: dt.date):
    """IVA per month: 75% of maandloon minus 70% of (scaled) income (art. 51, 52)."""
    p = ctx.value("wia.iva", on)
    return clip0(pct_of(maandloon_cents, bp(p["percentage"])) - pct_of(inkomen_scaled, bp(p["verrekening_inkomen"])))


def lgu(ctx: LawContext, maandloon_cents, inkomen_scaled, maand_index, on: dt.date):
    """WGA loongerelateerde uitkering in month ``maand_index`` (0-based) of the WGA: 75% the first two
    months, then 70% of (maandloon - scaled income) (art. 61 lid 1)."""
    p = ctx.value("wia.wga", on)
    rate = np.where(np.asarray(maand_index) < p["lgu_hoog_maanden"], bp(p["lgu_hoog"]), bp(p["lgu"]))
    return pct_of(clip0(maandloon_cents - inkomen_scaled), rate)


def vvu(ctx: LawContext, maandloon_cents, ao_bp, on: dt.date):
    """WGA vervolguitkering: class percentage of the minimum wage per month, or of the maandloon
    when that is lower (art. 61 lid 6, art. 62)."""
    bands = ctx.value("wia.vervolguitkering", on)
    basis = np.minimum(ctx.value("wml.referentieminimummaandloon", on), maandloon_cents)
    ao = np.asarray(ao_bp)
    rate = np.zeros_like(ao)
    for band in bands:
        inside = (ao >= bp(band["vanaf"])) & (ao < bp(band["tot"]))
        rate = np.where(inside, bp(band["percentage"]), rate)
    return pct_of(basis, rate)


def inkomenseis(ctx: LawContext, rvc_cents, maatmaninkomen, on: dt.date):
    """50% of the RVC; none (0) when the RVC is at most 20% of the maatmaninkomen (art. 60)."""
    p = ctx.value("wia.wga", on)
    rvc = np.asarray(rvc_cents, dtype=np.int64)
    geen = rvc * BP <= np.asarray(maatmaninkomen) * bp(p["geen_inkomenseis_rvc_max"])
    return np.where(geen, 0, pct_of(rvc, bp(p["inkomenseis"])))


def lau_of_vvu(
    ctx: LawContext, maandloon_cents, inkomen, inkomen_scaled, rvc_cents, rvc_scaled, maatmaninkomen, ao_bp, on
):
    """After the LGU: (amount, is_lau). LAU when income reaches the inkomenseis (or there is none),
    else VVU (art. 60-61). LAU is 70% of (maandloon - scaled income) when income >= RVC or there is
    no inkomenseis, else
    70% of (maandloon - scaled RVC), raised to the VVU but never above the former."""
    p = ctx.value("wia.wga", on)
    eis = inkomenseis(ctx, rvc_cents, maatmaninkomen, on)
    vv = vvu(ctx, maandloon_cents, ao_bp, on)
    full = pct_of(clip0(maandloon_cents - inkomen_scaled), bp(p["lau"]))
    partial = pct_of(clip0(maandloon_cents - rvc_scaled), bp(p["lau"]))
    no_eis = eis == 0  # WGA 80-100: no inkomenseis, LAU on actual income (art. 61 lid 2)
    lau = np.where((np.asarray(inkomen) >= rvc_cents) | no_eis, full, np.minimum(np.maximum(partial, vv), full))
    is_lau = no_eis | (np.asarray(inkomen) >= eis)
    return np.where(is_lau, lau, vv), is_lau


def check_judgement(maatmaninkomen: int, rvc: int) -> None:
    if maatmaninkomen <= 0:
        raise InvalidInput("Het maatmaninkomen moet groter zijn dan 0 (oordeel arbeidsdeskundige).")
    if rvc < 0:
        raise InvalidInput("De resterende verdiencapaciteit kan niet negatief zijn.")
