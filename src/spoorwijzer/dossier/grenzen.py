"""Bounds on free text (issue 10, items 1 and 6): every text a user types is limited, so that no post can make a
worker spend long on it (the medical-word check in privacy.py is linear, and stops at its own cap anyway). The
forms and the API refuse longer text with the same Dutch message; the services check again, so a path that skips
the forms (documents, commands) is bounded too."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from spoorwijzer.law import tekst
from spoorwijzer.law.errors import InvalidInput

MAX_TEKST = 20_000  # characters of one free-text field (a long report is a document, not a field)
MAX_REGEL = 300  # a one-line field (a name, "met wie")


def te_lang(label: str, maximum: int = MAX_TEKST) -> str:
    return f"De tekst bij '{label}' is te lang: ten hoogste {maximum} tekens."


def controleer_lengte(label: str, tekst: str | None, maximum: int = MAX_TEKST) -> None:
    if tekst is not None and len(tekst) > maximum:
        raise InvalidInput(te_lang(label, maximum))


# Plausibility bounds of input (not numbers of law: law/ refuses what the law does not allow, e.g. more than 52
# weeks of loonsanctie). They keep absurd values (year 1 or 9999, 10^30 euro, 10^8 weeks) out of the dossier and
# out of date arithmetic, where they gave 500s.
EERSTE_DATUM = dt.date(1990, 1, 1)
DATUM_VOORUIT = dt.timedelta(days=366 * 2)  # a planned date may lie up to two years ahead
MAX_CENT = 10**10  # 100 million euro
MAX_GETAL = 10_000  # weeks, hours, percentages


def laatste_datum() -> dt.date:
    return timezone.localdate() + DATUM_VOORUIT


def datum_buiten_bereik(value: dt.date) -> str | None:
    """The Dutch refusal of a date outside the bounds, or None."""
    if EERSTE_DATUM <= value <= laatste_datum():
        return None
    return f"Vul een datum in tussen {tekst.datum(EERSTE_DATUM)} en {tekst.datum(laatste_datum())}."


def controleer_datum(value: dt.date) -> None:
    fout = datum_buiten_bereik(value)
    if fout:
        raise InvalidInput(fout)
