"""WIA: degree of incapacity, class, dagloon/maandloon, IVA and WGA amounts (WIA art. 4-5, 51-62).

Human judgement is an input, never computed here: the maatmaninkomen and the resterende
verdiencapaciteit come from UWV's arbeidsdeskundige (or, for a prognosis, from the
employer's own labour expert), and "duurzaam" from the verzekeringsarts.
All formulas are array-polymorphic (see money.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

from spoorwijzer.law import ww
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput
from spoorwijzer.law.money import BP, bp, clip0, euro, mul_div, pct_of
from spoorwijzer.law.receipt import Receipt
from spoorwijzer.law.tekst import procent

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


# --- entry points: typed in and out ----------------------------------------------------------------

AFRONDING = (
    "afgekapt (niet afgerond) op 0,01 procentpunt; UWV publiceert zijn afronding niet in de gelezen bronnen "
    "(Schattingsbesluit art. 5 lid 2 vergelijkt alleen maatman en verdiencapaciteit per uur)"
)


@dataclass(frozen=True)
class WiaInvoer:
    """The judgement of UWV's assessors (or a labour expert's prognosis) and the wage basis, as inputs.

    The resterende verdiencapaciteit is given as an amount, or as the hourly wages of the functions the
    arbeidsdeskundige selected (Schattingsbesluit art. 9 sub a, 10 lid 1 sub b: the wage of the middle one of the
    three highest) with the maatman hourly income. The wage basis is the SV-jaarloon of the refertejaar, or the
    dagloon or maandloon as UWV's decision states it."""

    datum: dt.date
    maatmaninkomen: int | None = None  # cents per month
    resterende_verdiencapaciteit: int | None = None  # cents per month
    maatman_uurloon: int | None = None  # cents per hour
    functie_uurlonen: tuple[int, ...] = ()  # cents per hour
    uren_per_week_x100: int | None = None  # to turn hourly amounts into monthly ones
    duurzaam: bool = False
    bron: str = ""
    sv_jaarloon: int | None = None
    dagloon: int | None = None
    maandloon: int | None = None
    inkomen: int = 0  # cents per month
    jaren_voor_2016: int | None = None
    jaren_vanaf_2016: int = 0
    jareneis: bool = True
    referte_eis: bool = True
    # months of loongerelateerde WW received by someone who fell ill while on the WW (WIA art. 59: insured only
    # through the WW benefit just before the wachttijd began; lid 3 in the text of 2006)
    ww_ontvangen_maanden: int = 0


def rvc_uit_functies(ctx: LawContext, uurlonen: tuple[int, ...], on: dt.date) -> int:
    """The resterende verdiencapaciteit per hour: the wage of the middle one of the highest functions
    (Schattingsbesluit art. 9 sub a: at least N functions; art. 10 lid 1 sub b: the middle one)."""
    n = ctx.value("wia.rvc_functies", on)["minimum_functies"]
    if len(uurlonen) < n:
        raise InvalidInput(f"Geef ten minste {n} functies met hun uurloon (Schattingsbesluit art. 9 sub a).")
    if any(u <= 0 for u in uurlonen):
        raise InvalidInput("Een uurloon van een functie moet groter zijn dan 0.")
    highest = sorted(uurlonen, reverse=True)[:n]
    return highest[n // 2]


def _per_maand(uurloon: int, uren_per_week_x100: int) -> int:
    """An hourly amount as a monthly one on the contract hours: x hours x 52 / 12."""
    return int(mul_div(uurloon * uren_per_week_x100, 52, 1200))


@dataclass
class WiaKlasseUitkomst:
    ao_basispunten: int
    ao_onafgerond: str  # the exact ratio (maatman - RVC) / maatman, as a fraction and in decimals
    klasse: int
    band: str  # arbeidsongeschiktheidsklasse of art. 62 (35-45, ..., 80-100), or "" under the threshold
    vvu_percentage: float | None
    maatmaninkomen: int
    resterende_verdiencapaciteit: int
    receipt: Receipt

    def as_dict(self) -> dict[str, Any]:
        return {
            "onderwerp": "wia-klasse",
            "ao_percentage": self.ao_basispunten / 100,
            "ao_onafgerond": self.ao_onafgerond,
            "afronding": AFRONDING,
            "klasse": KLASSE_CODE[self.klasse],
            "klasse_naam": KLASSE_NAAM[self.klasse],
            "ao_klasse": self.band or None,
            "vervolguitkering_percentage": self.vvu_percentage,
            "maatmaninkomen_cent": self.maatmaninkomen,
            "resterende_verdiencapaciteit_cent": self.resterende_verdiencapaciteit,
            "bon": self.receipt.as_dict(),
        }


def band(ctx: LawContext, ao_bp: int, on: dt.date) -> tuple[str, float | None]:
    """The arbeidsongeschiktheidsklasse (art. 62) and its vervolguitkering percentage."""
    for b in ctx.value("wia.vervolguitkering", on):
        if bp(b["vanaf"]) <= ao_bp < bp(b["tot"]):
            return f"{b['vanaf']}-{min(b['tot'], 100)}", float(b["percentage"])
    return "", None


def bereken_klasse(ctx: LawContext, inv: WiaInvoer, r: Receipt | None = None) -> WiaKlasseUitkomst:
    r = r or Receipt(ctx, inputs=dict(inv.__dict__))
    if inv.functie_uurlonen:
        if inv.maatman_uurloon is None or inv.maatman_uurloon <= 0:
            raise InvalidInput("Geef bij de functie-uurlonen ook het maatmaninkomen per uur.")
        rvc_uur = rvc_uit_functies(ctx, inv.functie_uurlonen, inv.datum)
        capped = min(rvc_uur, inv.maatman_uurloon)
        r.step(
            f"Resterende verdiencapaciteit per uur: de middelste van de hoogste functie-uurlonen "
            f"{', '.join(euro(u) for u in sorted(inv.functie_uurlonen, reverse=True))} = {euro(rvc_uur)}"
            + (f", begrensd op het maatmaninkomen per uur {euro(capped)}" if capped < rvc_uur else "")
            + " (Schattingsbesluit art. 9 sub a, 10 lid 1 sub b en lid 3)."
        )
        maatman, rvc = inv.maatman_uurloon, capped
        if inv.uren_per_week_x100:
            maatman_m, rvc_m = _per_maand(maatman, inv.uren_per_week_x100), _per_maand(rvc, inv.uren_per_week_x100)
        else:
            maatman_m = rvc_m = 0
    else:
        if inv.maatmaninkomen is None or inv.resterende_verdiencapaciteit is None:
            raise InvalidInput(
                "Geef het maatmaninkomen en de resterende verdiencapaciteit (oordeel arbeidsdeskundige), "
                "of het maatmaninkomen per uur en de uurlonen van de functies."
            )
        maatman, rvc = inv.maatmaninkomen, inv.resterende_verdiencapaciteit
        maatman_m, rvc_m = maatman, rvc
    check_judgement(maatman, rvc)
    ao = int(ao_basispunten(maatman, rvc))
    k = int(klasse(ctx, ao, inv.duurzaam, inv.datum))
    exact = Fraction(max(maatman - min(rvc, maatman), 0), maatman)
    ao_klasse, vvu_pct = band(ctx, ao, inv.datum)
    r.step(
        f"Arbeidsongeschikt {procent(ao / 100)} (onafgerond {procent(float(exact) * 100, 6)}): {KLASSE_NAAM[k]} "
        f"(oordeel: {inv.bron or 'bron niet vermeld'})."
    )
    return WiaKlasseUitkomst(
        ao, f"{exact.numerator}/{exact.denominator} = {float(exact):.6f}", k, ao_klasse, vvu_pct, maatman_m, rvc_m, r
    )


@dataclass
class WiaUitkomst:
    beoordeling: WiaKlasseUitkomst
    dagloon_cent: int
    dagloon_ongemaximeerd_cent: int | None
    maandloon_cent: int
    bedragen: dict[str, Any]
    receipt: Receipt

    def as_dict(self) -> dict[str, Any]:
        b = self.beoordeling.as_dict()
        for key in ("onderwerp", "bon", "klasse_naam"):
            b.pop(key)
        return {
            "onderwerp": "wia-uitkering",
            **b,
            "dagloon_cent": self.dagloon_cent,
            "dagloon_ongemaximeerd_cent": self.dagloon_ongemaximeerd_cent,
            "maandloon_cent": self.maandloon_cent,
            **self.bedragen,
            "bon": self.receipt.as_dict(),
        }


def wage_basis(ctx: LawContext, inv: WiaInvoer, r: Receipt) -> tuple[int, int | None, int]:
    """(dagloon, uncapped dagloon or None, maandloon) from the SV-jaarloon, or as UWV's decision states them."""
    given = [x is not None for x in (inv.sv_jaarloon, inv.dagloon, inv.maandloon)]
    if sum(given) != 1:
        raise InvalidInput("Geef precies één van: SV-jaarloon, dagloon of maandloon (zoals in de beslissing van UWV).")
    on = inv.datum
    if inv.sv_jaarloon is not None:
        capped, uncapped = (int(x) for x in dagloon(ctx, inv.sv_jaarloon, on))
        mloon = int(maandloon(ctx, capped, on))
        factors = ctx.value("dagloon.factoren", on)
        r.step(
            f"Dagloon {euro(capped)} (SV-jaarloon / {factors['dagen_per_jaar']}, ongemaximeerd {euro(uncapped)}), "
            f"maandloon {euro(mloon)} (x {str(factors['dagen_per_maand']).replace('.', ',')})."
        )
        return capped, uncapped, mloon
    if inv.dagloon is not None:
        mloon = int(maandloon(ctx, inv.dagloon, on))
        r.step(f"Dagloon {euro(inv.dagloon)} zoals UWV het vaststelde; maandloon {euro(mloon)}.")
        return inv.dagloon, None, mloon
    assert inv.maandloon is not None
    r.step(f"Maandloon {euro(inv.maandloon)} zoals UWV het vaststelde.")
    return 0, None, inv.maandloon


def bereken_uitkering(ctx: LawContext, inv: WiaInvoer) -> WiaUitkomst:
    """IVA, or the WGA: loongerelateerd (duration from the arbeidsverleden, less WW already received), then
    loonaanvulling or vervolguitkering (WIA art. 51-62)."""
    r = Receipt(ctx, inputs=dict(inv.__dict__))
    k = bereken_klasse(ctx, inv, r)
    on = inv.datum
    capped, uncapped, mloon = wage_basis(ctx, inv, r)

    def scaled(amount: int) -> int:  # art. 52 and 61: income x capped / uncapped dagloon (only above the maximum)
        return amount if uncapped is None else int(scaled_income(amount, capped, uncapped))

    result: dict[str, Any] = {}
    if k.klasse == IVA:
        result["iva_per_maand_cent"] = int(iva(ctx, mloon, scaled(inv.inkomen), on))
    elif k.klasse in (WGA_35_80, WGA_80_100):
        if inv.jaren_voor_2016 is None:
            raise InvalidInput(
                "Geef het arbeidsverleden vóór 2016 (ook 0): de duur van de loongerelateerde uitkering hangt ervan af."
            )
        wga = ctx.value("wia.wga", on)
        duur = int(ww.duur_maanden(ctx, inv.jaren_voor_2016, inv.jaren_vanaf_2016, inv.jareneis, on))
        duur = duur if inv.referte_eis else 0
        lgu_duur = max(duur - inv.ww_ontvangen_maanden, 0)
        if inv.ww_ontvangen_maanden:
            r.step(
                f"Loongerelateerde duur {duur} maanden, min {inv.ww_ontvangen_maanden} maanden loongerelateerde WW "
                f"(ziek geworden tijdens de WW, WIA art. 59): {lgu_duur} maanden."
            )
        rvc = k.resterende_verdiencapaciteit
        after, is_lau = lau_of_vvu(
            ctx, mloon, inv.inkomen, scaled(inv.inkomen), rvc, scaled(rvc), k.maatmaninkomen, k.ao_basispunten, on
        )
        raw_lau = int(
            pct_of(clip0(mloon - (scaled(inv.inkomen) if inv.inkomen >= rvc else scaled(rvc))), bp(wga["lau"]))
        )
        hoog = min(wga["lgu_hoog_maanden"], lgu_duur)
        result.update(
            {
                "lgu_duur_maanden": lgu_duur,
                "lgu_hoog_maanden": hoog,
                "lgu_hoog_percentage": wga["lgu_hoog"],
                "lgu_percentage": wga["lgu"],
                "lgu_eerste_maanden_per_maand_cent": int(lgu(ctx, mloon, scaled(inv.inkomen), 0, on)) if hoog else 0,
                "lgu_daarna_per_maand_cent": int(lgu(ctx, mloon, scaled(inv.inkomen), wga["lgu_hoog_maanden"], on))
                if lgu_duur > hoog
                else 0,
                "inkomenseis_percentage": wga["inkomenseis"],
                "inkomenseis_cent": int(inkomenseis(ctx, rvc, k.maatmaninkomen, on)),
                "na_lgu": "loonaanvullingsuitkering" if bool(is_lau) else "vervolguitkering",
                "na_lgu_per_maand_cent": int(after),
                "loonaanvulling_ruw_per_maand_cent": raw_lau,
                "vervolguitkering_per_maand_cent": int(vvu(ctx, mloon, k.ao_basispunten, on)),
            }
        )
    else:
        result["toelichting"] = (
            f"Minder dan {ctx.value('wia.drempels', on)['gedeeltelijk']}% arbeidsongeschikt: geen WIA-uitkering "
            "(zie onderwerp ww)."
        )
    return WiaUitkomst(k, capped, uncapped, mloon, result, r)
