"""The dossier's operations: turn stored events into the plain facts law/ takes, record events with
access checks and audit, and store law's results (the schedule, calculations with receipts)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Min, Q
from django.utils import timezone

from spoorwijzer import berekeningen
from spoorwijzer.dossier import access
from spoorwijzer.dossier.bestanden import controleer_document
from spoorwijzer.dossier.catalogus import CORRIGEREN_DOOR, SOORT
from spoorwijzer.dossier.grenzen import controleer_datum, controleer_lengte
from spoorwijzer.dossier.models import (
    Auditregel,
    Berekening,
    Gebeurtenis,
    Intrekking,
    MedischGegeven,
    Organisatie,
    Termijn,
    Traject,
    Verzuimgeval,
    Werkgever,
    Werknemer,
    Ziekteperiode,
)
from spoorwijzer.law import afwijking as afw
from spoorwijzer.law import inkomenspad as ip
from spoorwijzer.law.aow import heeft_aow_leeftijd
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput
from spoorwijzer.law.poortwachter import STEP_BY_CODE, Event, Schedule, schedule
from spoorwijzer.law.tekst import datum as nl_datum
from spoorwijzer.law.voorkeur import PreferencePolicy, default_policy
from spoorwijzer.law.vroegst import BUILDS_ON, ontbrekende_basis, vroegste_datum
from spoorwijzer.law.weeks import SickPeriod, current_wachttijd

# events that law/poortwachter reasons about (besides the steps themselves)
LAW_CODES = set(STEP_BY_CODE) | {
    afw.EVENT,
    "tweede_spoor_uitzondering",
    "vrijwillige_verlenging",
    "loonsanctie",
    "herstel_vastgesteld",
}


# what may still be recorded on a closed case
OP_AFGESLOTEN_DOSSIER = {"heropening", "ziekmelding", "document"}  # ziekmelding: only after a herstel
# aftercare follows a placement or a return, so after the case closed (dossier/nazorg.py)
OP_AFGESLOTEN_DOSSIER |= {"nazorg", "nazorg_uitkomst", "no_risk_gegevens"}


def vandaag() -> dt.date:
    return timezone.localdate()


def actuele_gebeurtenissen(geval: Verzuimgeval) -> list[Gebeurtenis]:
    """The log as it stands: events that a later correction replaced are left out (they stay stored)."""
    return list(geval.gebeurtenissen.filter(vervangen_door__isnull=True).order_by("datum", "vastgelegd_op", "pk"))


def logboek(geval: Verzuimgeval) -> tuple[list[Gebeurtenis], list[Gebeurtenis]]:
    """The whole log (newest first, each row marked `is_vervangen` when a correction replaced it) and the
    log as it stands (as actuele_gebeurtenissen), from one query."""
    # the corrected and correcting rows are known from vervangt_id within the case: no self-joins (a track-2
    # case has 100+ rows, each with its JSON data)
    alle = list(
        geval.gebeurtenissen.select_related("vastgelegd_door", "intrekking").order_by("-datum", "-vastgelegd_op", "-pk")
    )
    vervangen = {e.vervangt_id for e in alle if e.vervangt_id}
    for e in alle:
        e.is_vervangen = e.pk in vervangen
    return alle, [e for e in reversed(alle) if not e.is_vervangen]


def perioden(events: list[Gebeurtenis]) -> list[SickPeriod]:
    """Sick periods from ziekmelding / herstelmelding events (herstel = first day back at work)."""
    result: list[SickPeriod] = []
    for e in sorted(events, key=lambda e: e.datum):  # stable: same-day events keep the order they were recorded
        if e.code == "ziekmelding":
            if result and result[-1].end is None:
                raise InvalidInput(
                    f"Er loopt al een ziekteperiode sinds {nl_datum(result[-1].start)}; meld eerst herstel."
                )
            result.append(SickPeriod(e.datum))
        elif e.code == "herstelmelding":
            if not result or result[-1].end is not None:
                raise InvalidInput(f"Herstel op {nl_datum(e.datum)} kan niet: er loopt dan geen ziekteperiode.")
            if e.datum <= result[-1].start:
                raise InvalidInput(
                    f"Herstel op {nl_datum(e.datum)} ligt niet na de ziekmelding van {nl_datum(result[-1].start)}."
                )
            result[-1] = SickPeriod(result[-1].start, e.datum - dt.timedelta(days=1))
    return result


def ziekteweken(geval_ids: list[int], op: dt.date) -> dict[int, int]:
    """The sick week of each case on ``op`` as law counts it (``Wachttijd.sick_week``: interruptions of a
    samengestelde wachttijd do not count), the same number the case page shows. One query for all cases."""
    rows = (
        Gebeurtenis.objects.filter(
            geval_id__in=geval_ids, vervangen_door__isnull=True, code__in=("ziekmelding", "herstelmelding")
        )
        .order_by("datum", "vastgelegd_op", "pk")
        .only("geval_id", "code", "datum")  # what perioden reads: not each row's JSON data and texts
    )
    by_case: dict[int, list[Gebeurtenis]] = {}
    for e in rows:
        by_case.setdefault(e.geval_id, []).append(e)
    ctx = LawContext.baseline()
    weeks = {}
    for pk, events in by_case.items():
        try:
            periods = perioden(events)
        except InvalidInput:
            continue
        if periods:
            weeks[pk] = current_wachttijd(ctx, periods).sick_week(op)
    return weeks


def law_events(events: list[Gebeurtenis]) -> list[Event]:
    return [Event(e.code, e.datum, dict(e.data)) for e in events if e.code in LAW_CODES]


def beleid_van(organisatie) -> PreferencePolicy:
    """The preferred-date policy of an organisation (its own settings over the defaults)."""
    overrides = organisatie.voorkeursbeleid if organisatie is not None else None
    return default_policy().with_overrides(overrides) if overrides else default_policy()


def beleid(geval: Verzuimgeval) -> PreferencePolicy:
    return beleid_van(geval.organisatie)


def beleid_voor(user) -> PreferencePolicy:
    rol = access.rol_van(user)
    organisatie = None
    if rol is not None:
        organisatie = rol.organisatie or (rol.werkgever.organisatie if rol.werkgever_id else None)
    return beleid_van(organisatie)


def eerdere_gebeurtenissen(geval: Verzuimgeval) -> list[Gebeurtenis]:
    """The current events of the employee's earlier cases with the same employer: their sick periods may
    join this case's wachttijd (samentelling, decided by law.weeks.samentelling, not here)."""
    if geval.pk is None:
        return []
    earlier = Verzuimgeval.objects.filter(
        werknemer_id=geval.werknemer_id, werkgever_id=geval.werkgever_id, pk__lt=geval.pk
    ).values("pk")
    return list(
        Gebeurtenis.objects.filter(geval_id__in=earlier, vervangen_door__isnull=True).order_by(
            "datum", "vastgelegd_op", "pk"
        )
    )


def tijdlijn(
    geval: Verzuimgeval,
    peildatum: dt.date | None = None,
    events: list[Gebeurtenis] | None = None,
    eerder: list[Gebeurtenis] | None = None,
) -> Schedule | None:
    """The case's schedule from law.poortwachter (never recomputed here). Earlier cases of the same
    employment count along: law decides whether their periods join this wachttijd (less than four weeks apart)
    and ignores their events when they do not."""
    events = actuele_gebeurtenissen(geval) if events is None else events
    own = perioden(events)
    if not own:
        return None
    eerder = eerdere_gebeurtenissen(geval) if eerder is None else eerder
    periods = _eerdere_perioden(eerder, own[0].start) + own
    ctx = LawContext.baseline()
    sched = schedule(
        ctx,
        periods,
        law_events(eerder) + law_events(events),
        peildatum=peildatum or vandaag(),
        policy=beleid(geval),
        aow=aow_op_eerste_ziektedag(ctx, geval, periods),
    )
    why = vervallen(geval)
    if why:  # a closed case: nothing is due any more (the stored rows and the page say so alike)
        for s in sched.stappen:
            if s.status != "gedaan":
                s.status, s.toelichting = "niet_nodig", why
    return sched


def _eerdere_perioden(eerder: list[Gebeurtenis], before: dt.date) -> list[SickPeriod]:
    """Closed sick periods of earlier cases that ended before this case began (an open one cannot join)."""
    by_case: dict[int, list[Gebeurtenis]] = {}
    for e in eerder:
        by_case.setdefault(e.geval_id, []).append(e)
    result = []
    for case_events in by_case.values():
        try:
            result += [p for p in perioden(case_events) if p.end is not None and p.end < before]
        except InvalidInput:
            continue  # an earlier case in an impossible state does not block this one
    return sorted(result)


def samentelling_dagen(geval: Verzuimgeval) -> int:
    """The interruption (in days) below which sick periods count together, for the page's explanation."""
    on = geval.afgesloten_op or geval.eerste_ziektedag or vandaag()
    return LawContext.baseline().value("poortwachter.samentelling_onderbreking_dagen", on)


def samengeteld_met(geval: Verzuimgeval) -> list[Verzuimgeval]:
    """The employee's other cases whose sick periods count in the same wachttijd as this one (law's samentelling
    decided it: the joined case's first sick day is the earlier case's). Shown on both cases."""
    if geval.eerste_ziektedag is None:
        return []
    return list(
        Verzuimgeval.objects.filter(
            werknemer_id=geval.werknemer_id, werkgever_id=geval.werkgever_id, eerste_ziektedag=geval.eerste_ziektedag
        )
        .exclude(pk=geval.pk)
        .annotate(eigen_start=Min("gebeurtenissen__datum", filter=Q(gebeurtenissen__code="ziekmelding")))
        .order_by("pk")
    )


def levensloop(events: list[Gebeurtenis]) -> tuple[dt.date | None, str]:
    """Closed on which date and why, from the log in order: a herstelmelding ends the sick period and closes
    the case (reason herstel); a new ziekmelding or a heropening opens it again; an afsluiting closes it
    with its reason."""
    closed, reason = None, ""
    for e in sorted(events, key=lambda e: e.datum):  # stable: same-day events keep their recorded order
        if e.code == "herstelmelding":
            closed, reason = e.datum, "herstel"
        elif e.code in ("ziekmelding", "heropening"):
            closed, reason = None, ""
        elif e.code == "afsluiting":
            closed, reason = e.datum, str(e.data.get("reden", ""))
    return closed, reason


def aow_op_eerste_ziektedag(ctx: LawContext, geval: Verzuimgeval, periods: list[SickPeriod]) -> bool:
    """Whether the employee had the AOW age on the first sick day of the current wachttijd (from the birth
    date in the master data; law.aow knows the age): then loondoorbetaling and the procedure are short."""
    born = geval.werknemer.geboortedatum
    if born is None:
        return False
    return heeft_aow_leeftijd(ctx, born, current_wachttijd(ctx, periods).first_sick_day)


def vernieuw(geval: Verzuimgeval, events: list[Gebeurtenis] | None = None) -> Schedule | None:
    """Store law's schedule for the case: its steps as rows and the earliest open deadline on the case."""
    from spoorwijzer.dossier import figuren, toets

    events = actuele_gebeurtenissen(geval) if events is None else events
    geval.afgesloten_op, geval.afsluitreden = levensloop(events)
    sched = tijdlijn(geval, events=events)
    oud = figuren.termijnen_geteld([geval.pk])  # the counts per step follow the rows (decision 0026)
    Termijn.objects.filter(geval=geval).delete()
    rijen = Termijn.objects.bulk_create(termijn_rijen(geval, sched))
    figuren.tel_termijnen_bij(figuren.termijnen_te_tellen(geval, rijen), oud)
    figuren.bewaar_op_geval(geval, events, rijen)
    figuren.bewaar_op_trajecten(geval, events)
    oud_verzuim = figuren.verzuim_geteld([geval.pk])  # the verzuim counts follow the periods (decision 0031)
    Ziekteperiode.objects.filter(geval=geval).delete()
    perioden_rijen = Ziekteperiode.objects.bulk_create(periode_rijen(geval, events))
    figuren.tel_verzuim_bij(figuren.verzuim_te_tellen(geval, perioden_rijen), oud_verzuim)
    toets.bewaar_op_geval(geval, events)
    _uit_dienst_bij_afsluiting(geval)
    geval.save(
        update_fields=[
            "eerste_ziektedag",
            "einde_wachttijd",
            "volgende_uiterlijk",
            "volgende_stap",
            "afgesloten_op",
            "afsluitreden",
            *toets.TOETS_VELDEN,
            *figuren.FIGUUR_VELDEN,
        ]
    )
    return sched


def _uit_dienst_bij_afsluiting(geval: Verzuimgeval) -> None:
    """A case closed because the employment ended fills the employee's empty 'uit dienst' (master data) with the
    day before the closing, the last day the figures count as sick too: otherwise the verzuimpercentage keeps a
    leaver in its denominator for ever (decision 0030). A date already filled in is the employer's and stays."""
    if geval.afsluitreden != "einde_dienstverband" or geval.afgesloten_op is None:
        return
    laatste_dag = geval.afgesloten_op - dt.timedelta(days=1)
    Werknemer.objects.filter(pk=geval.werknemer_id, uit_dienst__isnull=True).update(uit_dienst=laatste_dag)


def periode_rijen(geval: Verzuimgeval, events: list[Gebeurtenis]) -> list[Ziekteperiode]:
    """The case's sick periods as rows to store: first sick day and first day back (empty while sick)."""
    return [
        Ziekteperiode(geval=geval, begin=p.start, herstel=None if p.end is None else p.end + dt.timedelta(days=1))
        for p in perioden(events)
    ]


def vervallen(geval: Verzuimgeval) -> str:
    """Why open steps no longer apply ('' while the case is open): after a herstel or closing nothing is due."""
    if geval.afgesloten_op is None:
        return ""
    reden = geval.get_afsluitreden_display() or "afgesloten"
    return f"Vervallen: dossier afgesloten op {geval.afgesloten_op:%d-%m-%Y} ({reden.lower()})"


def termijn_rijen(geval: Verzuimgeval, sched: Schedule | None) -> list[Termijn]:
    """law's schedule as rows to store, and its dates copied onto the case (not yet saved)."""
    if sched is None:
        geval.eerste_ziektedag = geval.einde_wachttijd = geval.volgende_uiterlijk = None
        geval.volgende_stap = ""
        return []
    # a step deviated from its legal deadline with a deugdelijke grond is watched against its new date
    open_steps = [s for s in sched.stappen if s.streefdatum and s.status not in ("gedaan", "niet_nodig")]
    first = min(open_steps, key=lambda s: s.streefdatum, default=None)
    geval.eerste_ziektedag = sched.eerste_ziektedag
    geval.einde_wachttijd = sched.einde_wachttijd
    geval.volgende_uiterlijk = first.streefdatum if first else None
    geval.volgende_stap = first.naam if first else ""
    return [
        Termijn(
            geval=geval,
            code=s.code,
            volgnummer=s.volgnummer,
            naam=s.naam,
            actor=s.actor,
            voorkeur=s.voorkeur,
            uiterlijk=s.uiterlijk,
            soort_termijn=s.soort_termijn,
            grondslag=s.grondslag,
            url=s.url,
            gedaan_op=s.gedaan_op,
            niet_nodig=s.status == "niet_nodig",
            toelichting=s.toelichting,
            afwijking_tot=s.afwijking.nieuwe_datum if s.afwijking else None,
        )
        for s in sched.stappen
    ]


def audit(user, actie: str, geval: Verzuimgeval | None = None, obj: Any = None, detail: str = "") -> None:
    """One row of the NEN 7513 log (hash-chained): who, in which role, did what to which case or object, when.
    The names of the actions and what counts as a read are in dossier/inzage.py."""
    rol = access.rol_van(user)
    Auditregel.objects.create(
        user=user if getattr(user, "is_authenticated", False) else None,
        rol=rol.rol if rol else "",
        actie=actie,
        geval=geval,
        object_soort=type(obj).__name__ if obj is not None else "",
        object_id=str(getattr(obj, "pk", "") or ""),
        detail=detail[:2000],
        organisatie_id=_organisatie_van(rol, geval, obj),
    )


def _organisatie_van(rol, geval, obj) -> int | None:
    """The tenant an audit row belongs to: the case's organisation, else the acting user's, else the object's."""
    if geval is not None:
        return geval.organisatie_id
    if rol is not None:
        if rol.organisatie_id:
            return rol.organisatie_id
        if rol.werkgever_id:
            return Werkgever.objects.filter(pk=rol.werkgever_id).values_list("organisatie_id", flat=True).first()
        if rol.werknemer_id:
            return (
                Werknemer.objects.filter(pk=rol.werknemer_id)
                .values_list("werkgever__organisatie_id", flat=True)
                .first()
            )
    if obj is not None:
        if isinstance(obj, Organisatie):
            return obj.pk
        if getattr(obj, "organisatie_id", None):
            return obj.organisatie_id
        if isinstance(obj, Werknemer):
            return Werkgever.objects.filter(pk=obj.werkgever_id).values_list("organisatie_id", flat=True).first()
        other = access.rol_van(obj) if hasattr(obj, "is_authenticated") else None
        if other is not None and other is not rol:
            return _organisatie_van(other, None, None)
    return None


@transaction.atomic
def vastleggen(
    user,
    geval: Verzuimgeval,
    code: str,
    datum: dt.date,
    data: dict | None = None,
    toelichting: str = "",
    document=None,
    vervangt: Gebeurtenis | None = None,
) -> Gebeurtenis:
    """Record an event. Refused with a Dutch message when the role may not, or when the result would be
    impossible (a recovery before the sick report); nothing is stored then."""
    if not access.mag_vastleggen(user, geval, code):
        raise access.Geweigerd(f"U mag '{SOORT[code].naam if code in SOORT else code}' niet vastleggen in dit dossier.")
    controleer_datum(datum)
    controleer_lengte("Toelichting", toelichting)
    for veld in SOORT[code].velden:
        value = (data or {}).get(veld.naam)
        controleer_lengte(veld.label, value if isinstance(value, str) else None)
    # one writer per case at a time: the case row is locked until this transaction ends, so two recordings
    # cannot both rebuild the stored schedule (PostgreSQL; SQLite's IMMEDIATE transactions already queue writers)
    Verzuimgeval.objects.select_for_update().filter(pk=geval.pk).first()
    if vervangt is not None:
        if vervangt.geval_id != geval.pk or vervangt.code != code:
            raise InvalidInput("Alleen een actuele gebeurtenis van dit dossier kan worden gecorrigeerd.")
        if not access.mag_corrigeren(user, vervangt):
            wie = CORRIGEREN_DOOR.get(code)
            raise access.Geweigerd(
                f"U mag deze '{SOORT[code].naam}' niet corrigeren: dat mag alleen wie hem vastlegde"
                + (f" en de rol {', '.join(sorted(wie))}." if wie else ".")
            )
        if Gebeurtenis.objects.filter(vervangt_id=vervangt.pk).exists():  # read under the lock: the current truth
            raise InvalidInput(
                "Deze gebeurtenis is intussen al gecorrigeerd (door u of een ander). Open het dossier opnieuw en "
                "corrigeer zo nodig de nieuwste versie."
            )
    # a step is recorded when it happened; a week of slack for a meeting already planned (not a rule of law)
    if datum > vandaag() + dt.timedelta(days=7) and code not in ("herstelmelding",):
        raise InvalidInput(f"De datum {nl_datum(datum)} ligt in de toekomst; leg een stap vast als hij gebeurd is.")
    if geval.afgesloten_op and vervangt is None and code not in OP_AFGESLOTEN_DOSSIER:
        raise InvalidInput(
            f"Dit dossier is afgesloten op {geval.afgesloten_op:%d-%m-%Y} "
            f"({geval.get_afsluitreden_display().lower()}). Heropen het eerst, of doe een nieuwe ziekmelding."
        )
    if code == "ziekmelding" and geval.afgesloten_op and geval.afsluitreden != "herstel" and vervangt is None:
        raise InvalidInput(
            f"Dit dossier is afgesloten ({geval.get_afsluitreden_display().lower()}); een nieuwe ziekteperiode "
            "hoort daar niet meer bij."
        )
    if code == "heropening" and not geval.afgesloten_op:
        raise InvalidInput("Dit dossier is niet afgesloten.")
    controleer_gegevens(code, data or {}, datum)
    controleer_document(document)
    from spoorwijzer.dossier import vragen  # questions and loonmaatregelen check against the log (dossier/vragen.py)

    if code in vragen.VRAAG_CODES[1:] + vragen.LOON_CODES:
        eerder = [e for e in actuele_gebeurtenissen(geval) if e.pk != getattr(vervangt, "pk", None)]
        vragen.controleer(geval, code, datum, data or {}, eerder)
    rol = access.rol_van(user)
    event = Gebeurtenis(
        geval=geval,
        code=code,
        datum=datum,
        data=data or {},
        toelichting=toelichting,
        document=document,
        vervangt=vervangt,
        vastgelegd_door=user,
        rol=rol.rol,
    )
    events = [e for e in actuele_gebeurtenissen(geval) if e.pk != getattr(vervangt, "pk", None)] + [event]
    sched = tijdlijn(geval, events=events)  # raises InvalidInput before anything is stored
    controleer_na_eerste_ziektedag(code, datum, events)
    if sched is not None and vervangt is None:
        controleer_vroegste_datum(sched, code, datum, data or {})
        controleer_basis(sched, code, datum, data or {})
    if code == afw.EVENT:
        controleer_afwijking(sched, datum, data or {})
    if code == "start_tweede_spoor" and (data or {}).get("reintegratiebedrijf"):
        controleer_een_traject(geval, datum, vervangt)
    bedrijf = None
    if code == "start_tweede_spoor" and (data or {}).get("reintegratiebedrijf"):
        # only a provider of the case's own organisation (issue 10, item 8); another tenant's is unknown here
        rb = str(data["reintegratiebedrijf"])
        if rb.isascii() and rb.isdigit() and len(rb) < 19:
            bedrijf = access.toewijsbare_reintegratiebedrijven(geval).filter(pk=int(rb)).first()
        if bedrijf is None:
            raise InvalidInput("Kies een re-integratiebedrijf uit de lijst van deze organisatie.")
    try:
        with transaction.atomic():
            event.save()
    except IntegrityError:  # the unique 'vervangt': somebody else's correction of the same event won
        raise InvalidInput(
            "Deze gebeurtenis is intussen al gecorrigeerd door een ander. Open het dossier opnieuw."
        ) from None
    if code == "start_tweede_spoor" and (data or {}).get("reintegratiebedrijf"):
        Traject.objects.create(geval=geval, reintegratiebedrijf=bedrijf, start=datum, gebeurtenis=event)
    if code == "einde_tweede_spoor":  # the provider's access ends with the trajectory (access.zichtbare_gevallen)
        geval.trajecten.filter(einde__isnull=True).update(einde=datum)
    audit(
        user, "vastleggen", geval, event, f"{code} op {datum}" + (f" (correctie van {vervangt.pk})" if vervangt else "")
    )
    vernieuw(geval)
    return event


def _euro(cent: int) -> str:
    from spoorwijzer.law.money import euro

    return euro(cent)


def vroegste(geval: Verzuimgeval, code: str, events: list[Gebeurtenis] | None = None):
    """The earliest sensible date of step ``code`` in this case (law.vroegst), or None."""
    sched = tijdlijn(geval, events=events)
    if sched is None:
        return None
    return vroegste_datum(LawContext.baseline(), sched.wachttijd, sched.einde_wachttijd, code)


def controleer_vroegste_datum(sched: Schedule, code: str, datum: dt.date, data: dict) -> None:
    """A step recorded before it can sensibly be done is refused with the earliest date (law.vroegst); where
    the law allows it early, a recorded reason lets it through."""
    earliest = vroegste_datum(LawContext.baseline(), sched.wachttijd, sched.einde_wachttijd, code)
    if earliest is None or datum >= earliest.datum:
        return
    naam = SOORT[code].naam if code in SOORT else code
    if earliest.vroeg_toegestaan and str(data.get("reden_vroeg", "")).strip():
        return
    extra = (
        f" Eerder kan alleen met een reden ({earliest.vroeg_toegestaan}); vul die in bij 'Reden om eerder'."
        if earliest.vroeg_toegestaan
        else ""
    )
    raise InvalidInput(
        f"{naam} op {nl_datum(datum)} kan nog niet: de vroegste zinvolle datum is {nl_datum(earliest.datum)} "
        f"(ziekteweek {earliest.week}; {earliest.grondslag}).{extra}"
    )


# what may be dated before the case's first sick day: the ziekmelding sets that day (a correction may move it
# earlier) and a document carries the date it was written (a job description, the employment contract)
VOOR_EERSTE_ZIEKTEDAG = frozenset({"ziekmelding", "document"})


def controleer_na_eerste_ziektedag(code: str, datum: dt.date, events: list[Gebeurtenis]) -> None:
    """Nothing happens in a case before it began: an event dated before the first sick day of the case's own
    ziekmelding is a typing error (an evaluatie in 2020 in a case of 2026) and is refused. The same holds the
    other way round: a corrected ziekmelding that moves the first sick day past entries already made is refused,
    naming them (they would stand before the case's start)."""
    starts = [e.datum for e in events if e.code == "ziekmelding"]
    if code == "ziekmelding" and starts:
        start = min(starts)
        eerder = sorted(
            (e for e in events if e.code not in VOOR_EERSTE_ZIEKTEDAG and e.datum < start), key=lambda e: e.datum
        )
        if eerder:
            namen = "; ".join(f"{SOORT[e.code].naam} van {nl_datum(e.datum)}" for e in eerder[:3])
            meer = f" en nog {len(eerder) - 3}" if len(eerder) > 3 else ""
            raise InvalidInput(
                f"De eerste ziektedag kan niet {nl_datum(start)} worden: er staan al regels vóór die dag ({namen}"
                f"{meer}). Corrigeer eerst die regels, of kies een eerdere eerste ziektedag."
            )
    if code in VOOR_EERSTE_ZIEKTEDAG:
        return
    if starts and datum < min(starts):
        naam = SOORT[code].naam if code in SOORT else code
        raise InvalidInput(
            f"{naam} op {nl_datum(datum)} kan niet: dat is vóór de eerste ziektedag van dit dossier "
            f"({nl_datum(min(starts))}). Controleer de datum."
        )


def controleer_basis(sched: Schedule, code: str, datum: dt.date, data: dict) -> None:
    """A step that builds on another (law.vroegst.BUILDS_ON: the plan van aanpak on the probleemanalyse) is
    refused while that one is not recorded, unless a reason is given (recorded with the step)."""
    gedaan = {s.code for s in sched.stappen if s.gedaan_op is not None and s.gedaan_op <= datum}
    missing = ontbrekende_basis(LawContext.baseline(), code, gedaan, datum)
    if missing is None or str(data.get("reden_zonder", "")).strip():
        return
    pre = BUILDS_ON[code]
    raise InvalidInput(
        f"Er is op {nl_datum(datum)} nog geen {pre.noemen.split(' ', 1)[1]} vastgelegd; de stap "
        f"'{SOORT[code].naam}' bouwt daarop voort ({missing.grondslag}). Leg eerst {pre.noemen} vast, of vul bij "
        f"'{pre.reden_label}' in waarom het toch kan ({missing.zonder})."
    )


def controleer_afwijking(sched: Schedule | None, datum: dt.date, data: dict) -> None:
    """A deviation from a legal deadline must concern a step that has one and is not done on time, and an open
    step needs its new date after the legal deadline (law.afwijking.controleer says why in Dutch)."""
    a = afw.uit_gegevens(datum, data)
    steps = [s for s in sched.stappen if s.afwijking == a] if sched is not None else []
    if not steps:
        naam = STEP_BY_CODE[a.stap].naam
        raise InvalidInput(
            f"'{naam}' is op tijd gedaan of niet meer nodig: een afwijking van de termijn is niet nodig."
        )
    afw.controleer(a, steps[0].uiterlijk, steps[0].gedaan_op)


def controleer_een_traject(geval: Verzuimgeval, datum: dt.date, vervangt: Gebeurtenis | None) -> None:
    """One track-2 trajectory at a time in a case: a new start is refused while another is running (not ended,
    its start not corrected away); correcting the running one's own start is allowed."""
    lopend = (
        Traject.lopend(datum)
        .filter(geval=geval)
        .exclude(gebeurtenis__isnull=False, gebeurtenis_id=getattr(vervangt, "pk", None))
        .select_related("reintegratiebedrijf")
        .order_by("start")
        .first()
    )
    if lopend is not None:
        raise InvalidInput(
            f"Er loopt al een traject tweede spoor bij {lopend.reintegratiebedrijf.naam} (gestart op "
            f"{nl_datum(lopend.start)}). Er loopt één traject tegelijk: leg eerst het einde van dat traject vast "
            "(Einde traject tweede spoor, met de reden en de uitkomst) en start daarna het nieuwe traject."
        )


def controleer_gegevens(code: str, data: dict, datum: dt.date) -> None:
    """Input that cannot be right, refused with a Dutch message before anything is stored."""
    if code == "arbeidsdeskundig_advies":
        maatman, rvc = data.get("maatmaninkomen"), data.get("resterende_verdiencapaciteit")
        if rvc is not None and maatman is None:
            raise InvalidInput("Vul ook het maatmaninkomen in: de verdiencapaciteit wordt daarmee vergeleken.")
        if maatman is not None and rvc is not None and int(rvc) > int(maatman):
            raise InvalidInput(
                f"De resterende verdiencapaciteit ({_euro(int(rvc))}) is hoger dan het maatmaninkomen "
                f"({_euro(int(maatman))}). Dan is er geen verlies aan verdiencapaciteit; controleer de bedragen "
                "(beide in euro per maand)."
            )
    if code == "spreekuur_gepland" and str(data.get("op", "")) < datum.isoformat():
        raise InvalidInput(
            "Een spreekuur plant u op of na de dag waarop u het inplant; leg een gehouden spreekuur vast."
        )
    if code == "spreekuur" and data.get("volgend_spreekuur") and str(data["volgend_spreekuur"]) <= datum.isoformat():
        raise InvalidInput("Het volgende spreekuur ligt na dit spreekuur.")
    if code == "gedeeltelijk_herstel":
        pct = data.get("percentage_uren")
        if pct is None or not 0 < float(pct) < 100:
            raise InvalidInput(
                "Gedeeltelijk herstel is meer dan 0% en minder dan 100% van de contracturen. Werkt de werknemer "
                "weer alle contracturen, leg dan 'Hersteld' vast."
            )


@transaction.atomic
def nieuw_geval(user, werknemer: Werknemer, eerste_ziektedag: dt.date) -> Verzuimgeval:
    if not access.mag_nieuw_geval(user):
        raise access.Geweigerd("U mag geen ziekmelding doen.")
    rol = access.rol_van(user)
    allowed = (
        (werknemer.werkgever_id == rol.werkgever_id)
        if rol.rol == "werkgever"
        else (werknemer.werkgever.organisatie_id == rol.organisatie_id)
    )
    if not allowed:
        raise access.Geweigerd("Deze werknemer valt niet onder uw organisatie.")
    controleer_datum(eerste_ziektedag)
    if werknemer.uit_dienst and eerste_ziektedag > werknemer.uit_dienst:
        # after the employment ended the employer pays no wage (BW 7:629 is for an employee); the former
        # employee reports sick to UWV (Ziektewet)
        raise InvalidInput(
            f"{werknemer} is uit dienst sinds {nl_datum(werknemer.uit_dienst)}; een ziekmelding vanaf "
            f"{nl_datum(eerste_ziektedag)} hoort niet bij deze werkgever. Na het einde van het dienstverband meldt "
            "de werknemer zich ziek bij UWV (Ziektewet). Klopt de datum uit dienst niet, pas die dan eerst aan."
        )
    lopend = f"{werknemer} heeft al een lopend verzuimdossier; meld daar een nieuwe ziekteperiode."
    # the employee row is locked so that simultaneous sick reports queue; the database's unique index
    # "one open case per employee" is the last guard (a refusal, never a second case)
    Werknemer.objects.select_for_update().filter(pk=werknemer.pk).first()
    if werknemer.gevallen.filter(afgesloten_op__isnull=True).exists():
        raise InvalidInput(lopend)
    try:
        with transaction.atomic():
            # tenant keys: Verzuimgeval.save; a casemanager who reports the case owns it (beheer.behandelaar_toewijzen)
            geval = Verzuimgeval.objects.create(
                werknemer=werknemer, behandelaar=user if rol.rol == "casemanager" else None
            )
    except IntegrityError:
        raise InvalidInput(lopend) from None
    vastleggen(user, geval, "ziekmelding", eerste_ziektedag)
    return geval


def medisch_lezen(user, geval: Verzuimgeval) -> list[MedischGegeven]:
    """Medical data for the bedrijfsarts (or delegated casemanager); every read is logged."""
    if not access.mag_medisch_zien(user, geval):
        audit(user, "geweigerd_medisch", geval, detail="poging medische gegevens te lezen")
        raise access.Geweigerd("Medische gegevens zijn alleen zichtbaar voor de bedrijfsarts.")
    rows = list(geval.medische_gegevens.order_by("-vastgelegd_op"))
    audit(user, "lezen_medisch", geval, detail=f"{len(rows)} medische gegevens gelezen")
    return rows


@transaction.atomic
def medisch_vastleggen(user, geval: Verzuimgeval, soort: str, tekst: str) -> MedischGegeven:
    if not access.mag_medisch_vastleggen(user, geval):
        raise access.Geweigerd("Alleen de bedrijfsarts legt medische gegevens vast.")
    if not tekst.strip():
        raise InvalidInput("Vul de tekst in.")
    controleer_lengte("Tekst", tekst)
    row = MedischGegeven.objects.create(geval=geval, soort=soort, tekst=tekst, vastgelegd_door=user)
    audit(user, "vastleggen_medisch", geval, row, soort)
    return row


# fixed reasons: everyone reads the reason, so it must not itself describe the medical information
INTREKREDENEN = {
    "diagnose": "bevatte een diagnose of oorzaak",
    "behandeling": "bevatte een behandeling of behandelaar",
    "medisch": "bevatte andere medische informatie",
}


@transaction.atomic
def intrekken(user, geval: Verzuimgeval, gebeurtenis: Gebeurtenis, reden: str, bestand: bool = False) -> Intrekking:
    """Withdraw the free text of an entry that holds medical information by mistake, and with ``bestand`` its
    uploaded file too: from now on only the bedrijfsarts reads them. The entry and its date stay (append-only;
    the schedule does not change)."""
    if gebeurtenis.geval_id != geval.pk or not access.mag_intrekken(user, geval, gebeurtenis):
        raise access.Geweigerd("U mag deze regel niet intrekken.")
    if hasattr(gebeurtenis, "intrekking"):
        raise InvalidInput("Deze regel is al ingetrokken.")
    if reden not in INTREKREDENEN:
        raise InvalidInput("Kies de reden van het intrekken.")
    if bestand and not gebeurtenis.document:
        raise InvalidInput("Bij deze regel hoort geen bestand om in te trekken.")
    if not bestand and not heeft_vrije_tekst(gebeurtenis):
        raise InvalidInput("Deze regel heeft geen tekst; kies of u het bestand intrekt.")
    row = Intrekking.objects.create(
        gebeurtenis=gebeurtenis,
        reden=INTREKREDENEN[reden],
        ingetrokken_door=user,
        rol=access.rol_van(user).rol,
        bestand=bestand,
    )
    wat = "tekst en bestand" if bestand else "tekst"
    audit(
        user,
        "intrekken_medisch",
        geval,
        gebeurtenis,
        f"{wat} van {gebeurtenis.code} op {gebeurtenis.datum} ingetrokken",
    )
    return row


def heeft_vrije_tekst(gebeurtenis: Gebeurtenis) -> bool:
    """An explanation, a text or a one-line text field: what a withdrawal of the text hides."""
    soort = SOORT.get(gebeurtenis.code)
    velden = soort.velden if soort else ()
    return bool(gebeurtenis.toelichting) or any(
        v.soort in ("tekst", "regel") and gebeurtenis.data.get(v.naam) for v in velden
    )


def bestand_ingetrokken(gebeurtenis: Gebeurtenis) -> bool:
    intrekking = getattr(gebeurtenis, "intrekking", None)
    return intrekking is not None and intrekking.bestand


def deels_werkend(events: list[Gebeurtenis]) -> Gebeurtenis | None:
    """The partial recovery in force: the latest one recorded, unless a full recovery or new sick report followed."""
    latest = None
    for e in events:
        if e.code == "gedeeltelijk_herstel" and e.data.get("percentage_uren") is not None:
            latest = e
        elif e.code in ("herstelmelding", "ziekmelding") and latest is not None and e.datum >= latest.datum:
            latest = None
    return latest


def inkomensinvoer(
    geval: Verzuimgeval, events: list[Gebeurtenis], peildatum: dt.date | None = None
) -> ip.Invoer | None:
    """Typed law inputs for the income paths, straight from the dossier: the employee's wage, the latest
    labour-expert prognosis (a person's judgement, recorded as an event), the wachttijd as the schedule reads
    it (periods, vrijwillige verlenging, loonsanctie), a partial recovery with its share of the hours, and the
    loonstop / loonopschorting measures up to ``peildatum`` (default today) as withheld days."""
    w = geval.werknemer
    if not w.maandloon_cent or not geval.eerste_ziektedag:
        return None
    values: dict[str, Any] = {
        "eerste_ziektedag": geval.eerste_ziektedag,
        "maandloon": w.maandloon_cent,
        "uren_per_week_x100": int(Decimal(str(w.uren_per_week)) * 100),
    }
    if w.cao_percentage_jaar1 is not None and w.cao_percentage_jaar2 is not None:  # else law's statutory percentage
        values["percentage_jaar1"] = float(w.cao_percentage_jaar1)
        values["percentage_jaar2"] = float(w.cao_percentage_jaar2)
    advies = [e for e in events if e.code == "arbeidsdeskundig_advies" and e.data.get("maatmaninkomen")]
    if advies:
        a = advies[-1]
        values["beoordeling"] = ip.Beoordeling(
            int(a.data["maatmaninkomen"]),
            int(a.data.get("resterende_verdiencapaciteit") or 0),
            bool(a.data.get("duurzaam")),
            f"arbeidsdeskundig advies van {nl_datum(a.datum)} ({a.vastgelegd_door})",
        )
    periods = perioden(events)
    if len(periods) > 1:
        values["ziekteperioden"] = tuple(periods)
    current = [e for e in events if e.datum >= geval.eerste_ziektedag]
    values["vrijwillige_verlenging_weken"] = sum(
        int(e.data.get("weken") or 0) for e in current if e.code == "vrijwillige_verlenging"
    )
    sanctie = next((e for e in current if e.code == "loonsanctie"), None)
    if sanctie is not None:
        weken = sanctie.data.get("weken")
        values["loonsanctie_weken"] = (
            int(weken) if weken else LawContext.baseline().value("poortwachter.loonsanctie_max_weken", sanctie.datum)
        )
        herstel = next((e for e in current if e.code == "herstel_vastgesteld"), None)
        values["herstel_vastgesteld"] = herstel.datum if herstel else None
    # partial work during the wachttijd: the share in force, from its date (wage on the worked hours)
    deels = deels_werkend(events)
    if deels:
        values["deels_werken_vanaf"] = deels.datum
        values["gewerkt_percentage"] = float(Decimal(str(deels.data["percentage_uren"]).replace(",", ".")))
    plaatsing = [e for e in events if e.code == "plaatsing" and e.data.get("loon")]
    if plaatsing:
        values["plaatsing_datum"] = plaatsing[-1].datum
        values["plaatsing_loon"] = int(plaatsing[-1].data["loon"])
    from spoorwijzer.dossier.vragen import maatregelen
    from spoorwijzer.law import loonmaatregel

    lijst = [m for _, m in maatregelen(events)]  # loonstop / loonopschorting: withheld days (law/loonmaatregel)
    if lijst:
        values["inhoudingen"] = loonmaatregel.inhoudingen(
            LawContext.baseline(), lijst, peildatum if peildatum is not None else vandaag()
        )
    return ip.Invoer(**values)


def inkomenspad(user, geval: Verzuimgeval) -> dict[str, Any] | None:
    """Income paths for the case, stored with their receipt (whose inputs are the typed law inputs)."""
    inv = inkomensinvoer(geval, actuele_gebeurtenissen(geval))
    if inv is None:
        return None
    result = berekeningen.inkomenspad(inv)
    Berekening.objects.create(
        geval=geval, onderwerp="inkomenspad", invoer=result["bon"]["invoer"], uitkomst=result, gemaakt_door=user
    )
    return result
