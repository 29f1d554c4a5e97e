"""Views of the Dutch web UI. They ask dossier.services (and through it law/) for everything they
show; no rule of law lives here."""

from __future__ import annotations

import datetime as dt
import html
from decimal import ROUND_HALF_UP, Decimal
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Min, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_http_methods

from spoorwijzer import nl
from spoorwijzer.dossier import access, beheer, bewaren, nazorg, services, vragen
from spoorwijzer.dossier.catalogus import GROEPEN, SOORT
from spoorwijzer.dossier.models import Gebeurtenis, Reintegratiebedrijf, Rolnaam, Termijn, Werknemer
from spoorwijzer.law.afwijking import AFWIJKBAAR
from spoorwijzer.law.afwijking import EVENT as AFWIJKING
from spoorwijzer.law.errors import LawError
from spoorwijzer.law.inkomenspad import SCENARIOS
from spoorwijzer.law.poortwachter import STATUS_NAAM, deadline_status
from spoorwijzer.web import keyset, views_rollen, views_toets, weergave
from spoorwijzer.web.forms import GebeurtenisForm, MedischForm, NieuwGevalForm
from spoorwijzer.web.templatetags.web_extras import nl_datum, statusnaam


def rol_context(request):
    rol = access.rol_van(getattr(request, "user", None))
    user = getattr(request, "user", None)
    return {
        "rol": rol,
        "rolnaam": rol.get_rol_display() if rol else "",
        # the menu shows what the role may open (access.py decides, the template only asks)
        "mag_figuren": bool(rol) and access.mag_figuren_zien(user),
        "mag_simuleren": bool(rol) and access.mag_simuleren(user),
        "mag_toegangslog": bool(rol) and access.mag_toegangslog_zien(user),
    }


def _geval_of_404(request, geval_id):
    try:
        return access.geval_voor(request.user, geval_id)
    except access.Geweigerd:
        raise Http404("Dit dossier bestaat niet of u heeft er geen toegang toe.") from None


DASHBOARD_VELDEN = (
    "volgende_uiterlijk",
    "volgende_stap",
    "toets_ernst",
    "toets_loonsanctie_weken",
    "toets_loonsanctie_cent",
    "werknemer__naam",
    "werkgever__naam",
)


@login_required
def dashboard(request):
    rol = access.rol_van(request.user)
    if rol is None:
        return render(request, "web/geen_rol.html", status=403)
    if rol.rol == Rolnaam.PRIVACYFUNCTIONARIS:
        return redirect("toegangslog")
    if rol.rol == Rolnaam.WERKNEMER:
        eigen = access.zichtbare_gevallen(request.user).order_by("-aangemaakt_op").first()
        return redirect("geval", eigen.pk) if eigen else render(request, "web/geen_dossier.html")
    today = services.vandaag()
    soon = services.beleid_voor(request.user).due_soon_days
    qs = (
        access.zichtbare_gevallen(request.user)
        .filter(afgesloten_op__isnull=True)
        .select_related("werknemer", "werkgever")
        # what a row shows: the case has ~40 columns and building 50 whole cases with their employee and employer
        # was a tenth of the page's time
        .only(*DASHBOARD_VELDEN)
    )
    status = request.GET.get("status", "")
    werkgever = request.GET.get("werkgever", "")
    werkgever_naam = request.GET.get("werkgever_naam", "").replace("\x00", "").strip()[:200]
    zoek = request.GET.get("zoek", "").replace("\x00", "").strip()[:100]  # PostgreSQL refuses NUL in text
    if status == "te_laat":
        qs = qs.filter(volgende_uiterlijk__lt=today)
    elif status == "binnenkort":
        qs = qs.filter(volgende_uiterlijk__gte=today, volgende_uiterlijk__lte=today + dt.timedelta(days=soon))
    werkgever_fout = ""
    if werkgever.isascii() and werkgever.isdigit() and len(werkgever) < 18:  # fits a bigint
        qs = qs.filter(werkgever_id=int(werkgever))
    elif werkgever_naam:
        # the type-ahead filter: an exact name, else every employer in scope whose name contains the text
        ids = werkgevers_met_naam(request.user, werkgever_naam)
        if not ids:
            werkgever_fout = f"Geen werkgever gevonden met '{werkgever_naam}'."
        qs = qs.filter(werkgever_id__in=ids)
    if zoek:
        qs = qs.filter(werknemer__naam__icontains=zoek)
    risico = request.GET.get("risico", "")
    if risico in ("1", "2"):  # the RIV-toets outcome stored on the case: risico or worse / loonsanctie possible
        qs = qs.filter(toets_ernst__gte=int(risico))
    sorteer = request.GET.get("sorteer", "")
    if sorteer == "loonsanctie":
        # the highest loonsanctie risk first: one page of the top of the list (indexed per tenant)
        top = list(
            qs.order_by(F("toets_ernst").desc(nulls_last=True), "-toets_loonsanctie_weken", "pk")[: keyset.PER_PAGINA]
        )
        page = keyset.Pagina(top, None, None, True)
    else:
        # urgency: oldest overdue deadline first, then the soonest; cases without open deadlines last
        page = keyset.pagina(qs, na=request.GET.get("na"), voor=request.GET.get("voor"))
    ids = [g.pk for g in page.items]
    overdue = dict(
        Termijn.objects.filter(geval_id__in=ids, gedaan_op__isnull=True, niet_nodig=False, uiterlijk__lt=today)
        .exclude(afwijking_tot__gte=today)  # deviated with a deugdelijke grond and its new date not passed
        .values_list("geval_id")
        .annotate(n=Count("pk"))
    )
    weeks = services.ziekteweken(ids, today)  # law's count, as on the case page
    # the next step with the same status (and who acts on it) as in that person's work queue
    volgende = beheer.eerstvolgende_stappen(page.items, today, soon)
    rows = []
    met_kosten = access.mag_werkgeverskosten_zien(request.user)  # a loonsanctie's euros are the employer's costs
    dossier_url = _prefix("geval", geval_id=0)  # one reversal, not one per row
    for g in page.items:
        stap = volgende.get(g.pk)
        row = {
            "geval": g,
            "week": weeks.get(g.pk),
            "te_laat": overdue.get(g.pk, 0),
            "stap": stap,
            "status": stap.status if stap else deadline_status(g.volgende_uiterlijk, None, today, soon),
            "toets": views_toets.dashboard_toets(g, met_kosten),
        }
        row["html"] = _dashboard_rij_html(row, dossier_url)
        rows.append(row)
    filters = {
        "status": status,
        "werkgever": werkgever,
        "werkgever_naam": werkgever_naam,
        "zoek": zoek,
        "risico": risico,
    }
    basis = urlencode({k: v for k, v in filters.items() if v})
    return render(
        request,
        "web/dashboard.html",
        {
            "rows": rows,
            "page": page,
            "aantal": keyset.geteld(qs),
            "filter_query": basis,
            "werkgever_filter": rol.rol != Rolnaam.WERKGEVER,  # HR works for one employer
            "werkgever_fout": werkgever_fout,
            **filters,
            "sorteer": sorteer,
            "mag_nieuw": access.mag_nieuw_geval(request.user),
            "vandaag": today,
            "binnenkort_dagen": soon,
        },
    )


def _dashboard_rij_html(r: dict, dossier_url: str) -> SafeString:
    """One row of the dashboard's table as HTML, built here for the reason the log's lines are
    (``_logregel_html``): 50 rows of seven cells were half of the page's time in Django's template engine."""
    g, stap, toets = r["geval"], r["stap"], r["toets"]
    naam_stap = (stap.naam if stap else "") or g.volgende_stap or "—"
    actor = (
        f'<br><span class="sub">aan zet: {esc(stap.actor)}</span>' if stap and stap.actor and stap.actor != "—" else ""
    )
    if r["te_laat"]:
        status = f"{r['te_laat']} {'termijn' if r['te_laat'] == 1 else 'termijnen'} te laat"
    else:
        status = esc(statusnaam(r["status"]))
    if toets:
        riv = f'<span class="badge {esc(toets["css"])}">{esc(toets["naam"])}</span>'
        if toets["weken"]:
            kosten = f", {esc(toets['kosten'])}" if toets["kosten"] and toets["kosten"] != "—" else ""
            riv += f" <small>{toets['weken']} wk loonsanctie{kosten}</small>"
    else:
        riv = "—"
    return mark_safe(  # noqa: S308 (every value escaped)
        f'<tr class="status-{esc(r["status"])}">\n'
        f'      <td class="kop"><a href="{esc(dossier_url)}{g.pk}/">{esc(g.werknemer.naam)}</a></td>\n'
        f'      <td data-label="Werkgever">{esc(g.werkgever.naam)}</td>\n'
        f'      <td data-label="Ziekteweek">{r["week"] or "—"}</td>\n'
        f'      <td data-label="Eerstvolgende stap">{esc(naam_stap)}{actor}</td>\n'
        f'      <td data-label="Uiterlijk">{esc(nl_datum(g.volgende_uiterlijk))}</td>\n'
        f'      <td data-label="Status"><span class="badge {esc(r["status"])}">{status}</span></td>\n'
        f'      <td data-label="RIV-toets">{riv}</td>\n'
        "    </tr>"
    )


def _logregels(user, g, alle, codes) -> list[dict]:
    """The log as people read it: labels and euros, and withdrawn (medical) text only for the bedrijfsarts."""
    bedrijven = dict(Reintegratiebedrijf.objects.values_list("pk", "naam"))
    arts = access.mag_ingetrokken_lezen(user, g)
    rol_gebruiker = access.rol_van(user)
    rows = []
    regels = {e.pk: e for e in alle}
    for e in alle:
        if e.code not in SOORT:
            continue
        ingetrokken = getattr(e, "intrekking", None)
        verbergen = ingetrokken is not None and not arts
        actueel = not getattr(e, "is_vervangen", False)  # services.logboek marks the corrected rows
        rows.append(
            {
                "e": e,
                "naam": SOORT[e.code].naam,
                "velden": weergave.velden(e, bedrijven, tekst_verbergen=verbergen, regels=regels),
                "toelichting": "" if verbergen else e.toelichting,
                "ingetrokken": ingetrokken,
                "actueel": actueel,
                "vervangen": not actueel,
                "mag_corrigeren": actueel
                and not verbergen
                and access.mag_corrigeren_op_pagina(user, rol_gebruiker, e, codes),
                "mag_intrekken": ingetrokken is None
                and (services.heeft_vrije_tekst(e) or bool(e.document))
                and access.mag_intrekken(user, g, e, zichtbaar=True),
                # the file withdrawn with the text: a download link for the bedrijfsarts only
                "bestand_verborgen": bool(e.document) and services.bestand_ingetrokken(e) and not arts,
            }
        )
    return rows


def _wie(user) -> str:
    return user.get_full_name() or user.username


def esc(value) -> str:
    """Django's escaping (the same entities) without its lazy-text wrapper: values already marked safe stay as
    they are, everything else is escaped."""
    return value.__html__() if hasattr(value, "__html__") else html.escape(str(value))


def _logregel_html(r: dict, vastleggen_url: str, document_url: str, intrekken_url: str) -> SafeString:
    """One line of the case page's log as HTML. Built here rather than in the template: a track-2 case has
    100+ lines and Django's template engine spent ~30 ms a page on them (benchmarks/README.md, load). Every
    value goes through ``esc``; ``format_html`` cost another ~15 ms a page on these lines."""
    e = r["e"]
    klasse = ("vervangen" if r["vervangen"] else "") + (" ingetrokken" if r["ingetrokken"] else "")
    delen = [
        f'<li class="{esc(klasse)}" data-regel="{e.pk}">\n      <strong>{esc(nl.datum(e.datum))}</strong>'
        f" — {esc(r['naam'])}\n      "
    ]
    for v in r["velden"]:
        delen.append(f'<span class="veld"><span class="veld-label">{esc(v["label"])}:</span> {esc(v["waarde"])}</span>')
    if r["toelichting"]:
        delen.append(f"\n      <br>{esc(r['toelichting'])}")
    ingetrokken = r["ingetrokken"]
    if ingetrokken:
        wat = "Tekst en bestand ingetrokken" if ingetrokken.bestand else "Tekst ingetrokken"
        wanneer = nl.datum_tijd(ingetrokken.ingetrokken_op) if ingetrokken.ingetrokken_op else "—"
        delen.append(
            f'\n      <br><span class="badge ingetrokken">{wat}</span> <small>{esc(_wie(ingetrokken.ingetrokken_door))}'
            f" ({esc(str(ingetrokken.get_rol_display()).lower())}) · {esc(wanneer)} · reden: {esc(ingetrokken.reden)}"
            "</small>"
        )
    if e.document:
        if r["bestand_verborgen"]:
            delen.append(
                "\n      <br><small data-bestand-ingetrokken>Het bestand is ingetrokken; alleen de bedrijfsarts kan "
                "het openen.</small>"
            )
        else:
            delen.append(f'\n      <br><a href="{esc(document_url)}{e.pk}/">Document downloaden</a>')
    wanneer = nl.datum_tijd(e.vastgelegd_op) if e.vastgelegd_op else "—"
    delen.append(
        f"\n      <br><small>{esc(_wie(e.vastgelegd_door))} ({esc(str(e.get_rol_display()).lower())}) · {esc(wanneer)}"
        f"{' · correctie' if e.vervangt_id else ''}{' · vervangen door een correctie' if r['vervangen'] else ''}</small>"
    )
    if r["mag_corrigeren"]:
        delen.append(
            f'\n      <a class="klein" href="{esc(vastleggen_url)}{esc(e.code)}/?corrigeer={e.pk}">Corrigeren</a>'
        )
    if r["mag_intrekken"]:
        delen.append(f'\n      <a class="klein" href="{esc(intrekken_url)}{e.pk}/">Medische informatie intrekken</a>')
    delen.append("\n    </li>")
    return mark_safe("".join(delen))  # noqa: S308 (every value escaped above)


def _audit_lezen(user, g, log) -> None:
    """One row in the access log per opening of the case page (NEN 7513): a medical read when the bedrijfsarts
    was shown withdrawn (medical) text, else a read of the dossier."""
    if access.mag_ingetrokken_lezen(user, g) and any(r["ingetrokken"] for r in log):
        services.audit(user, "lezen_medisch", g, detail="dossier geopend, met ingetrokken (medische) tekst")
    else:
        services.audit(user, "lezen_dossier", g, detail="dossierpagina")


def werkgevers_met_naam(user, naam: str) -> list[int]:
    scope = access.zichtbare_werkgevers(user)
    exact = list(scope.filter(naam__iexact=naam).values_list("pk", flat=True)[:50])
    return exact or list(scope.filter(naam__icontains=naam).values_list("pk", flat=True)[:50])


@login_required
def werkgevers_zoek(request):
    """Type-ahead suggestions for the dashboard's employer filter: at most 15 names in the user's scope."""
    q = request.GET.get("werkgever_naam", request.GET.get("q", "")).strip()[:200]
    names = access.zichtbare_werkgevers(request.user)
    if q:
        names = names.filter(naam__icontains=q)
    names = names.order_by("naam").values_list("naam", flat=True)[:15]
    return render(request, "web/_werkgever_opties.html", {"namen": names})


def _prefix(name: str, **kwargs) -> str:
    """A URL reversed once, cut before its last argument, for building many links in a template:
    `_prefix("geval", geval_id=0)` is "/dossier/", so a row's link is that + pk + "/"."""
    *rest, last = kwargs
    marker = "987654321" if isinstance(kwargs[last], int) else "MARKER"
    url = reverse(name, kwargs={**{k: kwargs[k] for k in rest}, last: marker})
    return url[: url.index(marker)]


HONDERDSTE = Decimal("0.01")


def _timeline(sched, today):
    """Positions (in % of the wachttijd) for the visual timeline; the table below carries the same data."""
    start, end = sched.eerste_ziektedag, sched.einde_wachttijd + dt.timedelta(days=1)
    span = (end - start).days or 1

    def pos(d):
        # as text, as the template's floatformat:"2u" wrote it (two decimals, half up, a point): the filter cost
        # ~4 ms on a case page with its 40 markers
        if d is None:
            return None
        x = max(0.0, min(100.0, 100 * (d - start).days / span))
        return str(Decimal(str(x)).quantize(HONDERDSTE, ROUND_HALF_UP))

    rows, evaluations = [], []
    for s in sched.stappen:
        item = {
            "naam": s.naam,
            "voorkeur": pos(s.voorkeur),
            "uiterlijk": pos(s.uiterlijk),
            "gedaan": pos(s.gedaan_op),
            "status": s.status,
            "code": s.code,
            # the new date of a deviation from the legal deadline (deugdelijke grond), an own marker
            "afwijking": pos(s.afwijking.nieuwe_datum) if s.afwijking and s.status != "gedaan" else None,
        }
        (evaluations if s.herhalend else rows).append(item)
    if evaluations:
        every = f" (ten minste elke {sched.evaluatie_interval_weken} weken)" if sched.evaluatie_interval_weken else ""
        rows.append({"naam": f"Evaluaties{every}", "reeks": evaluations, "status": "reeks"})
    vandaag = pos(today) if start <= today <= end else None
    return {
        "rijen": rows,
        "html": _tijdlijn_html(rows, vandaag),
        "vandaag": vandaag,
        "afwijking": any(s.afwijking for s in sched.stappen),
    }


def _marker(klasse: str, links: str) -> str:
    return f'<i class="{klasse}" data-links="{links}"></i>'


def _tijdlijn_html(rows: list[dict], vandaag: str | None) -> SafeString:
    """The timeline's rows as HTML, built here for the reason the log's lines are (``_logregel_html``): its ~40
    markers, half of them the series of evaluations, were half of the case page's time in the template engine.
    Positions are numbers made by ``_timeline``; names and statuses are escaped."""
    html_rows = []
    for r in rows:
        if r.get("reeks"):
            markers = [
                _marker("m gedaan", e["gedaan"])
                if e["gedaan"] is not None
                else _marker(f"m uiterlijk {esc(e['status'])}", e["uiterlijk"])
                for e in r["reeks"]
                if e["gedaan"] is not None or e["uiterlijk"] is not None
            ]
        else:
            markers = []
            if r["voorkeur"] is not None:
                markers.append(_marker("m voorkeur", r["voorkeur"]))
            if r["uiterlijk"] is not None:
                status = "" if r["status"] == "gedaan" else f" {esc(r['status'])}"
                markers.append(_marker(f"m uiterlijk{status}", r["uiterlijk"]))
            if r["gedaan"] is not None:
                markers.append(_marker("m gedaan", r["gedaan"]))
        if r.get("afwijking") is not None:
            markers.append(_marker("m afwijking", r["afwijking"]))
        if vandaag is not None:
            markers.append(_marker("vandaag", vandaag))
        html_rows.append(
            f'<div class="tl-rij {esc(r["status"])}">\n      <span class="tl-naam">{esc(r["naam"])}</span>\n'
            f'      <span class="tl-baan">\n        {"".join(markers)}\n      </span>\n    </div>'
        )
    return mark_safe("\n    ".join(html_rows))  # noqa: S308 (names and statuses escaped, positions are numbers)


LOG_KORT = 10


@login_required
def geval(request, geval_id: int):
    g = _geval_of_404(request, geval_id)
    today = services.vandaag()
    alle, events = services.logboek(g)  # one query for the log and the events the law reads
    sched = services.tijdlijn(g, today, events)
    codes = access.codes_voor(request.user)
    log = _logregels(request.user, g, alle, codes)
    _audit_lezen(request.user, g, log)
    rol = access.rol_van(request.user)
    if rol.rol == Rolnaam.WERKNEMER:  # a page that fits the role (views_rollen)
        return views_rollen.werknemer(request, g, sched, log, today, events)
    if rol.rol == Rolnaam.REINTEGRATIEBEDRIJF:
        return views_rollen.reintegratiebedrijf(request, g, log, today, events)
    groepen = []
    # reopening is for a closed case, closing for an open one (services.vastleggen refuses the other way)
    niet_nu = {"heropening"} if g.afgesloten_op is None else {"afsluiting"}
    for groep, naam in GROEPEN.items():
        items = [SOORT[c] for c in codes if SOORT[c].groep == groep and c not in niet_nu]
        if items:
            groepen.append({"naam": naam, "soorten": items})
    tweede_spoor = [r for r in reversed(log) if r["actueel"] and SOORT[r["e"].code].groep == "tweede_spoor"]
    for r in tweede_spoor:  # HTML built here, as the log's lines: a track-2 case has 100+ of these
        velden = "".join(f" · {esc(v['label'])}: {esc(v['waarde'])}" for v in r["velden"])
        r["ts_html"] = mark_safe(  # noqa: S308 (every value escaped)
            f"<li><strong>{esc(nl.datum(r['e'].datum))}</strong> {esc(r['naam'])}{velden}</li>"
        )
    stappen = [
        {
            **s.as_dict(),
            "status_nl": STATUS_NAAM[s.status],
            "mag": s.code in codes and s.status not in ("gedaan", "niet_nodig"),
            # late or deviated, or done late without a recorded ground: a deviation can be recorded
            "mag_afwijken": AFWIJKING in codes
            and s.code in AFWIJKBAAR
            and (s.status in ("te_laat", "afwijking") or (s.tijdig is False and s.afwijking is None)),
        }
        for s in (sched.compact_steps() if sched else [])
    ]
    # On a phone the held evaluations but the last fold away (the timeline and the log show them all).
    vastleggen_url = _prefix("gebeurtenis_nieuw", geval_id=g.pk, code="")
    document_url = _prefix("document", geval_id=g.pk, gebeurtenis_id=0)
    intrekken_url = _prefix("intrekken", geval_id=g.pk, gebeurtenis_id=0)
    for r in log:
        r["html"] = _logregel_html(r, vastleggen_url, document_url, intrekken_url)
    gehouden = [s for s in stappen if s["herhalend"] and s["status"] == "gedaan"]
    for s in gehouden[:-1]:
        s["eerder"] = True
    return render(
        request,
        "web/geval.html",
        {
            "geval": g,
            "sched": sched,
            "stappen": stappen,
            "eerdere_evaluaties": max(0, len(gehouden) - 1),
            "timeline": _timeline(sched, today) if sched else None,
            "gebeurtenissen": log,
            # the newest lines open, older ones folded (a two-year dossier has a hundred and more)
            "log_kort": LOG_KORT,
            "log_min": -LOG_KORT,
            "soort": SOORT,
            "groepen": groepen,
            "tweede_spoor": tweede_spoor,
            "mag_medisch": access.mag_medisch_zien(request.user, g),
            "bewaren": bewaren.termijn(g, today, medisch=access.mag_medisch_zien(request.user, g))
            if access.mag_bewaartermijn_zien(request.user, g)
            else None,
            "trajecten": g.trajecten.select_related("reintegratiebedrijf"),
            "week": sched.wachttijd.sick_week(today) if sched else None,
            "deels": services.deels_werkend(events),
            "samen": services.samengeteld_met(g),
            "samentelling_dagen": services.samentelling_dagen(g),
            "vandaag": today,
            "mag_kosten": access.mag_werkgeverskosten_zien(request.user),
            # reversed once: a track-2 case has 100+ log rows, each with its own links
            "vastleggen_url": vastleggen_url,
            "document_url": document_url,
            "voor_werknemer": access.rol_van(request.user).rol == Rolnaam.WERKNEMER,
            "nazorg_anker": nazorg.anker(events),  # aftercare after a placement or return (views_nazorg)
            "open_vragen": vragen.open_vragen_voor(request.user, g, events, today),  # questions this role answers
            **views_toets.toets_context(request, g, events, today),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def gebeurtenis_nieuw(request, geval_id: int, code: str):
    g = _geval_of_404(request, geval_id)
    soort = SOORT.get(code)
    if soort is None:
        raise Http404("Onbekende soort gebeurtenis.")
    if not access.mag_vastleggen(request.user, g, code):
        raise PermissionDenied(f"U mag '{soort.naam}' niet vastleggen in dit dossier.")
    vervangt = None
    pk = request.POST.get("corrigeer") or request.GET.get("corrigeer")
    if pk:
        if pk.isascii() and pk.isdigit() and len(pk) < 19:
            vervangt = Gebeurtenis.objects.filter(pk=pk, geval=g, code=code).select_related("intrekking").first()
        if vervangt is None:
            raise Http404("De gebeurtenis die u wilt corrigeren bestaat niet in dit dossier.")
        if not access.mag_corrigeren(request.user, vervangt):
            raise PermissionDenied(
                f"U mag deze '{soort.naam}' niet corrigeren: dat mag alleen wie hem vastlegde, of een rol die daarvoor "
                "is aangewezen."
            )
        if (
            vervangt is not None
            and hasattr(vervangt, "intrekking")
            and not access.mag_ingetrokken_lezen(request.user, g)
        ):
            raise PermissionDenied("Deze regel is ingetrokken omdat hij medische informatie bevatte.")
    rol = access.rol_van(request.user).rol
    if request.method == "POST":
        form = GebeurtenisForm(soort, rol, request.POST, request.FILES, geval=g)
        if form.is_valid():
            try:
                services.vastleggen(
                    request.user,
                    g,
                    code,
                    form.cleaned_data["datum"],
                    form.data_dict(),
                    form.cleaned_data.get("toelichting", ""),
                    request.FILES.get("document"),
                    vervangt,
                )
            except (LawError, access.Geweigerd) as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, f"{soort.naam} is vastgelegd.")
                url = reverse("geval", args=[g.pk])
                if request.headers.get("HX-Request"):
                    response = HttpResponse(status=204)
                    response["HX-Redirect"] = url
                    return response
                return redirect(url)
    else:
        initial = {"datum": services.vandaag()}
        if code == AFWIJKING and request.GET.get("stap") in AFWIJKBAAR:  # from the step's own row
            initial["veld_stap"] = request.GET["stap"]
        if vervangt:
            initial = GebeurtenisForm.initial_van(vervangt, soort)
        form = GebeurtenisForm(soort, rol, initial=initial, geval=g)
    template = "web/_gebeurtenis_form.html" if request.headers.get("HX-Request") else "web/gebeurtenis.html"
    return render(
        request,
        template,
        {
            "geval": g,
            "soort": soort,
            "form": form,
            "vervangt": vervangt,
            "vooruitzicht": _vooruitzicht(g) if code == "routekeuze" else None,  # the outlook where the choice is made
        },
        status=200 if request.method == "GET" or form.is_valid() else 400,
    )


@login_required
@require_http_methods(["GET", "POST"])
def medisch(request, geval_id: int):
    g = _geval_of_404(request, geval_id)
    if not access.mag_medisch_zien(request.user, g):
        services.audit(request.user, "geweigerd_medisch", g, detail="pagina medische gegevens")
        raise PermissionDenied("Medische gegevens zijn alleen zichtbaar voor de bedrijfsarts.")
    form = MedischForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.medisch_vastleggen(request.user, g, form.cleaned_data["soort"], form.cleaned_data["tekst"])
        except (LawError, access.Geweigerd) as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Medisch gegeven vastgelegd.")
            return redirect("medisch", g.pk)
    rows = services.medisch_lezen(request.user, g)
    return render(
        request,
        "web/medisch.html",
        {
            "geval": g,
            "rows": rows,
            "form": form,
            "mag_vastleggen": access.mag_medisch_vastleggen(request.user, g),
            "mag_exporteren": access.mag_medisch_exporteren(request.user, g),
        },
        status=400 if request.method == "POST" else 200,  # a refused post (its errors shown) is a 400, as elsewhere
    )


@login_required
def inkomen(request, geval_id: int):
    g = _geval_of_404(request, geval_id)
    if not access.mag_inkomen_zien(request.user):
        raise PermissionDenied(
            "Het inkomen en het loon van de werknemer zijn niet zichtbaar voor het re-integratiebedrijf."
        )
    services.audit(request.user, "lezen_inkomen", g, detail="inkomenspagina")
    try:
        result = services.inkomenspad(request.user, g)
    except LawError as exc:
        result, fout = None, str(exc)
    else:
        fout = None
    svg = tabel = lijnen = None
    if result:
        from spoorwijzer.grafiek import inkomenspaden_svg, jaartabel, legenda

        # the legend as an HTML list below the chart: it wraps on a phone, where the chart itself scrolls
        svg = inkomenspaden_svg(result, title="Inkomen per maand per scenario (bruto)", legend=False)
        lijnen = legenda(result)
        # an image with a name: the caption below (a summary) names it; the table beside it has the figures
        svg = svg[svg.index("<svg") :].replace("<svg ", '<svg role="img" aria-labelledby="grafiek-uitleg" ', 1)
        tabel = jaartabel(result)
    uitleg_ziek, eerste_maand = _loondoorbetaling_uitleg(result) if result else ([], None)
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
        "web/inkomen.html",
        {
            "geval": g,
            "result": result,
            "svg": svg,
            "tabel": tabel,
            "fout": fout,
            "scenario_namen": SCENARIOS,
            "parameters_bon": parameters_bon,
            # an outlook of the chances is for a case still looking: not after a placement or once closed
            "vooruitzicht": None if _geplaatst_of_afgesloten(g) else _vooruitzicht(g),
            "werkelijk": _werkelijke_situatie(g, result),
            "als_werknemer": access.mag_inzage_eigen_dossier(request.user, g),  # the employee of this dossier
            "uitleg_ziek": uitleg_ziek,
            "lijnen": lijnen,
            "voorlopig": weergave.voorlopig_zinnen(parameters_bon),
            "eerste_maand": eerste_maand,
        },
    )


def _loondoorbetaling_uitleg(result):
    """What the months of sickness pay, per year of the wage continuation (the law's own explanation of each
    phase), and the first month's wage before the first sick day (it lifts that month's figure)."""
    first = result["scenarios"][0] if result["scenarios"] else None
    if first is None:
        return [], None
    uitleg, seen = [], set()
    for f in first["fasen"]:
        if f["soort"] == "loondoorbetaling" and f["toelichting"] not in seen:
            seen.add(f["toelichting"])
            uitleg.append({"toelichting": f["toelichting"], "per_maand_cent": f["per_maand_cent"]})
    maand = first["maanden"][0] if first["maanden"] else None
    eerste = None
    if maand and maand["delen"].get("loon") and len(maand["delen"]) > 1:
        eerste = {"maand": maand["maand"], "loon_cent": maand["delen"]["loon"], "totaal_cent": maand["totaal_cent"]}
    return uitleg, eerste


def _werkelijke_situatie(g, result) -> dict | None:
    """After a placement or a return the case has one real outcome: name its scenario, so the other lines read as
    what could have happened without it (review: a placed employee saw sick-leave scenarios as his prospects)."""
    from spoorwijzer.dossier.nazorg import anker

    a = anker(services.actuele_gebeurtenissen(g))
    code = {"plaatsing": "nieuwe_werkgever", "terugkeer": "eigen_werkgever"}.get(a.soort) if a else None
    scenario = next((s for s in result["scenarios"] if s["code"] == code), None) if result else None
    if scenario is None:
        return None
    return {"anker": a, "code": code, "naam": scenario["naam"]}


def _geplaatst_of_afgesloten(g) -> bool:
    return (
        g.afgesloten_op is not None or g.gebeurtenissen.filter(code="plaatsing", vervangen_door__isnull=True).exists()
    )


def _vooruitzicht(g):
    """The track-2 outlook beside the income paths (published figures as ranges; not for the provider,
    who does not see the employee's income)."""
    from spoorwijzer.dossier.figuren import vooruitzicht_feiten
    from spoorwijzer.simulation.vooruitzicht import vooruitzicht

    return vooruitzicht(**vooruitzicht_feiten(g, services.vandaag()))


@login_required
@require_http_methods(["GET", "POST"])
def nieuw_geval(request):
    if not access.mag_nieuw_geval(request.user):
        raise PermissionDenied("U mag geen ziekmelding doen.")
    rol = access.rol_van(request.user)
    werknemers = Werknemer.objects.filter(
        Q(werkgever_id=rol.werkgever_id)
        if rol.rol == Rolnaam.WERKGEVER
        else Q(werkgever__organisatie_id=rol.organisatie_id)
    ).order_by("naam")
    # who is already sick has an open case: marked in the list (a new report is refused with the reason)
    werknemers = werknemers.annotate(
        open_sinds=Min("gevallen__eerste_ziektedag", filter=Q(gevallen__afgesloten_op__isnull=True))
    )
    form = NieuwGevalForm(werknemers, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            g = services.nieuw_geval(
                request.user, form.cleaned_data["werknemer"], form.cleaned_data["eerste_ziektedag"]
            )
        except (LawError, access.Geweigerd) as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Ziekmelding vastgelegd; de tijdlijn staat klaar.")
            return redirect("geval", g.pk)
    return render(request, "web/nieuw_geval.html", {"form": form}, status=400 if form.errors else 200)


@login_required
def document(request, geval_id: int, gebeurtenis_id: int):
    """An uploaded document, for those who may see the case."""
    from django.http import FileResponse

    g = _geval_of_404(request, geval_id)
    event = (
        Gebeurtenis.objects.filter(pk=gebeurtenis_id, geval=g).exclude(document="").select_related("intrekking").first()
    )
    if event is None or not event.document:
        raise Http404("Dit document bestaat niet.")
    if services.bestand_ingetrokken(event) and not access.mag_ingetrokken_lezen(request.user, g):
        # not the file's name: it can itself be medical, and the access log is read by others than the arts
        services.audit(request.user, "bijlage_geweigerd_ingetrokken", g, event, "ingetrokken bestand")
        raise PermissionDenied(
            "Dit bestand is ingetrokken als medische informatie; alleen de bedrijfsarts kan het openen."
        )
    naam = "ingetrokken bestand" if services.bestand_ingetrokken(event) else event.document.name.rsplit("/", 1)[-1]
    services.audit(request.user, "bijlage_downloaden", g, event, naam)
    return FileResponse(event.document.open("rb"), as_attachment=True, filename=event.document.name.rsplit("/", 1)[-1])
