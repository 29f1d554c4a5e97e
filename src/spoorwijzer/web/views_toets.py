"""The RIV-toets on the case page (a partial included from geval.html) and the track-2 monitoring beside it:
activity per month as a chart, the provider's next progress meeting, the provider's results. No rule of
law here: the findings come from law/toets.py through dossier/toets.py."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse

from spoorwijzer import nl
from spoorwijzer.dossier import access
from spoorwijzer.dossier import toets as dossier_toets
from spoorwijzer.dossier.catalogus import SOORT
from spoorwijzer.dossier.models import Berekening, Gebeurtenis, Rolnaam, Traject
from spoorwijzer.law.errors import LawError
from spoorwijzer.law.poortwachter import Status, deadline_status
from spoorwijzer.law.tekst import datum as nl_datum
from spoorwijzer.law.toets import ERNST, NVT, OORDEEL_NAAM

ORDE = {"tekortkoming": 0, "risico": 1, "in_orde": 2, "niet_van_toepassing": 3}
MAANDEN = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def euro(cent: int | None) -> str:
    return "—" if cent is None else nl.euro(cent)


ERNST_NL = {0: "geen risico", 1: "risico", 2: "tekortkoming"}
ERNST_CSS = {0: "in_orde", 1: "risico", 2: "tekortkoming"}


def dashboard_toets(geval, met_kosten: bool = True) -> dict | None:
    """The stored toets outcome of a case, as the dashboard shows it (no toets is run per row). The euros of an
    expected loonsanctie are the employer's costs: only for who may see those (``access.mag_werkgeverskosten_zien``)."""
    if geval.toets_ernst is None:
        return None
    return {
        "naam": ERNST_NL[geval.toets_ernst],
        "css": ERNST_CSS[geval.toets_ernst],
        "weken": geval.toets_loonsanctie_weken,
        "kosten": euro(geval.toets_loonsanctie_cent) if geval.toets_loonsanctie_weken and met_kosten else "",
    }


def toets_context(request, geval, events: list[Gebeurtenis], today) -> dict:
    """What the case page's toets section shows; every finding with the form that repairs it (if this user
    may record it)."""
    try:
        u = dossier_toets.toets(geval, events, today)
        fout = None
    except LawError as exc:
        u, fout = None, str(exc)
    if u is None:
        return {"toets": None, "toets_fout": fout}
    codes = set(access.codes_voor(request.user))
    bevindingen = []
    for b in sorted(u.bevindingen, key=lambda b: ORDE[b.oordeel]):
        step = b.herstel_stap
        link = reverse("gebeurtenis_nieuw", args=[geval.pk, step]) if step in codes and step in SOORT else None
        bevindingen.append(
            {
                "b": b,
                # a finding that does not apply yet but has a date is a to-do (the start documents of track 2)
                "oordeel_nl": "nog te doen"
                if b.oordeel == NVT and b.herstel_uiterlijk is not None
                else OORDEEL_NAAM[b.oordeel],
                "herstel_link": link,
                "herstel_naam": SOORT[step].naam if step in SOORT else "",
            }
        )
    telling = u.telling()
    months = dossier_toets.activiteit_per_maand(events, u)
    return {
        "toets": u,
        "toets_fout": fout,
        "toets_bevindingen": bevindingen,
        "toets_telling": telling,
        # the employer's costs only for who may see them (not the provider, not the bedrijfsarts)
        "toets_kosten": euro(u.verwachte_loonsanctie_cent)
        if access.mag_werkgeverskosten_zien(request.user) and u.verwachte_loonsanctie_cent is not None
        else "",
        "tweede_spoor_tekst": tweede_spoor_tekst(u, events, geval, today),
        "toets_openen": telling["tekortkoming"] + telling["risico"] > 0,
        "activiteit": months,
        "activiteit_svg": activiteit_svg(months) if months else "",
        "voortgang": dossier_toets.voortgangsgesprekken(events, today),
        "stil": next((b for b in u.bevindingen if b.code == "stil_traject" and b.oordeel == "risico"), None),
    }


def tweede_spoor_tekst(u, events: list[Gebeurtenis], geval, today) -> str:
    """The line about the second track: its start once it started; while it has not, the required start date
    only when the decision is at hand (the eerstejaarsevaluatie is held, or the start is due soon or late, by the
    schedule's own status rule), not from week 1 on."""
    from spoorwijzer.dossier.services import beleid

    gestart = [e.datum for e in events if e.code == "start_tweede_spoor"]
    if gestart:
        return f"Tweede spoor gestart op {nl_datum(max(gestart))}."
    if u.tweede_spoor_vereist is False:
        return "Tweede spoor niet vereist."
    if not u.tweede_spoor_vereist or u.tweede_spoor_uiterlijk is None:
        return ""
    status = deadline_status(u.tweede_spoor_uiterlijk, None, today, beleid(geval).due_soon_days)
    if any(e.code == "eerstejaarsevaluatie" for e in events) or status in (Status.BINNENKORT, Status.TE_LAAT):
        return f"Tweede spoor vereist, uiterlijk gestart op {nl_datum(u.tweede_spoor_uiterlijk)}."
    return ""


def activiteit_svg(months) -> str:
    """Applications and contacts per month as a small bar chart (SVG, no script); the table beside it carries
    the same figures for screen readers."""
    width, height, pad = 640, 170, 24
    n = len(months)
    top = max([m.sollicitaties + m.contacten for m in months] + [4])
    slot = (width - 2 * pad) / n
    bar = max(4.0, slot * 0.6)
    parts = [
        f'<svg class="grafiek" viewBox="0 0 {width} {height}" role="img" aria-label="Sollicitaties en contacten per maand">'
    ]
    base = height - pad
    for i, m in enumerate(months):
        x = pad + i * slot + (slot - bar) / 2
        h1 = (base - pad) * m.sollicitaties / top
        h2 = (base - pad) * m.contacten / top
        if m.sollicitaties + m.contacten == 0:
            parts.append(f'<rect x="{x:.1f}" y="{base - 3:.1f}" width="{bar:.1f}" height="3" class="leeg"/>')
        parts.append(f'<rect x="{x:.1f}" y="{base - h1:.1f}" width="{bar:.1f}" height="{h1:.1f}" class="soll"/>')
        parts.append(f'<rect x="{x:.1f}" y="{base - h1 - h2:.1f}" width="{bar:.1f}" height="{h2:.1f}" class="cont"/>')
        if n <= 14 or i % 2 == 0:
            label = f"{MAANDEN[m.maand.month - 1]} {m.maand:%y}"
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{height - 6}" text-anchor="middle">{label}</text>')
    parts.append(f'<line x1="{pad}" y1="{base}" x2="{width - pad}" y2="{base}" class="as"/>')
    parts.append("</svg>")
    return "".join(parts)


@login_required
def reintegratiebedrijf_resultaten(request, bedrijf_id: int):
    """A provider's results over its trajectories: how they ended, for those who may see its cases."""
    rol = access.rol_van(request.user)
    if rol is None or rol.rol == Rolnaam.WERKNEMER:
        raise Http404("Deze pagina bestaat niet of u heeft er geen toegang toe.")
    bedrijf = access.zichtbare_reintegratiebedrijven(request.user).filter(pk=bedrijf_id).first()
    if bedrijf is None:
        raise Http404("Dit re-integratiebedrijf bestaat niet.")
    zichtbaar = access.zichtbare_gevallen(request.user).values("pk")
    trajecten = Traject.objects.filter(reintegratiebedrijf=bedrijf, geval__in=zichtbaar)
    einden = Gebeurtenis.objects.filter(
        geval__in=trajecten.values("geval"), code="einde_tweede_spoor", vervangen_door__isnull=True
    )
    uitkomsten = dict(einden.values_list("data__uitkomst").annotate(n=Count("pk")).values_list("data__uitkomst", "n"))
    lopend = trajecten.filter(Q(einde__isnull=True)).count()
    labels = {
        "plaatsing": "Plaatsing bij een andere werkgever",
        "eigen_werkgever": "Werk bij de eigen werkgever",
        "geen_resultaat": "Geen resultaat",
    }
    rijen = [{"naam": labels[k], "aantal": uitkomsten.get(k, 0)} for k in labels]
    totaal_beeindigd = sum(r["aantal"] for r in rijen)
    for r in rijen:
        r["pct"] = round(100 * r["aantal"] / totaal_beeindigd) if totaal_beeindigd else 0
    return render(
        request,
        "web/reintegratiebedrijf.html",
        {
            "bedrijf": bedrijf,
            "rijen": rijen,
            "lopend": lopend,
            "totaal": trajecten.count(),
            "beeindigd": totaal_beeindigd,
        },
    )


@login_required
def werkgeverskosten(request, geval_id: int):
    """The employer's costs and risks with the labour expert's WIA prognosis (the route-choice moment feeds
    them), beside the toets's expected loonsanctie."""
    from spoorwijzer import berekeningen
    from spoorwijzer.dossier import services

    try:
        g = access.geval_voor(request.user, geval_id)
    except access.Geweigerd:
        raise Http404("Dit dossier bestaat niet of u heeft er geen toegang toe.") from None
    if not access.mag_werkgeverskosten_zien(request.user):
        raise PermissionDenied("De kosten voor de werkgever zijn voor de werkgever en de casemanager.")
    services.audit(request.user, "lezen_kosten", g, detail="kostenpagina")
    events = services.actuele_gebeurtenissen(g)
    result = fout = u = None
    try:
        inv = services.inkomensinvoer(g, events)
        if inv is not None:
            lasten = g.werkgever.werkgeverslasten_pct
            result = berekeningen.werkgeverskosten(
                inv,
                g.werkgever.eigenrisicodrager_wga,
                werkgeverslasten_pct=float(lasten) if lasten is not None else None,
            )
            u = dossier_toets.toets(g, events)
    except LawError as exc:
        inv, fout = None, str(exc)
    if result is not None:
        Berekening.objects.create(
            geval=g,
            onderwerp="werkgeverskosten",
            invoer=result["bon"]["invoer"],
            uitkomst=result,
            gemaakt_door=request.user,
        )
    bron = inv.beoordeling.bron if inv is not None and inv.beoordeling else None
    # a route advice without the prognosis in figures: say so, and who can complete it (not "no prognosis")
    advies = [e for e in events if e.code == "arbeidsdeskundig_advies"]
    advies_zonder_cijfers = advies[-1] if advies and bron is None else None
    # findings UWV weighs without a sanction following by themselves (the dashboard marks them 'risico')
    te_wegen = sum(1 for b in u.bevindingen if ERNST[b.oordeel] > 0) if u and not u.loonsanctie_mogelijk else 0
    from spoorwijzer.web import weergave

    parameters_bon = [
        {
            **p,
            "naam_nl": weergave.parameternaam(p["naam"]),
            "waarde_nl": weergave.parameterwaarde(p["naam"], p["waarde"]),
        }
        for p in (result["bon"]["parameters"] if result else [])
    ]
    return render(
        request,
        "web/kosten.html",
        {
            "geval": g,
            "result": result,
            "fout": fout,
            "toets": u,
            "bron": bron,
            "advies_zonder_cijfers": advies_zonder_cijfers,
            "te_wegen": te_wegen,
            "parameters_bon": parameters_bon,
            "lasten": g.werkgever.werkgeverslasten_pct,
            "mag_lasten_invullen": access.mag_werkgever_wijzigen(request.user, g.werkgever),
        },
    )
