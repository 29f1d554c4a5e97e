"""The calendar of a user's cases, from the stored deadlines (no law recomputed per request): which steps,
with which stable identity and version, and what the titles may say (the user's privacy choice).

Returns plain dicts; `spoorwijzer.ical` renders them (documents depend on the dossier, not the other way).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from spoorwijzer.dossier.models import Agendafeed, Agendaversie, Agendavoorkeur, Termijn
from spoorwijzer.law.tekst import datum, stapnaam

MEDISCHE_ACTOR = "bedrijfsarts"  # steps whose name tells that a company doctor assesses the employee
NEUTRALE_STAPNAAM = "Stap van de bedrijfsarts"


def host() -> str:
    """The host part of every UID: fixed per installation, so UIDs stay the same (not the request's host)."""
    return getattr(settings, "AGENDA_HOST", "") or settings.ALLOWED_HOSTS[0]


def voorkeur(user) -> Agendavoorkeur:
    return Agendavoorkeur.objects.filter(user=user).first() or Agendavoorkeur(user=user)


def wie(geval, pref: Agendavoorkeur) -> str:
    return geval.werknemer.naam if pref.met_naam else f"dossier {geval.pk}"


def status_van(t: Termijn) -> str:
    return "gedaan" if t.gedaan_op else "niet_nodig" if t.niet_nodig else "open"


def items(user, gevallen, case_url=None, now: dt.datetime | None = None) -> list[dict]:
    """One event per stored step of the given cases; versions bumped where the content changed."""
    pref = voorkeur(user)
    now = now or timezone.now()
    termijnen = list(
        Termijn.objects.filter(geval__in=gevallen)
        .select_related("geval__werknemer")
        .order_by("geval_id", "uiterlijk", "code", "volgnummer")
    )
    out = []
    with transaction.atomic():
        versions = {
            (v.geval_id, v.sleutel): v
            for v in Agendaversie.objects.select_for_update().filter(geval_id__in={t.geval_id for t in termijnen})
        }
        for t in termijnen:
            status = status_van(t)
            day = t.gedaan_op or t.afwijking_tot or t.uiterlijk  # a deviation's new date (deugdelijke grond)
            if day is None:
                continue
            sleutel = f"{t.code}-{t.volgnummer or 1}"
            content = [str(day), str(t.uiterlijk), str(t.voorkeur), status, t.naam, t.geval.werknemer.naam, t.grondslag]
            fingerprint = hashlib.sha256(json.dumps(content).encode()).hexdigest()
            v = versions.get((t.geval_id, sleutel))
            if v is None:
                v = Agendaversie.objects.create(
                    geval_id=t.geval_id, sleutel=sleutel, vingerafdruk=fingerprint, volgnummer=0, gewijzigd_op=now
                )
            elif v.vingerafdruk != fingerprint:
                v.vingerafdruk, v.volgnummer, v.gewijzigd_op = fingerprint, v.volgnummer + 1, now
                v.save(update_fields=["vingerafdruk", "volgnummer", "gewijzigd_op"])
            medisch = t.actor == MEDISCHE_ACTOR and not pref.met_medische_stappen
            naam = NEUTRALE_STAPNAAM if medisch else stapnaam(t.naam, t.volgnummer)
            lines = []
            if t.voorkeur and status == "open":
                lines.append(f"Voorkeursdatum: {datum(t.voorkeur)}")
            if t.uiterlijk:
                lines.append(f"Uiterste datum: {datum(t.uiterlijk)}")
            if t.afwijking_tot and not t.gedaan_op:
                lines.append(f"Nieuwe datum (afwijking met deugdelijke grond): {datum(t.afwijking_tot)}")
            if t.gedaan_op:
                lines.append(f"Gedaan op: {datum(t.gedaan_op)}")
            if not medisch:
                lines.append(f"Grondslag: {t.grondslag}")
            url = case_url(t.geval) if case_url else None
            if url:
                lines.append(f"Dossier: {url}")
            out.append(
                {
                    "uid": f"geval-{t.geval_id}-{t.code}-{t.volgnummer or 1}@{host()}",
                    "naam": naam,
                    "wie": wie(t.geval, pref),
                    "day": day,
                    "description": "\n".join(lines),
                    "status": status,
                    "sequence": v.volgnummer,
                    "last_modified": v.gewijzigd_op,
                    "url": url,
                }
            )
    return out


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def nieuwe_feed(user) -> str:
    """A new secret subscription token for the user; only its hash is stored. Returned once."""
    token = secrets.token_urlsafe(32)
    Agendafeed.objects.create(user=user, token_hash=_hash(token))
    return token


def feed_voor(token: str) -> Agendafeed | None:
    """The active feed of a token (not revoked, user still active), marked as used."""
    feed = (
        Agendafeed.objects.select_related("user")
        .filter(token_hash=_hash(token), ingetrokken_op__isnull=True, user__is_active=True)
        .first()
    )
    if feed is not None:
        Agendafeed.objects.filter(pk=feed.pk).update(laatst_gebruikt_op=timezone.now())
    return feed


def intrekken(user, feed_id: int) -> bool:
    return bool(
        Agendafeed.objects.filter(pk=feed_id, user=user, ingetrokken_op__isnull=True).update(
            ingetrokken_op=timezone.now()
        )
    )
