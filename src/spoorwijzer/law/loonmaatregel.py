"""Loonstop and loonopschorting while sick (BW 7:629 lid 3, 6 and 7), and their effect on the wage.

- Lid 3: for the time the employee (a) caused the illness on purpose, (b) hinders recovery, (c) without a
  deugdelijke grond does no passend werk he can do, (d) refuses reasonable instructions or measures towards
  passend werk, (e) refuses to cooperate on the plan van aanpak, (f) does not apply for the WIA in time, the
  employee has no right to wage: a loonstop; the wage of that time is lost.
- Lid 6: while the employee does not follow the employer's written, reasonable rules about giving the
  information the employer needs, the employer may suspend payment: a loonopschorting; the wage stays owed and
  is paid once the employee complies.
- Lid 7: the employer cannot invoke either without telling the employee without delay.

Whether there was a deugdelijke grond is people's judgement (the employer's, then UWV's deskundigenoordeel or the
court's); the software records it and computes what follows from it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spoorwijzer.law import inkomenspad as ip
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput
from spoorwijzer.law.inkomenspad import add_months, pro_rata

URL = "https://wetten.overheid.nl/BWBR0005290/2025-07-01/0#Boek7_Titeldeel10_Afdeling2_Artikel629"

LOONSTOP, OPSCHORTING = "loonstop", "opschorting"


@dataclass(frozen=True)
class Grond:
    code: str
    soort: str  # loonstop | opschorting
    naam: str
    grondslag: str


GRONDEN: tuple[Grond, ...] = (
    Grond(
        "lid3a",
        LOONSTOP,
        "Ziekte opzettelijk veroorzaakt of gebrek verzwegen bij de aanstellingskeuring",
        "BW 7:629 lid 3 onder a",
    ),
    Grond("lid3b", LOONSTOP, "Genezing belemmerd of vertraagd", "BW 7:629 lid 3 onder b"),
    Grond("lid3c", LOONSTOP, "Zonder deugdelijke grond geen passende arbeid verricht", "BW 7:629 lid 3 onder c"),
    Grond(
        "lid3d",
        LOONSTOP,
        "Weigert mee te werken aan redelijke voorschriften of maatregelen voor passende arbeid",
        "BW 7:629 lid 3 onder d",
    ),
    Grond(
        "lid3e",
        LOONSTOP,
        "Weigert mee te werken aan het plan van aanpak (opstellen, evalueren, bijstellen)",
        "BW 7:629 lid 3 onder e",
    ),
    Grond(
        "lid3f", LOONSTOP, "WIA-uitkering zonder deugdelijke grond niet tijdig aangevraagd", "BW 7:629 lid 3 onder f"
    ),
    Grond("lid6", OPSCHORTING, "Controlevoorschriften (inlichtingen over de ziekte) niet nagekomen", "BW 7:629 lid 6"),
)
GROND = {g.code: g for g in GRONDEN}
SOORT_NAAM = {LOONSTOP: "Loonstop", OPSCHORTING: "Loonopschorting"}

# how a measure ends (recorded by the employer, or following a question's outcome such as a deskundigenoordeel)
EINDE_GEVOLGEN = {
    "hervat": "De werknemer werkt weer mee: loon vanaf deze datum",
    "onterecht": "De maatregel was onterecht (bv. na een deskundigenoordeel): alle ingehouden loon wordt nabetaald",
}


@dataclass(frozen=True)
class Maatregel:
    grond: str
    van: dt.date  # first day without (paid) wage
    mededeling_op: dt.date | None  # the day the employee was told (lid 7)
    tot: dt.date | None = None  # first day with wage again (None: still running)
    gevolg: str | None = None  # how it ended: a key of EINDE_GEVOLGEN

    @property
    def soort(self) -> str:
        return GROND[self.grond].soort


def controleer(ctx: LawContext, m: Maatregel) -> None:
    """Refuses what the law does not allow: an unknown ground, no notice or a notice after the wage was already
    stopped (lid 7: told without delay, so at the latest when it takes effect), an end before the start."""
    if m.grond not in GROND:
        raise InvalidInput(f"Onbekende grond '{m.grond}' voor een loonmaatregel.")
    g = GROND[m.grond]
    if m.mededeling_op is None:
        raise InvalidInput(
            f"Een {SOORT_NAAM[g.soort].lower()} kan alleen als de werknemer onverwijld is meegedeeld dat en waarom "
            "(BW 7:629 lid 7). Vul de datum van die mededeling in."
        )
    if m.mededeling_op > m.van:
        raise InvalidInput(
            f"De mededeling aan de werknemer ({m.mededeling_op:%d-%m-%Y}) ligt na de ingangsdatum "
            f"({m.van:%d-%m-%Y}); op een maatregel die niet vooraf is meegedeeld kan de werkgever zich niet beroepen "
            "(BW 7:629 lid 7). Laat de maatregel ingaan op of na de dag van de mededeling."
        )
    if m.tot is not None and m.tot <= m.van:
        raise InvalidInput("De maatregel kan niet eindigen op of vóór de dag waarop hij inging.")
    if m.gevolg is not None and m.gevolg not in EINDE_GEVOLGEN:
        raise InvalidInput(f"Onbekend gevolg '{m.gevolg}'.")


@dataclass(frozen=True)
class Effect:
    """What one measure does to the wage up to the peildatum, in eurocent."""

    maatregel: Maatregel
    dagen: int
    niet_betaald_cent: int  # wage not paid over the days the measure ran
    vervallen_cent: int  # of which the employee lost for good (a justified loonstop)
    na_te_betalen_cent: int  # of which the employer must pay after all (opschorting ended, or found unjustified)
    opgeschort_cent: int  # of which still held back (a running opschorting)
    loopt: bool
    uitleg: str


def _loon_over(van: dt.date, tot: dt.date, loon_per_maand) -> int:
    """The monthly wage continuation over the days [van, tot), pro rata by days per calendar month (the one rule
    of the income paths). ``loon_per_maand(day)`` gives the monthly amount in force on a day (year 1 or 2)."""
    total, month = 0, dt.date(van.year, van.month, 1)
    while month < tot:
        nxt = add_months(month, 1)
        lo, hi = max(van, month), min(tot, nxt)
        # a stretch of days at one amount (the amount changes where year 2 begins)
        while lo < hi:
            amount, end = int(loon_per_maand(lo)), lo + dt.timedelta(days=1)
            while end < hi and int(loon_per_maand(end)) == amount:
                end += dt.timedelta(days=1)
            total += pro_rata(amount, lo, end, month, nxt)
            lo = end
        month = nxt
    return total


def effect(ctx: LawContext, m: Maatregel, loon_per_maand, peildatum: dt.date) -> Effect:
    """The measure's effect on the wage continuation up to and including ``peildatum``."""
    controleer(ctx, m)
    loopt = m.tot is None or m.tot > peildatum
    eind = min(m.tot, peildatum + dt.timedelta(days=1)) if m.tot else peildatum + dt.timedelta(days=1)
    eind = max(eind, m.van)
    bedrag = _loon_over(m.van, eind, loon_per_maand)
    dagen = (eind - m.van).days
    naam = SOORT_NAAM[m.soort]
    if m.gevolg == "onterecht":
        return Effect(m, dagen, bedrag, 0, bedrag, 0, False, f"{naam} was onterecht: het loon wordt nabetaald.")
    if m.soort == OPSCHORTING:
        if loopt:
            return Effect(m, dagen, bedrag, 0, 0, bedrag, True, f"{naam} loopt: het loon blijft verschuldigd.")
        return Effect(m, dagen, bedrag, 0, bedrag, 0, False, f"{naam} opgeheven: het opgeschorte loon wordt nabetaald.")
    uitleg = "Loonstop loopt: over deze dagen is geen loon verschuldigd." if loopt else "Loonstop beëindigd."
    return Effect(m, dagen, bedrag, bedrag, 0, 0, loopt, uitleg)


def inhoudingen(ctx: LawContext, maatregelen, peildatum: dt.date) -> tuple[ip.Inhouding, ...]:
    """The measures as withheld days for the income paths and the employer's costs, up to ``peildatum``:

    - a loonstop (lid 3) makes the wage of its days not owed: lost, unless it ended as unjustified ('onterecht',
      e.g. after a deskundigenoordeel or the court), when the whole withheld wage is paid on its end date;
    - a loonopschorting (lid 6) only suspends payment: the wage stays owed and is paid on the day it is lifted
      (whether the employee complied or it was unjustified); while it runs, it is held back, still owed.

    A measure still running at ``peildatum`` is counted up to and including that day: what comes after is not
    known (the paths assume the wage is paid again from the next day, and say so)."""
    out = []
    for m in maatregelen:
        controleer(ctx, m)
        loopt = m.tot is None or m.tot > peildatum + dt.timedelta(days=1)
        tot = peildatum + dt.timedelta(days=1) if loopt else m.tot
        if tot <= m.van:  # starts after the peildatum: nothing withheld yet
            continue
        naam = SOORT_NAAM[m.soort]
        omschrijving = f"{naam} ({GROND[m.grond].grondslag})" + (" (loopt nog)" if loopt else "")
        if loopt:
            out.append(ip.Inhouding(m.van, tot, m.soort, omschrijving, None, m.soort == OPSCHORTING, loopt=True))
        elif m.gevolg == "onterecht" or m.soort == OPSCHORTING:
            out.append(ip.Inhouding(m.van, tot, m.soort, omschrijving, m.tot))
        else:
            out.append(ip.Inhouding(m.van, tot, m.soort, omschrijving))
    return tuple(out)


@dataclass(frozen=True)
class Loon:
    """The monthly wage continuation a measure withholds: year 1 and year 2 amounts and the day year 2 begins, as
    the income paths compute them (interruptions of the wachttijd included)."""

    jaar1_cent: int
    jaar2_cent: int
    jaar2_vanaf: dt.date

    def per_maand(self, day: dt.date) -> int:
        return self.jaar1_cent if day < self.jaar2_vanaf else self.jaar2_cent


def loon(ctx: LawContext, inv: ip.Invoer) -> Loon:
    inv = ip.resolve(ctx, inv)
    jaar1, jaar2, _, _ = ip.loondoorbetaling_bedragen(ctx, inv, inv.peil)
    einde = ip.wachttijd(ctx, inv)
    year2 = einde.wachttijd.date_of(7 * ctx.value("bw.loondoorbetaling", inv.peil)["minimumloon_weken"])
    return Loon(int(jaar1), int(jaar2), year2)
