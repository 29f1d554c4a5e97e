"""The schedule of the Wet verbetering poortwachter for one dossier.

Each step is declared once in ``STEPS``: its code, Dutch name, who acts, how its legal deadline
is found (a :class:`DeadlineRule` that names the parameter, and so the legal basis), and where
its preferred date comes from (law/voorkeur.py). ``schedule()`` evaluates the declarations for
one dossier; ``poortwachter_vec`` evaluates the same declarations for many dossiers at once.

Events are what happened so far (a probleemanalyse held on a date, an eerstejaarsevaluatie, an
exception to the second track, ...). They move anchored deadlines and mark steps as done.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from spoorwijzer.law import afwijking as afw
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput
from spoorwijzer.law.voorkeur import PreferencePolicy, default_policy
from spoorwijzer.law.weeks import (
    SickPeriod,
    Wachttijd,
    first_workday_on_or_after,
    samentelling,
    week_end_offset,
)

P = "poortwachter."


@dataclass(frozen=True)
class Event:
    """Something that happened in a dossier, as far as the schedule needs to know."""

    code: str
    date: dt.date
    data: dict[str, Any] = field(default_factory=dict)


# --- deadline rules ---------------------------------------------------------------------------


@dataclass(frozen=True)
class WeekEnd:
    """Last day of sick week N, N from ``param``."""

    param: str


@dataclass(frozen=True)
class FirstWorkdayAfterWeek:
    """First workday after sick week N (the 42e-weeksmelding)."""

    param: str


@dataclass(frozen=True)
class BeforeEnd:
    """N weeks before the end of the wachttijd: end offset minus 7N."""

    param: str


@dataclass(frozen=True)
class EndOfWachttijd:
    param: str = P + "wachttijd_weken"


@dataclass(frozen=True)
class AfterAnchor:
    """N weeks (calendar) after the anchor event as held, or after the anchor's own deadline."""

    anchor_event: str
    anchor_rule: WeekEnd
    param: str


DeadlineRule = WeekEnd | FirstWorkdayAfterWeek | BeforeEnd | EndOfWachttijd | AfterAnchor


@dataclass(frozen=True)
class Recurring:
    """A step that recurs: each at most N weeks (``param``) after the ``after`` step as held (or its deadline)
    or after the previous occurrence; projected up to the end of the wachttijd."""

    param: str
    after: str


@dataclass(frozen=True)
class LateLetter:
    """The deadline is at least N weeks (``param``) after the ``letter`` event when that came late
    (the WIA-aanvraag after a late UWV letter, WIA art. 64 lid 2 with UWV's policy)."""

    letter: str
    param: str


@dataclass(frozen=True)
class StepRule:
    code: str
    naam: str
    actor: str
    deadline: DeadlineRule | None
    kind: str  # wet | uwv-beleid | praktijk | voorstel (what sort of norm the deadline is)
    basis_note: str = ""  # legal basis text for steps without a parameter
    recurring: Recurring | None = None
    late_letter: LateLetter | None = None
    preferred_on_held: str | None = None  # preferred on the date this other step was held
    aow: bool = False  # also due for an employee past the AOW age (BW 7:629 lid 2: a short loondoorbetaling)
    exempt_by: str | None = None  # the event that makes this step unneeded (an exception to the second track)


class Status(StrEnum):
    """The status of a step on a date; the string values are what stored data and JSON carry."""

    OPEN = "open"
    BINNENKORT = "binnenkort"
    TE_LAAT = "te_laat"
    GEDAAN = "gedaan"
    NIET_NODIG = "niet_nodig"
    AFWIJKING = "afwijking"  # later than the legal deadline with a recorded deugdelijke grond (law/afwijking.py)


STEPS: tuple[StepRule, ...] = (
    StepRule(
        "ziekmelding_arbodienst",
        "Ziekmelding bij arbodienst/bedrijfsarts",
        "werkgever",
        WeekEnd(P + "ziekmelding_arbodienst_weken"),
        "praktijk",
        aow=True,
    ),
    StepRule(
        "probleemanalyse",
        "Probleemanalyse bedrijfsarts",
        "bedrijfsarts",
        WeekEnd(P + "probleemanalyse_weken"),
        "wet",
        aow=True,
    ),
    StepRule(
        "plan_van_aanpak",
        "Plan van aanpak",
        "werkgever en werknemer",
        AfterAnchor("probleemanalyse", WeekEnd(P + "probleemanalyse_weken"), P + "plan_van_aanpak_weken"),
        "wet",
        aow=True,
    ),
    StepRule(
        "financiele_informatie",
        "Financiële informatie bij het plan van aanpak",
        "werkgever",
        None,
        "voorstel",
        "Geen wettelijke plicht; RSC 2025 bouwsteen 4: verplichte financiële informatie gekoppeld aan het plan van aanpak",
        preferred_on_held="plan_van_aanpak",
        aow=True,
    ),
    StepRule(
        "evaluatie",
        "Evaluatie plan van aanpak",
        "werkgever en werknemer",
        None,
        "uwv-beleid",
        "",
        recurring=Recurring(P + "evaluatie_interval_weken", "plan_van_aanpak"),
        aow=True,
    ),
    StepRule(
        "melding_uwv",
        "Ziekmelding bij UWV (42e-weeksmelding)",
        "werkgever",
        FirstWorkdayAfterWeek(P + "melding_uwv_weken"),
        "wet",
    ),
    StepRule(
        "arbeidsdeskundig_advies",
        "Routeadvies arbeidsdeskundige met WIA-prognose",
        "arbeidsdeskundige",
        WeekEnd(P + "eerstejaarsevaluatie_weken"),
        "voorstel",
        "Geen wettelijke plicht, een verbetering uit het veld (RSC 2023 en 2025, bouwstenen 3B en 4C): "
        "arbeidsdeskundig onderzoek met routeadvies en WIA-prognose vóór het einde van het eerste ziektejaar, "
        "bij voorkeur eerder als spoor 1 stokt (voorkeursdatum). Uiterste datum: de eerstejaarsevaluatie, "
        "waar werkgever en werknemer beoordelen of terugkeer in het eigen bedrijf reëel is; zo niet, dan start "
        "daarna het tweede spoor (Werkwijzer Poortwachter § 4.3). Termijn van de "
        "eerstejaarsevaluatie:",
    ),
    StepRule(
        "eerstejaarsevaluatie",
        "Eerstejaarsevaluatie",
        "werkgever en werknemer",
        WeekEnd(P + "eerstejaarsevaluatie_weken"),
        "wet",
    ),
    StepRule(
        "start_tweede_spoor",
        "Start re-integratie tweede spoor",
        "werkgever",
        AfterAnchor("eerstejaarsevaluatie", WeekEnd(P + "eerstejaarsevaluatie_weken"), P + "start_tweede_spoor_weken"),
        "uwv-beleid",
        exempt_by="tweede_spoor_uitzondering",
    ),
    StepRule("uwv_wia_brief", "Brief van UWV over de WIA-aanvraag", "UWV", WeekEnd(P + "uwv_wia_brief_weken"), "wet"),
    StepRule(
        "actueel_oordeel",
        "Actueel oordeel bedrijfsarts",
        "bedrijfsarts",
        BeforeEnd(P + "re_integratieverslag_weken_voor_einde"),
        "wet",
    ),
    StepRule(
        "eindevaluatie",
        "Eindevaluatie",
        "werkgever en werknemer",
        BeforeEnd(P + "re_integratieverslag_weken_voor_einde"),
        "wet",
    ),
    StepRule(
        "re_integratieverslag",
        "Re-integratieverslag",
        "werkgever en werknemer",
        BeforeEnd(P + "re_integratieverslag_weken_voor_einde"),
        "wet",
    ),
    StepRule(
        "wia_aanvraag",
        "WIA-aanvraag",
        "werknemer",
        BeforeEnd(P + "wia_aanvraag_weken_voor_einde"),
        "wet",
        late_letter=LateLetter("uwv_wia_brief", P + "wia_aanvraag_na_late_brief_weken"),
    ),
    StepRule("einde_wachttijd", "Einde wachttijd en loondoorbetaling", "—", EndOfWachttijd(), "wet"),
)
STEP_BY_CODE = {s.code: s for s in STEPS}
# every event the schedule reads: the steps themselves, the exceptions they declare, and the events that
# move the end of the wachttijd (a caller can refuse an unknown code instead of having it ignored)
EVENT_CODES = frozenset(
    {*STEP_BY_CODE, *(s.exempt_by for s in STEPS if s.exempt_by)}
    | {"vrijwillige_verlenging", "loonsanctie", "herstel_vastgesteld", afw.EVENT}
)
AOW_STEPS = tuple(s.code for s in STEPS if s.aow)

# Events that exempt a dossier from the second track (Werkwijzer §4.3, via secondary sources).
TWEEDE_SPOOR_UITZONDERINGEN = {
    "concreet_perspectief_eigen_werk": "Concreet perspectief op structurele hervatting in eigen bedrijf binnen ~3 maanden",
    "blijvend_marginale_mogelijkheden": "Blijvend marginale mogelijkheden",
    "aow_binnen_jaar_na_wachttijd": "AOW-leeftijd binnen een jaar na einde wachttijd (met instemming van beiden)",
    "geen_benutbare_mogelijkheden": "Geen benutbare mogelijkheden en geen herstel verwacht (beperkte probleemanalyse)",
}


# --- result -----------------------------------------------------------------------------------

STATUS_NAAM = {
    Status.OPEN: "open",
    Status.BINNENKORT: "binnenkort",
    Status.TE_LAAT: "te laat",
    Status.GEDAAN: "gedaan",
    Status.NIET_NODIG: "niet nodig",
    Status.AFWIJKING: "afwijking met deugdelijke grond",
}


@dataclass
class ScheduledStep:
    code: str
    naam: str
    actor: str
    voorkeur: dt.date | None
    uiterlijk: dt.date | None
    soort_termijn: str
    grondslag: str
    url: str | None
    herhalend: bool = False
    volgnummer: int | None = None
    status: Status = Status.OPEN
    gedaan_op: dt.date | None = None
    tijdig: bool | None = None
    toelichting: str = ""
    afwijking: afw.TermijnAfwijking | None = None  # a recorded deviation from the legal deadline

    @property
    def streefdatum(self) -> dt.date | None:
        """The date the step is watched against: the deviation's new date where one is recorded."""
        if self.afwijking is not None and self.afwijking.nieuwe_datum is not None:
            return self.afwijking.nieuwe_datum
        return self.uiterlijk

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "naam": self.naam,
            "actor": self.actor,
            "voorkeur": _iso(self.voorkeur),
            "uiterlijk": _iso(self.uiterlijk),
            "soort_termijn": self.soort_termijn,
            "grondslag": self.grondslag,
            "url": self.url,
            "herhalend": self.herhalend,
            "volgnummer": self.volgnummer,
            "status": self.status,
            "gedaan_op": _iso(self.gedaan_op),
            "tijdig": self.tijdig,
            "toelichting": self.toelichting,
            "afwijking": self.afwijking.as_dict() if self.afwijking else None,
        }


@dataclass(frozen=True)
class WachttijdEinde:
    """The one computation of where the wachttijd ends (WIA art. 23-25): samentelling of the sick periods,
    vrijwillige verlenging and loonsanctie. The schedule, the income paths and the employer's costs all
    take their dates from here."""

    wachttijd: Wachttijd
    vorige_wachttijden: int
    end_offset: int  # sick-day offset of the last day of the wachttijd
    einde_wachttijd: dt.date
    loonsanctie_tot: dt.date | None = None

    @property
    def eerste_ziektedag(self) -> dt.date:
        return self.wachttijd.first_sick_day

    @property
    def laatste_loondag(self) -> dt.date:
        """The last day the employer pays wage for sickness (end of the wachttijd or of the loonsanctie)."""
        return self.loonsanctie_tot or self.einde_wachttijd

    @property
    def wia_start(self) -> dt.date:
        return self.laatste_loondag + dt.timedelta(days=1)


def current_events(wachttijd: Wachttijd, events: Iterable[Event]) -> list[Event]:
    """Events of an earlier wachttijd do not count for the current one."""
    return [e for e in events if e.date >= wachttijd.first_sick_day]


def wachttijd_einde(
    ctx: LawContext, periods: Iterable[SickPeriod], events: Sequence[Event] = (), aow: bool = False
) -> WachttijdEinde:
    """Where the current wachttijd ends, with samentelling, vrijwillige verlenging and loonsanctie."""
    chains = samentelling(ctx, periods)
    wachttijd = chains[-1]
    events = current_events(wachttijd, events)
    end = end_offset(ctx, wachttijd, events, aow)
    sanction = None if aow else _loonsanctie_end(ctx, wachttijd, end, events)
    return WachttijdEinde(wachttijd, len(chains) - 1, end, wachttijd.date_of(end), sanction)


@dataclass
class Schedule:
    wachttijd: Wachttijd
    einde_wachttijd: dt.date
    peildatum: dt.date
    stappen: list[ScheduledStep]
    vorige_wachttijden: int = 0
    loonsanctie_tot: dt.date | None = None
    evaluatie_interval_weken: int | None = None  # the legal interval of the evaluations (for prose)

    @property
    def eerste_ziektedag(self) -> dt.date:
        return self.wachttijd.first_sick_day

    @property
    def wia_start(self) -> dt.date:
        return (self.loonsanctie_tot or self.einde_wachttijd) + dt.timedelta(days=1)

    def step(self, code: str) -> ScheduledStep:
        return next(s for s in self.stappen if s.code == code)

    def compact_steps(self) -> list[ScheduledStep]:
        """The steps as people read them: evaluations held, and of the planned ones only the next."""
        result, next_shown = [], False
        for s in self.stappen:
            if s.herhalend and s.status != Status.GEDAAN:
                if next_shown:
                    continue
                next_shown = True
            result.append(s)
        return result

    def as_dict(self) -> dict[str, Any]:
        gaps = self.wachttijd.gaps()
        return {
            "eerste_ziektedag": self.eerste_ziektedag.isoformat(),
            "samentelling": {
                "perioden": [{"start": _iso(p.start), "eind": _iso(p.end)} for p in self.wachttijd.periods],
                "samengesteld": self.wachttijd.is_samengesteld,
                "onderbrekingsdagen": sum(days for _, days in gaps),
                "vorige_wachttijden": self.vorige_wachttijden,
            },
            "einde_wachttijd": self.einde_wachttijd.isoformat(),
            "loonsanctie_tot": _iso(self.loonsanctie_tot),
            "wia_start": self.wia_start.isoformat(),
            "peildatum": self.peildatum.isoformat(),
            "stappen": [s.as_dict() for s in self.stappen],
        }


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


# --- evaluation -------------------------------------------------------------------------------


def end_offset(ctx: LawContext, wachttijd: Wachttijd, events: Sequence[Event], aow: bool = False) -> int:
    """Sick-day offset of the last day of the wachttijd (or of loondoorbetaling past AOW age)."""
    d = wachttijd.first_sick_day
    if aow:
        return week_end_offset(ctx.value(P + "aow_loondoorbetaling_weken", d))
    offset = week_end_offset(ctx.value(P + "wachttijd_weken", d))
    minimum = ctx.value(P + "vrijwillige_verlenging_min_weken", d)
    for e in events:
        if e.code == "vrijwillige_verlenging":
            weeks = int(e.data.get("weken", 0))
            if weeks < minimum:
                raise InvalidInput(f"Een vrijwillige verlenging duurt ten minste {minimum} weken (opgegeven: {weeks}).")
            offset += 7 * weeks
    return offset


def deadline(
    ctx: LawContext, rule: DeadlineRule, wachttijd: Wachttijd, end: int, held: dict[str, dt.date]
) -> dt.date | None:
    """Evaluate one deadline rule for one dossier.

    ``None`` where the parameter's version in force says there was no fixed term (value ``null``, e.g. the start of
    the second track before UWV's Werkwijzer Poortwachter of March 2017): the step is listed without a deadline."""
    d = wachttijd.first_sick_day
    match rule:
        case WeekEnd(param):
            return wachttijd.date_of(week_end_offset(ctx.value(param, d)))
        case FirstWorkdayAfterWeek(param):
            return first_workday_on_or_after(ctx, wachttijd.date_of(7 * ctx.value(param, d)))
        case BeforeEnd(param):
            return wachttijd.date_of(end - 7 * ctx.value(param, d))
        case EndOfWachttijd():
            return wachttijd.date_of(end)
        case AfterAnchor(anchor_event, anchor_rule, param):
            weeks = ctx.value(param, d)
            if weeks is None:
                return None
            anchor = held.get(anchor_event) or deadline(ctx, anchor_rule, wachttijd, end, held)
            return anchor + dt.timedelta(weeks=weeks)  # type: ignore[operator]
    raise TypeError(rule)


def basis(ctx: LawContext, rule: StepRule, on: dt.date) -> tuple[str, str | None]:
    """The legal basis text and URL of a step: from its parameter, so it is stated once."""
    match rule.deadline:
        case None:
            if rule.recurring:
                version = ctx.version(rule.recurring.param, on)
                return str(version.reference), version.reference.url
            return rule.basis_note, None
        case _:
            version = ctx.version(rule.deadline.param, on)
            if rule.basis_note:  # a deadline borrowed from a legal step for a norm that is not itself law
                return f"{rule.basis_note} {version.reference}", version.reference.url
            return str(version.reference), version.reference.url


def schedule(
    ctx: LawContext,
    periods: Iterable[SickPeriod],
    events: Sequence[Event] = (),
    peildatum: dt.date | None = None,
    policy: PreferencePolicy | None = None,
    aow: bool = False,
) -> Schedule:
    """Every step of the current wachttijd with preferred date, legal deadline, basis and status.

    ``peildatum`` is the date the status is judged on (defaults to the first sick day: the law
    layer never reads the clock). ``aow``: the employee had reached the AOW age on the first sick day.
    """
    einde = wachttijd_einde(ctx, periods, events, aow)
    wachttijd, end = einde.wachttijd, einde.end_offset
    policy = policy or default_policy()
    d = wachttijd.first_sick_day
    peildatum = peildatum or d
    events = current_events(wachttijd, events)
    held: dict[str, dt.date] = {}
    for e in sorted(events, key=lambda e: e.date):
        held.setdefault(e.code, e.date)  # the first time a step was done is when it was done

    steps: list[ScheduledStep] = []
    for rule in STEPS:
        if aow and not rule.aow:
            continue
        grondslag, url = basis(ctx, rule, d)
        if rule.recurring:
            steps.extend(_evaluations(ctx, rule, wachttijd, end, held, events, policy, peildatum, grondslag, url))
            continue
        uiterlijk = deadline(ctx, rule.deadline, wachttijd, end, held) if rule.deadline else None
        if rule.late_letter and rule.late_letter.letter in held:
            late_letter = held[rule.late_letter.letter] + dt.timedelta(weeks=ctx.value(rule.late_letter.param, d))
            uiterlijk = max(uiterlijk, late_letter)  # type: ignore[type-var]
        pref = policy.offset(rule.code)
        voorkeur = wachttijd.date_of(pref) if pref is not None else None
        if rule.preferred_on_held:
            voorkeur = held.get(rule.preferred_on_held) or voorkeur
        if voorkeur and uiterlijk and voorkeur > uiterlijk:
            voorkeur = uiterlijk
        step = ScheduledStep(rule.code, rule.naam, rule.actor, voorkeur, uiterlijk, rule.kind, grondslag, url)
        if rule.deadline is not None and uiterlijk is None:
            step.toelichting = ctx.version(rule.deadline.param, d).note  # why there is no fixed term on this date
        _judge(step, held.get(rule.code), peildatum, policy)
        steps.append(step)

    if aow:
        end_date = wachttijd.date_of(end)
        grond, url = basis(ctx, StepRule("", "", "", WeekEnd(P + "aow_loondoorbetaling_weken"), "wet"), d)
        step = ScheduledStep(
            "einde_loondoorbetaling",
            "Einde loondoorbetaling (werknemer met AOW-leeftijd)",
            "—",
            None,
            end_date,
            "wet",
            grond,
            url,
        )
        _judge(step, None, peildatum, policy)
        steps.append(step)

    for rule in STEPS:
        exemption = next((e for e in events if rule.exempt_by and e.code == rule.exempt_by), None)
        step = next((s for s in steps if s.code == rule.code), None)
        if exemption and step and step.status != Status.GEDAAN:
            grond = str(exemption.data.get("grond", ""))
            step.status = Status.NIET_NODIG
            step.toelichting = TWEEDE_SPOOR_UITZONDERINGEN.get(grond, grond) + f" (vastgelegd {exemption.date})"

    _afwijkingen(steps, events, peildatum, policy)

    loonsanctie_tot = einde.loonsanctie_tot
    for s in steps:
        if s.code == "einde_wachttijd" and loonsanctie_tot:
            s.toelichting = f"Loonsanctie: loondoorbetaling loopt door tot en met {loonsanctie_tot}"
    # the timeline reads in the order people should act: preferred date first, else the deadline
    steps.sort(key=lambda s: (s.voorkeur or s.uiterlijk or dt.date.max, STEP_ORDER.get(s.code, 99)))
    interval = None if aow else ctx.value(P + "evaluatie_interval_weken", d)
    return Schedule(
        wachttijd, einde.einde_wachttijd, peildatum, steps, einde.vorige_wachttijden, loonsanctie_tot, interval
    )


STEP_ORDER = {s.code: i for i, s in enumerate(STEPS)}


def _evaluations(
    ctx: LawContext, rule, wachttijd, end, held, events, policy, peildatum, grondslag, url
) -> list[ScheduledStep]:
    """Recurring evaluations: each at most N weeks after the plan van aanpak or the previous evaluation.

    Held evaluations are listed as done; after the last one, evaluations are projected every N
    weeks up to the end of the wachttijd."""
    d = wachttijd.first_sick_day
    interval = dt.timedelta(weeks=ctx.value(rule.recurring.param, d))
    pref = policy.steps.get(rule.code)
    pref_interval = min(interval, dt.timedelta(weeks=pref.interval_weeks)) if pref and pref.interval_weeks else interval
    after = STEP_BY_CODE[rule.recurring.after]
    previous = held.get(after.code) or deadline(ctx, after.deadline, wachttijd, end, held)  # type: ignore[arg-type]
    last_day = wachttijd.date_of(end)
    result = []

    def occurrence(after: dt.date, done: dt.date | None) -> ScheduledStep:
        step = ScheduledStep(
            rule.code,
            rule.naam,
            rule.actor,
            after + pref_interval,
            after + interval,
            rule.kind,
            grondslag,
            url,
            True,
            len(result) + 1,
        )
        _judge(step, done, peildatum, policy)
        return step

    for done in sorted(e.date for e in events if e.code == rule.code):
        result.append(occurrence(previous, done))
        previous = done
    while previous + interval < last_day:
        result.append(occurrence(previous, None))
        previous += interval
    return result


def deadline_status(
    uiterlijk: dt.date | None,
    done: dt.date | None,
    peildatum: dt.date,
    due_soon_days: int,
    afwijking_tot: dt.date | None = None,
) -> Status:
    """The status of one deadline on ``peildatum``: the one rule every view of a schedule uses.

    ``afwijking_tot``: the new date of a recorded deviation with a deugdelijke grond (law/afwijking.py); until
    then the step is not overdue but 'afwijking', after it overdue again."""
    if done is not None:
        return Status.GEDAAN
    if afwijking_tot is not None:
        return Status.TE_LAAT if peildatum > afwijking_tot else Status.AFWIJKING
    if uiterlijk is None:
        return Status.OPEN
    if peildatum > uiterlijk:
        return Status.TE_LAAT
    return Status.BINNENKORT if (uiterlijk - peildatum).days <= due_soon_days else Status.OPEN


def _afwijkingen(
    steps: list[ScheduledStep], events: Sequence[Event], peildatum: dt.date, policy: PreferencePolicy
) -> None:
    """Recorded deviations from a legal deadline (law/afwijking.py): the step keeps its legal deadline and shows
    the deviation; an open step is judged against the new date. Of a recurring step (the evaluations) the
    deviation concerns the occurrence not done on time whose deadline is nearest to when it was recorded."""
    for code, a in afw.per_stap(events).items():
        candidates = [s for s in steps if s.code == code and s.status != Status.NIET_NODIG and s.tijdig is not True]
        if not candidates:
            continue
        step = min(candidates, key=lambda s: abs(((s.uiterlijk or a.vastgelegd_op) - a.vastgelegd_op).days))
        step.afwijking = a
        step.toelichting = a.beschrijving()
        if step.status != Status.GEDAAN:
            step.status = deadline_status(step.uiterlijk, None, peildatum, policy.due_soon_days, a.nieuwe_datum)


def _judge(step: ScheduledStep, done: dt.date | None, peildatum: dt.date, policy: PreferencePolicy) -> None:
    step.status = deadline_status(step.uiterlijk, done, peildatum, policy.due_soon_days)
    if done is not None:
        step.gedaan_op = done
        step.tijdig = step.uiterlijk is None or done <= step.uiterlijk


def _loonsanctie_end(ctx: LawContext, wachttijd: Wachttijd, end: int, events: Sequence[Event]) -> dt.date | None:
    sanction = next((e for e in events if e.code == "loonsanctie"), None)
    if sanction is None:
        return None
    herstel = next((e.date for e in events if e.code == "herstel_vastgesteld"), None)
    return loonsanctie_einde(ctx, wachttijd.date_of(end), herstel, sanction.data.get("weken"))


def loonsanctie_einde(
    ctx: LawContext, einde_wachttijd: dt.date, herstel_vastgesteld: dt.date | None = None, weken: int | None = None
) -> dt.date:
    """Last day of wage payment under a loonsanctie (WIA art. 25 lid 9 and 14).

    The sanction lasts the weeks UWV imposed (at most 52), and ends six weeks after UWV
    establishes that the shortcoming was repaired, never later than its maximum."""
    maximum = ctx.value(P + "loonsanctie_max_weken", einde_wachttijd)
    weeks = maximum if weken is None else int(weken)
    if not 0 < weeks <= maximum:
        raise InvalidInput(f"Een loonsanctie duurt 1 tot en met {maximum} weken (opgegeven: {weeks}).")
    end = einde_wachttijd + dt.timedelta(weeks=weeks)
    if herstel_vastgesteld is not None:
        after = ctx.value(P + "loonsanctie_einde_na_herstel_weken", einde_wachttijd)
        end = min(end, herstel_vastgesteld + dt.timedelta(weeks=after))
    return end


def vroegst_einde_verkorte_wachttijd(ctx: LawContext, wachttijd: Wachttijd, aanvraag: dt.date) -> dt.date:
    """Earliest last day of a shortened wachttijd after an early IVA application (WIA art. 23 lid 6).

    At least 13 and at most 78 weeks, and not within 10 weeks of the application. UWV decides
    whether the employee is volledig en duurzaam arbeidsongeschikt; this is only the date bound."""
    rule = ctx.value(P + "verkorte_wachttijd", wachttijd.first_sick_day)
    earliest = max(
        wachttijd.date_of(week_end_offset(rule["min_weken"])),
        aanvraag + dt.timedelta(weeks=rule["min_weken_na_aanvraag"]),
    )
    latest = wachttijd.date_of(week_end_offset(rule["max_weken"]))
    if earliest > latest:
        raise InvalidInput(
            f"Een vervroegde IVA-aanvraag op {aanvraag} is te laat: de verkorte wachttijd duurt ten hoogste "
            f"{rule['max_weken']} weken (tot en met {latest}) en eindigt niet binnen "
            f"{rule['min_weken_na_aanvraag']} weken na de aanvraag."
        )
    return earliest
