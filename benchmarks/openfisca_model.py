"""The same core income formulas as spoorwijzer.law, written as an OpenFisca-core system.

Benchmark-only: it exists to measure Spoorwijzer against OpenFisca on identical work. Its
parameter values are read from Spoorwijzer's own dated parameter files (no second copy of law).
Months are whole months from the first sick day's month (OpenFisca's natural period); the
benchmark compares results on months where no phase boundary falls, where both must agree.

Written as OpenFisca's users write a model: what does not change from month to month (daily wage, the
WGA and WW amounts, the bijstandsnorm) is an ETERNITY variable, computed once and cached by OpenFisca; the
monthly ``inkomen`` formula only chooses between them by month.
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


class _Eternal:
    """A per-person quantity that does not change from month to month: OpenFisca computes it once and caches it
    (``definition_period = ETERNITY``), as its own users write such variables. The classes below hold only their
    formula; :func:`_variable` makes the OpenFisca variable (OpenFisca reads a variable's attributes from its own
    class body, not from a base class)."""


def _variable(cls) -> type[Variable]:
    return type(
        cls.__name__,
        (Variable,),
        {
            "value_type": float,
            "entity": Persoon,
            "definition_period": DateUnit.ETERNITY,
            "formula": cls.formula,
            "__doc__": cls.__doc__,
        },
    )


def _p(parameters):
    return parameters("2000-01-01")


class dagloon_ongemaximeerd(_Eternal):
    def formula(persoon, period, parameters):
        return np.floor(persoon("sv_jaarloon", period) / _p(parameters).dagen_per_jaar + 0.5)


class dagloon(_Eternal):
    def formula(persoon, period, parameters):
        return np.minimum(persoon("dagloon_ongemaximeerd", period), _p(parameters).max_dagloon)


class wia_maandloon(_Eternal):
    def formula(persoon, period, parameters):
        return np.floor(persoon("dagloon", period) * _p(parameters).dagen_per_maand + 0.5)


class verdiend(_Eternal):
    """Income from work after the wachttijd in the scenario (WGA working: own income; new employer: the new wage)."""

    def formula(persoon, period, parameters):
        scenario = persoon("scenario", period)
        return np.where(
            scenario == 3, persoon("inkomen_wga", period), np.where(scenario == 1, persoon("nieuw_loon", period), 0)
        )


def _scaled(persoon, period, amount):  # WIA art. 52/61: income x capped / uncapped dagloon
    capped, uncapped = persoon("dagloon", period), persoon("dagloon_ongemaximeerd", period)
    return np.floor(amount * capped / np.maximum(uncapped, 1) + 0.5)


class lgu_hoog_bedrag(_Eternal):
    def formula(persoon, period, parameters):
        base = _scaled(persoon, period, persoon("verdiend", period))
        return np.floor(np.maximum(persoon("wia_maandloon", period) - base, 0) * _p(parameters).lgu_hoog + 0.5)


class lgu_bedrag(_Eternal):
    def formula(persoon, period, parameters):
        base = _scaled(persoon, period, persoon("verdiend", period))
        return np.floor(np.maximum(persoon("wia_maandloon", period) - base, 0) * _p(parameters).lgu + 0.5)


class vvu(_Eternal):
    def formula(persoon, period, parameters):
        p = _p(parameters)
        ao = persoon("ao", period)
        bands = [(0.35, 0.45), (0.45, 0.55), (0.55, 0.65), (0.65, 0.80), (0.80, 1.01)]
        rate = np.select([(ao >= lo) & (ao < hi) for lo, hi in bands], [p[f"vvu_{i}"] for i in range(5)], 0)
        return np.floor(np.minimum(p.minimummaandloon, persoon("wia_maandloon", period)) * rate + 0.5)


class wga_na_lgu(_Eternal):
    """After the loongerelateerde uitkering: loonaanvulling or vervolguitkering."""

    def formula(persoon, period, parameters):
        p = _p(parameters)
        ml, earned = persoon("wia_maandloon", period), persoon("verdiend", period)
        rvc, maatman = persoon("rvc", period), persoon("maatman", period)
        base = _scaled(persoon, period, earned)
        geen_eis = rvc <= maatman * p.geen_eis
        full = np.floor(np.maximum(ml - base, 0) * p.lau + 0.5)
        partial = np.floor(np.maximum(ml - _scaled(persoon, period, rvc), 0) * p.lau + 0.5)
        vervolg = persoon("vvu", period)
        lau = np.where((earned >= rvc) | geen_eis, full, np.minimum(np.maximum(partial, vervolg), full))
        return np.where(geen_eis | (earned >= np.floor(rvc * p.inkomenseis + 0.5)), lau, vervolg)


class ww_hoog_bedrag(_Eternal):
    def formula(persoon, period, parameters):
        return np.floor(persoon("wia_maandloon", period) * _p(parameters).ww_hoog + 0.5)


class ww_bedrag(_Eternal):
    def formula(persoon, period, parameters):
        return np.floor(persoon("wia_maandloon", period) * _p(parameters).ww + 0.5)


class bijstand(_Eternal):
    def formula(persoon, period, parameters):
        p = _p(parameters)
        return np.where(persoon("huishouden", period) == 0, p.bijstand_alleenstaande, p.bijstand_gehuwden)


class iva_bedrag(_Eternal):
    def formula(persoon, period, parameters):
        return np.floor(persoon("wia_maandloon", period) * _p(parameters).iva + 0.5)


class inkomen(Variable):
    """Income in one calendar month: only what depends on the month is computed here; the rest is read from the
    cached ETERNITY variables above."""

    value_type = float
    entity = Persoon
    definition_period = DateUnit.MONTH

    def formula(persoon, period, parameters):
        eternity = period  # eternity variables can be read with any period
        m = period.start.year * 12 + period.start.month - 1 - persoon("startmaand", eternity)
        scenario = persoon("scenario", eternity)
        wga_m = m - 24
        early = wga_m < 2
        lgu = np.where(early, persoon("lgu_hoog_bedrag", eternity), persoon("lgu_bedrag", eternity))
        wga = np.where(wga_m < persoon("lgu_duur", eternity), lgu, persoon("wga_na_lgu", eternity))
        ww_b = np.where(early, persoon("ww_hoog_bedrag", eternity), persoon("ww_bedrag", eternity))
        na_wachttijd = np.select(
            [scenario == 2, (scenario == 3) | (scenario == 4), scenario == 5],
            [
                np.where(wga_m < persoon("ww_duur", eternity), ww_b, persoon("bijstand", eternity)),
                wga + np.where(scenario == 3, persoon("inkomen_wga", eternity), 0),
                persoon("iva_bedrag", eternity),
            ],
            0,
        )
        returned = ((scenario == 0) | (scenario == 1)) & (m >= persoon("stopmaand", eternity))
        wga_new = np.where((scenario == 1) & (m >= 24) & persoon("klasse", eternity).astype(bool), wga, 0)
        sick = np.where(m < 12, persoon("ldb1", eternity), np.where(m < 24, persoon("ldb2", eternity), na_wachttijd))
        return np.where(returned, persoon("nieuw_loon", eternity) + wga_new, sick)


ETERNAL = tuple(
    _variable(c)
    for c in (
        dagloon_ongemaximeerd,
        dagloon,
        wia_maandloon,
        verdiend,
        lgu_hoog_bedrag,
        lgu_bedrag,
        vvu,
        wga_na_lgu,
        ww_hoog_bedrag,
        ww_bedrag,
        bijstand,
        iva_bedrag,
    )
)


def system(on: dt.date) -> TaxBenefitSystem:
    tbs = TaxBenefitSystem([Persoon])
    for name in INPUTS:
        tbs.add_variable(_eternity(name))
    for name in INT_INPUTS:
        tbs.add_variable(_eternity(name, int))
    for variable in (*ETERNAL, inkomen):
        tbs.add_variable(variable)
    tbs.parameters = parameter_node(on)
    return tbs


def simulation(tbs: TaxBenefitSystem, inputs: dict[str, np.ndarray]):
    n = len(next(iter(inputs.values())))
    sim = SimulationBuilder().build_default_simulation(tbs, count=n)
    for name, values in inputs.items():
        sim.set_input(name, "eternity", values)
    return sim
