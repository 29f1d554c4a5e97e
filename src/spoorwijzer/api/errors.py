"""One JSON shape for every error of the API, with a Dutch message:

    {"fout": {"status": 400, "code": "ongeldige_invoer", "melding": "...", "velden": {"datum": ["..."]}}}

`velden` is present only when the error concerns particular fields."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from spoorwijzer.dossier.access import Geweigerd
from spoorwijzer.dossier.models import AppendOnlyError
from spoorwijzer.law.errors import LawError

CODES = {
    400: "ongeldige_invoer",
    401: "niet_ingelogd",
    403: "geen_toegang",
    404: "niet_gevonden",
    405: "methode_niet_toegestaan",
    406: "niet_aanvaardbaar",
    409: "conflict",
    415: "mediatype_niet_ondersteund",
    429: "te_veel_verzoeken",
}


def fout(status_code: int, melding: str, velden: dict | None = None, code: str | None = None) -> dict:
    body = {"status": status_code, "code": code or CODES.get(status_code, "fout"), "melding": melding}
    if velden:
        body["velden"] = velden
    return {"fout": body}


def _flatten(detail) -> dict[str, list[str]]:
    """DRF's nested error detail as {field path: [messages]} ('rijen.3.naam' for row 3 of an import)."""
    out: dict[str, list[str]] = {}

    def walk(prefix, value):
        if isinstance(value, dict):
            for k, v in value.items():
                walk(f"{prefix}.{k}" if prefix else str(k), v)
        elif isinstance(value, list) and value and not all(isinstance(v, str) for v in value):
            for i, v in enumerate(value):
                if v:
                    walk(f"{prefix}.{i}" if prefix else str(i), v)
        else:
            out.setdefault(prefix or "algemeen", []).extend(
                [str(v) for v in value] if isinstance(value, list) else [str(value)]
            )

    walk("", detail)
    return out


def handler(exc, context):
    if isinstance(exc, Geweigerd):
        exc = exceptions.PermissionDenied(str(exc))
    elif isinstance(exc, LawError):
        exc = exceptions.ValidationError({"algemeen": [str(exc)]})
    elif isinstance(exc, AppendOnlyError):
        exc = exceptions.MethodNotAllowed("", detail="Vastgelegde gegevens worden nooit gewijzigd of verwijderd.")
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound("Niet gevonden, of u heeft er geen toegang toe.")
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    response = exception_handler(exc, context)
    if response is None:
        return None  # a real server error: Django's 500 handling (logged), never a traceback to the caller
    if isinstance(exc, exceptions.ValidationError):
        velden = _flatten(exc.detail)
        algemeen = velden.pop("algemeen", []) + velden.pop("non_field_errors", [])
        melding = "; ".join(algemeen) or "De invoer is niet geldig; zie de velden."
        body = fout(400, melding, velden)
    else:
        detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
        body = fout(response.status_code, str(detail), code=getattr(exc, "fout_code", None))
    return Response(body, status=response.status_code, headers={k: v for k, v in response.items()})


def niet_gevonden(request, exception=None):
    """404 for an unknown address under /api/ (outside DRF's views), in the same shape."""
    from django.http import JsonResponse

    return JsonResponse(fout(status.HTTP_404_NOT_FOUND, "Dit adres bestaat niet in de API."), status=404)
