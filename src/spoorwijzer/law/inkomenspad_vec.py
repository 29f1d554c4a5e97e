"""Income paths for many persons at once: the numpy twin of ``inkomenspad.bereken``.

One scenario per person (``scenario`` holds an index into ``SCENARIO_CODES``), all amounts in prices
of one ``prijspeil``. The phases are the same as in the scalar path and use the same formula
functions (wia, ww, loondoorbetaling). Spreading phases over calendar months uses a difference
array: whole months cost one cumulative sum, only the first and last month of a phase are
pro-rated by days, exactly as the scalar path does.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from spoorwijzer.law import loondoorbetaling as ldb
from spoorwijzer.law import poortwachter_vec as pv
from spoorwijzer.law import wia, ww
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.inkomenspad import SCENARIOS
from spoorwijzer.law.money import bp, mul_div
from spoorwijzer.law.vec import NAT

SCENARIO_CODES = tuple(SCENARIOS)
EIGEN, NIEUW, MINNER, WGA_WERKEND, WGA_NIET, IVA = range(6)
HUISHOUDENS = ("alleenstaande", "gehuwden")


@dataclass
class Personen:
    wachttijd: pv.Portfolio  # the wachttijd as the schedule's vector twin reads it (gaps, verlenging, loonsanctie)
    maandloon: np.ndarray  # cents
    scenario: np.ndarray  # index into SCENARIO_CODES
    uren_per_week_x100: np.ndarray
    sv_jaarloon: np.ndarray  # cents
    percentage_jaar1_bp: np.ndarray
    percentage_jaar2_bp: np.ndarray
    jaren_voor_2016: np.ndarray
    jaren_vanaf_2016: np.ndarray
    jareneis: np.ndarray  # bool
    referte_eis: np.ndarray  # bool
    huishouden: np.ndarray  # index into HUISHOUDENS
    maatmaninkomen: np.ndarray  # cents (0 where no judgement)
    rvc: np.ndarray  # cents
    duurzaam: np.ndarray  # bool
    inkomen_wga: np.ndarray  # cents
    stop_datum: np.ndarray  # datetime64[D]: hervatting or plaatsing (NaT where none)
    nieuw_loon: np.ndarray  # cents: loon after hervatting/plaatsing
    deels_vanaf: np.ndarray | None = None  # datetime64[D]: partial resumption during the wachttijd (NaT: none)
    gewerkt_bp: np.ndarray | None = None  # share of hours worked from then
    pct_werkend_jaar1_bp: np.ndarray | None = None  # sick-hours percentage while working (cao top-up)
    pct_werkend_jaar2_bp: np.ndarray | None = None

    @property
    def size(self) -> int:
        return len(self.maandloon)

    @property
    def eerste_ziektedag(self) -> np.ndarray:
        return self.wachttijd.first_sick_day

    def take(self, idx: slice) -> Personen:
        return Personen(
            **{
                k: (None if v is None else v.take(idx) if isinstance(v, pv.Portfolio) else v[idx])
                for k, v in self.__dict__.items()
            }
        )


# Day numbers (days since 1970-01-01) of the first day of every month from 1970 to 2200: month
# arithmetic becomes integer gathers instead of datetime conversions.
_MONTH0 = np.arange(0, 231 * 12, dtype=np.int64)
MONTH_START = _MONTH0.astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)
MONTH_LENGTH = np.diff(MONTH_START)
# the month number of every day number in that range: one gather instead of a binary search per date
# (the search was a quarter of the run time)
DAY_MONTH = np.repeat(_MONTH0[:-1], MONTH_LENGTH)
NEVER = np.iinfo(np.int64).max // 4  # "no date" in day-number arrays


def _month_of(day: np.ndarray) -> np.ndarray:
    """Month number (months since 1970-01) of day numbers; a day past the table counts as its last month."""
    return DAY_MONTH[np.minimum(day, len(DAY_MONTH) - 1)]


def _add_months_days(day: np.ndarray, months) -> np.ndarray:
    """Day-number twin of ``inkomenspad.add_months`` (day-of-month clamped)."""
    month = _month_of(day)
    target = month + np.asarray(months, dtype=np.int64)
    return MONTH_START[target] + np.minimum(day - MONTH_START[month], MONTH_LENGTH[target] - 1)


def add_months(day: np.ndarray, months) -> np.ndarray:
    """Vector twin of ``inkomenspad.add_months`` on datetime64[D]."""
    days = _add_months_days(day.astype(np.int64), months)
    return days.astype("datetime64[D]")


def _days(values: np.ndarray) -> np.ndarray:
    """datetime64[D] to day numbers, NaT becoming NEVER."""
    out = values.astype("datetime64[D]").astype(np.int64)
    return np.where(np.isnat(values), NEVER, out)


class _Months:
    """The month matrix of one chunk as a difference array: row r holds, per month k, the change from
    month k-1, so one cumulative sum yields every month. Dates are day numbers.

    Two spare columns take every change that falls past the horizon, so no update needs a bounds test.
    int32 is wide enough: every partial sum along a row is one month's amount of one person (at most
    EUR 21 million), and the narrower type halves the memory traffic of the largest array."""

    def __init__(self, first_month: np.ndarray, months: int):
        self.n, self.m = len(first_month), months
        self.first_month = first_month
        self.width = months + 2
        self.diff = np.zeros(self.n * self.width, dtype=np.int32)

    def add(self, start, end, amount) -> None:
        """A phase: start inclusive, end exclusive (day numbers; NEVER = none), amount per month.

        The first and the last month are pro-rated by days (f and l), the months between get the whole
        amount a. As changes along the row: +f at the first month s, -f (+a when whole months follow) at
        s+1, +l (-a) at the last month e, -l at e+1."""
        n, m = self.n, self.m
        start = np.broadcast_to(np.asarray(start, dtype=np.int64), (n,))
        end = np.broadcast_to(np.asarray(end, dtype=np.int64), (n,))
        amount = np.broadcast_to(np.asarray(amount, dtype=np.int64), (n,))
        sel = np.nonzero((start < NEVER) & (end > start))[0]
        if sel.size == 0:
            return
        start, end, amount, fm = start[sel], end[sel], amount[sel], self.first_month[sel]
        sm, em = _month_of(start), _month_of(np.minimum(end, MONTH_START[-2]))
        first = mul_div(amount, np.minimum(end, MONTH_START[sm + 1]) - start, MONTH_LENGTH[sm])
        single = em == sm  # the phase ends in the month it starts: only f
        last = np.where(single, 0, mul_div(amount, end - MONTH_START[em], MONTH_LENGTH[em]))
        whole = np.where(em > sm + 1, amount, 0)
        row = sel * self.width
        s = row + np.minimum(sm - fm, m)
        e = row + np.minimum(em - fm, m)
        # one unbuffered add for the four: s + 1 and e may be the same cell
        change = np.concatenate((first, whole - first, last - whole, -last)).astype(np.int32)
        np.add.at(self.diff, np.concatenate((s, s + 1, e, e + 1)), change)

    def _grid(self) -> np.ndarray:
        return self.diff.reshape(self.n, self.width)[:, : self.m]

    def result(self, out: np.ndarray | None = None) -> np.ndarray:
        return np.cumsum(self._grid(), axis=1, dtype=np.int32, out=out)

    def column_sums(self) -> np.ndarray:
        """The sum over all persons of each month: summing the differences first gives the same integers
        as summing the months, with one cumulative sum instead of one per person."""
        return np.cumsum(self._grid().sum(axis=0, dtype=np.int64))


def bereken(ctx: LawContext, p: Personen, prijspeil: dt.date, maanden: int = 120, chunk: int = 25_000) -> np.ndarray:
    """(N, maanden) monthly totals in cents, for each person's scenario.

    Chunks of 25,000 persons keep the month matrix (int32, 12 MB) in cache: 1.5x faster than 10,000 or
    100,000 (benchmarks/README.md)."""
    # the result is int32 (cents per month, up to EUR 21 million), written straight into its rows
    out = np.empty((p.size, maanden), dtype=np.int32)
    for lo in range(0, p.size, chunk):
        _bereken(ctx, p.take(slice(lo, lo + chunk)), prijspeil, maanden, out=out[lo : lo + chunk])
    return out


ONDERDELEN = ("loon", "loondoorbetaling", "uitkering")


def bereken_onderdelen(
    ctx: LawContext, p: Personen, prijspeil: dt.date, maanden: int = 120, chunk: int = 10_000
) -> dict[str, np.ndarray]:
    """The same monthly amounts split by who pays: wages (``loon``: before the sickness, after a return or
    placement, and work beside a WGA benefit), wage continuation during the sickness
    (``loondoorbetaling``, the employer's cost) and benefits (``uitkering``: WW, WIA, bijstand), plus
    ``totaal``. Used where costs are attributed, as in the policy simulation."""
    out = {k: np.empty((p.size, maanden), dtype=np.int32) for k in (*ONDERDELEN, "totaal")}
    for lo in range(0, p.size, chunk):
        parts = _bereken(ctx, p.take(slice(lo, lo + chunk)), prijspeil, maanden, onderdelen=True)
        for k in ONDERDELEN:
            out[k][lo : lo + chunk] = parts[k]
        out["totaal"][lo : lo + chunk] = sum(parts[k] for k in ONDERDELEN)
    return out


def bereken_cohort(
    ctx: LawContext, p: Personen, prijspeil: dt.date, maanden: int = 120, chunk: int = 10_000
) -> dict[str, np.ndarray]:
    """What ``bereken_onderdelen`` gives, summed over all persons: per payer (and ``totaal``) the cohort's
    amount in each month since each person's first sick month (int64 cents). For portfolios and the
    policy simulation, which need totals, not every person's months."""
    out = {k: np.zeros(maanden, dtype=np.int64) for k in ONDERDELEN}
    for lo in range(0, p.size, chunk):
        parts = _bereken(ctx, p.take(slice(lo, lo + chunk)), prijspeil, maanden, onderdelen=True, opgeteld=True)
        for k in ONDERDELEN:
            out[k] += parts[k]
    out["totaal"] = sum(out[k] for k in ONDERDELEN)
    return out


def _bereken(
    ctx: LawContext, p: Personen, on: dt.date, maanden: int, onderdelen: bool = False, opgeteld=False, out=None
):
    n = p.size
    d = _days(p.eerste_ziektedag)
    first_month = _month_of(d)
    month0 = MONTH_START[first_month]
    horizon = MONTH_START[first_month + maanden]
    grid = _Months(first_month, maanden)
    # one grid for the total, or one per payer; the phases below say whose each amount is
    grids = {k: _Months(first_month, maanden) for k in ONDERDELEN} if onderdelen else dict.fromkeys(ONDERDELEN, grid)
    loon, loondoorbetaling, add = (grids[k].add for k in ONDERDELEN)

    # wachttijd (the schedule's computation) and loondoorbetaling
    wia_start = _days(pv.laatste_loondag(ctx, p.wachttijd)) + 1
    year2 = _days(p.wachttijd.date_of(7 * ctx.value("bw.loondoorbetaling", on)["minimumloon_weken"]))
    ldb1 = ldb.per_maand(ctx, p.maandloon, p.uren_per_week_x100, p.percentage_jaar1_bp, True, 0, on)
    ldb2 = ldb.per_maand(ctx, p.maandloon, p.uren_per_week_x100, p.percentage_jaar2_bp, False, 0, on)
    stop_given = _days(p.stop_datum)
    returns = ((p.scenario == EIGEN) | (p.scenario == NIEUW)) & (stop_given < NEVER)
    stop = np.where(returns, stop_given, wia_start)
    if p.deels_vanaf is None:
        split = stop
        deels1 = deels2 = np.zeros(n, np.int64)
    else:
        deels = _days(p.deels_vanaf)
        split = np.where((deels < NEVER) & (p.gewerkt_bp > 0), np.minimum(deels, stop), stop)
        deels1 = ldb.per_maand(ctx, p.maandloon, p.uren_per_week_x100, p.pct_werkend_jaar1_bp, True, p.gewerkt_bp, on)
        deels2 = ldb.per_maand(ctx, p.maandloon, p.uren_per_week_x100, p.pct_werkend_jaar2_bp, False, p.gewerkt_bp, on)
    loon(month0, d, p.maandloon)
    loondoorbetaling(d, np.minimum(year2, split), ldb1)
    loondoorbetaling(year2, np.minimum(wia_start, split), ldb2)
    loondoorbetaling(split, np.minimum(year2, stop), deels1)
    loondoorbetaling(np.maximum(split, year2), np.minimum(wia_start, stop), deels2)
    loon(np.where(returns, stop, NEVER), horizon, p.nieuw_loon)

    # WIA amounts
    capped, uncapped = wia.dagloon(ctx, p.sv_jaarloon, on)
    mloon = wia.maandloon(ctx, capped, on)
    ao = wia.ao_basispunten(np.maximum(p.maatmaninkomen, 1), p.rvc)
    klasse = wia.klasse(ctx, ao, p.duurzaam, on)
    duur = ww.duur_maanden(ctx, p.jaren_voor_2016, p.jaren_vanaf_2016, p.jareneis, on)

    # 35-minner: WW, then bijstand
    minner = p.scenario == MINNER
    hoog = ctx.value("ww.hoogte", on)["hoog_maanden"]
    w_high, w_end = _add_months_days(wia_start, hoog), _add_months_days(wia_start, duur)
    bijstand = np.zeros(p.size, dtype=np.int64)
    if minner.any():  # only this scenario reads the norm (the scalar path leaves the scenario out without it)
        norms = ctx.value("participatiewet.bijstandsnorm", on)
        bijstand = np.array([norms[h] for h in HUISHOUDENS])[p.huishouden]
    add(np.where(minner, wia_start, NEVER), w_high, ww.uitkering(ctx, mloon, 0, on))
    add(np.where(minner, w_high, NEVER), w_end, ww.uitkering(ctx, mloon, hoog, on))
    add(np.where(minner, w_end, NEVER), horizon, bijstand)

    # WGA: working, not working, or working for the new employer
    # comparisons, not np.isin: isin hashes its input and was 4% of the run time
    is_wga = ((klasse == wia.WGA_35_80) | (klasse == wia.WGA_80_100)) & (p.maatmaninkomen > 0)
    wga_here = is_wga & ((p.scenario == WGA_WERKEND) | (p.scenario == WGA_NIET) | (p.scenario == NIEUW))
    wga_here &= (p.scenario != NIEUW) | returns
    inkomen = np.where(p.scenario == WGA_WERKEND, p.inkomen_wga, np.where(p.scenario == NIEUW, p.nieuw_loon, 0))
    loon(np.where(p.scenario == WGA_WERKEND, wia_start, NEVER), horizon, p.inkomen_wga)
    # the WGA runs from the WIA start; placed later at a new employer, it runs without income until the
    # placement (``cut``) and with the new wage from then, its terms still counted from the WIA start
    cut = np.where(p.scenario == NIEUW, np.maximum(wia_start, stop), wia_start)
    lgu_months = np.where(p.referte_eis, duur, 0)
    hoog_wga = ctx.value("wia.wga", on)["lgu_hoog_maanden"]
    lgu_end = _add_months_days(wia_start, lgu_months)
    high_end = np.minimum(_add_months_days(wia_start, hoog_wga), lgu_end)
    rvc_scaled = wia.scaled_income(p.rvc, capped, uncapped)
    for income, van, tot in ((inkomen, cut, horizon), (np.zeros_like(inkomen), wia_start, cut)):
        scaled = wia.scaled_income(income, capped, uncapped)
        after, _ = wia.lau_of_vvu(ctx, mloon, income, scaled, p.rvc, rvc_scaled, p.maatmaninkomen, ao, on)
        for begin, end, amount in (
            (wia_start, high_end, wia.lgu(ctx, mloon, scaled, 0, on)),
            (high_end, lgu_end, wia.lgu(ctx, mloon, scaled, hoog_wga, on)),
            (lgu_end, horizon, after),
        ):
            add(np.where(wga_here, np.maximum(begin, van), NEVER), np.minimum(end, tot), amount)

    # IVA
    add(np.where(p.scenario == IVA, wia_start, NEVER), horizon, wia.iva(ctx, mloon, 0, on))
    if opgeteld:
        return {k: g.column_sums() for k, g in grids.items()}
    return {k: g.result() for k, g in grids.items()} if onderdelen else grid.result(out)


def from_invoer(ctx: LawContext, items, scenarios) -> Personen:
    """Build arrays from scalar inputs (used by tests to compare both paths)."""
    from spoorwijzer.law.inkomenspad import resolve, sv_jaarloon, wachttijd

    items = [resolve(ctx, i) for i in items]
    from spoorwijzer.law.receipt import Receipt

    def col(f, dtype=np.int64):
        return np.array([f(i) for i in items], dtype=dtype)

    def date_col(f):
        return np.array([NAT if f(i) is None else np.datetime64(f(i), "D") for i in items], dtype="datetime64[D]")

    stop = [
        (i.hervatting_datum if s == "eigen_werkgever" else i.plaatsing_datum if s == "nieuwe_werkgever" else None)
        for i, s in zip(items, scenarios, strict=True)
    ]
    loon = [
        (
            (i.hervatting_loon if i.hervatting_loon is not None else i.maandloon)
            if s == "eigen_werkgever"
            else (i.plaatsing_loon or 0)
            if s == "nieuwe_werkgever"
            else 0
        )
        for i, s in zip(items, scenarios, strict=True)
    ]
    return Personen(
        wachttijd=pv.Portfolio.from_cases([(wachttijd(ctx, i).wachttijd, i.gebeurtenissen()) for i in items]),
        maandloon=col(lambda i: i.maandloon),
        scenario=np.array([SCENARIO_CODES.index(s) for s in scenarios]),
        uren_per_week_x100=col(lambda i: i.uren_per_week_x100),
        sv_jaarloon=col(lambda i: sv_jaarloon(ctx, i, Receipt(ctx))),
        percentage_jaar1_bp=col(lambda i: bp(i.percentage_jaar1)),
        percentage_jaar2_bp=col(lambda i: bp(i.percentage_jaar2)),
        jaren_voor_2016=col(lambda i: i.jaren_voor_2016),
        jaren_vanaf_2016=col(lambda i: i.jaren_vanaf_2016),
        jareneis=col(lambda i: i.jareneis, bool),
        referte_eis=col(lambda i: i.referte_eis, bool),
        huishouden=col(lambda i: HUISHOUDENS.index(i.huishouden)),
        maatmaninkomen=col(lambda i: i.beoordeling.maatmaninkomen if i.beoordeling else 0),
        rvc=col(lambda i: i.beoordeling.resterende_verdiencapaciteit if i.beoordeling else 0),
        duurzaam=col(lambda i: bool(i.beoordeling and i.beoordeling.duurzaam), bool),
        inkomen_wga=col(lambda i: i.inkomen_wga or 0),
        stop_datum=np.array([NAT if s is None else np.datetime64(s, "D") for s in stop], dtype="datetime64[D]"),
        nieuw_loon=np.array(loon, dtype=np.int64),
        deels_vanaf=date_col(lambda i: i.deels_werken_vanaf if i.gewerkt_percentage > 0 else None),
        gewerkt_bp=col(lambda i: bp(i.gewerkt_percentage)),
        pct_werkend_jaar1_bp=col(lambda i: bp(max(i.percentage_jaar1, i.percentage_bij_werkhervatting or 0))),
        pct_werkend_jaar2_bp=col(lambda i: bp(max(i.percentage_jaar2, i.percentage_bij_werkhervatting or 0))),
    )
