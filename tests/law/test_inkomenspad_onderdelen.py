"""The income path split by payer (wages, the employer's wage continuation, benefits) agrees to the cent
with the scalar path's phases, month by month; the parts add up to the total."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from spoorwijzer.law import inkomenspad as ip
from spoorwijzer.law import inkomenspad_vec as iv
from tests.law.test_inkomenspad import CTX, PEIL, persons

PAYER = {"loon": "loon", "inkomen": "loon", "loondoorbetaling": "loondoorbetaling"}  # everything else is a benefit


@given(st.lists(persons(), min_size=1, max_size=5))
@settings(max_examples=40, deadline=None)
def test_parts_equal_the_scalar_phases_by_payer(people):
    for person in people:
        result = ip.bereken(CTX, person)
        codes = [s.code for s in result.scenarios]
        arrays = iv.from_invoer(CTX, [person] * len(codes), codes)
        parts = iv.bereken_onderdelen(CTX, arrays, PEIL, person.maanden)
        total = iv.bereken(CTX, arrays, PEIL, person.maanden)
        assert (parts["totaal"] == total).all()
        for i, s in enumerate(result.scenarios):
            for m, month in enumerate(s.maanden):
                expected = {"loon": 0, "loondoorbetaling": 0, "uitkering": 0}
                for soort, cents in month["delen"].items():
                    expected[PAYER.get(soort, "uitkering")] += cents
                got = {k: int(parts[k][i, m]) for k in expected}
                assert got == expected, (s.code, month["maand"])


@given(st.lists(persons(), min_size=1, max_size=12))
@settings(max_examples=30, deadline=None)
def test_cohort_sums_equal_the_sum_of_every_persons_months(people):
    codes = [iv.SCENARIO_CODES[i % len(iv.SCENARIO_CODES)] for i in range(len(people))]
    months = max(p.maanden for p in people)
    arrays = iv.from_invoer(CTX, people, codes)
    parts = iv.bereken_onderdelen(CTX, arrays, PEIL, months, chunk=5)
    sums = iv.bereken_cohort(CTX, arrays, PEIL, months, chunk=5)
    for k in ("loon", "loondoorbetaling", "uitkering", "totaal"):
        assert sums[k].tolist() == parts[k].astype("int64").sum(axis=0).tolist(), k
