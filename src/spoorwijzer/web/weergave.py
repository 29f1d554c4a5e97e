"""How stored values read on a page: the catalogue's Dutch labels, euros for amounts, names for
choices and providers, "ja"/"nee" for yes/no. Never a raw code, cent amount or Python value."""

from __future__ import annotations

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


def velden(event, bedrijven: dict[int, str] | None = None, tekst_verbergen: bool = False) -> list[dict]:
    """The entry's fields as label and readable value, in the catalogue's order; free text left out when
    it was withdrawn as medical and the reader is not the bedrijfsarts."""
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
        rows.append(
            {"label": toonlabel(veld), "waarde": waarde(veld, value, bedrijven), "tekst": veld.soort == "tekst"}
        )
    return rows


EENHEDEN = {"percent": "%", "weeks": " weken", "days": " dagen", "months": " maanden", "years": " jaar"}


def parameterwaarde(naam: str, value) -> str:
    """A law parameter's value as people read it: euros for amounts, the unit behind a number, and a
    table-like value as 'name: value; ...' (never a Python dict)."""
    from spoorwijzer.law import parameters

    try:
        unit = parameters.default_parameters()[naam].unit
    except KeyError:
        unit = ""

    def fmt(v, key: str = "") -> str:
        if isinstance(v, dict):
            return "; ".join(f"{str(k).replace('_', ' ')}: {fmt(x, str(k))}" for k, x in v.items())
        if isinstance(v, (list, tuple)):
            return ", ".join(fmt(x, key) for x in v)
        if isinstance(v, bool):
            return "ja" if v else "nee"
        if isinstance(v, (int, float)):
            if unit == "eurocent":
                return euro(int(v))
            if key and unit in EENHEDEN and not any(w in key for w in ("weken", "jaren", "maanden", "dagen")):
                return getal(v) + EENHEDEN[unit]
            if not key and unit in EENHEDEN:
                return getal(v) + EENHEDEN[unit]
            return getal(v)
        return str(v)

    return fmt(value)


def parameternaam(naam: str) -> str:
    """The parameter's Dutch description instead of its code name."""
    from spoorwijzer.law import parameters

    try:
        return parameters.default_parameters()[naam].description.split(" - ")[0].rstrip(".")
    except KeyError:
        return naam
