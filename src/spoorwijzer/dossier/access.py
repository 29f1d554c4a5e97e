"""Who sees what and who may record what: the one place for access rules.

- Tenants: casemanagers, bedrijfsartsen and arbeidsdeskundigen see the cases of the employers of their
  organisation; a werkgever (HR) sees its own employer's cases; a werknemer only their own; a
  re-integratiebedrijf only the cases with a trajectory assigned to it.
- Medical data: the bedrijfsarts of the organisation, and its casemanagers when the organisation has
  turned on delegation. Nobody else, ever.
- The access log (NEN 7513): the organisation's privacyfunctionaris searches all of it; an employee sees who
  read their own dossier. The privacy officer sees no dossier.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from spoorwijzer.dossier.catalogus import CORRIGEREN_DOOR, SOORT
from spoorwijzer.dossier.models import (
    Reintegratiebedrijf,
    Rol,
    Rolnaam,
    Traject,
    Verzuimgeval,
    Werkgever,
    Werknemer,
)

# which scope each role works in: the Rol field that bounds what it sees
BEREIK = {
    Rolnaam.CASEMANAGER: "organisatie",
    Rolnaam.BEDRIJFSARTS: "organisatie",
    Rolnaam.ARBEIDSDESKUNDIGE: "organisatie",
    Rolnaam.WERKGEVER: "werkgever",
    Rolnaam.WERKNEMER: "werknemer",
    Rolnaam.REINTEGRATIEBEDRIJF: "reintegratiebedrijf",
    Rolnaam.PRIVACYFUNCTIONARIS: "organisatie",
}
# the roles that work on the organisation's cases (the privacy officer is of the organisation but sees no case)
ORGANISATIEROLLEN = (Rolnaam.CASEMANAGER, Rolnaam.BEDRIJFSARTS, Rolnaam.ARBEIDSDESKUNDIGE)


class Geweigerd(Exception):
    """Access refused; the message is shown to the user (Dutch)."""


def rol_van(user) -> Rol | None:
    if not getattr(user, "is_authenticated", False):
        return None
    cache = user._state.fields_cache
    if "rol" not in cache:
        # the role with the organisation it belongs to in one query: every page asks for both (the second step's
        # rule, the scope); kept where Django keeps ``user.rol``, so that reads the same object
        cache["rol"] = (
            Rol.objects.select_related("organisatie", "werkgever__organisatie", "werknemer__werkgever__organisatie")
            .filter(user_id=user.pk)
            .first()
        )
    return cache["rol"]


def zichtbare_gevallen(user) -> QuerySet[Verzuimgeval]:
    rol = rol_van(user)
    qs = Verzuimgeval.objects.all()
    if rol is None:
        return qs.none()
    if rol.rol == Rolnaam.BEDRIJFSARTS:
        # including the shells of cases whose employer's part retention destroyed: their medical file remains
        return qs.filter(organisatie_id=rol.organisatie_id) if rol.organisatie_id else qs.none()
    qs = qs.filter(vernietigd_op__isnull=True)
    if rol.rol in ORGANISATIEROLLEN:
        return qs.filter(organisatie_id=rol.organisatie_id) if rol.organisatie_id else qs.none()
    if rol.rol == Rolnaam.WERKGEVER:
        return qs.filter(werkgever_id=rol.werkgever_id) if rol.werkgever_id else qs.none()
    if rol.rol == Rolnaam.WERKNEMER:
        return qs.filter(werknemer_id=rol.werknemer_id) if rol.werknemer_id else qs.none()
    if rol.rol == Rolnaam.REINTEGRATIEBEDRIJF:
        if not rol.reintegratiebedrijf_id:
            return qs.none()
        # access lasts as long as the trajectory: not after it ended, was corrected away or the case closed
        lopend = Traject.lopend(timezone.localdate()).filter(
            geval_id=OuterRef("pk"), reintegratiebedrijf_id=rol.reintegratiebedrijf_id
        )
        return qs.filter(Exists(lopend))
    return qs.none()


def figuren_bereik(user) -> tuple[int | None, int | None] | None:
    """(organisation, None) when zichtbare_gevallen(user) are exactly all cases of an organisation that have
    deadlines, (None, employer) when they are all cases of one employer; None otherwise. The figures then sum the
    stored deadline counts (figuren.Termijntelling) instead of the rows. A destroyed case keeps no deadlines, so
    the bedrijfsarts, who also sees the destroyed shells, gets the same counts."""
    rol = rol_van(user)
    if rol is None:
        return None
    if rol.rol in ORGANISATIEROLLEN:
        return (rol.organisatie_id, None) if rol.organisatie_id else None
    if rol.rol == Rolnaam.WERKGEVER:
        return (None, rol.werkgever_id) if rol.werkgever_id else None
    return None


def zichtbare_werkgevers(user) -> QuerySet[Werkgever]:
    """The employers whose cases this user may see (for filters), without scanning the cases themselves."""
    rol = rol_van(user)
    qs = Werkgever.objects.all()
    if rol is None:
        return qs.none()
    if rol.rol in ORGANISATIEROLLEN:
        return qs.filter(organisatie_id=rol.organisatie_id)
    if rol.rol == Rolnaam.WERKGEVER:
        return qs.filter(pk=rol.werkgever_id)
    return qs.filter(gevallen__in=zichtbare_gevallen(user).values("pk")).distinct()


def geval_voor(user, geval_id: int) -> Verzuimgeval:
    """The case, if this user may see it; otherwise Geweigerd (the same answer whether it exists or not)."""
    geval = zichtbare_gevallen(user).filter(pk=geval_id).select_related("werknemer", "werkgever", "organisatie").first()
    if geval is None:
        raise Geweigerd("Dit dossier bestaat niet of u heeft er geen toegang toe.")
    return geval


def mag_medisch_zien(user, geval: Verzuimgeval) -> bool:
    rol = rol_van(user)
    if rol is None or rol.organisatie_id != geval.organisatie_id:
        return False
    if rol.rol == Rolnaam.BEDRIJFSARTS:
        return True
    return rol.rol == Rolnaam.CASEMANAGER and geval.organisatie.medische_delegatie


def mag_medisch_vastleggen(user, geval: Verzuimgeval) -> bool:
    rol = rol_van(user)
    return rol is not None and rol.rol == Rolnaam.BEDRIJFSARTS and mag_medisch_zien(user, geval)


def mag_vastleggen(user, geval: Verzuimgeval, code: str) -> bool:
    rol = rol_van(user)
    soort = SOORT.get(code)
    if rol is None or soort is None or rol.rol not in soort.rollen:
        return False
    return zichtbare_gevallen(user).filter(pk=geval.pk).exists()


def mag_corrigeren(user, event) -> bool:
    """A correction replaces somebody's entry: allowed to its author and to the roles the catalogue names for that
    kind (dossier.catalogus.CORRIGEREN_DOOR), and only by who may record that kind in this dossier at all."""
    rol = rol_van(user)
    if rol is None or not mag_vastleggen(user, event.geval, event.code):
        return False
    return event.vastgelegd_door_id == user.pk or rol.rol in CORRIGEREN_DOOR.get(event.code, frozenset())


def mag_corrigeren_op_pagina(user, rol, event, codes) -> bool:
    """The same rule for a case page the user already sees (no query per row)."""
    return (
        rol is not None
        and event.code in codes
        and (event.vastgelegd_door_id == user.pk or rol.rol in CORRIGEREN_DOOR.get(event.code, frozenset()))
    )


def codes_voor(user) -> list[str]:
    rol = rol_van(user)
    return [c for c, s in SOORT.items() if rol and rol.rol in s.rollen]


def mag_nieuw_geval(user) -> bool:
    rol = rol_van(user)
    return rol is not None and rol.rol in (Rolnaam.CASEMANAGER, Rolnaam.WERKGEVER)


def mag_werkgeverskosten_zien(user) -> bool:
    rol = rol_van(user)
    return rol is not None and rol.rol in (Rolnaam.CASEMANAGER, Rolnaam.WERKGEVER)


# --- master data and organisation (dossier/beheer.py) ---------------------------------------------------
# The organisation's casemanagers run its administration: employers, employees, users, the policy.
# An employer's HR manages its own employees (and imports them); nobody else manages master data.


def _casemanager(user):
    rol = rol_van(user)
    return rol if rol is not None and rol.rol == Rolnaam.CASEMANAGER and rol.organisatie_id else None


def mag_werkgevers_beheren(user) -> bool:
    return _casemanager(user) is not None


def beheerbare_werkgevers(user) -> QuerySet[Werkgever]:
    """Employers whose master data (and employees) this user manages."""
    rol = rol_van(user)
    if rol is None:
        return Werkgever.objects.none()
    if rol.rol == Rolnaam.CASEMANAGER and rol.organisatie_id:
        return Werkgever.objects.filter(organisatie_id=rol.organisatie_id)
    if rol.rol == Rolnaam.WERKGEVER and rol.werkgever_id:
        return Werkgever.objects.filter(pk=rol.werkgever_id)
    return Werkgever.objects.none()


def mag_werkgever_wijzigen(user, werkgever: Werkgever) -> bool:
    cm = _casemanager(user)
    return cm is not None and werkgever.organisatie_id == cm.organisatie_id


def mag_werknemers_beheren(user, werkgever: Werkgever) -> bool:
    return beheerbare_werkgevers(user).filter(pk=werkgever.pk).exists()


def mag_gebruikers_beheren(user) -> bool:
    return _casemanager(user) is not None


def mag_gebruiker_beheren(user, other) -> bool:
    cm = _casemanager(user)
    if cm is None:
        return False
    r = rol_van(other)
    if r is None:
        return False
    if BEREIK[Rolnaam(r.rol)] == "organisatie":
        return r.organisatie_id == cm.organisatie_id
    if r.rol == Rolnaam.WERKGEVER:
        return r.werkgever.organisatie_id == cm.organisatie_id
    if r.rol == Rolnaam.WERKNEMER:
        return r.werknemer.werkgever.organisatie_id == cm.organisatie_id
    # a provider's user: managed by an organisation that works with the provider (or whose cases it works on)
    return (
        Reintegratiebedrijf.objects.filter(pk=r.reintegratiebedrijf_id, organisaties=cm.organisatie_id).exists()
        or Verzuimgeval.objects.filter(
            organisatie_id=cm.organisatie_id, trajecten__reintegratiebedrijf_id=r.reintegratiebedrijf_id
        ).exists()
    )


def mag_reintegratiebedrijven_beheren(user) -> bool:
    return _casemanager(user) is not None


def mag_beleid_beheren(user, organisatie) -> bool:
    cm = _casemanager(user)
    return cm is not None and cm.organisatie_id == organisatie.pk


def mag_behandelaar_toewijzen(user, geval: Verzuimgeval) -> bool:
    cm = _casemanager(user)
    return cm is not None and cm.organisatie_id == geval.organisatie_id


def kan_behandelaar_zijn(user, geval: Verzuimgeval) -> bool:
    rol = rol_van(user)
    return (
        rol is not None
        and user.is_active
        and rol.rol == Rolnaam.CASEMANAGER
        and rol.organisatie_id == geval.organisatie_id
    )


# the contact log: recorded and read by those who work on the case; a provider sees only its own entries,
# the employee has none of it in the app (a request for inspection goes through the casemanager)
CONTACT_ROLLEN = (
    Rolnaam.CASEMANAGER,
    Rolnaam.WERKGEVER,
    Rolnaam.BEDRIJFSARTS,
    Rolnaam.ARBEIDSDESKUNDIGE,
    Rolnaam.REINTEGRATIEBEDRIJF,
)


def mag_contact_vastleggen(user, geval: Verzuimgeval) -> bool:
    rol = rol_van(user)
    return rol is not None and rol.rol in CONTACT_ROLLEN and zichtbare_gevallen(user).filter(pk=geval.pk).exists()


def zichtbare_contactmomenten(user, geval: Verzuimgeval):
    from spoorwijzer.dossier.models import Contactmoment

    rol = rol_van(user)
    qs = Contactmoment.objects.filter(geval=geval)
    if rol is None or rol.rol not in CONTACT_ROLLEN or not zichtbare_gevallen(user).filter(pk=geval.pk).exists():
        return qs.none()
    if rol.rol == Rolnaam.REINTEGRATIEBEDRIJF:
        return qs.filter(vastgelegd_door=user)
    return qs


def mag_intrekken(user, geval: Verzuimgeval, gebeurtenis, zichtbaar: bool | None = None) -> bool:
    """Withdraw an entry's text as medical: the bedrijfsarts and casemanagers of the organisation, or its
    author. ``zichtbaar``: the caller already established that the user sees the case (saves a query per row)."""
    rol = rol_van(user)
    if rol is None:
        return False
    if rol.rol in (Rolnaam.BEDRIJFSARTS, Rolnaam.CASEMANAGER):
        return rol.organisatie_id == geval.organisatie_id
    if gebeurtenis.vastgelegd_door_id != user.pk:
        return False
    return zichtbaar if zichtbaar is not None else zichtbare_gevallen(user).filter(pk=geval.pk).exists()


def mag_ingetrokken_lezen(user, geval: Verzuimgeval) -> bool:
    """Withdrawn (medical) text: only the bedrijfsarts of the organisation."""
    rol = rol_van(user)
    return rol is not None and rol.rol == Rolnaam.BEDRIJFSARTS and rol.organisatie_id == geval.organisatie_id


def mag_figuren_zien(user) -> bool:
    """Portfolio figures (aggregates, no medical data): the organisation's roles and the employer, over
    the cases they may see anyway; not the employee or a provider."""
    rol = rol_van(user)
    return rol is not None and (rol.rol in ORGANISATIEROLLEN or rol.rol == Rolnaam.WERKGEVER)


def mag_simuleren(user) -> bool:
    """The policy simulation (synthetic cohorts, no dossier data) is for those who steer a portfolio: the same
    roles as the figures. An employee or a provider has no use for it, and each run takes a server's CPU."""
    return mag_figuren_zien(user)


def zichtbare_werknemers(user) -> QuerySet[Werknemer]:
    """The employees this user may see: those of the employers in scope; an employee only themself; a
    re-integratiebedrijf only the employees of its cases."""
    rol = rol_van(user)
    qs = Werknemer.objects.all()
    if rol is None:
        return qs.none()
    if rol.rol in ORGANISATIEROLLEN:
        return qs.filter(werkgever__organisatie_id=rol.organisatie_id) if rol.organisatie_id else qs.none()
    if rol.rol == Rolnaam.WERKGEVER:
        return qs.filter(werkgever_id=rol.werkgever_id) if rol.werkgever_id else qs.none()
    if rol.rol == Rolnaam.WERKNEMER:
        return qs.filter(pk=rol.werknemer_id) if rol.werknemer_id else qs.none()
    return qs.filter(pk__in=zichtbare_gevallen(user).values("werknemer_id"))


def zichtbare_reintegratiebedrijven(user) -> QuerySet[Reintegratiebedrijf]:
    """The providers (re-integratiebedrijven) this user sees in a list: those linked to the user's own organisation
    (the employer's organisation for HR); a provider itself; nobody else's. Another tenant's providers are never
    listed, offered or named (issue 10, item 8)."""
    rol = rol_van(user)
    qs = Reintegratiebedrijf.objects.all()
    if rol is None:
        return qs.none()
    if rol.rol in ORGANISATIEROLLEN:
        return qs.filter(organisaties=rol.organisatie_id) if rol.organisatie_id else qs.none()
    if rol.rol == Rolnaam.WERKGEVER:
        return qs.filter(organisaties=rol.werkgever.organisatie_id) if rol.werkgever_id else qs.none()
    if rol.rol == Rolnaam.REINTEGRATIEBEDRIJF:
        return qs.filter(pk=rol.reintegratiebedrijf_id)
    return qs.none()


def toewijsbare_reintegratiebedrijven(geval: Verzuimgeval) -> QuerySet[Reintegratiebedrijf]:
    """The providers a trajectory in this case may be assigned to: those of the case's organisation."""
    return Reintegratiebedrijf.objects.filter(organisaties=geval.organisatie_id).order_by("naam")


def mag_loon_zien(user) -> bool:
    """The wage is for payroll and the income paths: casemanager, HR and the employee themself (scoped by
    zichtbare_werknemers); not the bedrijfsarts, the arbeidsdeskundige's list, or the track-2 provider."""
    rol = rol_van(user)
    return rol is not None and rol.rol in (Rolnaam.CASEMANAGER, Rolnaam.WERKGEVER, Rolnaam.WERKNEMER)


def mag_medisch_via_api(user, geval: Verzuimgeval) -> bool:
    """Medical data leaves the system through the API only to the bedrijfsarts himself (never to a
    delegated casemanager's integration, never to another system's account)."""
    return mag_medisch_vastleggen(user, geval)


def mag_inkomen_zien(user) -> bool:
    """The income paths show the salary: not for the re-integratiebedrijf (need-to-know)."""
    rol = rol_van(user)
    return rol is not None and rol.rol != Rolnaam.REINTEGRATIEBEDRIJF


# Documents the system produces: who may produce (maken) and who may download each kind. Documents by the
# bedrijfsarts (probleemanalyse and advice, actueel oordeel) are produced by the bedrijfsarts only; they never
# hold a diagnosis (that stays in MedischGegeven), so the employer and the employee may read them, as the
# Poortwachter process intends. A re-integratiebedrijf reads the track-2 reports it writes and the plan van
# aanpak, nothing else.
_ALLEN_BEHALVE_RB = frozenset({"casemanager", "werkgever", "werknemer", "bedrijfsarts", "arbeidsdeskundige"})
DOCUMENT_ROLLEN: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    # the new employer's no-riskpolis: prepared by the casemanager, handed over by employer or employee
    "no_risk_informatie": (
        frozenset({"casemanager"}),
        frozenset({"casemanager", "werkgever", "werknemer"}),
    ),
    # the employee and the employer may each request a deskundigenoordeel (Wet SUWI art. 32)
    "aanvraag_deskundigenoordeel": (
        frozenset({"casemanager", "werkgever", "werknemer"}),
        frozenset({"casemanager", "werkgever", "werknemer"}),
    ),
    "probleemanalyse": (frozenset({"bedrijfsarts"}), _ALLEN_BEHALVE_RB),
    "actueel_oordeel": (frozenset({"bedrijfsarts"}), _ALLEN_BEHALVE_RB),
    "plan_van_aanpak": (frozenset({"casemanager", "werkgever"}), _ALLEN_BEHALVE_RB | {"reintegratiebedrijf"}),
    "eerstejaarsevaluatie": (frozenset({"casemanager", "werkgever"}), _ALLEN_BEHALVE_RB),
    # the letter to the employee: made by whoever writes to them, read by them and the employer's side
    "brief_werknemer": (
        frozenset({"casemanager", "werkgever"}),
        frozenset({"casemanager", "werkgever", "werknemer"}),
    ),
    "financiele_informatie": (
        frozenset({"casemanager", "werkgever"}),
        frozenset({"casemanager", "werkgever", "werknemer"}),
    ),
    "tweede_spoor_intake": (
        frozenset({"reintegratiebedrijf", "casemanager"}),
        _ALLEN_BEHALVE_RB | {"reintegratiebedrijf"},
    ),
    "tweede_spoor_voortgang": (
        frozenset({"reintegratiebedrijf", "casemanager"}),
        _ALLEN_BEHALVE_RB | {"reintegratiebedrijf"},
    ),
    "tweede_spoor_eind": (
        frozenset({"reintegratiebedrijf", "casemanager"}),
        _ALLEN_BEHALVE_RB | {"reintegratiebedrijf"},
    ),
    "re_integratieverslag": (
        frozenset({"casemanager", "werkgever"}),
        frozenset({"casemanager", "werkgever", "werknemer"}),
    ),
}


def mag_document_maken(user, geval: Verzuimgeval, soort: str) -> bool:
    rol = rol_van(user)
    rollen = DOCUMENT_ROLLEN.get(soort)
    if rol is None or rollen is None or rol.rol not in rollen[0]:
        return False
    return zichtbare_gevallen(user).filter(pk=geval.pk).exists()


def mag_document_downloaden(user, geval: Verzuimgeval, soort: str) -> bool:
    rol = rol_van(user)
    rollen = DOCUMENT_ROLLEN.get(soort)
    if rol is None or rollen is None or rol.rol not in rollen[1]:
        return False
    return zichtbare_gevallen(user).filter(pk=geval.pk).exists()


def document_soorten_maken(user) -> list[str]:
    rol = rol_van(user)
    return [s for s, (maken, _d) in DOCUMENT_ROLLEN.items() if rol and rol.rol in maken]


# --- second login step (TOTP) ----------------------------------------------------------------------------------

# roles that always log in in two steps, whatever the organisation chose: they see medical data
TWEESTAP_ALTIJD = frozenset({Rolnaam.BEDRIJFSARTS})


def organisatie_van(user):
    """The organisation a user's role belongs to (through the employer for HR and employees); None for a
    re-integratiebedrijf, which works for several organisations."""
    rol = rol_van(user)
    if rol is None:
        return None
    if rol.organisatie_id:
        return rol.organisatie
    if rol.werkgever_id:
        return rol.werkgever.organisatie
    if rol.werknemer_id:
        return rol.werknemer.werkgever.organisatie
    return None


def tweede_stap_vereist(user) -> bool:
    """Whether this user must log in with a code from an authenticator app as well as the password: always the
    bedrijfsarts, the casemanagers of an organisation with medical delegation (they see medical data too), and
    the roles the organisation's casemanager switched on (Organisatie.tweestap_rollen)."""
    rol = rol_van(user)
    if rol is None:
        return False
    if rol.rol in TWEESTAP_ALTIJD:
        return True
    org = organisatie_van(user)
    if org is None:
        return False
    if rol.rol == Rolnaam.CASEMANAGER and org.medische_delegatie:
        return True
    return rol.rol in (org.tweestap_rollen or [])


def mag_tweestap_beleid_beheren(user, organisatie) -> bool:
    return mag_beleid_beheren(user, organisatie)


def mag_tweede_stap_herstellen(user, other) -> bool:
    """A casemanager may remove the authenticator of a user they manage (a lost phone), never their own."""
    return user.pk != other.pk and mag_gebruiker_beheren(user, other)


def mag_kwaliteitsdossier(user, werkgever: Werkgever, vastleggen: bool = False) -> bool:
    """The employer's quality file (issue 13 part 3): the organisation's casemanager and the employer itself
    read it and record policy notes and the self-assessment; the organisation's other roles may read it."""
    rol = rol_van(user)
    if rol is None:
        return False
    if rol.rol == Rolnaam.WERKGEVER:
        return rol.werkgever_id == werkgever.pk
    if rol.rol in ORGANISATIEROLLEN and rol.organisatie_id == werkgever.organisatie_id:
        return not vastleggen or rol.rol == Rolnaam.CASEMANAGER
    return False


# --- the access log (NEN 7513, dossier/inzage.py) -------------------------------------------------------


def mag_toegangslog_zien(user) -> bool:
    """The organisation's privacy officer searches its access log (who read or changed what, when)."""
    rol = rol_van(user)
    return rol is not None and rol.rol == Rolnaam.PRIVACYFUNCTIONARIS and rol.organisatie_id is not None


def zichtbare_auditregels(user):
    """The audit rows a privacy officer may search: those of its own organisation (cases and users)."""
    from spoorwijzer.dossier.models import Auditregel

    if not mag_toegangslog_zien(user):
        return Auditregel.objects.none()
    org = rol_van(user).organisatie_id
    # rows from before the organisation was stored on each row are found through their case
    return Auditregel.objects.filter(Q(organisatie_id=org) | Q(organisatie_id__isnull=True, geval__organisatie_id=org))


def mag_inzage_eigen_dossier(user, geval: Verzuimgeval) -> bool:
    """Who opened this dossier: shown to the employee whose dossier it is (AVG art. 15), on their own page."""
    rol = rol_van(user)
    return rol is not None and rol.rol == Rolnaam.WERKNEMER and rol.werknemer_id == geval.werknemer_id


def mag_bewaartermijn_zien(user, geval: Verzuimgeval) -> bool:
    """The destruction date of the employer's dossier: for the casemanager who keeps the dossier (and the
    bedrijfsarts, who also sees the medical file's date)."""
    rol = rol_van(user)
    return (
        rol is not None
        and rol.rol in (Rolnaam.CASEMANAGER, Rolnaam.BEDRIJFSARTS)
        and rol.organisatie_id == geval.organisatie_id
    )


# --- the data subject's copy (documents/inzage.py) --------------------------------------------------------


def mag_eigen_dossier_exporteren(user) -> bool:
    """The employee downloads their own dossier (AVG art. 15 and 20), without the medical file."""
    rol = rol_van(user)
    return rol is not None and rol.rol == Rolnaam.WERKNEMER and rol.werknemer_id is not None


def mag_medisch_exporteren(user, geval: Verzuimgeval) -> bool:
    """The medical file leaves the system for the employee only through the bedrijfsarts himself (not a delegated
    casemanager)."""
    return mag_medisch_vastleggen(user, geval)


# --- a recent proof of identity (re-authentication, decision 0021) ------------------------------------------------

# The web pages (by URL name) that ask the user to prove again who they are (the authenticator's code, a recovery
# code, or the password without an authenticator) when the last proof is older than SPOORWIJZER_HERBEVESTIGING_MINUTEN:
# what a privacy officer would name as the sensitive actions. Enforced for every request by one middleware
# (web/beveiliging.HerbevestigingMiddleware), so no view carries its own check.
HERBEVESTIGING_VEREIST = frozenset(
    {
        # medical data, and the files that leave the system
        "medisch",
        "medisch_export",
        "eigen_export",
        # who may do what: users, roles, invitations, the organisation's policy (medical delegation among it)
        "beheer_gebruiker_nieuw",
        "beheer_gebruiker",
        "beheer_uitnodigen",
        "beheer_beleid",
        # weakening the second step: the organisation's choice, a user's authenticator removed or switched off,
        # new recovery codes
        "tweestap_beleid",
        "beheer_tweede_stap_herstellen",
        "tweestap_uitzetten",
        "herstelcodes_vernieuwen",
    }
)
# pages that ask it only of a user who has an authenticator already: linking another app replaces it (a new phone);
# linking the first one does not weaken anything
HERBEVESTIGING_MET_AUTHENTICATOR = frozenset({"tweestap_instellen"})


def herbevestiging_vereist(url_naam: str | None, heeft_authenticator: bool) -> bool:
    return url_naam in HERBEVESTIGING_VEREIST or (heeft_authenticator and url_naam in HERBEVESTIGING_MET_AUTHENTICATOR)


def mag_tweede_stap_uitzetten(user) -> bool:
    """A user may switch their own second step off only when their role does not require it."""
    return not tweede_stap_vereist(user)


# --- API tokens and the second step (decision 0021, addendum) ---------------------------------------------------


def tweede_stap_gevraagd(user, heeft_authenticator: bool) -> bool:
    """Whether logging in asks for the code: when the role requires it, and also when the user linked an app of
    their own accord (until they switch it off again)."""
    return heeft_authenticator or tweede_stap_vereist(user)


def api_tweede_stap_voldaan(user, heeft_authenticator: bool, bevestigd_op, nu, medisch: bool = False) -> bool:
    """An API token stands for the password only. For a user who logs in in two steps the token works only
    after it was confirmed with a code from the user's own authenticator (POST /api/v1/tweede-stap/), for
    SPOORWIJZER_API_TWEESTAP_UREN hours; medical data asks a confirmation no older than
    SPOORWIJZER_HERBEVESTIGING_MINUTEN minutes, as the web's medical pages do. `bevestigd_op` is None for a
    credential that cannot be confirmed (an OIDC access token): then it works only for users without the second
    step."""
    from django.conf import settings

    if not tweede_stap_gevraagd(user, heeft_authenticator):
        return True
    if bevestigd_op is None:
        return False
    leeftijd = nu - bevestigd_op
    if medisch:
        return leeftijd.total_seconds() <= settings.SPOORWIJZER_HERBEVESTIGING_MINUTEN * 60
    return leeftijd.total_seconds() <= settings.SPOORWIJZER_API_TWEESTAP_UREN * 3600
