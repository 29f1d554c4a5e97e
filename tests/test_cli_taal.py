"""The command line speaks Dutch: argparse's own words, help for every option, clear errors with exit 2."""

from __future__ import annotations

import argparse

import pytest

from spoorwijzer.cli import build_parser, main


def _parsers(parser: argparse.ArgumentParser):
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _parsers(sub)


def test_every_option_of_every_subcommand_has_help():
    missing = [
        f"{p.prog} {a.option_strings or a.dest}"
        for p in _parsers(build_parser())
        for a in p._actions
        if not a.help and not isinstance(a, argparse._SubParsersAction) and a.dest != "opdracht"
    ]
    assert missing == []


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], "fout: deze argumenten zijn verplicht: OPDRACHT"),
        (["tijdlijn", "--periode", "2025-01-06:", "--onbekend"], "onbekende argumenten: --onbekend"),
        (["bereken", "xx"], "ongeldige keuze: 'xx' (kies uit"),
        (["simuleer", "--personen", "abc"], "ongeldige waarde: 'abc' (verwacht een getal)"),
        (["parameters", "--datum", "2025-02-30"], "'2025-02-30' is geen geldige datum"),
        (["bereken", "ww", "--invoer", "/bestaat/niet.json"], "het bestand '/bestaat/niet.json' bestaat niet"),
        (["tijdlijn", "--periode", "2025-01-06:", "--gebeurtenis", "onzin=2025-02-01"], "onbekende code 'onzin'"),
    ],
)
def test_errors_are_dutch_with_exit_2(argv, expected, capsys):
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's own errors exit
        code = exc.code
    err = capsys.readouterr().err
    assert code == 2
    assert expected in err
    assert "usage:" not in err and "error:" not in err and "Interne fout" not in err


def test_help_is_dutch(capsys):
    with pytest.raises(SystemExit):
        main(["tijdlijn", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("gebruik: spoorwijzer tijdlijn") and "toon deze hulp en stop" in out
    assert "Bekende codes" not in out
