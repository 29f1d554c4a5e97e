"""How stored values read on a page: the catalogue's Dutch labels, euros for amounts, names for
choices and providers, "ja"/"nee" for yes/no. Never a raw code, cent amount or Python value."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from spoorwijzer.dossier.catalogus import SOORT, toonlabel
from spoorwijzer.law.money import euro
from spoorwijzer.law.tekst import datum

TEKSTSOORTEN = ("tekst", "regel")


def getal(value) -> str:
    d = Decimal(str(value))
    text = f"{d:f}".rstrip("0").rstrip(".") if "." in f"{d:f}" else f"{d:f}"
    return text.replace(".", ",")


def waarde(veld, value, bedrijven: dict[int, str] | None = None) -> str:
    if veld.soort == "bedrag":
        return euro(int(value))
    if veld.soort == "bool":
        return "ja" if value else "nee"
    if veld.soort == "percentage":
        return f"{getal(value)}%"
    if veld.soort == "getal":
        return getal(value)
    if veld.soort == "datum":
        return datum(value)
    if veld.naam == "reintegratiebedrijf":
        try:
            return (bedrijven or {}).get(int(value), "onbekend re-integratiebedrijf")
        except (TypeError, ValueError):
            return "onbekend re-integratiebedrijf"
    if veld.soort == "keuze":
        return dict(veld.keuzes).get(str(value), str(value))
    return str(value)


def verwijst_naar_regel(event, veld) -> bool:
    """Fields that hold another entry's id: a question's thread (``vraag``) and what the employee's opinion is
    about (``onderwerp``, unless it is the re-integratieverslag)."""
    return veld.naam == "vraag" or (event.code == "oordeel_werknemer" and veld.naam == "onderwerp")


def regel_naam(value, regels: dict[int, object] | None) -> str:
    """Another entry of the case named in words, "Vraag of onenigheid van 4 november 2026", never its raw id."""
    if str(value) == "re_integratieverslag":
        return "Re-integratieverslag"
    try:
        e = (regels or {}).get(int(value))
    except (TypeError, ValueError):
        e = None
    if e is None:
        return "een eerdere regel in dit dossier"
    naam = SOORT[e.code].naam if e.code in SOORT else e.code
    return f"{naam} van {datum(e.datum)}"


def velden(
    event, bedrijven: dict[int, str] | None = None, tekst_verbergen: bool = False, regels: dict | None = None
) -> list[dict]:
    """The entry's fields as label and readable value, in the catalogue's order; free text left out when
    it was withdrawn as medical and the reader is not the bedrijfsarts. ``regels``: the case's entries by id,
    to name an entry a field refers to."""
    soort = SOORT.get(event.code)
    if soort is None:
        return []
    rows = []
    for veld in soort.velden:
        value = event.data.get(veld.naam)
        if value is None or value == "":
            continue
        if tekst_verbergen and veld.soort in TEKSTSOORTEN:
            continue
        tekst = regel_naam(value, regels) if verwijst_naar_regel(event, veld) else waarde(veld, value, bedrijven)
        rows.append({"naam": veld.naam, "label": toonlabel(veld), "waarde": tekst, "tekst": veld.soort == "tekst"})
    return rows


# a unit of the parameter files as people write it after a number: singular and plural
EENHEDEN = {
    "percent": ("%", "%"),
    "weeks": (" week", " weken"),
    "days": (" dag", " dagen"),
    "dagen": (" dag", " dagen"),
    "months": (" maand", " maanden"),
    "years": (" jaar", " jaar"),
    "jaren": (" jaar", " jaar"),
}


def parameterwaarde(naam: str, value) -> str:
    """A law parameter's value as people read it: euros for amounts, the unit behind a number, and a
    table-like value as 'name: value; ...' with each part's own name and unit from the parameter file (never a
    Python dict, never a code name)."""
    from spoorwijzer.law import parameters

    try:
        param = parameters.default_parameters()[naam]
    except KeyError:
        param = None

    def fmt(v, unit: str) -> str:
        if isinstance(v, dict):
            parts = [
                (param.part(str(k)) if param else parameters.Part(str(k).replace("_", " "), unit), x)
                for k, x in v.items()
            ]
            return "; ".join(f"{part.label}: {fmt(x, part.unit)}" for part, x in parts)
        if isinstance(v, (list, tuple)):
            return ", ".join(fmt(x, unit) for x in v)
        if isinstance(v, bool):
            return "ja" if v else "nee"
        if isinstance(v, str) and re.fullmatch(r"-?\d+\.\d+", v):  # a decimal the receipt kept as text ("21.75")
            v = Decimal(v)
        if isinstance(v, (int, float, Decimal)):
            if unit == "eurocent":
                return euro(int(v))
            if unit in EENHEDEN:
                een, meer = EENHEDEN[unit]
                return getal(v) + (een if v == 1 else meer)
            return getal(v)
        return str(v)

    return fmt(value, param.unit if param else "")


def parameternaam(naam: str) -> str:
    """The parameter's Dutch description instead of its code name."""
    from spoorwijzer.law import parameters

    try:
        return parameters.default_parameters()[naam].description.split(" - ")[0].rstrip(".")
    except KeyError:
        return naam


def voorlopig_zinnen(parameters: list[dict]) -> list[str]:
    """Plain Dutch for each amount the calculation used that is not yet final (a receipt's 'voorlopig' parameters),
    e.g. 'Maximumdagloon per 1 juli 2025: nog niet definitief vastgesteld; ...'."""
    zinnen = []
    for p in parameters:
        if p.get("voorlopig"):
            kort = parameternaam(p["naam"]).split(" (")[0].split(" - ")[0]
            vanaf = datum(dt.date.fromisoformat(p["geldig_vanaf"]))
            zin = f"{kort} per {vanaf}: nog niet definitief vastgesteld. De berekening gebruikt het laatst bekende bedrag."
            if zin not in zinnen:
                zinnen.append(zin)
    return zinnen
