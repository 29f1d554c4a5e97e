"""Aftercare after a placement with a new employer or a return to the own employer (RSC 2025 bouwsteen 7).

The anchor is read from the log (a placement in a contract or secondment with another employer; a herstel or a
trajectory that ended in work with the own employer). The check-in schedule comes from the organisation's policy
(law/opvolging), the no-riskpolis from law/nazorg; the outcome after 6 and 12 months is recorded by people and
feeds the figures (a placement that lasts is the result that counts).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q

from spoorwijzer.dossier.models import Gebeurtenis, Verzuimgeval
from spoorwijzer.dossier.vragen import opvolgbeleid
from spoorwijzer.law import nazorg as law_nazorg
from spoorwijzer.law import opvolging
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.inkomenspad import add_months

ANDERE_WERKGEVER = ("contract", "detachering")  # a placement that is a job with another employer
AAN_HET_WERK = ("werkt", "werkt_elders")


@dataclass(frozen=True)
class Anker:
    soort: str  # plaatsing | terugkeer
    datum: dt.date
    werkgever: str

    @property
    def naam(self) -> str:
        if self.soort == "plaatsing":
            return f"Plaatsing bij {self.werkgever}"
        return "Terugkeer bij de eigen werkgever"


def anker(events: list[Gebeurtenis]) -> Anker | None:
    """The latest placement or return the aftercare follows, or None."""
    found: Anker | None = None
    for e in sorted(events, key=lambda e: (e.datum, e.pk or 0)):
        if e.code == "plaatsing" and e.data.get("soort") in ANDERE_WERKGEVER:
            found = Anker("plaatsing", e.datum, str(e.data.get("werkgever", "")))
        elif e.code == "herstelmelding" or (
            e.code == "einde_tweede_spoor" and e.data.get("uitkomst") == "eigen_werkgever"
        ):
            found = Anker("terugkeer", e.datum, "")
    return found


@dataclass
class Nazorg:
    anker: Anker
    momenten: list[dict] = field(default_factory=list)
    contacten: list[Gebeurtenis] = field(default_factory=list)
    signalen: list[Gebeurtenis] = field(default_factory=list)
    uitkomsten: dict[int, Gebeurtenis] = field(default_factory=dict)
    no_risk: law_nazorg.NoRisk | None = None
    no_risk_gegevens: Gebeurtenis | None = None
    beleid: opvolging.Opvolgbeleid | None = None


def nazorg(geval: Verzuimgeval, events: list[Gebeurtenis], vandaag: dt.date) -> Nazorg | None:
    a = anker(events)
    if a is None:
        return None
    beleid = opvolgbeleid(geval)
    contacten = [e for e in events if e.code == "nazorg" and e.datum >= a.datum]
    uitkomsten = {int(e.data["na_maanden"]): e for e in events if e.code == "nazorg_uitkomst" and e.datum >= a.datum}
    half = dt.timedelta(weeks=beleid.nazorg_interval_weken) / 2
    momenten = []
    for m in opvolging.nazorg_momenten(a.datum, beleid):
        if m.soort == "uitkomst":
            gedaan = uitkomsten.get(m.na_maanden)
        else:
            gedaan = next((c for c in contacten if m.datum - half <= c.datum < m.datum + half), None)
        status = "gedaan" if gedaan else ("te_laat" if m.datum < vandaag else "open")
        momenten.append({"moment": m, "gedaan": gedaan, "status": status})
    result = Nazorg(
        a,
        momenten,
        contacten,
        [c for c in contacten if c.data.get("signaal") not in (None, "", "geen")],
        uitkomsten,
        beleid=beleid,
    )
    gegevens = [e for e in events if e.code == "no_risk_gegevens"]
    if a.soort == "plaatsing" and gegevens:
        g = gegevens[-1]
        result.no_risk_gegevens = g
        beoordeeld = g.data.get("beoordeeld_op")
        result.no_risk = law_nazorg.no_risk(
            LawContext.baseline(),
            str(g.data["doelgroep"]),
            dt.date.fromisoformat(g.data["in_dienst"]),
            dt.date.fromisoformat(beoordeeld) if beoordeeld else None,
            max(vandaag, dt.date.fromisoformat(g.data["in_dienst"])),
        )
    return result


def duurzaamheid(gevallen, vandaag: dt.date) -> list[dict]:
    """Placements and returns that last, per measuring point (6 and 12 months): how many were measured, how many
    are at work, and how many are due but not measured (so a missing measurement never counts as success)."""
    beleid = opvolging.standaard()
    ids = list(gevallen.values_list("pk", flat=True))
    rows = Gebeurtenis.objects.filter(
        Q(code__in=("plaatsing", "herstelmelding", "einde_tweede_spoor", "nazorg_uitkomst")),
        geval_id__in=ids,
        vervangen_door__isnull=True,
    ).order_by("datum", "pk")
    per_geval: dict[int, list[Gebeurtenis]] = {}
    for e in rows:
        per_geval.setdefault(e.geval_id, []).append(e)
    out = []
    for maanden in beleid.uitkomst_na_maanden:
        gemeten = aan_het_werk = ontbreekt = 0
        for events in per_geval.values():
            a = anker(events)
            if a is None:
                continue
            uitkomst = next(
                (
                    e
                    for e in events
                    if e.code == "nazorg_uitkomst" and e.datum >= a.datum and int(e.data["na_maanden"]) == maanden
                ),
                None,
            )
            if uitkomst is not None:
                gemeten += 1
                aan_het_werk += uitkomst.data.get("status") in AAN_HET_WERK
            elif add_months(a.datum, maanden) <= vandaag:
                ontbreekt += 1
        out.append(
            {
                "na_maanden": maanden,
                "gemeten": gemeten,
                "aan_het_werk": aan_het_werk,
                "ontbreekt": ontbreekt,
                "percentage": round(100 * aan_het_werk / gemeten) if gemeten else None,
            }
        )
    return out
