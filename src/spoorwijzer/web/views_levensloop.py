"""Views for a case's life beyond its steps: withdrawing medical text written by mistake, closing and
reopening a case, the archive. They ask dossier.services for everything; no rule of law lives here."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from spoorwijzer.dossier import access, services
from spoorwijzer.dossier.catalogus import SOORT
from spoorwijzer.dossier.models import Gebeurtenis
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
            services.intrekken(request.user, g, e, request.POST.get("reden", ""))
        except (LawError, access.Geweigerd) as exc:
            fout = str(exc)
        else:
            messages.success(request, "De tekst is ingetrokken; alleen de bedrijfsarts kan hem nog lezen.")
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
