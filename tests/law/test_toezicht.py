"""The supervision score of RSC 2025 building block 1: the youngest of the last three years counts 3x,
the middle 2x, the oldest 1x."""

from __future__ import annotations

import datetime as dt

import pytest

from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput
from spoorwijzer.law.toezicht import Jaar, toezichtscore

CTX = LawContext.baseline()
PEIL = dt.date(2026, 6, 1)


def test_weighted_three_years_per_100_employees():
    # 2025: 3 of 200, 2024: 1 of 200, 2023: 4 of 100 -> (3*3 + 2*1 + 1*4) / (3*200 + 2*200 + 1*100) * 100
    result = toezichtscore(CTX, [Jaar(2025, 3, 200), Jaar(2024, 1, 200), Jaar(2023, 4, 100), Jaar(2022, 9, 100)], PEIL)
    assert result.score == pytest.approx(100 * 15 / 1100)
    assert [j.jaar for j in result.jaren] == [2025, 2024, 2023]  # 2022 is outside the window
    # a year on with nobody entering the WIA: 2026 (0 of 200), 2025, 2024 -> (0 + 2*3 + 1*1) / (600 + 400 + 200)
    assert result.volgend_jaar_zonder_instroom == pytest.approx(100 * 7 / 1200)
    assert CTX.reads[("toezicht.wia_instroom_gewichten", PEIL)].version.value == [3, 2, 1]


def test_the_youngest_year_weighs_most():
    recent = toezichtscore(CTX, [Jaar(2025, 2, 100), Jaar(2024, 0, 100), Jaar(2023, 0, 100)], PEIL).score
    old = toezichtscore(CTX, [Jaar(2025, 0, 100), Jaar(2024, 0, 100), Jaar(2023, 2, 100)], PEIL).score
    assert recent == pytest.approx(1.0) and old == pytest.approx(100 * 2 / 600)


def test_missing_years_and_no_employees():
    assert toezichtscore(CTX, [], PEIL).score is None
    assert toezichtscore(CTX, [Jaar(2025, 1, 50)], PEIL).score == pytest.approx(100 * 3 / 150)


def test_impossible_counts_are_refused_in_dutch():
    with pytest.raises(InvalidInput, match="meer werknemers in de WIA"):
        toezichtscore(CTX, [Jaar(2025, 5, 3)], PEIL)
