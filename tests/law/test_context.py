"""The law context: every parameter read goes through it; a reform changes what depends on it and nothing else."""

from __future__ import annotations

import datetime as dt

import numpy as np

from spoorwijzer import berekeningen
from spoorwijzer.law import poortwachter_vec as pv
from spoorwijzer.law.context import LawContext, ParameterChange, Reform
from spoorwijzer.law.poortwachter import schedule
from spoorwijzer.law.weeks import SickPeriod, current_wachttijd

WW_80 = Reform(
    "WW 80%",
    "De eerste twee WW-maanden 80% in plaats van 75%",
    (ParameterChange("ww.hoogte", dt.date(2025, 1, 1), 80, "voorstel: 80% in de eerste maanden", key="hoog"),),
)
PERSON = {
    "eerste_ziektedag": "2025-03-03",
    "maandloon": 3500,
    "jaren_voor_2016": 12,
    "maatmaninkomen": 3500,
    "resterende_verdiencapaciteit": 1400,
    "inkomen_wga": 1000,
    "hervatting_datum": "2026-01-05",
    "maanden": 60,
}


def test_reform_changes_only_the_results_that_depend_on_it_and_its_receipt_names_it():
    base = berekeningen.run("inkomenspad", PERSON)
    reform = berekeningen.run("inkomenspad", PERSON, LawContext.baseline().with_reform(WW_80))
    before = {s["code"]: s for s in base["scenarios"]}
    after = {s["code"]: s for s in reform["scenarios"]}
    assert before.keys() == after.keys()
    # only the scenario with WW changes, and only in its first two WW months: 80% vs 75% of the maandloon
    changed = {c for c in before if before[c]["maanden"] != after[c]["maanden"]}
    assert changed == {"35_minner_zonder_werk"}
    ww_before = [f for f in before["35_minner_zonder_werk"]["fasen"] if f["soort"] == "ww"]
    ww_after = [f for f in after["35_minner_zonder_werk"]["fasen"] if f["soort"] == "ww"]
    assert ww_before[1] == ww_after[1]  # the 70% months are untouched
    # 75% -> 80% of the same WIA/WW maandloon: the amounts scale by 80/75
    assert abs(ww_after[0]["per_maand_cent"] * 75 - ww_before[0]["per_maand_cent"] * 80) < 80
    bon = reform["bon"]
    assert bon["hervorming"]["naam"] == "WW 80%"
    assert bon["hervorming"]["wijzigingen"][0]["parameter"] == "ww.hoogte.hoog"
    used = {p["naam"]: p for p in bon["parameters"]}
    assert used["ww.hoogte"]["hervorming"] and used["ww.hoogte"]["grondslag"].startswith("Hervorming: WW 80%")
    assert not used["wfsv.maximum_dagloon"]["hervorming"]
    assert "hervorming" not in base["bon"]


def test_reform_of_the_evaluation_interval_moves_only_the_evaluations():
    longer = Reform(
        "evaluatie 8 weken",
        "Evaluatie eens per 8 weken",
        (ParameterChange("poortwachter.evaluatie_interval_weken", dt.date(2002, 4, 1), 8, "voorstel"),),
    )
    periods = [SickPeriod(dt.date(2025, 3, 3))]
    base = schedule(LawContext.baseline(), periods, peildatum=dt.date(2025, 3, 3))
    reform = schedule(LawContext.baseline().with_reform(longer), periods, peildatum=dt.date(2025, 3, 3))
    fixed = {s.code: s.uiterlijk for s in base.stappen if not s.herhalend}
    assert fixed == {s.code: s.uiterlijk for s in reform.stappen if not s.herhalend}
    evaluations = [s for s in reform.stappen if s.herhalend]
    assert evaluations[1].uiterlijk - evaluations[0].uiterlijk == dt.timedelta(weeks=8)
    assert [s.uiterlijk for s in base.stappen if s.herhalend] != [s.uiterlijk for s in evaluations]


def test_receipt_lists_exactly_what_the_calculation_read():
    result = berekeningen.run(
        "ww", {"datum": "2025-07-01", "sv_jaarloon": 45000, "jaren_voor_2016": 10, "jaren_vanaf_2016": 0}
    )
    names = {p["naam"] for p in result["bon"]["parameters"]}
    assert names == {
        "dagloon.factoren",
        "wfsv.maximum_dagloon",
        "ww.duur",
        "ww.hoogte",
        "participatiewet.bijstandsnorm",
    }
    # a second run starts with a fresh trace: nothing of the first leaks into it
    klasse = berekeningen.run(
        "wia-klasse", {"datum": "2025-07-01", "maatmaninkomen": 3000, "resterende_verdiencapaciteit": 1000}
    )
    assert {p["naam"] for p in klasse["bon"]["parameters"]} == {"wia.drempels", "wia.vervolguitkering"}


def test_vector_twin_records_the_versions_it_used():
    ctx = LawContext.baseline()
    cases = [(current_wachttijd(ctx, [SickPeriod(dt.date(2025, 1, 6) + dt.timedelta(days=k))]), []) for k in (0, 400)]
    ctx = ctx.fresh()
    pv.schedule(ctx, pv.Portfolio.from_cases(cases), dt.date(2025, 6, 1))
    names = {r.name for r in ctx.reads.values()}
    assert {"poortwachter.wachttijd_weken", "poortwachter.probleemanalyse_weken"} <= names
    assert {r.on for r in ctx.reads.values() if r.name == "poortwachter.wachttijd_weken"} == {dt.date(2025, 1, 6)}


def test_vector_twin_runs_on_the_reform():
    shorter = Reform(
        "wachttijd 52",
        "Wachttijd van 52 weken",
        (ParameterChange("poortwachter.wachttijd_weken", dt.date(2002, 4, 1), 52, "voorstel"),),
    )
    ctx = LawContext.baseline()
    w = current_wachttijd(ctx, [SickPeriod(dt.date(2025, 1, 6))])
    portfolio = pv.Portfolio.from_cases([(w, [])])
    base = pv.schedule(ctx, portfolio, dt.date(2025, 6, 1)).uiterlijk["einde_wachttijd"]
    reform = pv.schedule(ctx.with_reform(shorter), portfolio, dt.date(2025, 6, 1)).uiterlijk["einde_wachttijd"]
    assert (base - reform)[0] == np.timedelta64(52 * 7, "D")
