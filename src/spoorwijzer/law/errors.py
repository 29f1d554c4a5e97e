"""Errors of the law layer, with messages in Dutch because users read them."""

from __future__ import annotations

import datetime as dt
import re

from spoorwijzer.law import tekst


class LawError(Exception):
    """Base class: the message is meant for the user (Dutch)."""


class InvalidInput(LawError):
    """Input that the law cannot reason about (an end before a start, overlapping periods, ...)."""


class ParameterNotCovered(LawError):
    """No dated version of a parameter covers the date asked for.

    The message names the parameter (its name as the parameter files spell it, and what it is), the date in
    Dutch notation and, where the parameter has versions, the dates they cover, so a user sees which amount
    or rule is missing for which date instead of a silently carried-forward value."""

    def __init__(
        self,
        name: str,
        on: object,
        omschrijving: str = "",
        geldig: tuple[tuple[dt.date, dt.date | None], ...] = (),
    ):
        self.name = name
        self.on = on
        # what it is, in its first clause; "art. 21" is not the end of a sentence (only ". " before a capital is)
        short = re.split(r" - |\.\s+(?=[A-Z])", omschrijving, maxsplit=1)[0].rstrip(".")
        wat = f"'{name}'" + (f" ({short})" if short else "")
        when = tekst.datum(on) if isinstance(on, dt.date) else str(on)
        message = f"Parameter {wat} heeft geen vastgestelde waarde op {when}"
        if geldig:
            first = geldig[0][0]
            message += (
                f": de eerste vastgelegde versie geldt vanaf {tekst.datum(first)}"
                if on < first  # type: ignore[operator]
                else ": voor die datum is geen bedrag of regel vastgelegd"
            )
        message += (
            ". Er is geen stilzwijgende voortzetting van een ander bedrag; een berekening die deze waarde nodig heeft "
            "kan voor die datum niet worden gemaakt."
        )
        super().__init__(message)
