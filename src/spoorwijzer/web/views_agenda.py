"""Calendar: a case's deadlines as an .ics download, and a per-user subscription feed (secret, revocable
URL) with the user's privacy choice for what event titles may say."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from spoorwijzer.dossier import access, agenda, services
from spoorwijzer.dossier.models import Agendafeed
from spoorwijzer.ical import AgendaItem, summary_for, to_ics


def _ics_response(request, user, gevallen, calname: str, filename: str | None) -> HttpResponse:
    def case_url(geval):
        return request.build_absolute_uri(reverse("geval", args=[geval.pk]))

    items = [
        AgendaItem(
            uid=i["uid"],
            summary=summary_for(i["naam"], i["status"], i["wie"]),
            day=i["day"],
            description=i["description"],
            status=i["status"],
            sequence=i["sequence"],
            last_modified=i["last_modified"],
            url=i["url"],
        )
        for i in agenda.items(user, gevallen, case_url)
    ]
    response = HttpResponse(to_ics(items, calname), content_type="text/calendar; charset=utf-8")
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def termijnen_ics(request, geval_id: int):
    try:
        g = access.geval_voor(request.user, geval_id)
    except access.Geweigerd:
        raise Http404("Dit dossier bestaat niet of u heeft er geen toegang toe.") from None
    if not g.termijnen.exists():
        raise Http404("Dit dossier heeft nog geen ziekteperiode.")
    pref = agenda.voorkeur(request.user)
    wie = agenda.wie(g, pref)
    calname = f"{wie[:1].upper()}{wie[1:]}: poortwachtertermijnen"
    services.audit(request.user, "agenda_downloaden", g, detail=f"termijnen-{g.pk}.ics")
    return _ics_response(request, request.user, [g], calname, f"termijnen-{g.pk}.ics")


def feed(request, token: str):
    """The subscription: no login (calendar apps cannot log in); the secret URL is the key."""
    f = agenda.feed_voor(token)
    if f is None or access.rol_van(f.user) is None:
        raise Http404("Dit agenda-adres bestaat niet (meer).")
    gevallen = access.zichtbare_gevallen(f.user).filter(afgesloten_op__isnull=True)
    services.audit(f.user, "agenda_feed", obj=f, detail=f"abonnement {f.pk}")
    return _ics_response(request, f.user, gevallen, "Spoorwijzer: poortwachtertermijnen", None)


@login_required
@require_http_methods(["GET", "POST"])
def agenda_instellingen(request):
    if access.rol_van(request.user) is None:
        raise Http404("U heeft nog geen rol in Spoorwijzer.")
    pref = agenda.voorkeur(request.user)
    nieuw_adres = None
    if request.method == "POST":
        actie = request.POST.get("actie")
        if actie == "voorkeur":
            pref.met_naam = request.POST.get("met_naam") == "1"
            pref.met_medische_stappen = request.POST.get("met_medische_stappen") == "1"
            pref.save()
            messages.success(request, "Uw keuze voor de agenda is opgeslagen.")
            return redirect("agenda")
        if actie == "nieuw":
            token = agenda.nieuwe_feed(request.user)
            nieuw_adres = request.build_absolute_uri(reverse("agenda_feed", args=[token]))
        elif actie == "intrekken" and request.POST.get("feed", "").isdigit():
            if agenda.intrekken(request.user, int(request.POST["feed"])):
                messages.success(request, "Het agenda-adres is ingetrokken; het werkt niet meer.")
            return redirect("agenda")
    feeds = Agendafeed.objects.filter(user=request.user, ingetrokken_op__isnull=True).order_by("-aangemaakt_op")
    return render(request, "web/agenda.html", {"pref": pref, "feeds": feeds, "nieuw_adres": nieuw_adres})
