"""A deviation from a legal deadline with a deugdelijke grond: a person's judgement, recorded, never computed.

Two sources allow a step later (or differently) than its legal deadline:

- Regeling procesgang eerste en tweede ziektejaar, art. 5 ("Afwijken van termijnen"): "Van de termijnen,
  bedoeld in artikel 2 en 4, kan door de werkgever en de werknemer gemotiveerd worden afgeweken." That covers
  the probleemanalyse (art. 2 lid 2-3), the plan van aanpak (art. 4 lid 1), its evaluations (art. 4 lid 2
  onder b) and the eerstejaarsevaluatie (art. 4 lid 2 onder b: "in ieder geval aan het einde van het eerste
  ziektejaar").
- For every other deadline the law has no such clause; WIA art. 25 lid 9 imposes a loonsanctie only when the
  employer did too little "zonder deugdelijke grond", and UWV weighs that ground in the RIV-toets
  (Beleidsregels beoordelingskader poortwachter, bijlage § 3-4).

Either way the deviation is a judgement (who, in which role, on what date, in which document) that this code
records and shows; whether the ground holds is UWV's to decide. The schedule takes it into account: a step
with a recorded deviation is shown as "afwijking met deugdelijke grond" until its new date, not as overdue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from spoorwijzer.law.errors import InvalidInput

EVENT = "afwijking_termijn"

RP = "Regeling procesgang eerste en tweede ziektejaar"
RP_URL = "https://wetten.overheid.nl/BWBR0013540"
WIA = "Wet werk en inkomen naar arbeidsvermogen"
WIA_URL = "https://wetten.overheid.nl/BWBR0019057/2024-01-01#Hoofdstuk4_Artikel25"


@dataclass(frozen=True)
class Afwijkingsgrondslag:
    """On what ground a step's deadline may be departed from, and who then judges the ground."""

    law: str
    article: str
    url: str
    wie_oordeelt: str
    kort: str  # as a line on a page cites it

    def __str__(self) -> str:
        return f"{self.law}, {self.article}"


_ART5 = Afwijkingsgrondslag(
    RP,
    "art. 5 (werkgever en werknemer wijken gemotiveerd af van de termijnen van art. 2 en 4)",
    RP_URL,
    "UWV bij de RIV-toets: of de motivering de afwijking draagt (Beleidsregels beoordelingskader poortwachter § 4)",
    "Regeling procesgang art. 5",
)
_ART25 = Afwijkingsgrondslag(
    WIA,
    "art. 25 lid 9 (een loonsanctie alleen bij onvoldoende re-integratie-inspanningen zonder deugdelijke grond)",
    WIA_URL,
    "UWV bij de RIV-toets: of de grond deugdelijk is (Beleidsregels beoordelingskader poortwachter § 3 en § 4)",
    "WIA art. 25 lid 9",
)

# the steps whose legal deadline may be departed from; the UWV's own step, the end of the wachttijd and the
# preferred-only steps (no legal deadline) are not here
AFWIJKBAAR: dict[str, Afwijkingsgrondslag] = {
    "probleemanalyse": _ART5,
    "plan_van_aanpak": _ART5,
    "evaluatie": _ART5,
    "eerstejaarsevaluatie": _ART5,
    "ziekmelding_arbodienst": _ART25,
    "melding_uwv": _ART25,
    "start_tweede_spoor": _ART25,
    "actueel_oordeel": _ART25,
    "eindevaluatie": _ART25,
    "re_integratieverslag": _ART25,
    "wia_aanvraag": _ART25,
}

# the grounds people choose from (the motivation says the rest); the employee's condition is the classic one
GRONDEN: tuple[tuple[str, str], ...] = (
    ("toestand_werknemer", "De gezondheidstoestand van de werknemer (oordeel bedrijfsarts)"),
    ("werknemer_niet_bereikbaar", "De werknemer was niet bereikbaar (opname, verblijf elders)"),
    ("onderzoek_of_behandeling", "Eerst de uitkomst van een onderzoek of behandeling nodig"),
    ("andere_vorm", "De stap gebeurt in een andere vorm (zie motivering)"),
    ("anders", "Andere grond (zie motivering)"),
)
# who gave the judgement the deviation rests on
OORDEEL_ROLLEN: tuple[tuple[str, str], ...] = (
    ("bedrijfsarts", "Bedrijfsarts"),
    ("casemanager", "Casemanager"),
    ("werkgever", "Werkgever"),
    ("werknemer", "Werknemer"),
    ("arbeidsdeskundige", "Arbeidsdeskundige"),
)


@dataclass(frozen=True)
class TermijnAfwijking:
    """One recorded deviation: which step, on what ground, the motivation, until when, and whose judgement."""

    stap: str
    vastgelegd_op: dt.date
    grond: str
    motivatie: str
    nieuwe_datum: dt.date | None
    oordeel_door: str
    oordeel_rol: str
    document: str = ""

    @property
    def grond_naam(self) -> str:
        return dict(GRONDEN).get(self.grond, self.grond)

    @property
    def rol_naam(self) -> str:
        return dict(OORDEEL_ROLLEN).get(self.oordeel_rol, self.oordeel_rol)

    @property
    def grondslag(self) -> Afwijkingsgrondslag:
        return AFWIJKBAAR[self.stap]

    def beschrijving(self) -> str:
        """One Dutch line for the step's explanation, the timeline and the RIV-toets."""
        from spoorwijzer.law.tekst import datum

        wie = f"{self.oordeel_door} ({self.rol_naam.lower()})"
        doc = f", {self.document}" if self.document else ""
        return (
            f"Afwijking: {self.motivatie.strip()} (oordeel van {wie}, {datum(self.vastgelegd_op)}{doc}; "
            f"{self.grondslag.kort})"
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "stap": self.stap,
            "vastgelegd_op": self.vastgelegd_op.isoformat(),
            "grond": self.grond,
            "motivatie": self.motivatie,
            "nieuwe_datum": self.nieuwe_datum.isoformat() if self.nieuwe_datum else None,
            "oordeel_door": self.oordeel_door,
            "oordeel_rol": self.oordeel_rol,
            "document": self.document,
            "grondslag": str(self.grondslag),
            "wie_oordeelt": self.grondslag.wie_oordeelt,
        }


def _date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InvalidInput(f"'{value}' is geen geldige datum (jjjj-mm-dd).") from None


def uit_gegevens(datum: dt.date, data: dict[str, Any]) -> TermijnAfwijking:
    """A recorded deviation from its stored fields; a Dutch error when it cannot be one."""
    stap = str(data.get("stap", ""))
    if stap not in AFWIJKBAAR:
        raise InvalidInput(
            f"Van de termijn van '{stap or '—'}' kan niet met een deugdelijke grond worden afgeweken; kies een "
            "stap met een wettelijke termijn."
        )
    motivatie = str(data.get("motivatie", "")).strip()
    door = str(data.get("oordeel_door", "")).strip()
    rol = str(data.get("oordeel_rol", ""))
    if not motivatie:
        raise InvalidInput("Een afwijking van een wettelijke termijn is alleen met een motivering mogelijk.")
    if not door or rol not in dict(OORDEEL_ROLLEN):
        raise InvalidInput("Noem wie de afwijking beoordeelde en in welke rol: het is het oordeel van een persoon.")
    grond = str(data.get("grond", ""))
    if grond not in dict(GRONDEN):
        raise InvalidInput("Kies de grond van de afwijking.")
    return TermijnAfwijking(
        stap,
        datum,
        grond,
        motivatie,
        _date(data.get("nieuwe_datum")),
        door,
        rol,
        str(data.get("document", "")).strip(),
    )


def per_stap(events: Iterable[Any]) -> dict[str, TermijnAfwijking]:
    """The deviation that stands for each step: the last one recorded (events in recorded order)."""
    result: dict[str, TermijnAfwijking] = {}
    for e in events:
        if e.code == EVENT:
            a = uit_gegevens(e.date, e.data)
            result[a.stap] = a
    return result


def controleer(a: TermijnAfwijking, uiterlijk: dt.date | None, gedaan_op: dt.date | None) -> None:
    """What a deviation must say, given the step's deadline and whether it was done: refused in Dutch otherwise."""
    if uiterlijk is None:
        raise InvalidInput("Deze stap heeft (nog) geen wettelijke termijn; een afwijking ervan is niet nodig.")
    if gedaan_op is None and a.nieuwe_datum is None:
        raise InvalidInput(
            "De stap is nog niet gedaan: vul de nieuwe datum in waarop hij alsnog gebeurt, zodat de termijn "
            "bewaakt blijft."
        )
    if a.nieuwe_datum is not None and a.nieuwe_datum <= uiterlijk:
        from spoorwijzer.law.tekst import datum

        raise InvalidInput(
            f"De nieuwe datum ({datum(a.nieuwe_datum)}) ligt niet na de uiterste datum ({datum(uiterlijk)}): "
            "dan is er geen afwijking van de termijn nodig."
        )
