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

from spoorwijzer.dossier.catalogus import NAZORG_UITKOMSTEN
from spoorwijzer.dossier.figuren import KLEINE_GROEP
from spoorwijzer.dossier.models import Gebeurtenis, Traject, Verzuimgeval
from spoorwijzer.dossier.vragen import opvolgbeleid
from spoorwijzer.law import nazorg as law_nazorg
from spoorwijzer.law import opvolging
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.inkomenspad import add_months

ANDERE_WERKGEVER = ("contract", "detachering")  # a placement that is a job with another employer
AAN_HET_WERK = ("werkt", "werkt_elders")
NAAM = dict(NAZORG_UITKOMSTEN)


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


ZONDER_BUREAU = "Zonder re-integratiebedrijf"


def _bureau(trajecten: list[dict], op: dt.date) -> str:
    """The provider the result counts for: the latest trajectory that had begun on the anchor's day and had not
    ended before it (a placement within a trajectory, or its end with work). A return without a running
    trajectory (recovery in track 1, or after a trajectory ended without result) counts for nobody."""
    lopend = [t for t in trajecten if t["start"] <= op and (t["einde"] is None or t["einde"] >= op)]
    if not lopend:
        return ZONDER_BUREAU
    return max(lopend, key=lambda t: (t["start"], t["pk"]))["reintegratiebedrijf__naam"]


def _rijen(uitkomsten: list[tuple[Anker, dict[int, str]]], maanden: tuple[int, ...], vandaag: dt.date) -> list[dict]:
    out = []
    for m in maanden:
        per_status = {code: 0 for code, _ in NAZORG_UITKOMSTEN}
        gemeten = ontbreekt = 0
        for a, gemeten_op in uitkomsten:
            status = gemeten_op.get(m)
            if status is not None:
                gemeten += 1
                if status in per_status:
                    per_status[status] += 1
            elif add_months(a.datum, m) <= vandaag:
                ontbreekt += 1
        aan_het_werk = sum(per_status.get(s, 0) for s in AAN_HET_WERK)
        out.append(
            {
                "na_maanden": m,
                "gemeten": gemeten,
                "aan_het_werk": aan_het_werk,
                "per_status": per_status,
                "uitsplitsing": {
                    "aan_het_werk": [
                        {"status": c, "naam": NAAM[c], "aantal": n} for c, n in per_status.items() if c in AAN_HET_WERK
                    ],
                    "niet_aan_het_werk": [
                        {"status": c, "naam": NAAM[c], "aantal": n}
                        for c, n in per_status.items()
                        if c not in AAN_HET_WERK
                    ],
                },
                "niet_aan_het_werk": gemeten - aan_het_werk,
                "ontbreekt": ontbreekt,
                "percentage": round(100 * aan_het_werk / gemeten) if gemeten else None,
                "kleine_groep": gemeten < KLEINE_GROEP,
            }
        )
    return out


def duurzaamheid(gevallen, vandaag: dt.date, van: dt.date | None = None, tot: dt.date | None = None) -> dict:
    """Placements and returns that last, per measuring point (6 and 12 months), overall and per
    re-integratiebedrijf: how many were measured, how many are still at work, what became of the others (left,
    ill again), and how many are due but not measured (so a missing measurement never counts as success). Each
    row says whether it rests on a small group (fewer than figuren.KLEINE_GROEP measured). With ``van``/``tot``
    only the placements and returns of that period count. The one definition behind the figures page and the
    employer's quality file."""
    beleid = opvolging.standaard()
    ids = gevallen.values("pk")
    rows = Gebeurtenis.objects.filter(
        Q(code__in=("plaatsing", "herstelmelding", "einde_tweede_spoor", "nazorg_uitkomst")),
        geval_id__in=ids,
        vervangen_door__isnull=True,
    ).order_by("datum", "pk")
    per_geval: dict[int, list[Gebeurtenis]] = {}
    for e in rows:
        per_geval.setdefault(e.geval_id, []).append(e)
    ankers: dict[int, Anker] = {}
    for geval_id, events in per_geval.items():
        a = anker(events)
        if a is not None and (van is None or a.datum >= van) and (tot is None or a.datum <= tot):
            ankers[geval_id] = a
    trajecten: dict[int, list[dict]] = {}
    for t in (
        Traject.objects.filter(geval_id__in=list(ankers))
        .filter(Q(gebeurtenis__isnull=True) | Q(gebeurtenis__vervangen_door__isnull=True))
        .values("pk", "geval_id", "start", "einde", "reintegratiebedrijf__naam")
    ):
        trajecten.setdefault(t["geval_id"], []).append(t)
    alle: list[tuple[Anker, dict[int, str]]] = []
    per_bureau: dict[str, list[tuple[Anker, dict[int, str]]]] = {}
    for geval_id, a in ankers.items():
        gemeten_op: dict[int, str] = {}
        for e in per_geval[geval_id]:  # in date order: a later measurement of the same point counts
            if e.code == "nazorg_uitkomst" and e.datum >= a.datum:
                gemeten_op[int(e.data["na_maanden"])] = str(e.data.get("status"))
        alle.append((a, gemeten_op))
        per_bureau.setdefault(_bureau(trajecten.get(geval_id, []), a.datum), []).append((a, gemeten_op))
    maanden = tuple(beleid.uitkomst_na_maanden)
    return {
        "ankers": len(alle),
        "rijen": _rijen(alle, maanden, vandaag),
        "per_bureau": [
            {"naam": naam, "ankers": len(lijst), "rijen": _rijen(lijst, maanden, vandaag)}
            for naam, lijst in sorted(per_bureau.items(), key=lambda kv: (kv[0] == ZONDER_BUREAU, -len(kv[1]), kv[0]))
        ],
        "statussen": dict(NAZORG_UITKOMSTEN),
        "kleine_groep_onder": KLEINE_GROEP,
    }
