"""Costs and risks for the employer (and for a new employer) in euro, from the same phases as the
employee's income paths, so both sides see one set of figures."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from spoorwijzer.law import inkomenspad as ip
from spoorwijzer.law import loondoorbetaling as ldb
from spoorwijzer.law import wia
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput
from spoorwijzer.law.money import bp, euro, mul_div, pct_of

WGA_SOORTEN = ("wga_lgu", "wga_lau", "wga_vvu")


@dataclass(frozen=True)
class WerkgeverInvoer:
    persoon: ip.Invoer
    werkgeverslasten_pct: float = 0.0  # employer charges on wages (pension, premiums): an input, not law
    eigenrisicodrager_wga: bool = False
    vrijwillige_verlenging_weken: int = 0


@dataclass
class Post:
    code: str
    naam: str
    bedrag: int
    toelichting: str


def _sum_between(phases: list[ip.Phase], soorten, lo: dt.date, hi: dt.date) -> int:
    """Amount paid in [lo, hi) by phases of the given kinds, pro rata by days within each month."""
    total = 0
    month = dt.date(lo.year, lo.month, 1)
    while month < hi:
        nxt = ip.add_months(month, 1)
        days = (nxt - month).days
        for p in phases:
            if p.soort in soorten:
                overlap = (min(nxt, p.end, hi) - max(month, p.start, lo)).days
                if overlap > 0:
                    total += int(mul_div(p.bedrag, overlap, days))
        month = nxt
    return total


def bereken(ctx: LawContext, inv: WerkgeverInvoer) -> dict[str, Any]:
    if not 0 <= inv.werkgeverslasten_pct <= 100:
        raise InvalidInput("Het percentage werkgeverslasten moet tussen 0 en 100 liggen.")
    person = dataclasses.replace(inv.persoon, maanden=max(inv.persoon.maanden, 24 + 12 * 12 + 1))
    uitkomst = ip.bereken(ctx, person)
    r = uitkomst.receipt
    on = person.peil
    by_code = {s.code: s for s in uitkomst.scenarios}
    start = person.eerste_ziektedag
    wia_start = uitkomst.wia_start
    posts: list[Post] = []

    zonder = by_code["35_minner_zonder_werk"]
    loonkosten = _sum_between(zonder.fasen, ("loondoorbetaling",), start, wia_start)
    posts.append(
        Post(
            "loondoorbetaling_104_weken",
            "Loondoorbetaling gedurende de wachttijd (104 weken)",
            with_lasten(loonkosten, inv),
            f"BW 7:629; inclusief {inv.werkgeverslasten_pct:g}% werkgeverslasten",
        )
    )

    ldb2 = int(
        ldb.per_maand(ctx, person.maandloon, person.uren_per_week_x100, bp(person.percentage_jaar2), False, 0, on)
    )
    max_weeks = ctx.value("poortwachter.loonsanctie_max_weken", on)
    sanction = int(mul_div(ldb2 * 12, max_weeks, 52))
    posts.append(
        Post(
            "loonsanctie",
            f"Loonsanctie van {max_weeks} weken (maximaal)",
            with_lasten(sanction, inv),
            "WIA art. 25 lid 9: loondoorbetaling op het niveau van jaar 2, ten hoogste 52 weken",
        )
    )

    if inv.eigenrisicodrager_wga:
        erd = ctx.value("wia.eigenrisicodrager", on)
        # at most 10 years after the WIA start; a voluntary extension of the wachttijd is deducted
        months = erd["jaren"] * 12 - (inv.vrijwillige_verlenging_weken * 12) // 52
        until = ip.add_months(wia_start, months)
        for code in ("wga_niet_werkend", "wga_werkend"):
            if code in by_code:
                amount = _sum_between(by_code[code].fasen, WGA_SOORTEN, wia_start, until)
                posts.append(
                    Post(
                        f"eigen_risico_wga_{code}",
                        f"Eigen risico WGA tot {until} ({ip.SCENARIOS[code]})",
                        amount,
                        "Eigenrisicodrager WGA: ten hoogste 10 jaar, verlenging telt mee",
                    )
                )
        if "wga_niet_werkend" not in by_code:
            r.step("Eigen risico WGA niet berekend: " + uitkomst.niet_berekend.get("wga_niet_werkend", ""))

    if person.plaatsing_datum and person.plaatsing_loon is not None:
        nieuw = by_code["nieuwe_werkgever"]
        saved = loonkosten - _sum_between(nieuw.fasen, ("loondoorbetaling",), start, wia_start)
        posts.append(
            Post(
                "besparing_plaatsing",
                f"Besparing door plaatsing per {person.plaatsing_datum}",
                -with_lasten(saved, inv),
                "Loondoorbetaling die na de plaatsing niet meer nodig is",
            )
        )
        posts.extend(_nieuwe_werkgever(ctx, person, inv, r))

    for p in posts:
        r.step(f"{p.naam}: {euro(p.bedrag)} ({p.toelichting})")
    return {
        "posten": [
            {"code": p.code, "naam": p.naam, "bedrag_cent": p.bedrag, "toelichting": p.toelichting} for p in posts
        ],
        "wia_start": wia_start.isoformat(),
        "bon": r.as_dict(),
    }


def _nieuwe_werkgever(ctx: LawContext, person: ip.Invoer, inv: WerkgeverInvoer, r) -> list[Post]:
    """The new employer's risk if the placed employee falls ill again, with and without no-risk."""
    on = person.peil
    loon = person.plaatsing_loon or 0
    nr = ctx.value("zw.no_risk", on)
    # the new employer would owe 104 weeks of loondoorbetaling on the new wage
    ldb1 = int(ldb.per_maand(ctx, loon, person.uren_per_week_x100, ldb.legal_percentage_bp(ctx, on), True, 0, on))
    ldb2 = int(ldb.per_maand(ctx, loon, person.uren_per_week_x100, ldb.legal_percentage_bp(ctx, on), False, 0, on))
    wachttijd = ldb1 * 12 + ldb2 * 12
    # Ziektewet benefit (no-risk): 70% of the dagloon on the new wage, credited to the employer
    capped, _ = wia.dagloon(
        ctx, ip.sv_jaarloon(ctx, dataclasses.replace(person, maandloon=loon, sv_jaarloon=None), r), on
    )
    zw = int(pct_of(wia.maandloon(ctx, capped, on), bp(nr["ziekengeld_percentage"]))) * 24
    posts = [
        Post(
            "nieuwe_werkgever_zonder_no_risk",
            "Risico nieuwe werkgever bij uitval, zonder no-riskpolis",
            with_lasten(wachttijd, inv),
            "104 weken loondoorbetaling op het nieuwe loon",
        ),
        Post(
            "nieuwe_werkgever_met_no_risk",
            "Risico nieuwe werkgever bij uitval, met no-riskpolis",
            with_lasten(wachttijd, inv) - zw,
            f"ZW art. 29b: UWV betaalt {nr['ziekengeld_percentage']}% ziekengeld aan de werkgever, "
            f"bij uitval binnen {nr['jaren']} jaar na indiensttreding",
        ),
    ]
    return posts


def with_lasten(amount: int, inv: WerkgeverInvoer) -> int:
    """Add the employer's charges on wages (an input percentage)."""
    return int(pct_of(amount, 10_000 + bp(inv.werkgeverslasten_pct)))
