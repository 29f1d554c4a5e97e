"""Parameters back to the start of the law: a schedule from 2009, an income path in 2020 with the 2020 amounts,
and a clear refusal (naming the parameter and the date) where no version is on file.

Sources of the historical values are in the parameter files; the ones these tests rely on are written out here:
- WIA art. 64 lid 2 and 3 until 1 July 2013: UWV's letter after 87 weeks, the WIA-aanvraag at the latest thirteen
  weeks before the end of the wachttijd (Verzamelwet SZW 2013, kamerstuk 33 556; vanzijl-advocaten.nl "Termijn voor
  indiening van aanvraag WIA-uitkering verkort": "van dertien weken ... naar elf weken", "na 89 weken in plaats van
  na 87 weken", in force 1 July 2013).
- Maximumdagloon per 1 January 2020: EUR 219,28 (hr-kiosk.nl, Stcrt. 2019, 56680).
- Wettelijk minimumloon 21+ per 1 January 2020, full-time: EUR 1.653,60 per month (Stcrt. 2019, 56680;
  hr-kiosk.nl, gba-adviseurs.nl). Before 2024 there was no hourly minimum wage: a part-timer gets
  hours / full-time hours x the monthly amount (jenz.nl, admaxi.nl per 1 July 2020).
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from spoorwijzer import berekeningen
from spoorwijzer.law import poortwachter as pw
from spoorwijzer.law import poortwachter_vec as pv
from spoorwijzer.law import toets as t
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import LawError, ParameterNotCovered
from spoorwijzer.law.weeks import SickPeriod, samentelling

DAY = dt.timedelta(days=1)

# --- a 2009 samentelling case gets a schedule ----------------------------------------------------------------

D09 = dt.date(2009, 3, 2)  # a Monday
PERIODS_09 = (SickPeriod(D09, dt.date(2009, 3, 20)), SickPeriod(dt.date(2009, 4, 1)))
GAP = 11  # 21..31 March 2009: less than four weeks, so the periods count together and the gap does not


def schedule_2009() -> pw.Schedule:
    return pw.schedule(LawContext.baseline(), PERIODS_09, peildatum=dt.date(2009, 5, 1))


def test_a_2009_samentelling_case_gets_a_schedule_with_the_rules_of_that_time():
    s = schedule_2009()
    assert s.eerste_ziektedag == D09 and s.wachttijd.is_samengesteld
    # 104 weeks: last day D+727, moved by the 11 days of the interruption
    assert s.einde_wachttijd == D09 + (727 + GAP) * DAY == dt.date(2011, 3, 10)
    # probleemanalyse: end of sick week 6 = sick-day offset 41; the first period ends at offset 18, so the 11 days
    # of the interruption lie before it and move it: D+41+11
    assert s.step("probleemanalyse").uiterlijk == D09 + (41 + GAP) * DAY
    # before 1 July 2013: the aanvraag 13 weeks before the end (not 11), UWV's letter after 87 weeks (not 89)
    assert s.step("wia_aanvraag").uiterlijk == s.einde_wachttijd - 13 * 7 * DAY == dt.date(2010, 12, 9)
    assert s.step("uwv_wia_brief").uiterlijk == D09 + (87 * 7 - 1 + GAP) * DAY == dt.date(2010, 11, 11)
    assert "tot 1 juli 2013" in s.step("wia_aanvraag").grondslag
    # the second track: no fixed term before UWV's Werkwijzer Poortwachter (March 2017); listed, without a deadline
    tweede = s.step("start_tweede_spoor")
    assert tweede.uiterlijk is None and tweede.status == pw.Status.OPEN
    assert "Werkwijzer Poortwachter" in tweede.toelichting and "maart 2017" in tweede.toelichting


def test_the_vector_twin_gives_the_2009_schedule_the_same_dates():
    ctx = LawContext.baseline()
    wachttijd = samentelling(ctx, PERIODS_09)[-1]
    portfolio = pv.Portfolio.from_cases([(wachttijd, [])])
    vec = pv.schedule(ctx, portfolio, dt.date(2009, 5, 1))
    scalar = schedule_2009()
    for code, dates in vec.uiterlijk.items():
        expected = scalar.step(code).uiterlijk
        got = None if np.isnat(dates[0]) else dates[0].astype(object)
        assert got == expected, code


def test_from_july_2013_the_eleven_and_89_weeks_apply():
    d = dt.date(2014, 1, 6)
    s = pw.schedule(LawContext.baseline(), [SickPeriod(d)])
    assert s.step("wia_aanvraag").uiterlijk == d + (727 - 11 * 7) * DAY
    assert s.step("uwv_wia_brief").uiterlijk == d + (89 * 7 - 1) * DAY
    assert s.step("start_tweede_spoor").uiterlijk is None  # the Werkwijzer is from March 2017
    later = pw.schedule(LawContext.baseline(), [SickPeriod(dt.date(2017, 3, 6))])
    assert later.step("start_tweede_spoor").uiterlijk == dt.date(2017, 3, 6) + (363 + 42) * DAY


def test_the_toets_refuses_a_dossier_from_before_the_werkwijzer_naming_the_parameter():
    d = dt.date(2016, 1, 4)
    facts = t.ToetsFeiten(perioden=(SickPeriod(d),), peildatum=d + 400 * DAY, stappen=(), loon=t.Loon(300000, 3800))
    with pytest.raises(LawError) as err:
        t.toets(LawContext.baseline(), facts)
    message = str(err.value)
    assert "'poortwachter.start_tweede_spoor_weken'" in message and "4 januari 2016" in message
    assert "maart 2017" in message


# --- an income path in 2020 with the 2020 amounts ------------------------------------------------------------


def inkomenspad(**data):
    return berekeningen.run("inkomenspad", {"eerste_ziektedag": "2020-03-02", "jaren_voor_2016": 10, **data})


def test_an_income_path_in_2020_uses_the_2020_maximum_dagloon_and_minimum_wage():
    high = berekeningen.run("loondoorbetaling", {"eerste_ziektedag": "2020-03-02", "maandloon": 6000})
    # maximum dagloon EUR 219,28 x 21,75 = EUR 4.769,34 per month; 70% = 3.338,538 -> EUR 3.338,54
    assert high["maximum_dagloon_cent"] == 21928
    assert high["maximum_maandloon_cent"] == 476934
    assert high["jaar1_per_maand_cent"] == high["jaar2_per_maand_cent"] == 333854
    low = berekeningen.run("loondoorbetaling", {"eerste_ziektedag": "2020-03-02", "maandloon": 2000})
    # 70% of EUR 2.000 = EUR 1.400 < the 2020 minimum wage EUR 1.653,60: year 1 is raised to it, year 2 is not
    assert low["minimumloon_per_maand_cent"] == 165360
    assert (low["jaar1_per_maand_cent"], low["jaar2_per_maand_cent"]) == (165360, 140000)
    # a part-timer, 20 of the employer's 40 hours: EUR 1.653,60 x 20 / 40 = EUR 826,80 (70% of 1.000 = 700 below it)
    part = berekeningen.run(
        "loondoorbetaling",
        {"eerste_ziektedag": "2020-03-02", "maandloon": 1000, "uren_per_week": 20, "voltijd_uren_per_week": 40},
    )
    assert part["minimumloon_per_maand_cent"] == 82680 and part["jaar1_per_maand_cent"] == 82680
    path = inkomenspad(maandloon=2000)
    steps = " ".join(path["bon"]["stappen"])
    assert "jaar 1 €\xa01.653,60, jaar 2 €\xa01.400,00" in steps and "minimummaandloon" in steps
    used = {(p["naam"], p["geldig_vanaf"]) for p in path["bon"]["parameters"]}
    assert ("wfsv.maximum_dagloon", "2020-01-01") in used and ("wml.referentieminimummaandloon", "2020-01-01") in used


def test_the_2020_path_leaves_out_only_the_scenario_whose_amount_is_not_on_file():
    """No bijstandsnorm per 1 January 2020 is on file: the 35-minner scenario (WW, then bijstand) says so by name
    and date; the other scenarios are computed."""
    path = inkomenspad(maandloon=3000)
    reason = path["niet_berekend"]["35_minner_zonder_werk"]
    assert "participatiewet.bijstandsnorm" in reason and "2 maart 2020" in reason
    assert "1 juli 2020" in reason  # the first version on file
    assert path["scenarios"], "the scenarios that need no bijstandsnorm are still computed"
    # from 1 July 2020 the norm is on file (heemskerk.nl: EUR 1.059,03 incl. vakantietoeslag), and so is the
    # maximum dagloon: every scenario is computed
    later = inkomenspad(maandloon=3000, eerste_ziektedag="2020-09-01")
    assert "35_minner_zonder_werk" not in later["niet_berekend"]
    assert "35_minner_zonder_werk" in {s["code"] for s in later["scenarios"]}


# --- the second half of 2020 and 2021: the amounts between the versions on file ------------------------------


@pytest.mark.parametrize(
    ("eerste_ziektedag", "dagloon", "minimumloon"),
    [
        # rendement.nl 10-6-2020: maximumdagloon per 1 July 2020 EUR 222,78; minimum monthly wage EUR 1.680,00
        ("2020-09-01", 22278, 168000),
        # rekenregels per 1 January 2021: EUR 223,40 (+0,28%); minimum monthly wage EUR 1.684,80
        ("2021-03-01", 22340, 168480),
        # uwv.nl: EUR 225,57 from 1 July 2021; minimum monthly wage EUR 1.701,00
        ("2021-09-01", 22557, 170100),
    ],
)
def test_a_sickness_in_2020_or_2021_uses_that_half_years_maximum_dagloon_and_minimum_wage(
    eerste_ziektedag, dagloon, minimumloon
):
    """Before these versions a first sick day from July 2020 to June 2021 was refused for want of the maximum
    dagloon. A high wage is capped at the maximum dagloon x 21,75 a month, 70% of it in year 1; a low wage is
    raised to the minimum wage in year 1."""
    high = berekeningen.run("loondoorbetaling", {"eerste_ziektedag": eerste_ziektedag, "maandloon": 8000})
    cap = (dagloon * 2175 + 50) // 100  # the maximum monthly wage, rounded to cents
    assert high["maximum_dagloon_cent"] == dagloon
    assert high["jaar1_per_maand_cent"] == (cap * 70 + 50) // 100
    low = berekeningen.run("loondoorbetaling", {"eerste_ziektedag": eerste_ziektedag, "maandloon": 1500})
    assert low["minimumloon_per_maand_cent"] == minimumloon and low["jaar1_per_maand_cent"] == minimumloon


# --- a date before a parameter's first version -------------------------------------------------------------


def test_before_the_first_version_the_message_names_the_parameter_the_date_and_the_first_version():
    with pytest.raises(ParameterNotCovered) as err:
        berekeningen.run("loondoorbetaling", {"eerste_ziektedag": "2017-03-01", "maandloon": 3000})
    message = str(err.value)
    assert "'wfsv.maximum_dagloon'" in message and "1 maart 2017" in message
    assert "de eerste vastgelegde versie geldt vanaf 1 januari 2018" in message
    # the same first sick day still gets a schedule: a schedule needs no amount
    s = pw.schedule(LawContext.baseline(), [SickPeriod(dt.date(2017, 3, 1))])
    assert s.einde_wachttijd == dt.date(2017, 3, 1) + 727 * DAY


def test_a_schedule_before_the_law_is_refused_by_name_and_date():
    with pytest.raises(ParameterNotCovered) as err:
        pw.schedule(LawContext.baseline(), [SickPeriod(dt.date(2001, 6, 1))])
    message = str(err.value)
    assert "Parameter 'poortwachter." in message and "1 juni 2001" in message
    assert "de eerste vastgelegde versie geldt vanaf" in message


# --- 2022 and 2023: the demo's placed 35-minner fell ill in December 2023 -------------------------------------


def test_a_case_from_december_2023_uses_the_second_half_2023_maximum_dagloon_and_minimum_wage():
    """Maximumdagloon per 1 July 2023 EUR 264,57 (nextaccountants.nl: 256,54 + 3,13%); minimum monthly wage 21+ per
    1 July 2023 EUR 1.995,00 (Stcrt. 2023, 12023). Before these versions the path was refused as a whole."""
    high = berekeningen.run("loondoorbetaling", {"eerste_ziektedag": "2023-12-27", "maandloon": 6000})
    # 264,57 x 21,75 = 5.754,3975 -> EUR 5.754,40 per month; 70% = 4.028,08
    assert high["maximum_dagloon_cent"] == 26457 and high["jaar1_per_maand_cent"] == 402808
    low = berekeningen.run("loondoorbetaling", {"eerste_ziektedag": "2023-12-27", "maandloon": 2500})
    # 70% of EUR 2.500 = 1.750 < EUR 1.995,00: year 1 is raised to the minimum wage, year 2 is not
    assert (low["jaar1_per_maand_cent"], low["jaar2_per_maand_cent"]) == (199500, 175000)
    first_half = berekeningen.run("loondoorbetaling", {"eerste_ziektedag": "2023-03-01", "maandloon": 6000})
    assert first_half["maximum_dagloon_cent"] == 25654 and first_half["minimumloon_per_maand_cent"] == 193440


def test_a_missing_amount_is_named_with_its_whole_first_clause():
    """The bijstandsnorm's description reads 'Bijstandsnorm (Participatiewet art. 21), ...': the '.' of 'art.' does
    not end the name the user reads."""
    path = berekeningen.run("inkomenspad", {"eerste_ziektedag": "2022-03-01", "maandloon": 3300, "jaren_voor_2016": 10})
    reason = path["niet_berekend"]["35_minner_zonder_werk"]
    assert "(Bijstandsnorm (Participatiewet art. 21), 21 jaar tot AOW-leeftijd, zonder kostendelers)" in reason
    assert "1 maart 2022" in reason


def test_the_bijstandsnorm_from_july_2022_is_on_file():
    """haarlemmermeergemeente.nl: per 1 July 2022 EUR 1.101,82 (single) and EUR 1.574,03 (married) a month,
    holiday allowance included. The 35-minner's last phase is that norm."""
    path = berekeningen.run("inkomenspad", {"eerste_ziektedag": "2022-09-01", "maandloon": 3300, "jaren_voor_2016": 10})
    minner = next(s for s in path["scenarios"] if s["code"] == "35_minner_zonder_werk")
    assert minner["maanden"][-1]["delen"] == {"bijstand": 110182}


def test_employer_costs_are_computed_when_the_bijstand_scenario_is_not():
    """Review finding: the costs page of the demo's placed 35-minner gave a server error. The employer's wage
    continuation was read from the 35-minner-without-work scenario alone, which is left out when no bijstandsnorm is
    on file for its dates (none for 2022 is). Every scenario that stays sick to the end of the wachttijd pays the
    same wage continuation: 70% of EUR 3.300 = EUR 2.310 a month for 104 weeks."""
    costs = berekeningen.run(
        "werkgeverskosten", {"eerste_ziektedag": "2022-03-01", "maandloon": 3300, "jaren_voor_2016": 10}
    )
    post = next(p for p in costs["posten"] if p["code"] == "loondoorbetaling_104_weken")
    path = berekeningen.run("inkomenspad", {"eerste_ziektedag": "2022-03-01", "maandloon": 3300, "jaren_voor_2016": 10})
    assert "35_minner_zonder_werk" in path["niet_berekend"]  # the scenario the costs used to need is still missing
    iva = next(s for s in path["scenarios"] if s["code"] == "iva")
    wage = sum(m["delen"].get("loondoorbetaling", 0) for m in iva["maanden"])
    assert post["bedrag_cent"] == wage
    assert 24 * 231000 - 231000 < wage <= 24 * 231000  # 104 weeks at EUR 2.310 a month: just under 24 months


def test_the_demo_35_minner_of_december_2023_gets_the_bijstand_scenario():
    """Bijstandsnorm per 1 July 2023, single, 21 to AOW age, net including holiday allowance: EUR 1.216,62
    (krimpenerwaard.nl; grdebevelanden.nl). The 35-minner without work ends on it once the WW has run out."""
    path = berekeningen.run("inkomenspad", {"eerste_ziektedag": "2023-12-27", "maandloon": 3300, "jaren_voor_2016": 10})
    assert "35_minner_zonder_werk" not in path["niet_berekend"]
    used = {(p["naam"], p["geldig_vanaf"]) for p in path["bon"]["parameters"]}
    assert ("participatiewet.bijstandsnorm", "2023-07-01") in used


def test_the_no_risk_cover_never_shows_the_new_employer_a_negative_risk():
    """Review finding (the demo's placed 35-minner): 'Risico nieuwe werkgever bij uitval, met no-riskpolis:
    -EUR 3.897,60'. The ziekengeld (70% of a dagloon that includes the holiday allowance) offsets what the new
    employer pays; it does not pay the employer more than that."""
    costs = berekeningen.run(
        "werkgeverskosten",
        {
            "eerste_ziektedag": "2023-12-27",
            "maandloon": 3300,
            "jaren_voor_2016": 10,
            "plaatsing_datum": "2025-11-11",
            "plaatsing_loon": 2900,
        },
    )
    posts = {p["code"]: p for p in costs["posten"]}
    zonder = posts["nieuwe_werkgever_zonder_no_risk"]["bedrag_cent"]
    met = posts["nieuwe_werkgever_met_no_risk"]
    assert zonder > 0 and met["bedrag_cent"] == 0
    assert "dekt de loondoorbetaling hier helemaal" in met["toelichting"]
