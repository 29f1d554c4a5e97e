"""What goes in and out of the API. Amounts are eurocent integers (as stored); dates ISO 8601. The
fields of an event's `data` come from the event catalogue (dossier/catalogus.py), as the web forms do."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone
from rest_framework import serializers

from spoorwijzer.dossier import access
from spoorwijzer.dossier.catalogus import SOORT, Soort
from spoorwijzer.dossier.grenzen import MAX_CENT, MAX_GETAL, MAX_TEKST, datum_buiten_bereik
from spoorwijzer.dossier.models import Gebeurtenis, Termijn, Verzuimgeval, Werkgever, Werknemer
from spoorwijzer.dossier.privacy import medische_woorden

# bounds for what a person can mean (bad input gets a Dutch message, never a 500)
MAX_IMPORT = 5_000


def datum_in_bereik(value: dt.date) -> dt.date:
    fout = datum_buiten_bereik(value)
    if fout:
        raise serializers.ValidationError(fout)
    return value


class DatumField(serializers.DateField):
    default_error_messages = {"invalid": "Dit is geen geldige datum (JJJJ-MM-DD).", "datetime": "Geef een datum."}

    def to_internal_value(self, value):
        return datum_in_bereik(super().to_internal_value(value))


class InBereik(serializers.PrimaryKeyRelatedField):
    """An id that must lie in the caller's scope (dossier.access); outside it, it does not exist."""

    def __init__(self, scope, **kwargs):
        self.scope = scope
        super().__init__(**kwargs)

    def get_queryset(self):
        return self.scope(getattr(self.context.get("request"), "user", None))


class WerkgeverSerializer(serializers.ModelSerializer):
    class Meta:
        model = Werkgever
        fields = ["id", "naam", "organisatie", "eigenrisicodrager_wga"]
        read_only_fields = fields


class WerknemerSerializer(serializers.ModelSerializer):
    werkgever = InBereik(
        access.zichtbare_werkgevers,
        queryset=Werkgever.objects.none(),  # the model, for the OpenAPI type; the rows come from the scope
        error_messages={"does_not_exist": "Deze werkgever bestaat niet of valt niet onder uw organisatie."},
    )
    naam = serializers.CharField(max_length=200, error_messages={"blank": "Vul de naam in."})
    functie = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    uren_per_week = serializers.DecimalField(
        max_digits=5,
        decimal_places=2,
        min_value=Decimal("0.01"),
        max_value=Decimal(60),
        coerce_to_string=False,
        required=False,
        default=Decimal(38),
        error_messages={
            "min_value": "Het aantal uren per week ligt tussen 0 en 60.",
            "max_value": "Het aantal uren per week ligt tussen 0 en 60.",
        },
    )
    maandloon_cent = serializers.IntegerField(
        min_value=0,
        max_value=MAX_CENT,
        required=False,
        allow_null=True,
        help_text="Bruto maandloon in eurocent (alleen zichtbaar voor casemanager, werkgever en de werknemer zelf)",
        error_messages={"min_value": "Een bedrag kan niet negatief zijn.", "max_value": "Dit bedrag is te hoog."},
    )
    email = serializers.EmailField(
        max_length=254,
        required=False,
        allow_blank=True,
        default="",
        error_messages={"invalid": "Geen geldig e-mailadres."},
    )
    uit_dienst = DatumField(required=False, allow_null=True)
    in_dienst = DatumField(required=False, allow_null=True)
    geboortedatum = serializers.DateField(  # bounds: controleer_werknemer (between 100 and 13 years ago)
        required=False, allow_null=True, error_messages={"invalid": "Dit is geen geldige datum (JJJJ-MM-DD)."}
    )

    class Meta:
        model = Werknemer
        fields = [
            "id",
            "werkgever",
            "personeelsnummer",
            "naam",
            "functie",
            "geboortedatum",
            "in_dienst",
            "uit_dienst",
            "uren_per_week",
            "maandloon_cent",
            "cao_percentage_jaar1",
            "cao_percentage_jaar2",
            "no_risk",
            "email",
        ]
        extra_kwargs = {
            "personeelsnummer": {"required": False, "max_length": 30},
            "cao_percentage_jaar1": {"coerce_to_string": False, "required": False},
            "cao_percentage_jaar2": {"coerce_to_string": False, "required": False},
            "no_risk": {"required": False},
        }

    def validate(self, attrs):
        """The same checks as the web form and the CSV import (dossier/beheer.py), among them the law's
        bounds for the cao percentages (BW 7:629)."""
        from spoorwijzer.dossier import beheer

        errors = beheer.controleer_werknemer(attrs, timezone.localdate())  # the web form's today (Dutch time)
        nummer = attrs.get("personeelsnummer")
        if nummer and Werknemer.objects.filter(werkgever=attrs["werkgever"], personeelsnummer=nummer).exists():
            errors["personeelsnummer"] = f"Personeelsnummer {nummer} bestaat al bij deze werkgever."
        if errors:
            raise serializers.ValidationError(errors)
        return attrs

    def validate_werkgever(self, werkgever):
        if not access.mag_werknemers_beheren(self.context["request"].user, werkgever):
            raise serializers.ValidationError("U mag bij deze werkgever geen werknemers toevoegen.")
        return werkgever

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if not access.mag_loon_zien(getattr(self.context.get("request"), "user", None)):
            data["maandloon_cent"] = None
        return data


class WerknemerImportSerializer(serializers.Serializer):
    werknemers = WerknemerSerializer(many=True, allow_empty=False, max_length=MAX_IMPORT)


class GevalSerializer(serializers.ModelSerializer):
    werknemer_naam = serializers.CharField(source="werknemer.naam", read_only=True)

    class Meta:
        model = Verzuimgeval
        fields = [
            "id",
            "werknemer",
            "werknemer_naam",
            "werkgever",
            "organisatie",
            "eerste_ziektedag",
            "einde_wachttijd",
            "afgesloten_op",
            "volgende_uiterlijk",
            "volgende_stap",
            "aangemaakt_op",
        ]
        read_only_fields = fields


class NieuwGevalSerializer(serializers.Serializer):
    werknemer = InBereik(
        access.zichtbare_werknemers,
        queryset=Werknemer.objects.none(),
        error_messages={"does_not_exist": "Deze werknemer bestaat niet of valt niet onder uw organisatie."},
    )
    eerste_ziektedag = DatumField()


class GebeurtenisSerializer(serializers.ModelSerializer):
    naam = serializers.SerializerMethodField()
    vervangen = serializers.SerializerMethodField()
    vastgelegd_door = serializers.CharField(source="vastgelegd_door.username", read_only=True)
    heeft_document = serializers.SerializerMethodField()

    class Meta:
        model = Gebeurtenis
        fields = [
            "id",
            "code",
            "naam",
            "datum",
            "data",
            "toelichting",
            "vervangt",
            "vervangen",
            "rol",
            "vastgelegd_door",
            "vastgelegd_op",
            "heeft_document",
        ]
        read_only_fields = fields
        # plus "ingetrokken": true when the entry's text was withdrawn as medical (then hidden but for the bedrijfsarts)

    def to_representation(self, obj):
        data = super().to_representation(obj)
        withdrawn = getattr(obj, "intrekking", None)
        data["ingetrokken"] = withdrawn is not None
        if withdrawn is not None and not self.context.get("mag_ingetrokken_lezen"):
            # text withdrawn as medical: for the bedrijfsarts only (dossier/access.mag_ingetrokken_lezen)
            soort = SOORT.get(obj.code)
            tekst = {v.naam for v in soort.velden if v.soort in ("tekst", "regel")} if soort else set(obj.data)
            data["data"] = {k: v for k, v in (obj.data or {}).items() if k not in tekst}
            data["toelichting"] = ""
        return data

    def get_naam(self, obj) -> str:
        return SOORT[obj.code].naam if obj.code in SOORT else obj.code

    def get_vervangen(self, obj) -> bool:
        """True when a later correction replaced this entry (it stays in the log)."""
        return bool(getattr(obj, "is_vervangen", False))

    def get_heeft_document(self, obj) -> bool:
        return bool(obj.document)


def _veld(veld, value, geval=None):
    """One field of an event's data, checked as the web form checks it; eurocent for amounts."""
    label = f"'{veld.label}'"
    if veld.soort in ("tekst", "regel"):
        if not isinstance(value, str):
            raise serializers.ValidationError(f"{label} moet tekst zijn.")
        if veld.soort == "regel" and len(value) > 300:
            raise serializers.ValidationError(f"{label} is te lang (ten hoogste 300 tekens).")
        if len(value) > MAX_TEKST:
            raise serializers.ValidationError(f"{label} is te lang (ten hoogste {MAX_TEKST} tekens).")
        return value
    if veld.soort == "keuze":
        if veld.naam == "reintegratiebedrijf":
            # only the case's own organisation's providers; another tenant's id answers as an unknown one
            bedrijven = access.toewijsbare_reintegratiebedrijven(geval) if geval is not None else None
            if (
                not (isinstance(value, (str, int)) and str(value).isascii() and str(value).isdigit())
                or len(str(value)) >= 18
                or bedrijven is None
                or not bedrijven.filter(pk=int(value)).exists()
            ):
                raise serializers.ValidationError(
                    f"{label}: kies een re-integratiebedrijf uit de lijst van deze organisatie."
                )
            return str(int(value))
        keys = [k for k, _ in veld.keuzes]
        if value not in keys:
            raise serializers.ValidationError(f"{label}: kies uit {', '.join(keys)}.")
        return value
    if veld.soort == "bool":
        if not isinstance(value, bool):
            raise serializers.ValidationError(f"{label} moet true of false zijn.")
        return value
    if veld.soort == "datum":
        try:
            if isinstance(value, str) and len(value) == 10:
                return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            pass
        raise serializers.ValidationError(f"{label} is een datum als JJJJ-MM-DD.")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise serializers.ValidationError(f"{label} moet een getal zijn.")
    if veld.soort == "bedrag":
        if not isinstance(value, int):
            raise serializers.ValidationError(f"{label} is een bedrag in eurocent: een geheel getal.")
        if not 0 <= value <= MAX_CENT:
            raise serializers.ValidationError(f"{label}: een bedrag ligt tussen 0 en 100 miljoen euro.")
        return value
    if not 0 <= value <= MAX_GETAL:  # weeks, hours, percentages: never more than this
        raise serializers.ValidationError(f"{label} ligt tussen 0 en {MAX_GETAL}.")
    return int(value) if float(value).is_integer() else float(value)


def valideer_data(soort: Soort, data, geval=None) -> dict:
    if not isinstance(data, dict):
        raise serializers.ValidationError({"data": ["Geef de velden als JSON-object."]})
    known = {v.naam: v for v in soort.velden}
    errors: dict[str, list[str]] = {}
    out = {}
    for key in data:
        if key not in known:
            errors[f"data.{key}"] = [f"Onbekend veld voor '{soort.naam}'; velden: {', '.join(known) or 'geen'}."]
    for naam, veld in known.items():
        value = data.get(naam)
        if value is None or value == "":
            if veld.verplicht:
                errors[f"data.{naam}"] = [f"Vul '{veld.label}' in."]
            continue
        try:
            out[naam] = _veld(veld, value, geval)
        except serializers.ValidationError as exc:
            errors[f"data.{naam}"] = [str(d) for d in exc.detail]
    if errors:
        raise serializers.ValidationError(errors)
    return out


class NieuweGebeurtenisSerializer(serializers.Serializer):
    code = serializers.ChoiceField(
        choices=sorted(SOORT), error_messages={"invalid_choice": "Onbekende soort gebeurtenis '{input}'."}
    )
    datum = DatumField()
    data = serializers.DictField(required=False, default=dict, help_text="De velden van deze soort (zie catalogus)")
    toelichting = serializers.CharField(required=False, allow_blank=True, default="", max_length=MAX_TEKST)
    vervangt = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=1,
        max_value=2**62,
        help_text="Correctie: het id van de gebeurtenis die deze vervangt (die blijft bewaard)",
    )
    geen_medische_informatie = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Bevestiging dat tekst die medisch lijkt geen medische informatie is (niet voor de bedrijfsarts)",
    )

    def validate(self, attrs):
        soort = SOORT[attrs["code"]]
        attrs["data"] = valideer_data(soort, attrs.get("data") or {}, self.context.get("geval"))
        # the log is read by every role: no diagnosis in it, whoever writes (the bedrijfsarts included; medical
        # data goes to /medisch/), as the web form checks
        texts = [attrs.get("toelichting") or ""] + [v for v in attrs["data"].values() if isinstance(v, str)]
        found = medische_woorden("\n".join(texts))
        if found and not attrs.get("geen_medische_informatie"):
            raise serializers.ValidationError(
                "Deze tekst lijkt medische informatie te bevatten (" + ", ".join(found) + "). Het logboek lezen "
                "alle partijen; diagnose, oorzaak of behandeling horen in de medische gegevens van de bedrijfsarts. "
                "Pas de tekst aan, of stuur 'geen_medische_informatie': true als het geen medische informatie is."
            )
        return attrs


class TermijnSerializer(serializers.ModelSerializer):
    status = serializers.SerializerMethodField(
        help_text="gedaan | niet_nodig | te_laat | binnenkort | open | afwijking (met deugdelijke grond)"
    )

    class Meta:
        model = Termijn
        fields = [
            "code",
            "volgnummer",
            "naam",
            "actor",
            "voorkeur",
            "uiterlijk",
            "soort_termijn",
            "grondslag",
            "url",
            "gedaan_op",
            "niet_nodig",
            "toelichting",
            "afwijking_tot",
            "status",
        ]
        read_only_fields = fields

    def get_status(self, obj) -> str:
        from spoorwijzer.law.poortwachter import deadline_status

        if obj.niet_nodig:
            return "niet_nodig"
        return deadline_status(
            obj.uiterlijk, obj.gedaan_op, self.context["vandaag"], self.context["binnenkort"], obj.afwijking_tot
        )


class MedischSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    soort = serializers.ChoiceField(
        choices=[("diagnose", "Diagnose"), ("behandeling", "Behandeling"), ("notitie", "Notitie")],
        error_messages={"invalid_choice": "Kies diagnose, behandeling of notitie."},
    )
    tekst = serializers.CharField(max_length=MAX_TEKST, error_messages={"blank": "Vul de tekst in."})
    vastgelegd_op = serializers.DateTimeField(read_only=True)


class BerekeningInvoerSerializer(serializers.Serializer):
    """Free-form: the fields of the subject (GET /api/v1/berekeningen/ gives each subject's JSON schema)."""


class TweedeStapSerializer(serializers.Serializer):
    code = serializers.CharField(
        max_length=24,
        help_text="De code van zes cijfers uit uw authenticator-app, of een ongebruikte herstelcode",
        error_messages={
            "required": "Vul de code in.",
            "blank": "Vul de code in.",
            "max_length": "Deze code is te lang.",
        },
    )


class TweedeStapBevestigdSerializer(serializers.Serializer):
    bevestigd_op = serializers.DateTimeField()
    geldig_tot = serializers.DateTimeField(help_text="Tot wanneer de token werkt")
    medisch_tot = serializers.DateTimeField(help_text="Tot wanneer de token medische gegevens opent")
