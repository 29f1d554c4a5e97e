"""The RIV-toets (law/toets.py) finding by finding: for each rule and each of its branches, the verdict, the date by
which to repair, the weeks the repair takes (which drive the expected loonsanctie), who judges, and the Dutch text the
casemanager reads on the case page and in the RIV check. Rules a mutation run of toets.py showed unguarded
(benchmarks/mutation.py --module toets.py).

The dossier is the one of tests/law/test_toets.py: first sick day Monday 6 January 2025 (D), every step on time.
Its dates, worked out once (D + n days):
  D+41  16 februari 2025   end of sick week 6: the probleemanalyse (Regeling procesgang art. 2 lid 2)
  D+30  5 februari 2025    probleemanalyse held; the plan van aanpak within two weeks after it: 19 februari 2025
  D+40  15 februari 2025   plan van aanpak held; the first evaluation within six weeks: 29 maart 2025
  D+294 27 oktober 2025    ziekmelding bij UWV: end of week 42 (Sunday 26 October) moved to Monday by the
                           Algemene termijnenwet
  D+363 4 januari 2026     end of week 52: eerstejaarsevaluatie and the route advice
  D+350 22 december 2025   eerstejaarsevaluatie held; track 2 within six weeks: 2 februari 2026 (D+392)
  D+370 11 januari 2026    track 2 started; its start documents within six weeks: 22 februari 2026
  D+636 4 oktober 2026     end of week 91: actueel oordeel, eindevaluatie and the re-integratieverslag
  D+700 7 december 2026    the usual peildatum; one week later (administrative repair) 14 december 2026
  D+727 3 januari 2027     end of the wachttijd (104 weeks)
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from spoorwijzer.law import toets as t
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput
from spoorwijzer.law.weeks import SickPeriod
from tests.law.test_toets import complete, finding, on, run, without_step

DAY = dt.timedelta(days=1)
D0 = on(0)  # 6 January 2025
START = on(370)  # the trajectory's start in the complete dossier
NO_TRACK_TWO = {
    "tweede_spoor": None,
    "re_integratieplan": None,
    "zoekprofielen": (),
    "zoekactiviteit": (),
    "oordelen": (),
    "laatste_zoekactiviteit": None,
}
UWV_WEEGT = "UWV (verzekeringsarts en arbeidsdeskundige) bij de RIV-toets: of de grond deugdelijk is"
UWV_TOETS = "UWV (verzekeringsarts en arbeidsdeskundige) bij de RIV-toets"


def seen(b: t.Bevinding) -> dict:
    """What the case page and the RIV check show of one finding."""
    return {
        "oordeel": b.oordeel,
        "uitleg": b.uitleg,
        "herstelactie": b.herstelactie,
        "herstel_uiterlijk": b.herstel_uiterlijk,
        "herstel_stap": b.herstel_stap,
        "wie_oordeelt": b.wie_oordeelt,
        "herstel_weken": b.herstel_weken,
    }


def shown(oordeel, uitleg, herstelactie="", herstel_uiterlijk=None, herstel_stap=None, wie_oordeelt="", weken=0):
    return {
        "oordeel": oordeel,
        "uitleg": uitleg,
        "herstelactie": herstelactie,
        "herstel_uiterlijk": herstel_uiterlijk,
        "herstel_stap": herstel_stap,
        "wie_oordeelt": wie_oordeelt,
        "herstel_weken": weken,
    }


def check(facts: t.ToetsFeiten, code: str, oordeel: str, uitleg: str, **kw) -> t.ToetsUitkomst:
    u = run(facts)
    kw.setdefault("herstel_stap", t.REGEL[code].herstel_stap)
    assert seen(finding(u, code)) == shown(oordeel, uitleg, **kw)
    return u


def with_step_on(facts: t.ToetsFeiten, code: str, offset: int) -> t.ToetsFeiten:
    return dataclasses.replace(
        facts, stappen=tuple(t.Stap(s.code, on(offset) if s.code == code else s.datum) for s in facts.stappen)
    )


def refused(facts: t.ToetsFeiten) -> str:
    with pytest.raises(InvalidInput) as err:
        run(facts)
    return str(err.value)


# --- no toets at all: AOW age on the first sick day, recovery -----------------------------------------------------


def test_an_employee_past_the_aow_age_has_a_short_loondoorbetaling_and_no_toets_said_in_weeks():
    """BW 7:629 lid 2: past the AOW age the employer pays 6 weeks (first sick day 6 January 2025: to 16 February
    2025); there is no WIA claim, so no RIV-toets. Every rule says so, in weeks and a Dutch date (the text once
    read '42 days, 0:00:00')."""
    u = run(complete(30, aow_op_eerste_ziektedag=True))
    text = (
        "De werknemer had op de eerste ziektedag de AOW-leeftijd: de loondoorbetaling duurt dan 6 weken (tot en met "
        "16 februari 2025) en er volgt geen WIA-beoordeling, dus geen RIV-toets."
    )
    assert [(b.code, b.oordeel, b.uitleg) for b in u.bevindingen] == [(r.code, t.NVT, text) for r in t.REGELS]
    assert u.einde_wachttijd == dt.date(2025, 2, 16)
    assert (u.tweede_spoor_vereist, u.tweede_spoor_uiterlijk, u.bevredigend_resultaat) == (None, None, False)
    assert (u.loonsanctie_mogelijk, u.verwachte_loonsanctie_weken, u.verwachte_loonsanctie_cent) == (False, 0, 0)
    assert "poortwachter.aow_loondoorbetaling_weken" in {p["naam"] for p in u.receipt.as_dict()["parameters"]}


def test_a_recovered_employee_gets_no_toets_but_one_still_sick_on_the_peildatum_does():
    """No WIA claim after recovery, so no RIV-toets; the sick period ending on the peildatum itself is still sick
    that day, and the toets runs."""
    u = run(complete(100, perioden=(SickPeriod(D0, on(99)),)))
    text = "Hersteld: de ziekteperiode eindigde op 15 april 2025. Zonder WIA-aanvraag volgt geen RIV-toets."
    assert [(b.code, b.oordeel, b.uitleg) for b in u.bevindingen] == [(r.code, t.NVT, text) for r in t.REGELS]
    assert not u.loonsanctie_mogelijk and u.tweede_spoor_vereist is None
    still = run(complete(100, perioden=(SickPeriod(D0, on(100)),)))
    assert finding(still, "probleemanalyse").oordeel == t.IN_ORDE
    assert still.tweede_spoor_vereist is True


# --- the facts are checked: clear Dutch refusals ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"perioden": ()}, "Geef ten minste één ziekteperiode op."),
        (
            {"stappen": (t.Stap("spreekuur", on(3)),)},
            "Onbekende stap 'spreekuur'; kies uit: probleemanalyse, plan_van_aanpak, evaluatie, melding_uwv, "
            "arbeidsdeskundig_advies, actueel_oordeel, eindevaluatie, re_integratieverslag, oordeel_werknemer, "
            "wia_aanvraag.",
        ),
        (
            {"uitzonderingen": (t.Uitzondering("ziek", on(3)),)},
            "Onbekende grond 'ziek'; kies uit: concreet_perspectief_eigen_werk, blijvend_marginale_mogelijkheden, "
            "aow_binnen_jaar_na_wachttijd, geen_benutbare_mogelijkheden, gemotiveerde_keuze.",
        ),
        (
            {"uitzonderingen": (t.Uitzondering("gemotiveerde_keuze", on(3), "m", ("werkgever", "casemanager")),)},
            "Instemming kan alleen van werkgever of werknemer komen, niet van ['casemanager'].",
        ),
        (
            {"oordelen": (t.Oordeel("herstel", True, "dr. A", "bedrijfsarts", on(3)),)},
            "Onbekend onderwerp van oordeel 'herstel'; kies uit: interventies_volgen_advies, zoekprofiel_passend, "
            "geen_benutbare_mogelijkheden, hervatting_sluit_aan, arbeidstherapeutisch_verantwoord.",
        ),
        (
            {"oordelen": (t.Oordeel("zoekprofiel_passend", True, "  ", "arbeidsdeskundige", on(3)),)},
            "Een oordeel (zoekprofiel_passend) noemt wie het gaf en in welke rol.",
        ),
        (
            {"oordelen": (t.Oordeel("zoekprofiel_passend", True, "A. Deskundige", " ", on(3)),)},
            "Een oordeel (zoekprofiel_passend) noemt wie het gaf en in welke rol.",
        ),
        (
            {"zoekprofielen": (t.Zoekprofiel(on(3), ("tolk",), "gevoel"),)},
            "Onbekende basis van het zoekprofiel 'gevoel'; kies uit: belastbaarheid_en_arbeidsmarkt, "
            "arbeidsdeskundig_onderzoek, wens_werknemer, onbekend.",
        ),
        (
            {"zoekactiviteit": (t.MaandActiviteit(dt.date(2026, 3, 15), 1),)},
            "Zoekactiviteit wordt per kalendermaand opgegeven (kreeg 15 maart 2026).",
        ),
        (
            {"zoekactiviteit": (t.MaandActiviteit(dt.date(2026, 3, 1), -1, 2),)},
            "Het aantal sollicitaties en contacten in maart 2026 kan niet negatief zijn.",
        ),
        (
            {"zoekactiviteit": (t.MaandActiviteit(dt.date(2026, 12, 1), 2, -1),)},
            "Het aantal sollicitaties en contacten in december 2026 kan niet negatief zijn.",
        ),
        (
            {"arbeidstherapeutisch": (t.Periode(on(100), on(99)),)},
            "Arbeidstherapeutisch werken vanaf 16 april 2025 eindigt vóór het begint.",
        ),
        (
            {"tweede_spoor": t.TweedeSpoor(on(370), on(369))},
            "Het tweede-spoortraject eindigt (10 januari 2026) vóór het begint (11 januari 2026).",
        ),
        (
            {"tweede_spoor": t.TweedeSpoor(on(370), on(400), "ontslag")},
            "Onbekende uitkomst van het traject 'ontslag'; kies uit: plaatsing, eigen_werkgever, geen_resultaat.",
        ),
        (
            {"resultaat": t.Resultaat(on(600), True, -0.5, True)},
            "De loonwaarde is een percentage van het oude loon tussen 0 en 200.",
        ),
        (
            {"resultaat": t.Resultaat(on(600), True, 200.5, True)},
            "De loonwaarde is een percentage van het oude loon tussen 0 en 200.",
        ),
        ({"routekeuze": t.Routekeuze(on(210), "spoor_3")}, "De routekeuze is spoor_1, spoor_2 of beide."),
    ],
)
def test_facts_the_toets_cannot_judge_are_refused_in_dutch(changes, message):
    """Bad input gets a clear Dutch message naming the value and the choices (the API and the form show it)."""
    assert refused(complete(700, **changes)) == message


def test_the_edges_of_valid_facts_are_accepted():
    """Zero applications in a month with contacts, a one-day therapeutic period, a trajectory that ends the day it
    starts, a loonwaarde of 0% or 200%: all valid facts, judged rather than refused."""
    facts = complete(
        700,
        zoekactiviteit=tuple(dataclasses.replace(m, sollicitaties=0) for m in complete(700).zoekactiviteit),
        arbeidstherapeutisch=(t.Periode(on(100), on(100)),),
        resultaat=t.Resultaat(on(600), True, 200, True),
    )
    u = run(facts)
    assert finding(u, "zoekactiviteit").oordeel == t.IN_ORDE
    assert finding(u, "arbeidstherapeutisch").oordeel == t.IN_ORDE
    assert u.bevredigend_resultaat
    assert not run(complete(700, resultaat=t.Resultaat(on(600), True, 0, True))).bevredigend_resultaat
    same_day = complete(700, tweede_spoor=t.TweedeSpoor(START, START, "plaatsing"))
    assert finding(run(same_day), "traject_einde").oordeel == t.IN_ORDE


# --- a required step: present, on time, early, late, missing (Regeling procesgang art. 2, 4, 5 and 6) ------------

PA_MISSING = (
    "Ontbreekt; de termijn was 16 februari 2025. Zonder dit stuk is het re-integratieverslag niet volledig "
    "(administratieve tekortkoming, Beleidsregels § 5)."
)
PA_ALSNOG = (
    "Leg 'Probleemanalyse en advies van de bedrijfsarts' alsnog vast; een alsnog opgestelde rapportage over wat "
    "destijds gebeurde voldoet (Beleidsregels § 5)."
)


def test_a_probleemanalyse_on_the_last_day_of_week_six_is_in_time():
    """Regeling procesgang art. 2 lid 2: the probleemanalyse by the end of sick week 6 (16 February 2025); the
    last day itself is in time, the first sick day too."""
    for day in (0, 41):
        check(
            with_step_on(complete(), "probleemanalyse", day),
            "probleemanalyse",
            t.IN_ORDE,
            f"Vastgelegd op {t._nl(on(day))} (uiterlijk 16 februari 2025).",
        )


def test_a_late_probleemanalyse_is_a_risk_to_explain_not_a_shortcoming():
    """Beleidsregels § 4 (slot): a step taken late is a shortcoming only when chances of return were missed, so the
    toets asks to record why (Regeling art. 5) and leaves the verdict to UWV. 25 February is 9 days late."""
    u = check(
        with_step_on(complete(), "probleemanalyse", 50),
        "probleemanalyse",
        t.RISICO,
        "Vastgelegd op 25 februari 2025, 9 dagen na de termijn van 16 februari 2025. Te laat is alleen een "
        "tekortkoming als daardoor kansen op werkhervatting zijn gemist (Beleidsregels § 4, slot).",
        herstelactie="Leg vast waarom later is afgeweken van de termijn (Regeling art. 5) en wat het voor de "
        "re-integratie betekende.",
        herstel_uiterlijk=on(700),
        herstel_stap="afwijking_termijn",
        wie_oordeelt=UWV_TOETS,
    )
    assert not u.loonsanctie_mogelijk


def test_a_late_step_with_a_recorded_deviation_names_it_and_leaves_uwv_to_weigh_it():
    """Regeling art. 5: employer and employee may depart from the term with reasons; UWV weighs the ground. The
    finding quotes the deviation as recorded (date, motivation, who judged in which role, the document); of two
    recorded deviations the last one counts; one without a motivation is no deviation."""
    late = with_step_on(complete(), "probleemanalyse", 50)
    deviations = (
        t.Afwijking("probleemanalyse", on(34), "eerste versie", "dr. Pietersen"),
        t.Afwijking("probleemanalyse", on(35), "  werknemer opgenomen ", "dr. Jansen", "bedrijfsarts", "brief"),
        t.Afwijking("probleemanalyse", on(36), "   "),
        t.Afwijking("plan_van_aanpak", on(37), "ander stuk"),
    )
    check(
        dataclasses.replace(late, afwijkingen=deviations),
        "probleemanalyse",
        t.RISICO,
        "Vastgelegd op 25 februari 2025, 9 dagen na de termijn van 16 februari 2025, met een vastgelegde afwijking "
        "(10 februari 2025: werknemer opgenomen; oordeel van dr. Jansen (bedrijfsarts), brief) (Regeling art. 5). "
        "UWV weegt of die grond deugdelijk is.",
        wie_oordeelt=UWV_WEEGT,
    )
    only_doctor = dataclasses.replace(late, afwijkingen=deviations[:1])
    b = finding(run(only_doctor), "probleemanalyse")
    assert "met een vastgelegde afwijking (9 februari 2025: eerste versie; oordeel van dr. Pietersen) (Regeling" in (
        b.uitleg
    )
    bare = dataclasses.replace(late, afwijkingen=(t.Afwijking("probleemanalyse", on(35), "opgenomen"),))
    assert "(10 februari 2025: opgenomen) (Regeling art. 5)" in finding(run(bare), "probleemanalyse").uitleg


def test_a_missing_probleemanalyse_is_an_administrative_shortcoming_from_the_day_after_week_six():
    """Beleidsregels § 5: a missing document is an administrative shortcoming UWV lets the employer repair within
    one week: peildatum 7 December 2026 -> 14 December 2026; 1 week + 6 weeks after the repair (WIA art. 25 lid
    14) = 7 weeks of loonsanctie = 70% of EUR 4,100 x 12 x 7 / 52 = EUR 4,636.15. Up to 16 February it is not yet
    due."""
    u = check(
        without_step(complete(), "probleemanalyse"),
        "probleemanalyse",
        t.TEKORTKOMING,
        PA_MISSING,
        herstelactie=PA_ALSNOG,
        herstel_uiterlijk=on(707),
        weken=1,
    )
    assert (u.loonsanctie_mogelijk, u.verwachte_loonsanctie_weken, u.verwachte_loonsanctie_cent) == (True, 7, 463615)
    check(
        without_step(complete(41), "probleemanalyse"),
        "probleemanalyse",
        t.NVT,
        "Nog niet aan de orde: uiterlijk 16 februari 2025.",
    )
    u = check(
        without_step(complete(42), "probleemanalyse"),
        "probleemanalyse",
        t.TEKORTKOMING,
        PA_MISSING,
        herstelactie=PA_ALSNOG,
        herstel_uiterlijk=on(49),
        weken=1,
    )


def test_a_step_not_done_with_a_recorded_new_date_is_a_risk_until_that_date():
    """Regeling art. 5: a motivated deviation may set a new date for a step not yet done (here 17 March 2025);
    until and on that date it is UWV's to weigh, the day after it is missing after all."""
    deviation = t.Afwijking("probleemanalyse", on(35), "opgenomen", "dr. Jansen", "bedrijfsarts", "", on(70))
    for peil in (60, 70):
        facts = dataclasses.replace(without_step(complete(peil), "probleemanalyse"), afwijkingen=(deviation,))
        check(
            facts,
            "probleemanalyse",
            t.RISICO,
            "Nog niet vastgelegd; de termijn was 16 februari 2025. Met een vastgelegde afwijking (10 februari 2025: "
            "opgenomen; oordeel van dr. Jansen (bedrijfsarts)) volgt de stap uiterlijk 17 maart 2025. UWV weegt of "
            "die grond deugdelijk is.",
            herstelactie="Leg 'Probleemanalyse en advies van de bedrijfsarts' vast zodra die gehouden is.",
            herstel_uiterlijk=on(70),
            wie_oordeelt=UWV_WEEGT,
        )
    after = dataclasses.replace(without_step(complete(71), "probleemanalyse"), afwijkingen=(deviation,))
    check(
        after,
        "probleemanalyse",
        t.TEKORTKOMING,
        PA_MISSING,
        herstelactie=PA_ALSNOG,
        herstel_uiterlijk=on(78),
        weken=1,
    )
    no_date = dataclasses.replace(deviation, nieuwe_datum=None)
    facts = dataclasses.replace(without_step(complete(60), "probleemanalyse"), afwijkingen=(no_date,))
    assert finding(run(facts), "probleemanalyse").oordeel == t.TEKORTKOMING


def test_an_actueel_oordeel_recorded_before_week_87_must_be_recorded_again_in_the_window():
    """What UWV reads at the WIA application must be current: an actueel oordeel or eindevaluatie of 2 November
    2025 is before the earliest sensible date (31 August 2026, the first day of sick week 87); the finding gives the
    window to record it again, up to its deadline of 4 October 2026 (end of week 91)."""
    for code in ("actueel_oordeel", "eindevaluatie"):
        b = finding(run(with_step_on(complete(), code, 300)), code)
        assert b.oordeel == t.RISICO
        assert b.uitleg.startswith(
            "Vastgelegd op 2 november 2025, vóór de vroegste zinvolle datum 31 augustus 2026 (ziekteweek 87; "
        )
        assert b.uitleg.endswith(
            "). Vroeger past alleen bij een Vervroegde IVA-aanvraag (WIA art. 23 lid 6): de werknemer vraagt de WIA "
            "eerder aan; anders leest UWV bij de WIA-aanvraag een verouderd stuk."
        )
        assert (b.herstelactie, b.herstel_uiterlijk, b.wie_oordeelt, b.herstel_stap) == (
            "Leg het opnieuw vast tussen 31 augustus 2026 en 4 oktober 2026.",
            dt.date(2026, 10, 4),
            UWV_TOETS,
            code,
        )


def test_the_documents_of_the_riv_are_due_by_the_end_of_week_91():
    """Regeling art. 6 lid 1 onder i-l: the actueel oordeel, the eindevaluatie and the employee's opinion belong in
    the re-integratieverslag, due by the end of week 91 (4 October 2026); missing the day after, with a week to
    supply them (12 October 2026)."""
    check(
        without_step(complete(636), "actueel_oordeel"),
        "actueel_oordeel",
        t.NVT,
        "Nog niet aan de orde: uiterlijk 4 oktober 2026.",
    )
    check(
        without_step(complete(637), "eindevaluatie"),
        "eindevaluatie",
        t.TEKORTKOMING,
        "Ontbreekt; de termijn was 4 oktober 2026. Zonder dit stuk is het re-integratieverslag niet volledig "
        "(administratieve tekortkoming, Beleidsregels § 5).",
        herstelactie="Leg 'Meest recente evaluatie (eindevaluatie)' alsnog vast; een alsnog opgestelde rapportage "
        "over wat destijds gebeurde voldoet (Beleidsregels § 5).",
        herstel_uiterlijk=dt.date(2026, 10, 12),
        weken=1,
    )
    check(complete(), "oordeel_werknemer", t.IN_ORDE, "De werknemer gaf zijn oordeel op 18 september 2026.")
    check(
        without_step(complete(636), "oordeel_werknemer"),
        "oordeel_werknemer",
        t.NVT,
        "Nog niet aan de orde: met het re-integratieverslag, uiterlijk 4 oktober 2026.",
    )
    u = check(
        without_step(complete(637), "oordeel_werknemer"),
        "oordeel_werknemer",
        t.TEKORTKOMING,
        "Het re-integratieverslag (uiterlijk 4 oktober 2026) bevat geen oordeel van de werknemer.",
        herstelactie="Vraag de werknemer om zijn oordeel over het verslag en voeg het toe.",
        herstel_uiterlijk=dt.date(2026, 10, 12),
        weken=1,
    )
    assert u.verwachte_loonsanctie_weken == 7


# --- evaluations of the plan van aanpak (Regeling art. 4 lid 2 onder b: at least once every six weeks) -------------

EVALUATIE_NU = "Houd de volgende evaluatie nu en leg de bijstelling vast."


def evaluations_without(facts: t.ToetsFeiten, keep) -> t.ToetsFeiten:
    return dataclasses.replace(
        facts, stappen=tuple(s for s in facts.stappen if s.code != "evaluatie" or keep((s.datum - D0).days))
    )


def test_evaluations_every_five_weeks_are_in_order_and_none_is_due_before_the_first_interval():
    """The complete dossier evaluates every 35 days from D+75 (18 by 7 December 2026), within six weeks each."""
    check(complete(), "evaluaties", t.IN_ORDE, "18 evaluatie(s) gehouden, steeds binnen 6 weken.")
    check(complete(60), "evaluaties", t.NVT, "Nog geen evaluatie aan de orde.")


def test_no_evaluation_at_all_is_a_shortcoming_that_takes_an_interval_to_repair():
    """Plan van aanpak on 15 February 2025: the first evaluation by 29 March 2025 (six weeks). None recorded:
    UWV finds fault (Beleidsregels § 5 Evaluatie en bijstelling); the repair is one evaluation cycle, 6 weeks,
    + 6 weeks after the repair = 12 weeks of loonsanctie."""
    u = check(
        without_step(complete(), "evaluatie"),
        "evaluaties",
        t.TEKORTKOMING,
        "Geen enkele evaluatie van het plan van aanpak vastgelegd; de eerste was uiterlijk 29 maart 2025 nodig "
        "(ten minste eens per 6 weken).",
        herstelactie="Evalueer het plan van aanpak met werknemer en bedrijfsarts, stel het bij en voer het "
        "bijgestelde plan uit (Beleidsregels § 5 Evaluatie en bijstelling).",
        herstel_uiterlijk=on(700),
        weken=6,
    )
    assert u.verwachte_loonsanctie_weken == 12


def test_a_late_or_missing_evaluation_after_others_were_held_is_a_risk():
    """Without the evaluation of D+110 the next came 70 days after the one before (more than six weeks): late.
    Without those from D+600 the one due six weeks after D+565 (5 September 2026) is missing. Held ones show the
    employer evaluated, so each is a risk, not a shortcoming; only a missing one has a date to act by."""
    check(
        evaluations_without(complete(), lambda d: d != 110),
        "evaluaties",
        t.RISICO,
        "17 evaluatie(s) gehouden, maar 1 evaluatie(s) later dan 6 weken na de vorige.",
        herstelactie=EVALUATIE_NU,
    )
    check(
        evaluations_without(complete(), lambda d: d < 600),
        "evaluaties",
        t.RISICO,
        "15 evaluatie(s) gehouden, maar de evaluatie die uiterlijk 5 september 2026 nodig was, ontbreekt.",
        herstelactie=EVALUATIE_NU,
        herstel_uiterlijk=on(700),
    )
    check(
        evaluations_without(complete(), lambda d: d != 110 and d < 600),
        "evaluaties",
        t.RISICO,
        "14 evaluatie(s) gehouden, maar 1 evaluatie(s) later dan 6 weken na de vorige en de evaluatie die uiterlijk "
        "5 september 2026 nodig was, ontbreekt.",
        herstelactie=EVALUATIE_NU,
        herstel_uiterlijk=on(700),
    )
    # one evaluation exactly six weeks after the plan (D+82) is in time; the next, due 10 May 2025, is missing
    one = without_step(complete(), "evaluatie")
    check(
        dataclasses.replace(one, stappen=(*one.stappen, t.Stap("evaluatie", on(82)))),
        "evaluaties",
        t.RISICO,
        "1 evaluatie(s) gehouden, maar de evaluatie die uiterlijk 10 mei 2025 nodig was, ontbreekt.",
        herstelactie=EVALUATIE_NU,
        herstel_uiterlijk=on(700),
    )


# --- the ziekmelding bij UWV (ZW art. 38: a fine or longer wage payment, never a loonsanctie) ----------------------


def test_the_sick_report_to_uwv_by_week_42_is_a_risk_when_late_or_missing_never_a_shortcoming():
    """ZW art. 38 lid 1: report in week 42 (end of week 42 is Sunday 26 October 2025, so Monday 27 October under the
    Algemene termijnenwet). Late or missing: UWV fines or extends the wage payment; no loonsanctie."""
    check(
        with_step_on(complete(), "melding_uwv", 294),
        "melding_uwv",
        t.IN_ORDE,
        "Gemeld op 27 oktober 2025 (uiterlijk 27 oktober 2025).",
    )
    u = check(
        with_step_on(complete(), "melding_uwv", 300),
        "melding_uwv",
        t.RISICO,
        "Gemeld op 2 november 2025 (uiterlijk 27 oktober 2025). Te laat gemeld: UWV kan een boete opleggen of de "
        "loondoorbetaling verlengen, geen loonsanctie.",
    )
    assert not u.loonsanctie_mogelijk
    check(
        without_step(complete(294), "melding_uwv"),
        "melding_uwv",
        t.NVT,
        "Nog niet aan de orde: uiterlijk 27 oktober 2025.",
    )
    u = check(
        without_step(complete(295), "melding_uwv"),
        "melding_uwv",
        t.RISICO,
        "Niet vastgelegd; de melding was uiterlijk 27 oktober 2025 nodig. Dit leidt tot een boete of verlengde "
        "loondoorbetaling, niet tot een loonsanctie.",
        herstelactie="Meld de werknemer alsnog ziek bij UWV en leg de melding vast.",
        herstel_uiterlijk=on(295),
    )
    assert not u.loonsanctie_mogelijk


# --- route advice and route choice before the end of year 1 (RSC 2025, a proposal: at most a risk) ----------------

ROUTE_HERSTEL = (
    "Laat de arbeidsdeskundige een routeadvies met WIA-prognose geven en leg de routekeuze vast met motivering en "
    "instemming van werkgever en werknemer."
)
ROUTE_WIE = "arbeidsdeskundige (routeadvies); werkgever en werknemer (routekeuze)"
ROUTE_SLOT = (
    " UWV vraagt of de mogelijkheden tot werkhervatting tijdig in beeld zijn gebracht (Beleidsregels § 4 onder c)."
)


def test_route_advice_and_a_motivated_agreed_choice_in_year_one_are_in_order():
    """Advice on 25 July 2025 and a choice on 4 August 2025, motivated, agreed by both: in order, each named."""
    check(
        complete(),
        "routekeuze",
        t.IN_ORDE,
        "Routeadvies op 25 juli 2025; routekeuze beide sporen op 4 augustus 2025, gemotiveerd en door beide partijen "
        "ingestemd.",
    )
    spoor_2 = complete(routekeuze=t.Routekeuze(on(210), "spoor_2", "m", ("werknemer", "werkgever")))
    check(
        spoor_2,
        "routekeuze",
        t.IN_ORDE,
        "Routeadvies op 25 juli 2025; routekeuze spoor 2 op 4 augustus 2025, gemotiveerd en door beide partijen "
        "ingestemd.",
    )
    check(complete(300, routekeuze=None), "routekeuze", t.IN_ORDE, "Routeadvies op 25 juli 2025.")
    check(
        without_step(
            complete(300, routekeuze=t.Routekeuze(on(210), "spoor_1", "m", ("werkgever", "werknemer"))),
            "arbeidsdeskundig_advies",
        ),
        "routekeuze",
        t.IN_ORDE,
        "Routekeuze spoor 1 op 4 augustus 2025, gemotiveerd en door beide partijen ingestemd.",
    )


def test_route_not_yet_due_names_the_preferred_moment_and_the_end_of_year_one():
    """RSC: preferably around the end of week 26 (6 July 2025), at the latest before the end of year 1."""
    check(
        complete(150, routekeuze=None),
        "routekeuze",
        t.NVT,
        "Nog niet aan de orde: bij voorkeur rond 6 juli 2025, uiterlijk vóór het einde van jaar 1 (4 januari 2026).",
    )


def test_every_problem_of_the_route_is_named_after_year_one():
    """Advice on 21 January 2026 and a choice on 31 January 2026, both after the end of year 1 (4 January 2026),
    the choice without motivation and without agreement: four problems in one risk, to be repaired now."""
    late = with_step_on(complete(), "arbeidsdeskundig_advies", 380)
    check(
        dataclasses.replace(late, routekeuze=t.Routekeuze(on(390), "spoor_1", "  ", ())),
        "routekeuze",
        t.RISICO,
        "Risico: het arbeidsdeskundig onderzoek kwam op 21 januari 2026, na het einde van jaar 1 (4 januari 2026); de "
        "routekeuze heeft geen motivering; de instemming van werkgever en werknemer met de routekeuze ontbreekt; de "
        "routekeuze kwam op 31 januari 2026, na het einde van jaar 1." + ROUTE_SLOT,
        herstelactie=ROUTE_HERSTEL,
        herstel_uiterlijk=on(700),
        wie_oordeelt=ROUTE_WIE,
    )
    nothing = dataclasses.replace(without_step(complete(), "arbeidsdeskundig_advies"), routekeuze=None)
    check(
        nothing,
        "routekeuze",
        t.RISICO,
        "Risico: geen arbeidsdeskundig onderzoek met routeadvies vóór het einde van jaar 1 (4 januari 2026); geen "
        "vastgelegde routekeuze." + ROUTE_SLOT,
        herstelactie=ROUTE_HERSTEL,
        herstel_uiterlijk=on(700),
        wie_oordeelt=ROUTE_WIE,
    )


def test_a_route_choice_without_motivation_in_year_one_can_be_repaired_until_the_end_of_year_one():
    """A choice without motivation and no advice yet, ten days later, in year 1: a risk now, and the advice is still
    due by the end of year 1 (4 January 2026), so that is the date to repair by. A choice one party did not agree to
    names that party."""
    facts = without_step(
        complete(250, routekeuze=t.Routekeuze(on(240), "spoor_1", "", ("werkgever", "werknemer"))),
        "arbeidsdeskundig_advies",
    )
    check(
        facts,
        "routekeuze",
        t.RISICO,
        "Risico: de routekeuze heeft geen motivering." + ROUTE_SLOT,
        herstelactie=ROUTE_HERSTEL,
        herstel_uiterlijk=dt.date(2026, 1, 4),
        wie_oordeelt=ROUTE_WIE,
    )
    only_employee = complete(routekeuze=t.Routekeuze(on(210), "beide", "m", ("werknemer",)))
    check(
        only_employee,
        "routekeuze",
        t.RISICO,
        "Risico: de instemming van werkgever met de routekeuze ontbreekt." + ROUTE_SLOT,
        herstelactie=ROUTE_HERSTEL,
        herstel_uiterlijk=on(700),
        wie_oordeelt=ROUTE_WIE,
    )


# --- the eerstejaarsevaluatie (Regeling art. 4 lid 2 onder b, art. 6 lid 1 onder h) --------------------------------


def test_the_eerstejaarsevaluatie_by_the_end_of_week_52_states_its_conclusion():
    """Held on the last day (4 January 2026) is in time; the finding states the conclusion on return within the own
    organisation, which decides whether track 2 is needed."""
    check(
        complete(eerstejaarsevaluatie=t.Eerstejaarsevaluatie(on(363))),
        "eerstejaarsevaluatie",
        t.IN_ORDE,
        "Gehouden op 4 januari 2026 (uiterlijk 4 januari 2026); conclusie: geen concreet perspectief op hervatting in "
        "de eigen organisatie op korte termijn.",
    )


def test_a_late_eerstejaarsevaluatie_is_a_risk_that_moves_track_two_or_a_recorded_deviation_for_uwv():
    """Held a week late (11 January 2026): a risk (the start of track 2 moves with it); with a recorded deviation it
    names the deviation and UWV weighs it."""
    check(
        complete(eerstejaarsevaluatie=t.Eerstejaarsevaluatie(on(370), True)),
        "eerstejaarsevaluatie",
        t.RISICO,
        "Gehouden op 11 januari 2026 (uiterlijk 4 januari 2026); conclusie: concreet perspectief op structurele "
        "hervatting in de eigen organisatie. Later dan het einde van het eerste ziektejaar; daarmee schuift ook de "
        "start van spoor 2 op.",
        herstelactie="Leg vast waarom de eerstejaarsevaluatie later was.",
        herstel_uiterlijk=on(700),
    )
    reason = t.Afwijking("eerstejaarsevaluatie", on(360), "bedrijfsarts ziek", "P. Jansen")
    check(
        complete(eerstejaarsevaluatie=t.Eerstejaarsevaluatie(on(370)), afwijkingen=(reason,)),
        "eerstejaarsevaluatie",
        t.RISICO,
        "Gehouden op 11 januari 2026 (uiterlijk 4 januari 2026); conclusie: geen concreet perspectief op hervatting "
        "in de eigen organisatie op korte termijn. Later dan de termijn, met een vastgelegde afwijking (1 januari "
        "2026: bedrijfsarts ziek; oordeel van P. Jansen). UWV weegt of die grond deugdelijk is.",
        wie_oordeelt=UWV_WEEGT,
    )


def test_a_missing_eerstejaarsevaluatie_is_due_from_the_day_after_week_52():
    check(
        complete(363, eerstejaarsevaluatie=None),
        "eerstejaarsevaluatie",
        t.NVT,
        "Nog niet aan de orde: uiterlijk 4 januari 2026.",
    )
    check(
        complete(364, eerstejaarsevaluatie=None),
        "eerstejaarsevaluatie",
        t.TEKORTKOMING,
        "Ontbreekt; uiterlijk 4 januari 2026 (einde eerste ziektejaar). Het re-integratieverslag moet de "
        "eerstejaarsevaluatie bevatten (Regeling art. 6 lid 1 onder h).",
        herstelactie="Houd de eerstejaarsevaluatie alsnog: kijk terug op jaar 1 en besluit expliciet over "
        "re-integratie bij een andere werkgever.",
        herstel_uiterlijk=dt.date(2026, 1, 12),
        weken=1,
    )


# --- bevredigend resultaat (Beleidsregels § 3: then no loonsanctie, whatever the path) -----------------------------

BEVREDIGEND_HERSTEL = (
    "Werk toe naar structureel werk met een loonwaarde van ten minste 65%, aanvaard door de werknemer, of laat "
    "vastleggen dat de hervatting aansluit bij de mogelijkheden."
)
BEVREDIGEND_WIE = "bedrijfsarts en arbeidsdeskundige (sluit de hervatting aan?)"
AANSLUIT = t.Oordeel("hervatting_sluit_aan", True, "dr. B. Arts", "bedrijfsarts", on(680))


def test_structural_accepted_work_at_65_percent_is_a_bevredigend_resultaat_and_track_two_is_no_longer_needed():
    u = check(
        complete(resultaat=t.Resultaat(on(690), True, 65, True)),
        "bevredigend_resultaat",
        t.IN_ORDE,
        "Bevredigend resultaat: werk per 27 november 2026: structureel, loonwaarde 65% van het oude loon, aanvaard "
        "door de werknemer; ten minste 65%. UWV legt dan geen loonsanctie op, welke weg er ook is gevolgd.",
        herstel_stap="plaatsing",
    )
    check(
        complete(resultaat=t.Resultaat(on(690), True, 65, True)),
        "tweede_spoor",
        t.NVT,
        "Niet meer nodig: er is een bevredigend resultaat.",
    )
    assert (u.tweede_spoor_vereist, u.tweede_spoor_uiterlijk, u.bevredigend_resultaat) == (False, None, True)


def test_work_below_65_percent_is_bevredigend_when_a_judge_records_that_it_fits_the_possibilities():
    """Beleidsregels § 3: also bevredigend when the work fits the remaining possibilities, as the bedrijfsarts or
    labour expert judges; the finding names that judgement."""
    check(
        complete(resultaat=t.Resultaat(on(690), True, 50, True), oordelen=(AANSLUIT,)),
        "bevredigend_resultaat",
        t.IN_ORDE,
        "Bevredigend resultaat: werk per 27 november 2026: structureel, loonwaarde 50% van het oude loon, aanvaard "
        "door de werknemer; sluit aan bij de mogelijkheden (oordeel dr. B. Arts, bedrijfsarts, 17 november 2026). UWV "
        "legt dan geen loonsanctie op, welke weg er ook is gevolgd.",
        herstel_stap="plaatsing",
    )
    not_fitting = dataclasses.replace(AANSLUIT, uitkomst=False)
    u = run(complete(resultaat=t.Resultaat(on(690), True, 50, True), oordelen=(not_fitting,)))
    assert (
        not u.bevredigend_resultaat and "de loonwaarde is lager dan 65%" in finding(u, "bevredigend_resultaat").uitleg
    )


def test_what_is_missing_for_a_bevredigend_resultaat_is_named_with_a_dutch_percentage():
    """Not structural, not accepted and 50.5% (written 50,50%, the Dutch decimal comma; it once read 50.5%): each
    missing condition named; the employer has until the end of the wachttijd (3 January 2027)."""
    check(
        complete(resultaat=t.Resultaat(on(690), False, 50.5, False)),
        "bevredigend_resultaat",
        t.RISICO,
        "Nog geen bevredigend resultaat (werk per 27 november 2026: niet structureel, loonwaarde 50,50% van het oude "
        "loon, niet aanvaard door de werknemer): het werk is niet structureel; de werknemer heeft het niet aanvaard; "
        "de loonwaarde is lager dan 65%. UWV beoordeelt daarom de inspanningen.",
        herstelactie=BEVREDIGEND_HERSTEL,
        herstel_uiterlijk=dt.date(2027, 1, 3),
        herstel_stap="plaatsing",
        wie_oordeelt=BEVREDIGEND_WIE,
    )
    # work that fits the possibilities needs no 65%, but it must still be structural
    check(
        complete(resultaat=t.Resultaat(on(690), False, 50, True), oordelen=(AANSLUIT,)),
        "bevredigend_resultaat",
        t.RISICO,
        "Nog geen bevredigend resultaat (werk per 27 november 2026: niet structureel, loonwaarde 50% van het oude "
        "loon, aanvaard door de werknemer): het werk is niet structureel. UWV beoordeelt daarom de inspanningen.",
        herstelactie=BEVREDIGEND_HERSTEL,
        herstel_uiterlijk=dt.date(2027, 1, 3),
        herstel_stap="plaatsing",
        wie_oordeelt=BEVREDIGEND_WIE,
    )
    # the latest recorded judgement counts: fitting at first, then not
    later = dataclasses.replace(AANSLUIT, uitkomst=False, datum=on(685))
    u = run(complete(resultaat=t.Resultaat(on(690), True, 50, True), oordelen=(AANSLUIT, later)))
    assert not u.bevredigend_resultaat
    u = run(complete(resultaat=t.Resultaat(on(690), True, 50, True), oordelen=(later, AANSLUIT)))
    assert not u.bevredigend_resultaat
    earlier = dataclasses.replace(later, datum=on(600))
    assert run(
        complete(resultaat=t.Resultaat(on(690), True, 50, True), oordelen=(AANSLUIT, earlier))
    ).bevredigend_resultaat


def test_no_return_to_work_recorded_means_uwv_judges_the_efforts():
    check(
        complete(),
        "bevredigend_resultaat",
        t.NVT,
        "Geen werkhervatting vastgelegd; UWV kijkt dan naar de inspanningen (Beleidsregels § 3).",
        herstel_stap="plaatsing",
    )


# --- track 2: start within six weeks of the eerstejaarsevaluatie (Werkwijzer § 4.3), and the exceptions -----------

TS_GEEN_START = (
    "Niet gestart, terwijl dat uiterlijk 2 februari 2026 moest (zes weken na de eerstejaarsevaluatie) en geen "
    "uitzondering is vastgelegd. UWV zal de werkgever opdragen eerst dat traject uit te voeren (Beleidsregels § 5)."
)
TS_START_NU = (
    "Start het tweede spoor direct: kies een re-integratiebedrijf, laat een persoonsprofiel en zoekprofiel opstellen "
    "en begin met solliciteren."
)


def no_track_two(peil: int = 500, **changes) -> t.ToetsFeiten:
    return complete(peil, **{**NO_TRACK_TWO, **changes})


def test_track_two_started_on_the_last_day_is_in_time_and_a_day_later_is_a_week_late():
    """Eerstejaarsevaluatie on 22 December 2025: track 2 by 2 February 2026. A day late counts as a week of missed
    search (whole weeks, rounded up), + 6 weeks after the repair."""
    u = check(
        complete(tweede_spoor=t.TweedeSpoor(on(392))),
        "tweede_spoor",
        t.IN_ORDE,
        "Gestart op 2 februari 2026 (uiterlijk 2 februari 2026).",
    )
    assert (u.tweede_spoor_vereist, u.tweede_spoor_uiterlijk) == (True, dt.date(2026, 2, 2))
    u = check(
        complete(tweede_spoor=t.TweedeSpoor(on(393))),
        "tweede_spoor",
        t.TEKORTKOMING,
        "Te laat gestart: op 3 februari 2026, 1 weken na de uiterste datum 2 februari 2026 (zes weken na de "
        "eerstejaarsevaluatie). De gemiste weken zoeken naar werk elders zijn een bekende grond voor een loonsanctie.",
        herstelactie="Zet het traject intensief voort (zoekprofiel, sollicitaties elke maand) en leg vast waarom de "
        "start later was.",
        herstel_uiterlijk=on(700),
        herstel_stap="afwijking_termijn",
        weken=1,
    )
    assert (u.tweede_spoor_vereist, u.tweede_spoor_uiterlijk, u.verwachte_loonsanctie_weken) == (
        True,
        dt.date(2026, 2, 2),
        7,
    )


def test_a_late_start_with_a_recorded_deviation_is_for_uwv_to_weigh():
    """Started 10 February 2026, 8 days (2 weeks rounded up) late, with a recorded reason: a risk for UWV."""
    reason = t.Afwijking("start_tweede_spoor", on(390), "geen bureau beschikbaar", "K. Bos", "casemanager", "mail")
    u = check(
        complete(tweede_spoor=t.TweedeSpoor(on(400)), afwijkingen=(reason,)),
        "tweede_spoor",
        t.RISICO,
        "Gestart op 10 februari 2026, 2 weken na de uiterste datum 2 februari 2026, met een vastgelegde afwijking (31 "
        "januari 2026: geen bureau beschikbaar; oordeel van K. Bos (casemanager), mail). UWV weegt of die grond "
        "deugdelijk is.",
        wie_oordeelt=UWV_WEEGT,
    )
    assert (u.tweede_spoor_vereist, u.tweede_spoor_uiterlijk, u.loonsanctie_mogelijk) == (
        True,
        dt.date(2026, 2, 2),
        False,
    )


def test_track_two_not_started_is_due_from_the_day_after_its_deadline_and_costs_the_weeks_to_the_end():
    """Up to 2 February 2026 it is still to come; after it, without exception, UWV orders the employer to run it
    (Beleidsregels § 5): the weeks missed are those from the deadline to the end of the wachttijd (2 February 2026 to
    3 January 2027: 335 days, 48 weeks rounded up), the sanction at most 52 weeks (WIA art. 25 lid 9)."""
    u = check(
        no_track_two(392),
        "tweede_spoor",
        t.NVT,
        "Nog niet gestart; uiterlijk 2 februari 2026 (zes weken na de eerstejaarsevaluatie).",
    )
    assert (u.tweede_spoor_vereist, u.tweede_spoor_uiterlijk) == (True, dt.date(2026, 2, 2))
    u = check(
        no_track_two(393),
        "tweede_spoor",
        t.TEKORTKOMING,
        TS_GEEN_START,
        herstelactie=TS_START_NU,
        herstel_uiterlijk=on(393),
        weken=48,
    )
    assert (u.tweede_spoor_vereist, u.verwachte_loonsanctie_weken) == (True, 52)


def test_track_two_not_started_with_a_recorded_new_date_is_a_risk_until_that_date():
    """A motivated deviation with a new start date (2 March 2026): a risk up to and on that date, then missing."""
    reason = t.Afwijking("start_tweede_spoor", on(390), "geen bureau", nieuwe_datum=on(420))
    for peil in (400, 420):
        u = check(
            no_track_two(peil, afwijkingen=(reason,)),
            "tweede_spoor",
            t.RISICO,
            "Nog niet gestart; uiterlijk was 2 februari 2026. Met een vastgelegde afwijking (31 januari 2026: geen "
            "bureau) start het traject uiterlijk 2 maart 2026. UWV weegt of die grond deugdelijk is.",
            herstelactie="Start het tweede spoor uiterlijk op de nieuwe datum.",
            herstel_uiterlijk=on(420),
            wie_oordeelt=UWV_WEEGT,
        )
        assert (u.tweede_spoor_vereist, u.tweede_spoor_uiterlijk) == (True, dt.date(2026, 2, 2))
    check(
        no_track_two(421, afwijkingen=(reason,)),
        "tweede_spoor",
        t.TEKORTKOMING,
        TS_GEEN_START,
        herstelactie=TS_START_NU,
        herstel_uiterlijk=on(421),
        weken=48,
    )
    no_date = dataclasses.replace(reason, nieuwe_datum=None)
    assert finding(run(no_track_two(400, afwijkingen=(no_date,))), "tweede_spoor").oordeel == t.TEKORTKOMING


def test_no_benutbare_mogelijkheden_by_the_bedrijfsarts_means_no_plan_no_evaluations_and_no_track_two():
    """Beleidsregels § 3 and § 7.4 onder 3: no benutbare mogelijkheden and no recovery expected, judged by the
    bedrijfsarts: no plan van aanpak, no evaluations of it, no track 2, and no loonsanctie."""
    judged = t.Oordeel("geen_benutbare_mogelijkheden", True, "dr. B. Arts", "bedrijfsarts", on(300))
    facts = no_track_two(oordelen=(judged,))
    check(
        facts,
        "plan_van_aanpak",
        t.NVT,
        "De bedrijfsarts oordeelde dat er geen benutbare mogelijkheden zijn en geen herstel te verwachten is (dr. B. "
        "Arts, 2 november 2025): een plan van aanpak is dan niet vereist (Regeling art. 4 lid 1; Beleidsregels § 7.4 "
        "onder 3).",
    )
    check(facts, "evaluaties", t.NVT, "Geen plan van aanpak vereist, dus geen evaluaties ervan.")
    u = check(
        facts,
        "tweede_spoor",
        t.NVT,
        "Geen re-integratie-inspanningen vereist: de bedrijfsarts (dr. B. Arts, 2 november 2025) oordeelde dat er "
        "geen benutbare mogelijkheden zijn en geen herstel te verwachten is; UWV kan dan geen loonsanctie opleggen "
        "(Beleidsregels § 3 en § 7.4).",
    )
    assert (u.tweede_spoor_vereist, u.tweede_spoor_uiterlijk) == (False, None)
    # the probleemanalyse is still required (a limited one, § 7.4): missing it stays a shortcoming, but no sanction
    u = run(without_step(facts, "probleemanalyse"))
    assert finding(u, "probleemanalyse").oordeel == t.TEKORTKOMING
    assert (u.loonsanctie_mogelijk, u.verwachte_loonsanctie_weken, u.verwachte_loonsanctie_cent) == (False, 0, 0)
    assert u.ernst == 1
    assert any("geen loonsanctie (Beleidsregels § 7.4)" in s for s in u.receipt.steps)
    # the judgement must say 'no possibilities' and come from a bedrijfsarts
    for other in (dataclasses.replace(judged, uitkomst=False), dataclasses.replace(judged, rol="arbeidsdeskundige")):
        assert finding(run(no_track_two(oordelen=(other,))), "tweede_spoor").oordeel == t.TEKORTKOMING


def aow_exception(*parties: str) -> tuple[t.Uitzondering, ...]:
    return (t.Uitzondering("aow_binnen_jaar_na_wachttijd", on(355), "AOW in 2027", parties),)


def test_the_aow_exception_needs_an_aow_date_within_one_year_after_the_wachttijd():
    """Werkwijzer § 4.3: no track 2 when the AOW age falls within one year after the end of the wachttijd (3 January
    2027, so up to 3 January 2028) and both parties agree. Without an AOW date, or a later one, it is a risk to check
    before the start deadline of 2 February 2026."""
    herstel = {"herstelactie": "Controleer de AOW-datum of start het tweede spoor.", "herstel_uiterlijk": on(392)}
    u = check(
        no_track_two(aow_datum=None, uitzonderingen=aow_exception("werkgever", "werknemer")),
        "tweede_spoor",
        t.RISICO,
        "De uitzondering 'AOW-leeftijd binnen een jaar na de wachttijd' is vastgelegd, maar de AOW-datum is niet "
        "opgegeven.",
        **herstel,
    )
    assert (u.tweede_spoor_vereist, u.tweede_spoor_uiterlijk) == (True, dt.date(2026, 2, 2))
    check(
        no_track_two(aow_datum=dt.date(2028, 1, 4), uitzonderingen=aow_exception("werkgever", "werknemer")),
        "tweede_spoor",
        t.RISICO,
        "De uitzondering 'AOW-leeftijd binnen een jaar na de wachttijd' is vastgelegd, maar de AOW-datum 4 januari "
        "2028 ligt meer dan 1 jaar na het einde van de wachttijd (3 januari 2027).",
        **herstel,
    )
    u = check(
        no_track_two(aow_datum=dt.date(2028, 1, 3), uitzonderingen=aow_exception("werkgever", "werknemer")),
        "tweede_spoor",
        t.IN_ORDE,
        "Geen tweede spoor nodig: AOW-leeftijd op 3 januari 2028, binnen 1 jaar na het einde van de wachttijd, en "
        "werkgever en werknemer stemden in (27 december 2025).",
    )
    assert (u.tweede_spoor_vereist, u.tweede_spoor_uiterlijk, u.loonsanctie_mogelijk) == (False, None, False)


def test_one_year_after_a_wachttijd_ending_on_the_31st_is_the_31st_a_year_later():
    """Bug fix: the year after the wachttijd was cut to the 28th of the month (a wachttijd ending 31 January 2027
    allowed an AOW date only up to 28 January 2028). First sick day 3 February 2025: the wachttijd ends 31 January
    2027 (D+727); AOW on 31 January 2028 is within one year, 1 February 2028 is not."""
    first = dt.date(2025, 2, 3)
    base = complete(500, first=first, **NO_TRACK_TWO)
    exception = (t.Uitzondering("aow_binnen_jaar_na_wachttijd", first + 355 * DAY, "AOW", ("werkgever", "werknemer")),)
    within = run(dataclasses.replace(base, aow_datum=dt.date(2028, 1, 31), uitzonderingen=exception))
    assert within.einde_wachttijd == dt.date(2027, 1, 31)
    assert finding(within, "tweede_spoor").oordeel == t.IN_ORDE
    beyond = run(dataclasses.replace(base, aow_datum=dt.date(2028, 2, 1), uitzonderingen=exception))
    assert finding(beyond, "tweede_spoor").oordeel == t.RISICO


def test_the_aow_exception_without_both_parties_is_a_shortcoming_once_the_start_date_has_passed():
    """Without the agreement of both, the exception does not hold: before 2 February 2026 a risk (start or record
    the agreement by then), after it a shortcoming of the weeks since the deadline (2 February to 21 May 2026: 108
    days, 16 weeks rounded up; + 6 = 22 weeks)."""
    check(
        no_track_two(380, aow_datum=dt.date(2027, 7, 22), uitzonderingen=aow_exception()),
        "tweede_spoor",
        t.RISICO,
        "AOW-leeftijd op 22 juli 2027, binnen 1 jaar na de wachttijd, maar de instemming van werkgever en werknemer "
        "ontbreekt; zonder instemming van beiden geldt de uitzondering niet.",
        herstelactie="Leg de instemming van werkgever én werknemer vast, of start het tweede spoor.",
        herstel_uiterlijk=on(392),
    )
    u = check(
        no_track_two(500, aow_datum=dt.date(2027, 7, 22), uitzonderingen=aow_exception("werkgever")),
        "tweede_spoor",
        t.TEKORTKOMING,
        "AOW-leeftijd op 22 juli 2027, binnen 1 jaar na de wachttijd, maar de instemming van werknemer ontbreekt; "
        "zonder instemming van beiden geldt de uitzondering niet.",
        herstelactie="Leg de instemming van werkgever én werknemer vast, of start het tweede spoor.",
        herstel_uiterlijk=on(500),
        weken=16,
    )
    assert (u.tweede_spoor_vereist, u.tweede_spoor_uiterlijk, u.verwachte_loonsanctie_weken) == (
        True,
        dt.date(2026, 2, 2),
        22,
    )
    on_deadline = no_track_two(392, aow_datum=dt.date(2027, 7, 22), uitzonderingen=aow_exception("werknemer"))
    assert finding(run(on_deadline), "tweede_spoor").oordeel == t.RISICO


def test_a_concrete_perspective_in_the_own_organisation_holds_three_months_from_the_eerstejaarsevaluatie():
    """Werkwijzer § 4.3: no track 2 while there is a concrete perspective of structural return in the own
    organisation in the short term; UWV practice reads that as about three months: 22 December 2025 to 22 March 2026
    (D+440). On that day it still holds; the day after it is a risk."""
    eje = t.Eerstejaarsevaluatie(on(350), True)
    u = check(
        no_track_two(440, eerstejaarsevaluatie=eje),
        "tweede_spoor",
        t.IN_ORDE,
        "Geen tweede spoor nodig zolang het concrete perspectief op structurele hervatting in de eigen organisatie "
        "standhoudt (vastgelegd 22 december 2025; korte termijn: tot 22 maart 2026).",
    )
    assert (u.tweede_spoor_vereist, u.tweede_spoor_uiterlijk) == (False, None)
    u = check(
        no_track_two(441, eerstejaarsevaluatie=eje),
        "tweede_spoor",
        t.RISICO,
        "Het concrete perspectief op hervatting in de eigen organisatie (vastgelegd 22 december 2025) is na 3 maanden "
        "(22 maart 2026) niet tot structureel werk geleid; start het tweede spoor of onderbouw opnieuw.",
        herstelactie="Start het tweede spoor, of leg een nieuwe onderbouwing van het perspectief vast.",
        herstel_uiterlijk=on(441),
        wie_oordeelt="bedrijfsarts en arbeidsdeskundige",
    )
    assert (u.tweede_spoor_vereist, u.tweede_spoor_uiterlijk) == (True, dt.date(2026, 2, 2))
    # recorded as its own exception on a later date: the three months run from that date (1 February -> 1 May 2026)
    recorded = (t.Uitzondering("concreet_perspectief_eigen_werk", on(391), "proefplaatsing eigen afdeling"),)
    u = run(no_track_two(470, eerstejaarsevaluatie=eje, uitzonderingen=recorded))
    assert finding(u, "tweede_spoor").uitleg.endswith("(vastgelegd 1 februari 2026; korte termijn: tot 1 mei 2026).")


def test_an_exception_does_not_excuse_a_trajectory_that_was_started():
    """Once track 2 has started, its start is judged, whatever exception was recorded."""
    eje = t.Eerstejaarsevaluatie(on(350), True)
    check(
        complete(eerstejaarsevaluatie=eje),
        "tweede_spoor",
        t.IN_ORDE,
        "Gestart op 11 januari 2026 (uiterlijk 2 februari 2026).",
    )


def test_the_exception_no_benutbare_mogelijkheden_needs_the_bedrijfsarts_judgement():
    """Beleidsregels § 7.4: only the bedrijfsarts' recorded judgement carries this exception."""
    u = check(
        no_track_two(uitzonderingen=(t.Uitzondering("geen_benutbare_mogelijkheden", on(355), "BA zegt"),)),
        "tweede_spoor",
        t.RISICO,
        "De uitzondering 'geen benutbare mogelijkheden' is vastgelegd, maar er is geen oordeel van de bedrijfsarts dat "
        "er geen mogelijkheden zijn en geen herstel te verwachten is.",
        herstelactie="Laat de bedrijfsarts dit oordeel onderbouwd vastleggen, of start het tweede spoor.",
        herstel_uiterlijk=on(500),
        wie_oordeelt="bedrijfsarts",
    )
    assert (u.tweede_spoor_vereist, u.tweede_spoor_uiterlijk) == (True, dt.date(2026, 2, 2))
    before = no_track_two(380, uitzonderingen=(t.Uitzondering("geen_benutbare_mogelijkheden", on(355), "BA"),))
    assert finding(run(before), "tweede_spoor").herstel_uiterlijk == on(392)


def test_a_choice_not_to_start_track_two_is_weighed_by_uwv_and_without_motivation_is_a_shortcoming():
    """Werkwijzer § 4.3: blijvend marginale mogelijkheden or another motivated choice: UWV judges the motivation.
    Without one: a risk until the start deadline, after it a shortcoming of the weeks since then."""
    for grond, naam in (
        ("blijvend_marginale_mogelijkheden", "blijvend marginale mogelijkheden"),
        ("gemotiveerde_keuze", "gemotiveerde keuze"),
    ):
        u = check(
            no_track_two(uitzonderingen=(t.Uitzondering(grond, on(355), "2 uur per week belastbaar"),)),
            "tweede_spoor",
            t.RISICO,
            f"Geen tweede spoor ({naam}, vastgelegd 27 december 2025): '2 uur per week belastbaar'. UWV beoordeelt of "
            "dit redelijk is.",
            wie_oordeelt="UWV; onderbouwing door bedrijfsarts en arbeidsdeskundige",
        )
        assert (u.tweede_spoor_vereist, u.loonsanctie_mogelijk) == (True, False)
    herstel = "Motiveer de keuze en laat haar onderbouwen door de arbeidsdeskundige, of start het tweede spoor."
    unmotivated = (t.Uitzondering("blijvend_marginale_mogelijkheden", on(355), "  "),)
    check(
        no_track_two(392, uitzonderingen=unmotivated),
        "tweede_spoor",
        t.RISICO,
        "Er is gekozen geen tweede spoor te starten, maar zonder motivering.",
        herstelactie=herstel,
        herstel_uiterlijk=on(392),
    )
    u = check(
        no_track_two(500, uitzonderingen=unmotivated),
        "tweede_spoor",
        t.TEKORTKOMING,
        "Er is gekozen geen tweede spoor te starten, maar zonder motivering.",
        herstelactie=herstel,
        herstel_uiterlijk=on(500),
        weken=16,
    )
    assert u.verwachte_loonsanctie_weken == 22


def test_the_latest_recorded_exception_counts():
    """Exceptions are read in the order of their dates: the last one recorded is the one in force."""
    older = t.Uitzondering("gemotiveerde_keuze", on(355), "omscholing")
    newer = t.Uitzondering("blijvend_marginale_mogelijkheden", on(380), "2 uur per week")
    for order in ((older, newer), (newer, older)):
        b = finding(run(no_track_two(uitzonderingen=order)), "tweede_spoor")
        assert b.uitleg.startswith("Geen tweede spoor (blijvend marginale mogelijkheden, vastgelegd 21 januari 2026)")


# --- the trajectory itself: plan, zoekprofiel, activity, interventions, its end (Beleidsregels § 6, 8 and 9) -----


def test_without_a_trajectory_its_rules_say_there_is_none():
    u = run(no_track_two())
    for code in (
        "re_integratieplan",
        "zoekprofiel",
        "passend_werk_verbreding",
        "zoekactiviteit",
        "stil_traject",
        "interventies",
        "traject_einde",
    ):
        assert (finding(u, code).oordeel, finding(u, code).uitleg) == (t.NVT, "Er loopt geen tweede-spoortraject.")


def test_the_start_documents_are_a_to_do_for_six_weeks_after_the_start_then_missing():
    """The provider draws up the re-integratieplan and the zoekprofiel within six weeks of the start (11 January
    2026 -> 22 February 2026): a to-do with that date until and on it, a shortcoming of one week (to supply them)
    the day after."""
    todo = complete(412, re_integratieplan=None, zoekprofielen=())
    check(
        todo,
        "re_integratieplan",
        t.NVT,
        "Nog te doen: het traject loopt sinds 11 januari 2026; het re-integratiebedrijf stelt het re-integratieplan "
        "op, uiterlijk 22 februari 2026.",
        herstelactie="Het re-integratiebedrijf legt het re-integratieplan vast.",
        herstel_uiterlijk=on(412),
    )
    check(
        todo,
        "zoekprofiel",
        t.NVT,
        "Nog te doen: het traject loopt sinds 11 januari 2026; het zoekprofiel volgt uiterlijk 22 februari 2026.",
        herstelactie="Het re-integratiebedrijf legt het zoekprofiel vast.",
        herstel_uiterlijk=on(412),
    )
    check(todo, "passend_werk_verbreding", t.NVT, "Nog geen zoekprofiel om te beoordelen.", herstel_stap="zoekprofiel")
    missing = complete(413, re_integratieplan=None, zoekprofielen=())
    check(
        missing,
        "re_integratieplan",
        t.TEKORTKOMING,
        "Het traject loopt sinds 11 januari 2026, maar er is geen re-integratieplan vastgelegd.",
        herstelactie="Laat het re-integratiebedrijf een plan opstellen met trajectbeschrijving, persoonsprofiel, "
        "zoekprofiel en rapportagemomenten.",
        herstel_uiterlijk=on(420),
        weken=1,
    )
    check(
        missing,
        "zoekprofiel",
        t.TEKORTKOMING,
        "Het traject loopt sinds 11 januari 2026 zonder zoekprofiel (branches, functies of werkzaamheden met de meeste "
        "kans op passend werk).",
        herstelactie="Stel een zoekprofiel op dat uitgaat van de belastbaarheid en de arbeidsmarkt.",
        herstel_uiterlijk=on(420),
        weken=1,
    )
    u = check(
        missing, "passend_werk_verbreding", t.NVT, "Geen zoekprofiel om te beoordelen.", herstel_stap="zoekprofiel"
    )
    assert u.verwachte_loonsanctie_weken == 7


def test_a_re_integratieplan_names_what_it_lacks():
    """Werkwijzer § 5: the plan holds a trajectbeschrijving, persoonsprofiel, zoekprofiel and rapportagemomenten; a
    zoekprofiel recorded on its own counts for the plan's."""
    check(
        complete(re_integratieplan=t.PlanInhoud(START, False, True, False, False), zoekprofielen=()),
        "re_integratieplan",
        t.TEKORTKOMING,
        "Het re-integratieplan van 11 januari 2026 mist: trajectbeschrijving, zoekprofiel, rapportagemomenten.",
        herstelactie="Vul het re-integratieplan aan met trajectbeschrijving, zoekprofiel, rapportagemomenten.",
        herstel_uiterlijk=on(707),
        weken=1,
    )
    check(
        complete(re_integratieplan=t.PlanInhoud(START, True, False, True, True)),
        "re_integratieplan",
        t.TEKORTKOMING,
        "Het re-integratieplan van 11 januari 2026 mist: persoonsprofiel.",
        herstelactie="Vul het re-integratieplan aan met persoonsprofiel.",
        herstel_uiterlijk=on(707),
        weken=1,
    )
    check(
        complete(re_integratieplan=t.PlanInhoud(START, True, True, False, True)),
        "re_integratieplan",
        t.IN_ORDE,
        "Plan van 11 januari 2026 met trajectbeschrijving, persoonsprofiel, zoekprofiel en rapportagemomenten.",
    )
    # a plan recorded later than six weeks after the start but complete is in order
    late_plan = complete(re_integratieplan=t.PlanInhoud(on(500), True, True, True, True))
    assert finding(run(late_plan), "re_integratieplan").oordeel == t.IN_ORDE


def test_a_zoekprofiel_judged_too_narrow_is_a_shortcoming_for_the_weeks_it_ran():
    """Rb. Midden-Nederland (rviregister.nl, 'de kortste weg naar betaald werk'): a zoekprofiel narrower than the
    suitable work is a ground for a loonsanctie. Its weeks: from the profile (11 January 2026) to the peildatum (7
    December 2026): 330 days, 48 weeks rounded up; + 6 = 54, at most 52."""
    narrow = t.Oordeel("zoekprofiel_passend", False, "A. Deskundige", "arbeidsdeskundige", on(400))
    facts = complete(
        zoekprofielen=(t.Zoekprofiel(START, ("tolk", "vertaler"), "wens_werknemer"),),
        oordelen=(*complete().oordelen, narrow),
    )
    u = check(
        facts,
        "zoekprofiel",
        t.TEKORTKOMING,
        "Te smal: zoekprofiel van 11 januari 2026 (tolk, vertaler; gebaseerd op wens werknemer). Volgens A. "
        "Deskundige (arbeidsdeskundige, 10 februari 2026) laat de belastbaarheid breder passend werk toe.",
        herstelactie="Verbreed het zoekprofiel naar al het passende werk dat de belastbaarheid toelaat en solliciteer "
        "daarop.",
        herstel_uiterlijk=on(700),
        wie_oordeelt="A. Deskundige (arbeidsdeskundige)",
        weken=48,
    )
    assert u.verwachte_loonsanctie_weken == 52
    # after the end of the wachttijd the weeks stop at its end (3 January 2027: 357 days, 51 weeks)
    after = dataclasses.replace(facts, peildatum=on(760))
    assert finding(run(after), "zoekprofiel").herstel_weken == 51
    # judged wide enough: in order, naming the judge
    wide = dataclasses.replace(narrow, uitkomst=True)
    check(
        dataclasses.replace(facts, oordelen=(*complete().oordelen, wide)),
        "zoekprofiel",
        t.IN_ORDE,
        "Zoekprofiel van 11 januari 2026 (tolk, vertaler; gebaseerd op wens werknemer); A. Deskundige "
        "(arbeidsdeskundige, 10 februari 2026) oordeelde dat het het passende werk omvat.",
    )


def test_a_zoekprofiel_on_the_employees_wish_or_an_unknown_basis_is_a_risk_for_the_labour_expert():
    check(
        complete(zoekprofielen=(t.Zoekprofiel(START, ("tolk",), "wens_werknemer"),)),
        "zoekprofiel",
        t.RISICO,
        "Zoekprofiel van 11 januari 2026 (tolk; gebaseerd op wens werknemer): alleen de wens van de werknemer is geen "
        "basis; UWV vond zo'n profiel te smal als breder werk mogelijk is.",
        herstelactie="Laat het zoekprofiel toetsen aan de belastbaarheid en verbreed het waar nodig.",
        herstel_uiterlijk=on(700),
        wie_oordeelt="arbeidsdeskundige",
    )
    check(
        complete(zoekprofielen=(t.Zoekprofiel(START, (), "onbekend"),)),
        "zoekprofiel",
        t.RISICO,
        "Zoekprofiel van 11 januari 2026 (geen beroepen genoemd; gebaseerd op onbekend): niet vastgelegd waarop het "
        "berust (belastbaarheid, arbeidsmarkt).",
        herstelactie="Laat het zoekprofiel toetsen aan de belastbaarheid en verbreed het waar nodig.",
        herstel_uiterlijk=on(700),
        wie_oordeelt="arbeidsdeskundige",
    )
    check(
        complete(),
        "zoekprofiel",
        t.IN_ORDE,
        "Zoekprofiel van 11 januari 2026 (administratief medewerker, receptionist; gebaseerd op belastbaarheid en "
        "arbeidsmarkt).",
    )


def test_a_zoekprofiel_from_before_the_eerstejaarsevaluatie_must_be_widened():
    """Beleidsregels § 8: the longer the absence, the wider the suitable work; a profile of 2 November 2025, before
    the eerstejaarsevaluatie of 22 December 2025 and not revised since, is a risk. The latest profile counts."""
    old = t.Zoekprofiel(on(300), ("administratief medewerker",), "belastbaarheid_en_arbeidsmarkt")
    check(
        complete(zoekprofielen=(old,)),
        "passend_werk_verbreding",
        t.RISICO,
        "Het zoekprofiel dateert van 2 november 2025, vóór de eerstejaarsevaluatie (22 december 2025), en is sindsdien "
        "niet herzien; naarmate het verzuim langer duurt, is ruimer werk passend.",
        herstelactie="Herzie het zoekprofiel en neem ook werk op een lager niveau of met een ander arbeidspatroon op, "
        "voor zover passend.",
        herstel_uiterlijk=on(700),
        herstel_stap="zoekprofiel",
        wie_oordeelt="arbeidsdeskundige",
    )
    revised = t.Zoekprofiel(on(500), ("magazijnmedewerker",), "arbeidsdeskundig_onderzoek")
    for profiles in ((old, revised), (revised, old)):
        u = check(
            complete(zoekprofielen=profiles),
            "passend_werk_verbreding",
            t.IN_ORDE,
            "Het zoekprofiel is vastgesteld of herzien op 21 mei 2026, na de eerstejaarsevaluatie (22 december 2025).",
            herstel_stap="zoekprofiel",
        )
        assert finding(u, "zoekprofiel").uitleg == (
            "Zoekprofiel van 21 mei 2026 (magazijnmedewerker; gebaseerd op arbeidsdeskundig onderzoek)."
        )
    on_the_day = t.Zoekprofiel(on(350), ("b",), "arbeidsdeskundig_onderzoek")
    assert finding(run(complete(zoekprofielen=(on_the_day,))), "passend_werk_verbreding").oordeel == t.IN_ORDE
    check(
        complete(eerstejaarsevaluatie=None, zoekprofielen=(revised,)),
        "passend_werk_verbreding",
        t.IN_ORDE,
        "Het zoekprofiel is vastgesteld of herzien op 21 mei 2026.",
        herstel_stap="zoekprofiel",
    )


def months_without(facts: t.ToetsFeiten, *months: dt.date) -> t.ToetsFeiten:
    return dataclasses.replace(facts, zoekactiviteit=tuple(m for m in facts.zoekactiviteit if m.maand not in months))


FEB, MRT = dt.date(2026, 2, 1), dt.date(2026, 3, 1)


def test_every_full_calendar_month_of_the_trajectory_needs_job_search_activity():
    """Beleidsregels § 9 ('voldoende initiatief'): in every calendar month the trajectory ran for entirely, at least
    one application or network contact. Started 11 January 2026, peildatum 7 December 2026: February to November,
    10 months, 4 activities each. Without February and March: 59 days, 9 weeks rounded up (+ 6 = 15)."""
    check(
        complete(),
        "zoekactiviteit",
        t.IN_ORDE,
        "In elk van de 10 volle maanden zoekactiviteit (40 sollicitaties en contacten samen).",
        herstel_stap="sollicitatie",
    )
    u = check(
        months_without(complete(), FEB, MRT),
        "zoekactiviteit",
        t.TEKORTKOMING,
        "2 van de 10 volle maanden zonder sollicitatie of netwerkcontact: februari 2026, maart 2026.",
        herstelactie="Spreek een sollicitatieplan per maand af en leg elke sollicitatie en elk contact vast.",
        herstel_uiterlijk=on(700),
        herstel_stap="sollicitatie",
        weken=9,
    )
    assert u.verwachte_loonsanctie_weken == 15
    # a month with only contacts, or only applications, counts
    contacts_only = dataclasses.replace(
        complete(), zoekactiviteit=tuple(t.MaandActiviteit(m.maand, 0, 1) for m in complete().zoekactiviteit)
    )
    assert finding(run(contacts_only), "zoekactiviteit").uitleg == (
        "In elk van de 10 volle maanden zoekactiviteit (10 sollicitaties en contacten samen)."
    )
    applications_only = dataclasses.replace(
        complete(), zoekactiviteit=tuple(t.MaandActiviteit(m.maand, 1, 0) for m in complete().zoekactiviteit)
    )
    assert finding(run(applications_only), "zoekactiviteit").oordeel == t.IN_ORDE


def test_the_months_judged_are_those_the_trajectory_ran_for_entirely():
    """A trajectory starting on the 1st runs that whole month; one starting on the 2nd does not. A month is judged
    once its last day is reached, and not after the trajectory ended or the wachttijd did."""
    from_first = months_without(complete(tweede_spoor=t.TweedeSpoor(FEB)), FEB)
    assert finding(run(from_first), "zoekactiviteit").uitleg.startswith("1 van de 10 volle maanden zonder")
    from_second = months_without(complete(tweede_spoor=t.TweedeSpoor(dt.date(2026, 2, 2))), FEB)
    assert finding(run(from_second), "zoekactiviteit").uitleg.startswith("In elk van de 9 volle maanden")
    assert t.judged_months(dt.date(2026, 1, 11), dt.date(2026, 3, 30)) == [FEB]
    assert t.judged_months(dt.date(2026, 1, 11), dt.date(2026, 3, 31)) == [FEB, MRT]
    assert t.judged_months(dt.date(2026, 11, 1), dt.date(2027, 1, 31)) == [
        dt.date(2026, 11, 1),
        dt.date(2026, 12, 1),
        dt.date(2027, 1, 1),
    ]
    assert t.judged_months(dt.date(2026, 1, 11), dt.date(2026, 2, 27)) == []
    check(
        complete(395),
        "zoekactiviteit",
        t.NVT,
        "Nog geen volle maand traject (gestart 11 januari 2026).",
        herstel_stap="sollicitatie",
    )
    ended = complete(tweede_spoor=t.TweedeSpoor(START, on(420), "plaatsing"))  # ended 2 March 2026
    assert finding(run(ended), "zoekactiviteit").uitleg == (
        "In elk van de 1 volle maanden zoekactiviteit (4 sollicitaties en contacten samen)."
    )
    after_wachttijd = complete(800)  # December 2026 is the last full month before 3 January 2027
    assert finding(run(after_wachttijd), "zoekactiviteit").uitleg.startswith("In elk van de 11 volle maanden")


def test_four_weeks_without_activity_is_a_quiet_trajectory():
    """Beleidsregels § 6 and § 9 ('vinger aan de pols'): four weeks without any activity while the trajectory runs
    is a signal for the employer and the provider. The last activity is the recorded date, else the last day of the
    last month with activity; without any, the start."""
    herstel = {
        "herstelactie": "Spreek werknemer en re-integratiebedrijf aan, houd een voortgangsgesprek en maak afspraken "
        "over sollicitaties.",
        "herstel_uiterlijk": on(430),
        "herstel_stap": "voortgangsgesprek",
        "wie_oordeelt": "werkgever (eigenaar van de re-integratie) met het re-integratiebedrijf",
    }
    check(
        complete(430, zoekactiviteit=(), laatste_zoekactiviteit=None),
        "stil_traject",
        t.RISICO,
        "Geen zoekactiviteit sinds de start (11 januari 2026): 8 weken stil (signaal na 4 weken).",
        **herstel,
    )
    check(
        complete(430, laatste_zoekactiviteit=on(402)),
        "stil_traject",
        t.RISICO,
        "Laatste zoekactiviteit op 12 februari 2026: 4 weken stil (signaal na 4 weken).",
        **herstel,
    )
    check(
        complete(430, laatste_zoekactiviteit=on(403)),
        "stil_traject",
        t.IN_ORDE,
        "Laatste zoekactiviteit op 13 februari 2026, minder dan 4 weken geleden.",
        herstel_stap="voortgangsgesprek",
    )
    check(
        complete(397, zoekactiviteit=(), laatste_zoekactiviteit=None),
        "stil_traject",
        t.IN_ORDE,
        "Traject gestart op 11 januari 2026, minder dan 4 weken geleden.",
        herstel_stap="voortgangsgesprek",
    )
    assert finding(run(complete(398, zoekactiviteit=(), laatste_zoekactiviteit=None)), "stil_traject").oordeel == (
        t.RISICO
    )
    # from the months: activity in February (none in March yet) -> 28 February 2026; 28 days later a signal
    february = (t.MaandActiviteit(dt.date(2026, 1, 1)), t.MaandActiviteit(FEB, 1), t.MaandActiviteit(MRT))
    facts = complete(on_day(dt.date(2026, 3, 28)), zoekactiviteit=february, laatste_zoekactiviteit=None)
    assert t.laatste_activiteit(facts) == dt.date(2026, 2, 28)
    assert finding(run(facts), "stil_traject").uitleg == (
        "Laatste zoekactiviteit op 28 februari 2026: 4 weken stil (signaal na 4 weken)."
    )
    assert t.laatste_activiteit(dataclasses.replace(facts, zoekactiviteit=february[:1])) is None
    check(
        complete(tweede_spoor=t.TweedeSpoor(START, on(600), "plaatsing", "bij Bakker BV")),
        "stil_traject",
        t.NVT,
        "Het traject is beëindigd op 29 augustus 2026.",
        herstel_stap="voortgangsgesprek",
    )
    ends_later = complete(tweede_spoor=t.TweedeSpoor(START, on(710)), laatste_zoekactiviteit=on(600))
    assert finding(run(ends_later), "stil_traject").oordeel == t.RISICO


def on_day(day: dt.date) -> int:
    return (day - D0).days


def test_whether_the_interventions_follow_the_advice_is_a_recorded_judgement():
    """Beleidsregels § 4 and § 6: UWV judges whether the interventions follow the advice of bedrijfsarts and labour
    expert; the toets reads the recorded judgement. Judged not to: a shortcoming for the weeks from the start (11
    January 2026) to the judgement (21 May 2026): 130 days, 19 weeks rounded up (+ 6 = 25)."""
    check(
        complete(oordelen=()),
        "interventies",
        t.RISICO,
        "Niet vastgelegd of de interventies het advies van bedrijfsarts en arbeidsdeskundige volgen; UWV beoordeelt "
        "dat, de toets niet.",
        herstelactie="Laat vastleggen of de ingezette interventies het advies volgen.",
        herstel_uiterlijk=on(700),
        wie_oordeelt="arbeidsdeskundige of re-integratiedeskundige",
    )
    check(
        complete(),
        "interventies",
        t.IN_ORDE,
        "Volgens A. Deskundige (arbeidsdeskundige, 11 januari 2026) volgen de interventies het advies.",
    )
    no = t.Oordeel("interventies_volgen_advies", False, "A. Deskundige", "arbeidsdeskundige", on(500))
    u = check(
        complete(oordelen=(no,)),
        "interventies",
        t.TEKORTKOMING,
        "Volgens A. Deskundige (arbeidsdeskundige, 21 mei 2026) volgen de interventies het advies niet.",
        herstelactie="Zet de geadviseerde interventies alsnog in en stel het plan bij.",
        herstel_uiterlijk=on(700),
        wie_oordeelt="A. Deskundige (arbeidsdeskundige)",
        weken=19,
    )
    assert u.verwachte_loonsanctie_weken == 25
    # judged after the wachttijd (10 February 2027): the weeks stop at its end (3 January 2027: 357 days, 51 weeks)
    late = complete(760, oordelen=(dataclasses.replace(no, datum=on(765)),))
    assert finding(run(late), "interventies").herstel_weken == 51


def test_the_end_of_a_trajectory_states_its_outcome_and_a_failed_one_needs_a_revised_plan():
    """Beleidsregels § 9: when a trajectory fails, probleemanalyse and plan van aanpak must be revised (an
    evaluation on or after its end); a trajectory ending at the end of the wachttijd needs none."""
    check(complete(), "traject_einde", t.NVT, "Het traject loopt.")
    check(complete(tweede_spoor=t.TweedeSpoor(START, on(701))), "traject_einde", t.NVT, "Het traject loopt.")
    check(
        complete(tweede_spoor=t.TweedeSpoor(START, on(700), "plaatsing", "bij Bakker BV")),
        "traject_einde",
        t.IN_ORDE,
        "Beëindigd op 7 december 2026 met plaatsing (bij Bakker BV).",
    )
    check(
        complete(tweede_spoor=t.TweedeSpoor(START, on(600), "eigen_werkgever")),
        "traject_einde",
        t.IN_ORDE,
        "Beëindigd op 29 augustus 2026 met werk bij de eigen werkgever.",
    )
    check(
        complete(tweede_spoor=t.TweedeSpoor(START, on(600))),
        "traject_einde",
        t.IN_ORDE,
        "Beëindigd op 29 augustus 2026 met onbekende uitkomst.",
    )
    # failed on 10 June 2026; the evaluation of that very day counts as the revision (the next one, 20 June, too)
    failed = t.TweedeSpoor(START, on(520), "geen_resultaat", "geen vacatures")
    check(
        complete(tweede_spoor=failed),
        "traject_einde",
        t.IN_ORDE,
        "Beëindigd op 10 juni 2026 met geen resultaat (geen vacatures). Bijgesteld bij de evaluatie van 20 juni 2026.",
    )
    same_day = dataclasses.replace(complete(), stappen=(*complete().stappen, t.Stap("evaluatie", on(520))))
    assert finding(run(dataclasses.replace(same_day, tweede_spoor=failed)), "traject_einde").uitleg.endswith(
        "Bijgesteld bij de evaluatie van 10 juni 2026."
    )
    not_revised = evaluations_without(complete(tweede_spoor=failed), lambda d: d < 520)
    check(
        not_revised,
        "traject_einde",
        t.RISICO,
        "Beëindigd op 10 juni 2026 met geen resultaat (geen vacatures). Na een mislukt traject moeten probleemanalyse "
        "en plan van aanpak worden bijgesteld; dat is niet vastgelegd.",
        herstelactie="Evalueer met de bedrijfsarts en stel het plan van aanpak bij: een nieuw traject, of onderbouw "
        "waarom een tweede traject niet zinvol is.",
        herstel_uiterlijk=on(700),
    )
    at_the_end = evaluations_without(
        complete(740, tweede_spoor=t.TweedeSpoor(START, on(727), "geen_resultaat")), lambda d: d < 727
    )
    check(at_the_end, "traject_einde", t.IN_ORDE, "Beëindigd op 3 januari 2027 met geen resultaat.")
    just_before = evaluations_without(
        complete(740, tweede_spoor=t.TweedeSpoor(START, on(726), "geen_resultaat")), lambda d: d < 726
    )
    assert finding(run(just_before), "traject_einde").oordeel == t.RISICO


def test_therapeutic_work_longer_than_six_weeks_is_a_risk_unless_the_bedrijfsarts_finds_it_responsible():
    """Beleidsregels § 8: working without loonwaarde is adequate for a short period, as a rule not longer than 6
    weeks. 16 April to 15 June 2025 is 61 days (8 whole weeks); one running since 18 October 2026 is 51 days on 7
    December 2026 (7 weeks). A period ending after the peildatum counts up to the peildatum."""
    check(complete(), "arbeidstherapeutisch", t.NVT, "Geen arbeidstherapeutisch werken vastgelegd.")
    check(
        complete(arbeidstherapeutisch=(t.Periode(on(100), on(141)), t.Periode(on(200), on(210)))),
        "arbeidstherapeutisch",
        t.IN_ORDE,
        "2 periode(s), elk binnen 6 weken.",
    )
    periods = (t.Periode(on(100), on(160)), t.Periode(on(650)), t.Periode(on(300), on(310)))
    check(
        complete(arbeidstherapeutisch=periods),
        "arbeidstherapeutisch",
        t.RISICO,
        "Arbeidstherapeutisch werken langer dan de norm van 6 weken: vanaf 16 april 2025 8 weken; vanaf 18 oktober "
        "2026 7 weken (loopt). Kies met de bedrijfsarts voor werk met loonwaarde of een andere aanpak.",
        herstelactie="Zet het arbeidstherapeutisch werken om in werk met loonwaarde, of laat de bedrijfsarts "
        "onderbouwen waarom langer verantwoord is.",
        herstel_uiterlijk=on(700),
        wie_oordeelt="bedrijfsarts",
    )
    ends_later = complete(680, arbeidstherapeutisch=(t.Periode(on(650), on(800)),))  # 31 days up to the peildatum
    assert finding(run(ends_later), "arbeidstherapeutisch").oordeel == t.IN_ORDE
    responsible = t.Oordeel("arbeidstherapeutisch_verantwoord", True, "dr. B. Arts", "bedrijfsarts", on(120))
    check(
        complete(arbeidstherapeutisch=periods[:1], oordelen=(*complete().oordelen, responsible)),
        "arbeidstherapeutisch",
        t.IN_ORDE,
        "Langer dan 6 weken (vanaf 16 april 2025 8 weken), verantwoord volgens dr. B. Arts (bedrijfsarts, 6 mei 2025).",
    )
    not_responsible = dataclasses.replace(responsible, uitkomst=False)
    u = run(complete(arbeidstherapeutisch=periods[:1], oordelen=(*complete().oordelen, not_responsible)))
    assert finding(u, "arbeidstherapeutisch").oordeel == t.RISICO


# --- the outcome: the expected loonsanctie, its cost, the receipt and what the API returns -------------------------


def two_shortcomings() -> t.ToetsFeiten:
    """No eerstejaarsevaluatie (1 week to supply it) and track 2 started on 13 April 2026: without the evaluation its
    deadline is six weeks after the end of week 52, 15 February 2026, so 57 days, 9 weeks (rounded up) late."""
    return complete(tweede_spoor=t.TweedeSpoor(on(350) + dt.timedelta(weeks=16)), eerstejaarsevaluatie=None)


def test_repairs_run_side_by_side_so_the_longest_counts_and_each_shortcoming_says_what_repairing_it_saves():
    """WIA art. 25 lid 14: the sanction ends six weeks after UWV establishes the repair; repairs run side by side,
    so 9 + 6 = 15 weeks. Repairing the late start in time leaves 1 + 6 = 7 weeks (saves 8); repairing the missing
    evaluation alone saves nothing. The cost: 70% of EUR 4,100 = EUR 2,870 a month (BW 7:629, year 2), x 12 x 15 /
    52 = EUR 9,934.62 (rounded to the cent)."""
    u = run(two_shortcomings())
    short = [(b.code, b.herstel_weken, b.bekorting_weken) for b in u.bevindingen if b.oordeel == t.TEKORTKOMING]
    assert short == [("eerstejaarsevaluatie", 1, 0), ("tweede_spoor", 9, 8)]
    assert (u.loonsanctie_mogelijk, u.verwachte_loonsanctie_weken, u.verwachte_loonsanctie_cent) == (True, 15, 993462)
    assert (u.tweede_spoor_vereist, u.tweede_spoor_uiterlijk) == (True, dt.date(2026, 2, 15))
    assert u.receipt.steps[0] == "Wachttijd van 6 januari 2025 tot en met 3 januari 2027; peildatum 7 december 2026."
    assert u.receipt.steps[-2:] == [
        "Loon in jaar 2 per maand (bedragen per 7 december 2026): €\u00a02.870,00",
        "Verwachte loonsanctie: 15 weken, €\u00a09.934,62 voor de werkgever (loon op het niveau van jaar 2)",
    ]
    assert (
        "Eerstejaarsevaluatie (opschudmoment): tekortkoming — Ontbreekt; uiterlijk 4 januari 2026 (einde eerste "
        "ziektejaar). Het re-integratieverslag moet de eerstejaarsevaluatie bevatten (Regeling art. 6 lid 1 onder h)."
    ) in u.receipt.steps
    assert u.ernst == 2
    assert u.telling() == {"in_orde": 14, "risico": 0, "tekortkoming": 2, "niet_van_toepassing": 3}


def test_the_expected_sanction_is_the_longest_repair_plus_six_weeks_at_most_52():
    """WIA art. 25 lid 9 (at most 52 weeks) and lid 14 (ends six weeks after the repair is established)."""
    ctx = LawContext.baseline()
    assert t.expected_weeks(ctx, D0, []) == 0
    assert t.expected_weeks(ctx, D0, [1]) == 7
    assert t.expected_weeks(ctx, D0, [3, 10, 1]) == 16
    assert t.expected_weeks(ctx, D0, [46]) == 52
    assert t.expected_weeks(ctx, D0, [47]) == 52


def test_the_sanction_is_priced_at_the_cao_percentage_in_year_two_when_one_applies():
    """A cao that pays 80% in year 2: EUR 3,280 a month; 16 weeks (ten weeks late + 6) = 3,280 x 12 x 16 / 52 =
    EUR 12,110.77 (rounded to the cent)."""
    late = complete(tweede_spoor=t.TweedeSpoor(on(350) + dt.timedelta(weeks=16)), loon=t.Loon(410000, 3800, 80.0))
    u = run(late)
    assert (u.verwachte_loonsanctie_weken, u.verwachte_loonsanctie_cent) == (16, 1211077)
    assert u.receipt.steps[-2] == "Loon in jaar 2 per maand (bedragen per 7 december 2026): €\u00a03.280,00"
    assert u.as_dict()["verwachte_loonsanctie_eur"] == 12110.77


def test_without_a_wage_the_sanction_has_weeks_but_no_price_and_without_weeks_it_costs_nothing():
    late = complete(tweede_spoor=t.TweedeSpoor(on(350) + dt.timedelta(weeks=16)), loon=None)
    u = run(late)
    assert (u.verwachte_loonsanctie_weken, u.verwachte_loonsanctie_cent) == (16, None)
    assert u.receipt.steps[-1] == "Verwachte loonsanctie: 16 weken"
    assert u.as_dict()["verwachte_loonsanctie_eur"] is None
    clean = run(complete())
    assert (clean.verwachte_loonsanctie_weken, clean.verwachte_loonsanctie_cent) == (0, 0)
    assert (
        clean.receipt.steps[-1]
        == "Verwachte loonsanctie: 0 weken, €\u00a00,00 voor de werkgever (loon op het niveau van jaar 2)"
    )


def test_the_sanction_is_priced_with_amounts_in_force_and_never_with_amounts_not_yet_published():
    """The wage cap of BW 7:629 (the Wfsv maximum dagloon) is published per year; a dossier whose peildatum lies
    beyond the last published amount gets the weeks but no price, and the receipt says why."""
    first = dt.date(2031, 1, 6)
    late = complete(first=first, tweede_spoor=t.TweedeSpoor(first + dt.timedelta(days=350 + 16 * 7)))
    u = run(late)
    assert (u.verwachte_loonsanctie_weken, u.verwachte_loonsanctie_cent) == (16, None)
    assert u.receipt.steps[-2].startswith("Kosten van de loonsanctie niet berekend: Parameter 'wfsv.maximum_dagloon'")
    assert u.receipt.steps[-1] == "Verwachte loonsanctie: 16 weken"


def test_a_bevredigend_resultaat_leaves_findings_but_no_sanction_and_the_receipt_says_why():
    """Beleidsregels § 3: with a bevredigend resultaat UWV imposes no loonsanctie, whatever the findings."""
    u = run(complete(eerstejaarsevaluatie=None, resultaat=t.Resultaat(on(690), True, 70, True)))
    assert finding(u, "eerstejaarsevaluatie").oordeel == t.TEKORTKOMING
    assert (u.loonsanctie_mogelijk, u.verwachte_loonsanctie_weken, u.ernst) == (False, 0, 1)
    assert "Bevredigend resultaat: geen loonsanctie, welke bevindingen er ook zijn (Beleidsregels § 3)." in (
        u.receipt.steps
    )
    assert finding(u, "eerstejaarsevaluatie").bekorting_weken == 0


def test_ernst_is_two_for_a_possible_sanction_one_for_a_risk_and_zero_for_a_clean_dossier():
    assert run(complete()).ernst == 0
    assert run(complete(oordelen=())).ernst == 1  # the interventions not judged: a risk
    assert run(without_step(complete(), "probleemanalyse")).ernst == 2


def test_what_the_api_returns_of_a_toets():
    """The JSON the API and the CLI give: every finding with its verdict, basis and repair, the outcome in euros."""
    u = run(two_shortcomings())
    d = u.as_dict()
    assert {k: v for k, v in d.items() if k not in ("bevindingen", "bon")} == {
        "tweede_spoor_vereist": True,
        "tweede_spoor_uiterlijk": "2026-02-15",
        "bevredigend_resultaat": False,
        "loonsanctie_mogelijk": True,
        "verwachte_loonsanctie_weken": 15,
        "verwachte_loonsanctie_eur": 9934.62,
    }
    assert d["bon"]["stappen"] == u.receipt.steps
    assert d["bon"]["invoer"]["tweede_spoor"] == {"start": "2026-04-13", "einde": None, "uitkomst": None, "reden": ""}
    assert d["bon"]["invoer"]["eerstejaarsevaluatie"] is None
    assert [b["code"] for b in d["bevindingen"]] == [b.code for b in u.bevindingen]
    assert d["bevindingen"][[b.code for b in u.bevindingen].index("tweede_spoor")] == {
        "code": "tweede_spoor",
        "naam": "Start re-integratie tweede spoor",
        "oordeel": "tekortkoming",
        "uitleg": "Te laat gestart: op 13 april 2026, 9 weken na de uiterste datum 15 februari 2026 (zes weken na de "
        "eerstejaarsevaluatie). De gemiste weken zoeken naar werk elders zijn een bekende grond voor een loonsanctie.",
        "grondslag": {
            "regeling": "Beleidsregels beoordelingskader poortwachter",
            "artikel": "bijlage § 5 Plan van aanpak en Eerstejaarsevaluatie, § 7.4, § 8; Werkwijzer Poortwachter § 4.3 "
            "(start uiterlijk zes weken na de eerstejaarsevaluatie, met uitzonderingen)",
            "url": "https://wetten.overheid.nl/BWBR0014375/2006-11-18",
        },
        "herstelactie": "Zet het traject intensief voort (zoekprofiel, sollicitaties elke maand) en leg vast waarom de "
        "start later was.",
        "herstel_uiterlijk": "2026-12-07",
        "herstel_stap": "afwijking_termijn",
        "wie_oordeelt": "",
        "bekorting_weken": 8,
    }
    b = finding(u, "bevredigend_resultaat")
    assert (b.as_dict()["herstel_uiterlijk"], b.oordeel_naam) == (None, "niet van toepassing")
    assert [finding(u, c).oordeel_naam for c in ("probleemanalyse", "tweede_spoor")] == ["in orde", "tekortkoming"]
    assert str(t.REGEL["probleemanalyse"].grondslag) == (
        "Regeling procesgang eerste en tweede ziektejaar, art. 2 lid 2-3 en art. 6 lid 1 onder f; Beleidsregels § 5 "
        "Probleemanalyse en advies"
    )


def test_a_vrijwillige_verlenging_moves_the_end_of_the_wachttijd_the_toets_measures_against():
    """WIA art. 24 lid 1: a voluntary extension of 13 weeks moves the end of the wachttijd from 3 January 2027 to 4
    April 2027; a trajectory failing then still needs a revised plan (it ends before the new end)."""
    u = run(complete(vrijwillige_verlenging_weken=13))
    assert u.einde_wachttijd == dt.date(2027, 4, 4)
    assert u.receipt.steps[0] == "Wachttijd van 6 januari 2025 tot en met 4 april 2027; peildatum 7 december 2026."
    failed = t.TweedeSpoor(START, on(727), "geen_resultaat")
    extended = evaluations_without(
        complete(740, vrijwillige_verlenging_weken=13, tweede_spoor=failed), lambda d: d < 727
    )
    assert finding(run(extended), "traject_einde").oordeel == t.RISICO


def test_the_next_progress_meeting_of_track_two_is_a_month_after_the_last_one():
    """Beleidsregels § 6 (the employer keeps informed), monthly in practice: one month after the last meeting held
    since the start, or after the start; a month from 31 January is 28 February."""
    ctx = LawContext.baseline()
    start = dt.date(2026, 1, 11)
    held = [dt.date(2026, 1, 5), dt.date(2026, 1, 31), dt.date(2026, 2, 10)]  # the first before the start
    due = t.volgend_voortgangsgesprek(ctx, start, held, dt.date(2026, 3, 10))
    assert (due["uiterlijk"], due["te_laat"], due["gehouden"]) == (dt.date(2026, 3, 10), False, 2)
    assert due["grondslag"].startswith(
        "Beleidsregels beoordelingskader poortwachter, bijlage, § 6 Re-integratiebedrijf"
    )
    assert due["url"] == "https://www.loketverzuim.nl"
    assert t.volgend_voortgangsgesprek(ctx, start, held, dt.date(2026, 3, 11))["te_laat"] is True
    none_yet = t.volgend_voortgangsgesprek(ctx, dt.date(2026, 1, 31), [], dt.date(2026, 3, 1))
    assert (none_yet["uiterlijk"], none_yet["te_laat"], none_yet["gehouden"]) == (dt.date(2026, 2, 28), True, 0)
    december = t.volgend_voortgangsgesprek(ctx, dt.date(2026, 12, 15), [], dt.date(2026, 12, 20))
    assert december["uiterlijk"] == dt.date(2027, 1, 15)


# --- a few more edges a casemanager meets ---------------------------------------------------------------------------


def test_a_step_recorded_twice_is_judged_by_the_first_time():
    """A probleemanalyse recorded on 25 February 2025 and again (an earlier one entered later) on 5 February: the
    first one held counts, so it was on time."""
    facts = complete()
    again = dataclasses.replace(facts, stappen=(t.Stap("probleemanalyse", on(50)), *facts.stappen))
    assert (
        finding(run(again), "probleemanalyse").uitleg == "Vastgelegd op 5 februari 2025 (uiterlijk 16 februari 2025)."
    )


def test_sick_again_after_an_interruption_is_not_recovered():
    """Sick from 6 January to 25 February 2025, recovered, sick again from 7 March (within four weeks: one
    wachttijd, ZW art. 29 lid 10): on the peildatum the employee is sick, so the toets runs; the interruption of 9
    days moves the end of the wachttijd from 3 to 12 January 2027."""
    facts = complete(100, perioden=(SickPeriod(D0, on(50)), SickPeriod(on(60))))
    u = run(facts)
    assert u.einde_wachttijd == dt.date(2027, 1, 12)
    assert finding(u, "probleemanalyse").oordeel == t.IN_ORDE


def test_the_receipt_lists_only_what_this_toets_read_even_when_the_context_is_shared():
    """One context may serve several toetsen (a page of cases); each receipt lists exactly the parameters its own
    toets read: the AOW case reads no threshold of the Beleidsregels."""
    ctx = LawContext.baseline()
    t.toets(ctx, complete())
    u = t.toets(ctx, complete(30, aow_op_eerste_ziektedag=True))
    names = [p["naam"] for p in u.receipt.as_dict()["parameters"]]
    assert "poortwachter.aow_loondoorbetaling_weken" in names
    assert not [n for n in names if n.startswith("beoordelingskader.")]


def test_route_steps_on_the_last_day_of_year_one_are_in_time():
    """The end of year 1 (4 January 2026) itself is still in year 1, for the advice and for the choice."""
    on_the_day = with_step_on(complete(), "arbeidsdeskundig_advies", 363)
    facts = dataclasses.replace(
        on_the_day, routekeuze=t.Routekeuze(on(363), "spoor_2", "m", ("werkgever", "werknemer"))
    )
    assert finding(run(facts), "routekeuze").oordeel == t.IN_ORDE


def test_a_trajectory_ended_on_the_peildatum_is_not_quiet():
    facts = complete(tweede_spoor=t.TweedeSpoor(START, on(700), "plaatsing"), laatste_zoekactiviteit=on(600))
    check(
        facts, "stil_traject", t.NVT, "Het traject is beëindigd op 7 december 2026.", herstel_stap="voortgangsgesprek"
    )


def test_a_sanction_judged_after_the_wachttijd_is_priced_with_the_amounts_at_its_end():
    """Peildatum 4 February 2027, after the end of the wachttijd (3 January 2027): the amounts of 3 January 2027."""
    u = run(complete(760, tweede_spoor=t.TweedeSpoor(on(350) + dt.timedelta(weeks=16))))
    assert u.receipt.steps[-2] == "Loon in jaar 2 per maand (bedragen per 3 januari 2027): €\u00a02.870,00"
    assert u.verwachte_loonsanctie_cent == 1059692  # 2,870 x 12 x 16 / 52 = 10,596.92


def test_a_dossier_before_the_werkwijzer_is_refused_with_the_reason():
    """The six weeks for the start of track 2 come from the UWV Werkwijzer Poortwachter (first published March
    2017); a first sick day in January 2016 has no such term, and the toets says so instead of guessing."""
    first = dt.date(2016, 1, 4)
    facts = t.ToetsFeiten(perioden=(SickPeriod(first),), peildatum=first + 400 * DAY, loon=t.Loon(300000, 3800))
    message = refused(facts)
    assert message.startswith(
        "De RIV-toets meet de start van het tweede spoor aan een termijn na de eerstejaarsevaluatie (parameter "
        "'poortwachter.start_tweede_spoor_weken'); voor een eerste ziektedag op 4 januari 2016 is die er niet. "
        "Geen vaste termijn."
    )
    assert message.endswith(" Dit dossier kan de toets daarom niet beoordelen.")


def test_a_narrow_profile_set_on_the_peildatum_has_missed_no_weeks_yet():
    """The repair of a too-narrow profile takes as long as the profile was used: one set on the peildatum itself has
    missed nothing yet, so only the six weeks after the repair remain (WIA art. 25 lid 14)."""
    narrow = t.Oordeel("zoekprofiel_passend", False, "A. Deskundige", "arbeidsdeskundige", on(700))
    facts = complete(
        zoekprofielen=(t.Zoekprofiel(on(700), ("tolk",), "wens_werknemer"),), oordelen=(*complete().oordelen, narrow)
    )
    u = run(facts)
    assert (finding(u, "zoekprofiel").herstel_weken, u.verwachte_loonsanctie_weken) == (0, 6)


def test_months_after_the_peildatum_are_not_judged_even_when_the_trajectory_ends_later():
    """A trajectory planned to end on 16 January 2027: on the peildatum 7 December 2026 only February to November
    are full months behind us; December is not judged yet."""
    facts = complete(tweede_spoor=t.TweedeSpoor(START, on(740)))
    assert finding(run(facts), "zoekactiviteit").uitleg == (
        "In elk van de 10 volle maanden zoekactiviteit (40 sollicitaties en contacten samen)."
    )


def test_edges_of_the_route_the_windows_and_the_65_percent():
    """A route choice without motivation after the advice was given: repair now (the peildatum), not at the end of
    year 1. An actueel oordeel on the first day of week 87 (31 August 2026) is inside its window. Work at exactly
    65% that is not structural misses only the structural condition, not the percentage."""
    facts = complete(250, routekeuze=t.Routekeuze(on(240), "spoor_1", "", ("werkgever", "werknemer")))
    assert finding(run(facts), "routekeuze").herstel_uiterlijk == on(250)
    first_day = with_step_on(complete(), "actueel_oordeel", on_day(dt.date(2026, 8, 31)))
    assert finding(run(first_day), "actueel_oordeel").oordeel == t.IN_ORDE
    b = finding(run(complete(resultaat=t.Resultaat(on(690), False, 65, True))), "bevredigend_resultaat")
    assert b.uitleg.endswith("): het werk is niet structureel. UWV beoordeelt daarom de inspanningen.")


def test_the_outcome_names_its_peildatum_and_the_receipt_why_no_sanction_follows():
    """The receipt says in one line why no loonsanctie follows when the bedrijfsarts found no benutbare
    mogelijkheden; a clean dossier is not priced at all (no wage line); the outcome carries its peildatum."""
    judged = t.Oordeel("geen_benutbare_mogelijkheden", True, "dr. B. Arts", "bedrijfsarts", on(300))
    u = run(without_step(no_track_two(oordelen=(judged,)), "probleemanalyse"))
    assert "Geen benutbare mogelijkheden volgens de bedrijfsarts: geen loonsanctie (Beleidsregels § 7.4)." in (
        u.receipt.steps
    )
    assert u.peildatum == on(500)
    clean = run(complete())
    assert not [s for s in clean.receipt.steps if s.startswith("Loon in jaar 2")]


def test_therapeutic_work_of_exactly_eight_weeks_is_named_eight_weeks():
    """16 April to 10 June 2025 is 56 days, both days counted: 8 weeks."""
    facts = complete(arbeidstherapeutisch=(t.Periode(on(100), on(155)),))
    assert "vanaf 16 april 2025 8 weken." in finding(run(facts), "arbeidstherapeutisch").uitleg


def test_job_titles_in_a_zoekprofiel_keep_their_capitals():
    """The finding's text starts with a capital without lowering what the casemanager typed: 'ICT-medewerker' and
    'MBO-docent' stay as written (str.capitalize() made them 'ict-medewerker')."""
    check(
        complete(
            zoekprofielen=(t.Zoekprofiel(START, ("ICT-medewerker", "MBO-docent"), "belastbaarheid_en_arbeidsmarkt"),)
        ),
        "zoekprofiel",
        t.IN_ORDE,
        "Zoekprofiel van 11 januari 2026 (ICT-medewerker, MBO-docent; gebaseerd op belastbaarheid en arbeidsmarkt).",
    )
