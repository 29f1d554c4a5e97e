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
from spoorwijzer.law import parameters, wia, ww
from spoorwijzer.law import poortwachter_vec as pv
from spoorwijzer.law.inkomenspad import SCENARIOS
from spoorwijzer.law.money import bp, mul_div, pct_of
from spoorwijzer.law.vec import NAT, param_array

SCENARIO_CODES = tuple(SCENARIOS)
EIGEN, NIEUW, MINNER, WGA_WERKEND, WGA_NIET, IVA = range(6)
HUISHOUDENS = ("alleenstaande", "gehuwden")


@dataclass
class Personen:
    eerste_ziektedag: np.ndarray  # datetime64[D]
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

    @property
    def size(self) -> int:
        return len(self.maandloon)

    def take(self, idx: slice) -> Personen:
        return Personen(**{k: v[idx] for k, v in self.__dict__.items()})


def add_months(day: np.ndarray, months) -> np.ndarray:
    """Vector twin of ``inkomenspad.add_months`` (day-of-month clamped)."""
    ym = day.astype("datetime64[M]") + np.asarray(months).astype("timedelta64[M]")
    first = ym.astype("datetime64[D]")
    length = (ym + 1).astype("datetime64[D]") - first
    offset = day - day.astype("datetime64[M]").astype("datetime64[D]")
    return first + np.minimum(offset, length - np.timedelta64(1, "D"))


def _spread(out: np.ndarray, diff: np.ndarray, base: np.ndarray, start, end, amount) -> None:
    """Add a phase (start inclusive, end exclusive, amount per month) to the month matrix."""
    n, m = out.shape
    rows = np.arange(n)
    start = np.asarray(start, dtype="datetime64[D]")
    end = np.asarray(end, dtype="datetime64[D]")
    valid = ~np.isnat(start) & ~np.isnat(end) & (end > start)
    amount = np.broadcast_to(np.where(valid, amount, 0), (n,))
    s = np.where(valid, (start.astype("datetime64[M]") - base).astype(np.int64), 0)
    e = np.where(valid, (end.astype("datetime64[M]") - base).astype(np.int64), 0)

    def month_start(k, sel=slice(None)):
        return (base[sel] + k.astype("timedelta64[M]")).astype("datetime64[D]")

    def days(k, sel):
        return (month_start(k + 1, sel) - month_start(k, sel)).astype(np.int64)

    # first month of the phase
    first_overlap = (np.minimum(end, month_start(s + 1)) - start).astype(np.int64)
    ok = valid & (s < m) & (first_overlap > 0)
    out[rows[ok], s[ok]] += mul_div(amount[ok], first_overlap[ok], days(s[ok], ok))
    # last month (when the phase runs into a later month)
    last_overlap = (end - month_start(e)).astype(np.int64)
    ok = valid & (e > s) & (e < m) & (last_overlap > 0)
    out[rows[ok], e[ok]] += mul_div(amount[ok], last_overlap[ok], days(e[ok], ok))
    # whole months in between
    ok = valid & (e > s + 1) & (s + 1 < m)
    diff[rows[ok], s[ok] + 1] += amount[ok]
    ok_end = ok & (e < m)
    diff[rows[ok_end], e[ok_end]] -= amount[ok_end]


def bereken(p: Personen, prijspeil: dt.date, maanden: int = 120, chunk: int = 200_000) -> np.ndarray:
    """(N, maanden) monthly totals in cents, for each person's scenario."""
    out = np.zeros((p.size, maanden), dtype=np.int64)
    for lo in range(0, p.size, chunk):
        out[lo : lo + chunk] = _bereken(p.take(slice(lo, lo + chunk)), prijspeil, maanden)
    return out


def _bereken(p: Personen, on: dt.date, maanden: int) -> np.ndarray:
    n = p.size
    d = p.eerste_ziektedag
    base = d.astype("datetime64[M]")
    month0 = base.astype("datetime64[D]")
    horizon = (base + np.timedelta64(maanden, "M")).astype("datetime64[D]")
    out = np.zeros((n, maanden), dtype=np.int64)
    diff = np.zeros((n, maanden + 1), dtype=np.int64)

    def add(start, end, amount):
        _spread(out, diff, base, start, end, amount)

    # wachttijd and loondoorbetaling
    nogaps = pv.Portfolio(d, np.zeros((n, 0), np.int64), np.zeros((n, 0), np.int64), np.zeros(n, np.int64))
    wia_start = nogaps.date_of(pv.end_offset(nogaps)) + np.timedelta64(1, "D")
    weeks = parameters.value("bw.loondoorbetaling", on)["minimumloon_weken"]
    year2 = d + np.timedelta64(7 * weeks, "D")
    ldb1 = ldb.per_maand(p.maandloon, p.uren_per_week_x100, p.percentage_jaar1_bp, True, 0, on)
    ldb2 = ldb.per_maand(p.maandloon, p.uren_per_week_x100, p.percentage_jaar2_bp, False, 0, on)
    returns = np.isin(p.scenario, (EIGEN, NIEUW)) & ~np.isnat(p.stop_datum)
    stop = np.where(returns, p.stop_datum, wia_start)
    add(month0, d, p.maandloon)
    add(d, np.minimum(year2, stop), ldb1)
    add(year2, np.minimum(wia_start, stop), ldb2)
    add(np.where(returns, stop, NAT), horizon, p.nieuw_loon)

    # WIA amounts
    capped, uncapped = wia.dagloon(p.sv_jaarloon, on)
    mloon = wia.maandloon(capped, on)
    ao = wia.ao_basispunten(np.maximum(p.maatmaninkomen, 1), p.rvc)
    klasse = wia.klasse(ao, p.duurzaam, on)
    duur = ww.duur_maanden(p.jaren_voor_2016, p.jaren_vanaf_2016, p.jareneis, on)

    # 35-minner: WW, then bijstand
    minner = p.scenario == MINNER
    hoog = parameters.value("ww.hoogte", on)["hoog_maanden"]
    w_high, w_end = add_months(wia_start, hoog), add_months(wia_start, duur)
    norms = parameters.value("participatiewet.bijstandsnorm", on)
    bijstand = np.array([norms[h] for h in HUISHOUDENS])[p.huishouden]
    add(np.where(minner, wia_start, NAT), w_high, ww.uitkering(mloon, 0, on))
    add(np.where(minner, w_high, NAT), w_end, ww.uitkering(mloon, hoog, on))
    add(np.where(minner, w_end, NAT), horizon, bijstand)

    # WGA: working, not working, or working for the new employer
    is_wga = np.isin(klasse, (wia.WGA_35_80, wia.WGA_80_100)) & (p.maatmaninkomen > 0)
    wga_here = is_wga & np.isin(p.scenario, (WGA_WERKEND, WGA_NIET, NIEUW))
    wga_here &= (p.scenario != NIEUW) | returns
    inkomen = np.where(p.scenario == WGA_WERKEND, p.inkomen_wga, np.where(p.scenario == NIEUW, p.nieuw_loon, 0))
    add(np.where(p.scenario == WGA_WERKEND, wia_start, NAT), horizon, p.inkomen_wga)
    start = np.where(p.scenario == NIEUW, np.maximum(wia_start, stop), wia_start)
    scaled = wia.scaled_income(inkomen, capped, uncapped)
    lgu_months = np.where(p.referte_eis, duur, 0)
    hoog_wga = parameters.value("wia.wga", on)["lgu_hoog_maanden"]
    high_end = np.minimum(add_months(start, hoog_wga), add_months(start, lgu_months))
    lgu_end = add_months(start, lgu_months)
    rvc_scaled = wia.scaled_income(p.rvc, capped, uncapped)
    after, _ = wia.lau_of_vvu(mloon, inkomen, scaled, p.rvc, rvc_scaled, p.maatmaninkomen, ao, on)
    wga_start = np.where(wga_here, start, NAT)
    add(wga_start, high_end, wia.lgu(mloon, scaled, 0, on))
    add(np.where(wga_here, high_end, NAT), lgu_end, wia.lgu(mloon, scaled, hoog_wga, on))
    add(np.where(wga_here, lgu_end, NAT), horizon, after)

    # IVA
    add(np.where(p.scenario == IVA, wia_start, NAT), horizon, wia.iva(mloon, 0, on))

    return out + np.cumsum(diff, axis=1)[:, :maanden]


def from_invoer(items, scenarios) -> Personen:
    """Build arrays from scalar inputs (used by tests to compare both paths)."""
    from spoorwijzer.law.inkomenspad import sv_jaarloon
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
        eerste_ziektedag=date_col(lambda i: i.eerste_ziektedag),
        maandloon=col(lambda i: i.maandloon),
        scenario=np.array([SCENARIO_CODES.index(s) for s in scenarios]),
        uren_per_week_x100=col(lambda i: i.uren_per_week_x100),
        sv_jaarloon=col(lambda i: sv_jaarloon(i, Receipt())),
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
    )


__all__ = ["Personen", "bereken", "from_invoer", "SCENARIO_CODES", "param_array", "pct_of"]
