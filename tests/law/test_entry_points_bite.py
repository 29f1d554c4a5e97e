"""The law entry points the CLI, the API and the dossier call (``loondoorbetaling.bereken``,
``wia.bereken_klasse``, ``wia.bereken_uitkering``): rules that a mutation run of these modules showed unguarded
(benchmarks/mutation.py --module wia.py --module loondoorbetaling.py). Each case writes its arithmetic out."""

from __future__ import annotations

import datetime as dt

import pytest

from spoorwijzer.law import loondoorbetaling as ldb
from spoorwijzer.law import wia
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput

CTX = LawContext.baseline()
ON = dt.date(2025, 3, 1)  # WML 14,06 per hour; maximum dagloon 290,67; minimum wage per month 2.191,80


def ldb_run(**kw):
    return ldb.bereken(CTX, ldb.LoondoorbetalingInvoer(eerste_ziektedag=ON, **kw)).as_dict()


# --- loondoorbetaling (BW 7:629) --------------------------------------------------------------------


def test_low_wage_gets_the_minimum_wage_in_year_one_only():
    # BW 7:629 lid 1: 70% of 2.000 = 1.400; in the first 52 weeks at least the minimum wage for 38 hours:
    # 14,06 x 38 x 52 / 12 = 2.315,207 -> 2.315,21. Year 2 has no such floor: 1.400.
    out = ldb_run(maandloon=200_000)
    assert (out["jaar1_per_maand_cent"], out["jaar2_per_maand_cent"]) == (231_521, 140_000)
    assert (out["minimumloon_per_maand_cent"], out["minimumloon_weken"]) == (231_521, 52)
    assert "minimumloon voor 38 uur: € 2.315,21 per maand (ondergrens in de eerste 52 weken)" in " ".join(
        out["bon"]["stappen"]
    ).replace("\u00a0", " ")


def test_cao_percentages_are_used_per_year_and_tested_against_the_convention():
    # A cao paying 100% in year 1 and 80% in year 2 on a wage of 4.000: 4.000 and 3.200; 180% over two years is
    # above the 170% of the Stichting van de Arbeid's convention (BW 7:629 lid 1 asks 70%).
    out = ldb_run(maandloon=400_000, percentage_jaar1=100, percentage_jaar2=80)
    assert (out["jaar1_per_maand_cent"], out["jaar2_per_maand_cent"]) == (400_000, 320_000)
    assert (
        out["cao_toets"]
        == "zonder werkhervatting 180% over twee jaar (boven het convenant van 170%, zonder voorwaarde)"
    )
    assert out["cao_toets"] in out["bon"]["stappen"]
    # without cao percentages the statutory 70% both years: 2.800
    plain = ldb_run(maandloon=400_000)
    assert (plain["jaar1_per_maand_cent"], plain["jaar2_per_maand_cent"]) == (280_000, 280_000)
    assert plain["wettelijk_percentage"] == 70


def test_a_wage_of_zero_is_refused_with_a_dutch_message():
    with pytest.raises(InvalidInput, match="groter zijn dan 0"):
        ldb_run(maandloon=0)


# --- WIA class and the output contract --------------------------------------------------------------


def klasse_run(**kw):
    return wia.bereken_klasse(CTX, wia.WiaInvoer(datum=ON, bron="test", **kw)).as_dict()


def test_wia_klasse_output_contract():
    out = klasse_run(maatmaninkomen=400_000, resterende_verdiencapaciteit=150_000)
    assert set(out) == {
        "onderwerp",
        "ao_percentage",
        "ao_onafgerond",
        "afronding",
        "klasse",
        "klasse_naam",
        "ao_klasse",
        "vervolguitkering_percentage",
        "maatmaninkomen_cent",
        "resterende_verdiencapaciteit_cent",
        "bon",
    }
    # (4.000 - 1.500) / 4.000 = 62,5%: WGA 35-80, band 55-65
    assert (out["onderwerp"], out["ao_percentage"], out["klasse"], out["ao_klasse"]) == (
        "wia-klasse",
        62.5,
        "wga_35_80",
        "55-65",
    )
    assert out["afronding"].startswith("afgekapt")
    assert out["maatmaninkomen_cent"] == 400_000 and out["resterende_verdiencapaciteit_cent"] == 150_000
    step = out["bon"]["stappen"][-1].replace("\u00a0", " ")
    assert (
        step
        == "Arbeidsongeschikt 62,50% (onafgerond 62,500000%): WGA 35-80 (gedeeltelijk arbeidsgeschikt) (oordeel: test)."
    )


def test_the_bands_name_their_bounds_and_under_35_has_none():
    full = klasse_run(maatmaninkomen=400_000, resterende_verdiencapaciteit=0, duurzaam=False)
    assert (full["klasse"], full["ao_klasse"], full["vervolguitkering_percentage"]) == ("wga_80_100", "80-100", 70.0)
    low = klasse_run(maatmaninkomen=400_000, resterende_verdiencapaciteit=300_000)  # 25%
    assert (low["klasse"], low["ao_klasse"], low["vervolguitkering_percentage"]) == ("geen", None, None)
    # RVC at or above the maatman: 0%, the exact ratio 0/1
    none = klasse_run(maatmaninkomen=400_000, resterende_verdiencapaciteit=500_000)
    assert (none["ao_percentage"], none["ao_onafgerond"]) == (0.0, "0/1 = 0.000000")


def test_judgement_inputs_are_checked():
    with pytest.raises(InvalidInput, match="maatmaninkomen"):
        klasse_run(maatmaninkomen=400_000)  # RVC missing
    with pytest.raises(InvalidInput, match="negatief"):
        klasse_run(maatmaninkomen=400_000, resterende_verdiencapaciteit=-1)
    with pytest.raises(InvalidInput, match="maatmaninkomen per uur"):
        klasse_run(functie_uurlonen=(1500, 1800, 1400))  # functions without the maatman per hour
    with pytest.raises(InvalidInput, match="maatmaninkomen per uur"):
        klasse_run(functie_uurlonen=(1500, 1800, 1400), maatman_uurloon=0)
    assert klasse_run(maatmaninkomen=400_000, resterende_verdiencapaciteit=0)["ao_percentage"] == 100.0


def test_rvc_from_exactly_three_functions_and_a_zero_wage_refused():
    # Schattingsbesluit art. 9 sub a: at least three functions; three are enough. The middle of 18, 15, 14 is 15:
    # maatman 20 per hour -> (20 - 15) / 20 = 25%. On 38 hours: 20 x 38 x 52 / 12 = 3.293,33 per month.
    out = klasse_run(functie_uurlonen=(1500, 1800, 1400), maatman_uurloon=2000, uren_per_week_x100=3800)
    assert (out["ao_percentage"], out["maatmaninkomen_cent"], out["resterende_verdiencapaciteit_cent"]) == (
        25.0,
        329_333,
        247_000,
    )
    step = " ".join(out["bon"]["stappen"]).replace("\u00a0", " ")
    assert "functie-uurlonen € 18,00, € 15,00, € 14,00 = € 15,00 (Schattingsbesluit" in step
    with pytest.raises(InvalidInput, match="groter zijn dan 0"):
        klasse_run(functie_uurlonen=(1500, 1800, 0), maatman_uurloon=2000)
    # an RVC above the maatman per hour is capped at it, and the receipt says so: 0%
    capped = klasse_run(functie_uurlonen=(2500, 2600, 2400), maatman_uurloon=2000)
    assert capped["ao_percentage"] == 0.0
    assert "begrensd op het maatmaninkomen per uur € 20,00" in " ".join(capped["bon"]["stappen"]).replace("\u00a0", " ")
    # without contract hours no monthly amounts: 0
    assert klasse_run(functie_uurlonen=(1500, 1800, 1400), maatman_uurloon=2000)["maatmaninkomen_cent"] == 0


# --- WIA benefit -------------------------------------------------------------------------------------


def uitkering_run(**kw):
    return wia.bereken_uitkering(CTX, wia.WiaInvoer(datum=ON, bron="test", **kw)).as_dict()


WGA = dict(maatmaninkomen=300_000, resterende_verdiencapaciteit=90_000)  # 70%: WGA 35-80, band 65-80


def test_wia_uitkering_output_contract_and_wage_basis_from_a_dagloon():
    # Dagloon 100,00 as in UWV's decision: maandloon 100 x 21,75 = 2.175,00
    out = uitkering_run(dagloon=10_000, jaren_voor_2016=10, **WGA)
    assert {"onderwerp", "dagloon_cent", "dagloon_ongemaximeerd_cent", "maandloon_cent", "bon"} <= set(out)
    assert (out["onderwerp"], out["dagloon_cent"], out["dagloon_ongemaximeerd_cent"], out["maandloon_cent"]) == (
        "wia-uitkering",
        10_000,
        None,
        217_500,
    )
    assert "Dagloon € 100,00 zoals UWV het vaststelde; maandloon € 2.175,00." in [
        s.replace("\u00a0", " ") for s in out["bon"]["stappen"]
    ]
    assert set(out) >= {
        "lgu_duur_maanden",
        "lgu_hoog_maanden",
        "lgu_hoog_percentage",
        "lgu_percentage",
        "lgu_eerste_maanden_per_maand_cent",
        "lgu_daarna_per_maand_cent",
        "inkomenseis_percentage",
        "inkomenseis_cent",
        "na_lgu",
        "na_lgu_per_maand_cent",
        "loonaanvulling_ruw_per_maand_cent",
        "vervolguitkering_per_maand_cent",
    }
    assert (out["lgu_hoog_percentage"], out["lgu_percentage"], out["inkomenseis_percentage"]) == (75, 70, 50)
    # a maandloon given directly has no dagloon: 0
    assert uitkering_run(maandloon=217_500, jaren_voor_2016=10, **WGA)["dagloon_cent"] == 0
    with pytest.raises(InvalidInput, match="precies één"):
        uitkering_run(maandloon=217_500, dagloon=10_000, jaren_voor_2016=10, **WGA)


def test_income_above_the_maximum_dagloon_is_scaled_in_the_entry_point():
    # WIA art. 52 lid 1 (C/D): SV-jaarloon 100.000: uncapped dagloon 100.000 / 261 = 383,14, capped 290,67;
    # maandloon 290,67 x 21,75 = 6.322,0725 -> 6.322,07; IVA 75% = 4.741,5525 -> 4.741,55.
    # Income 1.000 scaled: 1.000 x 290,67 / 383,14 = 758,65; 70% = 531,055 -> 531,06; 4.741,55 - 531,06 = 4.210,49
    # (table case GM-12, now through the entry point).
    out = uitkering_run(
        sv_jaarloon=10_000_000, maatmaninkomen=833_333, resterende_verdiencapaciteit=0, duurzaam=True, inkomen=100_000
    )
    assert (out["dagloon_cent"], out["dagloon_ongemaximeerd_cent"], out["maandloon_cent"]) == (29_067, 38_314, 632_207)
    assert out["iva_per_maand_cent"] == 421_049


def test_without_the_referte_eis_there_is_no_lgu():
    # WIA art. 58: no loongerelateerde uitkering without the referte-eis (26 of 36 weeks): 0 months, 0 euro
    out = uitkering_run(maandloon=300_000, jaren_voor_2016=10, referte_eis=False, **WGA)
    assert (out["lgu_duur_maanden"], out["lgu_hoog_maanden"]) == (0, 0)
    assert (out["lgu_eerste_maanden_per_maand_cent"], out["lgu_daarna_per_maand_cent"]) == (0, 0)


def test_an_lgu_of_exactly_two_months_has_no_70_percent_months():
    # WW duration 3 months (the minimum) less 1 month WW received = 2 months: only the 75% months
    out = uitkering_run(maandloon=300_000, jaren_voor_2016=0, ww_ontvangen_maanden=1, **WGA)
    assert (out["lgu_duur_maanden"], out["lgu_hoog_maanden"]) == (2, 2)
    assert (out["lgu_eerste_maanden_per_maand_cent"], out["lgu_daarna_per_maand_cent"]) == (225_000, 0)
    # 3 months: one month at 70% of 3.000 = 2.100
    three = uitkering_run(maandloon=300_000, jaren_voor_2016=0, **WGA)
    assert (three["lgu_duur_maanden"], three["lgu_daarna_per_maand_cent"]) == (3, 210_000)


@pytest.mark.parametrize(
    "inkomen,ruw",
    [
        (0, 147_000),  # 70% x (3.000 - RVC 900) = 1.470 (art. 61 lid 4), before the vervolguitkering decides
        (90_000, 147_000),  # income equal to the RVC: 70% x (3.000 - 900) = 1.470 (art. 61 lid 2)
        (120_000, 126_000),  # income above the RVC: 70% x (3.000 - 1.200) = 1.260
    ],
)
def test_raw_loonaanvulling_uses_the_rvc_until_income_reaches_it(inkomen, ruw):
    out = uitkering_run(maandloon=300_000, jaren_voor_2016=10, inkomen=inkomen, **WGA)
    assert out["loonaanvulling_ruw_per_maand_cent"] == ruw


def test_under_35_percent_the_benefit_names_the_threshold_from_the_parameters():
    out = uitkering_run(maandloon=300_000, maatmaninkomen=300_000, resterende_verdiencapaciteit=240_000)
    assert out["klasse"] == "geen"
    assert out["toelichting"] == "Minder dan 35% arbeidsongeschikt: geen WIA-uitkering (zie onderwerp ww)."


def test_receipts_carry_the_inputs_and_the_whole_reasoning():
    # the receipt (bon) a user reads states what was put in and every step, the class assessment included
    out = uitkering_run(maandloon=300_000, jaren_voor_2016=10, **WGA)
    assert out["bon"]["invoer"]["maandloon"] == 300_000 and out["bon"]["invoer"]["jaren_voor_2016"] == 10
    assert out["bon"]["stappen"][0].startswith("Arbeidsongeschikt 70,00%")
    pay = ldb_run(maandloon=400_000)
    assert pay["bon"]["invoer"]["maandloon"] == 400_000


def test_error_messages_are_dutch_sentences():
    with pytest.raises(InvalidInput, match="^Het maandloon moet groter zijn dan 0.$"):
        ldb_run(maandloon=0)
    with pytest.raises(InvalidInput, match="^Een uurloon van een functie moet groter zijn dan 0.$"):
        klasse_run(functie_uurlonen=(1500, 1800, 0), maatman_uurloon=2000)
    with pytest.raises(InvalidInput, match="^Geef precies één van: SV-jaarloon, dagloon of maandloon"):
        uitkering_run(maandloon=217_500, dagloon=10_000, jaren_voor_2016=10, **WGA)
    with pytest.raises(InvalidInput, match="^Geef het arbeidsverleden vóór 2016 \\(ook 0\\)"):
        uitkering_run(maandloon=300_000, **WGA)


@pytest.mark.parametrize(
    "inkomen,bedrag",
    [
        # Maandloon 1.200 (below the minimum wage 2.191,80), maatman 1.200, RVC 780: AO 35%, class 35-45, inkomenseis
        # 390, vervolguitkering 28% x 1.200 = 336. Raw loonaanvulling 70% x (1.200 - 780) = 294 is below it, so it is
        # raised to 336, but never above 70% x (1.200 - income) (fact base C.6 'Floor'; WIA art. 61 lid 2-5):
        (50_000, 33_600),  # income 500: 70% x 700 = 490 > 336: 336
        (75_000, 31_500),  # income 750: 70% x 450 = 315 < 336: 315
        (39_000, 33_600),  # income exactly the inkomenseis: still the loonaanvulling
    ],
)
def test_loonaanvulling_below_the_rvc_is_raised_to_the_vervolguitkering_but_not_above_the_full_formula(inkomen, bedrag):
    out = uitkering_run(
        maandloon=120_000,
        maatmaninkomen=120_000,
        resterende_verdiencapaciteit=78_000,
        inkomen=inkomen,
        jaren_voor_2016=10,
    )
    assert (out["ao_klasse"], out["inkomenseis_cent"], out["loonaanvulling_ruw_per_maand_cent"]) == (
        "35-45",
        39_000,
        29_400,
    )
    assert (out["na_lgu"], out["na_lgu_per_maand_cent"]) == ("loonaanvullingsuitkering", bedrag)


def test_partial_work_is_paid_as_wage_and_the_minimum_wage_floor_counts_for_the_sick_hours_only():
    # Wage 2.000, half the hours worked: 1.000 wage; sick half at 70%: 70% x 2.000 x 50% = 700. Year 1: at least the
    # minimum wage for the sick half: 2.315,21 x 50% = 1.157,605 -> 1.157,61 > 700: 1.000 + 1.157,61 = 2.157,61.
    # Year 2: 1.000 + 700 = 1.700 (BW 7:629 lid 1).
    assert int(ldb.per_maand(CTX, 200_000, 3800, 7000, True, 5000, ON)) == 215_761
    assert int(ldb.per_maand(CTX, 200_000, 3800, 7000, False, 5000, ON)) == 170_000
    out = ldb_run(maandloon=200_000, gewerkt_percentage=50)
    assert (out["jaar1_per_maand_cent"], out["jaar2_per_maand_cent"]) == (215_761, 170_000)


def test_cao_check_bounds_and_the_reward_for_working():
    # 70% and 100% are allowed (BW 7:629 lid 1 asks at least 70%); 140% is within the 170% convention; exactly 170%
    # is not above it; a cao paying 90% over worked-again hours gives up to max(100, 90) + max(70, 90) = 190%.
    assert ldb.check_agreement(CTX, 70, 70, ON) == "zonder werkhervatting 140% over twee jaar (convenant: 170%)"
    assert ldb.check_agreement(CTX, 100, 70, ON, 90) == (
        "zonder werkhervatting 170% over twee jaar (convenant: 170%); wie mogelijkheden benut, krijgt tot 190% over "
        "de zieke uren (beloning bij werkhervatting)"
    )
    for bad in (69.99, 100.01):
        with pytest.raises(InvalidInput, match=f"^Een doorbetalingspercentage van {bad}% kan niet: de wet vraagt ten"):
            ldb.check_agreement(CTX, bad, 70, ON)
    with pytest.raises(InvalidInput, match="doorbetalingspercentage van 60%"):
        ldb.check_agreement(CTX, 70, 70, ON, 60)


def test_loondoorbetaling_output_contract():
    out = ldb_run(maandloon=400_000)
    assert set(out) == {
        "onderwerp",
        "jaar1_per_maand_cent",
        "jaar2_per_maand_cent",
        "wettelijk_percentage",
        "maximum_dagloon_cent",
        "maximum_maandloon_cent",
        "maximum_jaarloon_cent",
        "maximum_per_dag_cent",
        "maximum_per_maand_cent",
        "maximum_per_jaar_cent",
        "minimumloon_per_maand_cent",
        "minimumloon_weken",
        "cao_toets",
        "bon",
    }
    assert out["onderwerp"] == "loondoorbetaling"


def test_the_degree_is_truncated_to_a_hundredth_of_a_percent_not_rounded():
    # (3.000 - 1.000) / 3.000 = 66,6666...%: truncated to 66,66% (the rule 'afronding' names), not 66,67% or the
    # unrounded 66,666...; the exact ratio is given beside it
    out = klasse_run(maatmaninkomen=300_000, resterende_verdiencapaciteit=100_000)
    assert out["ao_percentage"] == 66.66
    assert out["ao_onafgerond"] == "2/3 = 0.666667"


def test_judgement_error_messages_are_dutch_sentences():
    with pytest.raises(
        InvalidInput, match="^Het maatmaninkomen moet groter zijn dan 0 \\(oordeel arbeidsdeskundige\\).$"
    ):
        klasse_run(maatmaninkomen=0, resterende_verdiencapaciteit=0)
    with pytest.raises(InvalidInput, match="^De resterende verdiencapaciteit kan niet negatief zijn.$"):
        klasse_run(maatmaninkomen=400_000, resterende_verdiencapaciteit=-1)
