"""Forms built from the event catalogue: Dutch labels and messages, typed values kept on error."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django import forms
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator

from spoorwijzer.dossier import access
from spoorwijzer.dossier.bestanden import controleer_document
from spoorwijzer.dossier.catalogus import Soort
from spoorwijzer.dossier.grenzen import MAX_CENT, MAX_GETAL, MAX_REGEL, MAX_TEKST, datum_buiten_bereik, te_lang
from spoorwijzer.dossier.models import Gebeurtenis, Werknemer
from spoorwijzer.dossier.privacy import medische_woorden
from spoorwijzer.law.errors import InvalidInput
from spoorwijzer.law.tekst import datum as nl_datum
from spoorwijzer.nl import KIES
from spoorwijzer.web.forms_beheer import EuroField, GetalField

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


class DatumVeld(forms.DateField):
    """A date a dossier can hold (dossier/grenzen.py): no year 1 or 9999, which were silently ignored or gave 500s."""

    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

    def validate(self, value):
        super().validate(value)
        fout = datum_buiten_bereik(value) if value else None
        if fout:
            raise forms.ValidationError(fout, code="bereik")


class GebeurtenisForm(forms.Form):
    datum = DatumVeld(
        label="Datum", error_messages={"required": "Vul de datum in.", "invalid": "Dit is geen geldige datum."}
    )
    toelichting = forms.CharField(label="Toelichting", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    document = forms.FileField(label="Document (optioneel)", required=False)
    geen_medische_informatie = forms.BooleanField(
        label="Ik bevestig dat deze tekst geen medische informatie (diagnose, oorzaak, behandeling) bevat.",
        required=False,
    )

    def __init__(self, soort: Soort, rol: str, *args, geval=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.soort, self.rol = soort, rol
        for veld in soort.velden:
            self.fields[f"veld_{veld.naam}"] = self._field(veld)
        if "veld_reintegratiebedrijf" in self.fields:  # only the case's own organisation's providers (item 8)
            bedrijven = access.toewijsbare_reintegratiebedrijven(geval) if geval is not None else []
            self.fields["veld_reintegratiebedrijf"].choices = [
                ("", KIES),
                *[(str(b.pk), b.naam) for b in bedrijven],
            ]
        self.fields["toelichting"].max_length = MAX_TEKST
        self.fields["toelichting"].validators.append(MaxLengthValidator(MAX_TEKST))
        self.fields["toelichting"].error_messages["max_length"] = te_lang("Toelichting")
        # the confirmation sits last, under the texts it is about
        self.fields["geen_medische_informatie"] = self.fields.pop("geen_medische_informatie")
        if soort.code == "document" and not self.data.get("corrigeer"):  # the entry is the file itself
            self.fields["document"].required = True
            self.fields["document"].label = "Bestand"
            self.fields["document"].error_messages["required"] = "Kies het bestand dat u wilt toevoegen."

    @property
    def bestand_opnieuw(self) -> str:
        """A form that comes back with errors cannot hand the chosen file back (no browser allows it): say so
        beside the file field, so the file is not silently lost."""
        if not self.is_bound or not self.errors or "document" in self.errors:
            return ""
        f = self.files.get(self.add_prefix("document"))
        if f is None:
            return ""
        return (
            f"Kies het bestand opnieuw: '{f.name}' is nog niet opgeslagen, omdat het formulier nog een fout had. "
            "Een browser bewaart een gekozen bestand niet na een fout."
        )

    @staticmethod
    def initial_van(event: Gebeurtenis, soort: Soort) -> dict:
        """What a correction starts from: the stored values as the form shows them (cents as euros)."""
        initial = {"datum": event.datum, "toelichting": event.toelichting}
        for veld in soort.velden:
            value = event.data.get(veld.naam)
            if value is None:
                continue
            if veld.soort == "datum":
                value = dt.date.fromisoformat(str(value)[:10])
            initial[f"veld_{veld.naam}"] = value  # amounts stay eurocent: the field shows them as "2.500,00"
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
                error_messages={**msgs, "max_length": te_lang(veld.label)},
                widget=forms.Textarea(attrs={"rows": 4}),
            )
        if veld.soort == "regel":
            return forms.CharField(
                label=veld.label,
                required=veld.verplicht,
                error_messages={**msgs, "max_length": te_lang(veld.label, MAX_REGEL)},
                max_length=MAX_REGEL,
            )
        if veld.soort == "keuze":
            choices = list(veld.keuzes)  # the providers' list is set per case in __init__
            return forms.ChoiceField(
                label=veld.label,
                required=veld.verplicht,
                error_messages={**msgs, "invalid_choice": f"Kies bij '{veld.label}' een mogelijkheid uit de lijst."},
                choices=[("", KIES), *choices],
            )
        if veld.soort == "bedrag":  # Dutch notation ("2.500,00", "2500,00", "€ 2500"), cleaned to eurocent
            return EuroField(
                label=veld.label,
                required=veld.verplicht,
                validators=[
                    MinValueValidator(0, "Een bedrag kan niet negatief zijn."),
                    MaxValueValidator(MAX_CENT, "Dit bedrag is te hoog: ten hoogste 100 miljoen euro."),
                ],
                error_messages=msgs,
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
        if veld.soort == "getal":  # "32,5" or "32.5"
            return GetalField(
                label=veld.label,
                required=veld.verplicht,
                validators=[MaxValueValidator(MAX_GETAL, f"Vul ten hoogste {MAX_GETAL} in.")],
                error_messages=msgs,
            )
        if veld.soort == "bool":
            return forms.BooleanField(label=veld.label, required=False)
        if veld.soort == "datum":
            return DatumVeld(
                label=veld.label,
                required=veld.verplicht,
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
                value = int(value)  # EuroField cleans to eurocent
            elif veld.soort in ("getal", "percentage"):
                value = int(value) if Decimal(value) == int(value) else float(value)
            elif veld.soort == "datum":
                value = value.isoformat()
            elif veld.soort in ("getal", "percentage"):
                value = int(value) if Decimal(value) == int(value) else float(value)
            out[veld.naam] = value
        return out


class NieuwGevalForm(forms.Form):
    werknemer = forms.ModelChoiceField(
        queryset=Werknemer.objects.none(),
        label="Werknemer",
        empty_label=KIES,
        error_messages={"required": "Kies de werknemer.", "invalid_choice": "Kies een werknemer uit de lijst."},
    )
    eerste_ziektedag = DatumVeld(
        label="Eerste ziektedag",
        error_messages={"required": "Vul de eerste ziektedag in.", "invalid": "Dit is geen geldige datum."},
    )

    def __init__(self, werknemers, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["werknemer"].queryset = werknemers
        self.fields["werknemer"].label_from_instance = self._naam

    @staticmethod
    def _naam(w) -> str:
        sinds = getattr(w, "open_sinds", None)
        if sinds:
            return f"{w} — al ziek gemeld (open dossier sinds {nl_datum(sinds)})"
        return f"{w} — uit dienst sinds {nl_datum(w.uit_dienst)}" if w.uit_dienst else str(w)


class MedischForm(forms.Form):
    soort = forms.ChoiceField(
        label="Soort", choices=[("diagnose", "Diagnose"), ("behandeling", "Behandeling"), ("notitie", "Notitie")]
    )
    tekst = forms.CharField(
        label="Tekst",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=MAX_TEKST,
        error_messages={"required": "Vul de tekst in.", "max_length": te_lang("Tekst")},
    )
