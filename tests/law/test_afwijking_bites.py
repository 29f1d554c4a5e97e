"""A recorded deviation from a legal deadline (law/afwijking.py): the dict the case page and the API read, the line
the schedule and the RIV-toets show, and the Dutch refusals word for word. Rules a mutation run of afwijking.py
showed unguarded (benchmarks/mutation.py --module afwijking.py). Each expected value is worked out by hand from
the rule and its source: Regeling procesgang eerste en tweede ziektejaar art. 5 for the terms of art. 2 and 4,
WIA art. 25 lid 9 for the others."""

from __future__ import annotations

import datetime as dt

import pytest

from spoorwijzer.law import afwijking as afw
from spoorwijzer.law.errors import InvalidInput
from spoorwijzer.law.poortwachter import Event

D = dt.date
RECORDED = D(2025, 2, 13)  # the day the deviation was recorded
DEADLINE = D(2025, 2, 16)  # the probleemanalyse of a first sick day 6 January 2025: end of sick week 6

DATA = {
    "stap": "probleemanalyse",
    "grond": "toestand_werknemer",
    "motivatie": "Werknemer opgenomen; spreekuur pas na ontslag mogelijk",
    "oordeel_door": "dr. Jansen",
    "oordeel_rol": "bedrijfsarts",
    "document": "Verslag spreekuur 3 februari",
    "nieuwe_datum": "2025-03-07",
}


def refused(call, *args) -> str:
    with pytest.raises(InvalidInput) as err:
        call(*args)
    return str(err.value)


# --- what the case page and the API read ----------------------------------------------------------------------------


def test_the_recorded_deviation_as_a_dict_names_its_ground_and_its_judge():
    a = afw.uit_gegevens(RECORDED, DATA)
    # the probleemanalyse is a term of art. 2 of the Regeling procesgang: art. 5 lets employer and employee
    # depart from it with a motivation, and UWV weighs that motivation in the RIV-toets (§ 4)
    assert a.as_dict() == {
        "stap": "probleemanalyse",
        "vastgelegd_op": "2025-02-13",
        "grond": "toestand_werknemer",
        "motivatie": "Werknemer opgenomen; spreekuur pas na ontslag mogelijk",
        "nieuwe_datum": "2025-03-07",
        "oordeel_door": "dr. Jansen",
        "oordeel_rol": "bedrijfsarts",
        "document": "Verslag spreekuur 3 februari",
        "grondslag": "Regeling procesgang eerste en tweede ziektejaar, art. 5 (werkgever en werknemer wijken "
        "gemotiveerd af van de termijnen van art. 2 en 4)",
        "wie_oordeelt": "UWV bij de RIV-toets: of de motivering de afwijking draagt (Beleidsregels "
        "beoordelingskader poortwachter § 4)",
    }
    # a step done late needs no new date: the dict says null, not a date
    done_late = afw.uit_gegevens(RECORDED, {**DATA, "nieuwe_datum": ""})
    assert done_late.nieuwe_datum is None and done_late.as_dict()["nieuwe_datum"] is None


def test_a_deviation_from_a_deadline_outside_the_regeling_rests_on_wia_art_25_lid_9():
    # the start of the second track has no art. 5 clause: only "zonder deugdelijke grond" of WIA art. 25 lid 9
    a = afw.uit_gegevens(RECORDED, {**DATA, "stap": "start_tweede_spoor"})
    d = a.as_dict()
    assert d["grondslag"] == (
        "Wet werk en inkomen naar arbeidsvermogen, art. 25 lid 9 (een loonsanctie alleen bij onvoldoende "
        "re-integratie-inspanningen zonder deugdelijke grond)"
    )
    assert d["wie_oordeelt"] == (
        "UWV bij de RIV-toets: of de grond deugdelijk is (Beleidsregels beoordelingskader poortwachter § 3 en § 4)"
    )
    assert a.grondslag.url == "https://wetten.overheid.nl/BWBR0019057/2024-01-01#Hoofdstuk4_Artikel25"


def test_the_line_the_schedule_and_the_riv_toets_show():
    a = afw.uit_gegevens(RECORDED, {**DATA, "motivatie": "  Werknemer opgenomen  "})
    # the motivation stripped, the judge with the role's name in lower case, the Dutch date, the document, the
    # short citation of the ground
    assert a.beschrijving() == (
        "Afwijking: Werknemer opgenomen (oordeel van dr. Jansen (bedrijfsarts), 13 februari 2025, Verslag "
        "spreekuur 3 februari; Regeling procesgang art. 5)"
    )
    # without a document no empty ", " before the citation
    zonder = afw.uit_gegevens(RECORDED, {**DATA, "document": "  ", "stap": "melding_uwv", "oordeel_rol": "werkgever"})
    assert zonder.document == ""
    assert zonder.beschrijving() == (
        "Afwijking: Werknemer opgenomen; spreekuur pas na ontslag mogelijk (oordeel van dr. Jansen (werkgever), "
        "13 februari 2025; WIA art. 25 lid 9)"
    )


# --- what a deviation must say ----------------------------------------------------------------------------------------


def test_the_fields_are_read_stripped_and_the_new_date_from_an_iso_text_or_a_date():
    a = afw.uit_gegevens(
        RECORDED, {**DATA, "oordeel_door": "  dr. Jansen ", "nieuwe_datum": "2025-03-07T09:30:00+01:00"}
    )
    # a timestamp from a form or a JSON body: its first ten characters are the date
    assert (a.stap, a.vastgelegd_op, a.grond, a.oordeel_door, a.oordeel_rol) == (
        "probleemanalyse",
        RECORDED,
        "toestand_werknemer",
        "dr. Jansen",
        "bedrijfsarts",
    )
    assert a.nieuwe_datum == D(2025, 3, 7)
    assert afw.uit_gegevens(RECORDED, {**DATA, "nieuwe_datum": D(2025, 3, 8)}).nieuwe_datum == D(2025, 3, 8)
    assert afw.uit_gegevens(RECORDED, {**DATA, "nieuwe_datum": None}).nieuwe_datum is None
    # no document given at all: an empty one
    assert afw.uit_gegevens(RECORDED, {k: v for k, v in DATA.items() if k != "document"}).document == ""
    assert refused(afw.uit_gegevens, RECORDED, {**DATA, "nieuwe_datum": "7 maart"}) == (
        "'7 maart' is geen geldige datum (jjjj-mm-dd)."
    )


def test_the_refusals_word_for_word():
    zonder_stap = {k: v for k, v in DATA.items() if k != "stap"}
    assert refused(afw.uit_gegevens, RECORDED, zonder_stap) == (
        "Van de termijn van '—' kan niet met een deugdelijke grond worden afgeweken; kies een stap met een "
        "wettelijke termijn."
    )
    # the UWV's own step has no deadline of the employer to depart from
    assert refused(afw.uit_gegevens, RECORDED, {**DATA, "stap": "uwv_wia_brief"}) == (
        "Van de termijn van 'uwv_wia_brief' kan niet met een deugdelijke grond worden afgeweken; kies een stap met "
        "een wettelijke termijn."
    )
    assert refused(afw.uit_gegevens, RECORDED, {k: v for k, v in DATA.items() if k != "motivatie"}) == (
        "Een afwijking van een wettelijke termijn is alleen met een motivering mogelijk."
    )
    who = "Noem wie de afwijking beoordeelde en in welke rol: het is het oordeel van een persoon."
    assert refused(afw.uit_gegevens, RECORDED, {k: v for k, v in DATA.items() if k != "oordeel_door"}) == who
    assert refused(afw.uit_gegevens, RECORDED, {**DATA, "oordeel_door": "   "}) == who
    assert refused(afw.uit_gegevens, RECORDED, {k: v for k, v in DATA.items() if k != "oordeel_rol"}) == who
    assert refused(afw.uit_gegevens, RECORDED, {k: v for k, v in DATA.items() if k != "grond"}) == (
        "Kies de grond van de afwijking."
    )
    # every role and every ground of the lists is accepted
    for rol, _ in afw.OORDEEL_ROLLEN:
        assert afw.uit_gegevens(RECORDED, {**DATA, "oordeel_rol": rol}).oordeel_rol == rol
    for grond, _ in afw.GRONDEN:
        assert afw.uit_gegevens(RECORDED, {**DATA, "grond": grond}).grond == grond


def test_controleer_refuses_in_dutch_word_for_word():
    a = afw.uit_gegevens(RECORDED, DATA)
    assert refused(afw.controleer, a, None, None) == (
        "Deze stap heeft (nog) geen wettelijke termijn; een afwijking ervan is niet nodig."
    )
    open_ = afw.uit_gegevens(RECORDED, {**DATA, "nieuwe_datum": None})
    assert refused(afw.controleer, open_, DEADLINE, None) == (
        "De stap is nog niet gedaan: vul de nieuwe datum in waarop hij alsnog gebeurt, zodat de termijn bewaakt blijft."
    )
    # a new date on the deadline itself is no deviation: the step is then on time
    on_deadline = afw.uit_gegevens(RECORDED, {**DATA, "nieuwe_datum": "2025-02-16"})
    assert refused(afw.controleer, on_deadline, DEADLINE, None) == (
        "De nieuwe datum (16 februari 2025) ligt niet na de uiterste datum (16 februari 2025): dan is er geen "
        "afwijking van de termijn nodig."
    )
    before = afw.uit_gegevens(RECORDED, {**DATA, "nieuwe_datum": "2025-02-10"})
    assert "De nieuwe datum (10 februari 2025) ligt niet na de uiterste datum (16 februari 2025)" in refused(
        afw.controleer, before, DEADLINE, None
    )
    # one day after the deadline is a deviation; done late without a new date is too
    afw.controleer(afw.uit_gegevens(RECORDED, {**DATA, "nieuwe_datum": "2025-02-17"}), DEADLINE, None)
    afw.controleer(open_, DEADLINE, D(2025, 2, 20))


def test_the_deviation_that_stands_is_the_last_one_recorded_per_step():
    first = Event(afw.EVENT, D(2025, 2, 10), {**DATA, "nieuwe_datum": "2025-03-01"})
    other_step = Event(afw.EVENT, D(2025, 2, 11), {**DATA, "stap": "plan_van_aanpak"})
    unrelated = Event("probleemanalyse", D(2025, 2, 12))  # a step done, not a deviation: not read as one
    second = Event(afw.EVENT, D(2025, 2, 13), {**DATA, "nieuwe_datum": "2025-03-07"})
    stands = afw.per_stap([first, other_step, unrelated, second])
    assert sorted(stands) == ["plan_van_aanpak", "probleemanalyse"]
    assert (stands["probleemanalyse"].vastgelegd_op, stands["probleemanalyse"].nieuwe_datum) == (
        D(2025, 2, 13),
        D(2025, 3, 7),
    )
    assert stands["plan_van_aanpak"].vastgelegd_op == D(2025, 2, 11)
    assert afw.per_stap([unrelated]) == {}
