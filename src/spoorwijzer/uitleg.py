"""Readable Dutch breakdown of a calculation result (terminal)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from spoorwijzer.law.money import euro

LABELS = {
    "jaar1_per_maand_cent": "Loondoorbetaling jaar 1 per maand",
    "jaar2_per_maand_cent": "Loondoorbetaling jaar 2 per maand",
    "maximum_maandloon_cent": "Maximum maandloon (BW 7:629)",
    "minimumloon_per_maand_cent": "Minimumloon voor de contracturen",
    "dagloon_cent": "Dagloon",
    "dagloon_ongemaximeerd_cent": "Dagloon ongemaximeerd",
    "maandloon_cent": "Maandloon",
    "iva_per_maand_cent": "IVA per maand",
    "lgu_eerste_maanden_per_maand_cent": "WGA loongerelateerd, eerste 2 maanden",
    "lgu_daarna_per_maand_cent": "WGA loongerelateerd, daarna",
    "inkomenseis_cent": "Inkomenseis (50% van de RVC)",
    "na_lgu_per_maand_cent": "Na de loongerelateerde uitkering, per maand",
    "vervolguitkering_per_maand_cent": "Vervolguitkering per maand",
    "eerste_maanden_per_maand_cent": "WW eerste 2 maanden",
    "daarna_per_maand_cent": "WW daarna",
    "bijstand_per_maand_cent_netto_benadering": "Bijstand (netto normbedrag, benadering)",
}


def print_result(result: dict[str, Any], console: Console) -> None:
    table = Table(title=f"Berekening: {result['onderwerp']}", show_header=False)
    table.add_column("", style="bold")
    table.add_column("")
    for key, value in result.items():
        if key in ("onderwerp", "bon", "scenarios", "posten", "niet_berekend"):
            continue
        label = LABELS.get(key, key.replace("_", " "))
        shown = euro(value) if key.endswith("_cent") and isinstance(value, int) else str(value)
        table.add_row(label, shown)
    console.print(table)
    if "scenarios" in result:
        t = Table(title="Scenario's (totaal over de periode, bruto)")
        for col in ("Scenario", "Totaal", "Fasen"):
            t.add_column(col)
        for s in result["scenarios"]:
            phases = "\n".join(
                f"{f['van']} – {f['tot']}: {euro(f['per_maand_cent'])} p/m, {f['toelichting']}" for f in s["fasen"]
            )
            t.add_row(s["naam"], euro(s["totaal_cent"]), phases)
        console.print(t)
        for code, why in result.get("niet_berekend", {}).items():
            console.print(f"[yellow]Niet berekend[/yellow] {code}: {why}")
    if "posten" in result:
        t = Table(title="Kosten en risico's")
        for col in ("Post", "Bedrag", "Toelichting"):
            t.add_column(col)
        for p in result["posten"]:
            t.add_row(p["naam"], euro(p["bedrag_cent"]), p["toelichting"])
        console.print(t)
    bon = result.get("bon", {})
    if bon.get("stappen"):
        console.print("[bold]Berekening stap voor stap[/bold]")
        for step in bon["stappen"]:
            console.print(f"  • {step}")
    for w in bon.get("waarschuwingen", []):
        console.print(f"[yellow]Let op:[/yellow] {w}")
    if bon.get("parameters"):
        console.print("[bold]Gebruikte parameters[/bold]")
        for p in bon["parameters"]:
            flag = " (voorlopig)" if p["voorlopig"] else ""
            console.print(
                f"  • {p['naam']} = {p['waarde']}{flag} — {p['grondslag']} (geldig vanaf {p['geldig_vanaf']})"
            )
