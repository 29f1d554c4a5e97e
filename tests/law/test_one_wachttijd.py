"""One wachttijd: the schedule, the income paths (both twins) and the employer's costs take the end of the
wachttijd from the same computation (``poortwachter.wachttijd_einde``)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np

from spoorwijzer import berekeningen
from spoorwijzer.law import inkomenspad as ip
from spoorwijzer.law import inkomenspad_vec as iv
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.poortwachter import Event, schedule, wachttijd_einde
from spoorwijzer.law.weeks import SickPeriod

CTX = LawContext.baseline()
# The example: sick 2025-01-06 .. 2025-02-01 (27 days), back at work 2025-02-02 .. 2025-02-19 (18 days, less
# than four weeks: samentelling), sick again from 2025-02-20, and a vrijwillige verlenging of 13 weeks.
# Last day: sick-day offset 104 x 7 - 1 + 13 x 7 = 818, plus the 18 days of interruption: 2025-01-06 + 836 days
# = 2027-04-22; the WIA starts 2027-04-23 (an uninterrupted wachttijd would have ended 2027-01-03).
PERIODS = (SickPeriod(dt.date(2025, 1, 6), dt.date(2025, 2, 1)), SickPeriod(dt.date(2025, 2, 20)))
VERLENGING = Event("vrijwillige_verlenging", dt.date(2025, 3, 1), {"weken": 13})
DATA = {
    "eerste_ziektedag": "2025-01-06",
    "maandloon": 4000,
    "ziekteperioden": [{"start": "2025-01-06", "eind": "2025-02-01"}, {"start": "2025-02-20"}],
    "vrijwillige_verlenging_weken": 13,
    "maatmaninkomen": 4000,
    "resterende_verdiencapaciteit": 1500,
    "jaren_voor_2016": 15,
}


def test_schedule_income_path_and_employer_costs_agree_on_the_wia_start():
    sched = schedule(CTX, PERIODS, [VERLENGING])
    assert sched.wia_start == dt.date(2027, 4, 23)
    assert wachttijd_einde(CTX, PERIODS, [VERLENGING]).wia_start == sched.wia_start

    pad = berekeningen.run("inkomenspad", DATA)
    assert pad["einde_wachttijd"] == "2027-04-22" and pad["wia_start"] == "2027-04-23"
    iva = next(s for s in pad["scenarios"] if s["code"] == "iva")
    assert [f["soort"] for f in iva["fasen"]][-1] == "iva" and iva["fasen"][-1]["van"] == "2027-04-23"
    assert all(f["tot"] <= "2027-04-23" for f in iva["fasen"] if f["soort"] == "loondoorbetaling")

    kosten = berekeningen.run("werkgeverskosten", DATA)
    post = next(p for p in kosten["posten"] if p["code"] == "loondoorbetaling_104_weken")
    assert post["tot"] == "2027-04-22" and "117 weken" in post["naam"]  # 104 + 13
    assert kosten["wia_start"] == "2027-04-23"


def test_vector_twin_takes_the_same_wachttijd():
    inv = ip.Invoer(
        eerste_ziektedag=dt.date(2025, 1, 6),
        maandloon=400_000,
        ziekteperioden=PERIODS,
        vrijwillige_verlenging_weken=13,
        loonsanctie_weken=20,
    )
    scalar = ip.bereken(CTX, inv)
    assert scalar.wachttijd.loonsanctie_tot == dt.date(2027, 4, 22) + dt.timedelta(weeks=20)
    codes = [s.code for s in scalar.scenarios]
    matrix = iv.bereken(CTX, iv.from_invoer(CTX, [inv] * len(codes), codes), inv.peil, inv.maanden)
    for row, s in zip(matrix, scalar.scenarios, strict=True):
        assert np.array_equal(row, [m["totaal_cent"] for m in s.maanden]), s.code


def test_loonsanctie_shorter_than_52_weeks_moves_the_wia_start_and_is_priced_by_days():
    # WIA art. 25 lid 9: UWV may impose fewer than 52 weeks. Uninterrupted from 2025-01-06: wachttijd ends
    # 2027-01-03; 20 weeks of sanction end 2027-05-23; the WIA starts 2027-05-24.
    data = {"eerste_ziektedag": "2025-01-06", "maandloon": 4000, "loonsanctie_weken": 20}
    sanction = [Event("loonsanctie", dt.date(2026, 12, 1), {"weken": 20})]
    assert schedule(CTX, [SickPeriod(dt.date(2025, 1, 6))], sanction).loonsanctie_tot == dt.date(2027, 5, 23)
    pad = berekeningen.run("inkomenspad", data)
    assert pad["loonsanctie_tot"] == "2027-05-23" and pad["wia_start"] == "2027-05-24"
    kosten = berekeningen.run("werkgeverskosten", data)
    posts = {p["code"]: p for p in kosten["posten"]}
    # year-2 pay 70% x 4.000 = 2.800 per month, 2027-01-04 .. 2027-05-23: January 28/31 x 2.800 = 2.529,03;
    # February-April 3 x 2.800 = 8.400; May 23/31 x 2.800 = 2.077,42 (half up); total 13.006,45
    assert posts["loonsanctie"]["bedrag_cent"] == 1_300_645
    assert posts["loonsanctie"]["tot"] == "2027-05-23"
    # the wage costs of the wachttijd itself stop at its end: the sanction is counted once, beyond it
    assert posts["loondoorbetaling_104_weken"]["tot"] == "2027-01-03"
    zonder = next(s for s in pad["scenarios"] if s["code"] == "35_minner_zonder_werk")
    ww = next(f for f in zonder["fasen"] if f["soort"] == "ww")
    assert ww["van"] == "2027-05-24"


def test_eigen_risico_ends_ten_years_after_the_statutory_wachttijd_whatever_the_extension():
    # UWV: the vrijwillige verlenging is deducted from the 10 years of eigen risico (together at most 12 years).
    # Uninterrupted from 2025-01-06: statutory wachttijd ends 2027-01-03, so the eigen risico ends 2037-01-03,
    # with or without 13 weeks of extension (which move the WIA start to 2027-04-05).
    base = {
        "eerste_ziektedag": "2025-01-06",
        "maandloon": 4000,
        "maatmaninkomen": 4000,
        "resterende_verdiencapaciteit": 1500,
        "eigenrisicodrager_wga": True,
    }
    for weeks in (0, 13):
        kosten = berekeningen.run("werkgeverskosten", dict(base, vrijwillige_verlenging_weken=weeks))
        post = next(p for p in kosten["posten"] if p["code"] == "eigen_risico_wga_wga_niet_werkend")
        assert post["tot"] == "2037-01-03", weeks


def test_earlier_wachttijd_events_are_ignored_by_the_money_too():
    # a first wachttijd 2023-01-02..2023-03-31, then more than four weeks at work: a new wachttijd from 2024-01-08
    periods = (SickPeriod(dt.date(2023, 1, 2), dt.date(2023, 3, 31)), SickPeriod(dt.date(2024, 1, 8)))
    old = Event("vrijwillige_verlenging", dt.date(2023, 3, 1), {"weken": 13})
    einde = wachttijd_einde(CTX, periods, [old])
    assert einde.vorige_wachttijden == 1
    assert einde.einde_wachttijd == dt.date(2024, 1, 8) + dt.timedelta(days=727)
    inv = ip.Invoer(eerste_ziektedag=dt.date(2024, 1, 8), maandloon=300_000, ziekteperioden=periods)
    assert ip.bereken(CTX, inv).wia_start == einde.wia_start
    assert ip.bereken(CTX, dataclasses.replace(inv, vrijwillige_verlenging_weken=13)).wia_start == (
        einde.wia_start + dt.timedelta(weeks=13)
    )
