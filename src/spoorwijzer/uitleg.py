"""Readable Dutch breakdown of a calculation result (terminal)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from spoorwijzer.law.money import euro

# Labels take their numbers of law from the result itself (which takes them from the parameters).
LABELS = {
    "jaar1_per_maand_cent": "Loondoorbetaling jaar 1 per maand",
    "jaar2_per_maand_cent": "Loondoorbetaling jaar 2 per maand",
    "maximum_dagloon_cent": "Maximum loon per dag (Wfsv art. 17, BW 7:629)",
    "maximum_maandloon_cent": "Maximum loon per maand (BW 7:629)",
    "maximum_jaarloon_cent": "Maximum loon per jaar (BW 7:629)",
    "maximum_per_dag_cent": "Maximale loondoorbetaling per dag ({wettelijk_percentage}%)",
    "maximum_per_maand_cent": "Maximale loondoorbetaling per maand ({wettelijk_percentage}%)",
    "maximum_per_jaar_cent": "Maximale loondoorbetaling per jaar ({wettelijk_percentage}%)",
    "minimumloon_per_maand_cent": "Minimumloon voor de contracturen (eerste {minimumloon_weken} weken)",
    "dagloon_cent": "Dagloon",
    "dagloon_ongemaximeerd_cent": "Dagloon ongemaximeerd",
    "maandloon_cent": "Maandloon",
    "iva_per_maand_cent": "IVA per maand",
    "lgu_eerste_maanden_per_maand_cent": "WGA loongerelateerd ({lgu_hoog_percentage}%), eerste {lgu_hoog_maanden} maanden",
    "lgu_daarna_per_maand_cent": "WGA loongerelateerd ({lgu_percentage}%), daarna",
    "inkomenseis_cent": "Inkomenseis ({inkomenseis_percentage}% van de RVC)",
    "na_lgu_per_maand_cent": "Na de loongerelateerde uitkering, per maand",
    "loonaanvulling_ruw_per_maand_cent": "Loonaanvulling vóór de ondergrens van de vervolguitkering",
    "vervolguitkering_per_maand_cent": "Vervolguitkering per maand",
    "eerste_maanden_per_maand_cent": "WW ({hoog_percentage}%), eerste {hoog_maanden} maanden",
    "daarna_per_maand_cent": "WW ({daarna_percentage}%) daarna",
    "bijstand_per_maand_cent_netto_benadering": "Bijstand (netto normbedrag, benadering)",
    "ao_percentage": "Arbeidsongeschiktheid (%)",
    "ao_onafgerond": "Onafgeronde verhouding (maatman - RVC) / maatman",
    "afronding": "Afronding",
    "klasse": "WIA-klasse",
    "klasse_naam": "WIA-klasse",
    "ao_klasse": "Arbeidsongeschiktheidsklasse (WIA art. 62)",
    "vervolguitkering_percentage": "Vervolguitkering: % van het minimumloon",
    "maatmaninkomen_cent": "Maatmaninkomen per maand",
    "resterende_verdiencapaciteit_cent": "Resterende verdiencapaciteit per maand",
    "lgu_duur_maanden": "Duur loongerelateerde uitkering (maanden)",
    "lgu_hoog_maanden": "Maanden tegen het hoge percentage",
    "lgu_hoog_percentage": "Loongerelateerd, hoog percentage",
    "lgu_percentage": "Loongerelateerd, daarna percentage",
    "inkomenseis_percentage": "Inkomenseis (% van de RVC)",
    "na_lgu": "Na de loongerelateerde uitkering",
    "recht_op_ww": "Recht op WW",
    "duur_maanden": "Duur (maanden)",
    "einddatum": "Laatste dag",
    "refertejaar_van": "Referteperiode vanaf",
    "refertejaar_tot_en_met": "Referteperiode tot en met",
    "hoog_maanden": "Maanden tegen het hoge percentage",
    "hoog_percentage": "Hoog percentage",
    "daarna_percentage": "Daarna percentage",
    "wettelijk_percentage": "Wettelijk percentage",
    "minimumloon_weken": "Weken met minimumloon als ondergrens",
    "cao_toets": "Cao-toets",
    "toelichting": "Toelichting",
}


class _Keep(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def label(key: str, result: dict[str, Any]) -> str:
    return LABELS.get(key, key.replace("_", " ")).format_map(_Keep(result))


def print_result(result: dict[str, Any], console: Console) -> None:
    table = Table(title=f"Berekening: {result['onderwerp']}", show_header=False)
    table.add_column("", style="bold")
    table.add_column("")
    for key, value in result.items():
        if key in ("onderwerp", "bon", "scenarios", "posten", "niet_berekend"):
            continue
        label_ = label(key, result)
        if key.endswith("_cent") and isinstance(value, int):
            shown = euro(value)
        elif isinstance(value, bool):
            shown = "ja" if value else "nee"
        elif value is None:
            shown = "—"
        else:
            shown = str(value)
        table.add_row(label_, shown)
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
