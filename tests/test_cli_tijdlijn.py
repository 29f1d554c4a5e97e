"""The CLI contract: `spoorwijzer tijdlijn`, run as a real process."""

from __future__ import annotations

import json
import subprocess
import sys

from icalendar import Calendar


def run(*args):
    return subprocess.run([sys.executable, "-m", "spoorwijzer.cli", *args], capture_output=True, text=True)


def test_json_contract():
    r = run("tijdlijn", "--periode", "2022-01-03:2022-07-03", "--periode", "2022-07-25:", "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["eerste_ziektedag"] == "2022-01-03"
    assert out["einde_wachttijd"] == "2024-01-21"
    assert out["samentelling"]["onderbrekingsdagen"] == 21
    codes = {s["code"] for s in out["stappen"]}
    assert {
        "melding_uwv",
        "probleemanalyse",
        "plan_van_aanpak",
        "eerstejaarsevaluatie",
        "start_tweede_spoor",
        "re_integratieverslag",
        "wia_aanvraag",
        "einde_wachttijd",
    } <= codes
    for s in out["stappen"]:
        assert {"code", "naam", "voorkeur", "uiterlijk", "grondslag"} <= s.keys()


def test_eerstejaarsevaluatie_moves_start_tweede_spoor():
    r = run("tijdlijn", "--periode", "2025-01-06:", "--eerstejaarsevaluatie", "2025-11-20", "--json")
    step = next(s for s in json.loads(r.stdout)["stappen"] if s["code"] == "start_tweede_spoor")
    assert step["uiterlijk"] == "2026-01-01"


def test_readable_table_in_dutch():
    r = run("tijdlijn", "--periode", "2025-01-06:", "--peildatum", "2025-02-03")
    assert r.returncode == 0
    assert "Probleemanalyse" in r.stdout and "Uiterlijk" in r.stdout and "binnenkort" in r.stdout
    # Dates in the one Dutch notation, as on the pages: no ISO dates in a table people read.
    assert "6 januari 2025" in r.stdout and "3 februari 2025" in r.stdout
    assert "2025-" not in r.stdout and "2026-" not in r.stdout


def test_ics_export_imports_as_calendar(tmp_path):
    path = tmp_path / "termijnen.ics"
    r = run("tijdlijn", "--periode", "2025-01-06:", "--ics", str(path), "--json")
    assert r.returncode == 0
    cal = Calendar.from_ical(path.read_bytes())
    events = [c for c in cal.walk("VEVENT")]
    summaries = " ".join(str(e["SUMMARY"]) for e in events)
    assert "WIA-aanvraag" in summaries
    wia = next(e for e in events if str(e["SUMMARY"]).startswith("Uiterlijk: WIA-aanvraag"))
    assert wia.decoded("DTSTART").isoformat() == "2026-10-18"


def test_bad_input_gives_a_clear_message_and_no_traceback():
    for args, phrase in [
        (["--periode", "2025-03-01:2025-02-01"], "eindigt vóór zij begint"),
        (["--periode", "2025-01-01:2025-03-01", "--periode", "2025-02-01:"], "overlappen"),
        (["--periode", "2025-02-30:"], "geen geldige datum"),
        (["--periode", "2025-01-06:", "--vrijwillige-verlenging", "5"], "ten minste 13 weken"),
    ]:
        r = run("tijdlijn", *args)
        assert r.returncode == 2
        assert phrase in r.stderr
        assert "Traceback" not in r.stderr


def test_a_2009_samentelling_case_gets_a_schedule_and_a_calculation_needing_an_amount_a_clear_refusal():
    """Parameters go back to the law's start (docs/decisions: parameter history): a 2009 case with an 11-day
    interruption ends its wachttijd on D+727+11; the second track has no fixed term before March 2017."""
    r = run("tijdlijn", "--periode", "2009-03-02:2009-03-20", "--periode", "2009-04-01:", "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["einde_wachttijd"] == "2011-03-10" and out["samentelling"]["onderbrekingsdagen"] == 11
    steps = {s["code"]: s for s in out["stappen"]}
    assert steps["wia_aanvraag"]["uiterlijk"] == "2010-12-09"  # 13 weeks before the end (WIA art. 64 until 2013)
    assert (
        steps["start_tweede_spoor"]["uiterlijk"] is None and "Werkwijzer" in steps["start_tweede_spoor"]["toelichting"]
    )
    # the same date asks for an amount no version covers: exit 2, a JSON error naming the parameter and the date
    r = subprocess.run(
        [sys.executable, "-m", "spoorwijzer.cli", "bereken", "loondoorbetaling", "--json", "--invoer", "-"],
        input=json.dumps({"eerste_ziektedag": "2009-03-02", "maandloon": 3000}),
        capture_output=True,
        text=True,
    )
    assert r.returncode == 2
    error = json.loads(r.stdout)["fout"]
    assert error["code"] == "geen_parameterwaarde"
    assert "Parameter 'dagloon.factoren'" in error["melding"] and "op 2 maart 2009" in error["melding"]
    assert "de eerste vastgelegde versie geldt vanaf 1 januari 2013" in error["melding"]
