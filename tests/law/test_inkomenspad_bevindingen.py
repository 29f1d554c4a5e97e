"""Income paths: the figures an outside reviewer questioned on the employee's income page, with the arithmetic."""

from __future__ import annotations

import datetime as dt

from spoorwijzer.law import inkomenspad as ip
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.poortwachter import wachttijd_einde
from spoorwijzer.law.weeks import SickPeriod

CTX = LawContext.baseline()
# € 3.200 a month, 38 hours, sick from 22 July 2025 (minimum wage then € 14,40 an hour)
INV = ip.Invoer(eerste_ziektedag=dt.date(2025, 7, 22), maandloon=320000, uren_per_week_x100=3800)


def fase(u, code, soort, index=0):
    return [f for f in next(s for s in u.scenarios if s.code == code).fasen if f.soort == soort][index]


def test_iva_is_on_the_dagloon_including_holiday_allowance_and_the_receipt_says_so():
    # Dagloonbesluit: dagloon = SV-loon of the refertejaar (with the 8% vakantiebijslag) / 261.
    # 3200 x 12 x 1,08 = 41.472,00 / 261 = 158,897 -> 158,90; x 21,75 = 3.456,08; IVA 75% = 2.592,06.
    # (Without the holiday allowance it would be 3200 x 12 / 261 = 147,13 x 21,75 = 3.200,08 -> 2.400,06.)
    u = ip.bereken(CTX, INV)
    assert fase(u, "iva", "iva").bedrag == 259206
    stappen = " ".join(u.receipt.as_dict()["stappen"])
    assert "inclusief vakantiebijslag" in stappen and "zonder vakantiebijslag" not in stappen
    assert "Dagloon € 158,90" in stappen.replace("\xa0", " ")


def test_year_one_is_lifted_to_the_minimum_wage_year_two_is_seventy_percent():
    # BW 7:629 lid 1: 70% of 3.200 = 2.240,00; in the first 52 weeks at least the minimum wage:
    # 14,40 x 38 x 52 / 12 = 2.371,20. Year 2 (from 21 July 2026 = day 365): exactly 2.240,00 = 70%.
    u = ip.bereken(CTX, INV)
    jaar1, jaar2 = fase(u, "iva", "loondoorbetaling", 0), fase(u, "iva", "loondoorbetaling", 1)
    assert (jaar1.bedrag, jaar2.bedrag) == (237120, 224000)
    assert jaar2.start == dt.date(2026, 7, 21) and jaar2.bedrag * 100 == 70 * INV.maandloon
    assert "minimumloon" in jaar1.toelichting and "70% van het loon" in jaar2.toelichting
    # the first calendar month mixes 21 days of full wage and 10 sick days:
    # 3.200 x 21/31 = 2.167,74 + 2.371,20 x 10/31 = 764,90 -> 2.932,64 (above 70%, and why)
    first = next(s for s in u.scenarios if s.code == "iva").maanden[0]
    assert first["delen"] == {"loon": 216774, "loondoorbetaling": 76490} and first["totaal_cent"] == 293264


def test_cao_percentages_are_applied_per_year():
    # cao 100% in year 1, 80% in year 2: 3.200,00 and 2.560,00 (no minimum-wage lift above 100%)
    u = ip.bereken(CTX, ip.Invoer(**{**INV.__dict__, "percentage_jaar1": 100, "percentage_jaar2": 80}))
    assert (fase(u, "iva", "loondoorbetaling", 0).bedrag, fase(u, "iva", "loondoorbetaling", 1).bedrag) == (
        320000,
        256000,
    )
    assert "100% van het loon" in fase(u, "iva", "loondoorbetaling", 0).toelichting


def test_the_wachttijd_ends_where_the_schedule_says_and_benefits_start_the_day_after():
    # 104 weeks from 22 July 2025: the last day is 19 July 2027 (day 728), WIA/WW from 20 July 2027
    schedule = wachttijd_einde(CTX, (SickPeriod(INV.eerste_ziektedag),), [])
    u = ip.bereken(CTX, INV).as_dict()
    assert u["einde_wachttijd"] == schedule.einde_wachttijd.isoformat() == "2027-07-19"
    assert u["wia_start"] == "2027-07-20"
