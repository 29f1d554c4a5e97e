"""Runs the table cases in cases/tijdlijn.yaml against the scalar schedule."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from spoorwijzer.law.context import LawContext
from spoorwijzer.law.poortwachter import Event, schedule
from spoorwijzer.law.weeks import SickPeriod

CTX = LawContext.baseline()

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "tijdlijn.yaml").read_text(encoding="utf-8"))


def _date(v):
    return v if isinstance(v, dt.date) or v is None else dt.date.fromisoformat(v)


def build(case):
    periods = [SickPeriod(_date(a), _date(b)) for a, b in case["perioden"]]
    events = []
    for e in case.get("gebeurtenissen", []):
        data = {k: v for k, v in e.items() if k not in ("code", "datum")}
        events.append(Event(e["code"], _date(e["datum"]), data))
    return schedule(CTX, periods, events, peildatum=_date(case.get("peildatum")), aow=case.get("aow", False))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case):
    assert case.get("bron"), "every case names its source"
    sched = build(case)
    expected = case["verwacht"]
    for key in ("eerste_ziektedag", "einde_wachttijd", "wia_start", "loonsanctie_tot"):
        if key in expected:
            assert getattr(sched, key) == expected[key], key
    if "samengesteld" in expected:
        assert sched.wachttijd.is_samengesteld == expected["samengesteld"]
    for code, date in expected.get("uiterlijk", {}).items():
        assert sched.step(code).uiterlijk == date, code
    for code, date in expected.get("voorkeur", {}).items():
        assert sched.step(code).voorkeur == date, code
    for code, status in expected.get("status", {}).items():
        assert sched.step(code).status == status, code
    codes = {s.code for s in sched.stappen}
    for code in expected.get("afwezig", []):
        assert code not in codes
