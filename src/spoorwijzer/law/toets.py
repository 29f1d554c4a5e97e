"""The RIV-toets: UWV's check of the re-integration efforts before the WIA, done in advance.

Before UWV assesses a WIA claim it reads the re-integratieverslag (RIV) and judges whether employer
and employee did enough (WIA art. 25 and 65). The criteria are UWV's Beleidsregels beoordelingskader
poortwachter (BWBR0014375) and the contents the Regeling procesgang eerste en tweede ziektejaar
(BWBR0013540) prescribes; UWV's Werkwijzer Poortwachter works them out.

Each rule is declared once in ``REGELS`` with its legal basis; ``toets()`` evaluates all of them on
one dossier's facts (:class:`ToetsFeiten`) and returns typed findings (:class:`Bevinding`) and the
outcome (:class:`ToetsUitkomst`). Deadlines come from the one schedule (``law.poortwachter``); this
module never computes a deadline itself. Where UWV judges (adequacy of interventions, breadth of the
zoekprofiel, absence of benutbare mogelijkheden), the toets reads the recorded judgement of a person
(:class:`Oordeel`: who, role, when, document) and, when none is recorded, says who must judge.

Verdicts: ``in_orde``, ``risico`` (UWV may find fault; a person must judge or act), ``tekortkoming``
(UWV will find fault: a loonsanctie can follow), ``niet_van_toepassing`` (not required, or not yet due).

The expected loonsanctie is an estimate, stated as such: a sanction lasts until the shortcoming is
repaired plus the weeks after UWV establishes the repair (WIA art. 25 lid 14), never more than the
maximum (art. 25 lid 9). The repair of each shortcoming takes as long as the effort that was missed
(a trajectory started ten weeks late needs ten more weeks); a missing document takes the one week UWV
gives to supply it (Beleidsregels § 5). Repairs run side by side, so the longest one counts.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spoorwijzer.law import loondoorbetaling as ldb
from spoorwijzer.law import money, tekst
from spoorwijzer.law import poortwachter as pw
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput, ParameterNotCovered
from spoorwijzer.law.money import bp, mul_div
from spoorwijzer.law.receipt import Receipt
from spoorwijzer.law.vroegst import vroegste_datum
from spoorwijzer.law.weeks import SickPeriod

B = "beoordelingskader."
P = pw.P

# --- verdicts -----------------------------------------------------------------------------------

IN_ORDE, RISICO, TEKORTKOMING, NVT = "in_orde", "risico", "tekortkoming", "niet_van_toepassing"
OORDELEN = (IN_ORDE, RISICO, TEKORTKOMING, NVT)
OORDEEL_NAAM = {
    IN_ORDE: "in orde",
    RISICO: "risico",
    TEKORTKOMING: "tekortkoming",
    NVT: "niet van toepassing",
}
# how bad a verdict is; the dashboard stores the worst one per case
ERNST = {NVT: 0, IN_ORDE: 0, RISICO: 1, TEKORTKOMING: 2}
ERNST_NAAM = {0: "geen risico", 1: "risico", 2: "tekortkoming"}


# --- legal bases --------------------------------------------------------------------------------

BR = "Beleidsregels beoordelingskader poortwachter"
BR_URL = "https://wetten.overheid.nl/BWBR0014375/2006-11-18"
RP = "Regeling procesgang eerste en tweede ziektejaar"
RP_URL = "https://wetten.overheid.nl/BWBR0013540"
WWP = "UWV Werkwijzer Poortwachter"
WWP_URL = "https://www.uwv.nl/werkgevers/images/werkwijzer-poortwachter.pdf"
WIA_URL = "https://wetten.overheid.nl/BWBR0019057/2024-01-01#Hoofdstuk4_Artikel25"
RSC = "RSC, 'De beste WIA-oplossingen liggen buiten de WIA' (2025)"
RSC_URL = "https://www.register-rsc.nl"


@dataclass(frozen=True)
class Grondslag:
    regeling: str
    artikel: str
    url: str

    def __str__(self) -> str:
        return f"{self.regeling}, {self.artikel}"

    def as_dict(self) -> dict[str, str]:
        return {"regeling": self.regeling, "artikel": self.artikel, "url": self.url}


@dataclass(frozen=True)
class Regel:
    """One rule of the toets: what it checks, its basis, and the dossier entry that repairs it."""

    code: str
    naam: str
    grondslag: Grondslag
    herstel_stap: str | None  # the event code whose form repairs a finding (the dossier links to it)


REGELS: tuple[Regel, ...] = (
    Regel(
        "probleemanalyse",
        "Probleemanalyse en advies van de bedrijfsarts",
        Grondslag(RP, "art. 2 lid 2-3 en art. 6 lid 1 onder f; Beleidsregels § 5 Probleemanalyse en advies", RP_URL),
        "probleemanalyse",
    ),
    Regel(
        "plan_van_aanpak",
        "Plan van aanpak",
        Grondslag(RP, "art. 4 lid 1-3 en art. 6 lid 1 onder g; Beleidsregels § 5 Plan van aanpak", RP_URL),
        "plan_van_aanpak",
    ),
    Regel(
        "evaluaties",
        "Evaluaties en bijstellingen van het plan van aanpak",
        Grondslag(
            RP,
            "art. 4 lid 2 onder b, lid 4-5 en art. 6 lid 1 onder g-h; Beleidsregels § 5 Evaluatie en bijstelling",
            RP_URL,
        ),
        "evaluatie",
    ),
    Regel(
        "melding_uwv",
        "Ziekmelding bij UWV (42e week)",
        Grondslag(
            "Ziektewet",
            "art. 38 lid 1 (te late melding: boete of loondoorbetaling, geen loonsanctie)",
            "https://www.uwv.nl/werkgevers/werknemer-is-ziek/loondoorbetaling/werknemer-is-langdurig-ziek/detail/ziek-melden-bij-uwv",
        ),
        "melding_uwv",
    ),
    Regel(
        "routekeuze",
        "Arbeidsdeskundig onderzoek en routekeuze vóór het einde van het eerste ziektejaar",
        Grondslag(
            RSC,
            "bouwstenen 3B en 4C (voorstel, geen wettelijke plicht); Beleidsregels § 4 onder c en § 8 "
            "('mogelijkheden tot werkhervatting in voldoende mate in beeld gebracht')",
            RSC_URL,
        ),
        "arbeidsdeskundig_advies",
    ),
    Regel(
        "eerstejaarsevaluatie",
        "Eerstejaarsevaluatie (opschudmoment)",
        Grondslag(
            RP,
            "art. 4 lid 2 onder b en art. 6 lid 1 onder h; Beleidsregels § 4 onder a en § 5 Eerstejaarsevaluatie",
            RP_URL,
        ),
        "eerstejaarsevaluatie",
    ),
    Regel(
        "tweede_spoor",
        "Start re-integratie tweede spoor",
        Grondslag(
            BR,
            "bijlage § 5 Plan van aanpak en Eerstejaarsevaluatie, § 7.4, § 8; Werkwijzer Poortwachter § 4.3 "
            "(start uiterlijk zes weken na de eerstejaarsevaluatie, met uitzonderingen)",
            BR_URL,
        ),
        "start_tweede_spoor",
    ),
    Regel(
        "re_integratieplan",
        "Re-integratieplan tweede spoor (trajectbeschrijving, persoonsprofiel, zoekprofiel, rapportagemomenten)",
        Grondslag(WWP, "§ 4.3 en § 5 (inhoud re-integratieplan, via rviregister.nl); Beleidsregels § 9", WWP_URL),
        "re_integratieplan",
    ),
    Regel(
        "zoekprofiel",
        "Zoekprofiel niet smaller dan het passende werk",
        Grondslag(
            BR,
            "bijlage § 8 Arbeidskundige aspecten en § 9; rechtspraak 'kortste weg naar betaald werk' "
            "(Rb. Midden-Nederland, zoekprofiel alleen 'tolk' te smal)",
            "https://rviregister.nl/de-kortste-weg-naar-betaald-werk-wat-bedoelt-het-uwv-daarmee/",
        ),
        "zoekprofiel",
    ),
    Regel(
        "passend_werk_verbreding",
        "Passend werk wordt ruimer naarmate het verzuim langer duurt",
        Grondslag(BR, "bijlage § 3 Bevredigend resultaat en § 8 ('een ruimere opstelling')", BR_URL),
        "zoekprofiel",
    ),
    Regel(
        "zoekactiviteit",
        "Zoekactiviteit per maand in het tweede spoor",
        Grondslag(
            BR,
            "bijlage § 4 onder c en § 9 Herplaatsing bij een andere werkgever ('voldoende initiatief')",
            BR_URL,
        ),
        "sollicitatie",
    ),
    Regel(
        "stil_traject",
        "Stil traject: geen zoekactiviteit in de laatste weken",
        Grondslag(BR, "bijlage § 6 Re-integratiebedrijf en § 9 ('vinger aan de pols houden')", BR_URL),
        "voortgangsgesprek",
    ),
    Regel(
        "traject_einde",
        "Einde van het traject zonder resultaat: bijstelling",
        Grondslag(BR, "bijlage § 9 ('als een re-integratietraject mislukt ... bijgesteld')", BR_URL),
        "evaluatie",
    ),
    Regel(
        "interventies",
        "Interventies volgen het advies",
        Grondslag(BR, "bijlage § 4 onder a-c, § 5 Plan van aanpak en § 6 Re-integratiebedrijf", BR_URL),
        "interventie",
    ),
    Regel(
        "arbeidstherapeutisch",
        "Arbeidstherapeutisch werken niet langer dan de norm",
        Grondslag(BR, "bijlage § 8 ('in de regel niet langer dan 6 weken') en § 5 Eerstejaarsevaluatie", BR_URL),
        "evaluatie",
    ),
    Regel(
        "actueel_oordeel",
        "Actueel oordeel van de bedrijfsarts",
        Grondslag(RP, "art. 6 lid 1 onder i-k", RP_URL),
        "actueel_oordeel",
    ),
    Regel(
        "eindevaluatie",
        "Meest recente evaluatie (eindevaluatie)",
        Grondslag(RP, "art. 6 lid 1 onder h", RP_URL),
        "eindevaluatie",
    ),
    Regel(
        "oordeel_werknemer",
        "Oordeel van de werknemer",
        Grondslag(RP, "art. 6 lid 1 onder l", RP_URL),
        "re_integratieverslag",
    ),
    Regel(
        "bevredigend_resultaat",
        "Bevredigend re-integratieresultaat",
        Grondslag(BR, "bijlage § 3 Bevredigend resultaat en § 9", BR_URL),
        "plaatsing",
    ),
)
REGEL = {r.code: r for r in REGELS}


# --- facts in -----------------------------------------------------------------------------------

STAP_CODES = (
    "probleemanalyse",
    "plan_van_aanpak",
    "evaluatie",
    "melding_uwv",
    "arbeidsdeskundig_advies",
    "actueel_oordeel",
    "eindevaluatie",
    "re_integratieverslag",
    "oordeel_werknemer",
    "wia_aanvraag",
)
UITZONDERING_GRONDEN = (
    "concreet_perspectief_eigen_werk",
    "blijvend_marginale_mogelijkheden",
    "aow_binnen_jaar_na_wachttijd",
    "geen_benutbare_mogelijkheden",
    "gemotiveerde_keuze",
)
ZOEKPROFIEL_BASES = ("belastbaarheid_en_arbeidsmarkt", "arbeidsdeskundig_onderzoek", "wens_werknemer", "onbekend")
TRAJECT_UITKOMSTEN = ("plaatsing", "eigen_werkgever", "geen_resultaat")
OORDEEL_ONDERWERPEN = {
    # subject -> (who must judge, what a True outcome means)
    "interventies_volgen_advies": ("arbeidsdeskundige of re-integratiedeskundige", "de interventies volgen het advies"),
    "zoekprofiel_passend": (
        "arbeidsdeskundige",
        "het zoekprofiel omvat het passende werk dat de belastbaarheid toelaat",
    ),
    "geen_benutbare_mogelijkheden": ("bedrijfsarts", "geen benutbare mogelijkheden en geen herstel te verwachten"),
    "hervatting_sluit_aan": ("bedrijfsarts en arbeidsdeskundige", "de hervatting sluit aan bij de mogelijkheden"),
    "arbeidstherapeutisch_verantwoord": ("bedrijfsarts", "langer arbeidstherapeutisch werken is verantwoord"),
}
PARTIJEN = ("werkgever", "werknemer")


@dataclass(frozen=True)
class Stap:
    """A step held: its code (see STAP_CODES) and the date."""

    code: str
    datum: dt.date


@dataclass(frozen=True)
class Afwijking:
    """A motivated deviation from a legal term for one step (Regeling art. 5; elsewhere a deugdelijke grond in the
    sense of WIA art. 25 lid 9): a person's judgement, who gave it, in which role and which document, and the new
    date of a step not yet done."""

    stap: str
    datum: dt.date
    motivatie: str
    door: str = ""
    rol: str = ""
    document: str = ""
    nieuwe_datum: dt.date | None = None

    def beschrijving(self) -> str:
        wie = (f"; oordeel van {self.door}" + (f" ({self.rol})" if self.rol else "")) if self.door else ""
        doc = f", {self.document}" if self.document else ""
        return f"{_nl(self.datum)}: {self.motivatie.strip()}{wie}{doc}"


# a recorded deviation is a judgement UWV weighs, not a clean pass
AFWIJKING_WIE_OORDEELT = "UWV (verzekeringsarts en arbeidsdeskundige) bij de RIV-toets: of de grond deugdelijk is"


@dataclass(frozen=True)
class Eerstejaarsevaluatie:
    datum: dt.date
    # the conclusion on return within the own organisation: a concrete perspective of structural return
    # in the short term (then no second track is needed yet)
    concreet_perspectief_eigen_werk: bool = False


@dataclass(frozen=True)
class Uitzondering:
    """An exception or agreement about the second track, with its motivation and who agreed."""

    grond: str
    datum: dt.date
    motivatie: str = ""
    ingestemd_door: tuple[str, ...] = ()


@dataclass(frozen=True)
class Routekeuze:
    datum: dt.date
    spoor: str  # spoor_1 | spoor_2 | beide
    motivatie: str = ""
    ingestemd_door: tuple[str, ...] = ()


@dataclass(frozen=True)
class TweedeSpoor:
    start: dt.date
    einde: dt.date | None = None
    uitkomst: str | None = None  # plaatsing | eigen_werkgever | geen_resultaat
    reden: str = ""


@dataclass(frozen=True)
class PlanInhoud:
    datum: dt.date
    trajectbeschrijving: bool = False
    persoonsprofiel: bool = False
    zoekprofiel: bool = False
    rapportagemomenten: bool = False


@dataclass(frozen=True)
class Zoekprofiel:
    datum: dt.date
    beroepen: tuple[str, ...]
    basis: str  # see ZOEKPROFIEL_BASES


@dataclass(frozen=True)
class MaandActiviteit:
    maand: dt.date  # the first day of the calendar month
    sollicitaties: int = 0
    contacten: int = 0

    @property
    def totaal(self) -> int:
        return self.sollicitaties + self.contacten


@dataclass(frozen=True)
class Periode:
    start: dt.date
    eind: dt.date | None = None


@dataclass(frozen=True)
class Resultaat:
    """The work situation at (or expected at) the end of the wachttijd."""

    datum: dt.date
    structureel: bool
    loonwaarde_pct: float
    aanvaard_door_werknemer: bool


@dataclass(frozen=True)
class Oordeel:
    """A person's judgement where UWV's criteria leave room for it (never computed here)."""

    onderwerp: str
    uitkomst: bool
    door: str
    rol: str
    datum: dt.date
    document: str = ""


@dataclass(frozen=True)
class Loon:
    maandloon_cent: int
    uren_per_week_x100: int
    percentage_jaar2: float | None = None  # the cao percentage in year 2; None = the legal one


@dataclass(frozen=True)
class ToetsFeiten:
    """The facts of one dossier the toets reasons about."""

    perioden: tuple[SickPeriod, ...]
    peildatum: dt.date
    stappen: tuple[Stap, ...] = ()
    afwijkingen: tuple[Afwijking, ...] = ()
    eerstejaarsevaluatie: Eerstejaarsevaluatie | None = None
    uitzonderingen: tuple[Uitzondering, ...] = ()
    routekeuze: Routekeuze | None = None
    tweede_spoor: TweedeSpoor | None = None
    re_integratieplan: PlanInhoud | None = None
    zoekprofielen: tuple[Zoekprofiel, ...] = ()
    zoekactiviteit: tuple[MaandActiviteit, ...] = ()
    laatste_zoekactiviteit: dt.date | None = None
    arbeidstherapeutisch: tuple[Periode, ...] = ()
    resultaat: Resultaat | None = None
    oordelen: tuple[Oordeel, ...] = ()
    aow_op_eerste_ziektedag: bool = False
    aow_datum: dt.date | None = None
    vrijwillige_verlenging_weken: int = 0
    loon: Loon | None = None

    def held(self, code: str) -> list[dt.date]:
        return sorted(s.datum for s in self.stappen if s.code == code)

    def first(self, code: str) -> dt.date | None:
        dates = self.held(code)
        return dates[0] if dates else None

    def oordeel(self, onderwerp: str) -> Oordeel | None:
        found = [o for o in self.oordelen if o.onderwerp == onderwerp]
        return max(found, key=lambda o: o.datum) if found else None

    @property
    def zoekprofiel(self) -> Zoekprofiel | None:
        return max(self.zoekprofielen, key=lambda z: z.datum) if self.zoekprofielen else None


# --- findings out -------------------------------------------------------------------------------


@dataclass
class Bevinding:
    code: str
    naam: str
    oordeel: str
    uitleg: str
    grondslag: Grondslag
    herstelactie: str = ""
    herstel_uiterlijk: dt.date | None = None
    herstel_stap: str | None = None
    wie_oordeelt: str = ""
    herstel_weken: int = 0  # for a tekortkoming: how long the repair takes (drives the expected sanction)
    bekorting_weken: int = 0  # how much shorter the expected sanction is when this one is repaired in time

    @property
    def oordeel_naam(self) -> str:
        return OORDEEL_NAAM[self.oordeel]

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "naam": self.naam,
            "oordeel": self.oordeel,
            "uitleg": self.uitleg,
            "grondslag": self.grondslag.as_dict(),
            "herstelactie": self.herstelactie,
            "herstel_uiterlijk": _iso(self.herstel_uiterlijk),
            "herstel_stap": self.herstel_stap,
            "wie_oordeelt": self.wie_oordeelt,
            "bekorting_weken": self.bekorting_weken,
        }


@dataclass
class ToetsUitkomst:
    bevindingen: list[Bevinding]
    tweede_spoor_vereist: bool | None
    tweede_spoor_uiterlijk: dt.date | None
    bevredigend_resultaat: bool
    loonsanctie_mogelijk: bool
    verwachte_loonsanctie_weken: int
    verwachte_loonsanctie_cent: int | None
    einde_wachttijd: dt.date
    peildatum: dt.date
    receipt: Receipt

    @property
    def ernst(self) -> int:
        """The loonsanctie risk in one number (the dashboard sorts on it): 2 a loonsanctie can follow, 1 a risk
        or a shortcoming that cannot lead to a sanction (e.g. after a bevredigend resultaat), 0 nothing."""
        if self.loonsanctie_mogelijk:
            return 2
        return min(1, max((ERNST[b.oordeel] for b in self.bevindingen), default=0))

    def telling(self) -> dict[str, int]:
        return {o: sum(1 for b in self.bevindingen if b.oordeel == o) for o in OORDELEN}

    def as_dict(self) -> dict[str, Any]:
        cent = self.verwachte_loonsanctie_cent
        return {
            "bevindingen": [b.as_dict() for b in self.bevindingen],
            "tweede_spoor_vereist": self.tweede_spoor_vereist,
            "tweede_spoor_uiterlijk": _iso(self.tweede_spoor_uiterlijk),
            "bevredigend_resultaat": self.bevredigend_resultaat,
            "loonsanctie_mogelijk": self.loonsanctie_mogelijk,
            "verwachte_loonsanctie_weken": self.verwachte_loonsanctie_weken,
            "verwachte_loonsanctie_eur": None if cent is None else round(cent / 100, 2),
            "bon": self.receipt.as_dict(),
        }


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _nl(d: dt.date | None) -> str:
    """A date as Dutch prose reads it: 3 februari 2026 (law/tekst.py, one notation everywhere)."""
    return tekst.datum(d)


def _pct(value: float) -> str:
    """A percentage as Dutch prose writes it (law/tekst.py): 65%, 50,50%."""
    return tekst.procent(value, 0 if float(value).is_integer() else 2)


def _weeks_between(a: dt.date, b: dt.date) -> int:
    """Whole weeks from a to b, rounded up (a repair that needs 8 days needs 2 weeks)."""
    return max(0, math.ceil((b - a).days / 7))


# --- the toets ----------------------------------------------------------------------------------


def _schedule(ctx: LawContext, f: ToetsFeiten) -> pw.Schedule:
    """The one schedule of this dossier (deadlines are computed there, never here)."""
    events = [pw.Event(s.code, s.datum) for s in f.stappen if s.code in pw.STEP_BY_CODE]
    if f.eerstejaarsevaluatie:
        events.append(pw.Event("eerstejaarsevaluatie", f.eerstejaarsevaluatie.datum))
    if f.tweede_spoor:
        events.append(pw.Event("start_tweede_spoor", f.tweede_spoor.start))
    if f.vrijwillige_verlenging_weken:
        events.append(
            pw.Event("vrijwillige_verlenging", f.perioden[0].start, {"weken": f.vrijwillige_verlenging_weken})
        )
    return pw.schedule(ctx, f.perioden, events, peildatum=f.peildatum, aow=f.aow_op_eerste_ziektedag)


class _Run:
    """One evaluation: the facts, the schedule, the context, and the findings so far."""

    def __init__(self, ctx: LawContext, f: ToetsFeiten):
        self.ctx, self.f = ctx, f
        self.sched = _schedule(ctx, f)
        self.on = self.sched.eerste_ziektedag  # parameters are read as in force on the first sick day
        self.peil = f.peildatum
        self.einde = self.sched.einde_wachttijd
        self.bevindingen: list[Bevinding] = []
        self.trace: list[str] = []

    def p(self, name: str) -> Any:
        return self.ctx.value(name, self.on)

    def add(self, code: str, oordeel: str, uitleg: str, **kw: Any) -> Bevinding:
        regel = REGEL[code]
        b = Bevinding(code, regel.naam, oordeel, uitleg, regel.grondslag, herstel_stap=regel.herstel_stap, **kw)
        self.bevindingen.append(b)
        self.trace.append(f"{regel.naam}: {OORDEEL_NAAM[oordeel]} — {uitleg}")
        return b

    def admin_repair(self) -> tuple[dt.date, int]:
        """A missing document: UWV lets the employer supply it within a week (Beleidsregels § 5)."""
        weeks = self.p(B + "administratief_herstel_weken")
        return self.peil + dt.timedelta(weeks=weeks), weeks

    def afwijking(self, stap: str) -> Afwijking | None:
        found = [a for a in self.f.afwijkingen if a.stap == stap and a.motivatie.strip()]
        return found[-1] if found else None


def toets(ctx: LawContext, feiten: ToetsFeiten) -> ToetsUitkomst:
    """Evaluate every rule of the RIV-toets on one dossier."""
    _validate(feiten)
    run = _Run(ctx.fresh(), feiten)  # a fresh trace: the receipt lists exactly what this toets read
    if feiten.aow_op_eerste_ziektedag:
        for regel in REGELS:
            run.add(
                regel.code,
                NVT,
                "De werknemer had op de eerste ziektedag de AOW-leeftijd: de loondoorbetaling duurt dan "
                f"{run.p(P + 'aow_loondoorbetaling_weken')} weken (tot en met {_nl(run.einde)}) en er volgt geen "
                "WIA-beoordeling, dus geen RIV-toets.",
            )
        return _outcome(run, None, None, False, False)

    last = feiten.perioden[-1] if feiten.perioden else None
    if last is not None and last.end is not None and last.end < feiten.peildatum:
        for regel in REGELS:
            run.add(
                regel.code,
                NVT,
                f"Hersteld: de ziekteperiode eindigde op {_nl(last.end)}. Zonder WIA-aanvraag volgt geen RIV-toets.",
            )
        return _outcome(run, None, None, False, False)
    bevredigend = _bevredigend_resultaat(run)
    geen_mogelijkheden = _geen_benutbare_mogelijkheden(run)
    for code in ("probleemanalyse", "plan_van_aanpak"):
        if code == "plan_van_aanpak" and geen_mogelijkheden:
            run.add(
                code,
                NVT,
                "De bedrijfsarts oordeelde dat er geen benutbare mogelijkheden zijn en geen herstel te verwachten is "
                f"({geen_mogelijkheden.door}, {_nl(geen_mogelijkheden.datum)}): een plan van aanpak is dan niet vereist "
                "(Regeling art. 4 lid 1; Beleidsregels § 7.4 onder 3).",
            )
            continue
        _required_step(run, code)
    _evaluaties(run, geen_mogelijkheden)
    _melding_uwv(run)
    _routekeuze(run)
    _eerstejaarsevaluatie(run)
    vereist, uiterlijk = _tweede_spoor(run, geen_mogelijkheden, bevredigend)
    _track_two(run, vereist)
    _arbeidstherapeutisch(run)
    for code in ("actueel_oordeel", "eindevaluatie"):
        _required_step(run, code)
    _oordeel_werknemer(run)
    return _outcome(run, vereist, uiterlijk, bevredigend, geen_mogelijkheden is not None)


def _validate(f: ToetsFeiten) -> None:
    if not f.perioden:
        raise InvalidInput("Geef ten minste één ziekteperiode op.")
    for s in f.stappen:
        if s.code not in STAP_CODES:
            raise InvalidInput(f"Onbekende stap '{s.code}'; kies uit: {', '.join(STAP_CODES)}.")
    for u in f.uitzonderingen:
        if u.grond not in UITZONDERING_GRONDEN:
            raise InvalidInput(f"Onbekende grond '{u.grond}'; kies uit: {', '.join(UITZONDERING_GRONDEN)}.")
        bad = set(u.ingestemd_door) - set(PARTIJEN)
        if bad:
            raise InvalidInput(f"Instemming kan alleen van {' of '.join(PARTIJEN)} komen, niet van {sorted(bad)}.")
    for o in f.oordelen:
        if o.onderwerp not in OORDEEL_ONDERWERPEN:
            raise InvalidInput(
                f"Onbekend onderwerp van oordeel '{o.onderwerp}'; kies uit: {', '.join(OORDEEL_ONDERWERPEN)}."
            )
        if not o.door.strip() or not o.rol.strip():
            raise InvalidInput(f"Een oordeel ({o.onderwerp}) noemt wie het gaf en in welke rol.")
    for z in f.zoekprofielen:
        if z.basis not in ZOEKPROFIEL_BASES:
            raise InvalidInput(
                f"Onbekende basis van het zoekprofiel '{z.basis}'; kies uit: {', '.join(ZOEKPROFIEL_BASES)}."
            )
    for m in f.zoekactiviteit:
        if m.maand.day != 1:
            raise InvalidInput(f"Zoekactiviteit wordt per kalendermaand opgegeven (kreeg {_nl(m.maand)}).")
        if m.sollicitaties < 0 or m.contacten < 0:
            raise InvalidInput(
                f"Het aantal sollicitaties en contacten in {tekst.MAANDEN[m.maand.month - 1]} {m.maand.year} kan niet negatief zijn."
            )
    for a in f.arbeidstherapeutisch:
        if a.eind is not None and a.eind < a.start:
            raise InvalidInput(f"Arbeidstherapeutisch werken vanaf {_nl(a.start)} eindigt vóór het begint.")
    t = f.tweede_spoor
    if t and t.einde and t.einde < t.start:
        raise InvalidInput(f"Het tweede-spoortraject eindigt ({_nl(t.einde)}) vóór het begint ({_nl(t.start)}).")
    if t and t.uitkomst is not None and t.uitkomst not in TRAJECT_UITKOMSTEN:
        raise InvalidInput(
            f"Onbekende uitkomst van het traject '{t.uitkomst}'; kies uit: {', '.join(TRAJECT_UITKOMSTEN)}."
        )
    if f.resultaat and not 0 <= f.resultaat.loonwaarde_pct <= 200:
        raise InvalidInput("De loonwaarde is een percentage van het oude loon tussen 0 en 200.")
    if f.routekeuze and f.routekeuze.spoor not in ("spoor_1", "spoor_2", "beide"):
        raise InvalidInput("De routekeuze is spoor_1, spoor_2 of beide.")


def _required_step(run: _Run, code: str) -> None:
    """A step the Regeling requires: present and on time (its deadline from the schedule)."""
    step = run.sched.step(code)
    done = run.f.first(code)
    deadline = step.uiterlijk
    if done is not None:
        earliest = vroegste_datum(run.ctx, run.sched.wachttijd, run.einde, code)
        if earliest is not None and done < earliest.datum:
            # recorded early with a reason (the dossier asks one): what UWV reads at the WIA application must
            # still be current, so an oordeel of months before is a risk, not 'in orde' (outside review, session 7)
            run.add(
                code,
                RISICO,
                f"Vastgelegd op {_nl(done)}, vóór de vroegste zinvolle datum {_nl(earliest.datum)} (ziekteweek "
                f"{earliest.week}; {earliest.grondslag}). Vroeger past alleen bij een "
                f"{earliest.vroeg_toegestaan or 'reden die de wet kent'}; anders leest UWV bij de WIA-aanvraag een "
                "verouderd stuk.",
                herstelactie=f"Leg het opnieuw vast tussen {_nl(earliest.datum)} en {_nl(deadline)}.",
                herstel_uiterlijk=deadline,
                wie_oordeelt="UWV (verzekeringsarts en arbeidsdeskundige) bij de RIV-toets",
            )
            return
        if deadline is None or done <= deadline:
            run.add(code, IN_ORDE, f"Vastgelegd op {_nl(done)} (uiterlijk {_nl(deadline)}).")
            return
        late = (done - deadline).days
        reason = run.afwijking(code)
        if reason:
            run.add(
                code,
                RISICO,
                f"Vastgelegd op {_nl(done)}, {late} dagen na de termijn van {_nl(deadline)}, met een vastgelegde "
                f"afwijking ({reason.beschrijving()}) (Regeling art. 5). UWV weegt of die grond deugdelijk is.",
                wie_oordeelt=AFWIJKING_WIE_OORDEELT,
            )
            return
        run.add(
            code,
            RISICO,
            f"Vastgelegd op {_nl(done)}, {late} dagen na de termijn van {_nl(deadline)}. Te laat is alleen een "
            "tekortkoming als daardoor kansen op werkhervatting zijn gemist (Beleidsregels § 4, slot).",
            herstelactie="Leg vast waarom later is afgeweken van de termijn (Regeling art. 5) en wat het voor de "
            "re-integratie betekende.",
            herstel_uiterlijk=run.peil,
            wie_oordeelt="UWV (verzekeringsarts en arbeidsdeskundige) bij de RIV-toets",
        )
        run.bevindingen[-1].herstel_stap = "afwijking_termijn"
        return
    if deadline is not None and run.peil <= deadline:
        run.add(code, NVT, f"Nog niet aan de orde: uiterlijk {_nl(deadline)}.")
        return
    reason = run.afwijking(code)
    if reason and reason.nieuwe_datum is not None and run.peil <= reason.nieuwe_datum:
        run.add(
            code,
            RISICO,
            f"Nog niet vastgelegd; de termijn was {_nl(deadline)}. Met een vastgelegde afwijking "
            f"({reason.beschrijving()}) volgt de stap uiterlijk {_nl(reason.nieuwe_datum)}. UWV weegt of die grond "
            "deugdelijk is.",
            herstelactie=f"Leg '{REGEL[code].naam}' vast zodra die gehouden is.",
            herstel_uiterlijk=reason.nieuwe_datum,
            wie_oordeelt=AFWIJKING_WIE_OORDEELT,
        )
        return
    if deadline is not None and run.peil <= deadline:
        run.add(code, NVT, f"Nog niet aan de orde: uiterlijk {_nl(deadline)}.")
        return
    by, weeks = run.admin_repair()
    run.add(
        code,
        TEKORTKOMING,
        f"Ontbreekt; de termijn was {_nl(deadline)}. Zonder dit stuk is het re-integratieverslag niet volledig "
        "(administratieve tekortkoming, Beleidsregels § 5).",
        herstelactie=f"Leg '{REGEL[code].naam}' alsnog vast; een alsnog opgestelde rapportage over wat destijds "
        "gebeurde voldoet (Beleidsregels § 5).",
        herstel_uiterlijk=by,
        herstel_weken=weeks,
    )


def _evaluaties(run: _Run, geen_mogelijkheden: Oordeel | None) -> None:
    if geen_mogelijkheden:
        run.add("evaluaties", NVT, "Geen plan van aanpak vereist, dus geen evaluaties ervan.")
        return
    occurrences = [s for s in run.sched.stappen if s.code == "evaluatie"]
    held = [s for s in occurrences if s.status == "gedaan"]
    overdue = [s for s in occurrences if s.status == "te_laat"]
    late = [s for s in held if s.tijdig is False]
    interval = run.ctx.value(P + "evaluatie_interval_weken", run.on)
    if not overdue and not late:
        if held:
            run.add("evaluaties", IN_ORDE, f"{len(held)} evaluatie(s) gehouden, steeds binnen {interval} weken.")
        else:
            run.add("evaluaties", NVT, "Nog geen evaluatie aan de orde.")
        return
    if overdue and not held:
        first = overdue[0]
        run.add(
            "evaluaties",
            TEKORTKOMING,
            f"Geen enkele evaluatie van het plan van aanpak vastgelegd; de eerste was uiterlijk {_nl(first.uiterlijk)} "
            f"nodig (ten minste eens per {interval} weken).",
            herstelactie="Evalueer het plan van aanpak met werknemer en bedrijfsarts, stel het bij en voer het "
            "bijgestelde plan uit (Beleidsregels § 5 Evaluatie en bijstelling).",
            herstel_uiterlijk=run.peil,
            herstel_weken=interval,
        )
        return
    missing = len(overdue)
    parts = []
    if late:
        parts.append(f"{len(late)} evaluatie(s) later dan {interval} weken na de vorige")
    if missing:
        parts.append(f"de evaluatie die uiterlijk {_nl(overdue[0].uiterlijk)} nodig was, ontbreekt")
    run.add(
        "evaluaties",
        RISICO,
        f"{len(held)} evaluatie(s) gehouden, maar " + " en ".join(parts) + ".",
        herstelactie="Houd de volgende evaluatie nu en leg de bijstelling vast.",
        herstel_uiterlijk=run.peil if missing else None,
    )


def _melding_uwv(run: _Run) -> None:
    step = run.sched.step("melding_uwv")
    done = run.f.first("melding_uwv")
    if done is not None:
        verdict = IN_ORDE if done <= step.uiterlijk else RISICO
        text = f"Gemeld op {_nl(done)} (uiterlijk {_nl(step.uiterlijk)})."
        if verdict == RISICO:
            text += " Te laat gemeld: UWV kan een boete opleggen of de loondoorbetaling verlengen, geen loonsanctie."
        run.add("melding_uwv", verdict, text)
    elif run.peil <= step.uiterlijk:
        run.add("melding_uwv", NVT, f"Nog niet aan de orde: uiterlijk {_nl(step.uiterlijk)}.")
    else:
        run.add(
            "melding_uwv",
            RISICO,
            f"Niet vastgelegd; de melding was uiterlijk {_nl(step.uiterlijk)} nodig. Dit leidt tot een boete of "
            "verlengde loondoorbetaling, niet tot een loonsanctie.",
            herstelactie="Meld de werknemer alsnog ziek bij UWV en leg de melding vast.",
            herstel_uiterlijk=run.peil,
        )


def _routekeuze(run: _Run) -> None:
    """RSC 2025 (3B, 4C): labour expert's route advice and WIA prognosis, and a documented route choice,
    when track 1 stalls and at the latest before the end of year 1. A proposal, not law: at most a risico."""
    advice = run.sched.step("arbeidsdeskundig_advies")
    year_end = advice.uiterlijk  # the schedule's deadline: one place for the rule (law/poortwachter.STEPS)
    done = run.f.first("arbeidsdeskundig_advies")
    keuze = run.f.routekeuze
    problems = []
    if done is None:
        if run.peil > year_end:
            problems.append(
                f"geen arbeidsdeskundig onderzoek met routeadvies vóór het einde van jaar 1 ({_nl(year_end)})"
            )
    elif done > year_end:
        problems.append(
            f"het arbeidsdeskundig onderzoek kwam op {_nl(done)}, na het einde van jaar 1 ({_nl(year_end)})"
        )
    if keuze is None:
        if run.peil > year_end:
            problems.append("geen vastgelegde routekeuze")
    else:
        if not keuze.motivatie.strip():
            problems.append("de routekeuze heeft geen motivering")
        missing = [p for p in PARTIJEN if p not in keuze.ingestemd_door]
        if missing:
            problems.append(f"de instemming van {' en '.join(missing)} met de routekeuze ontbreekt")
        if keuze.datum > year_end:
            problems.append(f"de routekeuze kwam op {_nl(keuze.datum)}, na het einde van jaar 1")
    if problems:
        run.add(
            "routekeuze",
            RISICO,
            "Risico: " + "; ".join(problems) + ". UWV vraagt of de mogelijkheden tot werkhervatting tijdig in "
            "beeld zijn gebracht (Beleidsregels § 4 onder c).",
            herstelactie="Laat de arbeidsdeskundige een routeadvies met WIA-prognose geven en leg de routekeuze "
            "vast met motivering en instemming van werkgever en werknemer.",
            herstel_uiterlijk=max(run.peil, year_end) if done is None else run.peil,
            wie_oordeelt="arbeidsdeskundige (routeadvies); werkgever en werknemer (routekeuze)",
        )
        return
    if done is None and keuze is None:
        voorkeur = advice.voorkeur
        run.add(
            "routekeuze",
            NVT,
            f"Nog niet aan de orde: bij voorkeur rond {_nl(voorkeur)}, uiterlijk vóór het einde van jaar 1 "
            f"({_nl(year_end)}).",
        )
        return
    parts = []
    if done:
        parts.append(f"routeadvies op {_nl(done)}")
    if keuze:
        spoor = {"spoor_1": "spoor 1", "spoor_2": "spoor 2", "beide": "beide sporen"}[keuze.spoor]
        parts.append(f"routekeuze {spoor} op {_nl(keuze.datum)}, gemotiveerd en door beide partijen ingestemd")
    run.add("routekeuze", IN_ORDE, tekst.zin("; ".join(parts)) + ".")


def _eerstejaarsevaluatie(run: _Run) -> None:
    step = run.sched.step("eerstejaarsevaluatie")
    e = run.f.eerstejaarsevaluatie
    if e is not None:
        verdict = IN_ORDE if e.datum <= step.uiterlijk else RISICO
        conclusion = (
            "conclusie: concreet perspectief op structurele hervatting in de eigen organisatie"
            if e.concreet_perspectief_eigen_werk
            else "conclusie: geen concreet perspectief op hervatting in de eigen organisatie op korte termijn"
        )
        text = f"Gehouden op {_nl(e.datum)} (uiterlijk {_nl(step.uiterlijk)}); {conclusion}."
        kw: dict[str, Any] = {}
        if verdict == RISICO:
            reason = run.afwijking("eerstejaarsevaluatie")
            if reason:
                text += (
                    f" Later dan de termijn, met een vastgelegde afwijking ({reason.beschrijving()}). UWV weegt of die "
                    "grond deugdelijk is."
                )
                kw = {"wie_oordeelt": AFWIJKING_WIE_OORDEELT}
            else:
                text += " Later dan het einde van het eerste ziektejaar; daarmee schuift ook de start van spoor 2 op."
                kw = {
                    "herstelactie": "Leg vast waarom de eerstejaarsevaluatie later was.",
                    "herstel_uiterlijk": run.peil,
                }
        run.add("eerstejaarsevaluatie", verdict, text, **kw)
    elif run.peil <= step.uiterlijk:
        run.add("eerstejaarsevaluatie", NVT, f"Nog niet aan de orde: uiterlijk {_nl(step.uiterlijk)}.")
    else:
        by, weeks = run.admin_repair()
        run.add(
            "eerstejaarsevaluatie",
            TEKORTKOMING,
            f"Ontbreekt; uiterlijk {_nl(step.uiterlijk)} (einde eerste ziektejaar). Het re-integratieverslag moet de "
            "eerstejaarsevaluatie bevatten (Regeling art. 6 lid 1 onder h).",
            herstelactie="Houd de eerstejaarsevaluatie alsnog: kijk terug op jaar 1 en besluit expliciet over "
            "re-integratie bij een andere werkgever.",
            herstel_uiterlijk=by,
            herstel_weken=weeks,
        )


def _geen_benutbare_mogelijkheden(run: _Run) -> Oordeel | None:
    """No benutbare mogelijkheden and no recovery expected: then no efforts are required and no loonsanctie
    can follow (Beleidsregels § 3 and § 7.4 onder 3). Only a bedrijfsarts' recorded judgement counts."""
    o = run.f.oordeel("geen_benutbare_mogelijkheden")
    if o and o.uitkomst and o.rol == "bedrijfsarts":
        return o
    return None


def _bevredigend_resultaat(run: _Run) -> bool:
    r = run.f.resultaat
    threshold = run.p(B + "bevredigend_loonwaarde_pct")
    if r is None:
        run.add(
            "bevredigend_resultaat",
            NVT,
            "Geen werkhervatting vastgelegd; UWV kijkt dan naar de inspanningen (Beleidsregels § 3).",
        )
        return False
    aansluit = run.f.oordeel("hervatting_sluit_aan")
    facts = (
        f"werk per {_nl(r.datum)}: {'structureel' if r.structureel else 'niet structureel'}, loonwaarde "
        f"{_pct(r.loonwaarde_pct)} van het oude loon, {'aanvaard' if r.aanvaard_door_werknemer else 'niet aanvaard'} "
        "door de werknemer"
    )
    via_65 = r.structureel and r.aanvaard_door_werknemer and r.loonwaarde_pct >= threshold
    via_aansluit = r.structureel and r.aanvaard_door_werknemer and aansluit is not None and aansluit.uitkomst
    if via_65 or via_aansluit:
        why = (
            f"ten minste {_pct(threshold)}"
            if via_65
            else f"sluit aan bij de mogelijkheden (oordeel {aansluit.door}, {aansluit.rol}, {_nl(aansluit.datum)})"  # type: ignore[union-attr]
        )
        run.add(
            "bevredigend_resultaat",
            IN_ORDE,
            f"Bevredigend resultaat: {facts}; {why}. UWV legt dan geen loonsanctie op, welke weg er ook is gevolgd.",
        )
        return True
    missing = []
    if not r.structureel:
        missing.append("het werk is niet structureel")
    if not r.aanvaard_door_werknemer:
        missing.append("de werknemer heeft het niet aanvaard")
    if r.loonwaarde_pct < threshold and not (aansluit and aansluit.uitkomst):
        missing.append(f"de loonwaarde is lager dan {_pct(threshold)}")
    run.add(
        "bevredigend_resultaat",
        RISICO,
        f"Nog geen bevredigend resultaat ({facts}): " + "; ".join(missing) + ". UWV beoordeelt daarom de inspanningen.",
        herstelactie=f"Werk toe naar structureel werk met een loonwaarde van ten minste {_pct(threshold)}, aanvaard door "
        "de werknemer, of laat vastleggen dat de hervatting aansluit bij de mogelijkheden.",
        herstel_uiterlijk=run.einde,
        wie_oordeelt=OORDEEL_ONDERWERPEN["hervatting_sluit_aan"][0] + " (sluit de hervatting aan?)",
    )
    return False


def _tweede_spoor(
    run: _Run, geen_mogelijkheden: Oordeel | None, bevredigend: bool
) -> tuple[bool | None, dt.date | None]:
    """Is a second track required, and by when; judged with the exceptions of Werkwijzer § 4.3."""
    step = run.sched.step("start_tweede_spoor")
    uiterlijk = step.uiterlijk
    if uiterlijk is None:  # no fixed term on this first sick day (poortwachter.start_tweede_spoor_weken is null)
        raise InvalidInput(
            "De RIV-toets meet de start van het tweede spoor aan een termijn na de eerstejaarsevaluatie (parameter "
            f"'poortwachter.start_tweede_spoor_weken'); voor een eerste ziektedag op {_nl(run.sched.eerste_ziektedag)} "
            f"is die er niet. {step.toelichting} Dit dossier kan de toets daarom niet beoordelen."
        )
    f = run.f
    started = f.tweede_spoor.start if f.tweede_spoor else None
    if bevredigend:
        run.add("tweede_spoor", NVT, "Niet meer nodig: er is een bevredigend resultaat.")
        return False, None
    if geen_mogelijkheden:
        run.add(
            "tweede_spoor",
            NVT,
            f"Geen re-integratie-inspanningen vereist: de bedrijfsarts ({geen_mogelijkheden.door}, "
            f"{_nl(geen_mogelijkheden.datum)}) oordeelde dat er geen benutbare mogelijkheden zijn en geen herstel te "
            "verwachten is; UWV kan dan geen loonsanctie opleggen (Beleidsregels § 3 en § 7.4).",
        )
        return False, None
    exemption = _exemption(run, uiterlijk)
    if exemption is not None and started is None:
        verdict, text, kw = exemption
        run.add("tweede_spoor", verdict, text, **kw)
        return (verdict != IN_ORDE), (uiterlijk if verdict != IN_ORDE else None)
    if started is not None:
        if started <= uiterlijk:
            run.add("tweede_spoor", IN_ORDE, f"Gestart op {_nl(started)} (uiterlijk {_nl(uiterlijk)}).")
            return True, uiterlijk
        late_weeks = _weeks_between(uiterlijk, started)
        reason = run.afwijking("start_tweede_spoor")
        if reason:
            run.add(
                "tweede_spoor",
                RISICO,
                f"Gestart op {_nl(started)}, {late_weeks} weken na de uiterste datum {_nl(uiterlijk)}, met een "
                f"vastgelegde afwijking ({reason.beschrijving()}). UWV weegt of die grond deugdelijk is.",
                wie_oordeelt=AFWIJKING_WIE_OORDEELT,
            )
            return True, uiterlijk
        run.add(
            "tweede_spoor",
            TEKORTKOMING,
            f"Te laat gestart: op {_nl(started)}, {late_weeks} weken na de uiterste datum {_nl(uiterlijk)} "
            "(zes weken na de eerstejaarsevaluatie). De gemiste weken zoeken naar werk elders zijn een bekende "
            "grond voor een loonsanctie.",
            herstelactie="Zet het traject intensief voort (zoekprofiel, sollicitaties elke maand) en leg vast waarom "
            "de start later was.",
            herstel_uiterlijk=run.peil,
            herstel_weken=late_weeks,
        )
        run.bevindingen[-1].herstel_stap = "afwijking_termijn"  # the start is recorded; what repairs is the reason
        return True, uiterlijk
    if run.peil <= uiterlijk:
        run.add(
            "tweede_spoor", NVT, f"Nog niet gestart; uiterlijk {_nl(uiterlijk)} (zes weken na de eerstejaarsevaluatie)."
        )
        return True, uiterlijk
    reason = run.afwijking("start_tweede_spoor")
    if reason and reason.nieuwe_datum is not None and run.peil <= reason.nieuwe_datum:
        run.add(
            "tweede_spoor",
            RISICO,
            f"Nog niet gestart; uiterlijk was {_nl(uiterlijk)}. Met een vastgelegde afwijking "
            f"({reason.beschrijving()}) start het traject uiterlijk {_nl(reason.nieuwe_datum)}. UWV weegt of die grond "
            "deugdelijk is.",
            herstelactie="Start het tweede spoor uiterlijk op de nieuwe datum.",
            herstel_uiterlijk=reason.nieuwe_datum,
            wie_oordeelt=AFWIJKING_WIE_OORDEELT,
        )
        return True, uiterlijk
    missed = _weeks_between(uiterlijk, run.einde)
    run.add(
        "tweede_spoor",
        TEKORTKOMING,
        f"Niet gestart, terwijl dat uiterlijk {_nl(uiterlijk)} moest (zes weken na de eerstejaarsevaluatie) en geen "
        "uitzondering is vastgelegd. UWV zal de werkgever opdragen eerst dat traject uit te voeren (Beleidsregels § 5).",
        herstelactie="Start het tweede spoor direct: kies een re-integratiebedrijf, laat een persoonsprofiel en "
        "zoekprofiel opstellen en begin met solliciteren.",
        herstel_uiterlijk=run.peil,
        herstel_weken=missed,
    )
    return True, uiterlijk


def _exemption(run: _Run, uiterlijk: dt.date):
    """The recorded exception that applies, judged: (verdict, explanation, extra fields) or None."""
    f = run.f
    eje = f.eerstejaarsevaluatie
    recorded = sorted(f.uitzonderingen, key=lambda u: u.datum)
    if (
        eje
        and eje.concreet_perspectief_eigen_werk
        and not any(u.grond == "concreet_perspectief_eigen_werk" for u in recorded)
    ):
        recorded.append(Uitzondering("concreet_perspectief_eigen_werk", eje.datum, "conclusie eerstejaarsevaluatie"))
    if not recorded:
        return None
    u = recorded[-1]
    if u.grond == "aow_binnen_jaar_na_wachttijd":
        years = run.p(B + "aow_uitzondering_jaren")
        limit = _add_months(run.einde, 12 * years)  # 29 February + 1 year: 28 February
        if f.aow_datum is None or f.aow_datum > limit:
            text = (
                "De uitzondering 'AOW-leeftijd binnen een jaar na de wachttijd' is vastgelegd, maar "
                + (
                    "de AOW-datum is niet opgegeven"
                    if f.aow_datum is None
                    else f"de AOW-datum {_nl(f.aow_datum)} ligt meer dan {years} jaar na het einde van de wachttijd "
                    f"({_nl(run.einde)})"
                )
                + "."
            )
            return (
                RISICO,
                text,
                {"herstelactie": "Controleer de AOW-datum of start het tweede spoor.", "herstel_uiterlijk": uiterlijk},
            )
        missing = [p for p in PARTIJEN if p not in u.ingestemd_door]
        if missing:
            return (
                TEKORTKOMING if run.peil > uiterlijk else RISICO,
                f"AOW-leeftijd op {_nl(f.aow_datum)}, binnen {years} jaar na de wachttijd, maar de instemming van "
                f"{' en '.join(missing)} ontbreekt; zonder instemming van beiden geldt de uitzondering niet.",
                {
                    "herstelactie": "Leg de instemming van werkgever én werknemer vast, of start het tweede spoor.",
                    "herstel_uiterlijk": max(run.peil, uiterlijk),
                    "herstel_weken": _weeks_between(uiterlijk, run.peil) if run.peil > uiterlijk else 0,
                },
            )
        return (
            IN_ORDE,
            f"Geen tweede spoor nodig: AOW-leeftijd op {_nl(f.aow_datum)}, binnen {years} jaar na het einde van de "
            f"wachttijd, en werkgever en werknemer stemden in ({_nl(u.datum)}).",
            {},
        )
    if u.grond == "concreet_perspectief_eigen_werk":
        months = run.p(B + "concreet_perspectief_maanden")
        horizon = _add_months(u.datum, months)
        if run.peil <= horizon:
            return (
                IN_ORDE,
                f"Geen tweede spoor nodig zolang het concrete perspectief op structurele hervatting in de eigen "
                f"organisatie standhoudt (vastgelegd {_nl(u.datum)}; korte termijn: tot {_nl(horizon)}).",
                {},
            )
        return (
            RISICO,
            f"Het concrete perspectief op hervatting in de eigen organisatie (vastgelegd {_nl(u.datum)}) is na "
            f"{months} maanden ({_nl(horizon)}) niet tot structureel werk geleid; start het tweede spoor of "
            "onderbouw opnieuw.",
            {
                "herstelactie": "Start het tweede spoor, of leg een nieuwe onderbouwing van het perspectief vast.",
                "herstel_uiterlijk": run.peil,
                "wie_oordeelt": "bedrijfsarts en arbeidsdeskundige",
            },
        )
    if u.grond == "geen_benutbare_mogelijkheden":
        return (
            RISICO,
            "De uitzondering 'geen benutbare mogelijkheden' is vastgelegd, maar er is geen oordeel van de "
            "bedrijfsarts dat er geen mogelijkheden zijn en geen herstel te verwachten is.",
            {
                "herstelactie": "Laat de bedrijfsarts dit oordeel onderbouwd vastleggen, of start het tweede spoor.",
                "herstel_uiterlijk": max(run.peil, uiterlijk),
                "wie_oordeelt": "bedrijfsarts",
            },
        )
    # blijvend marginale mogelijkheden, or another motivated choice: UWV judges the motivation
    if not u.motivatie.strip():
        return (
            TEKORTKOMING if run.peil > uiterlijk else RISICO,
            "Er is gekozen geen tweede spoor te starten, maar zonder motivering.",
            {
                "herstelactie": "Motiveer de keuze en laat haar onderbouwen door de arbeidsdeskundige, of start het tweede spoor.",
                "herstel_uiterlijk": max(run.peil, uiterlijk),
                "herstel_weken": _weeks_between(uiterlijk, run.peil) if run.peil > uiterlijk else 0,
            },
        )
    grond = {"blijvend_marginale_mogelijkheden": "blijvend marginale mogelijkheden"}.get(u.grond, "gemotiveerde keuze")
    return (
        RISICO,
        f"Geen tweede spoor ({grond}, vastgelegd {_nl(u.datum)}): '{u.motivatie}'. UWV beoordeelt of dit redelijk is.",
        {"wie_oordeelt": "UWV; onderbouwing door bedrijfsarts en arbeidsdeskundige", "herstel_uiterlijk": None},
    )


def _add_months(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def _track_two(run: _Run, vereist: bool | None) -> None:
    """The trajectory itself: plan content, zoekprofiel, activity per month, interventions, its end."""
    t = run.f.tweede_spoor
    codes = ("re_integratieplan", "zoekprofiel", "passend_werk_verbreding", "zoekactiviteit", "stil_traject")
    if t is None:
        for code in (*codes, "interventies", "traject_einde"):
            run.add(code, NVT, "Er loopt geen tweede-spoortraject.")
        return
    _re_integratieplan(run, t)
    _zoekprofiel(run, t)
    _zoekactiviteit(run, t)
    _interventies(run, t)
    _traject_einde(run, t)


def _startdocumenten_uiterlijk(run: _Run, t: TweedeSpoor) -> dt.date:
    """By when the provider has the start documents (persoonsprofiel, zoekprofiel, plan) after the start."""
    return t.start + dt.timedelta(weeks=run.p(B + "startdocumenten_tweede_spoor_weken"))


def _re_integratieplan(run: _Run, t: TweedeSpoor) -> None:
    plan = run.f.re_integratieplan
    uiterlijk = _startdocumenten_uiterlijk(run, t)
    if plan is None and run.peil <= uiterlijk:  # the provider is still within its time: a to-do, no shortcoming
        run.add(
            "re_integratieplan",
            NVT,
            f"Nog te doen: het traject loopt sinds {_nl(t.start)}; het re-integratiebedrijf stelt het "
            f"re-integratieplan op, uiterlijk {_nl(uiterlijk)}.",
            herstelactie="Het re-integratiebedrijf legt het re-integratieplan vast.",
            herstel_uiterlijk=uiterlijk,  # a to-do with its date, not a shortcoming
        )
        return
    if plan is None:
        by, weeks = run.admin_repair()
        run.add(
            "re_integratieplan",
            TEKORTKOMING,
            f"Het traject loopt sinds {_nl(t.start)}, maar er is geen re-integratieplan vastgelegd.",
            herstelactie="Laat het re-integratiebedrijf een plan opstellen met trajectbeschrijving, persoonsprofiel, "
            "zoekprofiel en rapportagemomenten.",
            herstel_uiterlijk=by,
            herstel_weken=weeks,
        )
        return
    parts = {
        "trajectbeschrijving": plan.trajectbeschrijving,
        "persoonsprofiel": plan.persoonsprofiel,
        "zoekprofiel": plan.zoekprofiel or bool(run.f.zoekprofielen),
        "rapportagemomenten": plan.rapportagemomenten,
    }
    missing = [k for k, present in parts.items() if not present]
    if missing:
        by, weeks = run.admin_repair()
        run.add(
            "re_integratieplan",
            TEKORTKOMING,
            f"Het re-integratieplan van {_nl(plan.datum)} mist: {', '.join(missing)}.",
            herstelactie="Vul het re-integratieplan aan met " + ", ".join(missing) + ".",
            herstel_uiterlijk=by,
            herstel_weken=weeks,
        )
        return
    run.add(
        "re_integratieplan",
        IN_ORDE,
        f"Plan van {_nl(plan.datum)} met trajectbeschrijving, persoonsprofiel, zoekprofiel en rapportagemomenten.",
    )


def _zoekprofiel(run: _Run, t: TweedeSpoor) -> None:
    z = run.f.zoekprofiel
    judged = run.f.oordeel("zoekprofiel_passend")
    if z is None and run.peil <= _startdocumenten_uiterlijk(run, t):
        run.add(
            "zoekprofiel",
            NVT,
            f"Nog te doen: het traject loopt sinds {_nl(t.start)}; het zoekprofiel volgt uiterlijk "
            f"{_nl(_startdocumenten_uiterlijk(run, t))}.",
            herstelactie="Het re-integratiebedrijf legt het zoekprofiel vast.",
            herstel_uiterlijk=_startdocumenten_uiterlijk(run, t),
        )
        run.add("passend_werk_verbreding", NVT, "Nog geen zoekprofiel om te beoordelen.")
        return
    if z is None:
        run.add(
            "zoekprofiel",
            TEKORTKOMING,
            f"Het traject loopt sinds {_nl(t.start)} zonder zoekprofiel (branches, functies of werkzaamheden met de "
            "meeste kans op passend werk).",
            herstelactie="Stel een zoekprofiel op dat uitgaat van de belastbaarheid en de arbeidsmarkt.",
            herstel_uiterlijk=run.admin_repair()[0],
            herstel_weken=run.admin_repair()[1],
        )
        run.add("passend_werk_verbreding", NVT, "Geen zoekprofiel om te beoordelen.")
        return
    beroepen = ", ".join(z.beroepen) or "geen beroepen genoemd"
    facts = f"zoekprofiel van {_nl(z.datum)} ({beroepen}; gebaseerd op {z.basis.replace('_', ' ')})"
    if judged is not None and not judged.uitkomst:
        run.add(
            "zoekprofiel",
            TEKORTKOMING,
            f"Te smal: {facts}. Volgens {judged.door} ({judged.rol}, {_nl(judged.datum)}) laat de belastbaarheid "
            "breder passend werk toe.",
            herstelactie="Verbreed het zoekprofiel naar al het passende werk dat de belastbaarheid toelaat en "
            "solliciteer daarop.",
            herstel_uiterlijk=run.peil,
            herstel_weken=_weeks_between(z.datum, min(run.peil, run.einde)),
            wie_oordeelt=f"{judged.door} ({judged.rol})",
        )
    elif judged is not None:
        run.add(
            "zoekprofiel",
            IN_ORDE,
            f"{tekst.zin(facts)}; {judged.door} ({judged.rol}, {_nl(judged.datum)}) oordeelde dat het het passende "
            "werk omvat.",
        )
    elif z.basis in ("wens_werknemer", "onbekend"):
        why = (
            "alleen de wens van de werknemer is geen basis; UWV vond zo'n profiel te smal als breder werk mogelijk is"
            if z.basis == "wens_werknemer"
            else "niet vastgelegd waarop het berust (belastbaarheid, arbeidsmarkt)"
        )
        run.add(
            "zoekprofiel",
            RISICO,
            f"{tekst.zin(facts)}: {why}.",
            herstelactie="Laat het zoekprofiel toetsen aan de belastbaarheid en verbreed het waar nodig.",
            herstel_uiterlijk=run.peil,
            wie_oordeelt=OORDEEL_ONDERWERPEN["zoekprofiel_passend"][0],
        )
    else:
        run.add(
            "zoekprofiel",
            IN_ORDE,
            f"{tekst.zin(facts)}.",
        )
    eje = run.f.eerstejaarsevaluatie
    if eje and z.datum < eje.datum:
        run.add(
            "passend_werk_verbreding",
            RISICO,
            f"Het zoekprofiel dateert van {_nl(z.datum)}, vóór de eerstejaarsevaluatie ({_nl(eje.datum)}), en is "
            "sindsdien niet herzien; naarmate het verzuim langer duurt, is ruimer werk passend.",
            herstelactie="Herzie het zoekprofiel en neem ook werk op een lager niveau of met een ander "
            "arbeidspatroon op, voor zover passend.",
            herstel_uiterlijk=run.peil,
            wie_oordeelt=OORDEEL_ONDERWERPEN["zoekprofiel_passend"][0],
        )
    else:
        run.add(
            "passend_werk_verbreding",
            IN_ORDE,
            f"Het zoekprofiel is vastgesteld of herzien op {_nl(z.datum)}"
            + (f", na de eerstejaarsevaluatie ({_nl(eje.datum)})." if eje else "."),
        )


def judged_months(start: dt.date, until: dt.date) -> list[dt.date]:
    """The calendar months the trajectory ran for entirely, from ``start`` up to and including ``until``."""
    first = start if start.day == 1 else _add_months(dt.date(start.year, start.month, 1), 1)
    months = []
    m = first
    while _add_months(m, 1) - dt.timedelta(days=1) <= until:
        months.append(m)
        m = _add_months(m, 1)
    return months


def _zoekactiviteit(run: _Run, t: TweedeSpoor) -> None:
    until = min(run.peil, t.einde or run.peil, run.einde)
    months = judged_months(t.start, until)
    per_month = {m.maand: m.totaal for m in run.f.zoekactiviteit}
    minimum = run.p(B + "zoekactiviteit_min_per_maand")
    quiet = [m for m in months if per_month.get(m, 0) < minimum]
    if not months:
        run.add("zoekactiviteit", NVT, f"Nog geen volle maand traject (gestart {_nl(t.start)}).")
    elif quiet:
        names = ", ".join(f"{tekst.MAANDEN[m.month - 1]} {m.year}" for m in quiet)
        days = sum((_add_months(m, 1) - m).days for m in quiet)
        run.add(
            "zoekactiviteit",
            TEKORTKOMING,
            f"{len(quiet)} van de {len(months)} volle maanden zonder sollicitatie of netwerkcontact: {names}.",
            herstelactie="Spreek een sollicitatieplan per maand af en leg elke sollicitatie en elk contact vast.",
            herstel_uiterlijk=run.peil,
            herstel_weken=math.ceil(days / 7),
        )
    else:
        total = sum(per_month.get(m, 0) for m in months)
        run.add(
            "zoekactiviteit",
            IN_ORDE,
            f"In elk van de {len(months)} volle maanden zoekactiviteit ({total} sollicitaties en contacten samen).",
        )
    # a quiet trajectory now: no activity in the last N weeks while the trajectory runs
    weeks = run.p(B + "stil_traject_weken")
    if t.einde is not None and t.einde <= run.peil:
        run.add("stil_traject", NVT, f"Het traject is beëindigd op {_nl(t.einde)}.")
        return
    last = laatste_activiteit(run.f)
    since = last or t.start
    if (run.peil - since).days >= 7 * weeks:
        run.add(
            "stil_traject",
            RISICO,
            (
                f"Laatste zoekactiviteit op {_nl(last)}"
                if last
                else f"Geen zoekactiviteit sinds de start ({_nl(t.start)})"
            )
            + f": {(run.peil - since).days // 7} weken stil (signaal na {weeks} weken).",
            herstelactie="Spreek werknemer en re-integratiebedrijf aan, houd een voortgangsgesprek en maak "
            "afspraken over sollicitaties.",
            herstel_uiterlijk=run.peil,
            wie_oordeelt="werkgever (eigenaar van de re-integratie) met het re-integratiebedrijf",
        )
    else:
        run.add(
            "stil_traject",
            IN_ORDE,
            f"Laatste zoekactiviteit op {_nl(since)}, minder dan {weeks} weken geleden."
            if last
            else f"Traject gestart op {_nl(t.start)}, minder dan {weeks} weken geleden.",
        )


def laatste_activiteit(f: ToetsFeiten) -> dt.date | None:
    """The last job-search activity: the recorded date, else the last day of the last active month."""
    if f.laatste_zoekactiviteit:
        return f.laatste_zoekactiviteit
    active = [m.maand for m in f.zoekactiviteit if m.totaal > 0]
    if not active:
        return None
    return _add_months(max(active), 1) - dt.timedelta(days=1)


def _interventies(run: _Run, t: TweedeSpoor) -> None:
    o = run.f.oordeel("interventies_volgen_advies")
    who = OORDEEL_ONDERWERPEN["interventies_volgen_advies"][0]
    if o is None:
        run.add(
            "interventies",
            RISICO,
            "Niet vastgelegd of de interventies het advies van bedrijfsarts en arbeidsdeskundige volgen; UWV "
            "beoordeelt dat, de toets niet.",
            herstelactie="Laat vastleggen of de ingezette interventies het advies volgen.",
            herstel_uiterlijk=run.peil,
            wie_oordeelt=who,
        )
    elif o.uitkomst:
        run.add(
            "interventies", IN_ORDE, f"Volgens {o.door} ({o.rol}, {_nl(o.datum)}) volgen de interventies het advies."
        )
    else:
        run.add(
            "interventies",
            TEKORTKOMING,
            f"Volgens {o.door} ({o.rol}, {_nl(o.datum)}) volgen de interventies het advies niet.",
            herstelactie="Zet de geadviseerde interventies alsnog in en stel het plan bij.",
            herstel_uiterlijk=run.peil,
            herstel_weken=_weeks_between(t.start, min(o.datum, run.einde)),
            wie_oordeelt=f"{o.door} ({o.rol})",
        )


def _traject_einde(run: _Run, t: TweedeSpoor) -> None:
    if t.einde is None or t.einde > run.peil:
        run.add("traject_einde", NVT, "Het traject loopt.")
        return
    uitkomst = {
        "plaatsing": "plaatsing",
        "eigen_werkgever": "werk bij de eigen werkgever",
        "geen_resultaat": "geen resultaat",
    }
    text = f"Beëindigd op {_nl(t.einde)} met {uitkomst.get(t.uitkomst or '', 'onbekende uitkomst')}"
    text += f" ({t.reden})." if t.reden else "."
    if t.uitkomst != "geen_resultaat":
        run.add("traject_einde", IN_ORDE, text)
        return
    after = [d for d in run.f.held("evaluatie") if d >= t.einde]
    if after or t.einde >= run.einde:
        run.add(
            "traject_einde", IN_ORDE, text + (f" Bijgesteld bij de evaluatie van {_nl(after[0])}." if after else "")
        )
        return
    run.add(
        "traject_einde",
        RISICO,
        text + " Na een mislukt traject moeten probleemanalyse en plan van aanpak worden bijgesteld; dat is niet "
        "vastgelegd.",
        herstelactie="Evalueer met de bedrijfsarts en stel het plan van aanpak bij: een nieuw traject, of "
        "onderbouw waarom een tweede traject niet zinvol is.",
        herstel_uiterlijk=run.peil,
    )


def _arbeidstherapeutisch(run: _Run) -> None:
    norm = run.p(B + "arbeidstherapeutisch_max_weken")
    periods = run.f.arbeidstherapeutisch
    if not periods:
        run.add("arbeidstherapeutisch", NVT, "Geen arbeidstherapeutisch werken vastgelegd.")
        return
    long = []
    for a in periods:
        end = min(a.eind or run.peil, run.peil)
        if (end - a.start).days + 1 > 7 * norm:
            long.append((a, (end - a.start).days + 1))
    ok = run.f.oordeel("arbeidstherapeutisch_verantwoord")
    if not long:
        run.add("arbeidstherapeutisch", IN_ORDE, f"{len(periods)} periode(s), elk binnen {norm} weken.")
        return
    desc = "; ".join(f"vanaf {_nl(a.start)} {days // 7} weken" + ("" if a.eind else " (loopt)") for a, days in long)
    if ok and ok.uitkomst:
        run.add(
            "arbeidstherapeutisch",
            IN_ORDE,
            f"Langer dan {norm} weken ({desc}), verantwoord volgens {ok.door} ({ok.rol}, {_nl(ok.datum)}).",
        )
        return
    run.add(
        "arbeidstherapeutisch",
        RISICO,
        f"Arbeidstherapeutisch werken langer dan de norm van {norm} weken: {desc}. Kies met de bedrijfsarts voor "
        "werk met loonwaarde of een andere aanpak.",
        herstelactie="Zet het arbeidstherapeutisch werken om in werk met loonwaarde, of laat de bedrijfsarts "
        "onderbouwen waarom langer verantwoord is.",
        herstel_uiterlijk=run.peil,
        wie_oordeelt=OORDEEL_ONDERWERPEN["arbeidstherapeutisch_verantwoord"][0],
    )


def _oordeel_werknemer(run: _Run) -> None:
    step = run.sched.step("re_integratieverslag")
    done = run.f.first("oordeel_werknemer")
    if done is not None:
        run.add("oordeel_werknemer", IN_ORDE, f"De werknemer gaf zijn oordeel op {_nl(done)}.")
    elif run.peil <= step.uiterlijk:
        run.add(
            "oordeel_werknemer",
            NVT,
            f"Nog niet aan de orde: met het re-integratieverslag, uiterlijk {_nl(step.uiterlijk)}.",
        )
    else:
        by, weeks = run.admin_repair()
        run.add(
            "oordeel_werknemer",
            TEKORTKOMING,
            f"Het re-integratieverslag (uiterlijk {_nl(step.uiterlijk)}) bevat geen oordeel van de werknemer.",
            herstelactie="Vraag de werknemer om zijn oordeel over het verslag en voeg het toe.",
            herstel_uiterlijk=by,
            herstel_weken=weeks,
        )


# --- outcome ------------------------------------------------------------------------------------


def expected_weeks(ctx: LawContext, on: dt.date, repair_weeks: Sequence[int]) -> int:
    """Expected length of a loonsanctie when shortcomings take these weeks to repair: the longest repair
    plus the weeks until the sanction ends after UWV establishes the repair, at most the maximum."""
    if not repair_weeks:
        return 0
    maximum = ctx.value(P + "loonsanctie_max_weken", on)
    tail = ctx.value(P + "loonsanctie_einde_na_herstel_weken", on)
    return min(maximum, max(repair_weeks) + tail)


def _outcome(
    run: _Run, vereist: bool | None, uiterlijk: dt.date | None, bevredigend: bool, geen_mogelijkheden: bool
) -> ToetsUitkomst:
    f = run.f
    shortcomings = [b for b in run.bevindingen if b.oordeel == TEKORTKOMING]
    mogelijk = bool(shortcomings) and not bevredigend and not geen_mogelijkheden and not f.aow_op_eerste_ziektedag
    on = run.einde
    weeks = expected_weeks(run.ctx, on, [b.herstel_weken for b in shortcomings]) if mogelijk else 0
    if mogelijk:
        for b in shortcomings:
            rest = [o.herstel_weken for o in shortcomings if o is not b]
            b.bekorting_weken = weeks - expected_weeks(run.ctx, on, rest)
    cent = _sanction_cost(run, weeks)
    if bevredigend:
        run.trace.append("Bevredigend resultaat: geen loonsanctie, welke bevindingen er ook zijn (Beleidsregels § 3).")
    elif geen_mogelijkheden:
        run.trace.append(
            "Geen benutbare mogelijkheden volgens de bedrijfsarts: geen loonsanctie (Beleidsregels § 7.4)."
        )
    run.trace.append(
        f"Verwachte loonsanctie: {weeks} weken"
        + ("" if cent is None else f", {_euro(cent)} voor de werkgever (loon op het niveau van jaar 2)")
    )
    receipt = _receipt(run)
    return ToetsUitkomst(
        run.bevindingen, vereist, uiterlijk, bevredigend, mogelijk, weeks, cent, run.einde, f.peildatum, receipt
    )


def _sanction_cost(run: _Run, weeks: int) -> int | None:
    """The wage the employer keeps paying during the sanction: year-2 loondoorbetaling (BW 7:629) per week.

    Priced with the amounts in force on the peildatum (or the end of the wachttijd if that is earlier):
    later amounts are not published yet, and the law layer never carries an amount forward silently."""
    loon = run.f.loon
    if loon is None:
        return None
    if weeks == 0:
        return 0
    on = min(run.einde, run.peil)
    try:
        pct = bp(loon.percentage_jaar2) if loon.percentage_jaar2 is not None else ldb.legal_percentage_bp(run.ctx, on)
        per_month = int(ldb.per_maand(run.ctx, loon.maandloon_cent, loon.uren_per_week_x100, pct, False, 0, on))
    except ParameterNotCovered as exc:
        run.trace.append(f"Kosten van de loonsanctie niet berekend: {exc}")
        return None
    run.trace.append(f"Loon in jaar 2 per maand (bedragen per {_nl(on)}): {_euro(per_month)}")
    return int(mul_div(per_month * 12, weeks, 52))


def _euro(cent: int) -> str:
    return money.euro(cent)  # one notation everywhere: a non-breaking space after the euro sign


def _receipt(run: _Run) -> Receipt:
    r = Receipt(run.ctx, inputs=_inputs(run.f))
    r.step(f"Wachttijd van {_nl(run.sched.eerste_ziektedag)} tot en met {_nl(run.einde)}; peildatum {_nl(run.peil)}.")
    for line in run.trace:
        r.step(line)
    return r


def _inputs(f: ToetsFeiten) -> dict[str, Any]:
    return dataclasses.asdict(f)


def volgend_voortgangsgesprek(
    ctx: LawContext, start: dt.date, gehouden: Sequence[dt.date], peildatum: dt.date
) -> dict[str, Any]:
    """The provider's next monthly progress meeting during track 2: one interval after the last one held
    (or after the start). A practice norm for the provider, not a legal deadline (see its parameter)."""
    version = ctx.version(B + "voortgangsgesprek_interval_maanden", start)
    last = max([d for d in gehouden if d >= start], default=start)
    due = _add_months(last, version.value)
    return {
        "uiterlijk": due,
        "te_laat": peildatum > due,
        "gehouden": len([d for d in gehouden if d >= start]),
        "grondslag": str(version.reference),
        "url": version.reference.url,
    }
