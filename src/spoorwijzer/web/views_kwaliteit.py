"""The employer's quality file (issue 13 part 3): the page, recording policy notes and the self-assessment,
and the exports as JSON and PDF. The data comes from dossier.kwaliteit; access from dossier.access."""

from __future__ import annotations

import datetime as dt
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from spoorwijzer.dossier import access, kwaliteit, services
from spoorwijzer.dossier.models import Beleidsnotitie, Reintegratiebedrijf, Werkgever, Zelfbeoordeling
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput
from spoorwijzer.web.views_figuren import _datum

WEIGERING = "Het kwaliteitsdossier is er voor de werkgever en de casemanager van zijn arbodienst."


def _werkgever(request, werkgever_id: int, vastleggen: bool = False) -> Werkgever:
    wg = Werkgever.objects.select_related("organisatie").filter(pk=werkgever_id).first()
    if wg is None or not access.mag_kwaliteitsdossier(request.user, wg):
        raise Http404("Deze werkgever bestaat niet of u heeft er geen toegang toe.")
    if vastleggen and not access.mag_kwaliteitsdossier(request.user, wg, vastleggen=True):
        raise PermissionDenied("Alleen de werkgever en de casemanager vullen het kwaliteitsdossier aan.")
    return wg


@login_required
def kies(request):
    """The employer role goes straight to its own file; the organisation's roles choose an employer."""
    rol = access.rol_van(request.user)
    if rol is None or not access.mag_figuren_zien(request.user):
        raise PermissionDenied(WEIGERING)
    if rol.werkgever_id:
        return redirect("kwaliteitsdossier", rol.werkgever_id)
    werkgevers = access.zichtbare_werkgevers(request.user).order_by("naam")
    return render(request, "web/kwaliteit_kies.html", {"werkgevers": werkgevers})


@login_required
def kwaliteitsdossier(request, werkgever_id: int):
    wg = _werkgever(request, werkgever_id)
    today = services.vandaag()
    errors: list[str] = []
    van = _datum(request.GET.get("van"), dt.date(today.year - 2, 1, 1), "Van", errors)
    tot = _datum(request.GET.get("tot"), today, "Tot en met", errors)
    if tot < van:
        errors.append("De periode eindigt vóór zij begint.")
        van, tot = tot, van
    data = kwaliteit.kwaliteitsdossier(LawContext.baseline(), wg, van, tot, today)
    naam = f"kwaliteitsdossier-{wg.pk}-{van}-{tot}"
    formaat = request.GET.get("formaat")
    if formaat == "json":
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{naam}.json"'
        return response
    if formaat == "pdf":
        try:
            pdf = kwaliteit_pdf(data, request.user)
        except InvalidInput as exc:
            errors.append(str(exc))
        else:
            response = HttpResponse(pdf, content_type="application/pdf")
            response["Content-Disposition"] = f'attachment; filename="{naam}.pdf"'
            return response
    return render(
        request,
        "web/kwaliteit.html",
        {
            "wg": wg,
            "d": data,
            "van": van,
            "tot": tot,
            "errors": errors,
            "querystring": request.GET.urlencode(),
            "mag_vastleggen": access.mag_kwaliteitsdossier(request.user, wg, vastleggen=True),
            "soorten": Beleidsnotitie.SOORTEN,
            "antwoorden": Zelfbeoordeling.ANTWOORDEN,
            "bedrijven": Reintegratiebedrijf.objects.order_by("naam"),
        },
        status=400 if errors else 200,
    )


def kwaliteit_pdf(data, user) -> bytes:
    from spoorwijzer.documents.kwaliteit import render_pdf

    return render_pdf(data, user.get_full_name() or user.username)


@login_required
@require_POST
def notitie(request, werkgever_id: int):
    wg = _werkgever(request, werkgever_id, vastleggen=True)
    raw = request.POST.get("reintegratiebedrijf", "")
    bedrijf = Reintegratiebedrijf.objects.filter(pk=raw).first() if raw.isdigit() else None
    try:
        kwaliteit.notitie_vastleggen(
            request.user,
            wg,
            request.POST.get("soort", ""),
            request.POST.get("tekst", ""),
            request.POST.get("onderwerp", ""),
            bedrijf,
        )
    except (InvalidInput, access.Geweigerd) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Vastgelegd in het kwaliteitsdossier.")
    return redirect(reverse("kwaliteitsdossier", args=[wg.pk]) + "#beleid")


@login_required
@require_http_methods(["POST"])
def zelfbeoordeling(request, werkgever_id: int):
    wg = _werkgever(request, werkgever_id, vastleggen=True)
    regel = request.POST.get("regel", "")
    try:
        kwaliteit.beoordeling_vastleggen(
            request.user, wg, regel, request.POST.get("antwoord", ""), request.POST.get("toelichting", "")
        )
    except (InvalidInput, access.Geweigerd) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Uw beoordeling is vastgelegd.")
    return redirect(reverse("kwaliteitsdossier", args=[wg.pk]) + f"#regel-{regel}")
