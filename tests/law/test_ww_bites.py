"""WW (law/ww.py): the referteperiode for both pay periods, the duration, the amounts and the output the API and
the CLI read (``berekeningen.run("ww", ...)``). Rules a mutation run of ww.py showed unguarded
(benchmarks/mutation.py --module ww.py). Each expected value is worked out by hand from the rule and its source."""

from __future__ import annotations

import datetime as dt

import pytest

from spoorwijzer import berekeningen
from spoorwijzer.law import ww
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput

CTX = LawContext.baseline()
D = dt.date
ON = D(2025, 6, 1)


# --- the referteperiode (Dagloonbesluit art. 2) ----------------------------------------------------------------------
# A year of pay periods that ends with the second full period before the period of the first day of unemployment
# (parameter ww.refertejaar: 12 months or 13 four-week periods, 2 periods back). Four-week periods of the wage
# declaration: period 1 starts on 1 January, each lasts 28 days, period 13 runs to 31 December (the parameter's note).


def test_refertejaar_by_month_the_uwv_example_and_a_year_boundary():
    # UWV: unemployed on 1 April 2019 -> the two months before April are March and February, so the year ends on
    # 28 February 2019 and starts 12 months earlier, 1 March 2018.
    assert ww.refertejaar(CTX, D(2019, 4, 1), "maand") == (D(2018, 3, 1), D(2019, 2, 28))
    # any day of the month gives the same: 31 January 2019 -> back over December and November: 1-12-2017..30-11-2018
    assert ww.refertejaar(CTX, D(2019, 1, 31), "maand") == (D(2017, 12, 1), D(2018, 11, 30))


@pytest.mark.parametrize(
    "eerste_dag, van, tot",
    [
        # 1 April 2019 is day 90 of the year (31 + 28 + 31): 90 // 28 = 3, so four-week period 4 (26 March .. 22
        # April). Two periods back: period 2 of 2019, 1 January + 28 = 29 January .. 25 February 2019. Thirteen
        # periods ending there start with period 3 of 2018: 1 January 2018 + 2 x 28 = 26 February 2018. Together
        # 365 days, because period 13 of 2018 has 29 (3 .. 31 December).
        (D(2019, 4, 1), D(2018, 2, 26), D(2019, 2, 25)),
        # 29 January 2019 is day 28: the first day of period 2. Two back: period 13 of 2018, 3 .. 31 December (the
        # last period runs to the end of the year), and the year starts with period 1 of 2018: the calendar year 2018.
        (D(2019, 1, 29), D(2018, 1, 1), D(2018, 12, 31)),
        # 28 January 2019 (day 27) is still period 1: two back is period 12 of 2018, 1 January 2018 + 11 x 28 =
        # 5 November .. 2 December 2018; it starts with period 13 of 2017, 3 December 2017.
        (D(2019, 1, 28), D(2017, 12, 3), D(2018, 12, 2)),
        # 31 December 2019 is day 364: 364 // 28 = 13, but the year has only 13 periods, so it is period 13.
        # Two back: period 11 of 2019, 1 January + 10 x 28 = 8 October .. 4 November 2019; start period 12 of 2018,
        # 5 November 2018.
        (D(2019, 12, 31), D(2018, 11, 5), D(2019, 11, 4)),
    ],
)
def test_refertejaar_by_four_week_periods(eerste_dag, van, tot):
    assert ww.refertejaar(CTX, eerste_dag, "vier_weken") == (van, tot)


def test_the_pay_period_reaches_the_output_and_an_unknown_one_is_refused():
    out = berekeningen.run(
        "ww",
        {
            "datum": "2025-06-01",
            "eerste_werkloosheidsdag": "2019-04-01",
            "jaren_voor_2016": 12,
            "aangiftetijdvak": "vier_weken",
        },
    )
    # the four-week year of the case above, not the months' 2018-03-01 .. 2019-02-28
    assert (out["refertejaar_van"], out["refertejaar_tot_en_met"]) == ("2018-02-26", "2019-02-25")
    assert "Referteperiode voor het dagloon: 2018-02-26 t/m 2019-02-25 (vier_weken)." in out["bon"]["stappen"]
    with pytest.raises(InvalidInput) as err:
        ww.refertejaar(CTX, D(2019, 4, 1), "week")
    assert str(err.value) == "Onbekend aangiftetijdvak 'week': kies uit maand, vier_weken."


# --- the duration (WW art. 42a) --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "voor, vanaf, maanden",
    [
        # the first 10 years count a month each, whichever side of 2016 they fall: 5 + 5 years = 10 months; the
        # other 5 years from 2016 count half a month: 2,5, rounded down to 2 (the parameter's note): 12
        (5, 10, 12),
        # all 15 years from 2016: 10 + 5 x 0,5 = 12,5 -> 12 whole months (never a half month)
        (0, 15, 12),
        # 4 years: 4 months; 2 years: 2 months, raised to the minimum of 3 (the wekeneis's duration)
        (4, 0, 4),
        (2, 0, 3),
        # 30 years before 2016: 10 + 20 = 30, capped at 24
        (30, 0, 24),
    ],
)
def test_duration_from_the_years_worked(voor, vanaf, maanden):
    duur = ww.duur_maanden(CTX, voor, vanaf, True, ON)
    assert duur == maanden and float(duur).is_integer()


def test_negative_years_are_refused_whichever_side_of_2016():
    for voor, vanaf in ((-1, 0), (0, -1)):
        with pytest.raises(InvalidInput) as err:
            ww.bereken(CTX, ww.WwInvoer(datum=ON, jaren_voor_2016=voor, jaren_vanaf_2016=vanaf))
        assert str(err.value) == "Het arbeidsverleden kan geen negatief aantal jaren zijn."
    with pytest.raises(InvalidInput) as err:
        ww.bereken(CTX, ww.WwInvoer(datum=ON))
    assert str(err.value) == (
        "Geef het arbeidsverleden vóór 2016 in jaren (ook 0); er wordt geen arbeidsverleden verondersteld."
    )


def test_an_unknown_household_names_the_choices():
    with pytest.raises(InvalidInput) as err:
        ww.bijstand_norm(CTX, "samenwonend", ON)
    assert str(err.value) == "Onbekend huishouden 'samenwonend': kies uit alleenstaande, gehuwden."


# --- the whole answer ------------------------------------------------------------------------------------------------


def test_ww_output_with_amounts():
    # SV-loon in the referteperiode 51.840: dagloon 51.840 / 261 = 198,62; maandloon 198,62 x 21,75 = 4.319,985 ->
    # 4.319,99. WW art. 47: 75% = 3.239,99 for 2 months, then 70% = 3.023,99. 12 years before 2016: 10 + 2 = 12
    # months from 1 April 2019, last day 31 March 2020. Bijstandsnorm for a single person on 1 June 2025: 1.345,45.
    out = berekeningen.run(
        "ww",
        {"datum": "2025-06-01", "eerste_werkloosheidsdag": "2019-04-01", "jaren_voor_2016": 12, "sv_jaarloon": 51840},
    )
    bon = out.pop("bon")
    assert out == {
        "onderwerp": "ww",
        "recht_op_ww": True,
        "duur_maanden": 12,
        "eerste_werkloosheidsdag": "2019-04-01",
        "einddatum": "2020-03-31",
        "refertejaar_van": "2018-03-01",
        "refertejaar_tot_en_met": "2019-02-28",
        "hoog_maanden": 2,
        "hoog_percentage": 75,
        "daarna_percentage": 70,
        "maandloon_cent": 431_999,
        "eerste_maanden_per_maand_cent": 323_999,
        "daarna_per_maand_cent": 302_399,
        "bijstand_per_maand_cent_netto_benadering": 134_545,
        "toelichting": "WW-dagloon benaderd met het loon van de referteperiode / 261 (het WW-dagloon telt loonloze "
        "tijdvakken niet mee).",
    }
    assert bon["stappen"] == [
        "Referteperiode voor het dagloon: 2018-03-01 t/m 2019-02-28 (maand).",
        "Duur uit arbeidsverleden (12 jaar vóór 2016, 0 vanaf 2016): 12 maanden.",
        out["toelichting"],
    ]
    # the receipt carries what was asked, the wage in cents
    assert bon["invoer"] == {
        "datum": "2025-06-01",
        "jaren_voor_2016": 12,
        "jaren_vanaf_2016": 0,
        "jareneis": True,
        "wekeneis": True,
        "sv_jaarloon": 5_184_000,
        "eerste_werkloosheidsdag": "2019-04-01",
        "aangiftetijdvak": "maand",
        "huishouden": "alleenstaande",
    }


def test_ww_without_the_jareneis_gets_the_minimum_and_a_short_right_has_fewer_high_months():
    # WW art. 42a: without the jareneis (4 of the last 5 years) only the 3 months of the wekeneis; no wage given:
    # only the duration, and the answer says so.
    out = berekeningen.run("ww", {"datum": "2025-06-01", "jaren_voor_2016": 12, "jareneis": False})
    assert (out["recht_op_ww"], out["duur_maanden"], out["hoog_maanden"]) == (True, 3, 2)
    assert (out["eerste_werkloosheidsdag"], out["einddatum"], out["refertejaar_van"]) == (None, None, None)
    assert out["toelichting"] == "Alleen de duur: geef het loon in de referteperiode voor de bedragen."
    assert out["bon"]["stappen"] == [
        "Duur uit arbeidsverleden (12 jaar vóór 2016, 0 vanaf 2016, jareneis niet gehaald): 3 maanden."
    ]


def test_without_the_wekeneis_there_is_no_right_but_the_period_and_rates_are_still_stated():
    # WW art. 17: 26 of the last 36 weeks; not met: no WW at all (duration 0, no high months), while the
    # referteperiode (UWV example) and the legal rates are still shown.
    out = berekeningen.run(
        "ww", {"datum": "2025-06-01", "eerste_werkloosheidsdag": "2019-04-01", "jaren_voor_2016": 12, "wekeneis": False}
    )
    bon = out.pop("bon")
    text = "Niet voldaan aan de wekeneis (26 van de laatste 36 weken gewerkt, WW art. 17): geen recht op WW."
    assert out == {
        "onderwerp": "ww",
        "recht_op_ww": False,
        "duur_maanden": 0,
        "eerste_werkloosheidsdag": "2019-04-01",
        "einddatum": None,
        "refertejaar_van": "2018-03-01",
        "refertejaar_tot_en_met": "2019-02-28",
        "hoog_maanden": 0,
        "hoog_percentage": 75,
        "daarna_percentage": 70,
        "toelichting": text,
    }
    assert bon["stappen"] == ["Referteperiode voor het dagloon: 2018-03-01 t/m 2019-02-28 (maand).", text]
