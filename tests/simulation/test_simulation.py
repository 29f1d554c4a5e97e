"""The policy microsimulation: its baseline reproduces the published figures it is calibrated on, a
reform changes what it should and nothing else, and the runs are reproducible (seeded) and the same
on a Dask cluster as in one process."""

from __future__ import annotations

import json

import numpy as np
import pytest

from spoorwijzer.cli import main
from spoorwijzer.simulation import model, vergelijking
from spoorwijzer.simulation.hervormingen import HERVORMINGEN

N = 30_000
SETTINGS = model.Settings(personen=N, jaren=2, seed=7)


@pytest.fixture(scope="module")
def rate():
    return model.calibrate_placement(SETTINGS)


@pytest.fixture(scope="module")
def basis(rate):
    return model.run(None, SETTINGS, rate)


def test_baseline_reproduces_the_dossier_study_and_uwv_figures(basis):
    k = basis.kengetallen
    # UWV dossier study 2021 (kennisdocument 'Heeft spoor 2 wel zin?'; Rendement 7 Oct 2021)
    assert k["plaatsing_aandeel_tweede_spoor"] == pytest.approx(0.07, abs=0.01)
    assert k["tweede_spoor_start_jaar1"] == pytest.approx(0.16, abs=0.015)
    assert k["tweede_spoor_zonder_zoekactiviteit"] == pytest.approx(0.27, abs=0.015)
    assert k["eigen_werkgever_aandeel_tweede_spoor"] == pytest.approx(0.26, abs=0.015)
    # about 25% of the 42e-weeksmeldingen end in a WIA claim (UWV Kennisverslag 2018, via Resolu)
    assert k["wia_aanvragen"] / N == pytest.approx(0.25, abs=0.01)
    # nearly half of the claims had a track-2 trajectory (48% chosen)
    assert k["tweede_spoor"] / k["wia_aanvragen"] == pytest.approx(0.48, abs=0.015)
    # UWV 2018: IVA 19.0%, WGA 80-100 31.6%, WGA 35-80 16.8% of handled claims
    c = model.draw_cohort(model.baseline_context(), SETTINGS, placement_rate=0.0)
    claims = c.klasse != model.HERSTEL
    for klasse, share in ((model.IVA, 0.19), (model.WGA_80_100, 0.316), (model.WGA_35_80, 0.168)):
        assert (c.klasse[claims] == klasse).mean() == pytest.approx(share, abs=0.012)
    # a placed claimant earns at least 65% of the old wage, so leaves the WIA: inflow is below the 67.4%
    assert 0.6 < k["wia_instroom"] / k["wia_aanvragen"] < 0.674
    # loonsancties on about 9% of the assessed re-integratieverslagen (Eekhoudt et al. 2020)
    assert k["loonsancties"] / k["wia_aanvragen"] == pytest.approx(0.09, abs=0.01)


def test_the_calibration_report_names_its_sources(basis):
    result = vergelijking.samenvatting([vergelijking.run_one(vergelijking.Run("basis", SETTINGS))], SETTINGS, seeds=1)
    assert all(c["binnen_tolerantie"] for c in result["kalibratie"])
    assert any("dossieronderzoek" in c["bron"] for c in result["kalibratie"])
    assert set(result["aannames"]) == set(model.ASSUMPTIONS)


def test_a_shorter_loonsanctie_moves_cost_from_employer_to_benefits_and_nothing_else(basis, rate):
    reform = model.run(HERVORMINGEN["loonsanctie_26"], SETTINGS, rate).kengetallen
    k = basis.kengetallen
    for code in ("plaatsingen_nieuwe_werkgever", "wia_instroom", "loonsancties", "kosten_werkgevers_loondoorbetaling"):
        assert reform[code] == k[code], code
    # 70% of the maximum is served (central assumption): round(0.7 x 26) = 18 weeks against round(0.7 x 52) = 36,
    # priced by days at the year-2 wage, so half the cost (to the day-rounding of the months it falls in)
    assert reform["kosten_werkgevers_loonsanctie"] / k["kosten_werkgevers_loonsanctie"] == pytest.approx(0.5, abs=0.02)
    # the sanctioned employees' benefits start 18 weeks earlier: the benefit cost rises
    assert reform["kosten_uitkeringen"] > k["kosten_uitkeringen"]


def test_the_reform_is_read_from_the_law_parameter_and_named_in_the_trace(rate):
    ctx = model.baseline_context().with_reform(HERVORMINGEN["loonsanctie_78"])
    model.simulate(ctx, model.Settings(personen=2_000, jaren=1), "loonsanctie_78", rate)
    read = ctx.reads[("poortwachter.loonsanctie_max_weken", model.Settings().peildatum)]
    assert read.version.value == 78 and read.hervorming


def test_track_two_by_week_26_starts_every_trajectory_in_year_one_and_places_more(basis, rate):
    reform = model.run(HERVORMINGEN["spoor2_week26"], SETTINGS, rate).kengetallen
    k = basis.kengetallen
    assert reform["tweede_spoor_start_jaar1"] == 1.0
    assert reform["tweede_spoor"] == k["tweede_spoor"]  # same people, earlier start (common random numbers)
    assert reform["plaatsingen_nieuwe_werkgever"] > k["plaatsingen_nieuwe_werkgever"]
    assert reform["wia_instroom"] < k["wia_instroom"]
    assert reform["kosten_uitkeringen"] < k["kosten_uitkeringen"]


def test_no_risk_cover_raises_placements_by_its_assumed_factor_only(basis, rate):
    reform = model.run(HERVORMINGEN["noriskpolis"], SETTINGS, rate).kengetallen
    assert reform["tweede_spoor_start_jaar1"] == basis.kengetallen["tweede_spoor_start_jaar1"]
    assert reform["plaatsingen_nieuwe_werkgever"] > basis.kengetallen["plaatsingen_nieuwe_werkgever"]
    low = model.Settings(personen=N, jaren=2, seed=7, aannames=(("effect_noriskpolis", "laag"),))
    weaker = model.run(HERVORMINGEN["noriskpolis"], low, rate).kengetallen
    assert basis.kengetallen["plaatsingen_nieuwe_werkgever"] < weaker["plaatsingen_nieuwe_werkgever"]
    assert weaker["plaatsingen_nieuwe_werkgever"] < reform["plaatsingen_nieuwe_werkgever"]


def test_the_170_rule_lowers_year_two_pay_for_unconditional_cao_only():
    s = model.Settings(personen=5_000, jaren=1, seed=3)
    ctx = model.baseline_context()
    c = model.draw_cohort(ctx, s, placement_rate=0.01)
    base = model._persons(ctx, c, s)
    reform_ctx = ctx.with_reform(HERVORMINGEN["regel_170"])
    after = model._persons(reform_ctx, model.draw_cohort(reform_ctx, s, placement_rate=0.01), s)
    assert (base.percentage_jaar2_bp[c.cao_boven_170] == 8500).all()
    assert (after.percentage_jaar2_bp == 7000).all()
    assert (base.percentage_jaar2_bp[~c.cao_boven_170] == 7000).all()


def test_cumulative_hazard_is_the_sum_week_by_week():
    start = np.array([26, 40, 53, 90])
    rate, k = 0.01, 0.5
    expected = [sum(rate * np.exp(-k / 52) ** (w - 26) for w in range(s, 104)) for s in start]
    assert model._cumulative_hazard(start, 104, rate, k) == pytest.approx(expected)
    # the placement week is where the person's cumulative hazard crosses their draw
    u = np.array([0.05, 0.2, 0.01, 0.9])
    weeks = model._placement_week(start, np.ones(4, bool), u, rate, k, 104)
    for s, uu, w in zip(start, u, weeks, strict=True):
        target = -np.log1p(-uu)
        total = sum(rate * np.exp(-k / 52) ** (x - 26) for x in range(s, 104))
        if target >= total:
            assert w == 0
        else:
            before = sum(rate * np.exp(-k / 52) ** (x - 26) for x in range(s, w))
            upto = sum(rate * np.exp(-k / 52) ** (x - 26) for x in range(s, w + 1))
            assert before <= target < upto


def test_same_seed_same_result_other_seed_other_result(rate):
    s = model.Settings(personen=5_000, jaren=1, seed=11)
    a = model.run(None, s, rate).kengetallen
    b = model.run(None, s, rate).kengetallen
    c = model.run(None, model.Settings(personen=5_000, jaren=1, seed=12), rate).kengetallen
    assert a == b and a != c


def test_a_sweep_on_a_dask_cluster_equals_the_sweep_in_process():
    distributed = pytest.importorskip("distributed")
    base = model.Settings(personen=3_000, jaren=1, seed=5)
    local = vergelijking.vergelijk(["noriskpolis"], base, seeds=2, variatie=False)
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None, host="127.0.0.1")
    with cluster, distributed.Client(cluster) as client:
        remote = vergelijking.vergelijk(["noriskpolis"], base, seeds=2, variatie=False, client=client)
    assert remote["hervormingen"] == local["hervormingen"]


def test_cli_json_contract_and_dutch_errors(capsys):
    code = main(
        [
            "simuleer",
            "--personen",
            "3000",
            "--jaren",
            "1",
            "--seeds",
            "1",
            "--zonder-variatie",
            "--hervorming",
            "spoor2_week26",
            "--json",
            "--stil",
        ]
    )
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"instellingen", "hervormingen", "aannames", "kalibratie"}
    assert set(out["hervormingen"]) == {"basis", "spoor2_week26"}
    fig = out["hervormingen"]["spoor2_week26"]["kengetallen"]["tweede_spoor_start_jaar1"]
    assert fig["waarde"] == 1.0 and fig["verschil_met_basis"] > 0.5
    assert main(["simuleer", "--hervorming", "onzin", "--stil"]) == 2
    assert "Onbekende hervorming: onzin" in capsys.readouterr().err
    assert main(["simuleer", "--personen", "0", "--stil"]) == 2
    assert "aantal personen" in capsys.readouterr().err


def test_cli_table_and_chart(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "220")  # rich wraps to the terminal's width
    chart = tmp_path / "sim.png"
    code = main(
        [
            "simuleer",
            "--personen",
            "2000",
            "--jaren",
            "1",
            "--seeds",
            "1",
            "--zonder-variatie",
            "--hervorming",
            "noriskpolis",
            "--grafiek",
            str(chart),
            "--stil",
        ]
    )
    assert code == 0
    text = capsys.readouterr().out
    assert "Plaatsingen bij een nieuwe werkgever" in text and "€" in text and "Kalibratie" in text
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
