"""Income paths: the scalar and the vectorised path agree to the cent; behaviour a person would check."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spoorwijzer.law import inkomenspad as ip
from spoorwijzer.law import inkomenspad_vec as iv
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput

CTX = LawContext.baseline()

PEIL = dt.date(2025, 6, 1)


@st.composite
def persons(draw):
    d = draw(st.dates(dt.date(2024, 1, 1), dt.date(2026, 6, 30)))
    loon = draw(st.integers(150_000, 1_200_000))
    maatman = draw(st.integers(150_000, 900_000))
    beoordeling = None
    if draw(st.booleans()):
        beoordeling = ip.Beoordeling(maatman, draw(st.integers(0, maatman)), draw(st.booleans()))
    stop = d + dt.timedelta(days=draw(st.integers(0, 900)))
    return ip.Invoer(
        eerste_ziektedag=d,
        maandloon=loon,
        uren_per_week_x100=draw(st.integers(800, 4000)),
        sv_jaarloon=draw(st.none() | st.integers(100_000, 15_000_000)),
        percentage_jaar1=draw(st.sampled_from([70, 85, 100])),
        percentage_jaar2=draw(st.sampled_from([70, 85])),
        jaren_voor_2016=draw(st.integers(0, 40)),
        jaren_vanaf_2016=draw(st.integers(0, 10)),
        jareneis=draw(st.booleans()),
        referte_eis=draw(st.booleans()),
        huishouden=draw(st.sampled_from(["alleenstaande", "gehuwden"])),
        beoordeling=beoordeling,
        hervatting_datum=stop,
        hervatting_loon=draw(st.none() | st.integers(0, 900_000)),
        plaatsing_datum=stop,
        plaatsing_loon=draw(st.integers(0, 900_000)),
        inkomen_wga=draw(st.integers(0, 600_000)),
        deels_werken_vanaf=d + dt.timedelta(days=draw(st.integers(0, 800))),
        gewerkt_percentage=draw(st.sampled_from([0, 25, 50])),
        percentage_bij_werkhervatting=draw(st.none() | st.sampled_from([70, 90, 100])),
        prijspeil=PEIL,
        maanden=draw(st.integers(1, 130)),
    )


@given(st.lists(persons(), min_size=1, max_size=8))
@settings(max_examples=60, deadline=None)
def test_vector_twin_equals_scalar(people):
    for person in people:
        result = ip.bereken(CTX, person)
        codes = [s.code for s in result.scenarios]
        matrix = iv.bereken(CTX, iv.from_invoer(CTX, [person] * len(codes), codes), PEIL, person.maanden)
        for row, s in zip(matrix, result.scenarios, strict=True):
            assert row.tolist() == [m["totaal_cent"] for m in s.maanden], s.code


def base(**kw):
    values = dict(
        eerste_ziektedag=dt.date(2025, 1, 6),
        maandloon=400_000,
        jaren_voor_2016=15,
        jaren_vanaf_2016=9,
        beoordeling=ip.Beoordeling(400_000, 150_000, bron="AD-rapport 1-12-2025"),
        inkomen_wga=120_000,
    )
    values.update(kw)
    return ip.Invoer(**values)


def test_wga_not_working_falls_to_vervolguitkering_after_the_lgu():
    result = ip.bereken(CTX, base())
    s = next(s for s in result.scenarios if s.code == "wga_niet_werkend")
    kinds = [f.soort for f in s.fasen]
    assert kinds[-1] == "wga_vvu"
    vvu = s.fasen[-1]
    assert vvu.start == dt.date(2028, 8, 4)  # WIA from 2027-01-04 plus 19 months of LGU
    assert vvu.bedrag == 92_056  # 42% of the 2025 minimum wage: far below the 70% LGU


def test_working_at_least_half_the_rvc_keeps_loonaanvulling():
    result = ip.bereken(CTX, base())
    s = next(s for s in result.scenarios if s.code == "wga_werkend")
    assert s.fasen[-1].soort == "wga_lau"
    werkend = s.maanden[-1]["totaal_cent"]
    niet = next(x for x in result.scenarios if x.code == "wga_niet_werkend").maanden[-1]["totaal_cent"]
    assert werkend > 3 * niet  # the income cliff the seeds say employees do not see


def test_without_judgement_wga_is_not_invented():
    result = ip.bereken(CTX, base(beoordeling=None))
    codes = {s.code for s in result.scenarios}
    assert "wga_niet_werkend" not in codes
    assert "arbeidsdeskundige" in result.niet_berekend["wga_niet_werkend"]


def test_receipt_names_parameters_and_flags_provisional_values():
    result = ip.bereken(LawContext.baseline(), base(prijspeil=dt.date(2026, 9, 1)))
    bon = result.receipt.as_dict()
    names = {p["naam"] for p in bon["parameters"]}
    assert {"wfsv.maximum_dagloon", "wia.wga", "ww.duur"} <= names
    assert any("voorlopig" in w for w in bon["waarschuwingen"])


def test_prices_of_an_uncovered_date_are_refused():
    from spoorwijzer.law.errors import ParameterNotCovered

    with pytest.raises(ParameterNotCovered):
        ip.bereken(CTX, base(prijspeil=dt.date(2019, 1, 1)))


@pytest.mark.parametrize(
    "kw, phrase",
    [
        ({"maandloon": 0}, "maandloon"),
        ({"inkomen_wga": -1}, "negatief"),
        ({"hervatting_datum": dt.date(2024, 1, 1)}, "vóór de eerste ziektedag"),
        ({"beoordeling": ip.Beoordeling(0, 0)}, "maatmaninkomen"),
        ({"percentage_jaar1": 60}, "ten minste 70%"),
    ],
)
def test_bad_input_is_refused_in_dutch(kw, phrase):
    with pytest.raises(InvalidInput, match=phrase):
        ip.bereken(CTX, base(**kw))


def test_add_months_twins_agree_on_month_ends():
    days = [dt.date(2024, 1, 31), dt.date(2024, 2, 29), dt.date(2025, 8, 31), dt.date(2026, 12, 15)]
    arr = np.array(days, dtype="datetime64[D]")
    for k in (1, 2, 13, 19, 24):
        assert [d.astype(object) for d in iv.add_months(arr, k)] == [ip.add_months(d, k) for d in days]


def test_cao_top_up_rewards_working_partly():
    """RSC 2025 bouwsteen 2: wie mogelijkheden benut, gaat erop vooruit."""
    zonder = ip.bereken(CTX, base(deels_werken_vanaf=dt.date(2025, 6, 1), gewerkt_percentage=50))
    met = ip.bereken(
        CTX, base(deels_werken_vanaf=dt.date(2025, 6, 1), gewerkt_percentage=50, percentage_bij_werkhervatting=100)
    )

    def month(result, code, ym):
        s = next(s for s in result.scenarios if s.code == code)
        return next(m["totaal_cent"] for m in s.maanden if m["maand"] == ym)

    # half the hours worked (2.000) + half sick at 70% (1.400) = 3.400; with the top-up the sick half is 100%: 4.000
    assert month(zonder, "iva", "2025-08") == 340_000
    assert month(met, "iva", "2025-08") == 400_000
    assert "beloning bij werkhervatting" in " ".join(met.receipt.steps)


def test_placed_after_the_wachttijd_the_wga_runs_from_the_wia_start():
    """WIA from 4 January 2027 (WGA 35-80), the new job on 1 April 2027. The WGA starts at the WIA start whatever
    the placement: until 1 April as for someone not working, from then as for someone earning the new wage, its
    LGU months counted from 4 January. The path showed no income at all for those three months (review, session
    6), and started the LGU only at the placement."""
    loon = 120_000
    result = ip.bereken(CTX, base(plaatsing_datum=dt.date(2027, 4, 1), plaatsing_loon=loon, inkomen_wga=loon))
    by = {s.code: s for s in result.scenarios}
    maand = {code: {m["maand"]: m["totaal_cent"] for m in s.maanden} for code, s in by.items()}
    for m in ("2027-02", "2027-03"):  # whole months between the WIA start and the placement
        assert maand["nieuwe_werkgever"][m] == maand["wga_niet_werkend"][m] > 0, m
    for m in ("2027-05", "2028-08", "2029-06"):  # from the placement: the working-WGA path, LGU then LAU
        assert maand["nieuwe_werkgever"][m] == maand["wga_werkend"][m], m
    assert [f.start for f in by["nieuwe_werkgever"].fasen if f.soort == "wga_lau"] == [dt.date(2028, 8, 4)]


def test_placed_after_the_wachttijd_without_wga_the_receipt_says_the_gap_is_not_counted():
    result = ip.bereken(CTX, base(beoordeling=None, plaatsing_datum=dt.date(2027, 4, 1), plaatsing_loon=120_000))
    stappen = " ".join(result.receipt.as_dict()["stappen"])
    assert "tussen het einde van de wachttijd (3 januari 2027) en de plaatsing (1 april 2027)" in stappen
    assert "35-minner zonder werk" in stappen
