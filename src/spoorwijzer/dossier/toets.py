"""The RIV-toets on a stored case: the case's events turned into ``law.toets.ToetsFeiten`` (typed, no JSON
round trip), the toets run, its outcome stored on the case for the dashboard, and the track-2 figures
(activity per month, progress meetings, the provider's results) the case page shows."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from spoorwijzer.dossier.models import Gebeurtenis, Verzuimgeval
from spoorwijzer.law import afwijking as afw
from spoorwijzer.law import toets as law
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import LawError

# the steps the toets reads under the same code as the event
STAP_EVENTS = set(law.STAP_CODES) - {"oordeel_werknemer"}
ZOEKACTIVITEIT = ("sollicitatie", "netwerkcontact")


def _partijen(data: dict) -> tuple[str, ...]:
    return tuple(p for p in law.PARTIJEN if data.get(f"instemming_{p}"))


def _naam(e: Gebeurtenis) -> str:
    u = e.vastgelegd_door
    return u.get_full_name() or u.username


def _month(d: dt.date) -> dt.date:
    return dt.date(d.year, d.month, 1)


def feiten(geval: Verzuimgeval, events: list[Gebeurtenis], peildatum: dt.date) -> law.ToetsFeiten | None:
    """The facts of the case as the toets takes them; None while no sick period is recorded."""
    from spoorwijzer.dossier.services import perioden

    periods = perioden(events)
    if not periods:
        return None
    by_code: dict[str, list[Gebeurtenis]] = {}
    for e in events:
        by_code.setdefault(e.code, []).append(e)

    def latest(code: str) -> Gebeurtenis | None:
        found = by_code.get(code)
        return found[-1] if found else None

    stappen = [law.Stap(e.code, e.datum) for e in events if e.code in STAP_EVENTS]
    stappen += [
        law.Stap("oordeel_werknemer", e.datum)
        for e in by_code.get("re_integratieverslag", [])
        if str(e.data.get("oordeel_werknemer", "")).strip()
    ]
    # deviations from a legal deadline with a deugdelijke grond (law/afwijking.py): the judgement with who gave it;
    # a deviation from a preferred date only ('afwijking_voorkeur') is not one and does not excuse a late step
    afwijkingen = []
    for e in by_code.get(afw.EVENT, []):
        a = afw.uit_gegevens(e.datum, e.data)
        afwijkingen.append(
            law.Afwijking(
                a.stap, a.vastgelegd_op, a.motivatie, a.oordeel_door, a.rol_naam.lower(), a.document, a.nieuwe_datum
            )
        )
    eje_event = latest("eerstejaarsevaluatie")
    eje = (
        law.Eerstejaarsevaluatie(eje_event.datum, bool(eje_event.data.get("concreet_perspectief")))
        if eje_event
        else None
    )
    uitzonderingen = [
        law.Uitzondering(str(e.data.get("grond", "")), e.datum, str(e.data.get("motivatie", "")), _partijen(e.data))
        for e in by_code.get("tweede_spoor_uitzondering", [])
        if e.data.get("grond") in law.UITZONDERING_GRONDEN
    ]
    keuze_event = latest("routekeuze")
    routekeuze = (
        law.Routekeuze(
            keuze_event.datum,
            str(keuze_event.data.get("spoor", "")),
            str(keuze_event.data.get("motivatie", "")),
            _partijen(keuze_event.data),
        )
        if keuze_event and keuze_event.data.get("spoor") in ("spoor_1", "spoor_2", "beide")
        else None
    )
    start = latest("start_tweede_spoor")
    einde = latest("einde_tweede_spoor")
    tweede = None
    if start is not None:
        ended = einde if einde is not None and einde.datum >= start.datum else None
        tweede = law.TweedeSpoor(
            start.datum,
            ended.datum if ended else None,
            ended.data.get("uitkomst") if ended else None,
            str(ended.data.get("reden", "")) if ended else "",
        )
    plan_event = latest("re_integratieplan")
    plan = (
        law.PlanInhoud(
            plan_event.datum,
            trajectbeschrijving=bool(str(plan_event.data.get("plan", "")).strip()),
            persoonsprofiel="persoonsprofiel" in by_code,
            zoekprofiel="zoekprofiel" in by_code,
            rapportagemomenten=bool(str(plan_event.data.get("rapportagemomenten", "")).strip()),
        )
        if plan_event
        else None
    )
    zoekprofielen = []
    for e in by_code.get("zoekprofiel", []):
        beroepen = [b.strip() for b in str(e.data.get("beroepen", "")).split(",") if b.strip()]
        basis = e.data.get("basis") if e.data.get("basis") in law.ZOEKPROFIEL_BASES else "onbekend"
        zoekprofielen.append(law.Zoekprofiel(e.datum, tuple(beroepen) or (str(e.data.get("profiel", "")),), basis))
    counts: Counter = Counter()
    contacts: Counter = Counter()
    last = None
    for e in events:
        if e.code in ZOEKACTIVITEIT:
            (counts if e.code == "sollicitatie" else contacts)[_month(e.datum)] += 1
            last = e.datum if last is None else max(last, e.datum)
    activiteit = [law.MaandActiviteit(m, counts[m], contacts[m]) for m in sorted(set(counts) | set(contacts))]
    atw = []
    for e in by_code.get("arbeidstherapeutisch_werken", []):
        weeks = e.data.get("weken")
        atw.append(law.Periode(e.datum, e.datum + dt.timedelta(days=7 * int(weeks) - 1) if weeks else None))
    res_event = latest("werkhervatting_resultaat")
    resultaat = (
        law.Resultaat(
            res_event.datum,
            bool(res_event.data.get("structureel")),
            float(res_event.data.get("loonwaarde_pct", 0)),
            bool(res_event.data.get("aanvaard")),
        )
        if res_event
        else None
    )
    oordelen = [
        law.Oordeel(
            str(e.data.get("onderwerp")),
            bool(e.data.get("uitkomst")),
            _naam(e),
            e.rol,
            e.datum,
            str(e.data.get("document", "")),
        )
        for e in by_code.get("oordeel", [])
        if e.data.get("onderwerp") in law.OORDEEL_ONDERWERPEN
    ]
    w = geval.werknemer
    loon = (
        law.Loon(int(w.maandloon_cent), int(round(float(w.uren_per_week) * 100)))
        if w.maandloon_cent and w.uren_per_week
        else None
    )
    verlenging = sum(int(e.data.get("weken", 0)) for e in by_code.get("vrijwillige_verlenging", []))
    from spoorwijzer.dossier.services import aow_op_eerste_ziektedag
    from spoorwijzer.law.aow import aow_datum

    ctx = LawContext.baseline()
    born = w.geboortedatum
    return law.ToetsFeiten(
        perioden=tuple(periods),
        peildatum=peildatum,
        stappen=tuple(stappen),
        afwijkingen=tuple(afwijkingen),
        eerstejaarsevaluatie=eje,
        uitzonderingen=tuple(uitzonderingen),
        routekeuze=routekeuze,
        tweede_spoor=tweede,
        re_integratieplan=plan,
        zoekprofielen=tuple(zoekprofielen),
        zoekactiviteit=tuple(activiteit),
        laatste_zoekactiviteit=last,
        arbeidstherapeutisch=tuple(atw),
        resultaat=resultaat,
        oordelen=tuple(oordelen),
        vrijwillige_verlenging_weken=verlenging,
        loon=loon,
        aow_op_eerste_ziektedag=aow_op_eerste_ziektedag(ctx, geval, periods),
        aow_datum=aow_datum(ctx, born) if born else None,
    )


def toets(
    geval: Verzuimgeval, events: list[Gebeurtenis] | None = None, peildatum: dt.date | None = None
) -> law.ToetsUitkomst | None:
    from spoorwijzer.dossier.services import actuele_gebeurtenissen, vandaag

    events = actuele_gebeurtenissen(geval) if events is None else events
    f = feiten(geval, events, peildatum or vandaag())
    return None if f is None else law.toets(LawContext.baseline(), f)


def bewaar_op_geval(geval: Verzuimgeval, events: list[Gebeurtenis] | None = None) -> None:
    """Copy the toets outcome onto the case (not yet saved), the way the next deadline is stored, so the
    dashboard filters and sorts on one indexed column. A dossier the toets cannot read stores nothing."""
    try:
        u = toets(geval, events)
    except LawError:
        u = None
    geval.toets_ernst = None if u is None else u.ernst
    geval.toets_loonsanctie_weken = 0 if u is None else u.verwachte_loonsanctie_weken
    geval.toets_loonsanctie_cent = None if u is None else u.verwachte_loonsanctie_cent


TOETS_VELDEN = ["toets_ernst", "toets_loonsanctie_weken", "toets_loonsanctie_cent"]


# --- track 2 monitoring -------------------------------------------------------------------------


@dataclass
class Maand:
    maand: dt.date
    sollicitaties: int
    contacten: int


def activiteit_per_maand(events: list[Gebeurtenis], u: law.ToetsUitkomst | None) -> list[Maand]:
    """Applications and contacts per calendar month from the trajectory's start to the peildatum."""
    start = next((e.datum for e in reversed(events) if e.code == "start_tweede_spoor"), None)
    if start is None or u is None:
        return []
    counts: Counter = Counter()
    contacts: Counter = Counter()
    for e in events:
        if e.code == "sollicitatie":
            counts[_month(e.datum)] += 1
        elif e.code == "netwerkcontact":
            contacts[_month(e.datum)] += 1
    months, m = [], _month(start)
    end = min(u.peildatum, u.einde_wachttijd)
    while m <= end:
        months.append(Maand(m, counts[m], contacts[m]))
        m = dt.date(m.year + (m.month == 12), m.month % 12 + 1, 1)
    return months


def voortgangsgesprekken(events: list[Gebeurtenis], peildatum: dt.date) -> dict | None:
    """The next monthly progress meeting the provider owes, from law (one deadline rule, one place)."""
    start = next((e for e in reversed(events) if e.code == "start_tweede_spoor"), None)
    if start is None:
        return None
    einde = next((e.datum for e in reversed(events) if e.code == "einde_tweede_spoor" and e.datum >= start.datum), None)
    if einde is not None and einde <= peildatum:
        return None
    held = [e.datum for e in events if e.code == "voortgangsgesprek" and e.datum >= start.datum]
    return law.volgend_voortgangsgesprek(LawContext.baseline(), start.datum, held, peildatum)
