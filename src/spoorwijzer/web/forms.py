"""Forms built from the event catalogue: Dutch labels and messages, typed values kept on error."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django import forms

from spoorwijzer.dossier.bestanden import controleer_document
from spoorwijzer.dossier.catalogus import Soort
from spoorwijzer.dossier.models import Gebeurtenis, Reintegratiebedrijf, Werknemer
from spoorwijzer.dossier.privacy import medische_woorden
from spoorwijzer.law.errors import InvalidInput
from spoorwijzer.nl import KIES

MAX_TEKST = 20_000  # characters of one free-text field (a long report is a document, not a field)

# who reads what this role writes, and where medical information belongs instead
WAARSCHUWING = {
    "bedrijfsarts": "De werkgever en de andere betrokkenen lezen deze tekst. Een diagnose, oorzaak of behandeling "
    "hoort in het medisch dossier (knop 'Medisch'), niet hier.",
    "werknemer": "Uw werkgever en de andere betrokkenen lezen deze tekst. U hoeft geen medische informatie te "
    "delen; bespreek die alleen met de bedrijfsarts.",
    "werkgever": "Een werkgever mag geen diagnose, oorzaak of behandeling vastleggen; dat hoort bij de bedrijfsarts.",
    "casemanager": "De werkgever leest deze tekst. Een diagnose, oorzaak of behandeling hoort alleen bij de "
    "bedrijfsarts.",
}
WAARSCHUWING_ANDERS = (
    "De werkgever en de andere betrokkenen lezen deze tekst; medische informatie hoort alleen bij de bedrijfsarts."
)


class GebeurtenisForm(forms.Form):
    datum = forms.DateField(
        label="Datum",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": "Vul de datum in.", "invalid": "Dit is geen geldige datum."},
    )
    toelichting = forms.CharField(label="Toelichting", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    document = forms.FileField(label="Document (optioneel)", required=False)
    geen_medische_informatie = forms.BooleanField(
        label="Ik bevestig dat deze tekst geen medische informatie (diagnose, oorzaak, behandeling) bevat.",
        required=False,
    )

    def __init__(self, soort: Soort, rol: str, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.soort, self.rol = soort, rol
        for veld in soort.velden:
            self.fields[f"veld_{veld.naam}"] = self._field(veld)
        self.fields["toelichting"].max_length = MAX_TEKST
        # the confirmation sits last, under the texts it is about
        self.fields["geen_medische_informatie"] = self.fields.pop("geen_medische_informatie")

    @staticmethod
    def initial_van(event: Gebeurtenis, soort: Soort) -> dict:
        """What a correction starts from: the stored values as the form shows them (cents as euros)."""
        initial = {"datum": event.datum, "toelichting": event.toelichting}
        for veld in soort.velden:
            value = event.data.get(veld.naam)
            if value is None:
                continue
            if veld.soort == "bedrag":
                value = (Decimal(int(value)) / 100).quantize(Decimal("0.01"))
            elif veld.soort == "datum":
                value = dt.date.fromisoformat(str(value)[:10])
            initial[f"veld_{veld.naam}"] = value
        return initial

    def clean_document(self):
        f = self.cleaned_data.get("document")
        try:
            controleer_document(f)
        except InvalidInput as exc:
            raise forms.ValidationError(str(exc)) from None
        return f

    @staticmethod
    def _field(veld) -> forms.Field:
        msgs = {"required": f"Vul '{veld.label}' in."}
        if veld.soort == "tekst":
            return forms.CharField(
                label=veld.label,
                required=veld.verplicht,
                max_length=MAX_TEKST,
                error_messages={**msgs, "max_length": f"Deze tekst is te lang (ten hoogste {MAX_TEKST} tekens)."},
                widget=forms.Textarea(attrs={"rows": 4}),
            )
        if veld.soort == "regel":
            return forms.CharField(label=veld.label, required=veld.verplicht, error_messages=msgs, max_length=300)
        if veld.soort == "keuze":
            choices = list(veld.keuzes)
            if veld.naam == "reintegratiebedrijf":
                choices = [(str(b.pk), b.naam) for b in Reintegratiebedrijf.objects.order_by("naam")]
            return forms.ChoiceField(
                label=veld.label, required=veld.verplicht, error_messages=msgs, choices=[("", KIES), *choices]
            )
        if veld.soort == "bedrag":
            return forms.DecimalField(
                label=veld.label,
                required=veld.verplicht,
                min_value=0,
                decimal_places=2,
                error_messages={
                    **msgs,
                    "invalid": "Vul een bedrag in euro in, bv. 2500,00.",
                    "min_value": "Een bedrag kan niet negatief zijn.",
                },
            )
        if veld.soort == "percentage":
            return forms.DecimalField(
                label=veld.label,
                required=veld.verplicht,
                min_value=Decimal("0.01"),
                max_value=Decimal("99.99"),
                decimal_places=2,
                widget=forms.NumberInput(attrs={"min": "0", "max": "100", "step": "any"}),
                error_messages={
                    **msgs,
                    "invalid": "Vul een percentage in, bv. 50.",
                    "min_value": "Vul een percentage boven 0 in.",
                    "max_value": "Gedeeltelijk herstel is minder dan 100%%. Werkt de werknemer weer alle "
                    "contracturen, leg dan 'Hersteld' vast.",
                },
            )
        if veld.soort == "getal":
            return forms.DecimalField(
                label=veld.label,
                required=veld.verplicht,
                min_value=0,
                error_messages={
                    **msgs,
                    "invalid": "Vul een getal in.",
                    "min_value": "Het getal kan niet negatief zijn.",
                },
            )
        if veld.soort == "bool":
            return forms.BooleanField(label=veld.label, required=False)
        if veld.soort == "datum":
            return forms.DateField(
                label=veld.label,
                required=veld.verplicht,
                widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                error_messages={**msgs, "invalid": "Dit is geen geldige datum."},
            )
        raise ValueError(veld.soort)

    def clean(self):
        cleaned = super().clean()
        texts = [v for k, v in cleaned.items() if isinstance(v, str) and k != "datum"]
        found = medische_woorden("\n".join(texts))
        if found and not cleaned.get("geen_medische_informatie"):
            raise forms.ValidationError(
                "Deze tekst lijkt medische informatie te bevatten ("
                + ", ".join(found)
                + "). "
                + WAARSCHUWING.get(self.rol, WAARSCHUWING_ANDERS)
                + " Pas de tekst aan, of bevestig hieronder dat het geen medische informatie is."
            )
        return cleaned

    def data_dict(self) -> dict:
        out = {}
        for veld in self.soort.velden:
            value = self.cleaned_data.get(f"veld_{veld.naam}")
            if value in (None, ""):
                continue
            if veld.soort == "bedrag":
                value = int((Decimal(value) * 100).quantize(Decimal(1)))
            elif veld.soort in ("getal", "percentage"):
                value = int(value) if Decimal(value) == int(value) else float(value)
            elif veld.soort == "datum":
                value = value.isoformat()
            out[veld.naam] = value
        return out


class NieuwGevalForm(forms.Form):
    werknemer = forms.ModelChoiceField(
        queryset=Werknemer.objects.none(),
        label="Werknemer",
        empty_label=KIES,
        error_messages={"required": "Kies de werknemer.", "invalid_choice": "Kies een werknemer uit de lijst."},
    )
    eerste_ziektedag = forms.DateField(
        label="Eerste ziektedag",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": "Vul de eerste ziektedag in.", "invalid": "Dit is geen geldige datum."},
    )

    def __init__(self, werknemers, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["werknemer"].queryset = werknemers


class MedischForm(forms.Form):
    soort = forms.ChoiceField(
        label="Soort", choices=[("diagnose", "Diagnose"), ("behandeling", "Behandeling"), ("notitie", "Notitie")]
    )
    tekst = forms.CharField(
        label="Tekst", widget=forms.Textarea(attrs={"rows": 4}), error_messages={"required": "Vul de tekst in."}
    )
