"""`spoorwijzer toets`: the JSON contract of the issue, the schema documents every field, Dutch errors
with exit code 2 and nothing else on stdout; run as a real process."""

from __future__ import annotations

import json
import subprocess
import sys

FEITEN = {
    "peildatum": "2026-11-23",
    "perioden": [{"start": "2025-01-06"}],
    "stappen": [
        {"code": "probleemanalyse", "datum": "2025-02-10"},
        {"code": "plan_van_aanpak", "datum": "2025-02-20"},
        {"code": "melding_uwv", "datum": "2025-10-20"},
    ],
    "eerstejaarsevaluatie": {"datum": "2025-12-15", "concreet_perspectief_eigen_werk": False},
    # 16 weeks after the eerstejaarsevaluatie: 10 weeks after the latest start (Werkwijzer § 4.3)
    "tweede_spoor": {"start": "2026-04-06"},
    "re_integratieplan": {
        "datum": "2026-04-06",
        "trajectbeschrijving": True,
        "persoonsprofiel": True,
        "zoekprofiel": True,
        "rapportagemomenten": True,
    },
    "zoekprofielen": [{"datum": "2026-04-06", "beroepen": ["tolk"], "basis": "wens_werknemer"}],
    "zoekactiviteit": [{"maand": "2026-05", "sollicitaties": 2, "contacten": 1}],
    "loon": {"maandloon": 4100, "uren_per_week": 38},
}
CONTRACT = {
    "bevindingen",
    "tweede_spoor_vereist",
    "tweede_spoor_uiterlijk",
    "bevredigend_resultaat",
    "loonsanctie_mogelijk",
    "verwachte_loonsanctie_weken",
    "verwachte_loonsanctie_eur",
    "bon",
}


def run(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "spoorwijzer.cli", "toets", *args], input=stdin, capture_output=True, text=True
    )


def test_json_contract(tmp_path):
    path = tmp_path / "feiten.json"
    path.write_text(json.dumps(FEITEN), encoding="utf-8")
    r = run("--invoer", str(path), "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert set(out) == CONTRACT
    assert out["tweede_spoor_vereist"] is True and out["tweede_spoor_uiterlijk"] == "2026-01-26"
    by_code = {b["code"]: b for b in out["bevindingen"]}
    assert by_code["tweede_spoor"]["oordeel"] == "tekortkoming"
    assert by_code["tweede_spoor"]["grondslag"]["url"].startswith("https://")
    assert by_code["zoekprofiel"]["oordeel"] == "risico"  # only the employee's wish ('tolk')
    assert out["loonsanctie_mogelijk"] is True
    assert out["bon"]["parameters"] and out["bon"]["stappen"]
    assert isinstance(out["verwachte_loonsanctie_eur"], float)


def in_process(monkeypatch, capsys, *args, stdin=""):
    """The same command in this process (faster), for the many small cases."""
    import io

    from spoorwijzer.cli import main

    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(["toets", *args])
    out = capsys.readouterr()
    return subprocess.CompletedProcess(args, code, out.out, out.err)


def test_stdin_and_the_readable_table(monkeypatch, capsys):
    r = in_process(monkeypatch, capsys, "--invoer", "-", stdin=json.dumps(FEITEN))
    assert r.returncode == 0, r.stderr
    assert "Start re-integratie tweede spoor" in r.stdout and "tekortkoming" in r.stdout
    assert "Loonsanctie mogelijk" in r.stdout and "€" in r.stdout
    # the track started (late): the summary says when, as the case page does, not that it is still required
    assert "Tweede spoor gestart op 6 april 2026 (uiterlijk 26 januari 2026)." in r.stdout
    assert "Tweede spoor vereist" not in r.stdout
    not_started = {k: v for k, v in FEITEN.items() if k not in ("tweede_spoor", "re_integratieplan", "zoekprofielen")}
    r = in_process(monkeypatch, capsys, "--invoer", "-", stdin=json.dumps(not_started))
    assert "Tweede spoor vereist, uiterlijk gestart op 26 januari 2026." in r.stdout


def test_schema_documents_every_field(monkeypatch, capsys):
    r = in_process(monkeypatch, capsys, "--schema")
    assert r.returncode == 0
    schema = json.loads(r.stdout)
    out_props = schema["uitvoer"]["properties"]
    assert set(out_props) == CONTRACT
    assert all(p.get("description") for p in out_props.values())
    result = json.loads(in_process(monkeypatch, capsys, "--invoer", "-", "--json", stdin=json.dumps(FEITEN)).stdout)
    finding_props = out_props["bevindingen"]["items"]["properties"]
    assert set(finding_props) == set(result["bevindingen"][0])
    assert set(FEITEN) <= set(schema["invoer"]["properties"])
    undocumented = []

    def walk(node, path):
        for key, prop in (node.get("properties") or {}).items():
            if not prop.get("description"):
                undocumented.append(f"{path}.{key}")
            walk(prop, f"{path}.{key}")
            if "items" in prop:
                walk(prop["items"], f"{path}.{key}[]")

    walk(schema["invoer"], "invoer")
    walk(schema["uitvoer"], "uitvoer")
    assert undocumented == []


def test_dutch_errors_exit_2(monkeypatch, capsys):
    cases = [
        ("{niet json", "geen geldige JSON"),
        (json.dumps({**FEITEN, "ziekte": 1}), "onbekend veld ziekte"),
        (json.dumps({**FEITEN, "perioden": []}), "ten minste één ziekteperiode"),
        (json.dumps({**FEITEN, "stappen": [{"code": "probleemanalyse", "datum": "10-02-2025"}]}), "stappen[0].datum"),
        (json.dumps({**FEITEN, "eerstejaarsevaluatie": {"datum": "2025-12-15"}}), "concreet_perspectief_eigen_werk"),
    ]
    for stdin, message in cases:
        r = in_process(monkeypatch, capsys, "--invoer", "-", "--json", stdin=stdin)
        assert r.returncode == 2, (stdin, r.stderr)
        assert message in r.stderr and r.stdout == ""
    r = run()  # a real process: the exit code a shell sees
    assert r.returncode == 2 and "--invoer" in r.stderr
