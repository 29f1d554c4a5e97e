"""Views for a case's life beyond its steps: withdrawing medical text written by mistake, closing and
reopening a case, the archive. They ask dossier.services for everything; no rule of law lives here."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from spoorwijzer.dossier import access, services
from spoorwijzer.dossier.catalogus import SOORT
from spoorwijzer.dossier.models import AFSLUITREDENEN, Gebeurtenis
from spoorwijzer.law.errors import LawError
from spoorwijzer.web.views import _geval_of_404


@login_required
@require_http_methods(["GET", "POST"])
def intrekken(request, geval_id: int, gebeurtenis_id: int):
    g = _geval_of_404(request, geval_id)
    e = Gebeurtenis.objects.filter(pk=gebeurtenis_id, geval=g).select_related("intrekking").first()
    if e is None:
        raise Http404("Deze regel bestaat niet.")
    if not access.mag_intrekken(request.user, g, e, zichtbaar=True):
        raise PermissionDenied("U mag deze regel niet intrekken.")
    fout = ""
    if request.method == "POST":
        try:
            bestand = bool(e.document) and request.POST.get("bestand") == "on"
            services.intrekken(request.user, g, e, request.POST.get("reden", ""), bestand=bestand)
        except (LawError, access.Geweigerd) as exc:
            fout = str(exc)
        else:
            wat = "De tekst en het bestand zijn" if bestand else "De tekst is"
            messages.success(request, f"{wat} ingetrokken; alleen de bedrijfsarts kan ze nog openen.")
            return redirect("geval", g.pk)
    return render(
        request,
        "web/intrekken.html",
        {
            "geval": g,
            "e": e,
            "naam": SOORT[e.code].naam if e.code in SOORT else e.code,
            "fout": fout,
            "reden": request.POST.get("reden", ""),
            "heeft_tekst": services.heeft_vrije_tekst(e),
            "al_ingetrokken": getattr(e, "intrekking", None),
            # a file's name can itself be medical: once the file is withdrawn, only the bedrijfsarts reads it
            "bestandsnaam": e.document.name.rsplit("/", 1)[-1]
            if e.document and (not services.bestand_ingetrokken(e) or access.mag_ingetrokken_lezen(request.user, g))
            else "",
            "bestand_aan": request.POST.get("bestand") == "on"
            or (request.method == "GET" and not services.heeft_vrije_tekst(e)),
            "redenen": services.INTREKREDENEN,
        },
        status=400 if fout else 200,
    )


def csrf_fout(request, reason=""):
    """The form expired or came from elsewhere: a Dutch page in the layout instead of Django's English one."""
    return render(
        request,
        "403.html",
        {
            "exception": "Het formulier is verlopen of kwam niet van deze site. Ga terug, laad de pagina opnieuw en "
            "probeer het nog eens; wat u eerder had vastgelegd is bewaard."
        },
        status=403,
    )


@login_required
def archief(request):
    """Closed cases: findable by employer, name and reason."""
    rol = access.rol_van(request.user)
    if rol is None or rol.rol == "werknemer":
        raise PermissionDenied("Het archief is er voor de casemanager, de werkgever en de adviseurs.")
    qs = (
        access.zichtbare_gevallen(request.user)
        .filter(afgesloten_op__isnull=False)
        .select_related("werknemer", "werkgever")
    )
    werkgever = request.GET.get("werkgever", "")
    zoek = request.GET.get("zoek", "").strip()[:100]
    reden = request.GET.get("reden", "")
    if werkgever.isdigit():
        qs = qs.filter(werkgever_id=int(werkgever))
    if zoek:
        qs = qs.filter(werknemer__naam__icontains=zoek)
    if reden in dict(AFSLUITREDENEN):
        qs = qs.filter(afsluitreden=reden)
    page = Paginator(qs.order_by("-afgesloten_op", "-pk"), 50).get_page(request.GET.get("pagina"))
    return render(
        request,
        "web/archief.html",
        {
            "page": page,
            "werkgevers": access.zichtbare_werkgevers(request.user).order_by("naam"),
            "werkgever": werkgever,
            "zoek": zoek,
            "reden": reden,
            "redenen": AFSLUITREDENEN,
        },
    )


@login_required
def verzuimhistorie(request, werknemer_id: int):
    """Every case of one employee that this user may see, oldest first, with its sick periods and how they
    counted together (samentelling across cases, as law decided it)."""
    gevallen = list(
        access.zichtbare_gevallen(request.user)
        .filter(werknemer_id=werknemer_id)
        .select_related("werknemer", "werkgever")
        .order_by("pk")
    )
    if not gevallen:
        raise Http404("Deze werknemer bestaat niet of u heeft geen toegang tot zijn of haar dossiers.")
    rows = []
    for g in gevallen:
        events = services.actuele_gebeurtenissen(g)
        try:
            periods = services.perioden(events)
        except LawError:
            periods = []
        rows.append({"geval": g, "perioden": periods, "samen": services.samengeteld_met(g)})
    services.audit(
        request.user, "lezen_verzuimhistorie", obj=gevallen[0].werknemer, detail=f"{len(gevallen)} dossier(s)"
    )
    return render(request, "web/verzuimhistorie.html", {"werknemer": gevallen[0].werknemer, "rows": rows})
