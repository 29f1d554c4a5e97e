"""The RIV-toets for a whole portfolio at once (numpy twin of ``toets.toets`` for the date- and count-based rules).

It evaluates, with the same parameters and the same deadlines (``poortwachter_vec`` interprets the same
step declarations as the scalar schedule), the rules that decide most loonsancties: the documents of the
RIV (probleemanalyse, plan van aanpak, eerstejaarsevaluatie, actueel oordeel, eindevaluatie, the
employee's opinion), the second track (required, by when, late or missing, the concrete-perspective
exception), job-search activity per month and a quiet trajectory, and a bevredigend resultaat; then the
outcome: loonsanctie possible, expected weeks and cost. The rules that rest on a person's judgement or on
free text (zoekprofiel breadth, interventions, route choice, plan content, evaluations' cadence,
arbeidstherapeutisch werken, the trajectory's end) stay in the scalar path, which a case page uses.
Both paths are tested against each other on dossiers where those rules are in order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from spoorwijzer.law import loondoorbetaling as ldb
from spoorwijzer.law import poortwachter as pw
from spoorwijzer.law import poortwachter_vec as pv
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.money import mul_div
from spoorwijzer.law.toets import IN_ORDE, NVT, RISICO, TEKORTKOMING, B
from spoorwijzer.law.vec import NAT, param_array
from spoorwijzer.law.vroegst import EARLIEST

NVT_, IN_ORDE_, RISICO_, TEKORTKOMING_ = range(4)
CODE = {NVT_: NVT, IN_ORDE_: IN_ORDE, RISICO_: RISICO, TEKORTKOMING_: TEKORTKOMING}
REQUIRED = ("probleemanalyse", "plan_van_aanpak", "actueel_oordeel", "eindevaluatie")
RULES = (*REQUIRED, "eerstejaarsevaluatie", "oordeel_werknemer", "tweede_spoor", "zoekactiviteit", "stil_traject")
DAY = np.timedelta64(1, "D")


@dataclass
class ToetsPortfolio:
    """N dossiers: the schedule's portfolio (first sick day, interruptions, steps held) and the toets's facts."""

    p: pv.Portfolio  # held: probleemanalyse, plan_van_aanpak, eerstejaarsevaluatie, start_tweede_spoor,
    # actueel_oordeel, eindevaluatie, oordeel_werknemer (NaT = not held)
    concreet_perspectief: np.ndarray  # bool: the eerstejaarsevaluatie concluded a concrete perspective in-house
    activity_base: np.datetime64  # datetime64[M]: the calendar month of column 0 of ``activity``
    activity: np.ndarray  # int (N, M): applications + contacts per calendar month
    laatste_activiteit: np.ndarray  # datetime64[D] (NaT: none)
    resultaat_pct: np.ndarray  # float: loonwaarde of the work at the end (NaN: no result recorded)
    resultaat_ok: np.ndarray  # bool: the work is structural and accepted by the employee
    maandloon_cent: np.ndarray  # int (0: unknown)
    uren_x100: np.ndarray  # int


@dataclass
class PortfolioToets:
    oordeel: dict[str, np.ndarray]  # rule code -> verdict code (see CODE)
    loonsanctie_mogelijk: np.ndarray
    weken: np.ndarray
    cent: np.ndarray  # -1 where the wage is unknown
    tweede_spoor_uiterlijk: np.ndarray

    @property
    def ernst(self) -> np.ndarray:
        worst = np.maximum.reduce([v for v in self.oordeel.values()])
        return np.where(self.loonsanctie_mogelijk, 2, np.where(worst >= RISICO_, 1, 0))


def _add_months(days: np.ndarray, months: int) -> np.ndarray:
    """Same day-of-month ``months`` later, clamped to the month's last day (the scalar ``_add_months``)."""
    month = days.astype("datetime64[M]")
    target = month + np.timedelta64(months, "M")
    dom = (days - month.astype("datetime64[D]")).astype(np.int64)
    last = ((target + np.timedelta64(1, "M")).astype("datetime64[D]") - target.astype("datetime64[D]")).astype(
        np.int64
    ) - 1
    return target.astype("datetime64[D]") + np.minimum(dom, last).astype("timedelta64[D]")


def _ceil_weeks(delta_days: np.ndarray) -> np.ndarray:
    return np.maximum(0, -(-delta_days // 7))


def toets(ctx: LawContext, tp: ToetsPortfolio, peildatum: dt.date) -> PortfolioToets:
    p = tp.p
    n = p.size
    peil = np.datetime64(peildatum, "D")
    end = pv.end_offset(ctx, p)
    einde = p.date_of(end)
    first = p.first_sick_day
    admin = param_array(ctx, B + "administratief_herstel_weken", first).astype(np.int64)
    oordeel: dict[str, np.ndarray] = {}
    repair: dict[str, np.ndarray] = {}

    def earliest(code: str) -> np.ndarray | None:
        """law.vroegst's earliest sensible date of each case (None: the step has none)."""
        rule = EARLIEST.get(code)
        if rule is None:
            return None
        weeks = param_array(ctx, rule.param, first).astype(np.int64)
        return p.date_of(7 * (weeks - 1) if rule.anchor == "week" else end - 7 * weeks + 1)

    def step(code: str, deadline: np.ndarray, done: np.ndarray, early: np.ndarray | None = None) -> None:
        v = np.full(n, NVT_, np.int8)
        has = ~np.isnat(done)
        v[has & (done <= deadline)] = IN_ORDE_
        v[has & (done > deadline)] = RISICO_
        if early is not None:  # recorded before it is current: a risk (toets._required_step)
            v[has & (done < early)] = RISICO_
        missing = ~has & (peil > deadline)
        v[missing] = TEKORTKOMING_
        oordeel[code] = v
        repair[code] = np.where(missing, admin, 0)

    rules = pw.STEP_BY_CODE
    for code in REQUIRED:
        step(code, pv.deadline(ctx, rules[code].deadline, p, end), p.held_or_nat(code), earliest(code))
    step(
        "eerstejaarsevaluatie",
        pv.deadline(ctx, rules["eerstejaarsevaluatie"].deadline, p, end),
        p.held_or_nat("eerstejaarsevaluatie"),
    )
    step(
        "oordeel_werknemer",
        pv.deadline(ctx, rules["re_integratieverslag"].deadline, p, end),
        p.held_or_nat("oordeel_werknemer"),
    )
    oordeel["oordeel_werknemer"][oordeel["oordeel_werknemer"] == RISICO_] = IN_ORDE_  # given late still counts

    # bevredigend resultaat (Beleidsregels § 3)
    threshold = param_array(ctx, B + "bevredigend_loonwaarde_pct", first)
    has_result = ~np.isnan(tp.resultaat_pct)
    bevredigend = has_result & tp.resultaat_ok & (np.nan_to_num(tp.resultaat_pct) >= threshold)

    # the second track
    uiterlijk = pv.deadline(ctx, rules["start_tweede_spoor"].deadline, p, end)
    start = p.held_or_nat("start_tweede_spoor")
    started = ~np.isnat(start)
    eje = p.held_or_nat("eerstejaarsevaluatie")
    months = int(param_array(ctx, B + "concreet_perspectief_maanden", first[:1])[0]) if n else 0
    horizon = np.where(np.isnat(eje), NAT, _add_months(np.where(np.isnat(eje), first, eje), months))
    exempt = tp.concreet_perspectief & ~np.isnat(eje) & ~started
    ts = np.full(n, NVT_, np.int8)
    ts_repair = np.zeros(n, np.int64)
    ts[started & (start <= uiterlijk)] = IN_ORDE_
    late = started & (start > uiterlijk)
    ts[late] = TEKORTKOMING_
    ts_repair = np.where(late, _ceil_weeks((start - uiterlijk).astype(np.int64)), ts_repair)
    missing = ~started & (peil > uiterlijk)
    ts[missing] = TEKORTKOMING_
    ts_repair = np.where(missing, _ceil_weeks((einde - uiterlijk).astype(np.int64)), ts_repair)
    ts[exempt & (peil <= horizon)] = IN_ORDE_
    ts[exempt & (peil > horizon)] = RISICO_
    ts_repair = np.where(exempt, 0, ts_repair)
    ts[bevredigend] = NVT_
    ts_repair = np.where(bevredigend, 0, ts_repair)
    oordeel["tweede_spoor"], repair["tweede_spoor"] = ts, ts_repair

    # job-search activity per calendar month wholly inside the trajectory (up to the peildatum, the end)
    minimum = int(param_array(ctx, B + "zoekactiviteit_min_per_maand", first[:1])[0]) if n else 1
    until = np.minimum(peil, einde)
    start_d = np.where(started, start, peil)
    start_m = start_d.astype("datetime64[M]")
    first_m = np.where(start_m.astype("datetime64[D]") == start_d, start_m, start_m + np.timedelta64(1, "M"))
    next_m = (until + DAY).astype("datetime64[M]")  # months ending on or before ``until``
    last_m = np.where((until + DAY) == next_m.astype("datetime64[D]"), next_m, next_m) - np.timedelta64(1, "M")
    cols = tp.activity_base + np.arange(tp.activity.shape[1]).astype("timedelta64[M]")
    lo = (first_m - tp.activity_base).astype(np.int64)
    hi = (last_m - tp.activity_base).astype(np.int64)
    span = np.maximum(0, hi - lo + 1)
    col_idx = np.arange(tp.activity.shape[1])
    judged = (col_idx[None, :] >= lo[:, None]) & (col_idx[None, :] <= hi[:, None]) & started[:, None]
    quiet = judged & (tp.activity < minimum)
    # months before column 0 or after the last column have no activity recorded: all quiet
    outside = np.maximum(0, np.minimum(hi, -1) - lo + 1) + np.maximum(0, hi - np.maximum(lo, tp.activity.shape[1]) + 1)
    outside = np.where(started, np.minimum(outside, span), 0)
    days_in = ((cols + np.timedelta64(1, "M")).astype("datetime64[D]") - cols.astype("datetime64[D]")).astype(np.int64)
    quiet_days = (quiet * days_in[None, :]).sum(axis=1) + outside * 30
    n_quiet = quiet.sum(axis=1) + outside
    za = np.full(n, NVT_, np.int8)
    za[started & (span > 0)] = IN_ORDE_
    za[started & (n_quiet > 0)] = TEKORTKOMING_
    oordeel["zoekactiviteit"] = za
    repair["zoekactiviteit"] = np.where(za == TEKORTKOMING_, -(-quiet_days // 7), 0)
    weeks_quiet = param_array(ctx, B + "stil_traject_weken", first).astype(np.int64)
    since = np.where(np.isnat(tp.laatste_activiteit), start_d, tp.laatste_activiteit)
    st = np.full(n, NVT_, np.int8)
    st[started] = IN_ORDE_
    st[started & ((peil - since).astype(np.int64) >= 7 * weeks_quiet)] = RISICO_
    oordeel["stil_traject"] = st
    repair["stil_traject"] = np.zeros(n, np.int64)

    # the outcome
    shortcoming = np.zeros(n, bool)
    longest = np.zeros(n, np.int64)
    for code in RULES:
        tk = oordeel[code] == TEKORTKOMING_
        shortcoming |= tk
        longest = np.maximum(longest, np.where(tk, repair[code], 0))
    mogelijk = shortcoming & ~bevredigend
    maximum = param_array(ctx, pw.P + "loonsanctie_max_weken", einde).astype(np.int64)
    tail = param_array(ctx, pw.P + "loonsanctie_einde_na_herstel_weken", einde).astype(np.int64)
    weken = np.where(mogelijk, np.minimum(maximum, longest + tail), 0)
    cent = np.full(n, -1, np.int64)
    on = np.minimum(einde, peil)
    known = tp.maandloon_cent > 0
    for day in np.unique(on[known]):
        idx = known & (on == day)
        d = day.astype(object)
        pct = ldb.legal_percentage_bp(ctx, d)
        per_month = ldb.per_maand(ctx, tp.maandloon_cent[idx], tp.uren_x100[idx], pct, False, 0, d).astype(np.int64)
        cent[idx] = mul_div(per_month * 12, weken[idx], 52).astype(np.int64)
    return PortfolioToets(oordeel, mogelijk, weken, cent, np.where(bevredigend | exempt, NAT, uiterlijk))
