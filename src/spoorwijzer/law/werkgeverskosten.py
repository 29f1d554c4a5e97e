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
from spoorwijzer.law.poortwachter import loonsanctie_einde
from spoorwijzer.law.tekst import datum

WGA_SOORTEN = ("wga_lgu", "wga_lau", "wga_vvu")


@dataclass(frozen=True)
class WerkgeverInvoer:
    persoon: ip.Invoer  # its wachttijd (periods, vrijwillige verlenging, loonsanctie) is the schedule's
    # employer charges on wages (pension, premiums): an input, not law; None: not filled in (counted as none)
    werkgeverslasten_pct: float | None = None
    eigenrisicodrager_wga: bool = False


@dataclass
class Post:
    code: str
    naam: str
    bedrag: int
    toelichting: str
    tot: dt.date | None = None  # the last day the post runs (eigen risico WGA)


# scenarios in which the employee is sick until the end of the wachttijd: their wage continuation is the employer's
ZIEK_TOT_EINDE_WACHTTIJD = ("35_minner_zonder_werk", "iva", "wga_niet_werkend", "wga_werkend")


def _sum_between(phases: list[ip.Phase], soorten, lo: dt.date, hi: dt.date) -> int:
    """Amount paid in [lo, hi) by phases of the given kinds: each calendar month pro rata by days (``ip.pro_rata``)."""
    total = 0
    month = dt.date(lo.year, lo.month, 1)
    while month < hi:
        nxt = ip.add_months(month, 1)
        for p in phases:
            if p.soort in soorten:
                total += ip.pro_rata(p.bedrag, max(month, p.start, lo), min(nxt, p.end, hi), month, nxt)
        month = nxt
    return total


def bereken(ctx: LawContext, inv: WerkgeverInvoer) -> dict[str, Any]:
    if inv.werkgeverslasten_pct is not None and not 0 <= inv.werkgeverslasten_pct <= 100:
        raise InvalidInput("Het percentage werkgeverslasten moet tussen 0 en 100 liggen.")
    person = inv.persoon
    if inv.eigenrisicodrager_wga:  # the income path must reach the end of the eigen risico (and a loonsanctie)
        erd = ctx.value("wia.eigenrisicodrager", person.peil)
        sanction = -(-ctx.value("poortwachter.loonsanctie_max_weken", person.peil) * 12 // 52)
        person = dataclasses.replace(
            person, maanden=max(person.maanden, 12 * erd["max_jaren_met_verlenging"] + sanction + 1)
        )
    uitkomst = ip.bereken(ctx, person)
    person = ip.resolve(ctx, person)
    r = uitkomst.receipt
    on = person.peil
    by_code = {s.code: s for s in uitkomst.scenarios}
    start = person.eerste_ziektedag
    einde = uitkomst.wachttijd
    after_wachttijd = einde.einde_wachttijd + dt.timedelta(days=1)
    wia_start = einde.wia_start
    posts: list[Post] = []

    # the wage continuation of the whole wachttijd is the same in every scenario that stays sick to its end; take
    # the first one computed (a scenario can be left out when an amount it needs is not on file for its dates)
    ziek = next((by_code[c] for c in ZIEK_TOT_EINDE_WACHTTIJD if c in by_code), None)
    if ziek is None:
        redenen = "; ".join(uitkomst.niet_berekend.get(c, "") for c in ZIEK_TOT_EINDE_WACHTTIJD)
        raise InvalidInput(f"De loonkosten over de wachttijd zijn niet te berekenen: {redenen}")
    # a loonstop's days are not paid; an opschorting's wage stays owed (back pay, or still held back)
    loonkosten = _sum_between(ziek.fasen, ("loondoorbetaling",), start, after_wachttijd) + _nog_verschuldigd(ziek)
    weeks = (einde.end_offset + 1) // 7
    posts.append(
        Post(
            "loondoorbetaling_104_weken",
            f"Loondoorbetaling gedurende de wachttijd ({weeks} weken)",
            with_lasten(loonkosten, inv),
            f"BW 7:629; tot en met {datum(einde.einde_wachttijd)}; "
            + (
                f"inclusief {inv.werkgeverslasten_pct:g}% werkgeverslasten"
                if inv.werkgeverslasten_pct is not None
                else "zonder werkgeverslasten (percentage niet ingevuld)"
            )
            + (
                "; minus de dagen van een loonstop (zie hieronder)"
                if any(i.vervallen for i in ziek.inhoudingen)
                else ""
            ),
            einde.einde_wachttijd,
        )
    )
    posts += [_inhouding_post(i, inv) for i in ziek.inhoudingen]
    posts.append(_loonsanctie(ctx, person, inv, einde, ziek.fasen))

    if inv.eigenrisicodrager_wga:
        erd = ctx.value("wia.eigenrisicodrager", on)
        # at most N years of WGA after the wachttijd; a voluntary extension is deducted (UWV: together at most
        # 'max_jaren_met_verlenging' years); the years run from the end of the statutory wachttijd
        verlenging = dt.timedelta(weeks=person.vrijwillige_verlenging_weken)
        until = ip.add_months(after_wachttijd, erd["jaren"] * 12) - verlenging - dt.timedelta(days=1)
        for code in ("wga_niet_werkend", "wga_werkend"):
            if code in by_code:
                amount = _sum_between(by_code[code].fasen, WGA_SOORTEN, wia_start, until + dt.timedelta(days=1))
                posts.append(
                    Post(
                        f"eigen_risico_wga_{code}",
                        f"Eigen risico WGA tot en met {datum(until)} ({ip.SCENARIOS[code]})",
                        amount,
                        f"Eigenrisicodrager WGA: ten hoogste {erd['jaren']} jaar, vrijwillige verlenging "
                        f"({person.vrijwillige_verlenging_weken} weken) gaat eraf",
                        until,
                    )
                )
        if "wga_niet_werkend" not in by_code:
            r.step("Eigen risico WGA niet berekend: " + uitkomst.niet_berekend.get("wga_niet_werkend", ""))

    if person.plaatsing_datum and person.plaatsing_loon is not None:
        nieuw = by_code["nieuwe_werkgever"]
        saved = loonkosten - (
            _sum_between(nieuw.fasen, ("loondoorbetaling",), start, after_wachttijd) + _nog_verschuldigd(nieuw)
        )
        posts.append(
            Post(
                "besparing_plaatsing",
                f"Besparing door plaatsing per {datum(person.plaatsing_datum)}",
                -with_lasten(saved, inv),
                "Loondoorbetaling die na de plaatsing niet meer nodig is",
            )
        )
        posts.extend(_nieuwe_werkgever(ctx, person, inv, r))

    for p in posts:
        r.step(f"{p.naam}: {euro(p.bedrag)} ({p.toelichting})")
    return {
        "posten": [
            {
                "code": p.code,
                "naam": p.naam,
                "bedrag_cent": p.bedrag,
                "toelichting": p.toelichting,
                "tot": p.tot.isoformat() if p.tot else None,
            }
            for p in posts
        ],
        "einde_wachttijd": einde.einde_wachttijd.isoformat(),
        "wia_start": wia_start.isoformat(),
        "bon": r.as_dict(),
    }


def _nog_verschuldigd(s: ip.Scenario) -> int:
    """The withheld wage the employer pays after all: back pay, and what a running opschorting still holds back."""
    return sum(i.nabetaald + i.opgeschort for i in s.inhoudingen)


def _inhouding_post(i: ip.Inhoudingseffect, inv: WerkgeverInvoer) -> Post:
    """One loonstop or loonopschorting as a post: a loonstop that stands saves its days' wage (negative); an
    opschorting, or a loonstop found unjustified, only moves the payment (back pay, included in the wage post)."""
    h = i.inhouding
    periode = f"van {datum(h.van)} tot en met {datum(h.tot - dt.timedelta(days=1))} ({i.dagen} dagen)"
    niet = euro(with_lasten(i.niet_betaald, inv))
    if i.vervallen:
        return Post(
            f"inhouding_{h.van.isoformat()}",
            f"{h.omschrijving} {periode}",
            -with_lasten(i.vervallen, inv),
            f"BW 7:629 lid 3: geen recht op loon over deze dagen; {niet} niet betaald en niet verschuldigd",
            h.tot - dt.timedelta(days=1),
        )
    if i.nabetaald:
        uitleg = f"{niet} eerst niet betaald, nabetaald op {datum(h.nabetaald_op)} (in de loondoorbetaling hierboven)"
    else:
        uitleg = (
            f"{niet} opgeschort: blijft verschuldigd en wordt nabetaald zodra de maatregel eindigt (BW 7:629 lid 6)"
        )
    return Post(
        f"inhouding_{h.van.isoformat()}", f"{h.omschrijving} {periode}", 0, uitleg, h.tot - dt.timedelta(days=1)
    )


def _loonsanctie(ctx: LawContext, person: ip.Invoer, inv: WerkgeverInvoer, einde, fasen) -> Post:
    """The loonsanctie priced by days like the wage continuation: the one imposed (its days after the
    wachttijd, as the schedule computes them), or else what the maximum would cost."""
    after = einde.einde_wachttijd + dt.timedelta(days=1)
    maximum = ctx.value("poortwachter.loonsanctie_max_weken", einde.einde_wachttijd)
    if einde.loonsanctie_tot is not None:
        cost = _sum_between(fasen, ("loondoorbetaling",), after, einde.wia_start)
        return Post(
            "loonsanctie",
            f"Loonsanctie van {person.loonsanctie_weken} weken, tot en met {datum(einde.loonsanctie_tot)}",
            with_lasten(cost, inv),
            f"WIA art. 25 lid 9: loondoorbetaling op het niveau van jaar 2, ten hoogste {maximum} weken",
            einde.loonsanctie_tot,
        )
    on = person.peil
    ldb2 = int(
        ldb.per_maand(ctx, person.maandloon, person.uren_per_week_x100, bp(person.percentage_jaar2), False, 0, on)
    )
    until = loonsanctie_einde(ctx, einde.einde_wachttijd, None, maximum)
    hypothetical = [ip.Phase("loondoorbetaling", after, until + dt.timedelta(days=1), ldb2, "")]
    cost = _sum_between(hypothetical, ("loondoorbetaling",), after, until + dt.timedelta(days=1))
    return Post(
        "loonsanctie",
        f"Loonsanctie van {maximum} weken (maximaal)",
        with_lasten(cost, inv),
        f"WIA art. 25 lid 9: loondoorbetaling op het niveau van jaar 2, ten hoogste {maximum} weken "
        f"(als UWV die oplegt: tot en met {datum(until)})",
        until,
    )


def _nieuwe_werkgever(ctx: LawContext, person: ip.Invoer, inv: WerkgeverInvoer, r) -> list[Post]:
    """The new employer's risk if the placed employee falls ill again, with and without no-risk."""
    on = person.peil
    loon = person.plaatsing_loon or 0
    nr = ctx.value("zw.no_risk", on)
    weeks = ctx.value("poortwachter.wachttijd_weken", on)
    year1 = ctx.value("bw.loondoorbetaling", on)["minimumloon_weken"]
    # the new employer would owe the wachttijd's loondoorbetaling on the new wage (year 1 with the minimum-wage floor)
    ldb1 = int(ldb.per_maand(ctx, loon, person.uren_per_week_x100, ldb.legal_percentage_bp(ctx, on), True, 0, on))
    ldb2 = int(ldb.per_maand(ctx, loon, person.uren_per_week_x100, ldb.legal_percentage_bp(ctx, on), False, 0, on))
    wachttijd = int(mul_div(ldb1 * 12, year1, 52) + mul_div(ldb2 * 12, weeks - year1, 52))
    # Ziektewet benefit (no-risk): the percentage of the dagloon on the new wage, for at most the ZW's weeks,
    # credited to the employer
    capped, _ = wia.dagloon(
        ctx, ip.sv_jaarloon(ctx, dataclasses.replace(person, maandloon=loon, sv_jaarloon=None), r), on
    )
    zw_month = int(pct_of(wia.maandloon(ctx, capped, on), bp(nr["ziekengeld_percentage"])))
    zw = int(mul_div(zw_month * 12, min(nr["ziekengeld_weken"], weeks), 52))
    posts = [
        Post(
            "nieuwe_werkgever_zonder_no_risk",
            "Risico nieuwe werkgever bij uitval, zonder no-riskpolis",
            with_lasten(wachttijd, inv),
            f"{weeks} weken loondoorbetaling op het nieuwe loon",
        ),
        Post(
            "nieuwe_werkgever_met_no_risk",
            "Risico nieuwe werkgever bij uitval, met no-riskpolis",
            # the benefit offsets what the employer pays; it is no profit. The ZW dagloon includes the holiday
            # allowance and the wage continuation above leaves it out, so under the cap the benefit can exceed it
            max(0, with_lasten(wachttijd, inv) - zw),
            f"ZW art. 29b: UWV betaalt {nr['ziekengeld_percentage']}% ziekengeld aan de werkgever, "
            f"bij uitval binnen {nr['jaren']} jaar na indiensttreding"
            + ("; het ziekengeld dekt de loondoorbetaling hier helemaal" if with_lasten(wachttijd, inv) <= zw else ""),
        ),
    ]
    return posts


def with_lasten(amount: int, inv: WerkgeverInvoer) -> int:
    """Add the employer's charges on wages (an input percentage)."""
    return int(pct_of(amount, 10_000 + bp(inv.werkgeverslasten_pct or 0)))
