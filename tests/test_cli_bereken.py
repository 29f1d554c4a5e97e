"""`spoorwijzer bereken`: JSON in and out, schema, chart, and Dutch errors, as a real process."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

INVOER = {
    "eerste_ziektedag": "2025-01-06",
    "maandloon": 4000,
    "maatmaninkomen": 4000,
    "resterende_verdiencapaciteit": 1500,
    "inkomen_wga": 1200,
    "plaatsing_datum": "2026-03-01",
    "plaatsing_loon": 2800,
    "jaren_voor_2016": 15,
    "jaren_vanaf_2016": 9,
}


def run(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "spoorwijzer.cli", "bereken", *args], input=stdin, capture_output=True, text=True
    )


def test_inkomenspad_json_and_chart(tmp_path):
    chart = tmp_path / "paden.png"
    r = run("inkomenspad", "--invoer", "-", "--json", "--grafiek", str(chart), stdin=json.dumps(INVOER))
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert {s["code"] for s in out["scenarios"]} >= {"nieuwe_werkgever", "35_minner_zonder_werk", "wga_niet_werkend"}
    assert out["wia_start"] == "2027-01-04"
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and chart.stat().st_size > 10_000


def test_readable_breakdown_names_the_law():
    r = run(
        "wia-uitkering",
        "--invoer",
        "-",
        stdin=json.dumps(
            {
                "datum": "2025-06-01",
                "sv_jaarloon": 51840,
                "maatmaninkomen": 4000,
                "resterende_verdiencapaciteit": 1500,
                "jaren_voor_2016": 10,
            }
        ),
    )
    assert r.returncode == 0, r.stderr
    assert "Vervolguitkering per maand" in r.stdout and "€\u00a0920,56" in r.stdout
    assert "art. 61 lid 6" in r.stdout


def test_werkgeverskosten():
    data = dict(INVOER, eigenrisicodrager_wga=True, werkgeverslasten_pct=25)
    r = run("werkgeverskosten", "--invoer", "-", "--json", stdin=json.dumps(data))
    assert r.returncode == 0, r.stderr
    posts = {p["code"]: p["bedrag_cent"] for p in json.loads(r.stdout)["posten"]}
    # the maximum sanction of 52 weeks, 2027-01-04 .. 2028-01-02, priced by days at 70% x 4.000 = 2.800 per month:
    # January 2027 28/31 x 2.800 = 2.529,03; February-December 11 x 2.800 = 30.800; January 2028 2/31 x 2.800 =
    # 180,65 (half up); together 33.509,68, plus 25% employer charges = 41.887,10
    assert posts["loonsanctie"] == 4_188_710
    assert posts["nieuwe_werkgever_met_no_risk"] < posts["nieuwe_werkgever_zonder_no_risk"]
    assert posts["besparing_plaatsing"] < 0


@pytest.mark.parametrize(
    "subject", ["loondoorbetaling", "wia-klasse", "wia-uitkering", "ww", "inkomenspad", "werkgeverskosten"]
)
def test_schema(subject):
    r = run(subject, "--schema")
    assert r.returncode == 0
    schema = json.loads(r.stdout)
    assert schema["type"] == "object" and schema["required"]


@pytest.mark.parametrize(
    "subject, data, phrase",
    [
        ("loondoorbetaling", {"eerste_ziektedag": "2025-01-06", "maandloon": -1}, "negatief"),
        (
            "loondoorbetaling",
            {"eerste_ziektedag": "2025-01-06", "maandloon": 3000, "percentage_jaar1": 120},
            "tussen 0 en 100",
        ),
        ("wia-klasse", {"datum": "2025-01-06", "maatmaninkomen": 3000}, "resterende verdiencapaciteit"),
        ("ww", {"datum": "2025-01-01", "sv_jaarloon": 30000}, "Veld 'jaren_voor_2016' ontbreekt"),
        (
            "ww",
            {"datum": "2010-01-01", "sv_jaarloon": 30000, "jaren_voor_2016": 10},
            "geen vastgestelde waarde op 1 januari 2010",
        ),
        ("ww", {"datum": "2025-01-01", "sv_jaarloon": 30000, "onbekend": 1}, "Onbekende velden"),
    ],
)
def test_bad_input(subject, data, phrase):
    r = run(subject, "--invoer", "-", stdin=json.dumps(data))
    assert r.returncode == 2
    assert phrase in r.stderr and "Traceback" not in r.stderr


def test_not_json():
    r = run("ww", "--invoer", "-", stdin="{niet json")
    assert r.returncode == 2 and "geen geldige JSON" in r.stderr


def test_every_declared_input_reaches_the_law():
    """Each field of the inkomenspad schema that is also an input of law/inkomenspad changes the calculation."""
    import dataclasses

    from spoorwijzer import berekeningen
    from spoorwijzer.law import inkomenspad as ip

    declared = {f.name for f in berekeningen.SUBJECTS["inkomenspad"][1]}
    law_inputs = {f.name for f in dataclasses.fields(ip.Invoer)}
    assert {"deels_werken_vanaf", "gewerkt_percentage", "percentage_bij_werkhervatting"} <= declared & law_inputs
    base = dict(INVOER, deels_werken_vanaf="2025-06-01", gewerkt_percentage=50)
    plain = berekeningen.run("inkomenspad", base)
    top_up = berekeningen.run("inkomenspad", dict(base, percentage_bij_werkhervatting=100))
    month = next(m for m in plain["scenarios"][-1]["maanden"] if m["maand"] == "2025-08")
    month_top = next(m for m in top_up["scenarios"][-1]["maanden"] if m["maand"] == "2025-08")
    assert month["totaal_cent"] == 340_000 and month_top["totaal_cent"] == 400_000


def test_json_errors_are_a_json_object_with_exit_2():
    r = run("ww", "--invoer", "-", "--json", stdin=json.dumps({"datum": "2025-01-01", "sv_jaarloon": 30000}))
    assert r.returncode == 2
    fout = json.loads(r.stdout)["fout"]
    assert fout["code"] == "ongeldige_invoer" and fout["veld"] == "jaren_voor_2016" and "ontbreekt" in fout["melding"]
    r = run("ww", "--invoer", "-", "--json", stdin=json.dumps({"datum": "2010-01-01", "jaren_voor_2016": 1}))
    assert r.returncode == 2 and json.loads(r.stdout)["fout"]["code"] == "geen_parameterwaarde"


def test_parameters_json_in_euros():
    r = subprocess.run(
        [sys.executable, "-m", "spoorwijzer.cli", "parameters", "--json", "--datum", "2025-01-06"],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    by_name = {p["naam"]: p for p in json.loads(r.stdout)}
    dagloon = by_name["wfsv.maximum_dagloon"]
    assert dagloon["eenheid"] == "euro" and dagloon["versies"][0]["waarde"] == 290.67
    assert by_name["poortwachter.wachttijd_weken"]["versies"][0]["waarde"] == 104


def _parameters(*args):
    r = subprocess.run(
        [sys.executable, "-m", "spoorwijzer.cli", "parameters", *args], capture_output=True, text=True, check=False
    )
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_parameters_schema_describes_every_field_and_the_output_follows_it():
    import jsonschema

    schema = _parameters("--schema")
    jsonschema.Draft202012Validator.check_schema(schema)
    undocumented = []

    def walk(node, path):
        for key, prop in (node.get("properties") or {}).items():
            if not prop.get("description"):
                undocumented.append(f"{path}.{key}")
            walk(prop, f"{path}.{key}")
            if "items" in prop:
                walk(prop["items"], f"{path}.{key}[]")
        if "items" in node:
            walk(node["items"], f"{path}[]")

    walk(schema, "")
    assert undocumented == []
    checker = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    for args in ((), ("--datum", "2025-01-06")):
        out = _parameters("--json", *args)
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in checker.iter_errors(out)]
        assert errors == [], errors[:5]
    # every key the output uses is in the schema (additionalProperties false is checked above); and a version
    # names its law and article apart, as the parameter file does
    dagloon = next(p for p in _parameters("--json", "--datum", "2025-01-06") if p["naam"] == "wfsv.maximum_dagloon")
    v = dagloon["versies"][0]
    assert (v["wet"], v["artikel"]) == ("Wet financiering sociale verzekeringen", "art. 17 lid 1 en 2; BW 7:629 lid 1")


def test_parameters_json_gives_a_fee_in_euros_and_names_each_part():
    """The deskundigenoordeel's fee is kept in eurocent beside a term in weeks ('mixed'); the JSON, which says
    amounts are in euros, printed 40000 for a fee of € 400."""
    p = next(p for p in _parameters("--json", "--datum", "2026-01-01") if p["naam"] == "uwv.deskundigenoordeel")
    waarde = p["versies"][0]["waarde"]
    assert (waarde["kosten_werkgever"], waarde["kosten_werknemer"], waarde["beslistermijn_weken"]) == (400, 100, 4)
    assert p["onderdelen"]["kosten_werknemer"] == {"naam": "bijdrage als de werknemer het aanvraagt", "eenheid": "euro"}
