"""The same core income formulas as spoorwijzer.law, written as an OpenFisca-core system.

Benchmark-only: it exists to measure Spoorwijzer against OpenFisca on identical work. Its
parameter values are read from Spoorwijzer's own dated parameter files (no second copy of law).
Months are whole months from the first sick day's month (OpenFisca's natural period); the
benchmark compares results on months where no phase boundary falls, where both must agree.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import numpy as np
from openfisca_core.entities import build_entity
from openfisca_core.parameters import ParameterNode
from openfisca_core.periods import DateUnit
from openfisca_core.simulations import SimulationBuilder
from openfisca_core.taxbenefitsystems import TaxBenefitSystem
from openfisca_core.variables import Variable

from spoorwijzer.law.context import LawContext
from spoorwijzer.law.money import bp

Persoon = build_entity(key="persoon", plural="personen", label="Persoon", is_person=True)


def _rate(x) -> float:
    return bp(x) / 10_000


def parameter_node(on: dt.date) -> ParameterNode:
    p = LawContext.baseline()
    wga = p.value("wia.wga", on)
    ww_h = p.value("ww.hoogte", on)
    f = p.value("dagloon.factoren", on)
    return ParameterNode(
        "",
        data={
            "max_dagloon": {"values": {"2000-01-01": p.value("wfsv.maximum_dagloon", on)}},
            "dagen_per_jaar": {"values": {"2000-01-01": f["dagen_per_jaar"]}},
            "dagen_per_maand": {"values": {"2000-01-01": float(Fraction(f["dagen_per_maand"]))}},
            "minimummaandloon": {"values": {"2000-01-01": p.value("wml.referentieminimummaandloon", on)}},
            "bijstand_alleenstaande": {
                "values": {"2000-01-01": p.value("participatiewet.bijstandsnorm", on)["alleenstaande"]}
            },
            "bijstand_gehuwden": {"values": {"2000-01-01": p.value("participatiewet.bijstandsnorm", on)["gehuwden"]}},
            "iva": {"values": {"2000-01-01": _rate(p.value("wia.iva", on)["percentage"])}},
            "lgu_hoog": {"values": {"2000-01-01": _rate(wga["lgu_hoog"])}},
            "lgu": {"values": {"2000-01-01": _rate(wga["lgu"])}},
            "lau": {"values": {"2000-01-01": _rate(wga["lau"])}},
            "inkomenseis": {"values": {"2000-01-01": _rate(wga["inkomenseis"])}},
            "geen_eis": {"values": {"2000-01-01": _rate(wga["geen_inkomenseis_rvc_max"])}},
            "ww_hoog": {"values": {"2000-01-01": _rate(ww_h["hoog"])}},
            "ww": {"values": {"2000-01-01": _rate(ww_h["daarna"])}},
            **{
                f"vvu_{i}": {"values": {"2000-01-01": _rate(b["percentage"])}}
                for i, b in enumerate(p.value("wia.vervolguitkering", on))
            },
        },
    )


def _eternity(name, dtype=float):
    return type(name, (Variable,), {"value_type": dtype, "entity": Persoon, "definition_period": DateUnit.ETERNITY})


INPUTS = ["maandloon", "sv_jaarloon", "ldb1", "ldb2", "maatman", "rvc", "inkomen_wga", "nieuw_loon", "ao"]
INT_INPUTS = ["scenario", "startmaand", "stopmaand", "lgu_duur", "ww_duur", "huishouden", "klasse"]


class wia_maandloon(Variable):
    value_type = float
    entity = Persoon
    definition_period = DateUnit.ETERNITY

    def formula(persoon, period, parameters):
        p = parameters("2000-01-01")
        dagloon = np.minimum(np.floor(persoon("sv_jaarloon", period) / p.dagen_per_jaar + 0.5), p.max_dagloon)
        return np.floor(dagloon * p.dagen_per_maand + 0.5)


class inkomen(Variable):
    value_type = float
    entity = Persoon
    definition_period = DateUnit.MONTH

    def formula(persoon, period, parameters):
        p = parameters("2000-01-01")
        eternity = period  # eternity inputs can be read with any period
        m = period.start.year * 12 + period.start.month - 1 - persoon("startmaand", eternity)
        scenario = persoon("scenario", eternity)
        ml = persoon("wia_maandloon", eternity)
        wga_m = m - 24
        lgu_duur = persoon("lgu_duur", eternity)
        ww_duur = persoon("ww_duur", eternity)
        inkomen_wga = persoon("inkomen_wga", eternity)
        nieuw = persoon("nieuw_loon", eternity)
        rvc = persoon("rvc", eternity)
        maatman = persoon("maatman", eternity)
        ao = persoon("ao", eternity)
        stop = persoon("stopmaand", eternity)
        earned = np.where(scenario == 3, inkomen_wga, np.where(scenario == 1, nieuw, 0))
        uncapped = np.floor(persoon("sv_jaarloon", eternity) / p.dagen_per_jaar + 0.5)
        capped = np.minimum(uncapped, p.max_dagloon)
        base = np.floor(earned * capped / np.maximum(uncapped, 1) + 0.5)  # art. 52/61: income x C/D
        rvc_scaled = np.floor(rvc * capped / np.maximum(uncapped, 1) + 0.5)
        lgu = np.floor(np.maximum(ml - base, 0) * np.where(wga_m < 2, p.lgu_hoog, p.lgu) + 0.5)
        bands = [(0.35, 0.45), (0.45, 0.55), (0.55, 0.65), (0.65, 0.80), (0.80, 1.01)]
        vvu_rate = np.select([(ao >= lo) & (ao < hi) for lo, hi in bands], [p[f"vvu_{i}"] for i in range(5)], 0)
        vvu = np.floor(np.minimum(p.minimummaandloon, ml) * vvu_rate + 0.5)
        geen_eis = rvc <= maatman * p.geen_eis
        full = np.floor(np.maximum(ml - base, 0) * p.lau + 0.5)
        partial = np.floor(np.maximum(ml - rvc_scaled, 0) * p.lau + 0.5)
        lau = np.where((earned >= rvc) | geen_eis, full, np.minimum(np.maximum(partial, vvu), full))
        na = np.where(geen_eis | (earned >= np.floor(rvc * p.inkomenseis + 0.5)), lau, vvu)
        wga = np.where(wga_m < lgu_duur, lgu, na)
        ww_bedrag = np.floor(ml * np.where(wga_m < 2, p.ww_hoog, p.ww) + 0.5)
        bijstand = np.where(persoon("huishouden", eternity) == 0, p.bijstand_alleenstaande, p.bijstand_gehuwden)
        na_wachttijd = np.select(
            [scenario == 2, (scenario == 3) | (scenario == 4), scenario == 5],
            [
                np.where(wga_m < ww_duur, ww_bedrag, bijstand),
                wga + np.where(scenario == 3, inkomen_wga, 0),
                np.floor(ml * p.iva + 0.5),
            ],
            0,
        )
        returned = ((scenario == 0) | (scenario == 1)) & (m >= stop)
        wga_new = np.where((scenario == 1) & (m >= 24) & persoon("klasse", eternity).astype(bool), wga, 0)
        sick = np.where(m < 12, persoon("ldb1", eternity), np.where(m < 24, persoon("ldb2", eternity), na_wachttijd))
        return np.where(returned, nieuw + wga_new, sick)


def system(on: dt.date) -> TaxBenefitSystem:
    tbs = TaxBenefitSystem([Persoon])
    for name in INPUTS:
        tbs.add_variable(_eternity(name))
    for name in INT_INPUTS:
        tbs.add_variable(_eternity(name, int))
    tbs.add_variable(wia_maandloon)
    tbs.add_variable(inkomen)
    tbs.parameters = parameter_node(on)
    return tbs


def simulation(tbs: TaxBenefitSystem, inputs: dict[str, np.ndarray]):
    n = len(next(iter(inputs.values())))
    sim = SimulationBuilder().build_default_simulation(tbs, count=n)
    for name, values in inputs.items():
        sim.set_input(name, "eternity", values)
    return sim
