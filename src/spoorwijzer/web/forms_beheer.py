"""Forms for master data: Dutch labels and messages, euros typed and shown as euros (stored in cents),
values kept on a bad submit. The checks themselves live in dossier/beheer.py (shared with the CSV import)."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib.auth import get_user_model

from spoorwijzer.dossier import beheer
from spoorwijzer.dossier.grenzen import MAX_TEKST, te_lang
from spoorwijzer.dossier.models import Contactmoment, Reintegratiebedrijf, Rolnaam, Werkgever, Werknemer
from spoorwijzer.law.errors import InvalidInput
from spoorwijzer.nl import KIES

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _datum(label, required=False):
    return forms.DateField(
        label=label,
        required=required,
        widget=DATUM,
        error_messages={"required": f"Vul '{label}' in.", "invalid": "Dit is geen geldige datum."},
    )


class EuroField(forms.CharField):
    """An amount in euros as typed in the Netherlands ("4.100,00"); cleans to eurocent (int)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "placeholder": "bv. 3.250,00"}))
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        return beheer.bedrag_tekst(value) if isinstance(value, int) else value

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return None
        try:
            return beheer.bedrag_in_cent(text)
        except InvalidInput as exc:
            raise forms.ValidationError(str(exc)) from None


class GetalField(forms.CharField):
    """A number with a decimal comma or point ("32,5")."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        if value is None or isinstance(value, str):
            return value
        return format(value.normalize(), "f").replace(".", ",") if hasattr(value, "normalize") else str(value)

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return None
        try:
            return beheer.getal(text, self.label)
        except InvalidInput as exc:
            raise forms.ValidationError(str(exc)) from None


class WerkgeverForm(forms.ModelForm):
    werkgeverslasten_pct = GetalField(label="Werkgeverslasten bovenop het loon (%)", required=False)

    class Meta:
        model = Werkgever
        fields = [
            "naam",
            "loonheffingennummer",
            "sector",
            "eigenrisicodrager_wga",
            "eigenrisicodrager_zw",
            "werkgeverslasten_pct",
        ]
        labels = {
            "naam": "Naam",
            "loonheffingennummer": "Loonheffingennummer",
            "sector": "Sector (UWV-sector of branche)",
            "eigenrisicodrager_wga": "Eigenrisicodrager WGA",
            "eigenrisicodrager_zw": "Eigenrisicodrager Ziektewet",
            "werkgeverslasten_pct": "Werkgeverslasten bovenop het loon (%)",
        }
        help_texts = {
            "loonheffingennummer": "9 cijfers, de letter L en 2 cijfers, bv. 123456782L01.",
            "werkgeverslasten_pct": "Pensioen en premies als percentage van het loon, bv. 25. De kostenpagina telt ze "
            "op bij de loondoorbetaling. Leeg: niet meegerekend.",
        }
        error_messages = {"naam": {"required": "Vul de naam in."}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["loonheffingennummer"].required = True
        self.fields["loonheffingennummer"].error_messages["required"] = "Vul het loonheffingennummer in."

    def clean_loonheffingennummer(self):
        try:
            return beheer.loonheffingennummer(self.cleaned_data["loonheffingennummer"])
        except InvalidInput as exc:
            raise forms.ValidationError(str(exc)) from None

    def clean_werkgeverslasten_pct(self):
        value = self.cleaned_data["werkgeverslasten_pct"]
        if value is not None and not 0 <= value <= 100:
            raise forms.ValidationError("De werkgeverslasten liggen tussen 0 en 100%.")
        return value


class WerknemerForm(forms.ModelForm):
    maandloon = EuroField(label="Bruto maandloon (euro)", required=False)
    uren_per_week = GetalField(label="Contracturen per week", error_messages={"required": "Vul de contracturen in."})
    cao_percentage_jaar1 = GetalField(label="Loondoorbetaling jaar 1 volgens cao (%)", required=False)
    cao_percentage_jaar2 = GetalField(label="Loondoorbetaling jaar 2 volgens cao (%)", required=False)
    geboortedatum = _datum("Geboortedatum", required=True)
    in_dienst = _datum("In dienst sinds")
    uit_dienst = _datum("Uit dienst per")

    class Meta:
        model = Werknemer
        fields = [
            "personeelsnummer",
            "naam",
            "geboortedatum",
            "functie",
            "email",
            "in_dienst",
            "uit_dienst",
            "uren_per_week",
            "cao_percentage_jaar1",
            "cao_percentage_jaar2",
            "no_risk",
        ]
        labels = {
            "personeelsnummer": "Personeelsnummer",
            "naam": "Naam",
            "functie": "Functie",
            "email": "E-mailadres",
            "no_risk": "No-riskpolis (Ziektewet art. 29b)",
        }
        help_texts = {
            "cao_percentage_jaar1": "Leeg laten als de cao niets regelt: dan geldt het wettelijke percentage."
        }
        error_messages = {
            "naam": {"required": "Vul de naam in."},
            "email": {"invalid": "Dit is geen geldig e-mailadres."},
        }

    field_order = ["personeelsnummer", "naam", "geboortedatum", "functie", "email", "in_dienst", "uit_dienst",
                   "uren_per_week", "maandloon", "cao_percentage_jaar1", "cao_percentage_jaar2", "no_risk"]  # fmt: skip

    def __init__(self, *args, werkgever: Werkgever, **kwargs):
        super().__init__(*args, **kwargs)
        self.werkgever = werkgever
        self.fields["maandloon"].initial = self.instance.maandloon_cent
        self.fields[
            "cao_percentage_jaar1"
        ].help_text = "Leeg laten als de cao niets regelt: dan geldt het wettelijke percentage."

    def clean_personeelsnummer(self):
        nummer = self.cleaned_data["personeelsnummer"].strip()
        if nummer and self.werkgever.werknemers.filter(personeelsnummer=nummer).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(f"Personeelsnummer {nummer} is bij deze werkgever al in gebruik.")
        return nummer

    def clean(self):
        cleaned = super().clean()
        values = {**cleaned, "maandloon_cent": cleaned.get("maandloon")}
        for name, message in beheer.controleer_werknemer(values, beheer.vandaag()).items():
            name = "maandloon" if name == "maandloon_cent" else name
            if name in self.fields and name not in self.errors:
                self.add_error(name, message)
        return cleaned

    def save(self, commit=True):
        w = super().save(commit=False)
        w.werkgever = self.werkgever
        w.maandloon_cent = self.cleaned_data.get("maandloon")
        if commit:
            w.save()
        return w


class ImportForm(forms.Form):
    bestand = forms.FileField(
        label="CSV-bestand (export uit de salarisadministratie)",
        error_messages={"required": "Kies een bestand.", "empty": "Het bestand is leeg."},
    )


ROL_KEUZES = [(r.value, r.label) for r in Rolnaam]


class GebruikerForm(forms.Form):
    gebruikersnaam = forms.RegexField(
        label="Gebruikersnaam",
        regex=r"^[\w.@+-]{3,150}$",
        error_messages={
            "required": "Vul een gebruikersnaam in.",
            "invalid": "Gebruik 3 tot 150 letters, cijfers of . @ + - _ (geen spaties).",
        },
    )
    naam = forms.CharField(label="Volledige naam", max_length=150, error_messages={"required": "Vul de naam in."})
    email = forms.EmailField(
        label="E-mailadres",
        error_messages={
            "required": "Vul het e-mailadres in (daar gaat de uitnodiging heen).",
            "invalid": "Dit is geen geldig e-mailadres.",
        },
    )
    rol = forms.ChoiceField(label="Rol", choices=ROL_KEUZES, error_messages={"required": "Kies een rol."})
    werkgever = forms.ModelChoiceField(
        label="Werkgever (bij de rol Werkgever)", queryset=Werkgever.objects.none(), required=False, empty_label=KIES
    )
    werknemer = forms.ModelChoiceField(
        label="Werknemer (bij de rol Werknemer)", queryset=Werknemer.objects.none(), required=False, empty_label=KIES
    )
    reintegratiebedrijf = forms.ModelChoiceField(
        label="Re-integratiebedrijf (bij die rol)",
        queryset=Reintegratiebedrijf.objects.all(),
        required=False,
        empty_label=KIES,
    )
    actief = forms.BooleanField(label="Account actief", required=False, initial=True)

    def __init__(self, *args, organisatie, bestaand=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.bestaand = bestaand
        self.fields["werkgever"].queryset = Werkgever.objects.filter(organisatie=organisatie).order_by("naam")
        self.fields["werknemer"].queryset = (
            Werknemer.objects.filter(werkgever__organisatie=organisatie).select_related("werkgever").order_by("naam")
        )
        # a provider's user: only for a provider this organisation works with (item 8)
        self.fields["reintegratiebedrijf"].queryset = Reintegratiebedrijf.objects.filter(
            organisaties=organisatie
        ).order_by("naam")
        for f in ("werkgever", "werknemer", "reintegratiebedrijf"):
            self.fields[f].error_messages["invalid_choice"] = "Kies uit de lijst."
        if bestaand is not None:  # the username stays as it is (shown, not validated again)
            self.fields["gebruikersnaam"] = forms.CharField(label="Gebruikersnaam", disabled=True, required=False)
        else:
            del self.fields["actief"]

    def clean_gebruikersnaam(self):
        name = self.cleaned_data["gebruikersnaam"]
        if self.bestaand is None and get_user_model().objects.filter(username__iexact=name).exists():
            raise forms.ValidationError(f"De gebruikersnaam '{name}' is al in gebruik.")
        return name

    def clean(self):
        cleaned = super().clean()
        rol = cleaned.get("rol")
        if rol:
            scope = beheer.access.BEREIK[Rolnaam(rol)]
            if scope != "organisatie" and not cleaned.get(scope):
                self.add_error(
                    scope, f"Kies bij de rol {Rolnaam(rol).label} de {self.fields[scope].label.split(' (')[0].lower()}."
                )
        return cleaned

    def bereik(self):
        scope = beheer.access.BEREIK[Rolnaam(self.cleaned_data["rol"])]
        return None if scope == "organisatie" else self.cleaned_data.get(scope)


class ReintegratiebedrijfForm(forms.ModelForm):
    class Meta:
        model = Reintegratiebedrijf
        fields = ["naam"]
        labels = {"naam": "Naam"}
        error_messages = {"naam": {"required": "Vul de naam in."}}

    def __init__(self, *args, organisatie_id, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisatie_id = organisatie_id

    def clean_naam(self):
        naam = self.cleaned_data["naam"].strip()
        # unique within the organisation: another tenant's providers are neither listed nor named here
        eigen = Reintegratiebedrijf.objects.filter(organisaties=self.organisatie_id)
        if eigen.filter(naam__iexact=naam).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(f"Er is al een re-integratiebedrijf met de naam '{naam}'.")
        return naam


class ContactForm(forms.Form):
    soort = forms.ChoiceField(label="Soort contact", choices=[("", KIES), *Contactmoment.SOORTEN],
                              error_messages={"required": "Kies de soort contact."})  # fmt: skip
    datum = _datum("Datum", required=True)
    tijd = forms.TimeField(
        label="Tijd",
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"required": "Vul de tijd in.", "invalid": "Dit is geen geldige tijd (UU:MM)."},
    )
    met = forms.CharField(
        label="Met wie",
        max_length=200,
        error_messages={"required": "Vul in met wie.", "max_length": te_lang("Met wie", 200)},
    )
    samenvatting = forms.CharField(
        label="Samenvatting (geen medische gegevens)",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=MAX_TEKST,
        error_messages={"required": "Vul een samenvatting in.", "max_length": te_lang("Samenvatting")},
    )
    geen_medische_informatie = forms.BooleanField(
        label="Ik bevestig dat deze tekst geen medische informatie (diagnose, oorzaak, behandeling) bevat.",
        required=False,
    )

    def __init__(self, *args, rol: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.rol = rol

    def clean(self):
        from spoorwijzer.dossier.privacy import medische_woorden

        cleaned = super().clean()
        found = medische_woorden(cleaned.get("samenvatting") or "")
        if found and not cleaned.get("geen_medische_informatie"):
            raise forms.ValidationError(
                "De samenvatting lijkt medische informatie te bevatten (" + ", ".join(found) + "). Het contactlog "
                "wordt gelezen door wie niet de bedrijfsarts is: noteer geen diagnose, oorzaak of behandeling. Pas de "
                "tekst aan, of bevestig dat het geen medische informatie is."
            )
        if cleaned.get("datum") and cleaned.get("tijd"):
            from django.utils import timezone

            cleaned["tijdstip"] = timezone.make_aware(dt.datetime.combine(cleaned["datum"], cleaned["tijd"]))
        return cleaned
