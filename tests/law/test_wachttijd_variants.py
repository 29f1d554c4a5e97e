"""Loonsanctie, verkorte wachttijd: bounds that the law sets (derived cases, WIA art. 23 lid 6, art. 25)."""

from __future__ import annotations

import datetime as dt

import pytest

from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput
from spoorwijzer.law.poortwachter import loonsanctie_einde, vroegst_einde_verkorte_wachttijd
from spoorwijzer.law.weeks import SickPeriod, current_wachttijd

CTX = LawContext.baseline()

D = dt.date(2025, 1, 6)
W = current_wachttijd(CTX, [SickPeriod(D)])


def test_loonsanctie_runs_52_weeks_without_herstel():
    assert loonsanctie_einde(CTX, dt.date(2027, 1, 3)) == dt.date(2028, 1, 2)


def test_loonsanctie_ends_six_weeks_after_herstel_but_never_past_52_weeks():
    assert loonsanctie_einde(CTX, dt.date(2027, 1, 3), dt.date(2027, 3, 1)) == dt.date(2027, 4, 12)
    assert loonsanctie_einde(CTX, dt.date(2027, 1, 3), dt.date(2027, 12, 20)) == dt.date(2028, 1, 2)


def test_loonsanctie_over_52_weeks_is_refused():
    with pytest.raises(InvalidInput, match="1 tot en met 52 weken"):
        loonsanctie_einde(CTX, dt.date(2027, 1, 3), weken=60)


def test_verkorte_wachttijd_at_least_13_weeks_and_10_weeks_after_application():
    # application in week 4: 13 weeks (D+90) comes before application + 10 weeks
    assert vroegst_einde_verkorte_wachttijd(CTX, W, dt.date(2025, 2, 1)) == dt.date(2025, 4, 12)
    # application on the first day: the 13-week minimum decides
    assert vroegst_einde_verkorte_wachttijd(CTX, W, D) == D + dt.timedelta(days=90)


def test_verkorte_wachttijd_application_too_late_for_78_weeks():
    with pytest.raises(InvalidInput, match="ten hoogste 78 weken"):
        vroegst_einde_verkorte_wachttijd(CTX, W, D + dt.timedelta(days=500))
