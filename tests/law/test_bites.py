"""Tests aimed at the one-line changes a mutation probe found uncaught (issue 7, part 5), and legal cases
that were missing. Each states its source or writes its arithmetic out."""

from __future__ import annotations

import datetime as dt

import pytest

from spoorwijzer import berekeningen
from spoorwijzer.law import inkomenspad as ip
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput
from spoorwijzer.law.poortwachter import Event, schedule
from spoorwijzer.law.weeks import SickPeriod

CTX = LawContext.baseline()
D = dt.date(2025, 1, 6)  # a Monday
PERSON = ip.Invoer(
    eerste_ziektedag=D,
    maandloon=400_000,
    jaren_voor_2016=10,
    beoordeling=ip.Beoordeling(400_000, 150_000, bron="test"),
)


def _phases(code: str, soort: str):
    result = ip.bereken(CTX, PERSON)
    scenario = next(s for s in result.scenarios if s.code == code)
    return result.wia_start, [f for f in scenario.fasen if f.soort == soort]


def test_lgu_pays_75_percent_for_exactly_the_first_two_months_then_70():
    # WIA art. 61 lid 1: 75% of (maandloon - income) in the first two months, then 70%.
    # Maandloon: SV-jaarloon 4.000 x 12 x 1,08 = 51.840 / 261 = 198,62 per day x 21,75 = 4.319,99 per month.
    start, lgu = _phases("wga_niet_werkend", "wga_lgu")
    assert lgu[0].start == start and lgu[0].end == ip.add_months(start, 2)
    assert lgu[0].bedrag == 323_999  # 75% of 4.319,99 (half up)
    assert lgu[1].start == ip.add_months(start, 2) and lgu[1].bedrag == 302_399  # 70%


def test_ww_pays_75_percent_for_exactly_the_first_two_months_then_70():
    # WW art. 47: 75% of the WW-maandloon in the first two months, then 70%; 10 years: 10 months (WW art. 42a).
    start, ww = _phases("35_minner_zonder_werk", "ww")
    assert (ww[0].start, ww[0].end, ww[0].bedrag) == (start, ip.add_months(start, 2), 323_999)
    assert (ww[1].start, ww[1].end, ww[1].bedrag) == (ip.add_months(start, 2), ip.add_months(start, 10), 302_399)


def test_wia_uitkering_states_both_lgu_amounts_and_their_months():
    out = berekeningen.run(
        "wia-uitkering",
        {
            "datum": "2025-06-01",
            "sv_jaarloon": 51840,
            "maatmaninkomen": 4000,
            "resterende_verdiencapaciteit": 1500,
            "jaren_voor_2016": 10,
        },
    )
    assert (out["lgu_hoog_maanden"], out["lgu_duur_maanden"]) == (2, 10)
    assert (out["lgu_eerste_maanden_per_maand_cent"], out["lgu_daarna_per_maand_cent"]) == (323_999, 302_399)
    # AO 62,5%: class 55-65, VVU 42% of the minimum wage (art. 62)
    assert (out["ao_klasse"], out["vervolguitkering_percentage"]) == ("55-65", 42.0)


def test_lgu_duration_is_reduced_by_ww_already_received():
    # WIA art. 59: ill during the WW, the months of loongerelateerde WW already received are deducted: 10 - 3 = 7
    base = {
        "datum": "2025-06-01",
        "sv_jaarloon": 51840,
        "maatmaninkomen": 4000,
        "resterende_verdiencapaciteit": 1500,
        "jaren_voor_2016": 10,
    }
    assert berekeningen.run("wia-uitkering", dict(base, ww_ontvangen_maanden=3))["lgu_duur_maanden"] == 7
    assert berekeningen.run("wia-uitkering", dict(base, ww_ontvangen_maanden=12))["lgu_duur_maanden"] == 0


def test_rvc_is_the_middle_of_the_three_highest_function_wages():
    # Schattingsbesluit art. 10 lid 1 sub b: the wage of the middle function. Functions 15, 18, 14 and 12 per hour:
    # the three highest are 18, 15, 14; the middle one is 15. Maatman 25 per hour: AO (25 - 15) / 25 = 40%.
    out = berekeningen.run(
        "wia-klasse",
        {"datum": "2025-06-01", "maatman_uurloon": 25, "functie_uurlonen": [15, 18, 14, 12], "uren_per_week": 38},
    )
    assert out["ao_percentage"] == 40.0 and out["ao_onafgerond"].startswith("2/5")
    # monthly on 38 hours: 15 x 38 x 52 / 12 = 2.470,00
    assert out["resterende_verdiencapaciteit_cent"] == 247_000
    with pytest.raises(InvalidInput, match="ten minste 3 functies"):
        berekeningen.run("wia-klasse", {"datum": "2025-06-01", "maatman_uurloon": 25, "functie_uurlonen": [15, 18]})


def test_no_risk_credits_104_weeks_of_ziekengeld():
    # ZW art. 29b with art. 29 lid 3 and 5: 70% of the dagloon on the new wage for at most 104 weeks (24 months).
    # New wage 2.800: SV-jaarloon 2.800 x 12 x 1,08 = 36.288; dagloon 36.288 / 261 = 139,03; maandloon x 21,75 =
    # 3.023,90; 70% = 2.116,73 per month; x 24 = 50.801,52.
    data = {
        "eerste_ziektedag": "2025-01-06",
        "maandloon": 4000,
        "plaatsing_datum": "2026-03-01",
        "plaatsing_loon": 2800,
    }
    posts = {p["code"]: p["bedrag_cent"] for p in berekeningen.run("werkgeverskosten", data)["posten"]}
    assert posts["nieuwe_werkgever_zonder_no_risk"] - posts["nieuwe_werkgever_met_no_risk"] == 5_080_152


def test_financial_information_is_preferred_on_the_day_the_plan_was_made():
    # RSC 2025 bouwsteen 4: financial information coupled to the plan van aanpak: preferred on its date when held
    pva = D + dt.timedelta(days=33)
    sched = schedule(
        CTX, [SickPeriod(D)], [Event("probleemanalyse", D + dt.timedelta(days=20)), Event("plan_van_aanpak", pva)]
    )
    assert sched.step("financiele_informatie").voorkeur == pva
    # without a plan: the policy's week 4 (last day of week 4 = D + 27)
    assert schedule(CTX, [SickPeriod(D)]).step("financiele_informatie").voorkeur == D + dt.timedelta(days=27)


def test_evaluation_cadence_legal_every_six_weeks_preferred_every_four():
    # UWV practice (parameter poortwachter.evaluatie_interval_weken): at least every 6 weeks after the plan van
    # aanpak or the previous evaluation; the default policy prefers every 4 weeks (voorkeur_standaard.yaml).
    pva = D + dt.timedelta(days=40)
    held = D + dt.timedelta(days=70)
    sched = schedule(
        CTX,
        [SickPeriod(D)],
        [Event("plan_van_aanpak", pva), Event("evaluatie", held)],
        peildatum=D + dt.timedelta(days=80),
    )
    evals = [s for s in sched.stappen if s.herhalend]
    assert evals[0].uiterlijk == pva + dt.timedelta(weeks=6) and evals[0].voorkeur == pva + dt.timedelta(weeks=4)
    assert evals[0].gedaan_op == held and evals[0].tijdig
    assert evals[1].uiterlijk == held + dt.timedelta(weeks=6) and evals[1].voorkeur == held + dt.timedelta(weeks=4)
    assert evals[2].uiterlijk - evals[1].uiterlijk == dt.timedelta(weeks=6)
    assert sched.evaluatie_interval_weken == 6


def test_an_interruption_shifts_only_the_deadlines_after_it():
    # Sick from D (Mon 2025-01-06) to 2025-02-23 (49 days), at work 2025-02-24..2025-03-09 (14 days), sick again.
    # The probleemanalyse (end of week 6, offset 41 = 2025-02-16) lies before the interruption: unchanged.
    # The 42e-weeksmelding (offset 294) lies after it: 14 days later than without, on the first workday.
    periods = [SickPeriod(D, dt.date(2025, 2, 23)), SickPeriod(dt.date(2025, 3, 10))]
    with_gap = schedule(CTX, periods)
    without = schedule(CTX, [SickPeriod(D)])
    assert (
        with_gap.step("probleemanalyse").uiterlijk == without.step("probleemanalyse").uiterlijk == dt.date(2025, 2, 16)
    )
    # without: D + 294 = 2025-10-27 (a Monday); with: + 14 days = 2025-11-10 (a Monday)
    assert without.step("melding_uwv").uiterlijk == dt.date(2025, 10, 27)
    assert with_gap.step("melding_uwv").uiterlijk == dt.date(2025, 11, 10)
    assert with_gap.einde_wachttijd - without.einde_wachttijd == dt.timedelta(days=14)


def test_vrijwillige_verlenging_under_13_weeks_is_refused():
    # WIA art. 24; UWV: "De minimumperiode van de verlenging is 13 weken."
    with pytest.raises(InvalidInput, match="ten minste 13 weken"):
        schedule(CTX, [SickPeriod(D)], [Event("vrijwillige_verlenging", D + dt.timedelta(days=600), {"weken": 12})])
    ok = schedule(CTX, [SickPeriod(D)], [Event("vrijwillige_verlenging", D + dt.timedelta(days=600), {"weken": 13})])
    assert ok.einde_wachttijd == D + dt.timedelta(days=727 + 91)


def test_events_of_an_earlier_wachttijd_do_not_count_for_the_schedule():
    # More than four weeks between the periods: a new wachttijd (WIA art. 23 lid 3, BW 7:629 lid 10); a
    # probleemanalyse of the first wachttijd does not mark the new one's as done.
    periods = [SickPeriod(dt.date(2023, 1, 2), dt.date(2023, 3, 31)), SickPeriod(D)]
    sched = schedule(CTX, periods, [Event("probleemanalyse", dt.date(2023, 1, 20))], peildatum=D)
    assert sched.vorige_wachttijden == 1 and sched.eerste_ziektedag == D
    assert sched.step("probleemanalyse").status != "gedaan"


def test_loondoorbetaling_caps_per_day_month_and_year():
    # BW 7:629 lid 1 with Wfsv art. 17: on 2025-01-06 the maximum dagloon is 290,67; per month x 21,75 = 6.322,07;
    # per year x 261 = 75.864,87; the legal 70%: 203,47 per day, 4.425,45 per month, 53.105,41 per year.
    out = berekeningen.run("loondoorbetaling", {"eerste_ziektedag": "2025-01-06", "maandloon": 8000})
    assert (out["maximum_dagloon_cent"], out["maximum_maandloon_cent"], out["maximum_jaarloon_cent"]) == (
        29_067,
        632_207,
        7_586_487,
    )
    assert (out["maximum_per_dag_cent"], out["maximum_per_maand_cent"], out["maximum_per_jaar_cent"]) == (
        20_347,
        442_545,
        5_310_541,
    )
    assert out["jaar1_per_maand_cent"] == 442_545 and out["wettelijk_percentage"] == 70


def test_ww_refertejaar_duration_only_and_wekeneis():
    # UWV example: unemployed on 1 April 2019 -> referteperiode 1 March 2018 .. 28 February 2019.
    out = berekeningen.run(
        "ww", {"datum": "2025-06-01", "eerste_werkloosheidsdag": "2019-04-01", "jaren_voor_2016": 12}
    )
    assert (out["refertejaar_van"], out["refertejaar_tot_en_met"]) == ("2018-03-01", "2019-02-28")
    # only the duration: 10 + 2 = 12 months, last day 2020-03-31, no amounts
    assert out["duur_maanden"] == 12 and out["einddatum"] == "2020-03-31" and "maandloon_cent" not in out
    none = berekeningen.run("ww", {"datum": "2025-06-01", "jaren_voor_2016": 12, "wekeneis": False})
    assert not none["recht_op_ww"] and none["duur_maanden"] == 0 and "26 van de laatste 36" in none["toelichting"]


def test_statuses_are_an_enum_with_the_stored_string_values():
    import json

    from spoorwijzer.law.poortwachter import STEPS, Status

    assert [s.value for s in Status] == ["open", "binnenkort", "te_laat", "gedaan", "niet_nodig", "afwijking"]
    sched = schedule(CTX, [SickPeriod(D)], [Event("probleemanalyse", D + dt.timedelta(days=10))], peildatum=D)
    out = json.loads(json.dumps(sched.as_dict()))
    assert {s["status"] for s in out["stappen"]} <= {"open", "binnenkort", "gedaan"}
    assert sched.step("probleemanalyse").status == "gedaan" == Status.GEDAAN
    # the rule kinds are declared on the steps, not special-cased by code
    kinds = {s.code: (bool(s.recurring), bool(s.late_letter), s.preferred_on_held, s.aow, s.exempt_by) for s in STEPS}
    assert kinds["wia_aanvraag"][1] and kinds["evaluatie"][0] and kinds["financiele_informatie"][2] == "plan_van_aanpak"
    assert kinds["start_tweede_spoor"][4] == "tweede_spoor_uitzondering"
    assert {c for c, k in kinds.items() if k[3]} == {
        "ziekmelding_arbodienst",
        "probleemanalyse",
        "plan_van_aanpak",
        "financiele_informatie",
        "evaluatie",
    }


def test_a_late_uwv_letter_moves_the_wia_application_deadline_in_both_twins():
    # UWV's letter is due in week 88 (2026-09-13 for D); sent late on 2026-10-20, the employee has at least
    # N weeks after it (parameter poortwachter.wia_aanvraag_na_late_brief_weken) to apply.
    from spoorwijzer.law import poortwachter_vec as pv
    from spoorwijzer.law.weeks import current_wachttijd

    letter = dt.date(2026, 10, 20)
    weeks = CTX.value("poortwachter.wia_aanvraag_na_late_brief_weken", D)
    events = [Event("uwv_wia_brief", letter)]
    scalar = schedule(CTX, [SickPeriod(D)], events).step("wia_aanvraag").uiterlijk
    normal = schedule(CTX, [SickPeriod(D)]).step("wia_aanvraag").uiterlijk
    assert scalar == max(normal, letter + dt.timedelta(weeks=weeks)) and scalar > normal
    vec = pv.schedule(CTX, pv.Portfolio.from_cases([(current_wachttijd(CTX, [SickPeriod(D)]), events)]), D)
    assert vec.uiterlijk["wia_aanvraag"][0].astype(object) == scalar
