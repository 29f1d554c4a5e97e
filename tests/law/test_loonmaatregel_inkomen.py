"""A loonstop or loonopschorting in the income paths and the employer's costs (BW 7:629 lid 3 and 6):
small cases computed by hand.

The case: first sick day Monday 5 January 2026, € 4.000,00 a month for 38 hours, the legal 70%:
loondoorbetaling 70% x 400000 = 280000 cents (€ 2.800,00) a month in year 1 (above the minimum-wage floor of
38 hours). Three weeks of measure: Monday 2 March to Sunday 22 March 2026 inclusive = 21 of March's 31 days.
Withheld: 280000 x 21 / 31 = 189677.4 -> 189677 cents (€ 1.896,77).
March as paid: 1 March (1 day) 280000 x 1 / 31 = 9032 + 23-31 March (9 days) 280000 x 9 / 31 = 81290
-> 90322 cents instead of 280000.
"""

from __future__ import annotations

import datetime as dt

from spoorwijzer.law import inkomenspad as ip
from spoorwijzer.law import loonmaatregel as lm
from spoorwijzer.law import werkgeverskosten as wk
from spoorwijzer.law.context import LawContext

D = dt.date
CTX = LawContext.baseline
JUNE = D(2026, 6, 1)
BASE = ip.Invoer(eerste_ziektedag=D(2026, 1, 5), maandloon=400_000, uren_per_week_x100=3800)


def _path(maatregelen, peildatum=JUNE):
    inv = ip.Invoer(**{**BASE.__dict__, "inhoudingen": lm.inhoudingen(CTX(), maatregelen, peildatum)})
    u = ip.bereken(CTX(), inv)
    s = next(s for s in u.scenarios if s.code == "35_minner_zonder_werk")
    return u, {m["maand"]: m["totaal_cent"] for m in s.maanden}


def test_without_a_measure_march_pays_the_full_wage_continuation():
    _, months = _path([])
    assert months["2026-03"] == 280_000


def test_three_weeks_loonstop_pays_nothing_for_those_days_and_is_lost():
    stop = lm.Maatregel("lid3e", D(2026, 3, 2), D(2026, 3, 2), D(2026, 3, 23), "hervat")
    u, months = _path([stop])
    assert months["2026-03"] == 9_032 + 81_290  # 90322: only 1 March and 23-31 March are paid
    assert months["2026-02"] == months["2026-04"] == 280_000  # the months around it untouched
    (i,) = u.as_dict()["inhoudingen"]
    assert (i["van"], i["tot_en_met"], i["dagen"]) == ("2026-03-02", "2026-03-22", 21)
    assert (i["niet_betaald_cent"], i["vervallen_cent"], i["nabetaald_cent"]) == (189_677, 189_677, 0)
    # the receipt says what happened, in Dutch dates and euros
    assert any(
        "2 maart 2026 tot en met 22 maart 2026 (21 dagen)" in s and "vervallen: €\u00a01.896,77" in s
        for s in u.receipt.steps
    )
    # the same amount as the measure's own effect on the year-1 wage continuation
    assert lm.effect(CTX(), stop, lambda _d: 280_000, D(2026, 6, 1)).vervallen_cent == 189_677


def test_loonopschorting_defers_the_pay_to_the_day_it_is_lifted():
    # lifted on 23 March (the employee complied): March pays 90322 + the back pay 189677 = 279999
    # (one cent less than a whole month: each part is rounded on its own)
    opschorting = lm.Maatregel("lid6", D(2026, 3, 2), D(2026, 3, 2), D(2026, 3, 23), "hervat")
    u, months = _path([opschorting])
    assert months["2026-03"] == 90_322 + 189_677
    (i,) = u.as_dict()["inhoudingen"]
    assert (i["nabetaald_cent"], i["nabetaald_op"], i["vervallen_cent"]) == (189_677, "2026-03-23", 0)


def test_a_loonopschorting_lifted_in_april_pays_march_in_april():
    opschorting = lm.Maatregel("lid6", D(2026, 3, 2), D(2026, 3, 2), D(2026, 4, 6), "hervat")
    _, months = _path([opschorting])
    # March: only 1 March paid = 9032; April: 1-5 April withheld too (280000 x 5 / 30 = 46667), 6-30 April paid
    # (280000 x 25 / 30 = 233333) plus the back pay of 2-31 March (280000 x 30 / 31 = 270968) and 1-5 April
    assert months["2026-03"] == 9_032
    assert months["2026-04"] == 233_333 + 270_968 + 46_667


def test_a_running_opschorting_is_held_back_up_to_the_peildatum_and_still_owed():
    opschorting = lm.Maatregel("lid6", D(2026, 3, 2), D(2026, 3, 2))
    u, months = _path([opschorting], peildatum=D(2026, 3, 22))
    assert months["2026-03"] == 90_322  # from 23 March the path assumes pay again (not known yet)
    (i,) = u.as_dict()["inhoudingen"]
    assert (i["opgeschort_cent"], i["nabetaald_cent"], i["vervallen_cent"]) == (189_677, 0, 0)
    assert "loopt nog" in i["omschrijving"]


def test_a_loonstop_found_unjustified_is_back_paid_on_its_end():
    onterecht = lm.Maatregel("lid3c", D(2026, 3, 2), D(2026, 3, 2), D(2026, 3, 23), "onterecht")
    _, months = _path([onterecht])
    assert months["2026-03"] == 90_322 + 189_677


def test_employer_costs_a_loonstop_saves_its_days_an_opschorting_does_not():
    base = wk.bereken(CTX(), wk.WerkgeverInvoer(BASE))
    full = base["posten"][0]["bedrag_cent"]
    stop = lm.Maatregel("lid3e", D(2026, 3, 2), D(2026, 3, 2), D(2026, 3, 23), "hervat")
    opschorting = lm.Maatregel("lid6", D(2026, 3, 2), D(2026, 3, 2), D(2026, 3, 23), "hervat")
    for m, saved in ((stop, 189_677), (opschorting, 0)):
        inv = ip.Invoer(**{**BASE.__dict__, "inhoudingen": lm.inhoudingen(CTX(), [m], D(2026, 6, 1))})
        posten = wk.bereken(CTX(), wk.WerkgeverInvoer(inv))["posten"]
        loon = posten[0]
        # the opschorting's back pay (189677) has its own rounding: the split days are 1 cent short of the month
        assert full - loon["bedrag_cent"] in (saved, saved + 1)
        post = next(p for p in posten if p["code"].startswith("inhouding_"))
        assert "2 maart 2026 tot en met 22 maart 2026 (21 dagen)" in post["naam"]
        assert post["bedrag_cent"] == -saved
        assert ("nabetaald op 23 maart 2026" in post["toelichting"]) == (m is opschorting)
