"""Views that fit a role: the employee's own page and the re-integratiebedrijf's trajectory page.

Need-to-know: the employee sees what is expected of them and when, their documents, their job-search log
and their income in plain words; the provider sees its trajectory, its own tasks and the job search, never
the salary, the employer's costs or the whole poortwachter dossier."""

from __future__ import annotations

from django.shortcuts import render

from spoorwijzer.documents import maken
from spoorwijzer.dossier import access, beheer, inzage, nazorg, services
from spoorwijzer.dossier.catalogus import SOORT
from spoorwijzer.nl import STAP_VOOR_WERKNEMER as VOOR_WERKNEMER
from spoorwijzer.web import toets_werknemer

# what the provider records for its trajectory
TAKEN_RB = ("persoonsprofiel", "zoekprofiel", "re_integratieplan", "interventie", "voortgangsgesprek", "plaatsing")


def werknemer(request, g, sched, log, today, events=None):
    """The employee's own page: short on a phone, the job-search actions at the top."""
    codes = set(access.codes_voor(request.user))
    todo, seen = [], set()
    for s in sched.stappen if sched else []:
        if s.code in VOOR_WERKNEMER and s.status not in ("gedaan", "niet_nodig") and s.code not in seen:
            seen.add(s.code)  # of the recurring evaluations only the next one
            # a step deviated with a deugdelijke grond: its new date
            todo.append({"wat": VOOR_WERKNEMER[s.code], "uiterlijk": s.streefdatum, "status": s.status})
    todo = sorted(todo, key=lambda t: t["uiterlijk"] or today)[:4]
    zoeken = [r for r in log if r["actueel"] and r["e"].code in ("sollicitatie", "netwerkcontact")]
    documenten = [r for r in log if r["actueel"] and r["e"].document and not r["bestand_verborgen"]]
    from spoorwijzer.dossier import vragen

    uwv_punten = None if g.afgesloten_op or not sched else toets_werknemer.punten(request.user, g, today, events)
    maatregel = vragen.lopende_maatregel([r["e"] for r in log if r["actueel"]])  # a loonstop the employee must know
    # after a new job or a return: who keeps in touch, and the new employer's no-riskpolis
    na = nazorg.nazorg(g, events if events is not None else services.actuele_gebeurtenissen(g), today)
    return render(
        request,
        "web/werknemer.html",
        {
            "geval": g,
            "sched": sched,
            "todo": todo,
            "todo_te_laat": any(t["status"] == "te_laat" for t in todo),
            "zoeken": zoeken,
            "documenten": documenten,
            # letters and reports made for them (the same access rule as the documents page)
            "gemaakt": maken.zichtbare_documenten(request.user, g),
            "acties": [SOORT[c] for c in ("sollicitatie", "netwerkcontact", "document") if c in codes],
            "week": sched.wachttijd.sick_week(today) if sched else None,
            "uwv_punten": uwv_punten,
            "maatregel": maatregel,
            # with a loonstop on top, one UWV point stays open (the page must stay short on a phone)
            **_uwv_verdeeld(uwv_punten, 1 if maatregel else 2),
            "nazorg": na,
            "nazorg_volgende": next((m["moment"] for m in na.momenten if m["status"] == "open"), None) if na else None,
            "inzage": inzage.wie_opende(request.user, g),
        },
    )


def reintegratiebedrijf(request, g, log, today, events=None):
    """The provider's page: its trajectory, its tasks and deadlines, the job search; nothing else."""
    rol = access.rol_van(request.user)
    trajecten = g.trajecten.filter(reintegratiebedrijf_id=rol.reintegratiebedrijf_id).order_by("-start")
    codes = set(access.codes_voor(request.user))
    done = {r["e"].code for r in log if r["actueel"]}
    taken = [{"soort": SOORT[c], "gedaan": c in done} for c in TAKEN_RB if c in codes and c in SOORT]
    tweede_spoor = [r for r in log if r["actueel"] and SOORT[r["e"].code].groep == "tweede_spoor"]
    fml = next((r for r in log if r["actueel"] and r["e"].code == "belastbaarheid"), None)
    # its own deadlines in this case: the monthly progress meetings and the reports the evaluations need
    termijnen = beheer.werkvoorraad(request.user, today, geval=g)
    return render(
        request,
        "web/reintegratie.html",
        {
            "geval": g,
            "trajecten": trajecten,
            "taken": taken,
            "termijnen": termijnen,
            "log": tweede_spoor,
            "fml": fml,
            "acties": [SOORT[c] for c in codes if SOORT[c].groep in ("tweede_spoor", "document")],
            "vandaag": today,
            "monitor_acties": [SOORT[c] for c in ("sollicitatie", "netwerkcontact", "voortgangsgesprek") if c in codes],
            **traject_monitor(g, today, events),
        },
    )


def traject_monitor(g, today, events=None) -> dict:
    """The track-2 monitoring the provider works by (the same as on the case page): the next monthly progress
    meeting, the quiet-trajectory warning, and applications and contacts per month. No loonsanctie or costs."""
    from spoorwijzer.dossier import services
    from spoorwijzer.dossier import toets as dossier_toets
    from spoorwijzer.law.errors import LawError
    from spoorwijzer.web.views_toets import activiteit_svg

    events = services.actuele_gebeurtenissen(g) if events is None else events
    try:
        u = dossier_toets.toets(g, events, today)
    except LawError:
        u = None
    months = dossier_toets.activiteit_per_maand(events, u)
    stil = next((b for b in u.bevindingen if b.code == "stil_traject" and b.oordeel == "risico"), None) if u else None
    return {
        "activiteit": months,
        "activiteit_svg": activiteit_svg(months) if months else "",
        "voortgang": dossier_toets.voortgangsgesprekken(events, today),
        "stil": stil,
    }


def _uwv_verdeeld(punten, boven: int) -> dict:
    """The UWV points shown open, and the rest folded under 'Nog N punten'."""
    punten = punten or []
    return {"uwv_boven": punten[:boven], "uwv_rest": punten[boven:]}
