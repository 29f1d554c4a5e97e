"""The income paths' vector twin gives the scalar path's cents, month for month, on the cases where a phase turns:
a first sick day on a month's first or last day or on 29 February, an interruption, a vrijwillige verlenging, a
loonsanctie shorter than 52 weeks and one ended by repair, a return or placement on a month's first day, partial
work with a cao top-up, a 35-minner household, a horizon of one month; and chunked runs equal one run."""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pytest

from spoorwijzer.law import inkomenspad as ip
from spoorwijzer.law import inkomenspad_vec as iv
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.weeks import SickPeriod

CTX = LawContext.baseline()
PEIL = dt.date(2025, 6, 1)
D = dt.date(2025, 1, 6)


def person(**kw) -> ip.Invoer:
    values = dict(
        eerste_ziektedag=D,
        maandloon=400_000,
        jaren_voor_2016=15,
        jaren_vanaf_2016=9,
        beoordeling=ip.Beoordeling(400_000, 150_000),
        inkomen_wga=120_000,
        prijspeil=PEIL,
        maanden=60,
    )
    values.update(kw)
    return ip.Invoer(**values)


CASES = {
    "eerste_van_de_maand": person(eerste_ziektedag=dt.date(2025, 1, 1)),
    "laatste_van_de_maand": person(eerste_ziektedag=dt.date(2025, 1, 31), maandloon=1_100_000),
    "schrikkeldag": person(eerste_ziektedag=dt.date(2024, 2, 29), sv_jaarloon=9_000_000),
    "onderbreking": person(ziekteperioden=(SickPeriod(D, dt.date(2025, 1, 20)), SickPeriod(dt.date(2025, 2, 1)))),
    "verlenging": person(vrijwillige_verlenging_weken=13),
    "loonsanctie_10_weken": person(loonsanctie_weken=10),
    "loonsanctie_hersteld": person(loonsanctie_weken=52, herstel_vastgesteld=dt.date(2027, 3, 1)),
    "hervatting_op_de_eerste": person(hervatting_datum=dt.date(2025, 9, 1), hervatting_loon=300_000),
    "plaatsing_na_de_wachttijd": person(plaatsing_datum=dt.date(2027, 4, 1), plaatsing_loon=150_000),
    "plaatsing_in_de_wachttijd": person(plaatsing_datum=dt.date(2026, 2, 1), plaatsing_loon=250_000),
    "deels_met_cao": person(
        deels_werken_vanaf=dt.date(2025, 3, 1), gewerkt_percentage=50, percentage_bij_werkhervatting=100
    ),
    "deels_in_jaar_2": person(
        deels_werken_vanaf=dt.date(2026, 3, 15), gewerkt_percentage=25, percentage_jaar1=100, percentage_jaar2=85
    ),
    "duurzaam_volledig": person(beoordeling=ip.Beoordeling(400_000, 0, duurzaam=True)),
    "wga_80_100": person(beoordeling=ip.Beoordeling(400_000, 40_000)),
    "minner_gehuwd": person(beoordeling=ip.Beoordeling(400_000, 300_000), huishouden="gehuwden", referte_eis=False),
    "kort_arbeidsverleden": person(jaren_voor_2016=0, jaren_vanaf_2016=1, jareneis=False),
    "een_maand": person(maanden=1),
    "lange_horizon": person(maanden=130),
}


@pytest.mark.parametrize("name", list(CASES))
def test_vector_twin_equals_the_scalar_path_where_a_phase_turns(name):
    """Every scenario, every month, to the cent."""
    p = CASES[name]
    result = ip.bereken(CTX, p)
    codes = [s.code for s in result.scenarios]
    matrix = iv.bereken(CTX, iv.from_invoer(CTX, [p] * len(codes), codes), PEIL, p.maanden)
    for row, s in zip(matrix, result.scenarios, strict=True):
        assert row.tolist() == [m["totaal_cent"] for m in s.maanden], s.code


def _portfolio():
    people, codes = [], []
    for p in CASES.values():
        for s in ip.bereken(CTX, dataclasses.replace(p, maanden=60)).scenarios:
            people.append(dataclasses.replace(p, maanden=60))
            codes.append(s.code)
    return iv.from_invoer(CTX, people, codes)


def test_chunks_give_the_same_months_as_one_run():
    """A portfolio computed in chunks of 7 persons gives every person's months and the cohort's totals unchanged."""
    arrays = _portfolio()
    whole = iv.bereken(CTX, arrays, PEIL, 60)
    assert (iv.bereken(CTX, arrays, PEIL, 60, chunk=7) == whole).all()
    parts = iv.bereken_onderdelen(CTX, arrays, PEIL, 60, chunk=7)
    assert (parts["totaal"] == whole).all()
    assert (sum(parts[k] for k in iv.ONDERDELEN) == whole).all()
    cohort = iv.bereken_cohort(CTX, arrays, PEIL, 60, chunk=7)
    for k in (*iv.ONDERDELEN, "totaal"):
        assert cohort[k].tolist() == parts[k].sum(axis=0, dtype=np.int64).tolist(), k


def test_without_partial_work_arrays_the_paths_are_those_of_no_partial_work():
    """The policy simulation passes no partial-work columns: the same as 'nobody works partly'."""
    people = [person(), person(eerste_ziektedag=dt.date(2025, 3, 31)), person(loonsanctie_weken=20)]
    codes = ["iva", "wga_niet_werkend", "35_minner_zonder_werk"]
    arrays = iv.from_invoer(CTX, people, codes)
    bare = dataclasses.replace(
        arrays, deels_vanaf=None, gewerkt_bp=None, pct_werkend_jaar1_bp=None, pct_werkend_jaar2_bp=None
    )
    assert (iv.bereken(CTX, bare, PEIL, 60) == iv.bereken(CTX, arrays, PEIL, 60)).all()
    assert (iv.bereken_onderdelen(CTX, bare, PEIL, 60)["loondoorbetaling"] > 0).any()
