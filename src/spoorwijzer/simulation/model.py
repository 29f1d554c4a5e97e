"""A cohort microsimulation of the second track, on top of the law core.

The cohort is the population the published figures describe: employees still sick at the
42e-weeksmelding. Each synthetic employee is followed week by week through the rest of the wachttijd
(return to the own employer, a track-2 trajectory with or without job search, placement with a new
employer) and then ten years on with the law core's income paths (``law.inkomenspad_vec``): wage
continuation, WIA (IVA, WGA), WW and bijstand, all from the dated parameter files.

Everything that is not law is a parameter in ``simulation/parameters`` read through the same
``LawContext``: calibration numbers (each with its published source), behavioural assumptions (each
with a low, central and high variant, stated on every result) and policy levers. A reform is a
``Reform`` of that one parameter set, so a run on a reform differs from the baseline only by what the
reform changes, and both use the same random numbers (common random numbers: the difference between
two runs is the reform's, not the dice's).

The model's limits are written down in ``docs/simulatie.md``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np

from spoorwijzer.law import inkomenspad_vec as ipv
from spoorwijzer.law import poortwachter_vec as pv
from spoorwijzer.law.context import LawContext, Reform
from spoorwijzer.law.parameters import ParameterSet, default_parameters, load_parameters

PARAMETER_DIR = Path(__file__).parent / "parameters"
S = "simulatie."
ASSUMPTIONS = (
    "kansafname_per_jaar",
    "effect_noriskpolis",
    "effect_routeadvies",
    "effect_170_regel",
    "loonsanctie_duur_aandeel",
    "loon_nieuwe_werkgever",
)
VARIANTS = ("laag", "midden", "hoog")
# Classes of health at week 42 (the claim outcome a person is heading for; 'herstel': returns in the own organisation)
HERSTEL, IVA, WGA_80_100, WGA_35_80, AFGEWEZEN = range(5)
CLASS_CODES = ("herstel", "iva", "wga_80_100", "wga_35_80", "afgewezen")


@cache
def simulation_parameters() -> ParameterSet:
    """The law's parameters together with the simulation's own (calibration, assumptions, policy levers)."""
    return ParameterSet({**default_parameters().parameters, **load_parameters(PARAMETER_DIR).parameters})


def baseline_context() -> LawContext:
    return LawContext(simulation_parameters())


@dataclass(frozen=True)
class Settings:
    personen: int = 100_000
    jaren: int = 10  # years followed after the end of the wachttijd
    seed: int = 1
    peildatum: dt.date = dt.date(2026, 1, 1)  # prices and parameters of this date (no invented indexation)
    cohort_start: dt.date = dt.date(2025, 1, 1)  # first sick days spread over the year from here
    aannames: tuple[tuple[str, str], ...] = ()  # (assumption, variant) overrides; the rest 'midden'

    def variant(self, name: str) -> str:
        return dict(self.aannames).get(name, "midden")


@dataclass
class Cohort:
    """The synthetic employees and what happens to them (all arrays of length N)."""

    eerste_ziektedag: np.ndarray  # datetime64[D]
    leeftijd: np.ndarray
    maandloon: np.ndarray  # cents
    klasse: np.ndarray  # index into CLASS_CODES
    cao_boven_170: np.ndarray  # bool: cao pays more than 170% without conditions
    spoor2: np.ndarray  # bool: a track-2 trajectory was started
    spoor2_start: np.ndarray  # sick week of the start (0 where none)
    actief: np.ndarray  # bool: any job-search activity
    geplaatst_week: np.ndarray  # sick week of placement with a new employer (0: none)
    terug_week: np.ndarray  # sick week of return to the own employer (0: none before the end of the wachttijd)
    eigen_passend: np.ndarray  # bool: suitable work with the own employer at the claim
    loonsanctie_weken: np.ndarray  # weeks of wage sanction served (0: none)
    ao_fractie: np.ndarray  # earning-capacity loss assumed for the WIA assessment (0..1)
    plaatsbaar: np.ndarray  # bool: searching, under 60, not durably fully incapacitated
    u_plaatsing: np.ndarray  # the person's random draw for the placement step (kept for calibration)


@dataclass
class Uitkomst:
    """The outcome of one run: counts, money totals in cents, and the calibration checks."""

    hervorming: str
    settings: Settings
    kengetallen: dict[str, float]
    inkomen_per_maand: np.ndarray  # mean income of the cohort per month since the first sick day (cents)
    parameters_gelezen: list[str] = field(default_factory=list)


def _assumption(ctx: LawContext, name: str, s: Settings) -> float:
    return float(ctx.value(S + "aanname." + name, s.peildatum)[s.variant(name)])


def draw_cohort(ctx: LawContext, s: Settings, placement_rate: float | None = None) -> Cohort:
    """Draw the cohort and its course through the wachttijd under the policy in ``ctx``.

    ``placement_rate`` is the baseline weekly placement hazard; when None it is calibrated first (on
    the baseline policy, never on the reform: a reform must not re-fit the model to the old figures)."""
    on = s.peildatum
    rng = np.random.default_rng(s.seed)
    n = s.personen
    cohort_pars = ctx.value(S + "aanname.cohort", on)
    wachttijd = int(ctx.value("poortwachter.wachttijd_weken", on))
    first_week = int(ctx.value("poortwachter.melding_uwv_weken", on))

    # who is heading for a WIA claim, and with which outcome (UWV's shares of handled claims)
    claim = rng.random(n) < ctx.value(S + "kalibratie.wia_aanvraag_na_42_weken", on) / 100
    shares = ctx.value(S + "kalibratie.wia_uitkomst", on)
    p = np.array([shares[c] for c in CLASS_CODES[1:]], dtype=float)
    klasse = np.where(claim, 1 + rng.choice(4, size=n, p=p / p.sum()), HERSTEL)

    older = rng.random(n) < ctx.value(S + "kalibratie.leeftijd_60_plus", on) / 100
    leeftijd = np.where(
        older,
        rng.integers(60, cohort_pars["leeftijd_60_max"] + 1, n),
        rng.integers(cohort_pars["leeftijd_min"], 60, n),
    )
    maandloon = np.round(
        cohort_pars["mediaan_maandloon"] * 100 * np.exp(cohort_pars["loon_sigma"] * rng.standard_normal(n))
    ).astype(np.int64)
    days = rng.integers(0, 365, n)
    eerste = np.datetime64(s.cohort_start, "D") + days.astype("timedelta64[D]")
    cao_boven_170 = rng.random(n) < cohort_pars["cao_boven_170_onvoorwaardelijk"] / 100

    # return to the own employer: those not heading for a claim return between week 43 and the end
    regel_170 = bool(ctx.value(S + "beleid.cao_170_regel", on))
    hazard = np.full(n, 0.04)
    if regel_170:
        hazard = np.where(cao_boven_170, hazard * _assumption(ctx, "effect_170_regel", s), hazard)
    span = wachttijd - first_week
    u = rng.random(n)
    # truncated exponential on [0, span): everyone in this class returns before the end of the wachttijd
    weeks_after = -np.log1p(-u * (1 - np.exp(-hazard * span))) / hazard
    terug_week = np.where(klasse == HERSTEL, first_week + 1 + np.floor(weeks_after).astype(np.int64), 0)

    # the track-2 trajectory: whether, when, and with or without job search
    spoor2 = claim & (rng.random(n) < ctx.value(S + "kalibratie.tweede_spoor_aandeel", on) / 100)
    timing = ctx.value(S + "kalibratie.tweede_spoor_start", on)
    cat = rng.choice(
        4, size=n, p=np.array([timing[k] for k in ("jaar1", "na_jaar1_3_maanden", "later_jaar2", "na_2_jaar")]) / 100
    )
    lows = np.array([26, 53, 66, wachttijd])
    highs = np.array([53, 66, wachttijd, wachttijd + 1])
    start = lows[cat] + np.floor(rng.random(n) * (highs[cat] - lows[cat])).astype(np.int64)
    uiterlijk = int(ctx.value(S + "beleid.tweede_spoor_uiterlijk_week", on))
    routeadvies = bool(ctx.value(S + "beleid.routeadvies_verplicht", on))
    if uiterlijk:
        start = np.minimum(start, uiterlijk)
    if routeadvies:  # a route choice before the end of year 1 starts track 2 by then
        start = np.minimum(start, int(ctx.value("poortwachter.eerstejaarsevaluatie_weken", on)))
    start = np.where(spoor2, start, 0)
    actief = rng.random(n) >= ctx.value(S + "kalibratie.geen_zoekactiviteit", on) / 100
    if routeadvies:
        actief |= rng.random(n) < _assumption(ctx, "effect_routeadvies", s)
    else:
        rng.random(n)  # keep the random stream aligned with the reform run
    # placement: a weekly hazard while searching, falling with the duration of the sickness
    k = _assumption(ctx, "kansafname_per_jaar", s)
    factor = _assumption(ctx, "effect_noriskpolis", s) if ctx.value(S + "beleid.noriskpolis_bij_overgang", on) else 1.0
    placeable = spoor2 & actief & (leeftijd < 60) & (klasse != IVA)
    u_place = rng.random(n)
    if placement_rate is None:
        placement_rate = calibrate_placement(s)
    geplaatst_week = _placed(start, placeable, u_place, placement_rate * factor, k, wachttijd, terug_week)

    # suitable work with the own employer at the claim (the dossier study's 26% of track-2 dossiers)
    outcome = ctx.value(S + "kalibratie.tweede_spoor_uitkomst", on)
    eligible = claim & (geplaatst_week == 0) & np.isin(klasse, (WGA_35_80, AFGEWEZEN))
    share_eligible = max(eligible[spoor2].mean() if spoor2.any() else 0.0, 1e-9)
    eigen_passend = eligible & (rng.random(n) < min(1.0, outcome["eigen_werkgever"] / 100 / share_eligible))

    # earning-capacity loss within the class's band (for the WGA amounts)
    band_lo = np.array([0.0, 0.8, 0.8, 0.35, 0.0])[klasse]
    band_hi = np.array([0.0, 1.0, 1.0, 0.8, 0.35])[klasse]
    ao = band_lo + rng.random(n) * (band_hi - band_lo)

    # wage sanction: a share of the re-integratieverslagen assessed (claims not placed)
    sanctioned = (
        claim & (geplaatst_week == 0) & (rng.random(n) < ctx.value(S + "kalibratie.loonsanctie_kans", on) / 100)
    )
    max_weeks = int(ctx.value("poortwachter.loonsanctie_max_weken", on))
    served = int(round(max_weeks * _assumption(ctx, "loonsanctie_duur_aandeel", s)))
    loonsanctie_weken = np.where(sanctioned, served, 0)

    return Cohort(
        eerste,
        leeftijd,
        maandloon,
        klasse,
        cao_boven_170,
        spoor2,
        start,
        actief,
        geplaatst_week,
        terug_week,
        eigen_passend,
        loonsanctie_weken,
        ao,
        placeable,
        u_place,
    )


def _cumulative_hazard(start: np.ndarray, end: int, rate: float, k: float) -> np.ndarray:
    """Sum over sick weeks w in [start, end) of rate * exp(-k (w - 26) / 52): a geometric series."""
    r = np.exp(-k / 52)
    weeks = np.maximum(end - start, 0)
    first = rate * r ** (start - 26.0)
    if k == 0:
        return first * weeks
    return first * (1 - r**weeks) / (1 - r)


def _placement_week(start, placeable, u, rate, k, end) -> np.ndarray:
    """The sick week of placement by inverse transform of the cumulative hazard (0: no placement)."""
    target = -np.log1p(-u)  # the cumulative hazard at which this person is placed
    total = _cumulative_hazard(start, end, rate, k)
    placed = placeable & (target < total)
    r = np.exp(-k / 52)
    with np.errstate(divide="ignore", invalid="ignore"):
        first = rate * r ** (start - 26.0)
        weeks = target / first if k == 0 else np.log1p(-target * (1 - r) / first) / np.log(r)
    return np.where(placed, start + np.floor(np.nan_to_num(weeks)).astype(np.int64), 0)


def _placed(start, placeable, u, rate, k, end, terug_week) -> np.ndarray:
    weeks = _placement_week(start, placeable, u, rate, k, end)
    # a return to the own employer comes first when it is earlier
    return np.where((terug_week > 0) & (terug_week <= weeks), 0, weeks)


CALIBRATION_SAMPLE = 200_000


def calibrate_placement(s: Settings) -> float:
    """The baseline weekly placement hazard that reproduces the dossier study's share of track-2
    employees with a new employer at the claim assessment (7%): bisection on a baseline cohort of at
    most 200,000 drawn once (the same seed), always on the baseline policy."""
    base = baseline_context()
    small = Settings(min(s.personen, CALIBRATION_SAMPLE), s.jaren, s.seed, s.peildatum, s.cohort_start, s.aannames)
    c = draw_cohort(base, small, placement_rate=0.0)
    target = base.value(S + "kalibratie.tweede_spoor_uitkomst", s.peildatum)["nieuwe_werkgever"] / 100
    k = _assumption(base, "kansafname_per_jaar", s)
    end = int(base.value("poortwachter.wachttijd_weken", s.peildatum))
    lo, hi = 0.0, 0.5
    for _ in range(40):
        mid = (lo + hi) / 2
        placed = _placed(c.spoor2_start, c.plaatsbaar, c.u_plaatsing, mid, k, end, c.terug_week) > 0
        lo, hi = (mid, hi) if placed[c.spoor2].mean() < target else (lo, mid)
    return (lo + hi) / 2


def simulate(
    ctx: LawContext,
    s: Settings,
    hervorming: str = "basis",
    placement_rate: float | None = None,
    progress: Callable[[str], None] | None = None,
) -> Uitkomst:
    """One run: the cohort's course and its money, under the parameters in ``ctx``."""
    say = progress or (lambda _msg: None)
    say("cohort")
    c = draw_cohort(ctx, s, placement_rate)
    say("inkomen")
    months = 24 + 12 * s.jaren + 1
    persons = _persons(ctx, c, s)
    # income paths split by payer, summed over the cohort (the law core's twin, one formula for all)
    sums_per_month = ipv.bereken_cohort(ctx, persons, s.peildatum, months)
    sums = {k: int(v.sum()) for k, v in sums_per_month.items()}
    per_month = sums_per_month["totaal"].astype(np.float64)
    say("kosten")
    # the loonsanctie (WIA art. 25 lid 9) extends the wage continuation in the income paths themselves; its
    # cost is the difference with the same persons' wage continuation without it, computed by the law core
    sanctioned = np.nonzero(c.loonsanctie_weken > 0)[0]
    with_it = persons.take(sanctioned)
    without = dataclasses.replace(with_it, wachttijd=pv.Portfolio.uninterrupted(c.eerste_ziektedag[sanctioned]))
    sanction_cost = int(
        ipv.bereken_cohort(ctx, with_it, s.peildatum, months)["loondoorbetaling"].sum()
        - ipv.bereken_cohort(ctx, without, s.peildatum, months)["loondoorbetaling"].sum()
    )
    n = s.personen
    spoor2 = c.spoor2
    placed = c.geplaatst_week > 0
    wia = np.isin(c.klasse, (IVA, WGA_80_100, WGA_35_80)) & ~placed
    # "started in year 1": the calibration's category, measured as a start by the eerstejaarsevaluatie week
    eje = int(ctx.value("poortwachter.eerstejaarsevaluatie_weken", s.peildatum))
    kengetallen = {
        "personen": n,
        "tweede_spoor": int(spoor2.sum()),
        "tweede_spoor_start_jaar1": float((spoor2 & (c.spoor2_start <= eje)).sum() / max(spoor2.sum(), 1)),
        "tweede_spoor_zonder_zoekactiviteit": float((spoor2 & ~c.actief).sum() / max(spoor2.sum(), 1)),
        "plaatsingen_nieuwe_werkgever": int(placed.sum()),
        "plaatsing_aandeel_tweede_spoor": float((placed & spoor2).sum() / max(spoor2.sum(), 1)),
        "eigen_werkgever_aandeel_tweede_spoor": float((c.eigen_passend & spoor2).sum() / max(spoor2.sum(), 1)),
        "terugkeer_eigen_werkgever": int((c.terug_week > 0).sum()),
        "wia_aanvragen": int((c.klasse != HERSTEL).sum()),
        "wia_instroom": int(wia.sum()),
        "loonsancties": int((c.loonsanctie_weken > 0).sum()),
        "inkomen_werknemers_gemiddeld_per_maand": sums["totaal"] / (n * months),
        "kosten_werkgevers_loondoorbetaling": sums["loondoorbetaling"] - sanction_cost,
        "kosten_werkgevers_loonsanctie": sanction_cost,
        "kosten_werkgevers": sums["loondoorbetaling"],
        "kosten_uitkeringen": sums["uitkering"],
    }
    used = sorted({name for name, _on in ctx.reads})
    return Uitkomst(hervorming, s, kengetallen, per_month / n, used)


def _persons(ctx: LawContext, c: Cohort, s: Settings) -> ipv.Personen:
    """The cohort as the income-path twin's input: one scenario per person, as its course ended."""
    on = s.peildatum
    n = len(c.maandloon)
    pars = ctx.value(S + "aanname.cohort", on)
    frac_new = _assumption(ctx, "loon_nieuwe_werkgever", s)
    regel_170 = bool(ctx.value(S + "beleid.cao_170_regel", on))
    legal = int(round(float(ctx.value("bw.loondoorbetaling", on)["percentage"]) * 100))
    placed = c.geplaatst_week > 0
    returned = c.terug_week > 0
    week = np.where(placed, c.geplaatst_week, c.terug_week)
    stop = np.where(placed | returned, c.eerste_ziektedag + (7 * week).astype("timedelta64[D]"), ipv.NAT)
    scenario = np.select(
        [
            returned,
            placed,
            c.klasse == IVA,
            c.klasse == WGA_80_100,
            (c.klasse == WGA_35_80) & c.eigen_passend,
            c.klasse == WGA_35_80,
            (c.klasse == AFGEWEZEN) & c.eigen_passend,
        ],
        [ipv.EIGEN, ipv.NIEUW, ipv.IVA, ipv.WGA_NIET, ipv.WGA_WERKEND, ipv.WGA_NIET, ipv.EIGEN],
        default=ipv.MINNER,
    )
    # suitable work with the own employer after a rejected claim starts when the wachttijd ends
    end_of_wachttijd = c.eerste_ziektedag + np.timedelta64(7 * int(ctx.value("poortwachter.wachttijd_weken", on)), "D")
    stop = np.where((c.klasse == AFGEWEZEN) & c.eigen_passend & ~placed & ~returned, end_of_wachttijd, stop)
    remaining = np.round(c.maandloon * (1 - c.ao_fractie)).astype(np.int64)
    nieuw_loon = np.select(
        [returned, placed, c.eigen_passend],
        [c.maandloon, np.round(c.maandloon * frac_new).astype(np.int64), remaining],
        0,
    )
    # cao: the unconditional top-up above 170% (year 2) for the share that has one, unless the reform makes it conditional
    jaar2 = np.where(c.cao_boven_170 & ~regel_170, pars["cao_jaar2_boven_170"] * 100, legal)
    zeros = np.zeros(n, np.int64)
    sv = (c.maandloon * 12 * 108) // 100  # SV-loon of the reference year incl. holiday allowance (8%)
    # the wachttijd as the schedule's twin reads it: one sick period, extended by the loonsanctie served
    wachttijd = dataclasses.replace(
        pv.Portfolio.uninterrupted(c.eerste_ziektedag), loonsanctie_weken=c.loonsanctie_weken.astype(np.int64)
    )
    return ipv.Personen(
        wachttijd=wachttijd,
        maandloon=c.maandloon,
        scenario=scenario,
        uren_per_week_x100=np.full(n, pars["uren_per_week"] * 100, np.int64),
        sv_jaarloon=sv,
        percentage_jaar1_bp=np.full(n, 10_000, np.int64),
        percentage_jaar2_bp=jaar2.astype(np.int64),
        jaren_voor_2016=np.clip(c.leeftijd - 18 - 10, 0, 40),
        jaren_vanaf_2016=np.full(n, 10, np.int64),
        jareneis=np.ones(n, bool),
        referte_eis=np.ones(n, bool),
        huishouden=zeros,
        maatmaninkomen=c.maandloon,
        rvc=np.where(placed, np.round(c.maandloon * frac_new).astype(np.int64), remaining),
        duurzaam=c.klasse == IVA,
        inkomen_wga=np.where(c.eigen_passend, remaining, 0),
        stop_datum=stop,
        nieuw_loon=nieuw_loon,
    )


def run(reform: Reform | None, s: Settings, placement_rate: float | None = None, progress=None) -> Uitkomst:
    """A run on the baseline (``reform`` None) or on a reform, with a fresh trace."""
    ctx = baseline_context() if reform is None else baseline_context().with_reform(reform)
    return simulate(ctx, s, reform.name if reform else "basis", placement_rate, progress)
