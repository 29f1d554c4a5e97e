from __future__ import annotations

import datetime as dt

import pytest
import yaml

from spoorwijzer.law import parameters
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import ParameterNotCovered
from spoorwijzer.law.parameters import ParameterFileError, load_parameters, parse_parameter


def coming_half_year(today: dt.date) -> dt.date:
    return dt.date(today.year, 7, 1) if today.month < 7 else dt.date(today.year + 1, 1, 1)


def test_every_parameter_names_its_legal_source():
    for p in parameters.default_parameters():
        for v in p.versions:
            assert v.reference.law and v.reference.article and v.reference.url.startswith("http"), p.name


def test_indexed_amounts_have_a_value_for_the_current_and_the_coming_half_year():
    """Fails as soon as the next 1 January / 1 July has no value: add the published amount."""
    today = dt.date.today()
    for p in parameters.default_parameters():
        if p.indexation == "none":
            continue
        for day in (today, coming_half_year(today)):
            p.version_on(day)  # raises ParameterNotCovered naming the parameter and the date


def test_a_date_no_version_covers_is_an_error_naming_parameter_and_date():
    with pytest.raises(ParameterNotCovered) as err:
        LawContext.baseline().value("poortwachter.wachttijd_weken", dt.date(1990, 1, 1))
    message = str(err.value)
    assert "poortwachter.wachttijd_weken" in message and "1 januari 1990" in message
    assert "de eerste vastgelegde versie geldt vanaf 1 januari 2004" in message


REF = {"law": "Wet", "article": "art. 1", "url": "https://wetten.overheid.nl/x"}


def test_indexed_parameter_without_valid_to_is_refused():
    with pytest.raises(ParameterFileError, match="valid_to"):
        parse_parameter(
            "x",
            {
                "description": "d",
                "unit": "eurocent",
                "indexation": "half-yearly",
                "reference": REF,
                "versions": [{"valid_from": dt.date(2026, 1, 1), "value": 1}],
            },
        )


def test_overlapping_versions_are_refused():
    with pytest.raises(ParameterFileError, match="overlap"):
        parse_parameter(
            "x",
            {
                "description": "d",
                "unit": "weeks",
                "reference": REF,
                "versions": [
                    {"valid_from": dt.date(2020, 1, 1), "value": 1},
                    {"valid_from": dt.date(2021, 1, 1), "value": 2},
                ],
            },
        )


def test_provisional_value_needs_a_reason(tmp_path):
    (tmp_path / "wet").mkdir()
    (tmp_path / "wet" / "bedrag.yaml").write_text(
        yaml.safe_dump(
            {
                "description": "d",
                "unit": "eurocent",
                "indexation": "yearly",
                "reference": REF,
                "versions": [
                    {
                        "valid_from": dt.date(2026, 1, 1),
                        "valid_to": dt.date(2026, 12, 31),
                        "value": 5,
                        "voorlopig": True,
                    }
                ],
            }
        )
    )
    with pytest.raises(ParameterFileError, match="provisional"):
        load_parameters(tmp_path)


def test_version_boundaries(tmp_path):
    (tmp_path / "a.yaml").write_text(
        yaml.safe_dump(
            {
                "description": "d",
                "unit": "eurocent",
                "indexation": "half-yearly",
                "reference": REF,
                "versions": [
                    {"valid_from": dt.date(2026, 1, 1), "valid_to": dt.date(2026, 6, 30), "value": 1},
                    {"valid_from": dt.date(2026, 7, 1), "valid_to": dt.date(2026, 12, 31), "value": 2},
                ],
            }
        )
    )
    pset = load_parameters(tmp_path)
    assert pset.value("a", dt.date(2026, 6, 30)) == 1
    assert pset.value("a", dt.date(2026, 7, 1)) == 2
    with pytest.raises(ParameterNotCovered):
        pset.value("a", dt.date(2027, 1, 1))


def _tabellen(p):
    for v in p.versions:
        for t in v.value if isinstance(v.value, list) else [v.value]:
            if isinstance(t, dict):
                yield t


def test_every_part_of_a_table_like_value_has_a_name_and_its_own_unit():
    """A table mixes units: the no-riskpolis's 5 years beside its 70% ziekengeld (a receipt printed '70 jaar'), the
    deskundigenoordeel's fee in eurocent beside its term in weeks (the CLI printed 40000 as euros). So each key is
    named in the file's ``parts:`` with its unit; a new key without one fails here."""
    for p in load_parameters().parameters.values():
        named = dict(p.parts)
        keys = {k for t in _tabellen(p) for k in t}
        assert keys <= set(named), (p.name, sorted(keys - set(named)))
    no_risk = parameters.default_parameters()["zw.no_risk"]
    assert (no_risk.part("jaren").unit, no_risk.part("ziekengeld_percentage").unit) == ("years", "percent")
    fee = parameters.default_parameters()["uwv.deskundigenoordeel"]
    assert (fee.part("kosten_werknemer").unit, fee.part("beslistermijn_weken").unit) == ("eurocent", "weeks")


def test_a_part_that_no_version_has_is_refused():
    with pytest.raises(ParameterFileError, match="part 'percentge' is in no version"):
        parse_parameter(
            "x",
            {
                "description": "d",
                "unit": "percent",
                "reference": REF,
                "parts": {"percentge": {"label": "percentage"}},
                "versions": [{"valid_from": dt.date(2020, 1, 1), "value": {"percentage": 70}}],
            },
        )
