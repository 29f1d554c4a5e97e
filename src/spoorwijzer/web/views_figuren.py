"""Portfolio figures for casemanagers, employers and the organisation: filters, charts, CSV export.
Every figure comes from dossier.figuren (database aggregates); no rule lives here."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from openpyxl import Workbook
from openpyxl.styles import Font

from spoorwijzer.dossier import access, figuren, nazorg, services, vragen
from spoorwijzer.dossier.grenzen import datum_buiten_bereik
from spoorwijzer.dossier.models import Werknemer
from spoorwijzer.grafiek_figuren import start_tweede_spoor_svg, termijnen_svg, toets_svg, vragen_svg
from spoorwijzer.law.context import LawContext
from spoorwijzer.simulation.model import baseline_context

DUURKLASSE_NAAM = {"kort": "Kortdurend", "middellang": "Middellang", "lang": "Lang", "extra_lang": "Extra lang"}


def _datum(raw: str | None, default: dt.date, label: str, errors: list[str]) -> dt.date:
    if not raw:
        return default
    for fmt in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            value = dt.datetime.strptime(raw.strip(), fmt).date()
        except ValueError:
            continue
        fout = datum_buiten_bereik(value)  # 9999-12-31 overflowed the period's day after (a 500)
        if fout:
            errors.append(f"{label}: {fout[0].lower()}{fout[1:]}")
            return default
        return value
    if re.fullmatch(r"\d{1,2}-\d{1,2}-\d{4}|\d{4}-\d{1,2}-\d{1,2}", raw.strip()):  # the right form, no such day
        errors.append(f"{label}: {raw.strip()} bestaat niet; kies een dag die in die maand voorkomt.")
    else:
        errors.append(f"{label}: vul een datum in als 31-12-2025.")
    return default


@login_required
def figuren_pagina(request):
    if not access.mag_figuren_zien(request.user):
        raise PermissionDenied(
            "De cijfers zijn voor de casemanager, de werkgever, de bedrijfsarts en de arbeidsdeskundige."
        )
    today = services.vandaag()
    errors: list[str] = []
    van = _datum(request.GET.get("van"), today.replace(year=today.year - 1) + dt.timedelta(days=1), "Van", errors)
    tot = _datum(request.GET.get("tot"), today, "Tot en met", errors)
    if tot < van:
        errors.append("De periode eindigt vóór zij begint.")
        van, tot = tot, van
    werkgevers = access.zichtbare_werkgevers(request.user).order_by("naam")
    gevallen = access.zichtbare_gevallen(request.user)
    werknemers = Werknemer.objects.filter(werkgever__in=werkgevers)
    gekozen = None
    if request.GET.get("werkgever"):
        gekozen = werkgevers.filter(pk=request.GET["werkgever"]).first() if request.GET["werkgever"].isdigit() else None
        if gekozen is None:
            errors.append("Deze werkgever bestaat niet of u heeft er geen toegang toe.")
        else:
            gevallen = gevallen.filter(werkgever=gekozen)
            werknemers = werknemers.filter(werkgever=gekozen)
    elif werkgevers.count() == 1:
        gekozen = werkgevers.first()
    # the deadlines per step from the stored counts when the user's cases are a whole organisation or employer
    bereik = access.figuren_bereik(request.user)
    if bereik is not None and gekozen is not None:
        bereik = (bereik[0], gekozen.pk)  # one employer among those the user may see: all its cases
    ctx = LawContext.baseline()
    p = figuren.Periode(van, tot)
    f = figuren.figuren(ctx, gevallen, werknemers, p, today, figuren.Bereik(*bereik) if bereik else None)
    score = figuren.toezicht(ctx, gekozen, werkgevers, today) if gekozen else None
    # aftercare: placements and returns that last (dossier/nazorg.py; the quality file counts the same way)
    blijft = nazorg.duurzaamheid(gevallen, today)
    # questions and disputes asked in the period (dossier/vragen.py; the quality file counts the same way)
    vr = vragen.cijfers(gevallen, today, van, tot)
    if request.GET.get("formaat") == "csv":
        services.audit(request.user, "export_cijfers", obj=gekozen, detail=f"cijfers {p.van} t/m {p.tot} (CSV)")
        return _csv(f, score, blijft, vr)
    if request.GET.get("formaat") == "xlsx":
        return _xlsx(f, score, blijft, vr)
    study = baseline_context().value("simulatie.kalibratie.tweede_spoor_start", today)
    context = {
        "f": f,
        "score": score,
        "werkgevers": werkgevers,
        "gekozen": gekozen,
        "van": van,
        "tot": tot,
        "errors": errors,
        "termijnen_svg": termijnen_svg(f.termijnen) if f.termijnen else "",
        "toets_svg": toets_svg(f.toets) if f.toets["totaal"] - f.toets["niet_getoetst"] else "",
        "start_svg": start_tweede_spoor_svg(f.tweede_spoor, study) if f.tweede_spoor["totaal"] else "",
        "klassen": _klassen(f.verzuim),
        "querystring": request.GET.urlencode(),
        "nazorg": blijft,
        "vragen": vr,
        "vragen_svg": vragen_svg(vr) if vr["vragen"] else "",
    }
    return render(request, "web/figuren.html", context, status=400 if errors else 200)


def _klassen(verzuim) -> list[tuple[str, int, int, int]]:
    """(name, reports, first day, last day) per duration class, the first day one past the previous class."""
    rows, low = [], 0
    for k, grens in verzuim["duurklassen_grenzen"].items():
        rows.append((DUURKLASSE_NAAM.get(k, k), verzuim["duurklassen"][k], low + 1, grens))
        low = grens
    return rows


@dataclass(frozen=True)
class Euro:
    """An amount in eurocent in an export: '1234,56' in the CSV, a number with a euro format in Excel."""

    cent: int


Cel = str | int | float | Euro | None


def _pct(x: float | None) -> float | None:
    return None if x is None else round(100 * x, 1)


def _getal(x: float | None, decimals: int = 2) -> float | None:
    return None if x is None else round(x, decimals)


def tabellen(f: figuren.Figuren, score, blijft: dict | None = None, vr: dict | None = None) -> list[list[list[Cel]]]:
    """The export as sections of rows (the first row of each its header), typed values: the CSV and the
    Excel file write exactly these, so both have the same columns."""
    t, v, r = f.tweede_spoor, f.verzuim, f.toets
    secties: list[list[list[Cel]]] = [
        [["Spoorwijzer cijfers", f"{f.periode.van:%d-%m-%Y}", f"{f.periode.tot:%d-%m-%Y}"]],
        [
            [
                "Termijnen per stap",
                "op tijd",
                "te laat gedaan",
                "open en te laat",
                "nog niet aan de beurt",
                "% op tijd",
            ],
            *(
                [x["naam"], x["op_tijd"], x["te_laat_gedaan"], x["open_te_laat"], x["open"], _pct(x["aandeel_op_tijd"])]
                for x in f.termijnen
            ),
        ],
        [
            ["Tweede spoor", "aantal", "% van de trajecten"],
            *(
                [label, t[key], None if key == "totaal" else _pct(t["aandeel"][key])]
                for key, label in (
                    ("totaal", "trajecten"),
                    ("jaar1", "gestart in het eerste ziektejaar"),
                    ("na_jaar1_3_maanden", "gestart binnen 3 maanden daarna"),
                    ("later", "later gestart"),
                    ("zonder_zoekactiviteit", "zonder werkzoekactiviteit"),
                    ("geplaatst", "geplaatst bij een andere werkgever"),
                )
            ),
            ["gemiddeld aantal dagen tot plaatsing", t["dagen_tot_plaatsing"]],
        ],
        [
            ["Verzuim", "waarde"],
            ["verzuimpercentage", _getal(v["verzuimpercentage"])],
            ["meldingsfrequentie per jaar", _getal(v["meldingsfrequentie"])],
            *([f"duurklasse {DUURKLASSE_NAAM.get(k, k).lower()}", n] for k, n in v["duurklassen"].items()),
        ],
        [
            ["RIV-toets (uitkomst per dossier)", "dossiers", "waarvan lopend", "waarvan afgesloten", "% van getoetst"],
            *([e["naam"], e["dossiers"], e["lopend"], e["afgesloten"], _pct(e["aandeel"])] for e in r["per_ernst"]),
            ["niet getoetst", r["niet_getoetst"]],
            ["verwachte loonsanctie lopende dossiers (euro)", Euro(r["blootstelling_cent"])],
            ["verwachte loonsanctie lopende dossiers (weken)", r["blootstelling_weken"]],
            ["lopende dossiers met een mogelijke loonsanctie", r["blootstelling_dossiers"]],
            ["verwachte loonsanctie alle lopende dossiers, ongeacht de periode (euro)", Euro(f.blootstelling["cent"])],
            ["verwachte loonsanctie alle lopende dossiers, ongeacht de periode (weken)", f.blootstelling["weken"]],
            ["alle lopende dossiers met een mogelijke loonsanctie", f.blootstelling["dossiers"]],
        ],
        [
            ["Re-integratiebedrijf", "trajecten", "plaatsingen", "% geplaatst", "gemiddeld dagen tot plaatsing"],
            *(
                [b["naam"], b["trajecten"], b["plaatsingen"], _pct(b["aandeel"]), b["dagen_tot_plaatsing"]]
                for b in f.bureaus
            ),
        ],
    ]
    if blijft is not None:
        namen = list(blijft["statussen"].values())
        secties.append(
            [
                ["Werk dat blijft (alle dossiers)", "na maanden", "gemeten", *namen, "aan het werk", "% aan het werk",
                 "niet gemeten"],
                *(
                    [b["naam"], r["na_maanden"], r["gemeten"], *r["per_status"].values(), r["aan_het_werk"],
                     r["percentage"], r["ontbreekt"]]
                    for b in [{"naam": "alle plaatsingen en terugkeer", "rijen": blijft["rijen"]}, *blijft["per_bureau"]]
                    for r in b["rijen"]
                ),
            ]
        )  # fmt: skip
    if vr is not None:
        secties.append(
            [
                ["Vragen en onenigheid (gesteld in de periode)", "aantal"],
                ["vragen", vr["soorten"]["vraag"]],
                ["onenigheid", vr["soorten"]["onenigheid"]],
                *([f"over: {_klein(o['naam'])}", o["aantal"]] for o in vr["per_onderwerp"]),
                ["op tijd beantwoord", vr["reactie"]["op_tijd"]],
                ["te laat beantwoord", vr["reactie"]["te_laat"]],
                ["nog geen antwoord, termijn verstreken", vr["reactie"]["open_te_laat"]],
                ["nog geen antwoord, binnen de termijn", vr["reactie"]["open"]],
                ["% op tijd beantwoord", vr["pct_op_tijd"]],
                *([f"formele route: {_klein(r['naam'])}", r["aantal"]] for r in vr["routes"]),
                ["afgerond met een uitkomst", vr["afgerond"]],
                *([f"uitkomst: {_klein(u['naam'])}", u["aantal"]] for u in vr["uitkomsten"]),
                ["mediaan dagen van vraag tot uitkomst", vr["mediaan_dagen_tot_uitkomst"]],
                *([f"loonmaatregel: {_klein(m['naam'])}", m["aantal"]] for m in vr["maatregelen"]),
            ]
        )
    if score:
        secties.append([["Toezichtscore (gewogen WIA-instroom per 100 werknemers)", _getal(score["score"].score)]])
    return secties


def _klein(naam: str) -> str:
    """A name inside a row label: its first letter small, the rest as written ('UWV' stays 'UWV')."""
    return naam[:1].lower() + naam[1:]


def _csv_cel(x: Cel) -> str:
    if x is None:
        return ""
    if isinstance(x, Euro):
        return f"{x.cent / 100:.2f}".replace(".", ",")
    if isinstance(x, float):
        return f"{x}".replace(".", ",")
    return str(x)


def _bestandsnaam(f: figuren.Figuren, ext: str) -> str:
    return f'attachment; filename="spoorwijzer-cijfers-{f.periode.van}-{f.periode.tot}.{ext}"'


def _csv(f: figuren.Figuren, score, blijft: dict | None = None, vr: dict | None = None) -> HttpResponse:
    """One file in sections, ';'-separated with decimal commas and a BOM, so Excel opens it as Dutch."""
    out = io.StringIO()
    w = csv.writer(out, delimiter=";")
    for n, sectie in enumerate(tabellen(f, score, blijft, vr)):
        if n:
            w.writerow([])
        for rij in sectie:
            w.writerow([_csv_cel(x) for x in rij])
    response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = _bestandsnaam(f, "csv")
    return response


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _xlsx(f: figuren.Figuren, score, blijft: dict | None = None, vr: dict | None = None) -> HttpResponse:
    """The same sections on one sheet: numbers as numbers (euros with a euro format), headers in bold."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Cijfers"
    bold = Font(bold=True)
    for n, sectie in enumerate(tabellen(f, score, blijft, vr)):
        if n:
            ws.append([])
        for i, rij in enumerate(sectie):
            ws.append([x.cent / 100 if isinstance(x, Euro) else x for x in rij])
            for col, x in enumerate(rij, start=1):
                cell = ws.cell(row=ws.max_row, column=col)
                if isinstance(x, Euro):
                    cell.number_format = '"€" #,##0.00'
                if i == 0:
                    cell.font = bold
    ws.column_dimensions["A"].width = 48
    buf = io.BytesIO()
    wb.save(buf)
    response = HttpResponse(buf.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = _bestandsnaam(f, "xlsx")
    return response
