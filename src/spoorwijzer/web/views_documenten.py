"""The documents of a case: produce (PDF), download, and the employee's agreement or disagreement.

Everything goes through documents.maken (and its access checks in dossier.access); no rule lives here."""

from __future__ import annotations

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from spoorwijzer.documents import maken
from spoorwijzer.documents.opmaak import datum as datum_nl
from spoorwijzer.documents.soorten import DOCUMENT_SOORT, INSTEMMING_CODES, MAX_BIJLAGE_BYTES, SOORTEN
from spoorwijzer.dossier import access, services
from spoorwijzer.dossier.catalogus import SOORT
from spoorwijzer.dossier.grenzen import MAX_REGEL, MAX_TEKST
from spoorwijzer.dossier.models import Rolnaam
from spoorwijzer.law.errors import LawError
from spoorwijzer.web import weergave
from spoorwijzer.web.views import _geval_of_404


def _oordelen_per_onderwerp(events) -> dict[str, list]:
    out: dict[str, list] = {}
    for e in events:
        if e.code == "oordeel_werknemer":
            out.setdefault(str(e.data.get("onderwerp")), []).append(e)
    return out


@login_required
def documenten(request, geval_id: int):
    g = _geval_of_404(request, geval_id)
    user = request.user
    rol = access.rol_van(user)
    services.audit(user, "lezen_documenten", g, detail="documentenpagina")
    events = services.actuele_gebeurtenissen(g)
    maakbaar = [
        {"soort": s, "onderwerpen": [(e.pk, maken.onderwerp_naam(e)) for e in reversed(s.onderwerpen(events))]}
        for s in SOORTEN
        if access.mag_document_maken(user, g, s.code)
        and (s.past_bij is None or s.onderwerpen(events))  # a request about a route only once that route was chosen
    ]
    oordelen = _oordelen_per_onderwerp(events)
    instemming = []
    if rol and rol.rol == Rolnaam.WERKNEMER:
        # plans first (newest first), then the evaluations (newest first)
        for e in sorted(
            (e for e in events if e.code in INSTEMMING_CODES),
            key=lambda e: (e.code != "plan_van_aanpak", -e.datum.toordinal(), -e.pk),
        ):
            eigen = oordelen.get(str(e.pk), [])
            # what the step says, as the case page reads it: labels, 'ja'/'nee', choice names; text withdrawn as
            # medical left out (the employee is not the bedrijfsarts); the plan's contact person is on the case page
            verbergen = getattr(e, "intrekking", None) is not None
            instemming.append(
                {
                    "event": e,
                    "naam": SOORT[e.code].naam,
                    "laatste": eigen[-1] if eigen else None,
                    "velden": [v for v in weergave.velden(e, tekst_verbergen=verbergen) if v["naam"] != "casemanager"],
                }
            )
    te_groot = (
        [e for e in events if e.document and _size(e) is not None and _size(e) > MAX_BIJLAGE_BYTES]
        if rol and rol.rol in (Rolnaam.CASEMANAGER, Rolnaam.WERKGEVER)
        else []
    )
    riv_oordeel = oordelen.get("re_integratieverslag", [])
    vroegst = (
        services.vroegste(g, "re_integratieverslag", events)
        if "re_integratieverslag" in {m["soort"].code for m in maakbaar}
        else None
    )
    riv_concept = vroegst if vroegst is not None and services.vandaag() < vroegst.datum else None
    concept = request.session.pop("oordeel_concept", None) or {}
    return render(
        request,
        "web/documenten.html",
        {
            "geval": g,
            "maakbaar": maakbaar,
            "documenten": maken.zichtbare_documenten(user, g),
            "instemming": instemming,
            "riv_oordeel": riv_oordeel[-1] if riv_oordeel else None,
            "is_werknemer": bool(rol and rol.rol == Rolnaam.WERKNEMER),
            "te_groot": te_groot,
            "max_mb": MAX_BIJLAGE_BYTES // (1024 * 1024),
            "soortnaam": {s.code: s.naam for s in SOORTEN},
            "mag_maken": {m["soort"].code for m in maakbaar},
            "concept": concept,
            "riv_concept": riv_concept,
        },
    )


def _size(e):
    try:
        return e.document.size
    except OSError:
        return None


@login_required
@require_POST
def document_maken(request, geval_id: int):
    g = _geval_of_404(request, geval_id)
    code = request.POST.get("soort", "")
    try:
        doc = maken.maken(request.user, g, code, request.POST.get("onderwerp") or None)
    except access.Geweigerd as exc:
        messages.error(request, str(exc))
    except LawError as exc:
        naam = DOCUMENT_SOORT[code].naam if code in DOCUMENT_SOORT else "het document"
        messages.error(request, f"{naam} kon niet worden gemaakt: {exc}")
    else:
        messages.success(request, f"{doc.titel} is gemaakt.")
        if doc.snapshot.get("concept"):
            messages.warning(
                request,
                f"Let op: dit re-integratieverslag is gemaakt vóór {datum_nl(doc.snapshot['concept']['vroegst'])} "
                f"(ziekteweek {doc.snapshot['concept']['week']}) en draagt daarom het merkteken CONCEPT.",
            )
    return redirect(reverse("documenten", args=[g.pk]))


@login_required
def document_downloaden(request, geval_id: int, document_id: int):
    g = _geval_of_404(request, geval_id)
    try:
        doc = maken.downloaden(request.user, g, document_id)
    except access.Geweigerd:
        raise Http404("Dit document bestaat niet of u mag het niet inzien.") from None
    except maken.IngetrokkenTekst as exc:
        messages.error(request, str(exc))
        return redirect(reverse("documenten", args=[g.pk]) + "#gemaakt-kop")
    naam = (
        re.sub(r"[^A-Za-z0-9]+", "-", f"{doc.soort} {g.werknemer.naam} {timezone.localtime(doc.gemaakt_op):%Y-%m-%d}")
        .strip("-")
        .lower()
    )
    return FileResponse(
        doc.bestand.open("rb"), as_attachment=True, filename=f"{naam}.pdf", content_type="application/pdf"
    )


@login_required
@require_POST
def oordeel(request, geval_id: int):
    g = _geval_of_404(request, geval_id)
    onderwerp = request.POST.get("onderwerp", "")
    try:
        e = maken.oordeel_geven(
            request.user, g, onderwerp, request.POST.get("eens", ""), request.POST.get("mening", "")
        )
    except access.Geweigerd as exc:
        messages.error(request, str(exc))
    except LawError as exc:
        messages.error(request, str(exc))
        # keep what the employee wrote: it comes back in the form
        # (at most one field's length: a refused 1 MB text does not go into the session)
        mening = request.POST.get("mening", "")[:MAX_TEKST]
        eens = request.POST.get("eens", "")
        request.session["oordeel_concept"] = {
            "onderwerp": onderwerp[:MAX_REGEL],
            "mening": mening,
            "eens": eens if eens in ("eens", "oneens") else "",
            "fout": str(exc)[:MAX_REGEL],  # shown beside the form it belongs to, not only at the top of the page
        }
    else:
        wat = "eens" if e.data["eens"] == "eens" else "niet eens"
        messages.success(request, f"Vastgelegd op {datum_nl(e.datum)}: u bent het {wat}.")
        request.session.pop("oordeel_concept", None)
    return redirect(reverse("documenten", args=[g.pk]) + "#oordeel")
