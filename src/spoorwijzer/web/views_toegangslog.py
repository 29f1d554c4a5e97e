"""The privacy officer's page: search the access log of the organisation (NEN 7513) by person, case, employee,
action and period. Who may see which rows is decided in dossier.access; reading the log is itself logged."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from spoorwijzer.dossier import access, inzage, services
from spoorwijzer.dossier.models import Rolnaam


def _datum(raw: str, label: str, fouten: list[str]) -> dt.date | None:
    raw = raw.strip()
    if not raw:
        return None
    try:
        d = dt.date.fromisoformat(raw)
    except ValueError:
        fouten.append(f"{label}: vul een datum in als dd-mm-jjjj.")
        return None
    if not 2000 <= d.year <= 2100:
        fouten.append(f"{label}: kies een datum tussen 2000 en 2100.")
        return None
    return d


def _getal(raw: str, label: str, fouten: list[str]) -> int | None:
    raw = raw.strip()
    if not raw:
        return None
    if raw.isascii() and raw.isdigit() and len(raw) < 18:
        return int(raw)
    fouten.append(f"{label}: vul een dossiernummer in (alleen cijfers).")
    return None


@login_required
def toegangslog(request):
    if not access.mag_toegangslog_zien(request.user):
        raise PermissionDenied("Het toegangslog is er voor de privacyfunctionaris van de organisatie.")
    g = request.GET
    fouten: list[str] = []

    def tekst(naam: str) -> str:
        return g.get(naam, "").replace("\x00", "").strip()[:100]

    vraag = inzage.Zoekvraag(
        persoon=tekst("persoon"),
        werknemer=tekst("werknemer"),
        geval=_getal(g.get("geval", ""), "Dossier", fouten),
        actie=g.get("actie", "") if g.get("actie", "") in inzage.ACTIES else "",
        van=_datum(g.get("van", ""), "Vanaf", fouten),
        tot=_datum(g.get("tot", ""), "Tot en met", fouten),
        voor=_getal(g.get("voor", ""), "Pagina", fouten),
    )
    if vraag.van and vraag.tot and vraag.tot < vraag.van:
        fouten.append("De periode eindigt vóór ze begint: kies een latere 'tot en met'-datum.")
    rows, verder = ([], None) if fouten else inzage.zoeken(request.user, vraag)
    filters = {k: g.get(k, "") for k in ("persoon", "werknemer", "geval", "actie", "van", "tot")}
    services.audit(
        request.user,
        "lezen_toegangslog",
        detail="; ".join(f"{k}={v}" for k, v in filters.items() if v)[:500] or "zonder filter",
    )
    rolnamen = dict(Rolnaam.choices)
    return render(
        request,
        "web/toegangslog.html",
        {
            "regels": [
                {
                    "r": r,
                    "wie": (r.user.get_full_name() or r.user.username) if r.user else "Systeem (opdrachtregel)",
                    "rol": rolnamen.get(r.rol, ""),
                    "wat": inzage.actie_naam(r.actie),
                }
                for r in rows
            ],
            "verder": verder,
            "fouten": fouten,
            "acties": sorted(inzage.ACTIES.items(), key=lambda kv: kv[1]),
            "vervolg_query": "&".join(f"{k}={v}" for k, v in filters.items() if v),
            **filters,
        },
        status=400 if fouten else 200,
    )
