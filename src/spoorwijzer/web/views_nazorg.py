"""Aftercare after a placement or a return (RSC 2025 bouwsteen 7): the check-in schedule, signals of relapse, the
outcome after 6 and 12 months, and the no-riskpolis for a new employer (dossier/nazorg.py, law/nazorg.py)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from spoorwijzer.dossier import access, nazorg, services
from spoorwijzer.law import nazorg as law_nazorg
from spoorwijzer.law.context import LawContext
from spoorwijzer.web.views import _geval_of_404


@login_required
def nazorg_pagina(request, geval_id: int):
    g = _geval_of_404(request, geval_id)
    today = services.vandaag()
    events = services.actuele_gebeurtenissen(g)
    n = nazorg.nazorg(g, events, today)
    melding = LawContext.baseline().value("zw.no_risk_melding", today)
    return render(
        request,
        "web/nazorg.html",
        {
            "geval": g,
            "n": n,
            "vandaag": today,
            "melding": melding,
            "doelgroepen": law_nazorg.DOELGROEPEN,
            "mag_no_risk_document": access.mag_document_maken(request.user, g, "no_risk_informatie"),
            "mag": {
                c: access.mag_vastleggen(request.user, g, c) for c in ("nazorg", "nazorg_uitkomst", "no_risk_gegevens")
            },
        },
    )
