"""Runs the money table cases in cases/geld.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from spoorwijzer.law import loondoorbetaling as ldb
from spoorwijzer.law import wia, ww
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.money import pct_of

CTX = LawContext.baseline()

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "geld.yaml").read_text(encoding="utf-8"))


def _maandloon(i):
    capped, uncapped = wia.dagloon(CTX, i["sv_jaarloon"], i["datum"])
    return int(wia.maandloon(CTX, capped, i["datum"])), int(capped), int(uncapped)


def _na_lgu(i):
    on = i["datum"]
    mloon, capped, uncapped = _maandloon(i)
    ao = int(wia.ao_basispunten(i["maatman"], i["rvc"]))
    bedrag, lau = wia.lau_of_vvu(
        CTX,
        mloon,
        i["inkomen"],
        int(wia.scaled_income(i["inkomen"], capped, uncapped)),
        i["rvc"],
        int(wia.scaled_income(i["rvc"], capped, uncapped)),
        i["maatman"],
        ao,
        on,
    )
    return {"bedrag": int(bedrag), "lau": bool(lau)}


FUNCTIONS = {
    "maximum_dagloon_70pct": lambda i: int(pct_of(CTX.value("wfsv.maximum_dagloon", i["datum"]), 7000)),
    "maximum_maandloon": lambda i: ldb.maximum_maandloon(CTX, i["datum"]),
    "loondoorbetaling": lambda i: int(
        ldb.per_maand(CTX, i["maandloon"], i["uren"], i["pct"] * 100, i["eerste_jaar"], 0, i["datum"])
    ),
    "wia_klasse": lambda i: wia.KLASSE_CODE[
        int(wia.klasse(CTX, wia.ao_basispunten(i["maatman"], i["rvc"]), i["duurzaam"], i["datum"]))
    ],
    "iva": lambda i: int(
        wia.iva(CTX, _maandloon(i)[0], wia.scaled_income(i["inkomen"], *_maandloon(i)[1:]), i["datum"])
    ),
    "lgu": lambda i: int(wia.lgu(CTX, _maandloon(i)[0], i["inkomen"], i["maand"], i["datum"])),
    "vvu": lambda i: int(wia.vvu(CTX, _maandloon(i)[0], i["ao_pct"] * 100, i["datum"])),
    "na_lgu": _na_lgu,
    "ww_duur": lambda i: int(ww.duur_maanden(CTX, i["voor_2016"], i["vanaf_2016"], i["jareneis"], i["datum"])),
    "ww_uitkering": lambda i: int(ww.uitkering(CTX, i["maandloon"], i["maand"], i["datum"])),
}


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case):
    assert case["bron"] and case["soort"] in ("gepubliceerd", "afgeleid")
    assert FUNCTIONS[case["functie"]](case["invoer"]) == case["verwacht"]
