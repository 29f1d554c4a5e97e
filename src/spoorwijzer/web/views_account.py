"""Account pages (issue 10 item 9): login with the idle-timeout notice, the second login step (TOTP) and linking an
authenticator app (QR code), re-authentication before medical pages, password change and reset by e-mail, the
organisation's choice of roles that log in in two steps, and a casemanager removing a lost authenticator."""

from __future__ import annotations

import base64

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm, PasswordResetForm
from django.http import Http404, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from spoorwijzer.dossier import access, inlogcodes, services
from spoorwijzer.dossier.management.commands.demodata import DEMO_TOTP_NAAM
from spoorwijzer.dossier.models import Rolnaam
from spoorwijzer.web import beveiliging
from spoorwijzer.web.beveiliging import markeer_herbevestigd, nl_foutmeldingen

WEIGERING = "U heeft geen toegang tot deze pagina."


def _next(request, default: str = "dashboard") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse(default)


# --- login -----------------------------------------------------------------------------------------------------


class Inloggen(auth_views.LoginView):
    """Django's login with two notices: after an idle timeout, and the link to reset a forgotten password."""

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["verlopen"] = self.request.GET.get("verlopen") == "1"
        ctx["inactief_minuten"] = settings.SPOORWIJZER_INACTIEF_MINUTEN
        return ctx


# --- the second step -------------------------------------------------------------------------------------------


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code uit uw authenticator-app (6 cijfers) of een herstelcode",
        max_length=24,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "autocapitalize": "off"}),
        error_messages={
            "required": "Vul de code in.",
            "max_length": "Een code heeft 6 cijfers, een herstelcode 10 tekens.",
        },
    )


class AppCodeForm(CodeForm):
    """Linking an app: only the app's code proves the link."""

    code = forms.CharField(
        label="Code uit uw authenticator-app (6 cijfers)",
        max_length=12,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}),
        error_messages={"required": "Vul de code in.", "max_length": "Een code heeft 6 cijfers."},
    )


NIEUWE_HERSTELCODES = "spoorwijzer_nieuwe_herstelcodes"  # session: a new set, shown once on the next page


def _herstelcode_gebruikt(request) -> None:
    over = inlogcodes.herstelcodes_over(request.user)
    services.audit(request.user, "herstelcode_gebruikt", detail=f"herstelcode gebruikt; nog {over} over")
    messages.warning(
        request,
        f"U heeft een herstelcode gebruikt; elke code werkt maar één keer. U heeft er nog {over}. Is uw telefoon "
        "kwijt? Koppel dan een nieuwe authenticator-app en maak nieuwe herstelcodes via Mijn account.",
    )


def _demo_code(user) -> str:
    """In the demo only: the current code of the demo account's authenticator, so nobody needs an app."""
    if not settings.SPOORWIJZER_DEMO:
        return ""
    device = TOTPDevice.objects.filter(user=user, name=DEMO_TOTP_NAAM, confirmed=True).first()
    return beveiliging.huidige_code(device) if device else ""


@login_required
@require_http_methods(["GET", "POST"])
def tweestap(request):
    if request.user.is_verified():
        return redirect(_next(request))
    if not user_has_device(request.user, confirmed=True):
        return redirect(reverse("tweestap_instellen") + "?next=" + _next(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device, herstelcode, fout = inlogcodes.controleer(request.user, form.cleaned_data["code"])
        if not fout:
            otp_login(request, device)
            markeer_herbevestigd(request)
            if herstelcode:
                services.audit(request.user, "inloggen_tweede_stap", detail="met een herstelcode")
                _herstelcode_gebruikt(request)
                return redirect("account")
            services.audit(request.user, "inloggen_tweede_stap", detail="code uit de authenticator-app juist")
            return redirect(_next(request))
        services.audit(request.user, "tweede_stap_mislukt", detail=f"onjuiste code vanaf {beveiliging._ip(request)}")
        form.add_error("code", fout)
    return render(
        request,
        "web/account/tweestap.html",
        {"form": form, "next": _next(request), "demo_code": _demo_code(request.user), "zonder_menu": True},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def tweestap_instellen(request):
    """Link an authenticator app: a new secret (QR code and text), confirmed with a first code."""
    if user_has_device(request.user, confirmed=True) and not request.user.is_verified():
        return redirect(reverse("tweestap") + "?next=" + _next(request))
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name="authenticator-app", confirmed=False)
    form = AppCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        fout = inlogcodes.controleer_apparaat(device, form.cleaned_data["code"])
        if not fout:
            device.confirmed = True
            device.save()
            # a new app replaces any earlier one (a new phone): one authenticator per user
            TOTPDevice.objects.filter(user=request.user).exclude(pk=device.pk).delete()
            otp_login(request, device)
            markeer_herbevestigd(request)
            services.audit(request.user, "tweede_stap_ingesteld", obj=device, detail="authenticator-app gekoppeld")
            messages.success(request, "Uw authenticator-app is gekoppeld. U logt voortaan in twee stappen in.")
            if inlogcodes.herstelcodes_over(request.user) == 0:
                # the first app (or all codes used): a set of recovery codes, shown once on the next page
                request.session[NIEUWE_HERSTELCODES] = inlogcodes.herstelcodes_maken(request.user)
                services.audit(request.user, "herstelcodes_gemaakt", detail=f"{inlogcodes.AANTAL_HERSTELCODES} nieuwe")
                return redirect(reverse("herstelcodes") + "?next=" + _next(request))
            return redirect(_next(request))
        form.add_error("code", fout)
    import segno

    secret = base64.b32encode(device.bin_key).decode()
    qr = segno.make(device.config_url, error="m").svg_inline(
        scale=4, title="QR-code om Spoorwijzer aan uw authenticator-app toe te voegen"
    )
    return render(
        request,
        "web/account/tweestap_instellen.html",
        {
            "form": form,
            "qr": qr,
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "next": _next(request),
            "verplicht": access.tweede_stap_vereist(request.user),
            # until the second step is done the menu would only lead back here
            "zonder_menu": not request.user.is_verified(),
        },
        status=400 if form.errors else 200,
    )


# --- re-authentication before medical pages --------------------------------------------------------------------


class HerbevestigForm(forms.Form):
    password = forms.CharField(
        label="Wachtwoord",
        max_length=200,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "autofocus": True}),
        error_messages={"required": "Vul uw wachtwoord in."},
    )


# what the user is about to do, by the URL name of the page that asked (access.HERBEVESTIGING_VEREIST)
WAT = {
    "medisch": "medische gegevens openen",
    "medisch_export": "het medisch dossier exporteren",
    "eigen_export": "uw dossier downloaden",
    "beheer_gebruiker_nieuw": "een gebruiker toevoegen",
    "beheer_gebruiker": "een gebruiker of rol beheren",
    "beheer_uitnodigen": "een gebruiker uitnodigen",
    "beheer_beleid": "het beleid van uw organisatie wijzigen",
    "tweestap_beleid": "wijzigen wie in twee stappen inlogt",
    "beheer_tweede_stap_herstellen": "de authenticator van een gebruiker verwijderen",
    "tweestap_uitzetten": "inloggen in twee stappen uitzetten",
    "herstelcodes_vernieuwen": "nieuwe herstelcodes maken",
    "tweestap_instellen": "een andere authenticator-app koppelen",
}


def _wat(request) -> str:
    from urllib.parse import urlsplit

    from django.urls import Resolver404, resolve

    naam = request.GET.get("voor") or request.POST.get("voor")
    if naam not in WAT:
        try:
            naam = resolve(urlsplit(_next(request)).path).url_name
        except Resolver404:
            naam = None
    return WAT.get(naam, "een beveiligde pagina openen")


@login_required
@require_http_methods(["GET", "POST"])
def herbevestigen(request):
    """Prove again who you are before medical data: the app's code when you have an authenticator (it is what
    you carry), else your password."""
    met_code = user_has_device(request.user, confirmed=True)
    form = (CodeForm if met_code else HerbevestigForm)(request.POST or None)
    fout = ""
    if request.method == "POST" and form.is_valid():
        if met_code:
            device, herstelcode, fout = inlogcodes.controleer(request.user, form.cleaned_data["code"])
            ok = not fout
            if herstelcode:
                _herstelcode_gebruikt(request)
        else:
            user = authenticate(request, username=request.user.get_username(), password=form.cleaned_data["password"])
            ok = user is not None and user.pk == request.user.pk
        if ok:
            markeer_herbevestigd(request)
            services.audit(request.user, "herbevestigd", detail=f"identiteit opnieuw bevestigd voor {_next(request)}")
            return redirect(_next(request))
        services.audit(request.user, "herbevestiging_mislukt", detail="onjuiste code of wachtwoord")
        veld = "code" if met_code else "password"
        form.add_error(veld, fout if met_code else "Dit wachtwoord klopt niet.")
    return render(
        request,
        "web/account/herbevestigen.html",
        {
            "form": form,
            "met_code": met_code,
            "wat": _wat(request),
            "voor": v if (v := request.GET.get("voor") or request.POST.get("voor")) in WAT else "",
            "next": _next(request),
            "minuten": settings.SPOORWIJZER_HERBEVESTIGING_MINUTEN,
            "demo_code": _demo_code(request.user) if met_code else "",
        },
        status=400 if form.errors else 200,
    )


# --- my account ------------------------------------------------------------------------------------------------


@login_required
def account(request):
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    return render(
        request,
        "web/account/account.html",
        {
            "device": device,
            "herstelcodes_over": inlogcodes.herstelcodes_over(request.user),
            "mag_uitzetten": device is not None and access.mag_tweede_stap_uitzetten(request.user),
            "verplicht": access.tweede_stap_vereist(request.user),
            "inactief_minuten": settings.SPOORWIJZER_INACTIEF_MINUTEN,
        },
    )


class NlPasswordChangeForm(PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "Huidig wachtwoord"
        self.fields["new_password1"].label = "Nieuw wachtwoord"
        self.fields["new_password2"].label = "Nieuw wachtwoord (nogmaals)"
        self.fields["new_password1"].help_text = ""
        self.fields["new_password2"].help_text = ""
        for f in self.fields.values():
            f.error_messages["required"] = "Vul dit veld in."

    def clean(self):
        cleaned = super().clean()
        nl_foutmeldingen(self)
        return cleaned

    def clean_old_password(self):
        try:
            return super().clean_old_password()
        finally:
            nl_foutmeldingen(self)


class WachtwoordWijzigen(auth_views.PasswordChangeView):
    template_name = "web/account/wachtwoord_wijzigen.html"
    form_class = NlPasswordChangeForm
    success_url = reverse_lazy("account")

    def form_valid(self, form):
        response = super().form_valid(form)
        services.audit(self.request.user, "wachtwoord_gewijzigd", obj=self.request.user)
        messages.success(self.request, "Uw wachtwoord is gewijzigd. Het nieuwe wachtwoord geldt vanaf nu.")
        return response

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class NlPasswordResetForm(PasswordResetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "E-mailadres"
        self.fields["email"].error_messages = {
            "required": "Vul het e-mailadres van uw account in.",
            "invalid": "Dit is geen geldig e-mailadres.",
        }


def _geldig() -> str:
    uren = settings.PASSWORD_RESET_TIMEOUT // 3600
    return f"{uren // 24} dagen" if uren % 24 == 0 and uren >= 48 else f"{uren} uur"


class WachtwoordVergeten(auth_views.PasswordResetView):
    """Django's reset with the same token as the invitation: the mail links to the invitation's 'set your
    password' page (beheer.uitnodigingspad), which works once and expires after PASSWORD_RESET_TIMEOUT."""

    template_name = "web/account/wachtwoord_vergeten.html"
    form_class = NlPasswordResetForm
    email_template_name = "web/account/wachtwoord_mail.txt"
    subject_template_name = "web/account/wachtwoord_mail_onderwerp.txt"
    success_url = reverse_lazy("wachtwoord_verstuurd")

    def form_valid(self, form):
        self.extra_email_context = {"geldig": _geldig()}
        services.audit(
            None,
            "wachtwoord_herstel_gevraagd",
            detail=f"voor {form.cleaned_data['email'][:200]} vanaf {beveiliging._ip(self.request)}",
        )
        return super().form_valid(form)

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class WachtwoordVerstuurd(auth_views.PasswordResetDoneView):
    template_name = "web/account/wachtwoord_verstuurd.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["geldig"] = _geldig()
        return ctx


# --- the organisation's choice, and a lost phone ---------------------------------------------------------------


KIESBAAR = [r for r in Rolnaam if r not in access.TWEESTAP_ALTIJD and r != Rolnaam.REINTEGRATIEBEDRIJF]


class TweestapBeleidForm(forms.Form):
    rollen = forms.MultipleChoiceField(
        label="Deze rollen loggen ook in twee stappen in",
        choices=[(r.value, r.label) for r in KIESBAAR],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": "Kies alleen uit de genoemde rollen."},
    )


@login_required
@require_http_methods(["GET", "POST"])
def tweestap_beleid(request):
    org = access.organisatie_van(request.user)
    if org is None or not access.mag_tweestap_beleid_beheren(request.user, org):
        return HttpResponseForbidden(WEIGERING)
    form = TweestapBeleidForm(request.POST or None, initial={"rollen": org.tweestap_rollen})
    if request.method == "POST" and form.is_valid():
        org.tweestap_rollen = sorted(form.cleaned_data["rollen"])
        org.save(update_fields=["tweestap_rollen"])
        services.audit(
            request.user,
            "tweestap_beleid",
            obj=org,
            detail="twee stappen voor: "
            + (", ".join(Rolnaam(r).label for r in org.tweestap_rollen) or "geen extra rollen"),
        )
        messages.success(request, "De keuze voor inloggen in twee stappen is opgeslagen.")
        return redirect("tweestap_beleid")
    return render(
        request,
        "web/account/tweestap_beleid.html",
        {
            "form": form,
            "organisatie": org,
            "altijd": [Rolnaam(r).label for r in sorted(access.TWEESTAP_ALTIJD)],
            "actief": "tweestap",
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def tweede_stap_herstellen(request, user_id: int):
    other = get_object_or_404(get_user_model(), pk=user_id)
    if not access.mag_tweede_stap_herstellen(request.user, other):
        raise Http404("Deze gebruiker bestaat niet of valt niet onder uw beheer.")
    aantal = inlogcodes.tweede_stap_verwijderen(other)
    services.audit(
        request.user,
        "tweede_stap_verwijderd",
        obj=other,
        detail=f"authenticator en herstelcodes van {other.username} verwijderd",
    )
    if aantal:
        messages.success(
            request,
            f"De authenticator en herstelcodes van {other.username} zijn verwijderd; bij de volgende keer inloggen "
            "koppelt hij of zij een nieuwe app en krijgt nieuwe herstelcodes.",
        )
    else:
        messages.success(request, f"{other.username} had geen authenticator gekoppeld.")
    return redirect("beheer_gebruiker", other.pk)


# --- recovery codes, and switching the second step off ---------------------------------------------------------


@login_required
@require_http_methods(["GET"])
def herstelcodes(request):
    """A new set of recovery codes is shown here once (right after it was made); afterwards only how many are left."""
    if not user_has_device(request.user, confirmed=True):
        return redirect("account")
    nieuw = request.session.pop(NIEUWE_HERSTELCODES, None)
    vervangen = request.session.pop(NIEUWE_HERSTELCODES + "_vervangen", False)
    return render(
        request,
        "web/account/herstelcodes.html",
        {
            "nieuw": nieuw,
            "vervangen": vervangen,
            "over": inlogcodes.herstelcodes_over(request.user),
            "next": _next(request, "account"),
            "totaal": inlogcodes.AANTAL_HERSTELCODES,
        },
    )


@login_required
@require_POST
def herstelcodes_vernieuwen(request):
    """A new set replaces the old one (after a recent proof of identity, access.HERBEVESTIGING_VEREIST)."""
    if inlogcodes.authenticator(request.user) is None:
        return redirect("account")
    request.session[NIEUWE_HERSTELCODES] = inlogcodes.herstelcodes_maken(request.user)
    request.session[NIEUWE_HERSTELCODES + "_vervangen"] = True
    services.audit(
        request.user,
        "herstelcodes_gemaakt",
        detail=f"{inlogcodes.AANTAL_HERSTELCODES} nieuwe; de oude werken niet meer",
    )
    return redirect("herstelcodes")


@login_required
@require_POST
def tweestap_uitzetten(request):
    """A user whose role does not require the second step may switch it off again (after a recent proof)."""
    if not access.mag_tweede_stap_uitzetten(request.user):
        messages.error(request, "Inloggen in twee stappen is verplicht voor uw rol; u kunt het niet uitzetten.")
        return redirect("account")
    inlogcodes.tweede_stap_verwijderen(request.user)
    services.audit(request.user, "tweede_stap_uitgezet", obj=request.user, detail="door de gebruiker zelf")
    messages.success(request, "Inloggen in twee stappen staat uit; uw authenticator en herstelcodes zijn verwijderd.")
    return redirect("account")
