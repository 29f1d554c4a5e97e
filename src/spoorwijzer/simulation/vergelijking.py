"""Reforms against the baseline, with their uncertainty: random seeds and behavioural assumptions.

One comparison is a set of independent runs (reform x seed x assumption variant). They run one after
the other in this process, or on a Dask cluster (``distributed``) with the same function, so a sweep
over many reforms and seeds scales out without other code. Every run of a reform has its twin on the
baseline with the same seed and assumptions (common random numbers), so a difference is the reform's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

import numpy as np

from spoorwijzer.law.context import Reform
from spoorwijzer.law.errors import InvalidInput
from spoorwijzer.simulation import model
from spoorwijzer.simulation.hervormingen import HERVORMINGEN

BASIS = "basis"
# what a comparison reports, with its Dutch label and unit (aantal | aandeel | euro)
KENGETALLEN: dict[str, tuple[str, str]] = {
    "plaatsingen_nieuwe_werkgever": ("Plaatsingen bij een nieuwe werkgever", "aantal"),
    "plaatsing_aandeel_tweede_spoor": ("Aandeel tweedespoortrajecten met een nieuwe werkgever", "aandeel"),
    "tweede_spoor_start_jaar1": ("Aandeel tweedespoortrajecten gestart in het eerste ziektejaar", "aandeel"),
    "tweede_spoor_zonder_zoekactiviteit": ("Aandeel tweedespoortrajecten zonder zoekactiviteit", "aandeel"),
    "wia_instroom": ("WIA-instroom (IVA en WGA)", "aantal"),
    "terugkeer_eigen_werkgever": ("Terugkeer bij de eigen werkgever in de wachttijd", "aantal"),
    "loonsancties": ("Loonsancties", "aantal"),
    "inkomen_werknemers_gemiddeld_per_maand": ("Gemiddeld bruto inkomen van de werknemers per maand", "euro"),
    "kosten_werkgevers": ("Kosten van de werkgevers (loondoorbetaling en loonsanctie)", "euro"),
    "kosten_uitkeringen": ("Kosten van de uitkeringen (WIA, WW, bijstand)", "euro"),
}
MAX_PERSONEN = 2_000_000


@dataclass(frozen=True)
class Run:
    hervorming: str
    settings: model.Settings


@lru_cache(maxsize=64)
def _placement_rate(s: model.Settings) -> float:
    return model.calibrate_placement(s)


def run_one(run: Run) -> dict[str, Any]:
    """One run, as plain data (what a Dask worker sends back)."""
    reform = None if run.hervorming == BASIS else reform_by_name(run.hervorming)
    uitkomst = model.run(reform, run.settings, _placement_rate(run.settings))
    return {
        "hervorming": run.hervorming,
        "seed": run.settings.seed,
        "aannames": dict(run.settings.aannames),
        "kengetallen": uitkomst.kengetallen,
        "inkomen_per_maand": uitkomst.inkomen_per_maand,
    }


def reform_by_name(name: str) -> Reform:
    from spoorwijzer.simulation.hervormingen import combine

    parts = name.split("+")
    unknown = [p for p in parts if p not in HERVORMINGEN]
    if unknown:
        raise InvalidInput(
            f"Onbekende hervorming: {', '.join(unknown)}. Kies uit: {', '.join(HERVORMINGEN)} (combineer met '+')."
        )
    return combine(*(HERVORMINGEN[p] for p in parts)) if len(parts) > 1 else HERVORMINGEN[parts[0]]


def plan(hervormingen: Iterable[str], base: model.Settings, seeds: int, variatie: bool) -> list[Run]:
    """The runs of a comparison: every reform and the baseline on each seed, and (with ``variatie``) on
    the low and high variant of each behavioural assumption, one at a time, on the first seed."""
    names = [BASIS, *dict.fromkeys(hervormingen)]
    for n in names[1:]:
        reform_by_name(n)
    runs = [Run(n, replace(base, seed=base.seed + i)) for n in names for i in range(seeds)]
    if variatie:
        for a in model.ASSUMPTIONS:
            for v in ("laag", "hoog"):
                runs += [Run(n, replace(base, aannames=((a, v),))) for n in names]
    return runs


def vergelijk(
    hervormingen: Iterable[str],
    base: model.Settings,
    seeds: int = 3,
    variatie: bool = True,
    client: Any = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """Run the comparison and summarise it: per reform, each figure's central value (mean over seeds,
    central assumptions), its range over seeds and over the assumption variants, and the difference
    with the baseline (same seeds and assumptions)."""
    if not 1 <= base.personen <= MAX_PERSONEN:
        raise InvalidInput(f"Het aantal personen moet tussen 1 en {MAX_PERSONEN:,} liggen.".replace(",", "."))
    if not 1 <= seeds <= 20:
        raise InvalidInput("Het aantal herhalingen (seeds) moet tussen 1 en 20 liggen.")
    if not 1 <= base.jaren <= 30:
        raise InvalidInput("Het aantal jaren na de wachttijd moet tussen 1 en 30 liggen.")
    runs = plan(hervormingen, base, seeds, variatie)
    results: list[dict[str, Any]] = []
    if client is None:
        for i, run in enumerate(runs):
            results.append(run_one(run))
            if progress:
                progress(i + 1, len(runs))
    else:
        from distributed import as_completed

        futures = client.map(run_one, runs, pure=False)
        for i, fut in enumerate(as_completed(futures)):
            results.append(fut.result())
            if progress:
                progress(i + 1, len(runs))
    return samenvatting(results, base, seeds)


def _key(r: dict[str, Any]) -> tuple:
    return (r["seed"], tuple(sorted(r["aannames"].items())))


def samenvatting(results: list[dict[str, Any]], base: model.Settings, seeds: int) -> dict[str, Any]:
    by_reform: dict[str, dict[tuple, dict[str, Any]]] = {}
    for r in results:
        by_reform.setdefault(r["hervorming"], {})[_key(r)] = r
    baseline = by_reform[BASIS]
    central_keys = [(base.seed + i, ()) for i in range(seeds)]
    out: dict[str, Any] = {}
    for name, runs in by_reform.items():
        figures = {}
        for code in KENGETALLEN:
            central = [runs[k]["kengetallen"][code] for k in central_keys]
            diffs = [runs[k]["kengetallen"][code] - baseline[k]["kengetallen"][code] for k in runs]
            variants = [runs[k]["kengetallen"][code] for k in runs if k not in central_keys]
            central_diff = [runs[k]["kengetallen"][code] - baseline[k]["kengetallen"][code] for k in central_keys]
            figures[code] = {
                "waarde": float(np.mean(central)),
                "spreiding_seeds": [float(min(central)), float(max(central))],
                "spreiding_aannames": [float(min(variants + central)), float(max(variants + central))],
                "verschil_met_basis": float(np.mean(central_diff)),
                "verschil_bereik": [float(min(diffs)), float(max(diffs))],
            }
        income = np.mean([runs[k]["inkomen_per_maand"] for k in central_keys], axis=0)
        out[name] = {
            "omschrijving": "Huidige regels" if name == BASIS else reform_by_name(name).description,
            "kengetallen": figures,
            "inkomen_per_maand": [int(x) for x in income],
        }
    return {
        "instellingen": {
            "personen": base.personen,
            "jaren_na_wachttijd": base.jaren,
            "seeds": seeds,
            "eerste_seed": base.seed,
            "prijspeil": base.peildatum.isoformat(),
            "cohort": "werknemers die in week 42 nog ziek zijn (42e-weeksmelding), eerste ziektedag in "
            f"{base.cohort_start.year}",
        },
        "hervormingen": out,
        "aannames": aannames_overzicht(base.peildatum),
        "kalibratie": kalibratie_controle(out[BASIS]["kengetallen"], base.peildatum),
    }


def aannames_overzicht(on: dt.date) -> dict[str, Any]:
    """Every behavioural assumption with its variants and source: stated on every result."""
    ctx = model.baseline_context()
    result = {}
    for a in model.ASSUMPTIONS:
        version = ctx.version(model.S + "aanname." + a, on)
        result[a] = {
            "waarden": version.value,
            "omschrijving": ctx.parameter(model.S + "aanname." + a).description,
            "bron": str(version.reference),
            "url": version.reference.url,
        }
    return result


# calibration target, model figure, tolerance (the source's own uncertainty where it states one)
def kalibratie_controle(figures: dict[str, Any], on: dt.date) -> list[dict[str, Any]]:
    ctx = model.baseline_context()
    s = model.S + "kalibratie."
    outcome = ctx.value(s + "tweede_spoor_uitkomst", on)
    checks = [
        (
            "Nieuwe werkgever bij de claimbeoordeling (tweede spoor)",
            outcome["nieuwe_werkgever"] / 100,
            figures["plaatsing_aandeel_tweede_spoor"]["waarde"],
            0.05,
            s + "tweede_spoor_uitkomst",
        ),
        (
            "Tweede spoor gestart in het eerste ziektejaar",
            ctx.value(s + "tweede_spoor_start", on)["jaar1"] / 100,
            figures["tweede_spoor_start_jaar1"]["waarde"],
            0.02,
            s + "tweede_spoor_start",
        ),
        (
            "Tweede spoor zonder werkzoekactiviteit",
            ctx.value(s + "geen_zoekactiviteit", on) / 100,
            figures["tweede_spoor_zonder_zoekactiviteit"]["waarde"],
            0.02,
            s + "geen_zoekactiviteit",
        ),
    ]
    return [
        {
            "naam": name,
            "bron_waarde": target,
            "model_waarde": value,
            "tolerantie": tol,
            "binnen_tolerantie": abs(value - target) <= tol,
            "bron": str(ctx.version(param, on).reference),
        }
        for name, target, value, tol, param in checks
    ]
