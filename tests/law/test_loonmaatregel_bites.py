"""Loonstop and loonopschorting (law/loonmaatregel.py, BW 7:629 lid 3, 6 and 7): the whole effect of a measure in
each of its states, the day it counts up to, the withheld days the income paths get, the wage it withholds and the
Dutch refusals word for word. Rules a mutation run of loonmaatregel.py showed unguarded (benchmarks/mutation.py
--module loonmaatregel.py). Each expected value is worked out by hand from the rule and its source."""

from __future__ import annotations

import datetime as dt

import pytest

from spoorwijzer.law import inkomenspad as ip
from spoorwijzer.law import loonmaatregel as lm
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput
from spoorwijzer.law.weeks import SickPeriod

CTX = LawContext.baseline()
D = dt.date


def loon(_day):
    return 310_000  # € 3.100,00 wage continuation a month: € 100,00 a day in March (31 days)


def refused(m: lm.Maatregel) -> str:
    with pytest.raises(InvalidInput) as err:
        lm.controleer(CTX, m)
    return str(err.value)


# --- the effect of one measure up to the peildatum -------------------------------------------------------------------


def test_a_running_loonstop_loses_the_wage_of_every_day_up_to_the_peildatum():
    # lid 3: no right to wage for the days of the measure. 10 to 20 March 2026 inclusive = 11 days x € 100,00;
    # the measure's end (1 April) lies after the peildatum, so it still runs and only days up to the peildatum count
    m = lm.Maatregel("lid3c", D(2026, 3, 10), D(2026, 3, 10), D(2026, 4, 1))
    assert lm.effect(CTX, m, loon, D(2026, 3, 20)) == lm.Effect(
        m, 11, 110_000, 110_000, 0, 0, True, "Loonstop loopt: over deze dagen is geen loon verschuldigd."
    )


def test_a_loonstop_that_ends_on_the_peildatum_no_longer_runs():
    # 'tot' is the first day with wage again: ended on 20 March, so 10-19 March = 10 days, and on the peildatum the
    # wage is paid again: not running, the wage of the 10 days lost for good
    m = lm.Maatregel("lid3b", D(2026, 3, 10), D(2026, 3, 9), D(2026, 3, 20), "hervat")
    assert lm.effect(CTX, m, loon, D(2026, 3, 20)) == lm.Effect(
        m, 10, 100_000, 100_000, 0, 0, False, "Loonstop beëindigd."
    )


def test_a_loonstop_found_unjustified_is_paid_after_all():
    m = lm.Maatregel("lid3e", D(2026, 3, 10), D(2026, 3, 9), D(2026, 3, 20), "onterecht")
    assert lm.effect(CTX, m, loon, D(2026, 6, 1)) == lm.Effect(
        m, 10, 100_000, 0, 100_000, 0, False, "Loonstop was onterecht: het loon wordt nabetaald."
    )


def test_a_loonopschorting_held_back_while_it_runs_paid_when_lifted():
    # lid 6: only suspended, the wage stays owed. 10-31 March = 22 days x € 100,00
    running = lm.Maatregel("lid6", D(2026, 3, 10), D(2026, 3, 10))
    assert lm.effect(CTX, running, loon, D(2026, 3, 31)) == lm.Effect(
        running, 22, 220_000, 0, 0, 220_000, True, "Loonopschorting loopt: het loon blijft verschuldigd."
    )
    lifted = lm.Maatregel("lid6", D(2026, 3, 10), D(2026, 3, 10), D(2026, 4, 1), "hervat")
    assert lm.effect(CTX, lifted, loon, D(2026, 5, 1)) == lm.Effect(
        lifted, 22, 220_000, 0, 220_000, 0, False, "Loonopschorting opgeheven: het opgeschorte loon wordt nabetaald."
    )
    onterecht = lm.Maatregel("lid6", D(2026, 3, 10), D(2026, 3, 10), D(2026, 4, 1), "onterecht")
    assert lm.effect(CTX, onterecht, loon, D(2026, 5, 1)) == lm.Effect(
        onterecht, 22, 220_000, 0, 220_000, 0, False, "Loonopschorting was onterecht: het loon wordt nabetaald."
    )


def test_a_measure_that_starts_after_the_peildatum_withholds_nothing_yet():
    m = lm.Maatregel("lid3c", D(2026, 3, 10), D(2026, 3, 10))
    e = lm.effect(CTX, m, loon, D(2026, 3, 5))
    assert (e.dagen, e.niet_betaald_cent, e.vervallen_cent) == (0, 0, 0)


# --- lid 7 and the other refusals, word for word ---------------------------------------------------------------------


def test_the_refusals_word_for_word():
    assert refused(lm.Maatregel("lid9", D(2026, 3, 10), D(2026, 3, 10))) == (
        "Onbekende grond 'lid9' voor een loonmaatregel."
    )
    # lid 7: the employer cannot invoke a measure without telling the employee without delay; the name of the
    # measure in lower case
    assert refused(lm.Maatregel("lid3c", D(2026, 3, 10), None)) == (
        "Een loonstop kan alleen als de werknemer onverwijld is meegedeeld dat en waarom (BW 7:629 lid 7). Vul de "
        "datum van die mededeling in."
    )
    assert refused(lm.Maatregel("lid6", D(2026, 3, 10), None)).startswith("Een loonopschorting kan alleen als")
    assert refused(lm.Maatregel("lid6", D(2026, 3, 10), D(2026, 3, 11))) == (
        "De mededeling aan de werknemer (11-03-2026) ligt na de ingangsdatum (10-03-2026); op een maatregel die niet "
        "vooraf is meegedeeld kan de werkgever zich niet beroepen (BW 7:629 lid 7). Laat de maatregel ingaan op of "
        "na de dag van de mededeling."
    )
    # an end on the first day (the measure would last no day at all) or before it
    for tot in (D(2026, 3, 10), D(2026, 3, 9)):
        assert refused(lm.Maatregel("lid3c", D(2026, 3, 10), D(2026, 3, 10), tot)) == (
            "De maatregel kan niet eindigen op of vóór de dag waarop hij inging."
        )
    assert refused(lm.Maatregel("lid3c", D(2026, 3, 10), D(2026, 3, 10), D(2026, 3, 11), "vergeten")) == (
        "Onbekend gevolg 'vergeten'."
    )
    # one day long, told on the day before, each known ending: allowed
    for gevolg in (None, *lm.EINDE_GEVOLGEN):
        lm.controleer(CTX, lm.Maatregel("lid3c", D(2026, 3, 10), D(2026, 3, 9), D(2026, 3, 11), gevolg))


# --- the withheld days the income paths and the employer's costs get ------------------------------------------------


def test_withheld_days_for_the_income_paths_in_each_state():
    peil = D(2026, 6, 1)
    stop = lm.Maatregel("lid3c", D(2026, 3, 2), D(2026, 3, 2), D(2026, 3, 23), "hervat")
    onterecht = lm.Maatregel("lid3d", D(2026, 3, 2), D(2026, 3, 2), D(2026, 3, 23), "onterecht")
    lifted = lm.Maatregel("lid6", D(2026, 3, 2), D(2026, 3, 2), D(2026, 3, 23), "hervat")
    assert lm.inhoudingen(CTX, [stop, onterecht, lifted], peil) == (
        # a loonstop that stands: the days [2 March, 23 March) lost, never paid
        ip.Inhouding(D(2026, 3, 2), D(2026, 3, 23), "loonstop", "Loonstop (BW 7:629 lid 3 onder c)"),
        # found unjustified: all withheld wage paid on the day it ended
        ip.Inhouding(D(2026, 3, 2), D(2026, 3, 23), "loonstop", "Loonstop (BW 7:629 lid 3 onder d)", D(2026, 3, 23)),
        # an opschorting lifted: paid on the day it is lifted
        ip.Inhouding(D(2026, 3, 2), D(2026, 3, 23), "opschorting", "Loonopschorting (BW 7:629 lid 6)", D(2026, 3, 23)),
    )


def test_running_measures_count_up_to_and_including_the_peildatum():
    peil = D(2026, 3, 22)
    stop = lm.Maatregel("lid3c", D(2026, 3, 2), D(2026, 3, 2))
    opschorting = lm.Maatregel("lid6", D(2026, 3, 2), D(2026, 3, 2), D(2026, 4, 1))
    # still running on 22 March: the days [2 March, 23 March), not known after that; the loonstop's wage is lost so
    # far (not 'opgeschort'), the opschorting's still owed
    assert lm.inhoudingen(CTX, [stop, opschorting], peil) == (
        ip.Inhouding(
            D(2026, 3, 2), D(2026, 3, 23), "loonstop", "Loonstop (BW 7:629 lid 3 onder c) (loopt nog)", loopt=True
        ),
        ip.Inhouding(
            D(2026, 3, 2),
            D(2026, 3, 23),
            "opschorting",
            "Loonopschorting (BW 7:629 lid 6) (loopt nog)",
            None,
            opgeschort=True,
            loopt=True,
        ),
    )
    # wage again from 23 March, the day after the peildatum: it ended, with nothing unknown after it
    ended = lm.Maatregel("lid3c", D(2026, 3, 2), D(2026, 3, 2), D(2026, 3, 23), "hervat")
    assert lm.inhoudingen(CTX, [ended], peil) == (
        ip.Inhouding(D(2026, 3, 2), D(2026, 3, 23), "loonstop", "Loonstop (BW 7:629 lid 3 onder c)"),
    )
    # wage again only from 24 March: 23 March is not known yet, so it still runs and counts up to the peildatum
    two_days = lm.Maatregel("lid3c", D(2026, 3, 2), D(2026, 3, 2), D(2026, 3, 24), "hervat")
    assert lm.inhoudingen(CTX, [two_days], peil) == (
        ip.Inhouding(
            D(2026, 3, 2), D(2026, 3, 23), "loonstop", "Loonstop (BW 7:629 lid 3 onder c) (loopt nog)", loopt=True
        ),
    )
    # one that starts on the day after the peildatum withholds nothing yet, and the measures after it still count;
    # one that starts on it, that one day
    later = lm.Maatregel("lid3c", D(2026, 3, 23), D(2026, 3, 23))
    assert lm.inhoudingen(CTX, [later], peil) == ()
    assert lm.inhoudingen(CTX, [later, ended], peil) == lm.inhoudingen(CTX, [ended], peil)
    today = lm.Maatregel("lid3c", peil, peil)
    assert [(i.van, i.tot) for i in lm.inhoudingen(CTX, [today], peil)] == [(peil, D(2026, 3, 23))]


def test_a_measure_without_notice_is_refused_on_its_way_to_the_income_paths():
    with pytest.raises(InvalidInput, match="lid 7"):
        lm.inhoudingen(CTX, [lm.Maatregel("lid3c", D(2026, 3, 2), None)], D(2026, 6, 1))


# --- the wage a measure withholds ------------------------------------------------------------------------------------


def test_the_wage_withheld_is_year_one_then_year_two_from_day_365():
    # € 3.200 a month, 38 hours, sick from 22 July 2025 (test_inkomenspad_bevindingen): year 1 lifted to the
    # minimum wage 14,40 x 38 x 52 / 12 = 2.371,20; year 2 70% = 2.240,00 from day 364 (7 x 52), 21 July 2026
    inv = ip.Invoer(eerste_ziektedag=D(2025, 7, 22), maandloon=320_000, uren_per_week_x100=3800)
    w = lm.loon(CTX, inv)
    assert w == lm.Loon(237_120, 224_000, D(2026, 7, 21))
    assert (w.per_maand(D(2026, 7, 20)), w.per_maand(D(2026, 7, 21))) == (237_120, 224_000)
    # a cao with 100% and 80%: 3.200,00 and 2.560,00
    cao = lm.loon(CTX, ip.Invoer(**{**inv.__dict__, "percentage_jaar1": 100, "percentage_jaar2": 80}))
    assert (cao.jaar1_cent, cao.jaar2_cent) == (320_000, 256_000)


def test_an_interruption_moves_the_start_of_year_two():
    # sick 22-31 July 2025, better 1-10 August (10 days, under four weeks: samentelling, BW 7:629 lid 10), sick
    # again from 11 August: the 10 days do not count, so day 364 falls 10 days later, on 31 July 2026
    inv = ip.Invoer(
        eerste_ziektedag=D(2025, 7, 22),
        maandloon=320_000,
        ziekteperioden=(SickPeriod(D(2025, 7, 22), D(2025, 7, 31)), SickPeriod(D(2025, 8, 11))),
    )
    assert lm.loon(CTX, inv).jaar2_vanaf == D(2026, 7, 31)
