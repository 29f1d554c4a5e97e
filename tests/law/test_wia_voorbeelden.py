"""Published WIA examples (IVA, WGA loongerelateerd, loonaanvulling, vervolguitkering) run through the entry point
the CLI and the dossier use (``wia.bereken_uitkering``). Each case names its source and writes its arithmetic out.

UWV publishes its rules on uwv.nl without worked amounts; where a page gives a rule, the amounts below apply it by
hand to a simple wage. The worked amounts (EUR 1.200 / EUR 400, EUR 25.000) are from the secondary sources named.
"""

from __future__ import annotations

import datetime as dt

import pytest

from spoorwijzer.law import wia
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput

CTX = LawContext.baseline()
ON = dt.date(2025, 3, 1)  # minimum wage per month (referentieminimummaandloon) 1-1-2025: EUR 2.191,80

UWV_IVA = (
    "https://uwv.nl/particulieren/ziek/ziek-wia-uitkering/tijdens-wia-uitkering/detail/hoe-hoog-is-mijn-iva-uitkering"
)
UWV_LAU = (
    "https://www.uwv.nl/particulieren/ziek/ziek-wia-uitkering/tijdens-wia-uitkering/detail/welke-wga-uitkering-krijg-ik/"
    "ik-krijg-een-loonaanvullingsuitkering"
)
UWV_VVU = (
    "https://www.uwv.nl/particulieren/ziek/ziek-wia-uitkering/tijdens-wia-uitkering/detail/hoe-hoog-is-mijn-wga-uitkering/"
    "hoe-hoog-is-mijn-vervolguitkering"
)
BWN = "https://stichtingbwn.nl/gevolgen-voor-uw-uitkering/gevolgen-voor-uw-wga-uitkering"
JUDEX = "https://www.judex.nl/rechtsgebied/uitkeringen-sociale-zekerheid/wia/artikelen/wat-is-de-hoogte-van-mijn-iva-uitkering/"


def run(**kw) -> dict:
    base = {"datum": ON, "bron": "test"}
    return wia.bereken_uitkering(CTX, wia.WiaInvoer(**(base | kw))).as_dict()


def test_iva_is_75_percent_of_the_wia_maandloon_from_the_sv_jaarloon():
    # UWV_IVA: "De IVA-uitkering is 75% van het WIA-maandloon." JUDEX, example John: SV-loon EUR 25.000 in the
    # refertejaar: dagloon 25.000 / 261 = 95,785 -> 95,79; maandloon 21,75 x 95,79 = 2.083,4325 -> 2.083,43;
    # IVA 75% x 2.083,43 = 1.562,5725 -> 1.562,57. Assessment: maatman 2.500, RVC 0, duurzaam (WIA art. 4).
    out = run(sv_jaarloon=2_500_000, maatmaninkomen=250_000, resterende_verdiencapaciteit=0, duurzaam=True)
    assert (out["klasse"], out["dagloon_cent"], out["maandloon_cent"]) == ("iva", 9_579, 208_343)
    assert out["iva_per_maand_cent"] == 156_257


def test_iva_with_income_deducts_70_percent_of_it():
    # WIA art. 52 lid 1; UWV (IVA page, 'Ik werk nog gedeeltelijk'): 70% of what one earns is deducted.
    # Maandloon 2.083,43 (above), income 200: 1.562,57 - 70% x 200 = 1.562,57 - 140 = 1.422,57.
    out = run(
        sv_jaarloon=2_500_000, maatmaninkomen=250_000, resterende_verdiencapaciteit=0, duurzaam=True, inkomen=20_000
    )
    assert out["iva_per_maand_cent"] == 142_257


def test_lgu_worked_example_1200_earning_400():
    # BWN, 'Rekenvoorbeeld' loongerelateerde uitkering: last-earned wage EUR 1.200 per month; not working 70% x 1.200 =
    # 840; working for EUR 400: 70% x (1.200 - 400) = 560, total 960. First two months 75% (WGA from 2008; WIA art.
    # 61 lid 1): 75% x 800 = 600. Maandloon given as in UWV's decision; maatman 1.200, RVC 600 (AO 50%, WGA 35-80).
    out = run(
        maandloon=120_000,
        maatmaninkomen=120_000,
        resterende_verdiencapaciteit=60_000,
        inkomen=40_000,
        jaren_voor_2016=10,
    )
    assert (out["klasse"], out["ao_klasse"]) == ("wga_35_80", "45-55")
    assert out["lgu_eerste_maanden_per_maand_cent"] == 60_000
    assert out["lgu_daarna_per_maand_cent"] == 56_000
    assert (out["lgu_hoog_maanden"], out["lgu_duur_maanden"]) == (2, 10)  # 10 years before 2016: 10 months


@pytest.mark.parametrize(
    "inkomen,na_lgu,bedrag",
    [
        # UWV_LAU 'Situatie 2': earning at least half of what the arbeidsdeskundige says one can earn (RVC 600,
        # inkomenseis 300, WIA art. 60 lid 2) gives the loonaanvulling. Earning 400 (< RVC): 70% x (maandloon - RVC)
        # = 70% x (1.200 - 600) = 420 (WIA art. 61 lid 4, F = the overblijvende verdiencapaciteit = RVC, lid 3).
        (40_000, "loonaanvullingsuitkering", 42_000),
        # exactly half of the RVC (300) still meets the inkomenseis ('minstens de helft'): 420 as above
        (30_000, "loonaanvullingsuitkering", 42_000),
        # earning 700 (>= RVC): 70% x (1.200 - 700) = 350 (WIA art. 61 lid 2 with lid 1 sub b; 350 + 700 = 1.050 in
        # total, more than 420 + 400 = 820 when earning 400)
        (70_000, "loonaanvullingsuitkering", 35_000),
        # UWV_LAU: "verdient u minder dan de helft ... Dan krijgt u de veel lagere vervolguitkering". Earning 299,99:
        # vervolguitkering. UWV_VVU: AO 45-55% -> 35% of the minimum wage; "Als u minder verdiende dan het
        # minimumloon, dan berekenen we de uitkering met uw oude loon": 1.200 < 2.191,80, so 35% x 1.200 = 420.
        (29_999, "vervolguitkering", 42_000),
        # not working at all: vervolguitkering 420
        (0, "vervolguitkering", 42_000),
    ],
)
def test_after_the_lgu_loonaanvulling_or_vervolguitkering_per_uwv(inkomen, na_lgu, bedrag):
    out = run(
        maandloon=120_000,
        maatmaninkomen=120_000,
        resterende_verdiencapaciteit=60_000,
        inkomen=inkomen,
        jaren_voor_2016=10,
    )
    assert out["inkomenseis_cent"] == 30_000
    assert (out["na_lgu"], out["na_lgu_per_maand_cent"]) == (na_lgu, bedrag)


def test_vervolguitkering_on_the_minimum_wage_when_the_old_wage_was_higher():
    # UWV_VVU: 65 tot 80% -> 50,75% of the minimum wage. Maandloon 3.000 > minimum wage 2.191,80 (2025-01-01):
    # 50,75% x 2.191,80 = 1.112,3385 -> 1.112,34. Maatman 3.000, RVC 900: AO 70%, class 65-80.
    out = run(maandloon=300_000, maatmaninkomen=300_000, resterende_verdiencapaciteit=90_000, jaren_voor_2016=10)
    assert (out["ao_klasse"], out["vervolguitkering_percentage"]) == ("65-80", 50.75)
    assert out["vervolguitkering_per_maand_cent"] == 111_234
    assert out["na_lgu"] == "vervolguitkering"


@pytest.mark.parametrize(
    "rvc,band,pct,cent",
    [
        # UWV_VVU table on the minimum wage 2.191,80 (maandloon 3.000 is higher), maatman 3.000:
        (195_000, "35-45", 28.0, 61_370),  # AO 35%: 28% x 2.191,80 = 613,704 -> 613,70
        (165_000, "45-55", 35.0, 76_713),  # AO 45%: 35% x 2.191,80 = 767,13
        (135_000, "55-65", 42.0, 92_056),  # AO 55%: 42% x 2.191,80 = 920,556 -> 920,56
        (105_000, "65-80", 50.75, 111_234),  # AO 65%: 50,75% x 2.191,80 = 1.112,3385 -> 1.112,34
    ],
)
def test_vervolguitkering_table_lower_bounds_are_inclusive(rvc, band, pct, cent):
    out = run(maandloon=300_000, maatmaninkomen=300_000, resterende_verdiencapaciteit=rvc, jaren_voor_2016=10)
    assert (out["ao_klasse"], out["vervolguitkering_percentage"], out["vervolguitkering_per_maand_cent"]) == (
        band,
        pct,
        cent,
    )


def test_wga_80_100_gets_the_loonaanvulling_without_an_inkomenseis():
    # UWV_LAU 'Situatie 1': one can now earn at most 20% of the old wage and probably more later (WGA 80-100): the
    # loonaanvulling, also without income (WIA art. 60 lid 3: no inkomenseis). Maatman 3.000, RVC 600 = 20%: AO 80%,
    # not duurzaam. Not working: 70% x 3.000 = 2.100; earning 400: 70% x (3.000 - 400) = 1.820.
    base = dict(maandloon=300_000, maatmaninkomen=300_000, resterende_verdiencapaciteit=60_000, jaren_voor_2016=10)
    idle, working = run(**base), run(**base, inkomen=40_000)
    assert (idle["klasse"], idle["inkomenseis_cent"]) == ("wga_80_100", 0)
    assert (idle["na_lgu"], idle["na_lgu_per_maand_cent"]) == ("loonaanvullingsuitkering", 210_000)
    assert (working["na_lgu"], working["na_lgu_per_maand_cent"]) == ("loonaanvullingsuitkering", 182_000)


def test_lgu_duration_follows_the_ww_duration_and_is_shortened_by_ww_received_during_the_wachttijd():
    # LGU duration as the WW (fact base C.6; UWV 'arbeidsverleden van 11 jaar of langer', example Jeroen: 20 years
    # before 2016 and 6 from 2016: 20 + 6 x 1/2 = 23 months). WIA art. 59 lid 3 (text of 2006): sick while receiving
    # WW, the LGU is shortened by the WW-LGU received: 23 - 7 = 16 months (the 16 months of CRvB 4-9-2024,
    # ECLI:NL:CRVB:2024:1731, a case of a person who fell ill during the WW).
    base = dict(maandloon=300_000, maatmaninkomen=300_000, resterende_verdiencapaciteit=90_000)
    assert run(**base, jaren_voor_2016=20, jaren_vanaf_2016=6)["lgu_duur_maanden"] == 23
    out = run(**base, jaren_voor_2016=20, jaren_vanaf_2016=6, ww_ontvangen_maanden=7)
    assert out["lgu_duur_maanden"] == 16
    step = next(s for s in out["bon"]["stappen"] if "art. 59" in s)
    # the statute's condition (ill during the WW), not "the same job", which art. 59 does not say
    assert "tijdens de WW" in step and "dezelfde dienstbetrekking" not in step


def test_the_wga_needs_the_arbeidsverleden_the_iva_does_not():
    with pytest.raises(InvalidInput, match="arbeidsverleden"):
        run(maandloon=300_000, maatmaninkomen=300_000, resterende_verdiencapaciteit=90_000)
    assert (
        run(maandloon=300_000, maatmaninkomen=300_000, resterende_verdiencapaciteit=0, duurzaam=True)[
            "iva_per_maand_cent"
        ]
        == 225_000
    )
