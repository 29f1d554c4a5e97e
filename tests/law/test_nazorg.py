"""The no-riskpolis for the new employer (Ziektewet art. 29b) and the aftercare schedule (policy with its source)."""

from __future__ import annotations

import datetime as dt

from spoorwijzer.law import nazorg, opvolging
from spoorwijzer.law.context import LawContext

CTX = LawContext.baseline()
D = dt.date


def test_benefit_at_start_gives_five_years_from_the_first_day_of_work():
    r = nazorg.no_risk(CTX, "wia_uitkering", D(2026, 1, 5))
    # ZW art. 29b: five years (zw.no_risk 'jaren: 5'): 5 January 2026 up to and including 4 January 2031
    assert r.van_toepassing and r.geldig_tot == D(2031, 1, 4)
    assert (r.ziekengeld_percentage, r.ziekengeld_weken, r.ziekmelding_binnen_weken) == (70, 104, 6)
    assert not nazorg.no_risk(CTX, "wia_uitkering", D(2026, 1, 5), op=D(2031, 1, 5)).van_toepassing


def test_35_minner_must_start_within_five_years_after_the_wachttijd_and_is_covered_five_years_from_the_start():
    # ZW art. 29b lid 1 onder b (4°): the employment begins "binnen vijf jaar na die dag" (the first day after the
    # wachttijd); the cover is for sickness begun "in de vijf jaren na aanvang van de dienstbetrekking"
    ok = nazorg.no_risk(CTX, "35_minner", D(2026, 1, 5), beoordeeld_op=D(2022, 3, 1))
    assert ok.van_toepassing and ok.geldig_tot == D(2031, 1, 4)  # five years from 5 January 2026, not from 2022
    assert nazorg.no_risk(CTX, "35_minner", D(2027, 2, 28), beoordeeld_op=D(2022, 3, 1)).van_toepassing  # last day
    late = nazorg.no_risk(CTX, "35_minner", D(2026, 1, 5), beoordeeld_op=D(2020, 6, 1))
    assert not late.van_toepassing and "meer dan 5 jaar na afloop van de wachttijd" in late.uitleg
    assert "31 mei 2025" in late.uitleg  # the last day it could have begun: 1 June 2020 + 5 years - 1 day
    assert not nazorg.no_risk(CTX, "35_minner", D(2026, 1, 5)).van_toepassing  # no date: cannot say


def test_placed_before_any_assessment_has_no_cover():
    assert not nazorg.no_risk(CTX, "geen", D(2026, 1, 5)).van_toepassing


def test_aftercare_schedule_every_four_weeks_for_a_year_with_outcomes_at_6_and_12_months():
    m = opvolging.nazorg_momenten(D(2026, 1, 1), opvolging.standaard())
    contacts = [x.datum for x in m if x.soort == "contact"]
    # 4-week check-ins up to 1 January 2027: 28 days x 13 = 364 days -> 31 December 2026 is the last
    assert contacts[0] == D(2026, 1, 29) and contacts[-1] == D(2026, 12, 31) and len(contacts) == 13
    assert [(x.datum, x.na_maanden) for x in m if x.soort == "uitkomst"] == [(D(2026, 7, 1), 6), (D(2027, 1, 1), 12)]


def test_an_organisation_sets_its_own_aftercare_policy_with_its_source():
    eigen = opvolging.standaard().with_overrides(
        {"nazorg": {"interval_weken": 2, "duur_maanden": 6, "uitkomst_na_maanden": [6], "bron": "Beleid Arbo Noord"}}
    )
    m = opvolging.nazorg_momenten(D(2026, 1, 1), eigen)
    assert eigen.nazorg_bron == "Beleid Arbo Noord" and sum(x.soort == "uitkomst" for x in m) == 1
    assert [x.datum for x in m if x.soort == "contact"][:2] == [D(2026, 1, 15), D(2026, 1, 29)]
