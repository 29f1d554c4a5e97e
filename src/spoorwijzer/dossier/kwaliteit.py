"""The employer's quality file (horizontal supervision, RSC 2025 building block 5; issue 13 part 3).

Per employer and period: its policy (preferred dates against the legal deadlines, the providers it works with
and why, its procedures), its figures and RIV-toets results per year, its supervision score, and a
self-assessment against the beoordelingskader (each item of law.toets.REGELS, answered by a person). One
JSON-ready structure that the page, the JSON export and the PDF all show, with the period and sources stated.
No rule of law here: the figures come from dossier.figuren, the score from law.toezicht, the items from law.toets.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from spoorwijzer.dossier import access, beheer, figuren, nazorg
from spoorwijzer.dossier.models import (
    Beleidsnotitie,
    Reintegratiebedrijf,
    Traject,
    Verzuimgeval,
    Werkgever,
    Werknemer,
    Zelfbeoordeling,
)
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput
from spoorwijzer.law.toets import REGELS

REGEL_BY_CODE = {r.code: r for r in REGELS}
ANTWOORD_NAAM = dict(Zelfbeoordeling.ANTWOORDEN)
MAX_TEKST = 5000

BRONNEN = [
    {
        "onderwerp": "Horizontaal toezicht en het kwaliteitsdossier",
        "bron": "RSC, 'De beste WIA-oplossingen liggen buiten de WIA' (2025), bouwsteen 5",
        "url": "https://www.register-rsc.nl",
    },
    {
        "onderwerp": "Beoordelingskader (zelfbeoordeling, RIV-toets)",
        "bron": "Beleidsregels beoordelingskader poortwachter; Regeling procesgang eerste en tweede ziektejaar",
        "url": "https://wetten.overheid.nl/BWBR0014375/2006-11-18",
    },
]


def _jaarcijfers(ctx: LawContext, werkgever: Werkgever, jaar_van: dt.date, jaar_tot: dt.date, vandaag: dt.date):
    gevallen = Verzuimgeval.objects.filter(werkgever=werkgever)
    werknemers = Werknemer.objects.filter(werkgever=werkgever)
    f = figuren.figuren(ctx, gevallen, werknemers, figuren.Periode(jaar_van, jaar_tot), vandaag)
    op_tijd = sum(r["op_tijd"] for r in f.termijnen)
    beoordeeld = sum(r["op_tijd"] + r["te_laat_gedaan"] + r["open_te_laat"] for r in f.termijnen)
    t, v, r = f.tweede_spoor, f.verzuim, f.toets
    return {
        "van": jaar_van.isoformat(),
        "tot": jaar_tot.isoformat(),
        "dossiers": f.gevallen,
        "termijnen_op_tijd": op_tijd,
        "termijnen_beoordeeld": beoordeeld,
        "aandeel_termijnen_op_tijd": op_tijd / beoordeeld if beoordeeld else None,
        "tweede_spoor": {k: t[k] for k in ("totaal", "jaar1", "zonder_zoekactiviteit", "geplaatst")},
        "verzuimpercentage": v["verzuimpercentage"],
        "meldingsfrequentie": v["meldingsfrequentie"],
        "toets": {
            "per_uitkomst": [{"uitkomst": e["naam"], "dossiers": e["dossiers"]} for e in r["per_ernst"]],
            "niet_getoetst": r["niet_getoetst"],
            "verwachte_loonsanctie_cent": r["blootstelling_cent"],
            "verwachte_loonsanctie_weken": r["blootstelling_weken"],
        },
    }


def jaren(van: dt.date, tot: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The calendar years of the period, the first and last cut to the period."""
    return [(max(van, dt.date(y, 1, 1)), min(tot, dt.date(y, 12, 31))) for y in range(van.year, tot.year + 1)]


def laatste_antwoorden(werkgever: Werkgever) -> dict[str, Zelfbeoordeling]:
    latest: dict[str, Zelfbeoordeling] = {}
    for z in werkgever.zelfbeoordelingen.select_related("vastgelegd_door").order_by("-vastgelegd_op", "-pk"):
        latest.setdefault(z.regel, z)
    return latest


def _wie(user) -> str:
    return user.get_full_name() or user.username


def kwaliteitsdossier(
    ctx: LawContext, werkgever: Werkgever, van: dt.date, tot: dt.date, vandaag: dt.date
) -> dict[str, Any]:
    """Everything in the quality file, JSON-ready (dates ISO, money in eurocent)."""
    providers = (
        Traject.objects.filter(geval__werkgever=werkgever, start__lte=tot)
        .filter(Q(einde__isnull=True) | Q(einde__gte=van))
        .values("reintegratiebedrijf_id", "reintegratiebedrijf__naam")
        .annotate(trajecten=Count("pk"))
        .order_by("-trajecten", "reintegratiebedrijf__naam")
    )
    notities = list(werkgever.beleidsnotities.select_related("vastgelegd_door"))
    reasons: dict[int, Beleidsnotitie] = {}
    for n in notities:  # newest first: the latest reason per provider
        if n.reintegratiebedrijf_id:
            reasons.setdefault(n.reintegratiebedrijf_id, n)
    antwoorden = laatste_antwoorden(werkgever)
    score = figuren.toezicht(ctx, werkgever, Werkgever.objects.filter(organisatie=werkgever.organisatie), vandaag)
    s = score["score"]
    return {
        "werkgever": {
            "naam": werkgever.naam,
            "sector": werkgever.sector or "",
            "organisatie": werkgever.organisatie.naam,
        },
        "periode": {"van": van.isoformat(), "tot": tot.isoformat()},
        "gemaakt_op": vandaag.isoformat(),
        "beleid": {
            "voorkeurstermijnen": [
                {
                    "stap": r.naam,
                    "eenheid": r.eenheid,
                    "eigen": r.waarde,
                    "standaard": r.standaard,
                    "wettelijk": r.wettelijk,
                    "bron": r.bron,
                }
                for r in beheer.beleidsregels(werkgever.organisatie, vandaag)
            ],
            "reintegratiebedrijven": [
                {
                    "naam": p["reintegratiebedrijf__naam"],
                    "trajecten_in_periode": p["trajecten"],
                    "waarom": reasons[p["reintegratiebedrijf_id"]].tekst
                    if p["reintegratiebedrijf_id"] in reasons
                    else "",
                }
                for p in providers
            ],
            "notities": [
                {
                    "soort": n.get_soort_display(),
                    "onderwerp": n.onderwerp,
                    "tekst": n.tekst,
                    "door": _wie(n.vastgelegd_door),
                    "rol": n.get_rol_display(),
                    "op": timezone.localtime(n.vastgelegd_op).date().isoformat(),
                }
                for n in notities
            ],
        },
        "cijfers_per_jaar": [_jaarcijfers(ctx, werkgever, a, b, vandaag) for a, b in jaren(van, tot)],
        "werk_dat_blijft": werk_dat_blijft(werkgever, van, tot, vandaag),
        "toezichtscore": {
            "score": s.score,
            "jaren": [{"jaar": j.jaar, "wia_instroom": j.wia_instroom, "werknemers": j.werknemers} for j in s.jaren],
            "gewichten": list(s.gewichten),
            "volgend_jaar_zonder_instroom": s.volgend_jaar_zonder_instroom,
            "vergelijking": score["vergelijking"],
            "vergelijking_aantal": score["vergelijking_aantal"],
            "sector": score["sector"],
            "grootteklasse": score["grootteklasse"],
            "bron": score["bron"],
        },
        "zelfbeoordeling": [
            {
                "regel": r.code,
                "onderdeel": r.naam,
                "grondslag": str(r.grondslag),
                "url": r.grondslag.url,
                **(
                    {
                        "antwoord": ANTWOORD_NAAM[a.antwoord],
                        "toelichting": a.toelichting,
                        "door": _wie(a.vastgelegd_door),
                        "rol": a.get_rol_display(),
                        "op": timezone.localtime(a.vastgelegd_op).date().isoformat(),
                    }
                    if (a := antwoorden.get(r.code))
                    else {"antwoord": None}
                ),
            }
            for r in REGELS
        ],
        "bronnen": [
            *BRONNEN,
            {"onderwerp": "Duurklassen verzuim", "bron": figuren_bron(ctx, tot), "url": ""},
            {"onderwerp": "Toezichtscore (gewichten)", "bron": score["bron"], "url": ""},
            {
                "onderwerp": "Werk dat blijft",
                "bron": "Spoorwijzer: de uitkomst na 6 en 12 maanden die casemanager of re-integratiebedrijf per "
                "plaatsing of terugkeer in de periode vastlegde (RSC 2025, bouwsteen 7); dezelfde telling als de "
                "pagina Cijfers",
                "url": "",
            },
            {
                "onderwerp": "Cijfers",
                "bron": "Spoorwijzer: de dossiers van deze werkgever met een eerste ziektedag in het jaar; "
                "termijnen uit het door de wet berekende schema per dossier",
                "url": "",
            },
        ],
    }


def werk_dat_blijft(werkgever: Werkgever, van: dt.date, tot: dt.date, vandaag: dt.date) -> dict[str, Any]:
    """Aftercare outcomes of the employer's placements and returns in the period, overall and per provider, and
    per year: the same count as the figures page (dossier.nazorg.duurzaamheid), cut to the period."""
    gevallen = Verzuimgeval.objects.filter(werkgever=werkgever)
    return {
        **nazorg.duurzaamheid(gevallen, vandaag, van, tot),
        "per_jaar": [
            {"van": a.isoformat(), "tot": b.isoformat(), "rijen": nazorg.duurzaamheid(gevallen, vandaag, a, b)["rijen"]}
            for a, b in jaren(van, tot)
        ],
    }


def figuren_bron(ctx: LawContext, on: dt.date) -> str:
    return str(ctx.version("verzuim.duurklassen", on).reference)


def _check_tekst(tekst: str, label: str) -> str:
    tekst = (tekst or "").strip()
    if not tekst:
        raise InvalidInput(f"{label}: vul dit in.")
    if len(tekst) > MAX_TEKST:
        raise InvalidInput(f"{label}: ten hoogste {MAX_TEKST} tekens.")
    return tekst


@transaction.atomic
def notitie_vastleggen(
    user, werkgever: Werkgever, soort: str, tekst: str, onderwerp: str = "", bedrijf: Reintegratiebedrijf | None = None
) -> Beleidsnotitie:
    if not access.mag_kwaliteitsdossier(user, werkgever, vastleggen=True):
        raise access.Geweigerd("U mag het kwaliteitsdossier van deze werkgever niet aanvullen.")
    if soort not in dict(Beleidsnotitie.SOORTEN):
        raise InvalidInput("Kies wat u vastlegt: een gekozen re-integratiebedrijf of een procedure.")
    if soort == "reintegratiebedrijf":
        if bedrijf is None:
            raise InvalidInput("Kies het re-integratiebedrijf.")
        onderwerp = bedrijf.naam
    onderwerp = _check_tekst(onderwerp, "Onderwerp")[:200]
    tekst = _check_tekst(tekst, "Waarom / beschrijving")
    return Beleidsnotitie.objects.create(
        werkgever=werkgever,
        soort=soort,
        onderwerp=onderwerp,
        reintegratiebedrijf=bedrijf if soort == "reintegratiebedrijf" else None,
        tekst=tekst,
        vastgelegd_door=user,
        rol=access.rol_van(user).rol,
    )


@transaction.atomic
def beoordeling_vastleggen(user, werkgever: Werkgever, regel: str, antwoord: str, toelichting: str) -> Zelfbeoordeling:
    if not access.mag_kwaliteitsdossier(user, werkgever, vastleggen=True):
        raise access.Geweigerd("U mag het kwaliteitsdossier van deze werkgever niet aanvullen.")
    if regel not in REGEL_BY_CODE:
        raise InvalidInput("Dit onderdeel staat niet in het beoordelingskader.")
    if antwoord not in ANTWOORD_NAAM:
        raise InvalidInput("Kies: voldoet, voldoet deels of voldoet niet.")
    toelichting = _check_tekst(toelichting, "Toelichting (hoe borgt u dit?)")
    return Zelfbeoordeling.objects.create(
        werkgever=werkgever,
        regel=regel,
        antwoord=antwoord,
        toelichting=toelichting,
        vastgelegd_door=user,
        rol=access.rol_van(user).rol,
    )
