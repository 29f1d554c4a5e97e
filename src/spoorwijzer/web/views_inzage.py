"""The data subject's copy (AVG art. 15/20): the employee downloads their own dossier, the bedrijfsarts exports the
medical file for the employee. Built in documents/inzage.py (access checks and audit there)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse

from spoorwijzer.documents import inzage
from spoorwijzer.dossier import access
from spoorwijzer.law.errors import InvalidInput
from spoorwijzer.web.views import _geval_of_404

FORMATEN = {"json": "application/json; charset=utf-8", "pdf": "application/pdf"}


def _bestand(data: dict, formaat: str, template: str, naam: str) -> HttpResponse:
    try:
        body = inzage.als_json(data) if formaat == "json" else inzage.als_pdf(data, template)
    except InvalidInput as exc:
        return HttpResponse(str(exc), status=503, content_type="text/plain; charset=utf-8")
    response = HttpResponse(body, content_type=FORMATEN[formaat])
    response["Content-Disposition"] = f'attachment; filename="{naam}.{formaat}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def eigen_dossier(request, formaat: str):
    if formaat not in FORMATEN:
        raise Http404("Kies pdf of json.")
    try:
        data = inzage.eigen_dossier(request.user)
    except access.Geweigerd as exc:
        raise PermissionDenied(str(exc)) from None
    return _bestand(data, formaat, "documenten/inzage_eigen_dossier.v1.html", "mijn-verzuimdossier")


@login_required
def medisch_dossier(request, geval_id: int, formaat: str):
    if formaat not in FORMATEN:
        raise Http404("Kies pdf of json.")
    g = _geval_of_404(request, geval_id)
    try:
        data = inzage.medisch_dossier(request.user, g)
    except access.Geweigerd as exc:
        raise PermissionDenied(str(exc)) from None
    return _bestand(data, formaat, "documenten/inzage_medisch.v1.html", f"medisch-dossier-{g.pk}")
