"""The REST API, version 1. Every read is scoped by dossier.access (the same rules as the web pages),
every write goes through dossier.services (the same checks, audit and schedule as the web), every
calculation through berekeningen. History is append-only: events are recorded with POST and corrected
by POSTing a new event that names the one it replaces; there is no PUT, PATCH or DELETE."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Exists, OuterRef
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response

from spoorwijzer import berekeningen
from spoorwijzer.api import auth
from spoorwijzer.api import serializers as s
from spoorwijzer.dossier import access, services
from spoorwijzer.dossier.models import Gebeurtenis, Verzuimgeval, Werknemer
from spoorwijzer.law.errors import LawError


class HeeftRol(permissions.BasePermission):
    message = "Uw account heeft geen rol in Spoorwijzer; vraag de beheerder om een rol."

    def has_permission(self, request, view):
        return access.rol_van(request.user) is not None


class Pagina(CursorPagination):
    """Keyset pages on the primary key: every page costs the same, however deep (no OFFSET)."""

    ordering = "pk"
    page_size = 50
    page_size_query_param = "aantal"
    max_page_size = 500
    invalid_cursor_message = "Ongeldige cursor; begin zonder 'cursor' opnieuw."

    def decode_cursor(self, request):
        try:
            return super().decode_cursor(request)
        except NotFound:  # a malformed parameter is a bad request, not a missing resource
            raise ValidationError({"cursor": [self.invalid_cursor_message]}) from None


class Basis(viewsets.GenericViewSet):
    permission_classes = [permissions.IsAuthenticated, HeeftRol, auth.TweedeStapVoldaan]
    pagination_class = Pagina

    def geval(self, pk) -> Verzuimgeval:
        try:
            return access.geval_voor(self.request.user, int(pk))
        except (access.Geweigerd, ValueError, OverflowError):
            raise NotFound("Dit dossier bestaat niet of u heeft er geen toegang toe.") from None


class WerkgeverViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, Basis):
    """Employers in the caller's scope."""

    serializer_class = s.WerkgeverSerializer

    def get_queryset(self):
        return access.zichtbare_werkgevers(self.request.user).order_by("pk")


class WerknemerViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, Basis):
    """Employees in the caller's scope; casemanager and HR add them, one by one or as an import."""

    serializer_class = s.WerknemerSerializer

    def get_queryset(self):
        return access.zichtbare_werknemers(self.request.user).order_by("pk")

    @extend_schema(request=s.WerknemerSerializer, responses={201: s.WerknemerSerializer})
    def create(self, request):
        ser = s.WerknemerSerializer(data=request.data, context={"request": request})
        ser.is_valid(raise_exception=True)
        with transaction.atomic():
            werknemer = ser.save()
            services.audit(request.user, "vastleggen", obj=werknemer, detail="werknemer toegevoegd via de API")
        return Response(s.WerknemerSerializer(werknemer, context={"request": request}).data, status=201)

    @extend_schema(
        request=s.WerknemerImportSerializer,
        responses={
            201: inline_serializer(
                "ImportResultaat",
                {"aantal": serializers.IntegerField(), "werknemers": s.WerknemerSerializer(many=True)},
            )
        },
        description="Alles of niets: bij één fout rij wordt niets opgeslagen en noemt de melding elke foute rij "
        "('werknemers.3.naam').",
    )
    @action(detail=False, methods=["post"], url_path="import")
    def importeren(self, request):
        ser = s.WerknemerImportSerializer(data=request.data, context={"request": request})
        ser.is_valid(raise_exception=True)
        with transaction.atomic():
            rows = [Werknemer.objects.create(**r) for r in ser.validated_data["werknemers"]]
            services.audit(request.user, "vastleggen", detail=f"{len(rows)} werknemers geïmporteerd via de API")
        out = s.WerknemerSerializer(rows, many=True, context={"request": request}).data
        return Response({"aantal": len(rows), "werknemers": out}, status=201)


STATUS_PARAM = OpenApiParameter(
    "status",
    str,
    enum=["alle", "open", "afgesloten", "te_laat", "binnenkort"],
    description="open: niet afgesloten; te_laat/binnenkort: naar de eerstvolgende uiterste datum",
)
WERKGEVER_PARAM = OpenApiParameter("werkgever", int, description="Alleen de dossiers van deze werkgever")


class GevalViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, Basis):
    """Sick cases (verzuimdossiers) the caller may see; a ziekmelding opens one."""

    serializer_class = s.GevalSerializer

    def get_queryset(self):
        qs = access.zichtbare_gevallen(self.request.user).select_related("werknemer")
        if self.action != "list":
            return qs
        today = services.vandaag()
        status_ = self.request.query_params.get("status", "alle")
        if status_ not in ("alle", "open", "afgesloten", "te_laat", "binnenkort"):
            raise ValidationError({"status": ["Kies alle, open, afgesloten, te_laat of binnenkort."]})
        if status_ == "open":
            qs = qs.filter(afgesloten_op__isnull=True)
        elif status_ == "afgesloten":
            qs = qs.filter(afgesloten_op__isnull=False)
        elif status_ == "te_laat":
            qs = qs.filter(afgesloten_op__isnull=True, volgende_uiterlijk__lt=today)
        elif status_ == "binnenkort":
            soon = services.beleid_voor(self.request.user).due_soon_days
            qs = qs.filter(
                afgesloten_op__isnull=True,
                volgende_uiterlijk__gte=today,
                volgende_uiterlijk__lte=today + dt.timedelta(days=soon),
            )
        werkgever = self.request.query_params.get("werkgever")
        if werkgever is not None:
            if not werkgever.isdigit() or len(werkgever) > 18:
                raise ValidationError({"werkgever": ["Geef het id van een werkgever (een geheel getal)."]})
            qs = qs.filter(werkgever_id=int(werkgever))
        return qs

    def get_object(self):
        return self.geval(self.kwargs["pk"])

    def retrieve(self, request, *args, **kwargs):
        geval = self.get_object()
        services.audit(request.user, "lezen_dossier", geval, detail="via de API")
        return Response(self.get_serializer(geval).data)

    @extend_schema(parameters=[STATUS_PARAM, WERKGEVER_PARAM])
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(request=s.NieuwGevalSerializer, responses={201: s.GevalSerializer})
    def create(self, request):
        """Ziekmelding: opens a case for the employee with its first sick day."""
        if not access.mag_nieuw_geval(request.user):
            raise PermissionDenied("U mag geen ziekmelding doen.")
        ser = s.NieuwGevalSerializer(data=request.data, context={"request": request})
        ser.is_valid(raise_exception=True)
        geval = services.nieuw_geval(
            request.user, ser.validated_data["werknemer"], ser.validated_data["eerste_ziektedag"]
        )
        return Response(s.GevalSerializer(geval).data, status=201)

    @extend_schema(
        methods=["GET"],
        responses={200: s.GebeurtenisSerializer(many=True)},
        description="Het logboek, oudste eerst; gecorrigeerde regels blijven staan met vervangen=true.",
    )
    @extend_schema(
        methods=["POST"],
        request=s.NieuweGebeurtenisSerializer,
        responses={201: s.GebeurtenisSerializer},
        description="Een gebeurtenis vastleggen (een stap, keuze, sollicitatie...). Een correctie is een nieuwe "
        "gebeurtenis met 'vervangt'; wijzigen of verwijderen kan niet.",
    )
    @action(detail=True, methods=["get", "post"], pagination_class=Pagina)
    def gebeurtenissen(self, request, pk=None):
        geval = self.geval(pk)
        if request.method == "POST":
            return self._vastleggen(request, geval)
        qs = (
            Gebeurtenis.objects.filter(geval=geval)
            .select_related("vastgelegd_door", "intrekking")
            .annotate(is_vervangen=Exists(Gebeurtenis.objects.filter(vervangt=OuterRef("pk"))))
        )
        page = self.paginate_queryset(qs)
        # withdrawn (medical) text is medical data: only with a fresh confirmation, as GET .../medisch/
        context = {
            "mag_ingetrokken_lezen": access.mag_ingetrokken_lezen(request.user, geval)
            and auth.tweede_stap_voldaan(request, medisch=True)
        }
        if context["mag_ingetrokken_lezen"] and any(getattr(e, "intrekking", None) for e in page):
            services.audit(request.user, "lezen_medisch", geval, detail="ingetrokken (medische) tekst via de API")
        else:
            services.audit(request.user, "lezen_dossier", geval, detail="logboek via de API")
        return self.get_paginated_response(s.GebeurtenisSerializer(page, many=True, context=context).data)

    def _vastleggen(self, request, geval):
        code = request.data.get("code") if isinstance(request.data, dict) else None
        if isinstance(code, str) and code in s.SOORT and not access.mag_vastleggen(request.user, geval, code):
            raise PermissionDenied(f"U mag '{s.SOORT[code].naam}' niet vastleggen in dit dossier.")
        ser = s.NieuweGebeurtenisSerializer(data=request.data, context={"request": request, "geval": geval})
        ser.is_valid(raise_exception=True)
        v = ser.validated_data
        vervangt = None
        if v.get("vervangt"):
            vervangt = Gebeurtenis.objects.filter(pk=v["vervangt"], geval=geval, code=v["code"]).first()
            if vervangt is None:
                raise ValidationError(
                    {"vervangt": ["Geen gebeurtenis van deze soort in dit dossier om te corrigeren."]}
                )
        try:
            event = services.vastleggen(
                request.user, geval, v["code"], v["datum"], v["data"], v.get("toelichting", ""), None, vervangt
            )
        except LawError as exc:
            raise ValidationError({"algemeen": [str(exc)]}) from None
        event.is_vervangen = False
        return Response(s.GebeurtenisSerializer(event).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses={200: s.TermijnSerializer(many=True)})
    @action(detail=True, methods=["get"], pagination_class=None)
    def termijnen(self, request, pk=None):
        """The schedule as law/ computed it: every step with its preferred date, legal deadline and basis."""
        geval = self.geval(pk)
        rows = geval.termijnen.order_by("uiterlijk", "volgnummer", "pk")
        context = {
            "vandaag": services.vandaag(),
            "binnenkort": services.beleid(geval).due_soon_days,
        }
        return Response(s.TermijnSerializer(rows, many=True, context=context).data)

    @extend_schema(
        request=None,
        responses={200: OpenApiTypes.OBJECT},
        description="De inkomenspaden van de werknemer per scenario (berekend door law/, met bonnetje; opgeslagen "
        "in het dossier). 400 als loon of eerste ziektedag ontbreekt.",
    )
    @action(detail=True, methods=["post"], pagination_class=None)
    def inkomenspad(self, request, pk=None):
        geval = self.geval(pk)
        result = services.inkomenspad(request.user, geval)
        if result is None:
            raise ValidationError({"algemeen": ["Er is geen maandloon of eerste ziektedag bekend voor dit dossier."]})
        return Response(result)

    @extend_schema(methods=["GET"], responses={200: s.MedischSerializer(many=True)})
    @extend_schema(methods=["POST"], request=s.MedischSerializer, responses={201: s.MedischSerializer})
    @action(detail=True, methods=["get", "post"], pagination_class=None)
    def medisch(self, request, pk=None):
        """Medical data: for the bedrijfsarts only; every read and write is logged."""
        geval = self.geval(pk)
        if not access.mag_medisch_via_api(request.user, geval):
            services.audit(request.user, "geweigerd_medisch", geval, detail="poging via de API")
            raise PermissionDenied("Medische gegevens zijn alleen voor de bedrijfsarts.")
        auth.vereis_tweede_stap(request, medisch=True)  # as the web's medical page: a fresh confirmation
        if request.method == "POST":
            ser = s.MedischSerializer(data=request.data)
            ser.is_valid(raise_exception=True)
            row = services.medisch_vastleggen(
                request.user, geval, ser.validated_data["soort"], ser.validated_data["tekst"]
            )
            return Response(s.MedischSerializer(row).data, status=201)
        return Response(s.MedischSerializer(services.medisch_lezen(request.user, geval), many=True).data)


class BerekeningViewSet(Basis):
    """The calculations of berekeningen.py (the same as `spoorwijzer bereken` and the web)."""

    pagination_class = None
    serializer_class = s.BerekeningInvoerSerializer

    @extend_schema(
        responses={200: OpenApiTypes.OBJECT},
        description="Per onderwerp de titel en het JSON-schema van de invoer.",
    )
    def list(self, request):
        return Response({name: berekeningen.schema(name) for name in berekeningen.SUBJECTS})

    @extend_schema(
        request=OpenApiTypes.OBJECT,
        responses={200: OpenApiTypes.OBJECT},
        parameters=[OpenApiParameter("onderwerp", str, OpenApiParameter.PATH, enum=sorted(berekeningen.SUBJECTS))],
        description="Rekent het onderwerp uit met de gepubliceerde parameters; het antwoord bevat het bonnetje "
        "(invoer, gebruikte parameterversies, stappen).",
    )
    def create(self, request, onderwerp=None):
        if onderwerp not in berekeningen.SUBJECTS:
            raise NotFound(f"Onbekend onderwerp '{onderwerp}'; kies uit: {', '.join(berekeningen.SUBJECTS)}.")
        try:
            return Response(berekeningen.run(onderwerp, request.data))
        except LawError as exc:
            raise ValidationError({"algemeen": [str(exc)]}) from None


class ToetsViewSet(Basis):
    """The RIV-toets (UWV's check of the re-integration efforts, done in advance) on a dossier's facts,
    through the same entry point as `spoorwijzer toets` (toets_invoer -> law.toets)."""

    pagination_class = None
    serializer_class = s.BerekeningInvoerSerializer

    @extend_schema(
        responses={200: OpenApiTypes.OBJECT},
        description="Het JSON-schema van de invoer ('invoer') en van de uitkomst ('uitvoer').",
    )
    def list(self, request):
        from spoorwijzer import toets_invoer

        return Response(toets_invoer.schema())

    @extend_schema(
        request=OpenApiTypes.OBJECT,
        responses={200: OpenApiTypes.OBJECT},
        description="De feiten van één dossier (zie GET /api/v1/toets/ 'invoer'); het antwoord volgt 'uitvoer': "
        "bevindingen per regel met grondslag, herstel en het verwachte loonsanctierisico.",
    )
    def create(self, request):
        from spoorwijzer import toets_invoer
        from spoorwijzer.law.context import LawContext
        from spoorwijzer.law.toets import toets

        try:
            uitkomst = toets(LawContext.baseline(), toets_invoer.parse(request.data, services.vandaag()))
        except LawError as exc:
            raise ValidationError({"algemeen": [str(exc)]}) from None
        return Response(uitkomst.as_dict())


class TweedeStapViewSet(viewsets.ViewSet):
    """Confirm the calling token with a code from the owner's authenticator app (or a recovery code): for a user who
    logs in in two steps a token works only after this (decision 0021, addendum)."""

    permission_classes = [permissions.IsAuthenticated, HeeftRol]
    serializer_class = s.TweedeStapSerializer

    @extend_schema(
        request=s.TweedeStapSerializer,
        responses={200: s.TweedeStapBevestigdSerializer},
        description="Bevestig de token waarmee u dit verzoek stuurt met de code uit uw authenticator-app (of een "
        "herstelcode). Nodig voor wie in twee stappen inlogt: daarna werkt de token een werkdag lang "
        "(SPOORWIJZER_API_TWEESTAP_UREN), voor medische gegevens zo lang als de herbevestiging op het web.",
    )
    def create(self, request):
        from django.conf import settings
        from django.utils import timezone

        from spoorwijzer.api.models import ApiToken
        from spoorwijzer.dossier import inlogcodes

        token = request.auth if isinstance(request.auth, ApiToken) else None
        if token is None:
            raise ValidationError(
                {"algemeen": ["Alleen een Spoorwijzer-token (Authorization: Token ...) kan worden bevestigd."]}
            )
        ser = s.TweedeStapSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        if inlogcodes.authenticator(request.user) is None:
            raise ValidationError(
                {"code": ["U heeft geen authenticator-app gekoppeld; koppel die eerst in Spoorwijzer (Mijn account)."]}
            )
        device, herstelcode, fout = inlogcodes.controleer(request.user, ser.validated_data["code"])
        if fout:
            services.audit(
                request.user, "api_tweede_stap_mislukt", obj=token, detail=f"token {token.pk}: onjuiste code"
            )
            raise ValidationError({"code": [fout]})
        nu = timezone.now()
        ApiToken.objects.filter(pk=token.pk).update(tweede_stap_op=nu)
        over = f"; herstelcode gebruikt, nog {inlogcodes.herstelcodes_over(request.user)} over" if herstelcode else ""
        services.audit(
            request.user, "api_tweede_stap", obj=token, detail=f"token {token.pk} ({token.naam}) bevestigd{over}"
        )
        return Response(
            {
                "bevestigd_op": nu,
                "geldig_tot": nu + dt.timedelta(hours=settings.SPOORWIJZER_API_TWEESTAP_UREN),
                "medisch_tot": nu + dt.timedelta(minutes=settings.SPOORWIJZER_HERBEVESTIGING_MINUTEN),
            }
        )
