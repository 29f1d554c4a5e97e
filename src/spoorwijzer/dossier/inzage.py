"""The access log as people read it (NEN 7513): the names of the logged actions, what counts as opening a dossier,
the privacy officer's search and the employee's "who opened my dossier".

Every row is written by ``services.audit`` (one insert per request, hash-chained); who may read which rows is
decided in ``access.py`` (``zichtbare_auditregels``, ``mag_inzage_eigen_dossier``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from spoorwijzer.dossier import access
from spoorwijzer.dossier.models import Auditregel, Rolnaam, Verzuimgeval

# every action the software logs, with its Dutch name (the privacy officer's filter and the employee's list)
ACTIES: dict[str, str] = {
    "lezen_dossier": "Dossier geopend",
    "lezen_medisch": "Medische gegevens gelezen",
    "geweigerd_medisch": "Medische gegevens: toegang geweigerd",
    "lezen_inkomen": "Inkomen bekeken",
    "lezen_kosten": "Werkgeverskosten bekeken",
    "lezen_documenten": "Documentenlijst bekeken",
    "lezen_contactlog": "Contactlogboek bekeken",
    "lezen_verzuimhistorie": "Verzuimhistorie bekeken",
    "document_downloaden": "Document gedownload",
    "bijlage_downloaden": "Bijlage gedownload",
    "agenda_downloaden": "Agenda (.ics) gedownload",
    "agenda_feed": "Agenda-abonnement opgehaald",
    "export_dossier": "Eigen dossier geëxporteerd",
    "export_medisch": "Medisch dossier geëxporteerd",
    "export_werknemers": "Werknemers geëxporteerd",
    "export_cijfers": "Cijfers geëxporteerd",
    "lezen_toegangslog": "Toegangslog doorzocht",
    "inloggen": "Ingelogd",
    "uitloggen": "Uitgelogd",
    "inloggen_mislukt": "Inloggen mislukt",
    "vastleggen": "Gebeurtenis vastgelegd",
    "vastleggen_medisch": "Medisch gegeven vastgelegd",
    "document_maken": "Document gemaakt",
    "intrekken_medisch": "Tekst ingetrokken als medisch",
    "contactmoment": "Contactmoment vastgelegd",
    "behandelaar": "Behandelaar gewijzigd",
    "vernietiging": "Vernietigd na de bewaartermijn",
    "organisatie_aangemaakt": "Organisatie aangemaakt",
    "werkgever_aangemaakt": "Werkgever aangemaakt",
    "werkgever_gewijzigd": "Werkgever gewijzigd",
    "werknemer_aangemaakt": "Werknemer aangemaakt",
    "werknemer_gewijzigd": "Werknemer gewijzigd",
    "import_werknemers": "Werknemers geïmporteerd",
    "gebruiker_aangemaakt": "Gebruiker aangemaakt",
    "gebruiker_gewijzigd": "Gebruiker gewijzigd",
    "uitnodiging": "Uitnodiging verstuurd",
    "wachtwoord_ingesteld": "Wachtwoord ingesteld",
    "beleid_gewijzigd": "Beleid gewijzigd",
    "reintegratiebedrijf": "Re-integratiebedrijf vastgelegd",
    "api_token_gemaakt": "API-sleutel gemaakt",
    "api_token_ingetrokken": "API-sleutel ingetrokken",
    "api_tweede_stap": "API-sleutel bevestigd met code",
    "api_tweede_stap_mislukt": "API-sleutel: onjuiste code",
    "inloggen_tweede_stap": "Tweede inlogstap gedaan",
    "tweede_stap_mislukt": "Tweede inlogstap mislukt",
    "tweede_stap_ingesteld": "Authenticator-app gekoppeld",
    "tweede_stap_verwijderd": "Authenticator verwijderd door beheerder",
    "tweede_stap_uitgezet": "Tweede inlogstap uitgezet",
    "herstelcodes_gemaakt": "Herstelcodes gemaakt",
    "herstelcode_gebruikt": "Herstelcode gebruikt",
    "herbevestigd": "Identiteit opnieuw bevestigd",
    "herbevestiging_mislukt": "Herbevestiging mislukt",
}

# what opening (part of) somebody's dossier means: the rows the employee sees as "who opened my dossier"
INZAGE_ACTIES = (
    "lezen_dossier",
    "lezen_medisch",
    "lezen_inkomen",
    "lezen_kosten",
    "lezen_documenten",
    "lezen_contactlog",
    "document_downloaden",
    "bijlage_downloaden",
    "agenda_downloaden",
    "export_dossier",
    "export_medisch",
)

PER_PAGINA = 100


def actie_naam(code: str) -> str:
    return ACTIES.get(code, code.replace("_", " ").capitalize())


@dataclass
class Zoekvraag:
    """The privacy officer's filters; all optional."""

    persoon: str = ""  # a user name (who did it), part of it
    geval: int | None = None  # the case number
    werknemer: str = ""  # whose dossier, part of the name
    actie: str = ""
    van: dt.date | None = None
    tot: dt.date | None = None  # inclusive
    voor: int | None = None  # keyset: rows older than this id


def zoeken(user, vraag: Zoekvraag) -> tuple[list[Auditregel], int | None]:
    """One page of the log in the user's scope, newest first, and the id to continue from (or None)."""
    qs: QuerySet[Auditregel] = access.zichtbare_auditregels(user)
    if vraag.persoon:
        qs = qs.filter(
            Q(user__username__icontains=vraag.persoon)
            | Q(user__first_name__icontains=vraag.persoon)
            | Q(user__last_name__icontains=vraag.persoon)
        )
    if vraag.geval is not None:
        qs = qs.filter(geval_id=vraag.geval)
    if vraag.werknemer:
        qs = qs.filter(geval__werknemer__naam__icontains=vraag.werknemer)
    if vraag.actie:
        qs = qs.filter(actie=vraag.actie)
    tz = timezone.get_current_timezone()
    if vraag.van:
        qs = qs.filter(tijdstip__gte=dt.datetime.combine(vraag.van, dt.time.min, tzinfo=tz))
    if vraag.tot:
        qs = qs.filter(tijdstip__lt=dt.datetime.combine(vraag.tot + dt.timedelta(days=1), dt.time.min, tzinfo=tz))
    if vraag.voor is not None:
        qs = qs.filter(pk__lt=vraag.voor)
    rows = list(qs.select_related("user").order_by("-pk")[: PER_PAGINA + 1])
    verder = rows[PER_PAGINA - 1].pk if len(rows) > PER_PAGINA else None
    return rows[:PER_PAGINA], verder


def wie_opende(user, geval, limiet: int = 20) -> list[dict]:
    """Who opened this employee's dossier (not the employee themself), newest first: for their own page."""
    if not access.mag_inzage_eigen_dossier(user, geval):
        return []
    qs = (
        Auditregel.objects.filter(
            geval_id__in=Verzuimgeval.objects.filter(werknemer_id=geval.werknemer_id).values("pk"),
            actie__in=INZAGE_ACTIES,
        )
        .exclude(user_id=user.pk)
        .select_related("user")
        .order_by("-pk")
    )
    if limiet:
        qs = qs[:limiet]
    return [
        {
            "tijdstip": r.tijdstip,
            "wie": (r.user.get_full_name() or r.user.username) if r.user else "Systeem",
            "rol": Rolnaam(r.rol).label if r.rol in Rolnaam.values else "",
            "wat": actie_naam(r.actie),
        }
        for r in qs
    ]


def _herkomst(request) -> str:
    if request is None:
        return ""
    return f"vanaf {request.META.get('REMOTE_ADDR', 'onbekend adres')}"


def bij_inloggen(sender, request=None, user=None, **kwargs) -> None:
    from spoorwijzer.dossier import services

    services.audit(user, "inloggen", detail=_herkomst(request))


def bij_uitloggen(sender, request=None, user=None, **kwargs) -> None:
    from spoorwijzer.dossier import services

    if user is not None:
        services.audit(user, "uitloggen", detail=_herkomst(request))
