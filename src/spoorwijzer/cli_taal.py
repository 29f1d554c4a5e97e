"""The command line in Dutch: argparse's own words (usage, help, errors) translated.

argparse builds its messages with ``gettext`` under the catalogue of the whole program; Spoorwijzer has
no catalogue, so the CLI replaces argparse's translation function with this table (only in the
``spoorwijzer`` process, only for argparse's messages). A message not in the table stays as it is."""

from __future__ import annotations

import argparse

NL = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "optional arguments": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "the following arguments are required: %s": "deze argumenten zijn verplicht: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    # the only typed options are numbers (int): say so in words rather than name the Python type
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r (verwacht een getal)",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "expected one argument": "verwacht één waarde",
    "expected at most one argument": "verwacht hoogstens één waarde",
    "expected at least one argument": "verwacht ten minste één waarde",
    "not allowed with argument %s": "niet toegestaan samen met %s",
    "ignored explicit argument %r": "genegeerde waarde %r",
    "ambiguous option: %(option)s could match %(matches)s": "dubbelzinnige optie: %(option)s past op %(matches)s",
    "one of the arguments %s is required": "een van deze argumenten is verplicht: %s",
}


def _nl(message: str) -> str:
    return NL.get(message, message)


def _nl_n(singular: str, plural: str, n: int) -> str:
    return _nl(singular if n == 1 else plural)


def nederlands() -> None:
    """Make argparse speak Dutch in this process (idempotent)."""
    argparse._ = _nl  # type: ignore[attr-defined]
    argparse.ngettext = _nl_n  # type: ignore[attr-defined]
