"""One Dutch voice for everything people read: pages, mails, documents, the calendar and the CLI.

Dates as "24 november 2026" (month names lowercase, as Dutch writes them), amounts as "€ 4.100,00" with a
non-breaking space after the euro sign, percentages as "38,23%" with a decimal comma. Spelling of terms:
docs/glossary.md (tests/test_taal.py checks pages, messages and templates against it).
"""

from __future__ import annotations

import datetime as dt

from spoorwijzer.law.money import euro  # noqa: F401  (re-exported: one notation everywhere)
from spoorwijzer.law.tekst import MAANDEN, NL, datum, procent, stapnaam  # noqa: F401

NBSP = "\u00a0"
KIES = "— kies —"  # the empty first option of every list to choose from (not Django's "---------")


def datum_tijd(moment: dt.datetime) -> str:
    """24 november 2026 om 14:05 (Dutch time when the moment carries a time zone)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(NL)
    return f"{datum(moment)} om {moment:%H:%M}"


def termijn(n: int | None, eenheid: str) -> str:
    """A preferred or legal term of the organisation's policy (dossier.beheer.BeleidsRegel's units): 'week 6',
    'dag 2', 'elke 6 weken'; None is a step without a latest term."""
    if n is None:
        return "geen uiterlijke termijn"
    if eenheid == "interval_weken":
        return "elke week" if n == 1 else f"elke {n} weken"
    return f"week {n}" if eenheid == "week" else f"dag {n}"


def maand(maand_iso: str) -> str:
    """'2026-11' -> 'november 2026'."""
    year, month = maand_iso.split("-")[:2]
    return f"{MAANDEN[int(month) - 1]} {int(year)}"


# What each step means for the employee, in plain words (B1); the step's legal name stays on the casemanager's page.
STAP_VOOR_WERKNEMER = {
    "probleemanalyse": "Gesprek met de bedrijfsarts over wat u wel en niet kunt",
    "plan_van_aanpak": "Samen met uw werkgever afspraken maken over uw terugkeer naar werk",
    "evaluatie": "Gesprek met uw werkgever: lopen de afspraken nog goed?",
    "eerstejaarsevaluatie": "Terugblik op het eerste jaar, samen met uw werkgever",
    "actueel_oordeel": "Gesprek met de bedrijfsarts over hoe het nu gaat",
    "eindevaluatie": "Laatste terugblik met uw werkgever",
    "re_integratieverslag": "Het verslag over de afgelopen periode lezen en zeggen wat u ervan vindt",
    "wia_aanvraag": "Zelf de WIA-uitkering aanvragen bij UWV",
}
# The income scenarios of law/inkomenspad in the employee's words (the letter; the legal names stay on the page).
SCENARIO_VOOR_WERKNEMER = {
    "eigen_werkgever": "U gaat weer werken bij uw eigen werkgever",
    "nieuwe_werkgever": "U vindt werk bij een andere werkgever",
    "35_minner_zonder_werk": "UWV vindt dat u nog veel kunt werken, maar u heeft geen baan meer",
    "wga_werkend": "U kunt nog een deel werken, en u heeft ook werk",
    "wga_niet_werkend": "U kunt nog een deel werken, maar u heeft geen werk",
    "iva": "U kunt niet meer werken, en dat wordt niet beter",
}
