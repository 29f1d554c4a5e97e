"""The Poortwachter schedule for a whole portfolio at once (numpy twin of ``poortwachter.schedule``).

It interprets the same ``STEPS`` declarations as the scalar path, with dates as datetime64[D]
arrays. It covers the legal deadlines, the next due evaluation and the status per step; the
full per-occurrence evaluation list and loonsanctie stay in the scalar path (one dossier's page).
Both paths are tested against each other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from spoorwijzer.law import poortwachter as pw
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput
from spoorwijzer.law.vec import NAT, param_array
from spoorwijzer.law.voorkeur import PreferencePolicy, default_policy
from spoorwijzer.law.weeks import Wachttijd, public_holidays

STATUS = tuple(pw.Status)  # index = the int8 code in the arrays
OPEN, BINNENKORT, TE_LAAT, GEDAAN, NIET_NODIG = range(5)
VECTOR_STEPS = tuple(s for s in pw.STEPS if not s.recurring)
RECURRING = next(s for s in pw.STEPS if s.recurring)  # the evaluations: the vector twin gives the next one due
EXEMPTING = {s.exempt_by for s in pw.STEPS if s.exempt_by}


@dataclass
class Portfolio:
    """N dossiers: first sick day, the interruptions of their current wachttijd, and held events."""

    first_sick_day: np.ndarray  # datetime64[D], (N,)
    gap_at: np.ndarray  # int, (N, K): sick-day offset where a later period starts (padded with a huge number)
    gap_days: np.ndarray  # int, (N, K): interruption days before it (padded with 0)
    extra_weeks: np.ndarray  # int, (N,): vrijwillige verlenging in weeks
    held: dict[str, np.ndarray] = field(default_factory=dict)  # step code -> datetime64[D] (NaT = not held)
    last_evaluation: np.ndarray | None = None  # datetime64[D], latest evaluation held
    exempt_tweede_spoor: np.ndarray | None = None  # bool
    loonsanctie_weken: np.ndarray | None = None  # int: 0 none, -1 the legal maximum, else the weeks imposed
    herstel_vastgesteld: np.ndarray | None = None  # datetime64[D]: UWV found the shortcoming repaired (NaT: no)

    @property
    def size(self) -> int:
        return len(self.first_sick_day)

    @classmethod
    def uninterrupted(cls, first_sick_day: np.ndarray) -> Portfolio:
        """Dossiers of one sick period each, without events."""
        n = len(first_sick_day)
        return cls(
            first_sick_day.astype("datetime64[D]"),
            np.zeros((n, 0), np.int64),
            np.zeros((n, 0), np.int64),
            np.zeros(n, np.int64),
        )

    def take(self, idx) -> Portfolio:
        return Portfolio(
            **{
                k: (None if v is None else {c: a[idx] for c, a in v.items()} if isinstance(v, dict) else v[idx])
                for k, v in self.__dict__.items()
            }
        )

    @classmethod
    def from_cases(cls, cases: Sequence[tuple[Wachttijd, Sequence[pw.Event]]]) -> Portfolio:
        n = len(cases)
        k = max([len(w.periods) - 1 for w, _ in cases] + [1])
        gap_at = np.full((n, k), np.iinfo(np.int64).max // 4, dtype=np.int64)
        gap_days = np.zeros((n, k), dtype=np.int64)
        held: dict[str, np.ndarray] = {}
        last_eval = np.full(n, NAT)
        exempt = np.zeros(n, dtype=bool)
        extra = np.zeros(n, dtype=np.int64)
        sanction = np.zeros(n, dtype=np.int64)
        herstel = np.full(n, NAT)
        for i, (w, events) in enumerate(cases):
            for j, (at, days) in enumerate(w.gaps()):
                gap_at[i, j], gap_days[i, j] = at, days
            for e in sorted(events, key=lambda e: e.date):
                if e.date < w.first_sick_day:
                    continue
                day = np.datetime64(e.date, "D")
                if e.code == RECURRING.code:
                    last_eval[i] = day
                elif e.code in EXEMPTING:
                    exempt[i] = True
                elif e.code == "vrijwillige_verlenging":
                    extra[i] += int(e.data.get("weken", 0))
                elif e.code == "loonsanctie" and sanction[i] == 0:
                    sanction[i] = int(e.data["weken"]) if e.data.get("weken") is not None else -1
                elif e.code == "herstel_vastgesteld" and np.isnat(herstel[i]):
                    herstel[i] = day
                if e.code not in held:
                    held[e.code] = np.full(n, NAT)
                column = held[e.code]
                if np.isnat(column[i]):
                    column[i] = day
        first = np.array([np.datetime64(w.first_sick_day, "D") for w, _ in cases], dtype="datetime64[D]")
        return cls(first, gap_at, gap_days, extra, held, last_eval, exempt, sanction, herstel)

    def date_of(self, offset: np.ndarray | int) -> np.ndarray:
        offset = np.broadcast_to(np.asarray(offset, dtype=np.int64), (self.size,))
        shift = np.where(self.gap_at <= offset[:, None], self.gap_days, 0).sum(axis=1)
        return self.first_sick_day + (offset + shift).astype("timedelta64[D]")

    def held_or_nat(self, code: str) -> np.ndarray:
        return self.held.get(code, np.full(self.size, NAT))


def _weeks(ctx: LawContext, param: str, p: Portfolio) -> np.ndarray:
    return param_array(ctx, param, p.first_sick_day).astype(np.int64)


def end_offset(ctx: LawContext, p: Portfolio) -> np.ndarray:
    return 7 * _weeks(ctx, pw.P + "wachttijd_weken", p) - 1 + 7 * p.extra_weeks


def laatste_loondag(ctx: LawContext, p: Portfolio, end: np.ndarray | None = None) -> np.ndarray:
    """Vector twin of ``WachttijdEinde.laatste_loondag``: the end of the wachttijd, or of the loonsanctie
    (``poortwachter.loonsanctie_einde``: the weeks imposed, at most the maximum, ending six weeks after UWV
    found the shortcoming repaired)."""
    einde = p.date_of(end_offset(ctx, p) if end is None else end)
    if p.loonsanctie_weken is None or not p.loonsanctie_weken.any():
        return einde
    has = p.loonsanctie_weken != 0
    maximum = param_array(ctx, pw.P + "loonsanctie_max_weken", einde[has]).astype(np.int64)
    weeks = np.where(p.loonsanctie_weken[has] < 0, maximum, p.loonsanctie_weken[has])
    if ((weeks <= 0) | (weeks > maximum)).any():
        raise InvalidInput(f"Een loonsanctie duurt 1 tot en met {int(maximum.max())} weken.")
    sanction_end = einde[has] + (7 * weeks).astype("timedelta64[D]")
    herstel = p.herstel_vastgesteld[has] if p.herstel_vastgesteld is not None else np.full(has.sum(), NAT)
    after = param_array(ctx, pw.P + "loonsanctie_einde_na_herstel_weken", einde[has]).astype(np.int64)
    by_repair = herstel + (7 * after).astype("timedelta64[D]")
    sanction_end = np.where(np.isnat(herstel), sanction_end, np.minimum(sanction_end, by_repair))
    result = einde.copy()
    result[has] = sanction_end
    return result


def deadline(ctx: LawContext, rule: pw.DeadlineRule, p: Portfolio, end: np.ndarray) -> np.ndarray:
    """Vector twin of ``poortwachter.deadline``."""
    match rule:
        case pw.WeekEnd(param):
            return p.date_of(7 * _weeks(ctx, param, p) - 1)
        case pw.FirstWorkdayAfterWeek(param):
            dates = p.date_of(7 * _weeks(ctx, param, p))
            years = range(int(dates.min().astype(object).year), int(dates.max().astype(object).year) + 1)
            holidays = sorted(h for y in years for h in public_holidays(ctx, y))
            return np.busday_offset(dates, 0, roll="forward", holidays=holidays)
        case pw.BeforeEnd(param):
            return p.date_of(end - 7 * _weeks(ctx, param, p))
        case pw.EndOfWachttijd():
            return p.date_of(end)
        case pw.AfterAnchor(anchor_event, anchor_rule, param):
            held = p.held_or_nat(anchor_event)
            anchor = np.where(np.isnat(held), deadline(ctx, anchor_rule, p, end), held)
            raw = param_array(ctx, param, p.first_sick_day)
            none = np.array([w is None for w in raw], dtype=bool)  # no fixed term on that date (scalar: None)
            weeks = np.where(none, 0, raw).astype(np.int64)
            return np.where(none, NAT, anchor + (7 * weeks).astype("timedelta64[D]"))
    raise TypeError(rule)


def judge(uiterlijk: np.ndarray, done: np.ndarray, peildatum: dt.date, due_soon_days: int) -> np.ndarray:
    """Vector twin of ``poortwachter._judge``: a status code per dossier."""
    peil = np.datetime64(peildatum, "D")
    status = np.full(len(uiterlijk), OPEN, dtype=np.int8)
    has_deadline = ~np.isnat(uiterlijk)
    status[has_deadline & (uiterlijk - peil <= np.timedelta64(due_soon_days, "D"))] = BINNENKORT
    status[has_deadline & (peil > uiterlijk)] = TE_LAAT
    status[~np.isnat(done)] = GEDAAN
    return status


@dataclass
class PortfolioSchedule:
    uiterlijk: dict[str, np.ndarray]
    status: dict[str, np.ndarray]
    volgende_evaluatie: np.ndarray

    def overdue(self) -> np.ndarray:
        """Number of overdue steps per dossier (the dashboard's first sort key)."""
        return sum((s == TE_LAAT).astype(np.int32) for s in self.status.values())


def schedule(
    ctx: LawContext, p: Portfolio, peildatum: dt.date, policy: PreferencePolicy | None = None
) -> PortfolioSchedule:
    policy = policy or default_policy()
    end = end_offset(ctx, p)
    uiterlijk: dict[str, np.ndarray] = {}
    status: dict[str, np.ndarray] = {}
    for rule in VECTOR_STEPS:
        dates = np.full(p.size, NAT) if rule.deadline is None else deadline(ctx, rule.deadline, p, end)
        if rule.late_letter and rule.late_letter.letter in p.held:
            weeks = 7 * _weeks(ctx, rule.late_letter.param, p)
            late = p.held[rule.late_letter.letter] + weeks.astype("timedelta64[D]")
            dates = np.where(np.isnat(late), dates, np.maximum(dates, late))
        uiterlijk[rule.code] = dates
        status[rule.code] = judge(dates, p.held_or_nat(rule.code), peildatum, policy.due_soon_days)
    for rule in VECTOR_STEPS:
        if rule.exempt_by and p.exempt_tweede_spoor is not None:
            s = status[rule.code]
            s[p.exempt_tweede_spoor & (s != GEDAAN)] = NIET_NODIG
    # the next evaluation is due N weeks after the later of the plan van aanpak and the last evaluation
    after = RECURRING.recurring.after
    pva = p.held_or_nat(after)
    base = np.where(np.isnat(pva), uiterlijk[after], pva)
    if p.last_evaluation is not None:
        base = np.where(np.isnat(p.last_evaluation), base, np.maximum(base, p.last_evaluation))
    volgende = base + (7 * _weeks(ctx, RECURRING.recurring.param, p)).astype("timedelta64[D]")
    return PortfolioSchedule(uiterlijk, status, volgende)
