"""The employer's costs (law/werkgeverskosten.py) as the costs page and the API show them: every post's amount,
text and end date. Rules a mutation run of werkgeverskosten.py showed unguarded (benchmarks/mutation.py --module
werkgeverskosten.py). Amounts are worked out by hand: each calendar month pro rata by days, half a cent up.

Case A: first sick day Friday 3 January 2025, EUR 4.000 a month for 38 hours, the legal 70%: loondoorbetaling
EUR 2.800 a month both years (above the year-1 minimum-wage floor of EUR 2.315,21). The wachttijd (104 weeks) ends
on 3-1-2025 + 727 days = Thursday 31 December 2026, so the WIA starts on 1 January 2027: whole months after it.
Wage continuation: January 2025 29/31 x 2.800 = 2.619,35; February 2025 .. December 2026 23 x 2.800 = 64.400;
total 67.019,35.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from spoorwijzer import berekeningen
from spoorwijzer.law import inkomenspad as ip
from spoorwijzer.law import loonmaatregel as lm
from spoorwijzer.law import werkgeverskosten as wk
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput

D = dt.date
CTX = LawContext.baseline
CASE_A = {
    "eerste_ziektedag": "2025-01-03",
    "maandloon": 4000,
    "maatmaninkomen": 4000,
    "resterende_verdiencapaciteit": 1500,
    "jaren_voor_2016": 10,
    "eigenrisicodrager_wga": True,
}
SANCTIE_TEKST = "WIA art. 25 lid 9: loondoorbetaling op het niveau van jaar 2, ten hoogste 52 weken"


def _posts(out):
    return {p["code"]: p for p in out["posten"]}


def test_eigenrisicodrager_carries_ten_whole_years_of_wga_and_charges_go_on_wages_only():
    # With 20% employer charges on wages: wage continuation 67.019,35 x 1,2 = 80.423,22.
    # Loonsanctie (not imposed, so what the maximum would cost): 52 weeks after 31-12-2026, to 30-12-2027, at the
    # year-2 level: January .. November 2027 11 x 2.800 = 30.800 + December 30/31 x 2.800 = 2.709,68 = 33.509,68;
    # x 1,2 = 40.211,62.
    # Eigen risico WGA (UWV: at most 10 years after the wachttijd): 1-1-2027 .. 31-12-2036, 120 whole months, no
    # employer charges (a benefit, not wage). WIA maandloon 4.319,99 (51.840 / 261 = 198,62 x 21,75); AO 62,5%:
    # LGU 75% = 3.239,99 for 2 months, 70% = 3.023,99 for 8 (10 years worked: 10 months, WIA art. 59), then the
    # vervolguitkering of class 55-65: 42% of the minimum wage 2.191,80 = 920,56 for the other 110 months:
    # 2 x 3.239,99 + 8 x 3.023,99 + 110 x 920,56 = 6.479,98 + 24.191,92 + 101.261,60 = 131.933,50.
    # Working in the WGA at EUR 1.000 (at least 50% of the RVC 1.500: loonaanvulling): LGU 75% x (4.319,99 - 1.000)
    # = 2.489,99, 70% = 2.323,99, then LAU 70% x (4.319,99 - 1.500) = 1.973,99:
    # 2 x 2.489,99 + 8 x 2.323,99 + 110 x 1.973,99 = 4.979,98 + 18.591,92 + 217.138,90 = 240.710,80.
    out = berekeningen.run("werkgeverskosten", dict(CASE_A, werkgeverslasten_pct=20, inkomen_wga=1000))
    assert (out["einde_wachttijd"], out["wia_start"]) == ("2026-12-31", "2027-01-01")
    eigen_risico = "Eigenrisicodrager WGA: ten hoogste 10 jaar, vrijwillige verlenging (0 weken) gaat eraf"
    assert out["posten"] == [
        {
            "code": "loondoorbetaling_104_weken",
            "naam": "Loondoorbetaling gedurende de wachttijd (104 weken)",
            "bedrag_cent": 8_042_322,
            "toelichting": "BW 7:629; tot en met 31 december 2026; inclusief 20% werkgeverslasten",
            "tot": "2026-12-31",
        },
        {
            "code": "loonsanctie",
            "naam": "Loonsanctie van 52 weken (maximaal)",
            "bedrag_cent": 4_021_162,
            "toelichting": f"{SANCTIE_TEKST} (als UWV die oplegt: tot en met 30 december 2027)",
            "tot": "2027-12-30",
        },
        {
            "code": "eigen_risico_wga_wga_niet_werkend",
            "naam": "Eigen risico WGA tot en met 31 december 2036 (WGA, niet werkend)",
            "bedrag_cent": 13_193_350,
            "toelichting": eigen_risico,
            "tot": "2036-12-31",
        },
        {
            "code": "eigen_risico_wga_wga_werkend",
            "naam": "Eigen risico WGA tot en met 31 december 2036 (WGA, gedeeltelijk werkend)",
            "bedrag_cent": 24_071_080,
            "toelichting": eigen_risico,
            "tot": "2036-12-31",
        },
    ]
    # the receipt states each post with its amount and reason, and has no 'not computed' note
    stappen = [s.replace("\u00a0", " ") for s in out["bon"]["stappen"]]
    assert stappen[-4:] == [
        "Loondoorbetaling gedurende de wachttijd (104 weken): € 80.423,22 (BW 7:629; tot en met 31 december 2026; "
        "inclusief 20% werkgeverslasten)",
        f"Loonsanctie van 52 weken (maximaal): € 40.211,62 ({SANCTIE_TEKST} (als UWV die oplegt: tot en met "
        "30 december 2027))",
        f"Eigen risico WGA tot en met 31 december 2036 (WGA, niet werkend): € 131.933,50 ({eigen_risico})",
        f"Eigen risico WGA tot en met 31 december 2036 (WGA, gedeeltelijk werkend): € 240.710,80 ({eigen_risico})",
    ]
    assert not any(s.startswith("Eigen risico WGA niet berekend") for s in stappen)


def test_the_eigen_risico_counts_its_last_month_by_days():
    # First sick day Monday 6 January 2025: WIA from 4 January 2027, eigen risico to 3 January 2037 (10 years from
    # the end of the statutory wachttijd). The same amounts as case A, by days where a phase starts or ends mid-month:
    # LGU 75% [4-1-2027, 4-3-2027): January 28/31 x 3.239,99 = 2.926,44; February 3.239,99; March 3/31 = 313,55.
    # LGU 70% [4-3-2027, 4-11-2027): March 28/31 x 3.023,99 = 2.731,35; April .. October 7 x 3.023,99 = 21.167,93;
    # November 3/30 = 302,40. Vervolguitkering from 4-11-2027: November 27/30 x 920,56 = 828,50; December 2027 ..
    # December 2036 109 x 920,56 = 100.341,04; January 2037 only 1-3 January: 3/31 x 920,56 = 89,09.
    # Total 131.940,29 (not a whole January 2037: the benefit runs on, the eigen risico stops).
    inv = ip.Invoer(
        eerste_ziektedag=D(2025, 1, 6),
        maandloon=400_000,
        jaren_voor_2016=10,
        beoordeling=ip.Beoordeling(400_000, 150_000, bron="test"),
    )
    post = _posts(wk.bereken(CTX(), wk.WerkgeverInvoer(inv, None, True)))["eigen_risico_wga_wga_niet_werkend"]
    assert (post["bedrag_cent"], post["tot"]) == (13_194_029, "2037-01-03")


def test_without_an_assessment_the_eigen_risico_is_not_computed_and_the_receipt_says_why():
    data = {k: v for k, v in CASE_A.items() if k not in ("maatmaninkomen", "resterende_verdiencapaciteit")}
    out = berekeningen.run("werkgeverskosten", data)
    assert [p["code"] for p in out["posten"]] == ["loondoorbetaling_104_weken", "loonsanctie"]
    assert (
        "Eigen risico WGA niet berekend: oordeel arbeidsdeskundige nodig: maatmaninkomen en resterende "
        "verdiencapaciteit"
    ) in out["bon"]["stappen"]


def test_the_maximum_loonsanctie_has_no_minimum_wage_floor():
    # WIA art. 25 lid 9: the sanction continues the year-2 pay; the minimum-wage floor of BW 7:629 lid 1 is for the
    # first 52 weeks only. EUR 2.000 a month: 70% = 1.400 (year 1 is lifted to 2.315,21, the sanction is not).
    # 1-1-2027 .. 30-12-2027: 11 x 1.400 + December 30/31 x 1.400 = 15.400 + 1.354,84 = 16.754,84.
    out = berekeningen.run("werkgeverskosten", {"eerste_ziektedag": "2025-01-03", "maandloon": 2000})
    assert _posts(out)["loonsanctie"] == {
        "code": "loonsanctie",
        "naam": "Loonsanctie van 52 weken (maximaal)",
        "bedrag_cent": 1_675_484,
        "toelichting": f"{SANCTIE_TEKST} (als UWV die oplegt: tot en met 30 december 2027)",
        "tot": "2027-12-30",
    }


def test_an_imposed_loonsanctie_names_its_weeks_and_end():
    # 20 weeks imposed after the wachttijd ending 3-1-2027 (first sick day 6-1-2025): to 23-5-2027 (the amount is
    # worked out in test_one_wachttijd: 13.006,45)
    out = berekeningen.run(
        "werkgeverskosten", {"eerste_ziektedag": "2025-01-06", "maandloon": 4000, "loonsanctie_weken": 20}
    )
    assert _posts(out)["loonsanctie"] == {
        "code": "loonsanctie",
        "naam": "Loonsanctie van 20 weken, tot en met 23 mei 2027",
        "bedrag_cent": 1_300_645,
        "toelichting": SANCTIE_TEKST,
        "tot": "2027-05-23",
    }


def test_employer_charges_from_0_to_100_percent():
    base = ip.Invoer(eerste_ziektedag=D(2025, 1, 3), maandloon=400_000)
    # not filled in: counted as none, and the post says so; 100%: the wage costs doubled (2 x 67.019,35)
    loon = _posts(wk.bereken(CTX(), wk.WerkgeverInvoer(base)))["loondoorbetaling_104_weken"]
    assert loon["bedrag_cent"] == 6_701_935
    assert loon["toelichting"] == (
        "BW 7:629; tot en met 31 december 2026; zonder werkgeverslasten (percentage niet ingevuld)"
    )
    double = _posts(wk.bereken(CTX(), wk.WerkgeverInvoer(base, 100)))["loondoorbetaling_104_weken"]
    assert double["bedrag_cent"] == 13_403_870
    for pct in (101, -1):
        with pytest.raises(InvalidInput) as err:
            wk.bereken(CTX(), wk.WerkgeverInvoer(base, pct))
        assert str(err.value) == "Het percentage werkgeverslasten moet tussen 0 en 100 liggen."


# --- loonstop and loonopschorting (BW 7:629 lid 3 and 6) ---------------------------------------------------------
# The case of test_loonmaatregel_inkomen: first sick day 5 January 2026, EUR 4.000, 70%; measure 2 .. 22 March 2026
# (21 of March's 31 days): 2.800 x 21 / 31 = 1.896,77 withheld; with 10% employer charges 2.086,45.
MAART = D(2026, 3, 2), D(2026, 3, 2), D(2026, 3, 23)
BASE = ip.Invoer(eerste_ziektedag=D(2026, 1, 5), maandloon=400_000)
JUNE = D(2026, 6, 1)


def _costs(maatregel, peildatum=JUNE):
    inv = dataclasses.replace(BASE, inhoudingen=tuple(lm.inhoudingen(CTX(), [maatregel], peildatum)))
    posts = wk.bereken(CTX(), wk.WerkgeverInvoer(inv, 10))["posten"]
    return posts[0], posts[1]


def test_a_loonstop_is_a_saving_that_ends_on_its_last_day():
    loon, stop = _costs(lm.Maatregel("lid3e", *MAART, "hervat"))
    assert loon["toelichting"].endswith("; minus de dagen van een loonstop (zie hieronder)")
    assert stop == {
        "code": "inhouding_2026-03-02",
        "naam": "Loonstop (BW 7:629 lid 3 onder e) van 2 maart 2026 tot en met 22 maart 2026 (21 dagen)",
        "bedrag_cent": -208_645,
        "toelichting": "BW 7:629 lid 3: geen recht op loon over deze dagen; €\u00a02.086,45 niet betaald en niet "
        "verschuldigd",
        "tot": "2026-03-22",
    }


def test_an_opschorting_only_moves_the_payment_lifted_or_still_running():
    # lifted on 23 March: paid back then, no saving; the wage post is the whole wage continuation to 2 January 2028
    # (January 2026 27/31 x 2.800 = 2.438,71 + 23 x 2.800 + January 2028 2/31 x 2.800 = 180,65: 67.019,36), a cent
    # less because the withheld days are rounded on their own: 67.019,35 x 1,1 = 73.721,285 -> 73.721,29
    loon, post = _costs(lm.Maatregel("lid6", *MAART, "hervat"))
    assert loon["bedrag_cent"] == 7_372_129 and "loonstop" not in loon["toelichting"]
    assert (post["bedrag_cent"], post["tot"]) == (0, "2026-03-22")
    assert post["toelichting"] == (
        "€\u00a02.086,45 eerst niet betaald, nabetaald op 23 maart 2026 (in de loondoorbetaling hierboven)"
    )
    # still running on 22 March: the 1.896,77 held back stays owed (BW 7:629 lid 6), so the wage costs are the same
    loon, post = _costs(lm.Maatregel("lid6", MAART[0], MAART[1]), peildatum=D(2026, 3, 22))
    assert loon["bedrag_cent"] == 7_372_129
    assert (post["bedrag_cent"], post["tot"]) == (0, "2026-03-22")
    assert post["toelichting"] == (
        "€\u00a02.086,45 opgeschort: blijft verschuldigd en wordt nabetaald zodra de maatregel eindigt (BW 7:629 lid 6)"
    )


# --- placement with a new employer (second track) ------------------------------------------------------------------


def test_placement_saves_the_rest_of_the_wachttijd_and_prices_the_new_employers_risk():
    # First sick day 6-1-2025, wachttijd to 3-1-2027; placed on 1-3-2026 at EUR 2.800, 20% employer charges.
    # Saved: the wage continuation from 1-3-2026: March .. December 2026 10 x 2.800 + January 2027 3/31 x 2.800 =
    # 28.270,97; x 1,2 = 33.925,16, shown negative.
    # The new employer's wachttijd on the new wage: year 1 70% x 2.800 = 1.960, lifted to the minimum wage 2.315,21;
    # year 2 1.960 (no floor): 52 weeks each: 2.315,21 x 12 + 1.960 x 12 = 27.782,52 + 23.520 = 51.302,52;
    # x 1,2 = 61.563,02.
    # No-risk (ZW art. 29b): 70% of the ZW dagloon on the new wage, not on the old SV-loon of 60.000 given here:
    # 2.800 x 12 x 1,08 = 36.288 / 261 = 139,03 x 21,75 = 3.023,90; 70% = 2.116,73 a month for 104 weeks (24
    # months) = 50.801,52, credited against the charged wage: 61.563,02 - 50.801,52 = 10.761,50.
    data = {
        "eerste_ziektedag": "2025-01-06",
        "maandloon": 4000,
        "sv_jaarloon": 60000,
        "plaatsing_datum": "2026-03-01",
        "plaatsing_loon": 2800,
        "werkgeverslasten_pct": 20,
    }
    out = berekeningen.run("werkgeverskosten", data)
    assert out["posten"][2:] == [
        {
            "code": "besparing_plaatsing",
            "naam": "Besparing door plaatsing per 1 maart 2026",
            "bedrag_cent": -3_392_516,
            "toelichting": "Loondoorbetaling die na de plaatsing niet meer nodig is",
            "tot": None,
        },
        {
            "code": "nieuwe_werkgever_zonder_no_risk",
            "naam": "Risico nieuwe werkgever bij uitval, zonder no-riskpolis",
            "bedrag_cent": 6_156_302,
            "toelichting": "104 weken loondoorbetaling op het nieuwe loon",
            "tot": None,
        },
        {
            "code": "nieuwe_werkgever_met_no_risk",
            "naam": "Risico nieuwe werkgever bij uitval, met no-riskpolis",
            "bedrag_cent": 1_076_150,
            "toelichting": "ZW art. 29b: UWV betaalt 70% ziekengeld aan de werkgever, bij uitval binnen 5 jaar na "
            "indiensttreding",
            "tot": None,
        },
    ]


def test_a_new_wage_without_a_placement_date_is_no_placement():
    inv = ip.Invoer(eerste_ziektedag=D(2025, 1, 6), maandloon=400_000, plaatsing_loon=280_000)
    posts = wk.bereken(CTX(), wk.WerkgeverInvoer(inv))["posten"]
    assert [p["code"] for p in posts] == ["loondoorbetaling_104_weken", "loonsanctie"]


def test_a_running_opschorting_does_not_change_what_a_placement_saves():
    # First sick day 5-1-2026, placed on 1-6-2026: saved is the wage continuation from then to the end of the
    # wachttijd, 2-1-2028: June 2026 .. December 2027 19 x 2.800 = 53.200 + January 2028 2/31 x 2.800 = 180,65:
    # 53.380,65. An opschorting running since 2 March is still owed in both scenarios (BW 7:629 lid 6), so it saves
    # nothing.
    placed = dataclasses.replace(BASE, plaatsing_datum=D(2026, 6, 1), plaatsing_loon=280_000)
    opschorting = lm.Maatregel("lid6", MAART[0], MAART[1])
    for inhoudingen in ((), tuple(lm.inhoudingen(CTX(), [opschorting], D(2026, 3, 22)))):
        inv = dataclasses.replace(placed, inhoudingen=inhoudingen)
        posts = _posts(wk.bereken(CTX(), wk.WerkgeverInvoer(inv)))
        assert posts["besparing_plaatsing"]["bedrag_cent"] == -5_338_065


def test_the_no_risk_cover_says_when_it_covers_the_whole_wage_continuation():
    # New wage 6.000: 70% = 4.200 a month both years, 52 weeks each: 2 x 12 x 4.200 = 100.800. The ZW dagloon is
    # capped: 6.000 x 12 x 1,08 = 77.760 / 261 = 297,93, above the maximum 290,67 (2025); x 21,75 = 6.322,07;
    # 70% = 4.425,45 x 24 = 106.210,80, more than the wage continuation: the employer bears nothing, and it is said.
    data = {
        "eerste_ziektedag": "2025-01-06",
        "maandloon": 4000,
        "plaatsing_datum": "2026-03-01",
        "plaatsing_loon": 6000,
    }
    posts = _posts(berekeningen.run("werkgeverskosten", data))
    assert posts["nieuwe_werkgever_zonder_no_risk"]["bedrag_cent"] == 10_080_000
    assert posts["nieuwe_werkgever_met_no_risk"]["bedrag_cent"] == 0
    assert posts["nieuwe_werkgever_met_no_risk"]["toelichting"] == (
        "ZW art. 29b: UWV betaalt 70% ziekengeld aan de werkgever, bij uitval binnen 5 jaar na indiensttreding; "
        "het ziekengeld dekt de loondoorbetaling hier helemaal"
    )
