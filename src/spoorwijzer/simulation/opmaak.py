"""Dutch notation of the simulation's figures (shared by the CLI and the web page)."""

from __future__ import annotations

from spoorwijzer.law.money import euro
from spoorwijzer.law.tekst import procent


def getal(x: float) -> str:
    """12345.6 -> '12.346'."""
    return f"{round(x):,}".replace(",", ".")


def aandeel(x: float) -> str:
    """0.0712 -> '7,1%'."""
    return procent(100 * x, 1)


def bedrag(cents: float) -> str:
    """Cents -> '€ 12.345' (whole euros: a simulation's amounts are not exact to the cent)."""
    text = euro(round(cents))
    return text.rsplit(",", 1)[0]
