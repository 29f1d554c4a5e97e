"""The dossier's error messages name dates the Dutch way, never as ISO "2026-03-03" (review, session 5)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from spoorwijzer.law.errors import InvalidInput

ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def test_dossier_errors_use_dutch_dates(world):
    from spoorwijzer.dossier import services

    morgen = world.today + dt.timedelta(days=30)
    with pytest.raises(InvalidInput) as exc:
        services.vastleggen(world.users.casemanager, world.bert, "ziekmelding_arbodienst", morgen, {})
    assert not ISO.search(str(exc.value)) and str(morgen.year) in str(exc.value)
    eerder = world.bert.eerste_ziektedag - dt.timedelta(days=3)
    with pytest.raises(InvalidInput) as exc:
        services.vastleggen(world.users.casemanager, world.bert, "herstelmelding", eerder, {})
    assert not ISO.search(str(exc.value)), str(exc.value)
