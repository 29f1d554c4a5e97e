"""Income paths (law/inkomenspad.py): what a loonstop or loonopschorting does to a scenario's phases, months and
payments, and the rest of the answer the income page and the API read. Rules a mutation run of inkomenspad.py
showed unguarded (benchmarks/mutation.py --module inkomenspad.py). Each expected value is worked out by hand from
the rule and its source; amounts are rounded half up to the cent per calendar month (``money.mul_div``).

Case A (test_inkomenspad_bevindingen): € 3.200 a month, 38 hours, sick from Tuesday 22 July 2025, the legal 70%.
Year 1 is lifted to the minimum wage 14,40 x 38 x 52 / 12 = € 2.371,20 (BW 7:629 lid 1), year 2 pays 70% =
€ 2.240,00 from day 364, 21 July 2026; the wachttijd ends on 19 July 2027, IVA € 2.592,06 from 20 July 2027.
Case B (test_loonmaatregel_inkomen): € 4.000 a month from Monday 5 January 2026: 70% = € 2.800,00 in both years."""

from __future__ import annotations

import datetime as dt

import pytest

from spoorwijzer.law import inkomenspad as ip
from spoorwijzer.law import loonmaatregel as lm
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput
from spoorwijzer.law.poortwachter import Event
from spoorwijzer.law.weeks import SickPeriod

CTX = LawContext.baseline()
D = dt.date
A = ip.Invoer(eerste_ziektedag=D(2025, 7, 22), maandloon=320_000, uren_per_week_x100=3800)
B = ip.Invoer(eerste_ziektedag=D(2026, 1, 5), maandloon=400_000, uren_per_week_x100=3800)
JAAR1 = "Loondoorbetaling jaar 1: het minimumloon, want 70% van het loon is minder (BW 7:629 lid 1)"
JAAR2 = "Loondoorbetaling jaar 2: 70% van het loon (BW 7:629 lid 1)"


def met(inv: ip.Invoer, maatregelen, peildatum: dt.date) -> ip.Invoer:
    return ip.Invoer(**{**inv.__dict__, "inhoudingen": lm.inhoudingen(CTX, maatregelen, peildatum)})


def scenario(u: ip.Uitkomst, code: str) -> dict:
    return next(s for s in u.as_dict()["scenarios"] if s["code"] == code)


def fasen(u: ip.Uitkomst, code: str) -> list[tuple]:
    return [(f["soort"], f["van"], f["tot"], f["per_maand_cent"], f["toelichting"]) for f in scenario(u, code)["fasen"]]


def maand(u: ip.Uitkomst, code: str, ym: str) -> dict:
    return next(m for m in scenario(u, code)["maanden"] if m["maand"] == ym)


# --- withheld days in a scenario ------------------------------------------------------------------------------------


def test_a_loonstop_over_the_start_of_year_two_withholds_both_years_amounts():
    # loonstop 11 to 30 July 2026 inclusive: 10 days of year 1 (11-20 July) and 10 of year 2 (21-30 July).
    # July has 31 days: 237120 x 10 / 31 = 76490.3 -> 76490, and 224000 x 10 / 31 = 72258.1 -> 72258: 148748
    stop = lm.Maatregel("lid3c", D(2026, 7, 11), D(2026, 7, 11), D(2026, 7, 31), "hervat")
    u = ip.bereken(CTX, met(A, [stop], D(2026, 9, 1)))
    assert u.as_dict()["inhoudingen"] == [
        {
            "soort": "loonstop",
            "omschrijving": "Loonstop (BW 7:629 lid 3 onder c)",
            "van": "2026-07-11",
            "tot_en_met": "2026-07-30",
            "dagen": 20,
            "niet_betaald_cent": 148_748,
            "vervallen_cent": 148_748,
            "nabetaald_cent": 0,
            "nabetaald_op": None,
            "opgeschort_cent": 0,
            "loopt": False,
        }
    ]
    geen = "Loonstop (BW 7:629 lid 3 onder c): geen loon betaald"
    assert fasen(u, "iva")[1:6] == [
        ("loondoorbetaling", "2025-07-22", "2026-07-11", 237_120, JAAR1),
        ("loonstop", "2026-07-11", "2026-07-21", 0, geen),
        ("loonstop", "2026-07-21", "2026-07-31", 0, geen),
        ("loondoorbetaling", "2026-07-31", "2027-07-20", 224_000, JAAR2),
        ("iva", "2027-07-20", "2035-07-01", 259_206, fasen(u, "iva")[5][4]),
    ]
    # July 2026 pays 1-10 July of year 1 (76490) and 31 July of year 2 (224000 / 31 = 7225.8 -> 7226)
    assert maand(u, "iva", "2026-07") == {
        "maand": "2026-07",
        "totaal_cent": 76_490 + 7_226,
        "delen": {"loondoorbetaling": 76_490 + 7_226, "loonstop": 0},
    }


def test_measures_on_the_edges_of_the_phases_leave_no_empty_phase_and_are_taken_in_date_order():
    # a loonstop over the first ten sick days (22-31 July 2025) and an opschorting over the last ten days of year 1
    # (11-20 July 2026), lifted on 21 July: entered in the other order, shown in date order
    opschorting = lm.Maatregel("lid6", D(2026, 7, 11), D(2026, 7, 11), D(2026, 7, 21), "hervat")
    stop = lm.Maatregel("lid3c", D(2025, 7, 22), D(2025, 7, 22), D(2025, 8, 1), "hervat")
    u = ip.bereken(CTX, met(A, [opschorting, stop], D(2026, 9, 1)))
    assert [(i["soort"], i["van"], i["dagen"]) for i in u.as_dict()["inhoudingen"]] == [
        ("loonstop", "2025-07-22", 10),
        ("opschorting", "2026-07-11", 10),
    ]
    # each measure starts or ends exactly where a phase does: no phase of zero days is left over
    assert fasen(u, "iva")[:5] == [
        ("loon", "2025-07-01", "2025-07-22", 320_000, "Loon vóór de eerste ziektedag"),
        ("loonstop", "2025-07-22", "2025-08-01", 0, "Loonstop (BW 7:629 lid 3 onder c): geen loon betaald"),
        ("loondoorbetaling", "2025-08-01", "2026-07-11", 237_120, JAAR1),
        ("opschorting", "2026-07-11", "2026-07-21", 0, "Loonopschorting (BW 7:629 lid 6): geen loon betaald"),
        ("loondoorbetaling", "2026-07-21", "2027-07-20", 224_000, JAAR2),
    ]
    # the opschorting's ten days of year 1 (237120 x 10 / 31 = 76490) are paid on the day it is lifted
    assert scenario(u, "iva")["betalingen"] == [
        {
            "soort": "nabetaling",
            "op": "2026-07-21",
            "bedrag_cent": 76_490,
            "toelichting": "Nabetaling loonopschorting (bw 7:629 lid 6)",
        }
    ]
    # July 2026: 1-10 July year 1 (76490), 21-31 July year 2 (224000 x 11 / 31 = 79483.9 -> 79484), the back pay
    assert maand(u, "iva", "2026-07")["delen"] == {
        "loondoorbetaling": 76_490 + 79_484,
        "opschorting": 0,
        "nabetaling": 76_490,
    }


def test_an_opschorting_inside_a_loonstop_withholds_nothing_more_and_a_later_measure_still_counts():
    # case B: loonstop 2-22 March 2026; an opschorting 9-15 March falls within it (no wage is owed on those days
    # anyway); a second loonstop 6-12 April: 7 of April's 30 days, 280000 x 7 / 30 = 65333.3 -> 65333
    first = lm.Maatregel("lid3e", D(2026, 3, 2), D(2026, 3, 2), D(2026, 3, 23), "hervat")
    inside = lm.Maatregel("lid6", D(2026, 3, 9), D(2026, 3, 9), D(2026, 3, 16), "hervat")
    later = lm.Maatregel("lid3b", D(2026, 4, 6), D(2026, 4, 6), D(2026, 4, 13), "hervat")
    u = ip.bereken(CTX, met(B, [first, inside, later], D(2026, 6, 1)))
    assert [(i["van"], i["dagen"], i["vervallen_cent"]) for i in u.as_dict()["inhoudingen"]] == [
        ("2026-03-02", 21, 189_677),  # 280000 x 21 / 31 = 189677.4
        ("2026-04-06", 7, 65_333),
    ]
    assert scenario(u, "iva")["betalingen"] == []
    assert maand(u, "iva", "2026-04")["totaal_cent"] == 280_000 - 65_333


def test_a_running_opschorting_counts_its_days_up_to_the_peildatum():
    # case B, opschorting from 2 March, still running on 22 March: 21 days held back, still owed
    running = lm.Maatregel("lid6", D(2026, 3, 2), D(2026, 3, 2))
    (i,) = ip.bereken(CTX, met(B, [running], D(2026, 3, 22))).as_dict()["inhoudingen"]
    assert (i["dagen"], i["opgeschort_cent"], i["loopt"], i["tot_en_met"]) == (21, 189_677, True, "2026-03-22")


def test_the_withholdings_shown_are_those_of_the_scenario_that_runs_through_the_whole_wachttijd():
    # case B, loonstop 2-22 March 2026, back at the own employer on 16 March: that scenario withholds only 2-15
    # March (14 days, 280000 x 14 / 31 = 126451.6 -> 126452), the IVA scenario (sick to the end) all 21 days
    stop = lm.Maatregel("lid3e", D(2026, 3, 2), D(2026, 3, 2), D(2026, 3, 23), "hervat")
    u = ip.bereken(CTX, met(ip.Invoer(**{**B.__dict__, "hervatting_datum": D(2026, 3, 16)}), [stop], D(2026, 6, 1)))
    eigen = next(s for s in u.scenarios if s.code == "eigen_werkgever")
    assert [(i.dagen, i.niet_betaald) for i in eigen.inhoudingen] == [(14, 126_452)]
    assert [(i["dagen"], i["niet_betaald_cent"]) for i in u.as_dict()["inhoudingen"]] == [(21, 189_677)]


def test_the_answer_names_each_scenario_its_total_and_the_wia_class():
    # case B with the judgement of test_inkomenspad: maatman € 4.000, RVC € 1.500: 62,5% -> WGA 35-80
    inv = ip.Invoer(
        **{**B.__dict__, "beoordeling": ip.Beoordeling(400_000, 150_000), "maanden": 3, "jaren_voor_2016": 10}
    )
    d = ip.bereken(CTX, inv).as_dict()
    assert d["wia_klasse"] == "wga_35_80"
    # three months: January 2026 has 4 days of wage (400000 x 4 / 31 = 51612.9 -> 51613) and 27 sick days
    # (280000 x 27 / 31 = 243870.97 -> 243871); February and March 280000 each
    iva = next(s for s in d["scenarios"] if s["code"] == "iva")
    assert (iva["naam"], iva["totaal_cent"]) == (
        "IVA (volledig en duurzaam arbeidsongeschikt)",
        51_613 + 243_871 + 2 * 280_000,
    )
    assert [s["naam"] for s in d["scenarios"]] == [
        "Minder dan 35% arbeidsongeschikt, baan kwijt (WW, daarna bijstand)",
        "WGA, niet werkend",
        "IVA (volledig en duurzaam arbeidsongeschikt)",
    ]
    assert ip.bereken(CTX, B).as_dict()["wia_klasse"] is None  # no judgement, no class


# --- the months ------------------------------------------------------------------------------------------------------


def test_a_phase_that_starts_or_ends_on_the_first_of_a_month_belongs_to_that_month_only():
    # case B back at the own employer on 1 April 2026 at the same wage: March is all wage continuation, April all
    # wage; neither month lists the other's phase (not even at 0)
    u = ip.bereken(CTX, ip.Invoer(**{**B.__dict__, "hervatting_datum": D(2026, 4, 1), "maanden": 4}))
    assert maand(u, "eigen_werkgever", "2026-03")["delen"] == {"loondoorbetaling": 280_000}
    assert maand(u, "eigen_werkgever", "2026-04")["delen"] == {"loon": 400_000}


def test_back_pay_falls_in_the_month_of_its_day_and_two_back_payments_add_up():
    # case B: an opschorting 2-31 March lifted on Wednesday 1 April: 280000 x 30 / 31 = 270967.7 -> 270968 paid
    # in April, not in March; a second one 6-12 April lifted on 13 April: 280000 x 7 / 30 = 65333.3 -> 65333,
    # paid in April too. April's own days: 1-5 April 280000 x 5 / 30 = 46666.7 -> 46667 and 13-30 April
    # 280000 x 18 / 30 = 168000
    maart = lm.Maatregel("lid6", D(2026, 3, 2), D(2026, 3, 2), D(2026, 4, 1), "hervat")
    april = lm.Maatregel("lid6", D(2026, 4, 6), D(2026, 4, 6), D(2026, 4, 13), "hervat")
    u = ip.bereken(CTX, met(ip.Invoer(**{**B.__dict__, "maanden": 4}), [maart, april], D(2026, 6, 1)))
    assert maand(u, "iva", "2026-03")["delen"] == {"loondoorbetaling": 9_032, "opschorting": 0}  # 1 March only
    assert maand(u, "iva", "2026-04")["delen"] == {
        "loondoorbetaling": 46_667 + 168_000,
        "opschorting": 0,
        "nabetaling": 270_968 + 65_333,
    }


def test_a_part_timer_before_2024_gets_the_minimum_wage_of_the_hours_of_the_full_time_week():
    # WML art. 8 and 12 before 2024: a monthly minimum wage for a full working week (€ 1.934,40 from 1 January
    # 2023), for a part-timer in proportion to the employer's full-time hours: 20 of 40 hours -> 96720. 70% of
    # € 1.200 = 84000 is less, so year 1 pays 96720 (BW 7:629 lid 1); year 2 the 70%: 84000
    inv = ip.Invoer(
        eerste_ziektedag=D(2023, 3, 6), maandloon=120_000, uren_per_week_x100=2000, voltijd_uren_per_week_x100=4000
    )
    assert [int(x) for x in ip.loondoorbetaling_bedragen(CTX, ip.resolve(CTX, inv), inv.peil)][:2] == [96_720, 84_000]


def test_placed_after_the_wachttijd_each_wga_phase_says_whether_it_is_before_the_new_job():
    # the case of test_inkomenspad (sick from 6 January 2025, WGA 35-80, 19 months of LGU): WIA from 4 January 2027,
    # LGU 75% for two months (to 4 March), then 70% until 4 August 2028, then LAU (the new wage € 1.200 is at least
    # half the RVC of € 1.500, WIA art. 60-61); the new job from 1 April 2027
    inv = ip.Invoer(
        eerste_ziektedag=D(2025, 1, 6),
        maandloon=400_000,
        jaren_voor_2016=15,
        jaren_vanaf_2016=9,
        beoordeling=ip.Beoordeling(400_000, 150_000),
        plaatsing_datum=D(2027, 4, 1),
        plaatsing_loon=120_000,
    )
    wga = [f[:3] + (f[4],) for f in fasen(ip.bereken(CTX, inv), "nieuwe_werkgever") if f[0].startswith("wga")]
    assert wga == [
        ("wga_lgu", "2027-01-04", "2027-03-04", "WGA loongerelateerd 75% (art. 61 lid 1) (nog zonder werk)"),
        ("wga_lgu", "2027-03-04", "2027-04-01", "WGA loongerelateerd 70% (art. 61 lid 1) (nog zonder werk)"),
        ("wga_lgu", "2027-04-01", "2028-08-04", "WGA loongerelateerd 70% (art. 61 lid 1)"),
        (
            "wga_lau",
            "2028-08-04",
            "2035-01-01",
            "Loonaanvullingsuitkering (inkomen ten minste 50% van de RVC, art. 60-61)",
        ),
    ]


# --- what the inputs may be, word for word ---------------------------------------------------------------------------


def refused(**kw) -> str:
    with pytest.raises(InvalidInput) as err:
        ip.validate(ip.resolve(CTX, ip.Invoer(**{**B.__dict__, **kw})))
    return str(err.value)


def accepted(**kw) -> None:
    ip.validate(ip.resolve(CTX, ip.Invoer(**{**B.__dict__, **kw})))


def test_the_refusals_of_the_inputs_word_for_word_and_their_limits():
    for loon in (0, -1):
        assert refused(maandloon=loon) == "Het maandloon moet groter zijn dan 0."
    accepted(maandloon=1)
    for uren in (0, 6001):
        assert refused(uren_per_week_x100=uren) == "Het aantal uren per week moet tussen 0 en 60 liggen."
    accepted(uren_per_week_x100=1)
    accepted(uren_per_week_x100=6000)
    for veld, naam in (
        ("sv_jaarloon", "Het SV-jaarloon"),
        ("hervatting_loon", "Het loon bij hervatting"),
        ("plaatsing_loon", "Het loon bij de nieuwe werkgever"),
        ("inkomen_wga", "Het inkomen in de WGA"),
    ):
        assert refused(**{veld: -1}) == f"{naam} kan niet negatief zijn."
        accepted(**{veld: 0})
    for maanden in (0, 601):
        assert refused(maanden=maanden) == "Het aantal maanden moet tussen 1 en 600 liggen."
    accepted(maanden=1)
    accepted(maanden=600)
    for deel in (-1, 100):
        assert refused(gewerkt_percentage=deel) == "Het gewerkte deel van de uren ligt tussen 0 en 100%."
    accepted(gewerkt_percentage=99.9)
    for pct in (69, 101):
        assert refused(percentage_bij_werkhervatting=pct) == (
            "Het doorbetalingspercentage bij werkhervatting ligt tussen 70 en 100%."
        )
    accepted(percentage_bij_werkhervatting=70)
    accepted(percentage_bij_werkhervatting=100)
    dag_ervoor = B.eerste_ziektedag - dt.timedelta(days=1)
    for veld, wat in (
        ("hervatting_datum", "hervatting"),
        ("plaatsing_datum", "plaatsing"),
        ("deels_werken_vanaf", "gedeeltelijke hervatting"),
    ):
        assert refused(**{veld: dag_ervoor}) == f"De datum van {wat} ligt vóór de eerste ziektedag."
        accepted(**{veld: B.eerste_ziektedag})  # back on the first sick day itself: allowed
    assert refused(jaren_voor_2016=-1) == "Het arbeidsverleden kan geen negatief aantal jaren zijn."


# --- the receipt (the 'bon' of the income page and the API) ----------------------------------------------------------

INTRO = (
    "Alle bedragen bruto per maand, in prijspeil {} (geen indexatie verondersteld). De vakantiebijslag die apart "
    "wordt uitbetaald (bij loon door de werkgever, bij een uitkering als vakantiegeld van UWV) is niet meegeteld; het "
    "dagloon van WW en WIA is wel berekend over het loon inclusief vakantiebijslag, zoals het Dagloonbesluit "
    "voorschrijft (SV-loon in het refertejaar)."
)


def stappen(u: ip.Uitkomst) -> list[str]:
    return [s.replace("\xa0", " ") for s in u.receipt.steps]


def test_the_receipt_of_case_a_step_by_step():
    # the numbers of case A (module docstring); the SV-jaarloon not given: 3.200 x 12 x 1,08 = 41.472,00;
    # dagloon 41.472,00 / 261 = 158,897 -> 158,90 (under the maximum dagloon of 2025, € 290,67: no cap), WIA
    # maandloon 158,90 x 21,75 = 3.456,075 -> 3.456,08; the maximum wage 290,67 x 21,75 = 6.322,07; no years worked
    # given: 0, so WW and LGU last the minimum 3 months
    assert stappen(ip.bereken(CTX, A)) == [
        INTRO.format("22 juli 2025"),
        "Loondoorbetaling: 70% in jaar 1, 70% in jaar 2 (zonder werkhervatting 140% over twee jaar (convenant: 170%)).",
        "Einde wachttijd 19 juli 2027: WIA/WW vanaf 20 juli 2027; minimumloon gegarandeerd tot 21 juli 2026.",
        "Loondoorbetaling per maand: jaar 1 € 2.371,20, jaar 2 € 2.240,00 (loon gemaximeerd op € 6.322,07 per maand; "
        "in jaar 1 ten minste het minimumloon voor 38 uur: € 2.371,20 per maand).",
        "SV-jaarloon niet opgegeven: maandloon x 12 + 8% vakantiebijslag = € 41.472,00",
        "Dagloon € 158,90 (SV-jaarloon inclusief vakantiebijslag / 261; ongemaximeerd € 158,90), maandloon € 3.456,08 "
        "(x 21,75): de grondslag van WW, WGA en IVA.",
        "Arbeidsverleden vóór 2016 niet opgegeven: gerekend met 0 jaar, dus alleen de minimumduur van WW en "
        "loongerelateerde WGA; geef het arbeidsverleden op voor de echte duur.",
        "WW- en LGU-duur uit arbeidsverleden (0 jaar vóór 2016, 0 vanaf 2016): 3 maanden.",
    ]


def test_the_receipt_of_an_interrupted_extended_partly_worked_wachttijd_with_a_judgement():
    # sick 6-12 January 2025, better 13-22 January (10 days, samentelling), sick again from 23 January; 13 weeks of
    # vrijwillige verlenging. 104 weeks end on offset 727: 6 January 2025 + 727 + 10 days = 13 January 2027, + 91
    # days = 14 April 2027. Year 2 from offset 364: 6 January 2025 + 374 days = 15 January 2026.
    # From 2 June 2025 half the hours worked (wage 2.000,00) and the sick half at the cao's 90% (1.800,00): 3.800,00.
    # Minimum wage 2025: 14,06 x 38 x 52 / 12 = 2.315,21. SV-jaarloon given 50.000,00: / 261 = 191,57; x 21,75 =
    # 4.166,65. 15 years before 2016 and 9 from: 10 + 5 + 4,5 -> 19 months. AO (4.000 - 1.500) / 4.000 = 62,50%.
    inv = ip.Invoer(
        eerste_ziektedag=D(2025, 1, 6),
        maandloon=400_000,
        jaren_voor_2016=15,
        jaren_vanaf_2016=9,
        beoordeling=ip.Beoordeling(400_000, 150_000, bron="AD-rapport 1-12-2026"),
        ziekteperioden=(SickPeriod(D(2025, 1, 6), D(2025, 1, 12)), SickPeriod(D(2025, 1, 23))),
        vrijwillige_verlenging_weken=13,
        deels_werken_vanaf=D(2025, 6, 2),
        gewerkt_percentage=50,
        percentage_bij_werkhervatting=90,
        sv_jaarloon=5_000_000,
    )
    assert stappen(ip.bereken(CTX, inv))[2:] == [
        "Einde wachttijd 14 april 2027 (samengeteld uit 2 ziekteperioden), met 13 weken vrijwillige verlenging: "
        "WIA/WW vanaf 15 april 2027; minimumloon gegarandeerd tot 15 januari 2026.",
        "Loondoorbetaling per maand: jaar 1 € 2.800,00, jaar 2 € 2.800,00 (loon gemaximeerd op € 6.322,07 per maand; "
        "in jaar 1 ten minste het minimumloon voor 38 uur: € 2.315,21 per maand).",
        "Vanaf 2 juni 2025 50% van de uren gewerkt (betaald als loon), zieke uren tegen 90%: jaar 1 € 3.800,00, "
        "jaar 2 € 3.800,00.",
        "Dagloon € 191,57 (SV-jaarloon inclusief vakantiebijslag / 261; ongemaximeerd € 191,57), maandloon € 4.166,65 "
        "(x 21,75): de grondslag van WW, WGA en IVA.",
        "WW- en LGU-duur uit arbeidsverleden (15 jaar vóór 2016, 9 vanaf 2016): 19 maanden.",
        "Arbeidsongeschiktheid 62,50% uit maatmaninkomen € 4.000,00 en resterende verdiencapaciteit € 1.500,00 "
        "(AD-rapport 1-12-2026): WGA 35-80 (gedeeltelijk arbeidsgeschikt).",
    ]


def test_the_receipt_of_a_loonsanctie_and_of_partial_work_at_the_ordinary_percentage():
    # 20 weeks of loonsanctie after the wachttijd of 6 January 2025 (ends 3 January 2027): 140 days -> 23 May 2027;
    # half the hours worked from 2 June 2025 without a cao top-up: the sick half at 70%: 2.000 + 1.400 = 3.400,00
    inv = ip.Invoer(
        eerste_ziektedag=D(2025, 1, 6),
        maandloon=400_000,
        jaren_voor_2016=15,
        jaren_vanaf_2016=9,
        loonsanctie_weken=20,
        deels_werken_vanaf=D(2025, 6, 2),
        gewerkt_percentage=50,
    )
    s = stappen(ip.bereken(CTX, inv))
    assert s[2] == (
        "Einde wachttijd 3 januari 2027; loonsanctie tot en met 23 mei 2027: WIA/WW vanaf 24 mei 2027; minimumloon "
        "gegarandeerd tot 5 januari 2026."
    )
    assert s[4] == (
        "Vanaf 2 juni 2025 50% van de uren gewerkt (betaald als loon), zieke uren tegen het gewone percentage: "
        "jaar 1 € 3.400,00, jaar 2 € 3.400,00."
    )


# --- the wachttijd the paths run on ----------------------------------------------------------------------------------


def test_the_events_handed_to_the_schedule_and_a_repaired_shortcoming_ending_the_sanction():
    periods = (SickPeriod(D(2025, 1, 6), D(2025, 1, 12)), SickPeriod(D(2025, 1, 23)))
    inv = ip.Invoer(
        eerste_ziektedag=D(2025, 1, 6),
        maandloon=400_000,
        ziekteperioden=periods,
        vrijwillige_verlenging_weken=13,
        loonsanctie_weken=52,
        herstel_vastgesteld=D(2027, 3, 1),
    )
    # dated on the last period's first day (within the current wachttijd), the weeks in the data
    assert inv.gebeurtenissen() == [
        Event("vrijwillige_verlenging", D(2025, 1, 23), {"weken": 13}),
        Event("loonsanctie", D(2025, 1, 23), {"weken": 52}),
        Event("herstel_vastgesteld", D(2027, 3, 1)),
    ]
    assert ip.Invoer(eerste_ziektedag=D(2025, 1, 6), maandloon=400_000).gebeurtenissen() == []
    assert ip.Invoer(eerste_ziektedag=D(2025, 1, 6), maandloon=400_000).perioden() == (SickPeriod(D(2025, 1, 6)),)
    # without samentelling or verlenging: the wachttijd of 6 January 2025 ends 3 January 2027; a sanction of 52
    # weeks would last to 2 January 2028, but UWV found the shortcoming repaired on 1 March 2027: six weeks after
    # that (WIA art. 25 lid 14), 12 April 2027; WIA from the next day
    plain = ip.Invoer(
        eerste_ziektedag=D(2025, 1, 6), maandloon=400_000, loonsanctie_weken=52, herstel_vastgesteld=D(2027, 3, 1)
    )
    d = ip.bereken(CTX, plain).as_dict()
    assert (d["einde_wachttijd"], d["loonsanctie_tot"], d["wia_start"]) == ("2027-01-03", "2027-04-12", "2027-04-13")
    # a sanction without a repair: the whole 52 weeks
    d = ip.bereken(CTX, ip.Invoer(**{**plain.__dict__, "herstel_vastgesteld": None})).as_dict()
    assert (d["loonsanctie_tot"], d["wia_start"]) == ("2028-01-02", "2028-01-03")
    assert (
        ip.bereken(CTX, ip.Invoer(**{**plain.__dict__, "loonsanctie_weken": None})).as_dict()["loonsanctie_tot"] is None
    )


def test_a_first_sick_day_that_does_not_fit_the_periods_is_refused():
    inv = ip.Invoer(eerste_ziektedag=D(2025, 1, 6), maandloon=400_000, ziekteperioden=(SickPeriod(D(2025, 1, 10)),))
    with pytest.raises(InvalidInput) as err:
        ip.bereken(CTX, inv)
    assert str(err.value) == (
        "De eerste ziektedag 6 januari 2025 past niet bij de ziekteperioden: de wachttijd begint op 10 januari 2025."
    )


def test_what_was_left_open_is_filled_in_with_the_legal_percentage_and_no_years():
    filled = ip.resolve(CTX, ip.Invoer(eerste_ziektedag=D(2025, 1, 6), maandloon=400_000, percentage_jaar1=100))
    # BW 7:629 lid 1: 70% where the agreement says nothing; no years before 2016 assumed but 0 (the receipt says so)
    assert (filled.percentage_jaar1, filled.percentage_jaar2, filled.jaren_voor_2016) == (100, 70, 0)
    kept = ip.resolve(CTX, ip.Invoer(**{**filled.__dict__, "percentage_jaar2": 80, "jaren_voor_2016": 12}))
    assert (kept.percentage_jaar2, kept.jaren_voor_2016) == (80, 12)


def test_add_months_keeps_the_day_or_takes_the_last_of_a_shorter_month():
    assert ip.add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)  # leap year
    assert ip.add_months(D(2025, 1, 31), 1) == D(2025, 2, 28)
    assert ip.add_months(D(2024, 11, 30), 3) == D(2025, 2, 28)
    assert ip.add_months(D(2024, 12, 15), 1) == D(2025, 1, 15)  # over the year boundary
    assert ip.add_months(D(2024, 2, 29), 12) == D(2025, 2, 28)
    assert ip.add_months(D(2025, 7, 1), 120) == D(2035, 7, 1)
    assert ip.add_months(D(2025, 3, 31), 0) == D(2025, 3, 31)
