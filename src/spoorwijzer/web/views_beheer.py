"""Screens for master data and organisation: employers, employees (with the payroll import and export),
users and invitations, re-integratiebedrijven, the preferred-date policy, "mijn dossiers", the work queue
and the contact log of a case. Rules and checks come from dossier.beheer and dossier.access."""

from __future__ import annotations

from axes.utils import reset as axes_reset
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.core.mail import send_mail
from django.http import Http404, HttpResponse, HttpResponseForbidden, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from spoorwijzer.dossier import access, beheer, services
from spoorwijzer.dossier.models import Rolnaam, Werkgever, Werknemer
from spoorwijzer.law.errors import InvalidInput, LawError
from spoorwijzer.web.forms_beheer import (
    ContactForm,
    GebruikerForm,
    ImportForm,
    ReintegratiebedrijfForm,
    WerkgeverForm,
    WerknemerForm,
)

WEIGERING = "U heeft geen toegang tot dit onderdeel van het beheer."


def _status(form) -> int:
    return 400 if form.is_bound and form.errors else 200


@login_required
def beheer_start(request):
    rol = access.rol_van(request.user)
    werkgevers = access.beheerbare_werkgevers(request.user)
    if rol is None or not werkgevers.exists() and not access.mag_werkgevers_beheren(request.user):
        return HttpResponseForbidden(WEIGERING)
    if rol.rol == Rolnaam.WERKGEVER:
        return redirect("beheer_werkgever", rol.werkgever_id)
    return redirect("beheer_werkgevers")


# --- employers ----------------------------------------------------------------------------------------


@login_required
def werkgevers(request):
    if not access.mag_werkgevers_beheren(request.user):
        return HttpResponseForbidden(WEIGERING)
    rows = access.beheerbare_werkgevers(request.user).order_by("naam")
    from django.db.models import Count

    rows = rows.annotate(aantal=Count("werknemers"))
    return render(request, "web/beheer/werkgevers.html", {"werkgevers": rows, "actief": "werkgevers"})


@login_required
@require_http_methods(["GET", "POST"])
def werkgever_nieuw(request):
    if not access.mag_werkgevers_beheren(request.user):
        return HttpResponseForbidden(WEIGERING)
    form = WerkgeverForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        w = form.save(commit=False)
        w.organisatie = access.rol_van(request.user).organisatie
        w.save()
        services.audit(request.user, "werkgever_aangemaakt", obj=w, detail=w.naam)
        messages.success(request, f"Werkgever {w.naam} is aangemaakt.")
        return redirect("beheer_werkgever", w.pk)
    return render(
        request, "web/beheer/werkgever_form.html", {"form": form, "actief": "werkgevers"}, status=_status(form)
    )


def _werkgever(request, werkgever_id) -> Werkgever:
    w = access.beheerbare_werkgevers(request.user).filter(pk=werkgever_id).first()
    if w is None:
        raise Http404("Deze werkgever bestaat niet of valt niet onder uw beheer.")
    return w


@login_required
@require_http_methods(["GET", "POST"])
def werkgever(request, werkgever_id: int):
    w = _werkgever(request, werkgever_id)
    mag_wijzigen = access.mag_werkgever_wijzigen(request.user, w)
    form = WerkgeverForm(request.POST or None, instance=w) if mag_wijzigen else None
    if request.method == "POST":
        if not mag_wijzigen:
            return HttpResponseForbidden(WEIGERING)
        if form.is_valid():
            form.save()
            services.audit(request.user, "werkgever_gewijzigd", obj=w, detail=", ".join(form.changed_data))
            messages.success(request, "De gegevens van de werkgever zijn opgeslagen.")
            return redirect("beheer_werkgever", w.pk)
    zoek = request.GET.get("zoek", "").strip()
    werknemers = w.werknemers.order_by("naam", "pk")
    if zoek:
        werknemers = werknemers.filter(naam__icontains=zoek)
    return render(
        request,
        "web/beheer/werkgever.html",
        {"w": w, "form": form, "werknemers": werknemers[:500], "zoek": zoek, "actief": "werkgevers"},
        status=_status(form) if form else 200,
    )


# --- employees ----------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def werknemer_nieuw(request, werkgever_id: int):
    w = _werkgever(request, werkgever_id)
    form = WerknemerForm(request.POST or None, werkgever=w)
    if request.method == "POST" and form.is_valid():
        wn = form.save()
        services.audit(request.user, "werknemer_aangemaakt", obj=wn, detail=f"{wn.naam} bij {w.naam}")
        messages.success(request, f"Werknemer {wn.naam} is toegevoegd.")
        return redirect("beheer_werkgever", w.pk)
    return render(
        request, "web/beheer/werknemer_form.html", {"form": form, "w": w, "actief": "werkgevers"}, status=_status(form)
    )


@login_required
@require_http_methods(["GET", "POST"])
def werknemer(request, werknemer_id: int):
    wn = get_object_or_404(Werknemer.objects.select_related("werkgever"), pk=werknemer_id)
    if not access.mag_werknemers_beheren(request.user, wn.werkgever):
        raise Http404("Deze werknemer bestaat niet of valt niet onder uw beheer.")
    form = WerknemerForm(request.POST or None, instance=wn, werkgever=wn.werkgever)
    if request.method == "POST" and form.is_valid():
        form.save()
        services.audit(request.user, "werknemer_gewijzigd", obj=wn, detail=", ".join(form.changed_data))
        messages.success(request, f"De gegevens van {wn.naam} zijn opgeslagen.")
        return redirect("beheer_werkgever", wn.werkgever_id)
    return render(
        request,
        "web/beheer/werknemer_form.html",
        {"form": form, "w": wn.werkgever, "wn": wn, "actief": "werkgevers"},
        status=_status(form),
    )


@login_required
@require_http_methods(["GET", "POST"])
def werknemers_import(request, werkgever_id: int):
    """Step 1: upload -> preview with row-level errors. Step 2: confirm -> all rows in one transaction."""
    w = _werkgever(request, werkgever_id)
    context = {"w": w, "kolommen": beheer.KOLOMMEN, "actief": "werkgevers"}
    if request.method == "POST" and request.POST.get("stap") == "bevestig":
        text = request.POST.get("inhoud", "")
        try:
            new, updated = beheer.importeer(request.user, w, text)
        except (InvalidInput, access.Geweigerd) as exc:
            result = beheer.lees_csv(text, w)
            form = ImportForm()
            context.update(form=form, result=result, inhoud=text, fout=str(exc))
            return render(request, "web/beheer/import.html", context, status=400)
        messages.success(request, f"Ingelezen: {new} nieuwe werknemer(s), {updated} bijgewerkt.")
        return redirect("beheer_werkgever", w.pk)
    form = ImportForm(request.POST or None, request.FILES or None)
    context["form"] = form
    if request.method == "POST" and form.is_valid():
        try:
            text = beheer.decodeer(form.cleaned_data["bestand"].read())
        except InvalidInput as exc:
            form.add_error("bestand", str(exc))
        else:
            result = beheer.lees_csv(text, w)
            context.update(result=result, inhoud=text)
            return render(request, "web/beheer/import.html", context, status=200 if result.in_orde else 400)
    return render(request, "web/beheer/import.html", context, status=_status(form))


@login_required
def werknemers_export(request, werkgever_id: int):
    w = _werkgever(request, werkgever_id)
    services.audit(request.user, "export_werknemers", obj=w, detail=w.naam)
    body = "\ufeff" + beheer.exporteer(w)  # a byte-order mark so spreadsheet programs read UTF-8
    response = HttpResponse(body.encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="werknemers-{w.pk}.csv"'
    return response


# --- users ----------------------------------------------------------------------------------------------


def _uitnodigen(request, user) -> str:
    link = request.build_absolute_uri(beheer.uitnodigingspad(user))
    send_mail(
        subject="Uitnodiging voor Spoorwijzer",
        message=f"Beste {user.get_full_name() or user.username},\n\n"
        f"Er is een account voor u aangemaakt in Spoorwijzer (gebruikersnaam: {user.username}).\n"
        f"Stel via deze link uw wachtwoord in (de link werkt één keer):\n\n{link}\n\nSpoorwijzer",
        from_email=None,
        recipient_list=[user.email],
    )
    services.audit(request.user, "uitnodiging", obj=user, detail=user.email)
    return link


@login_required
def gebruikers(request):
    if not access.mag_gebruikers_beheren(request.user):
        return HttpResponseForbidden(WEIGERING)
    return render(
        request,
        "web/beheer/gebruikers.html",
        {"gebruikers": beheer.gebruikers_van(request.user), "actief": "gebruikers"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def gebruiker_nieuw(request):
    if not access.mag_gebruikers_beheren(request.user):
        return HttpResponseForbidden(WEIGERING)
    org = access.rol_van(request.user).organisatie
    form = GebruikerForm(request.POST or None, organisatie=org, initial={"rol": request.GET.get("rol", "")})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            user = beheer.gebruiker_aanmaken(
                request.user,
                gebruikersnaam=d["gebruikersnaam"],
                naam=d["naam"],
                email=d["email"],
                rol=d["rol"],
                bereik=form.bereik(),
            )
        except (InvalidInput, access.Geweigerd) as exc:
            form.add_error(None, str(exc))
        else:
            _uitnodigen(request, user)
            messages.success(request, f"{user.username} is aangemaakt; de uitnodiging is gemaild naar {user.email}.")
            return redirect("beheer_gebruikers")
    return render(
        request, "web/beheer/gebruiker_form.html", {"form": form, "actief": "gebruikers"}, status=_status(form)
    )


@login_required
@require_http_methods(["GET", "POST"])
def gebruiker(request, user_id: int):
    other = get_object_or_404(get_user_model().objects.select_related("rol"), pk=user_id)
    if not access.mag_gebruiker_beheren(request.user, other):
        raise Http404("Deze gebruiker bestaat niet of valt niet onder uw beheer.")
    org = access.rol_van(request.user).organisatie
    r = other.rol
    initial = {
        "gebruikersnaam": other.username,
        "naam": other.get_full_name(),
        "email": other.email,
        "rol": r.rol,
        "werkgever": r.werkgever_id,
        "werknemer": r.werknemer_id,
        "reintegratiebedrijf": r.reintegratiebedrijf_id,
        "actief": other.is_active,
    }
    form = GebruikerForm(request.POST or None, organisatie=org, bestaand=other, initial=initial)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            beheer.gebruiker_wijzigen(
                request.user,
                other,
                naam=d["naam"],
                email=d["email"],
                rol=d["rol"],
                bereik=form.bereik(),
                actief=d["actief"],
            )
        except (InvalidInput, access.Geweigerd) as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"De gegevens van {other.username} zijn opgeslagen.")
            return redirect("beheer_gebruikers")
    return render(
        request,
        "web/beheer/gebruiker_form.html",
        {"form": form, "bestaand": other, "actief": "gebruikers"},
        status=_status(form),
    )


@login_required
@require_POST
def gebruiker_uitnodigen(request, user_id: int):
    other = get_object_or_404(get_user_model(), pk=user_id)
    if not access.mag_gebruiker_beheren(request.user, other):
        raise Http404("Deze gebruiker bestaat niet of valt niet onder uw beheer.")
    if not other.email:
        messages.error(request, f"{other.username} heeft geen e-mailadres; vul dat eerst in.")
    else:
        _uitnodigen(request, other)
        messages.success(request, f"Een nieuwe uitnodiging is gemaild naar {other.email}.")
    return redirect("beheer_gebruikers")


class NlSetPasswordForm(SetPasswordForm):
    """Django's own form (and so the configured password validators) with Dutch labels."""

    error_messages = {"password_mismatch": "De twee wachtwoorden zijn niet gelijk."}

    # Django 5.2's Dutch catalogue misses some validator messages: Dutch by the validators' error codes
    NL = {
        "password_too_short": "Dit wachtwoord is te kort: gebruik minstens {min_length} tekens.",
        "password_too_common": "Dit wachtwoord is te algemeen: het staat in een lijst van veelgebruikte wachtwoorden.",
        "password_entirely_numeric": "Dit wachtwoord bestaat alleen uit cijfers.",
        "password_too_similar": "Dit wachtwoord lijkt te veel op uw gebruikersnaam, naam of e-mailadres.",
    }

    def clean(self):
        cleaned = super().clean()
        for name, errors in list(self.errors.as_data().items()):
            self._errors[name] = self.error_class(
                [self.NL[e.code].format(**(e.params or {})) if e.code in self.NL else e.messages[0] for e in errors]
            )
        return cleaned

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = "Nieuw wachtwoord"
        self.fields["new_password2"].label = "Nieuw wachtwoord (nogmaals)"
        self.fields["new_password1"].help_text = ""


class WachtwoordInstellen(auth_views.PasswordResetConfirmView):
    template_name = "web/beheer/wachtwoord_instellen.html"
    form_class = NlSetPasswordForm
    success_url = reverse_lazy("wachtwoord_ingesteld")

    def form_valid(self, form):
        response = super().form_valid(form)
        services.audit(form.user, "wachtwoord_ingesteld", obj=form.user)
        # a password chosen through the mailed link also lifts a lockout of the account (django-axes)
        axes_reset(username=form.user.get_username())
        return response


class WachtwoordIngesteld(auth_views.PasswordResetCompleteView):
    template_name = "web/beheer/wachtwoord_ingesteld.html"


# --- re-integratiebedrijven ------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def reintegratiebedrijven(request, bedrijf_id: int | None = None):
    if not access.mag_reintegratiebedrijven_beheren(request.user):
        return HttpResponseForbidden(WEIGERING)
    eigen = access.zichtbare_reintegratiebedrijven(request.user)  # this organisation's only (item 8)
    bedrijf = get_object_or_404(eigen, pk=bedrijf_id) if bedrijf_id else None
    organisatie_id = access.rol_van(request.user).organisatie_id
    form = ReintegratiebedrijfForm(request.POST or None, instance=bedrijf, organisatie_id=organisatie_id)
    if request.method == "POST" and form.is_valid():
        b = form.save()
        b.organisaties.add(organisatie_id)
        services.audit(request.user, "reintegratiebedrijf", obj=b, detail=b.naam)
        messages.success(request, f"Re-integratiebedrijf {b.naam} is opgeslagen.")
        return redirect("beheer_reintegratiebedrijven")
    return render(
        request,
        "web/beheer/reintegratiebedrijven.html",
        {"form": form, "bedrijf": bedrijf, "bedrijven": eigen.order_by("naam"), "actief": "rb"},
        status=_status(form),
    )


# --- preferred-date policy --------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def beleid(request):
    rol = access.rol_van(request.user)
    org = rol.organisatie if rol else None
    if org is None or not access.mag_beleid_beheren(request.user, org):
        return HttpResponseForbidden(WEIGERING)
    regels = beheer.beleidsregels(org)
    soon = services.beleid_van(org).due_soon_days
    fout, waarden, status = None, {}, 200
    if request.method == "POST":
        for r in regels:
            raw = request.POST.get(r.code, "").strip()
            waarden[r.code] = int(raw) if raw.isdigit() else None
        raw_soon = request.POST.get("binnenkort_dagen", "").strip()
        soon_value = int(raw_soon) if raw_soon.isdigit() else 0
        try:
            beheer.beleid_opslaan(request.user, org, waarden, soon_value)
        except InvalidInput as exc:
            fout, status = str(exc), 400
            for r in regels:
                r.waarde = waarden.get(r.code)
            soon = raw_soon
        else:
            messages.success(request, "Het beleid is opgeslagen; nieuwe tijdlijnen gebruiken het direct.")
            return redirect("beheer_beleid")
    return render(
        request,
        "web/beheer/beleid.html",
        {"regels": regels, "binnenkort_dagen": soon, "fout": fout, "org": org, "actief": "beleid"},
        status=status,
    )


# --- my cases, work queue ----------------------------------------------------------------------------------


@login_required
def mijn_dossiers(request):
    rol = access.rol_van(request.user)
    if rol is None or rol.rol != Rolnaam.CASEMANAGER:
        return HttpResponseForbidden("Mijn dossiers is er voor casemanagers.")
    today = services.vandaag()
    rows = list(beheer.mijn_dossiers(request.user)[:500])
    return render(request, "web/beheer/mijn_dossiers.html", {"gevallen": rows, "vandaag": today})


@login_required
def werkvoorraad(request):
    if access.rol_van(request.user) is None:
        return render(request, "web/geen_rol.html", status=403)
    today = services.vandaag()
    return render(
        request,
        "web/beheer/werkvoorraad.html",
        {
            "taken": beheer.werkvoorraad(request.user, today),
            "anderen": beheer.wacht_op_anderen(request.user, today),
            "vandaag": today,
        },
    )


@login_required
@require_POST
def behandelaar(request, geval_id: int):
    try:
        g = access.geval_voor(request.user, geval_id)
    except access.Geweigerd:
        raise Http404("Dit dossier bestaat niet of u heeft er geen toegang toe.") from None
    User = get_user_model()
    pk = request.POST.get("behandelaar", "")
    nieuw = User.objects.filter(pk=pk).first() if pk.isdigit() else None
    try:
        beheer.behandelaar_toewijzen(request.user, g, nieuw)
    except (InvalidInput, access.Geweigerd) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, f"Behandelaar: {nieuw.get_full_name() or nieuw.username}." if nieuw else "Geen behandelaar."
        )
    terug = request.POST.get("terug", "")
    if not url_has_allowed_host_and_scheme(
        terug, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        terug = ""  # only back to a page of this site (no open redirect)
    return HttpResponseRedirect(terug or reverse("contactlog", args=[g.pk]))


# --- contact log --------------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def contactlog(request, geval_id: int):
    try:
        g = access.geval_voor(request.user, geval_id)
    except access.Geweigerd:
        raise Http404("Dit dossier bestaat niet of u heeft er geen toegang toe.") from None
    rol = access.rol_van(request.user)
    mag = access.mag_contact_vastleggen(request.user, g)
    if not mag:
        return HttpResponseForbidden("Het contactlog van dit dossier is niet voor uw rol.")
    if request.method == "GET":
        services.audit(request.user, "lezen_contactlog", g, detail="contactlogboek")
    now = services.timezone.localtime()
    form = ContactForm(request.POST or None, rol=rol.rol, initial={"datum": now.date(), "tijd": now.strftime("%H:%M")})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            beheer.contact_vastleggen(
                request.user, g, soort=d["soort"], tijdstip=d["tijdstip"], met=d["met"], samenvatting=d["samenvatting"]
            )
        except (LawError, access.Geweigerd) as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Het contactmoment is vastgelegd.")
            return redirect("contactlog", g.pk)
    behandelaars = None
    if access.mag_behandelaar_toewijzen(request.user, g):
        behandelaars = (
            get_user_model()
            .objects.filter(rol__rol=Rolnaam.CASEMANAGER, rol__organisatie_id=g.organisatie_id, is_active=True)
            .order_by("first_name", "username")
        )
    return render(
        request,
        "web/beheer/contactlog.html",
        {
            "geval": g,
            "form": form,
            "momenten": beheer.contactmomenten(request.user, g),
            "behandelaars": behandelaars,
        },
        status=_status(form),
    )
