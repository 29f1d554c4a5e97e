"""Dutch notation of the simulation's figures (shared by the CLI and the web page)."""

from __future__ import annotations

from spoorwijzer.law.money import euro


def getal(x: float) -> str:
    """12345.6 -> '12.346'."""
    return f"{round(x):,}".replace(",", ".")


def aandeel(x: float) -> str:
    """0.0712 -> '7,1%'."""
    return f"{100 * x:.1f}%".replace(".", ",")


def bedrag(cents: float) -> str:
    """Cents -> '€ 12.345' (whole euros: a simulation's amounts are not exact to the cent)."""
    text = euro(round(cents))
    return text.rsplit(",", 1)[0]
