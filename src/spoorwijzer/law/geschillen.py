"""Questions and disputes in a reintegration (RSC 2025, bouwsteen 6): what a question can be about, which formal
route the law offers for it and what each route needs, the deskundigenoordeel's fee and decision term.

Pure law: the subjects and routes are declared once, each route with its legal basis; every amount and term is
read through ``ctx`` from a dated parameter file with its source (``uwv/deskundigenoordeel``,
``uwv/second_opinion``). Whether a question is answered well is people's judgement, recorded in the dossier.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput

# what a question or disagreement can be about (RSC 2025 bouwsteen 6; issue 13 part 1)
ONDERWERPEN: dict[str, str] = {
    "plan_van_aanpak": "Het plan van aanpak",
    "oordeel_bedrijfsarts": "Het oordeel van de bedrijfsarts",
    "routekeuze": "De routekeuze (eigen werk of ander werk)",
    "passend_werk": "Of het aangeboden werk passend is",
    "loonmaatregel": "Een loonopschorting of loonstop",
    "anders": "Iets anders",
}

# who answers a question first: the bedrijfsarts answers about its own judgement, the casemanager the rest
EERSTE_BEANTWOORDER: dict[str, str] = {
    "oordeel_bedrijfsarts": "bedrijfsarts",
}


@dataclass(frozen=True)
class Route:
    code: str
    naam: str
    grondslag: str
    url: str
    aanvragers: frozenset[str]  # werknemer | werkgever
    onderwerpen: frozenset[str]
    nodig: tuple[str, ...]  # what the request needs (documents, facts)
    uitleg: str


ROUTES: tuple[Route, ...] = (
    Route(
        "second_opinion",
        "Second opinion door een andere bedrijfsarts",
        "Arbeidsomstandighedenwet art. 14 lid 2; Arbeidsomstandighedenbesluit art. 2.14d",
        "https://zoek.officielebekendmakingen.nl/stb-2017-255.html",
        frozenset({"werknemer"}),
        frozenset({"oordeel_bedrijfsarts", "passend_werk"}),
        (
            "De naam van een bedrijfsarts buiten de eigen arbodienst",
            "Het advies van de eigen bedrijfsarts waarover de twijfel gaat",
        ),
        "Alleen de werknemer kan dit vragen. Het oordeel is een advies aan de eigen bedrijfsarts, die het "
        "gemotiveerd volgt of niet.",
    ),
    Route(
        "deskundigenoordeel",
        "Deskundigenoordeel van UWV",
        "Wet SUWI art. 32; BW 7:629a",
        "https://wetten.overheid.nl/BWBR0013060",
        frozenset({"werknemer", "werkgever"}),
        frozenset({"plan_van_aanpak", "oordeel_bedrijfsarts", "passend_werk", "loonmaatregel", "routekeuze"}),
        (
            "Probleemanalyse en plan van aanpak met bijstellingen",
            "Het advies van de bedrijfsarts over belastbaarheid en inzetbaarheid",
            "Bij passend werk: een beschrijving van het aangeboden werk",
            "Eventueel het arbeidsdeskundig onderzoek",
        ),
        "Werkgever en werknemer kunnen het vragen. Het oordeel is niet bindend, maar UWV betrekt het bij de toets "
        "van het re-integratieverslag, en een loonvordering bij de rechter vraagt erom (BW 7:629a).",
    ),
    Route(
        "mediation",
        "Mediation",
        "Geen wettelijke route: vrijwillig, op afspraak van werkgever en werknemer",
        "https://www.arboportaal.nl/onderwerpen/verschil-second-opinion-en-deskundigenoordeel",
        frozenset({"werknemer", "werkgever"}),
        frozenset(ONDERWERPEN),
        ("Instemming van beide partijen", "Een mediator die beide partijen aanvaarden"),
        "Helpt bij een verstoorde verhouding; de afspraken die eruit komen gaan in het plan van aanpak.",
    ),
)
ROUTE = {r.code: r for r in ROUTES}


def routes_voor(onderwerp: str) -> list[Route]:
    """The formal routes for a subject, in the order the page offers them."""
    if onderwerp not in ONDERWERPEN:
        raise InvalidInput(f"Onbekend onderwerp '{onderwerp}'.")
    return [r for r in ROUTES if onderwerp in r.onderwerpen]


def controleer_aanvrager(route: str, aanvrager: str) -> None:
    """A route only the law gives to one party (the second opinion: the employee) is refused to the other."""
    r = ROUTE.get(route)
    if r is None:
        raise InvalidInput(f"Onbekende route '{route}'.")
    if aanvrager not in r.aanvragers:
        wie = " of ".join(sorted(r.aanvragers))
        naam = r.naam[:1].lower() + r.naam[1:]  # "deskundigenoordeel van UWV", not "... van uwv"
        raise InvalidInput(f"Een {naam} kan alleen worden aangevraagd door de {wie} ({r.grondslag}).")


@dataclass(frozen=True)
class Voorwaarden:
    """What a formal route costs the requester and when its outcome is expected."""

    route: str
    kosten_cent: int | None  # None: no fee set by law (mediation: as agreed with the mediator, not recorded)
    verwacht_op: dt.date | None
    termijn_weken: int | None
    bron: str
    url: str
    toelichting: str


def voorwaarden(ctx: LawContext, route: str, aanvrager: str, aangevraagd_op: dt.date) -> Voorwaarden:
    """Fee and expected decision date of a route requested on ``aangevraagd_op`` (the amounts in force that day)."""
    controleer_aanvrager(route, aanvrager)
    if route == "deskundigenoordeel":
        v = ctx.version("uwv.deskundigenoordeel", aangevraagd_op)
        weken = int(v.value["beslistermijn_weken"])
        return Voorwaarden(
            route,
            int(v.value[f"kosten_{aanvrager}"]),
            aangevraagd_op + dt.timedelta(weeks=weken),
            weken,
            str(v.reference),
            v.reference.url,
            v.note,
        )
    if route == "second_opinion":
        v = ctx.version("uwv.second_opinion", aangevraagd_op)
        return Voorwaarden(
            route, int(v.value["kosten_werknemer"]), None, None, str(v.reference), v.reference.url, v.note
        )
    r = ROUTE[route]
    return Voorwaarden(route, None, None, None, r.grondslag, r.url, "Kosten en duur volgens afspraak met de mediator.")
