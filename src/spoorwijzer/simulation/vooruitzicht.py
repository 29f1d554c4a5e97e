"""The track-2 outlook for one employee: the chances of each outcome from published figures, as a range
with its source and the size of the group it comes from; never a single confident number.

The published groups are small (the UWV dossier study read 100 dossiers), so each chance is a 95% interval:
the one the source itself states where it states one (2-12% for a new employer over all 100 dossiers), else a
Wilson interval on the group's own count. Where the source does not split by a fact of the case (job search,
start week), the outlook says so instead of inventing a split; the effect of a late start is shown as
the microsimulation's estimate under its stated assumptions, labelled as a model estimate.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from spoorwijzer.law.context import LawContext
from spoorwijzer.simulation.model import S, baseline_context

Z95 = 1.959964


def wilson(successes: int, n: int) -> tuple[float, float]:
    """95% Wilson score interval for a share of successes in n (honest also at 0 and n, and for small n)."""
    if n <= 0:
        return (0.0, 1.0)
    p = successes / n
    denom = 1 + Z95**2 / n
    centre = (p + Z95**2 / (2 * n)) / denom
    half = Z95 * math.sqrt(p * (1 - p) / n + Z95**2 / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


@dataclass(frozen=True)
class Kans:
    uitkomst: str
    aantal: int  # cases with this outcome in the group
    groep: int  # size of the group
    groep_omschrijving: str
    bron: str
    url: str
    gepubliceerd: tuple[float, float] | None = None  # the source's own 95% interval, where it states one

    @property
    def aantal_nl(self) -> str:
        """The count with a thousands point, as the group beside it is written ("11.286 van alle 59.400")."""
        return f"{self.aantal:,}".replace(",", ".")

    @property
    def bereik(self) -> tuple[float, float]:
        return self.gepubliceerd or wilson(self.aantal, self.groep)

    def as_dict(self) -> dict:
        lo, hi = self.bereik
        return {**self.__dict__, "van": lo, "tot": hi}


@dataclass(frozen=True)
class Vooruitzicht:
    kansen: list[Kans]
    wia_uitkomst: list[Kans]
    kanttekeningen: list[str]


def vooruitzicht(
    leeftijd: int | None,
    tweede_spoor_gestart: bool,
    zoekactiviteit: bool | None = None,
    peildatum: dt.date = dt.date(2026, 1, 1),
    ctx: LawContext | None = None,
) -> Vooruitzicht:
    ctx = ctx or baseline_context()
    k = S + "kalibratie."
    omvang = ctx.value(k + "dossieronderzoek_omvang", peildatum)
    uitkomst = ctx.value(k + "tweede_spoor_uitkomst", peildatum)
    version = ctx.version(k + "tweede_spoor_uitkomst", peildatum)
    bron, url = str(version.reference), version.reference.url
    n = omvang["dossiers"]
    placed = round(uitkomst["nieuwe_werkgever"] * n / 100)
    notes: list[str] = []
    if leeftijd is not None and leeftijd >= 60:
        groep, geplaatst = omvang["zestig_plus"], omvang["geplaatst_zestig_plus"]
        omschrijving = f"de {groep} werknemers van 60 jaar of ouder in het onderzoek"
    elif leeftijd is not None:
        groep, geplaatst = n - omvang["zestig_plus"], placed - omvang["geplaatst_zestig_plus"]
        omschrijving = f"de {groep} werknemers jonger dan 60 in het onderzoek"
    else:
        groep, geplaatst = n, placed
        omschrijving = f"alle {n} dossiers van het onderzoek (leeftijd onbekend)"
        notes.append("De leeftijd is niet bekend: de kans geldt voor de hele groep, jong en oud samen.")
    gepubliceerd = None
    if groep == n:  # the source's interval is for all its dossiers, not for an age group
        iv = ctx.value(k + "nieuwe_werkgever_interval", peildatum)
        gepubliceerd = (iv["van"] / 100, iv["tot"] / 100)
    kansen = [
        Kans("Nieuwe werkgever bij de WIA-beoordeling", geplaatst, groep, omschrijving, bron, url, gepubliceerd),
        Kans(
            "Passend werk bij de eigen werkgever",
            round(uitkomst["eigen_werkgever"] * n / 100),
            n,
            f"alle {n} dossiers (de bron splitst dit niet naar leeftijd)",
            bron,
            url,
        ),
        Kans("Geen passend werk", round(uitkomst["geen"] * n / 100), n, f"alle {n} dossiers", bron, url),
    ]
    if not tweede_spoor_gestart:
        notes.append("Er is nog geen tweede spoor gestart: de kansen gelden voor werknemers mét een traject.")
    if zoekactiviteit is False:
        notes.append(
            f"Er is nog geen werkzoekactiviteit vastgelegd. In het onderzoek deed "
            f"{ctx.value(k + 'geen_zoekactiviteit', peildatum)}% niets; de bron splitst de uitkomst niet naar "
            "zoekactiviteit, maar zonder zoeken volgt geen plaatsing."
        )
    notes.append(
        f"Het onderzoek telde {n} dossiers: de bereiken zijn daarom breed. Een late start verkleint de kans volgens "
        "de bronnen; hoeveel, is alleen onder aannames te schatten (de simulatie van hervormingen doet dat)."
    )
    shares = ctx.value(k + "wia_uitkomst", peildatum)
    total = int(ctx.value(k + "wia_beoordelingen_aantal", peildatum))
    wv = ctx.version(k + "wia_uitkomst", peildatum)
    labels = {
        "iva": "IVA",
        "wga_80_100": "WGA 80-100%",
        "wga_35_80": "WGA 35-80%",
        "afgewezen": "Geen WIA (minder dan 35%)",
    }
    wia = [
        Kans(
            label,
            round(shares[code] * total / 100),
            total,
            f"alle {total:,} WIA-beoordelingen van 2018".replace(",", "."),
            str(wv.reference),
            wv.reference.url,
        )
        for code, label in labels.items()
    ]
    return Vooruitzicht(kansen, wia, notes)
