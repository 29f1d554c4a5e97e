"""Who sees what and who may record what: the one place for access rules.

- Tenants: casemanagers, bedrijfsartsen and arbeidsdeskundigen see the cases of the employers of their
  organisation; a werkgever (HR) sees its own employer's cases; a werknemer only their own; a
  re-integratiebedrijf only the cases with a trajectory assigned to it.
- Medical data: the bedrijfsarts of the organisation, and its casemanagers when the organisation has
  turned on delegation. Nobody else, ever.
"""

from __future__ import annotations

from django.db.models import QuerySet

from spoorwijzer.dossier.catalogus import SOORT
from spoorwijzer.dossier.models import Rol, Rolnaam, Verzuimgeval, Werkgever

# which scope each role works in: the Rol field that bounds what it sees
BEREIK = {
    Rolnaam.CASEMANAGER: "organisatie",
    Rolnaam.BEDRIJFSARTS: "organisatie",
    Rolnaam.ARBEIDSDESKUNDIGE: "organisatie",
    Rolnaam.WERKGEVER: "werkgever",
    Rolnaam.WERKNEMER: "werknemer",
    Rolnaam.REINTEGRATIEBEDRIJF: "reintegratiebedrijf",
}
ORGANISATIEROLLEN = tuple(r for r, scope in BEREIK.items() if scope == "organisatie")


class Geweigerd(Exception):
    """Access refused; the message is shown to the user (Dutch)."""


def rol_van(user) -> Rol | None:
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.rol
    except Rol.DoesNotExist:
        return None


def zichtbare_gevallen(user) -> QuerySet[Verzuimgeval]:
    rol = rol_van(user)
    qs = Verzuimgeval.objects.all()
    if rol is None:
        return qs.none()
    if rol.rol in ORGANISATIEROLLEN:
        return qs.filter(organisatie_id=rol.organisatie_id) if rol.organisatie_id else qs.none()
    if rol.rol == Rolnaam.WERKGEVER:
        return qs.filter(werkgever_id=rol.werkgever_id) if rol.werkgever_id else qs.none()
    if rol.rol == Rolnaam.WERKNEMER:
        return qs.filter(werknemer_id=rol.werknemer_id) if rol.werknemer_id else qs.none()
    if rol.rol == Rolnaam.REINTEGRATIEBEDRIJF:
        if not rol.reintegratiebedrijf_id:
            return qs.none()
        return qs.filter(trajecten__reintegratiebedrijf_id=rol.reintegratiebedrijf_id).distinct()
    return qs.none()


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


def codes_voor(user) -> list[str]:
    rol = rol_van(user)
    return [c for c, s in SOORT.items() if rol and rol.rol in s.rollen]


def mag_nieuw_geval(user) -> bool:
    rol = rol_van(user)
    return rol is not None and rol.rol in (Rolnaam.CASEMANAGER, Rolnaam.WERKGEVER)


def mag_werkgeverskosten_zien(user) -> bool:
    rol = rol_van(user)
    return rol is not None and rol.rol in (Rolnaam.CASEMANAGER, Rolnaam.WERKGEVER)
