"""Questions and disputes in a dossier (RSC 2025 bouwsteen 6) and the wage measures (BW 7:629 lid 3 and 6).

One low-threshold point: the employee, the employer or the casemanager asks; the page says who answers and by
when; an unresolved question can take a formal route (second opinion, deskundigenoordeel, mediation) with what
it needs and costs; the outcome is recorded and takes effect (dossier/vragen.py)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from spoorwijzer.dossier import access, services, vragen
from spoorwijzer.dossier.catalogus import SOORT
from spoorwijzer.dossier.models import Rolnaam
from spoorwijzer.law import geschillen
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import LawError
from spoorwijzer.web.forms import GebeurtenisForm
from spoorwijzer.web.views import _geval_of_404

# who asks and who answers; the re-integratiebedrijf has no part in the employment relation's disputes
LEZERS = {
    Rolnaam.CASEMANAGER,
    Rolnaam.WERKGEVER,
    Rolnaam.WERKNEMER,
    Rolnaam.BEDRIJFSARTS,
    Rolnaam.ARBEIDSDESKUNDIGE,
}


def _toegang(request, geval_id):
    g = _geval_of_404(request, geval_id)
    rol = access.rol_van(request.user)
    if rol is None or rol.rol not in LEZERS:
        raise PermissionDenied("Vragen en geschillen zijn er voor werknemer, werkgever en hun adviseurs.")
    return g, rol


# a question and its answer happen when they are written: dated today by the software, not asked (outside review:
# the employee was asked for a date; a back-dated question would also make its answer late at once)
NU_GEDATEERD = ("vraag", "vraag_antwoord")


def _form(code, rol, request, vraag_id=None, initial=None, prefix=None):
    post = request.POST if request.method == "POST" and request.POST.get("actie") == (prefix or code) else None
    form = GebeurtenisForm(
        SOORT[code],
        rol.rol,
        post,
        request.FILES if post is not None else None,
        initial={"datum": services.vandaag(), **({"veld_vraag": vraag_id} if vraag_id else {}), **(initial or {})},
        prefix=prefix,
    )
    if "veld_vraag" in form.fields:
        form.fields["veld_vraag"].widget = forms.HiddenInput()
    if code in NU_GEDATEERD:
        del form.fields["datum"]
    # what the question is about first; the date, an explanation and an attachment after it
    eigen = [f"veld_{v.naam}" for v in SOORT[code].velden]
    form.order_fields([*eigen, "datum", "toelichting", "document", "geen_medische_informatie"])
    return form


def _opslaan(request, g, code, form, extra=None):
    """Record the form's event; the form carries the Dutch error when the rules refuse it."""
    if not form.is_valid():
        return None
    data = form.data_dict()
    if extra:
        data.update(extra)
    datum = services.vandaag() if code in NU_GEDATEERD else form.cleaned_data["datum"]
    try:
        if code == "vraag_uitkomst":
            return vragen.uitkomst_vastleggen(request.user, g, datum, data, form.cleaned_data.get("toelichting", ""))
        return services.vastleggen(
            request.user,
            g,
            code,
            datum,
            data,
            form.cleaned_data.get("toelichting", ""),
            request.FILES.get(f"{form.prefix}-document" if form.prefix else "document"),
        )
    except (LawError, access.Geweigerd) as exc:
        form.add_error(None, str(exc))
        return None


@login_required
@require_http_methods(["GET", "POST"])
def vragen_pagina(request, geval_id: int):
    g, rol = _toegang(request, geval_id)
    today = services.vandaag()
    mag_vragen = access.mag_vastleggen(request.user, g, "vraag")
    form = _form("vraag", rol, request) if mag_vragen else None
    if form is not None and request.method == "POST":
        event = _opslaan(request, g, "vraag", form)
        if event is not None:
            messages.success(request, "Uw vraag is vastgelegd. Hieronder ziet u wie antwoordt en wanneer.")
            return redirect("vraag", g.pk, event.pk)
    events = services.actuele_gebeurtenissen(g)
    beleid = vragen.opvolgbeleid(g)
    return render(
        request,
        "web/vragen.html",
        {
            "geval": g,
            "draden": vragen.draden(g, events, today),
            "form": form,
            "beleid": beleid,
            "loon": vragen.loon_effecten(g, events, today) if access.mag_inkomen_zien(request.user) else None,
            "mag_loonmaatregel": access.mag_vastleggen(request.user, g, "loonmaatregel"),
            "lopend": vragen.lopende_maatregel(events),
            "routes": geschillen.ROUTES,
            "vandaag": today,
            "als_werknemer": rol.rol == "werknemer",
        },
        status=400 if form is not None and form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def vraag_pagina(request, geval_id: int, vraag_id: int):
    g, rol = _toegang(request, geval_id)
    today = services.vandaag()
    events = services.actuele_gebeurtenissen(g)
    draad = next((d for d in vragen.draden(g, events, today) if d.vraag.pk == vraag_id), None)
    if draad is None:
        raise Http404("Deze vraag bestaat niet in dit dossier.")
    forms_ = {}
    if draad.status != "afgerond":
        for code in ("vraag_antwoord", "vraag_route", "vraag_uitkomst"):
            if access.mag_vastleggen(request.user, g, code):
                initial = {}
                if code == "vraag_route":
                    initial = {"veld_aanvrager": "werknemer" if rol.rol == Rolnaam.WERKNEMER else "werkgever"}
                forms_[code] = _form(code, rol, request, vraag_id, initial, prefix=code)
        if "vraag_route" in forms_:  # only the routes the law offers for this subject
            keuzes = [(r.code, r.naam) for r in draad.mogelijke_routes]
            forms_["vraag_route"].fields["veld_route"].choices = [("", "— kies —"), *keuzes]
    if request.method == "POST":
        code = request.POST.get("actie", "")
        if code not in forms_:
            raise PermissionDenied("U mag dit niet vastleggen bij deze vraag.")
        if _opslaan(request, g, code, forms_[code]) is not None:
            messages.success(request, f"{SOORT[code].naam} is vastgelegd.")
            return redirect("vraag", g.pk, vraag_id)
    # the natural next step is open, the others folded away: answer an open question, take a route after an
    # answer, record the outcome once a route runs
    volgende = {
        "open": "vraag_antwoord",
        "te_laat": "vraag_antwoord",
        "beantwoord": "vraag_route",
        "route": "vraag_uitkomst",
    }
    titels = {
        "vraag_antwoord": "Antwoorden",
        "vraag_route": "Formele route kiezen",
        "vraag_uitkomst": "Uitkomst vastleggen",
    }
    formulieren = [
        {"code": c, "form": f, "titel": titels[c], "open": volgende.get(draad.status) == c or len(forms_) == 1}
        for c, f in forms_.items()
    ]
    ctx = LawContext.baseline()
    routes = []
    for r in draad.mogelijke_routes:
        routes.append(
            {
                "route": r,
                "voor": [
                    {"wie": wie, "vw": geschillen.voorwaarden(ctx, r.code, wie, today)}
                    for wie in ("werknemer", "werkgever")
                    if wie in r.aanvragers
                ],
            }
        )
    return render(
        request,
        "web/vraag.html",
        {
            "geval": g,
            "d": draad,
            "forms": formulieren,
            "routes": routes,
            "vandaag": today,
            "mag_document": access.mag_document_maken(request.user, g, "aanvraag_deskundigenoordeel"),
        },
        status=400 if any(f.errors for f in forms_.values()) else 200,
    )
