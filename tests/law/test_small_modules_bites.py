"""The small modules of law/ pinned by what a user reads or the law says: Dutch notation of dates, percentages and
euros, the error message naming a missing parameter, reforms of the law context, the receipt, retention dates, the
routes for disputes, the no-riskpolis, follow-up policy, preferred and earliest dates, the supervision score and the
parameter lookup of the numpy twins."""

from __future__ import annotations

import datetime as dt
from importlib.metadata import version as package_version

import numpy as np
import pytest

from spoorwijzer.law import geschillen, nazorg, opvolging, tekst, vroegst
from spoorwijzer.law.aow import aow_datum
from spoorwijzer.law.bewaartermijn import bewaartermijn
from spoorwijzer.law.context import LawContext, ParameterChange, Reform
from spoorwijzer.law.errors import InvalidInput, ParameterNotCovered
from spoorwijzer.law.money import bp, clip0, euro, mul_div, pct_of
from spoorwijzer.law.receipt import Receipt, _jsonable, _version
from spoorwijzer.law.toezicht import Jaar, toezichtscore
from spoorwijzer.law.vec import param_array
from spoorwijzer.law.voorkeur import Preference, PreferencePolicy, _preference, default_policy
from spoorwijzer.law.weeks import SickPeriod, current_wachttijd

D = dt.date
NBSP = "\u00a0"
AOW = "aow.pensioengerechtigde_leeftijd"


def ctx() -> LawContext:
    return LawContext.baseline()


# --- money.py ---------------------------------------------------------------------------------------------------


def test_euro_is_written_the_dutch_way_with_a_non_breaking_space():
    """Amounts read '€ 12.345,67': point between thousands, decimal comma, a space that never breaks, minus first."""
    assert euro(1234567) == f"€{NBSP}12.345,67"
    assert euro(100_000_000) == f"€{NBSP}1.000.000,00"
    assert euro(0) == f"€{NBSP}0,00"
    assert euro(5) == f"€{NBSP}0,05"
    assert euro(-5) == f"-€{NBSP}0,05"
    assert euro(-123456) == f"-€{NBSP}1.234,56"
    assert euro(np.int64(4100_00)) == f"€{NBSP}4.100,00"


def test_cents_round_half_up_and_percentages_are_basis_points():
    """Money is whole cents rounded half up (0.5 cent becomes 1); 70% is 7000 basis points, 50.75% is 5075."""
    assert mul_div(1, 1, 2) == 1  # half a cent: up
    assert mul_div(5, 1, 4) == 1  # 1.25: down
    assert mul_div(7, 1, 4) == 2  # 1.75: up
    assert mul_div(1, 1, 3) == 0
    assert mul_div(300_000, 12, 52) == 69_231  # 3,000 euro a month as a week: 692.307... -> 692.31
    assert list(mul_div(np.array([1, 3, 10]), 1, 2)) == [1, 2, 5]
    assert bp(70) == 7000 and bp("50.75") == 5075 and bp(0.5) == 50
    assert pct_of(300_000, 7000) == 210_000 and pct_of(1, 5000) == 1 and pct_of(1, 4999) == 0
    assert list(clip0(np.array([-5, 0, 5]))) == [0, 0, 5]


# --- tekst.py ---------------------------------------------------------------------------------------------------


def test_dates_are_written_in_dutch_and_a_moment_is_dated_as_the_netherlands_dates_it():
    """'24 november 2026', lowercase months; 23:30 UTC on 24 November is 25 November in the Netherlands."""
    assert tekst.datum(D(2026, 1, 1)) == "1 januari 2026"
    assert tekst.datum(D(2025, 12, 31)) == "31 december 2025"
    assert tekst.datum("2026-03-05") == "5 maart 2026"
    assert tekst.datum("2026-11-24T23:30:00+00:00") == "24 november 2026"  # an ISO string: its date as written
    assert tekst.datum(dt.datetime(2026, 11, 24, 23, 30, tzinfo=dt.UTC)) == "25 november 2026"
    assert tekst.datum(dt.datetime(2026, 6, 30, 22, 30, tzinfo=dt.UTC)) == "1 juli 2026"  # summer time: UTC+2
    assert tekst.datum(dt.datetime(2026, 11, 24, 23, 30)) == "24 november 2026"  # no time zone: as given
    assert tekst.datum(None) == "—" and tekst.datum("") == "—"
    assert tekst.datum(None, leeg="onbekend") == "onbekend"


def test_a_moment_is_dated_in_dutch_time_whatever_the_machines_time_zone(monkeypatch):
    """A server or CLI running in UTC still dates 23:30 UTC on 24 November as 25 November (Europe/Amsterdam)."""
    import time

    for zone in ("UTC", "America/New_York"):
        monkeypatch.setenv("TZ", zone)
        time.tzset()
        assert tekst.datum(dt.datetime(2026, 11, 24, 23, 30, tzinfo=dt.UTC)) == "25 november 2026", zone
    monkeypatch.undo()
    time.tzset()


def test_percentages_have_a_decimal_comma_and_repeated_steps_are_numbered():
    """'38,23%' with two decimals unless asked otherwise; the 2nd evaluation reads '2e evaluatie plan van aanpak'."""
    assert tekst.procent(38.2345) == "38,23%"
    assert tekst.procent(70, 0) == "70%"
    assert tekst.procent(12.5, 1) == "12,5%"
    assert tekst.stapnaam("Evaluatie plan van aanpak", 2) == "2e evaluatie plan van aanpak"
    assert tekst.stapnaam("Evaluatie plan van aanpak") == "Evaluatie plan van aanpak"
    assert tekst.stapnaam("Evaluatie plan van aanpak", 0) == "Evaluatie plan van aanpak"


# --- errors.py --------------------------------------------------------------------------------------------------


def test_a_missing_parameter_is_named_with_what_it_is_and_the_dates_it_covers():
    """The user reads which amount or rule is missing for which date, and from when the first version holds."""
    with pytest.raises(ParameterNotCovered) as before:
        ctx().value(AOW, D(2018, 6, 1))
    assert str(before.value) == (
        "Parameter 'aow.pensioengerechtigde_leeftijd' (De pensioengerechtigde leeftijd (AOW-leeftijd) in een "
        "kalenderjaar, in jaren en maanden) heeft geen vastgestelde waarde op 1 juni 2018: de eerste vastgelegde "
        "versie geldt vanaf 1 januari 2019. Er is geen stilzwijgende voortzetting van een ander bedrag; een "
        "berekening die deze waarde nodig heeft kan voor die datum niet worden gemaakt."
    )
    assert (before.value.name, before.value.on) == (AOW, D(2018, 6, 1))
    with pytest.raises(ParameterNotCovered) as after:
        ctx().value(AOW, D(2032, 1, 1))
    assert ": voor die datum is geen bedrag of regel vastgelegd. Er is geen" in str(after.value)
    assert "op 1 januari 2032" in str(after.value)


def test_the_description_is_cut_at_its_first_clause_but_not_at_an_article_number():
    """'art. 21 van de wet' is not the end of a sentence; ' - ' and '. ' before a capital end the first clause."""
    plain = ParameterNotCovered("x.y", D(2026, 1, 1))
    assert str(plain).startswith("Parameter 'x.y' heeft geen vastgestelde waarde op 1 januari 2026. Er is geen")
    dash = ParameterNotCovered("x.y", D(2026, 1, 1), "Deskundigenoordeel van UWV - de bijdrage en de termijn.")
    assert str(dash).startswith("Parameter 'x.y' (Deskundigenoordeel van UWV) heeft geen")
    art = ParameterNotCovered("x.y", D(2026, 1, 1), "Zie art. 21 van de wet. Daarna volgt meer.")
    assert str(art).startswith("Parameter 'x.y' (Zie art. 21 van de wet) heeft geen")
    dot = ParameterNotCovered("x.y", D(2026, 1, 1), "Het minimumloon per maand.")
    assert str(dot).startswith("Parameter 'x.y' (Het minimumloon per maand) heeft geen")
    not_a_date = ParameterNotCovered("x.y", "2026-H1")
    assert str(not_a_date).startswith("Parameter 'x.y' heeft geen vastgestelde waarde op 2026-H1. Er is")


# --- context.py -------------------------------------------------------------------------------------------------


def _reform(*changes: ParameterChange) -> Reform:
    return Reform("Proef", "Een proefhervorming", changes)


def test_a_reform_changes_a_value_from_its_date_and_keeps_the_old_one_before_it():
    """A reform from 1 January 2024 (the first day of a version) leaves 2023 as it was, and the receipt names it."""
    change = ParameterChange(AOW, D(2024, 1, 1), {"jaren": 68, "maanden": 0}, "voorstel: 68 jaar")
    base = ctx()
    r = base.with_reform(_reform(change))
    assert r.reform is not None and r.reform.name == "Proef" and base.reform is None
    assert r.value(AOW, D(2023, 12, 31)) == {"jaren": 66, "maanden": 10}
    assert r.value(AOW, D(2024, 1, 1)) == {"jaren": 68, "maanden": 0}
    assert r.value(AOW, D(2030, 6, 1)) == {"jaren": 68, "maanden": 0}  # every later version changes too
    new = r.version(AOW, D(2024, 1, 1))
    assert new.valid_from == D(2024, 1, 1) and new.note == "voorstel: 68 jaar" and not new.voorlopig
    assert new.reference.law == "Hervorming: Proef" and new.reference.article == "voorstel: 68 jaar"
    assert base.value(AOW, D(2024, 1, 1)) == {"jaren": 67, "maanden": 0}  # the baseline is untouched
    # no version that covers no day (from 1 January 2024 to 31 December 2023) is left in the parameter's history
    assert all(v.valid_to is None or v.valid_from <= v.valid_to for v in r.parameter(AOW).versions)
    assert len(r.parameter(AOW).versions) == len(base.parameter(AOW).versions)
    read = r.reads[(AOW, D(2024, 1, 1))]
    assert read.hervorming and (read.name, read.on) == (AOW, D(2024, 1, 1))
    assert not r.reads[(AOW, D(2023, 12, 31))].hervorming


def test_a_reform_mid_version_splits_it_without_a_gap():
    """From 1 July 2026 a 3-year retention: 30 June 2026 still has 2 years, and no day is left without a value."""
    name = "bewaartermijn.werkgeversdossier_jaren"
    r = ctx().with_reform(_reform(ParameterChange(name, D(2026, 7, 1), 3, "proef")))
    assert r.value(name, D(2026, 6, 30)) == 2 and r.value(name, D(2026, 7, 1)) == 3
    assert r.value(name, D(2040, 1, 1)) == 3  # an open-ended version is changed too
    assert [(v.valid_from, v.valid_to, v.value) for v in r.parameter(name).versions] == [
        (D(2016, 4, 29), D(2026, 6, 30), 2),
        (D(2026, 7, 1), None, 3),
    ]


def test_a_reformed_provisional_amount_is_the_reforms_own_not_provisional():
    """A reform of the provisional minimum wage of July 2026 sets its own amount: no 'voorlopig' warning for it."""
    name = "wml.referentieminimummaandloon"
    r = ctx().with_reform(_reform(ParameterChange(name, D(2026, 7, 1), 250_000, "proef")))
    receipt = Receipt(r)
    assert r.value(name, D(2026, 7, 1)) == 250_000 and not r.version(name, D(2026, 7, 1)).voorlopig
    assert receipt.warnings == []


def test_a_reform_from_a_versions_last_day_changes_that_day():
    """A change from 31 December 2019 (the last day of the 2019 AOW version) already holds on that day."""
    r = ctx().with_reform(_reform(ParameterChange(AOW, D(2019, 12, 31), {"jaren": 65, "maanden": 0}, "proef")))
    assert r.value(AOW, D(2019, 12, 30)) == {"jaren": 66, "maanden": 4}
    assert r.value(AOW, D(2019, 12, 31)) == {"jaren": 65, "maanden": 0}


def test_a_reform_of_one_part_keeps_the_other_parts_and_an_unknown_part_is_refused():
    """Changing the no-riskpolis' five years keeps its 70% and 104 weeks; a part the parameter lacks is an error."""
    r = ctx().with_reform(_reform(ParameterChange("zw.no_risk", D(2025, 1, 1), 3, "proef", key="jaren")))
    assert r.value("zw.no_risk", D(2025, 1, 1)) == {"jaren": 3, "ziekengeld_percentage": 70, "ziekengeld_weken": 104}
    with pytest.raises(KeyError, match="zw.no_risk heeft geen onderdeel 'maanden'"):
        ctx().with_reform(_reform(ParameterChange("zw.no_risk", D(2025, 1, 1), 3, "proef", key="maanden")))
    with pytest.raises(KeyError, match="heeft geen onderdeel 'jaren'"):
        ctx().with_reform(
            _reform(ParameterChange("bewaartermijn.werkgeversdossier_jaren", D(2025, 1, 1), 3, "p", key="jaren"))
        )


def test_a_reform_after_the_last_version_of_a_closed_parameter_is_refused():
    """The AOW age is set up to 2031; a reform from 2040 has no version to change."""
    with pytest.raises(ValueError, match="aow.pensioengerechtigde_leeftijd: geen versie geldt op of na 2040-01-01"):
        ctx().with_reform(_reform(ParameterChange(AOW, D(2040, 1, 1), {"jaren": 70, "maanden": 0}, "proef")))


def test_a_fresh_context_keeps_the_parameters_and_the_reform_but_not_the_trace():
    """Each calculation has its own receipt: a fresh context has no reads of the previous one."""
    r = ctx().with_reform(_reform(ParameterChange(AOW, D(2024, 1, 1), {"jaren": 68, "maanden": 0}, "proef")))
    r.value(AOW, D(2024, 1, 1))
    f = r.fresh()
    assert f.reads == {} and f.reform is r.reform and f.parameters is r.parameters
    assert f.value(AOW, D(2024, 1, 1)) == {"jaren": 68, "maanden": 0}


# --- receipt.py -------------------------------------------------------------------------------------------------


def test_the_receipt_lists_inputs_steps_parameters_and_the_reform_as_a_reader_sees_them():
    """A receipt says which version of which rule answered for which date, with its source, and names a reform."""
    change = ParameterChange("zw.no_risk", D(2025, 1, 1), 3, "proef: drie jaar", key="jaren")
    r = ctx().with_reform(_reform(change))
    receipt = Receipt(r, {"in_dienst": D(2026, 1, 5), "groep": ("wajong",)})
    r.value("zw.no_risk", D(2026, 1, 5))
    r.value("bewaartermijn.medisch_dossier_jaren", D(2026, 1, 5))
    receipt.step("Vijf jaar vanaf de eerste werkdag")
    out = receipt.as_dict()
    assert out["regelversie"] == f"spoorwijzer-law {package_version('spoorwijzer')}"
    assert out["invoer"] == {"in_dienst": "2026-01-05", "groep": ["wajong"]}
    assert out["stappen"] == ["Vijf jaar vanaf de eerste werkdag"] and out["waarschuwingen"] == []
    assert out["parameters"] == [
        {
            "naam": "zw.no_risk",
            "peildatum": "2026-01-05",
            "geldig_vanaf": "2025-01-01",
            "waarde": {"jaren": 3, "ziekengeld_percentage": 70, "ziekengeld_weken": 104},
            "grondslag": "Hervorming: Proef, proef: drie jaar",
            "url": "https://wetten.overheid.nl/BWBR0001888",
            "voorlopig": False,
            "hervorming": True,
        },
        {
            "naam": "bewaartermijn.medisch_dossier_jaren",
            "peildatum": "2026-01-05",
            "geldig_vanaf": "2020-01-01",
            "waarde": 20,
            "grondslag": "Burgerlijk Wetboek Boek 7 (Wet op de geneeskundige behandelingsovereenkomst), art. 7:454 lid 3",
            "url": "https://wetten.overheid.nl/BWBR0005290/2020-01-01#Boek7_Titeldeel7_Afdeling5_Artikel454",
            "voorlopig": False,
            "hervorming": False,
        },
    ]
    assert out["hervorming"] == {
        "naam": "Proef",
        "beschrijving": "Een proefhervorming",
        "wijzigingen": [
            {"parameter": "zw.no_risk.jaren", "vanaf": "2025-01-01", "waarde": 3, "toelichting": "proef: drie jaar"}
        ],
    }
    plain = Receipt(ctx())
    assert "hervorming" not in plain.as_dict() and plain.used == []


def test_a_whole_value_reform_is_named_without_a_part():
    """A reform of a whole parameter names it as the parameter files spell it, without a part after a dot."""
    r = ctx().with_reform(_reform(ParameterChange("bewaartermijn.werkgeversdossier_jaren", D(2026, 7, 1), 3, "p")))
    assert Receipt(r).as_dict()["hervorming"]["wijzigingen"][0]["parameter"] == "bewaartermijn.werkgeversdossier_jaren"


def test_a_provisional_amount_is_a_warning_with_a_dutch_date():
    """A receipt that used a provisional amount says so, dating it as a Dutch reader does (not 2027-07-01)."""
    c = ctx()
    name = "wml.referentieminimummaandloon"
    on = next(v.valid_from for v in c.parameter(name).versions if v.voorlopig)
    receipt = Receipt(c)
    c.value(name, on)
    assert receipt.warnings == [
        f"Parameter {name} op {tekst.datum(on)} is voorlopig (nog geen gepubliceerd bedrag gevonden)"
    ]
    assert receipt.as_dict()["parameters"][0]["voorlopig"] is True


def test_a_receipt_from_a_checkout_without_the_installed_package_says_the_version_is_unknown(monkeypatch):
    """Without package metadata the receipt's rule version reads 'onbekend', never a guess."""
    import spoorwijzer.law.receipt as receipt_module

    def missing(name):
        raise receipt_module.PackageNotFoundError(name)

    monkeypatch.setattr(receipt_module, "version", missing)
    assert _version() == "onbekend"


def test_the_receipt_names_the_installed_rule_version_and_writes_inputs_as_json():
    """The rule version is the installed package's; dates become ISO text, keys text, tuples lists, records dicts."""
    assert _version() == package_version("spoorwijzer") != "onbekend"
    assert _jsonable({1: (D(2026, 1, 2), [D(2026, 1, 3)]), "n": None}) == {
        "1": ["2026-01-02", ["2026-01-03"]],
        "n": None,
    }
    assert _jsonable(Jaar(2025, 1, 10)) == {"jaar": 2025, "wia_instroom": 1, "werknemers": 10}
    assert _jsonable(Jaar) is Jaar  # a class is not a record
    assert _jsonable(dt.datetime(2026, 1, 2, 3, 4)) == "2026-01-02T03:04:00"


# --- bewaartermijn.py -------------------------------------------------------------------------------------------


def test_retention_two_years_after_closing_and_twenty_after_the_last_medical_change():
    """AP guidance: the employer's dossier two years after closing; BW 7:454 lid 3: the medical file twenty years."""
    b = bewaartermijn(ctx(), D(2026, 11, 25), D(2024, 2, 29), D(2020, 2, 29))
    assert (b.werkgeversdossier, b.medisch) == (D(2026, 2, 28), D(2040, 2, 29))  # 2026 has no 29 February
    assert (b.werkgever_jaren, b.medisch_jaren) == (2, 20)
    assert b.werkgeversdossier_vervallen(D(2026, 2, 28)) and not b.werkgeversdossier_vervallen(D(2026, 2, 27))
    assert b.medisch_vervallen(D(2040, 2, 29)) and not b.medisch_vervallen(D(2040, 2, 28))
    open_case = bewaartermijn(ctx(), D(2026, 11, 25), None, None)
    assert open_case.werkgeversdossier is None and open_case.medisch is None
    assert not open_case.werkgeversdossier_vervallen(D(2100, 1, 1)) and not open_case.medisch_vervallen(D(2100, 1, 1))


# --- geschillen.py ----------------------------------------------------------------------------------------------


def test_the_deskundigenoordeel_costs_the_requester_its_fee_and_comes_within_four_weeks():
    """Wet SUWI art. 32: the employer pays € 400, the employee € 100; UWV's answer within 4 weeks."""
    v = geschillen.voorwaarden(ctx(), "deskundigenoordeel", "werknemer", D(2026, 11, 24))
    assert (v.route, v.kosten_cent, v.verwacht_op, v.termijn_weken) == ("deskundigenoordeel", 10000, D(2026, 12, 22), 4)
    assert v.bron.startswith("Wet structuur uitvoeringsorganisatie werk en inkomen (Wet SUWI)")
    assert v.url.startswith("https://www.uwv.nl/werkgevers/") and v.toelichting.startswith("Grondslag: het deskundigen")
    wg = geschillen.voorwaarden(ctx(), "deskundigenoordeel", "werkgever", D(2026, 11, 24))
    assert (wg.kosten_cent, wg.verwacht_op) == (40000, D(2026, 12, 22))


def test_the_second_opinion_is_free_and_only_for_the_employee_and_mediation_has_no_legal_fee():
    """Arbobesluit art. 2.14d: the employee asks a second opinion for free; the employer cannot; mediation as agreed."""
    s = geschillen.voorwaarden(ctx(), "second_opinion", "werknemer", D(2026, 11, 24))
    assert (s.route, s.kosten_cent, s.verwacht_op, s.termijn_weken) == ("second_opinion", 0, None, None)
    assert s.bron.startswith("Arbeidsomstandighedenbesluit, art. 2.14d") and s.url.endswith("stb-2017-255.html")
    assert s.toelichting.startswith("Sinds 1 juli 2017 (Stb. 2017, 255)")
    with pytest.raises(InvalidInput) as refused:
        geschillen.voorwaarden(ctx(), "second_opinion", "werkgever", D(2026, 11, 24))
    assert str(refused.value) == (
        "Een second opinion door een andere bedrijfsarts kan alleen worden aangevraagd door de werknemer "
        "(Arbeidsomstandighedenwet art. 14 lid 2; Arbeidsomstandighedenbesluit art. 2.14d)."
    )
    with pytest.raises(InvalidInput) as third:
        geschillen.voorwaarden(ctx(), "deskundigenoordeel", "bedrijfsarts", D(2026, 11, 24))
    assert str(third.value) == (
        "Een deskundigenoordeel van UWV kan alleen worden aangevraagd door de werkgever of werknemer "
        "(Wet SUWI art. 32; BW 7:629a)."
    )
    m = geschillen.voorwaarden(ctx(), "mediation", "werkgever", D(2026, 11, 24))
    assert m == geschillen.Voorwaarden(
        "mediation",
        None,
        None,
        None,
        "Geen wettelijke route: vrijwillig, op afspraak van werkgever en werknemer",
        "https://www.arboportaal.nl/onderwerpen/verschil-second-opinion-en-deskundigenoordeel",
        "Kosten en duur volgens afspraak met de mediator.",
    )


def test_unknown_subjects_and_routes_are_refused_in_dutch():
    """A subject or route the law does not know is named back to the user."""
    with pytest.raises(InvalidInput) as subject:
        geschillen.routes_voor("salaris")
    assert str(subject.value) == "Onbekend onderwerp 'salaris'."
    with pytest.raises(InvalidInput) as route:
        geschillen.controleer_aanvrager("rechter", "werknemer")
    assert str(route.value) == "Onbekende route 'rechter'."
    assert [r.code for r in geschillen.routes_voor("loonmaatregel")] == ["deskundigenoordeel", "mediation"]


# --- nazorg.py --------------------------------------------------------------------------------------------------


def test_the_no_risk_explanations_say_what_the_employer_reads():
    """ZW art. 29b: the cover and its limits in words, with the source."""
    ok = nazorg.no_risk(ctx(), "wajong", D(2026, 1, 5))
    assert ok.uitleg == (
        "UWV betaalt bij ziekte ziekengeld (70% van het dagloon, ten hoogste 104 weken) aan de werkgever, die het "
        "verrekent met het doorbetaalde loon; de premie stijgt er niet door."
    )
    assert ok.doelgroep == "wajong" and ok.url == "https://wetten.overheid.nl/BWBR0001888"
    assert ok.grondslag.startswith("Ziektewet, art. 29b lid 1 (onder a WIA-uitkering")
    assert nazorg.no_risk(ctx(), "wajong", D(2026, 1, 5), op=D(2031, 1, 4)).van_toepassing  # the last day
    ended = nazorg.no_risk(ctx(), "wajong", D(2026, 1, 5), op=D(2031, 1, 5))
    assert ended.uitleg == "De no-riskpolis liep tot en met 4 januari 2031." and ended.geldig_tot == D(2031, 1, 4)
    assert ended.van_toepassing is False  # the API says false, not null
    geen = nazorg.no_risk(ctx(), "geen", D(2026, 1, 5))
    assert geen.uitleg == (
        "Geen no-riskpolis: de werknemer hoort (nog) niet bij een groep van Ziektewet art. 29b. Wordt hij later "
        "als 35-minner of met een WIA-uitkering beoordeeld, leg dat dan vast."
    )
    assert geen.geldig_tot is None and geen.van_toepassing is False
    unknown_date = nazorg.no_risk(ctx(), "35_minner", D(2026, 1, 5))
    assert unknown_date.uitleg == (
        "Vul de eerste dag na afloop van de wachttijd in (staat in het WIA-besluit): het nieuwe dienstverband moet "
        "binnen 5 jaar daarna beginnen."
    )
    late = nazorg.no_risk(ctx(), "35_minner", D(2027, 3, 1), beoordeeld_op=D(2022, 3, 1))
    assert late.van_toepassing is False and late.geldig_tot is None
    assert unknown_date.van_toepassing is False
    with pytest.raises(ValueError, match="onbekende doelgroep 'zzp'"):
        nazorg.no_risk(ctx(), "zzp", D(2026, 1, 5))


# --- opvolging.py -----------------------------------------------------------------------------------------------


def test_the_follow_up_defaults_and_an_organisations_own_answer_term():
    """Five working days to answer, aftercare every 4 weeks for 12 months; an organisation may set its own."""
    s = opvolging.standaard()
    assert (s.antwoord_werkdagen, s.nazorg_interval_weken, s.nazorg_duur_maanden, s.uitkomst_na_maanden) == (
        5,
        4,
        12,
        (6, 12),
    )
    assert s.vragen_bron.startswith("Spoorwijzer-standaard: antwoord binnen vijf werkdagen")
    assert s.nazorg_bron.startswith("RSC 2025, bouwsteen 7")
    assert s.with_overrides(None) is s and s.with_overrides({}) is s
    eigen = s.with_overrides({"vragen": {"antwoord_werkdagen": 3, "bron": "Eigen beleid"}})
    assert (eigen.antwoord_werkdagen, eigen.vragen_bron) == (3, "Eigen beleid")
    assert (eigen.nazorg_interval_weken, eigen.nazorg_duur_maanden, eigen.uitkomst_na_maanden) == (4, 12, (6, 12))
    assert eigen.nazorg_bron == s.nazorg_bron
    nazorg_only = s.with_overrides({"nazorg": {"duur_maanden": 6}})
    assert (nazorg_only.antwoord_werkdagen, nazorg_only.vragen_bron) == (5, s.vragen_bron)
    assert (nazorg_only.nazorg_duur_maanden, nazorg_only.nazorg_interval_weken) == (6, 4)
    assert nazorg_only.uitkomst_na_maanden == (6, 12)
    # a question asked on Friday 27 November 2026: five working days is Friday 4 December; none is the same day
    assert opvolging.antwoord_uiterlijk(ctx(), D(2026, 11, 27), 5) == D(2026, 12, 4)
    assert opvolging.antwoord_uiterlijk(ctx(), D(2026, 11, 27), 1) == D(2026, 11, 30)
    assert opvolging.antwoord_uiterlijk(ctx(), D(2026, 11, 27), 0) == D(2026, 11, 27)


def test_aftercare_includes_a_check_in_on_the_last_day_and_lists_it_before_an_outcome_that_day():
    """Every 2 weeks for 1 month from 1 February 2026: 15 February and 1 March (the last day), then the outcome."""
    beleid = opvolging.standaard().with_overrides(
        {"nazorg": {"interval_weken": 2, "duur_maanden": 1, "uitkomst_na_maanden": [1]}}
    )
    assert opvolging.nazorg_momenten(D(2026, 2, 1), beleid) == [
        opvolging.Moment(D(2026, 2, 15), "contact"),
        opvolging.Moment(D(2026, 3, 1), "contact"),
        opvolging.Moment(D(2026, 3, 1), "uitkomst", 1),
    ]


# --- voorkeur.py ------------------------------------------------------------------------------------------------


def test_preferred_dates_default_and_an_organisations_own():
    """Probleemanalyse preferably in week 2 (day 13), reported 'soon' 14 days ahead; an organisation may differ."""
    p = default_policy()
    assert p.due_soon_days == 14 and p.offset("probleemanalyse") == 13 and p.offset("ziekmelding_arbodienst") == 2
    assert p.offset("evaluatie") is None and p.steps["evaluatie"].interval_weeks == 4
    assert p.offset("bestaat_niet") is None
    assert p.steps["probleemanalyse"].source.startswith("RSC 2025 bouwsteen 1")
    own = p.with_overrides({"stappen": {"probleemanalyse": {"dag": 5, "bron": "Eigen"}}, "binnenkort_dagen": 7})
    assert own.offset("probleemanalyse") == 5 and own.due_soon_days == 7 and own.offset("plan_van_aanpak") == 27
    assert p.offset("probleemanalyse") == 13  # the defaults are not changed
    assert p.with_overrides({}).due_soon_days == 14 and p.with_overrides({}).steps == p.steps
    assert PreferencePolicy().due_soon_days == 14


def test_a_preference_needs_a_week_a_day_or_an_interval():
    """{week: N} is the last day of sick week N, {dag: N} is D+N; without either the policy is refused."""
    assert _preference({"week": 3}) == Preference(20, None, "")
    assert _preference({"dag": 0, "interval_weken": 2, "bron": "b"}) == Preference(0, 2, "b")
    with pytest.raises(ValueError) as refused:
        _preference({"bron": "x"})
    assert str(refused.value) == "voorkeur zonder week, dag of interval_weken: {'bron': 'x'}"


# --- vroegst.py -------------------------------------------------------------------------------------------------


def test_earliest_dates_count_sick_weeks_and_shift_with_an_interruption():
    """The 42nd-week report at the earliest on the first day of week 42; the WIA documents 18 weeks before the end."""
    c = ctx()
    w = current_wachttijd(c, [SickPeriod(D(2025, 1, 6))])
    einde = w.date_of(7 * 104 - 1)
    m = vroegst.vroegste_datum(c, w, einde, "melding_uwv")
    assert (m.datum, m.week) == (D(2025, 1, 6) + dt.timedelta(days=287), 42)
    assert f"ziekteweek {m.week}" == "ziekteweek 42"  # as a page writes it, not 'ziekteweek 42.0'
    assert m.vroeg_toegestaan == vroegst.VROEGE_MELDING_UWV
    assert m.grondslag == "Ziektewet, art. 38 lid 1; UWV 'Ziek melden bij UWV'" and m.url.startswith("https://www.uwv")
    a = vroegst.vroegste_datum(c, w, einde, "actueel_oordeel")
    # 104 weeks end on day 727; 18 weeks before: day 727 - 126 + 1 = 602, the first day of sick week 87
    assert (a.datum, a.week, a.code) == (D(2025, 1, 6) + dt.timedelta(days=602), 87, "actueel_oordeel")
    e = vroegst.vroegste_datum(c, w, einde, "eerstejaarsevaluatie")
    assert (e.datum, e.week, e.vroeg_toegestaan) == (D(2025, 1, 6) + dt.timedelta(days=315), 46, None)
    assert vroegst.vroegste_datum(c, w, einde, "probleemanalyse") is None
    # ten days of work in between (6 to 16 February) put every date ten days later
    w2 = current_wachttijd(c, [SickPeriod(D(2025, 1, 6), D(2025, 2, 5)), SickPeriod(D(2025, 2, 16))])
    m2 = vroegst.vroegste_datum(c, w2, w2.date_of(7 * 104 - 1), "melding_uwv")
    assert (m2.datum, m2.week) == (D(2025, 1, 6) + dt.timedelta(days=297), 42)


def test_a_step_built_on_a_missing_one_asks_why_in_a_correctly_inflected_label():
    """Regeling procesgang art. 4: a plan van aanpak builds on the probleemanalyse, an evaluation on the plan."""
    c = ctx()
    assert vroegst.BUILDS_ON["plan_van_aanpak"].reden_label == "Reden zonder vastgelegde probleemanalyse"
    assert vroegst.BUILDS_ON["evaluatie"].reden_label == "Reden zonder vastgelegd plan van aanpak"
    missing = vroegst.ontbrekende_basis(c, "plan_van_aanpak", set(), D(2026, 1, 1))
    assert (missing.code, missing.step) == ("plan_van_aanpak", "probleemanalyse")
    assert missing.zonder.startswith("bijvoorbeeld: de probleemanalyse is gemaakt")
    assert (
        missing.grondslag
        == "Regeling procesgang eerste en tweede ziektejaar, art. 4 lid 1 (art. 5 gemotiveerd afwijken)"
    )
    assert missing.url == "https://wetten.overheid.nl/BWBR0013540"
    assert vroegst.ontbrekende_basis(c, "plan_van_aanpak", {"probleemanalyse"}, D(2026, 1, 1)) is None
    assert vroegst.ontbrekende_basis(c, "probleemanalyse", set(), D(2026, 1, 1)) is None


# --- toezicht.py ------------------------------------------------------------------------------------------------


def test_supervision_score_boundaries_and_its_record():
    """All employees entering the WIA is possible, more is not; a year with inflow but no average employees counts."""
    peil = D(2026, 6, 1)
    full = toezichtscore(ctx(), [Jaar(2025, 10, 10)], peil)
    assert full.score == pytest.approx(100 * 30 / 30)
    assert toezichtscore(ctx(), [Jaar(2025, 1, 0), Jaar(2024, 0, 100)], peil).score == pytest.approx(100 * 3 / 200)
    with pytest.raises(InvalidInput) as neg:
        toezichtscore(ctx(), [Jaar(2025, -1, 10)], peil)
    assert str(neg.value) == "Het jaar 2025 heeft een negatief aantal."
    with pytest.raises(InvalidInput) as more:
        toezichtscore(ctx(), [Jaar(2024, 11, 10)], peil)
    assert str(more.value) == "In 2024 stromen meer werknemers in de WIA (11) dan er werken."
    with pytest.raises(InvalidInput, match=r"In 2025 stromen meer werknemers in de WIA \(2\) dan er werken"):
        toezichtscore(ctx(), [Jaar(2025, 2, 1)], peil)
    assert full.as_dict() == {
        "score": pytest.approx(100.0),
        "jaren": [
            {"jaar": 2025, "wia_instroom": 10, "werknemers": 10},
            {"jaar": 2024, "wia_instroom": 0, "werknemers": 0},
            {"jaar": 2023, "wia_instroom": 0, "werknemers": 0},
        ],
        "gewichten": [3, 2, 1],
        # a year on: 2026 (0 of 10), 2025 (10 of 10) weighs 2 -> 20 / (30 + 20)
        "volgend_jaar_zonder_instroom": pytest.approx(100 * 20 / 50),
    }


# --- aow.py -----------------------------------------------------------------------------------------------------


def test_aow_age_reached_in_the_first_year_of_the_file_and_at_a_month_end():
    """AOW art. 7a: the years before the file's first (2019) are skipped; a day past the month's end is its last day."""
    # born 1953-01-31: 2019's age 66y4m -> 2019-05-31 (May has 31 days), reached in 2019
    assert aow_datum(ctx(), D(1953, 1, 31)) == D(2019, 5, 31)
    # born 1953-10-31: 2019: 66y4m -> 2020-02-29 (not 2019); 2020: 66y4m -> 2020-02-29 (leap year), reached
    assert aow_datum(ctx(), D(1953, 10, 31)) == D(2020, 2, 29)
    # born 1940: every year it could reach the age (2000-2014) lies before the file: the error names the
    # parameter and the birth date asked about
    with pytest.raises(ParameterNotCovered) as err:
        aow_datum(ctx(), D(1940, 5, 1))
    assert (err.value.name, err.value.on) == (AOW, D(1940, 5, 1))
    assert str(err.value).startswith(
        "Parameter 'aow.pensioengerechtigde_leeftijd' heeft geen vastgestelde waarde op 1 mei 1940"
    )


# --- vec.py -----------------------------------------------------------------------------------------------------


def test_the_vector_lookup_switches_version_on_its_first_day_and_refuses_uncovered_dates():
    """The numpy twins read the same versions as the scalar path: 1 January 2024 is 2024's AOW age of 67 years."""
    c = ctx()
    name = "bewaartermijn.werkgeversdossier_jaren"
    days = np.array(["2016-04-29", "2030-01-01"], dtype="datetime64[D]")
    assert list(param_array(c, name, days)) == [2, 2]
    assert set(c.reads) == {(name, D(2016, 4, 29))}  # one version, recorded with the earliest date that used it
    wml = "wml.referentieminimummaandloon"
    versions = c.parameter(wml).versions
    edge = np.array([versions[1].valid_from, versions[0].valid_to, versions[1].valid_from], dtype="datetime64[D]")
    assert list(param_array(c, wml, edge)) == [versions[1].value, versions[0].value, versions[1].value]
    assert (wml, versions[0].valid_to) in c.reads and (wml, versions[1].valid_from) in c.reads
    with pytest.raises(ParameterNotCovered, match="1 januari 2032"):
        param_array(c, AOW, np.array(["2031-12-31", "2032-01-01"], dtype="datetime64[D]"))
    with pytest.raises(ParameterNotCovered, match="31 december 2018"):
        param_array(c, AOW, np.array(["2019-01-01", "2018-12-31"], dtype="datetime64[D]"))
