"""docs/glossary.md as data: the spellings to avoid and the abbreviations to write out for the employee.
The glossary is the source; the web's `voluit` tag and tests/test_taal.py both read it from here."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

GLOSSARY = Path(__file__).resolve().parents[2] / "docs" / "glossary.md"

# packaged installs have no docs/ folder: the same tables, kept equal by tests/test_taal.py
_AFKORTINGEN = {
    "RVC": "resterende verdiencapaciteit",
    "LGU": "loongerelateerde uitkering",
    "LAU": "loonaanvullingsuitkering",
    "VVU": "vervolguitkering",
    "RSC": "Register Sociaal Casemanagers",
    "FML": "Functionele Mogelijkhedenlijst",
    "RIV": "re-integratieverslag",
    "WGA": "regeling werkhervatting gedeeltelijk arbeidsgeschikten",
    "IVA": "inkomensvoorziening volledig arbeidsongeschikten",
    "WIA": "Wet werk en inkomen naar arbeidsvermogen",
    "WW": "Werkloosheidswet",
    "BW": "Burgerlijk Wetboek",
}


def _table(heading: str) -> list[tuple[str, str]]:
    text = GLOSSARY.read_text(encoding="utf-8")
    part = text.split(heading, 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in part.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if (
            len(cells) == 2
            and line.startswith("|")
            and not set(cells[0]) <= {"-"}
            and cells[0] not in ("niet", "afkorting")
        ):
            rows.append((cells[0], cells[1]))
    return rows


@cache
def verboden() -> list[tuple[str, str]]:
    return _table("## Spelling in Dutch text")


@cache
def afkortingen() -> dict[str, str]:
    return dict(_table("## Abbreviations written out for the employee")) if GLOSSARY.exists() else _AFKORTINGEN


def voluit(text: str, gezien: set[str]) -> str:
    """Write out each abbreviation the first time (per page: `gezien` holds the ones done)."""

    def repl(m: re.Match) -> str:
        abbr, rest = m.group(1), m.group(2) or ""
        if abbr in gezien:
            return m.group(0)
        gezien.add(abbr)
        if rest:  # "WIA-aanvraag (WIA: Wet werk en inkomen naar arbeidsvermogen)"
            return f"{abbr}{rest} ({abbr}: {afkortingen()[abbr]})"
        return f"{afkortingen()[abbr]} ({abbr})"

    pattern = r"\b(" + "|".join(sorted(map(re.escape, afkortingen()), key=len, reverse=True)) + r")(-[\w-]+)?\b"
    return re.sub(pattern, repl, text)
