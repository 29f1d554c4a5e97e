"""Portfolio figures for casemanagers, employers and the organisation: filters, charts, CSV export.
Every figure comes from dossier.figuren (database aggregates); no rule lives here."""

from __future__ import annotations

import csv
import datetime as dt
import io

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render

from spoorwijzer.dossier import access, figuren, services
from spoorwijzer.dossier.models import Werknemer
from spoorwijzer.grafiek_figuren import start_tweede_spoor_svg, termijnen_svg
from spoorwijzer.law.context import LawContext
from spoorwijzer.simulation.model import baseline_context

DUURKLASSE_NAAM = {"kort": "Kortdurend", "middellang": "Middellang", "lang": "Lang", "extra_lang": "Extra lang"}


def _datum(raw: str | None, default: dt.date, label: str, errors: list[str]) -> dt.date:
    if not raw:
        return default
    for fmt in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(raw.strip(), fmt).date()
        except ValueError:
            continue
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
    ctx = LawContext.baseline()
    p = figuren.Periode(van, tot)
    f = figuren.figuren(ctx, gevallen, werknemers, p, today)
    score = figuren.toezicht(ctx, gekozen, werkgevers, today) if gekozen else None
    if request.GET.get("formaat") == "csv":
        return _csv(f, score)
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
        "start_svg": start_tweede_spoor_svg(f.tweede_spoor, study) if f.tweede_spoor["totaal"] else "",
        "klassen": [
            (DUURKLASSE_NAAM.get(k, k), f.verzuim["duurklassen"][k], grens)
            for k, grens in f.verzuim["duurklassen_grenzen"].items()
        ],
        "querystring": request.GET.urlencode(),
    }
    return render(request, "web/figuren.html", context, status=400 if errors else 200)


def _pct(x) -> str:
    return "" if x is None else f"{100 * x:.1f}".replace(".", ",")


def _csv(f: figuren.Figuren, score) -> HttpResponse:
    """One file in sections, ';'-separated with decimal commas and a BOM, so Excel opens it as Dutch."""
    out = io.StringIO()
    w = csv.writer(out, delimiter=";")
    w.writerow(["Spoorwijzer cijfers", f"{f.periode.van:%d-%m-%Y}", f"{f.periode.tot:%d-%m-%Y}"])
    w.writerow([])
    w.writerow(["Termijnen per stap", "op tijd", "te laat gedaan", "open en te laat", "open", "% op tijd"])
    for r in f.termijnen:
        w.writerow(
            [r["naam"], r["op_tijd"], r["te_laat_gedaan"], r["open_te_laat"], r["open"], _pct(r["aandeel_op_tijd"])]
        )
    w.writerow([])
    t = f.tweede_spoor
    w.writerow(["Tweede spoor", "aantal", "% van de trajecten"])
    for key, label in (
        ("totaal", "trajecten"),
        ("jaar1", "gestart in het eerste ziektejaar"),
        ("na_jaar1_3_maanden", "gestart binnen 3 maanden daarna"),
        ("later", "later gestart"),
        ("zonder_zoekactiviteit", "zonder werkzoekactiviteit"),
        ("geplaatst", "geplaatst bij een andere werkgever"),
    ):
        w.writerow([label, t[key], "" if key == "totaal" else _pct(t["aandeel"][key])])
    w.writerow(["gemiddeld aantal dagen tot plaatsing", t["dagen_tot_plaatsing"] or ""])
    w.writerow([])
    v = f.verzuim
    w.writerow(["Verzuim", "waarde"])
    w.writerow(
        [
            "verzuimpercentage",
            "" if v["verzuimpercentage"] is None else f"{v['verzuimpercentage']:.2f}".replace(".", ","),
        ]
    )
    w.writerow(
        [
            "meldingsfrequentie per jaar",
            "" if v["meldingsfrequentie"] is None else f"{v['meldingsfrequentie']:.2f}".replace(".", ","),
        ]
    )
    for k, n in v["duurklassen"].items():
        w.writerow([f"duurklasse {DUURKLASSE_NAAM.get(k, k).lower()}", n])
    w.writerow([])
    w.writerow(["Re-integratiebedrijf", "trajecten", "plaatsingen", "% geplaatst", "gemiddeld dagen tot plaatsing"])
    for b in f.bureaus:
        w.writerow([b["naam"], b["trajecten"], b["plaatsingen"], _pct(b["aandeel"]), b["dagen_tot_plaatsing"] or ""])
    if score:
        w.writerow([])
        w.writerow(
            [
                "Toezichtscore (gewogen WIA-instroom per 100 werknemers)",
                "" if score["score"].score is None else f"{score['score'].score:.2f}".replace(".", ","),
            ]
        )
    response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="spoorwijzer-cijfers-{f.periode.van}-{f.periode.tot}.csv"'
    return response
