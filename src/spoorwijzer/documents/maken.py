"""Producing, storing, downloading and reproducing documents; the employee's agreement or disagreement.

Access follows dossier.access (DOCUMENT_ROLLEN); every production is an event in the case's append-only log
and an audit line, every download an audit line.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import json
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction

from spoorwijzer.documents.opmaak import render_html, weasyprint
from spoorwijzer.documents.soorten import DOCUMENT_SOORT, INSTEMMING_CODES, Bron, ingetrokken_inhoud, naam_van
from spoorwijzer.dossier import access, services
from spoorwijzer.dossier.models import Gebeurtenis, GemaaktDocument, Intrekking, Verzuimgeval
from spoorwijzer.law.errors import InvalidInput


def titel(code: str, snapshot: dict[str, Any]) -> str:
    soort = DOCUMENT_SOORT[code]
    naam = soort.naam
    if code == "plan_van_aanpak" and snapshot.get("bijstelling"):
        naam = "Bijstelling plan van aanpak"
    if code == "tweede_spoor_voortgang":
        naam = f"{naam} {snapshot['nummer']}"
    datum = snapshot.get("onderwerp_datum") or snapshot["kop"]["gemaakt_op"]
    from spoorwijzer.documents.opmaak import datum as datum_nl

    concept = "CONCEPT " if snapshot.get("concept") else ""  # a re-integratieverslag made before its earliest date
    return f"{concept}{naam} — {snapshot['kop']['werknemer']} — {datum_nl(datum)}"


def _grafiek(snapshot: dict[str, Any]) -> str | None:
    """The income-path chart (the existing chart code), as an SVG data URL for the PDF."""
    if "inkomenspad" not in snapshot:
        return None
    import matplotlib

    from spoorwijzer.grafiek import inkomenspaden_svg

    # the SVG's element ids are random unless salted: a fixed salt keeps reproduction byte-identical
    with matplotlib.rc_context({"svg.hashsalt": "spoorwijzer", "svg.fonttype": "none"}):
        svg = inkomenspaden_svg(snapshot["inkomenspad"], title="Uw inkomen per maand in elk scenario (bruto)")
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def render_pdf(code: str, versie: str, snapshot: dict[str, Any], bijlagen: list[tuple[dict, bytes]] = ()) -> bytes:
    """The PDF of one snapshot with one template version; the same inputs give the same bytes."""
    wp = weasyprint()
    HTML, Attachment = wp.HTML, wp.Attachment

    soort = DOCUMENT_SOORT[code]
    html = render_html(
        soort.template(versie),
        {
            "s": snapshot,
            "k": snapshot["kop"],
            "titel": titel(code, snapshot),
            "naam": soort.naam,
            "versie": versie,
            "code": code,
            "grafiek": _grafiek(snapshot),
        },
    )
    moment = dt.datetime.fromisoformat(snapshot["kop"]["gemaakt_op"])
    attachments = [
        Attachment(
            file_obj=io.BytesIO(data),
            name=row["bestandsnaam"],
            description=row["titel"],
            created=moment,
            modified=moment,
        )
        for row, data in bijlagen
    ]
    return HTML(string=html, base_url=".").write_pdf(
        attachments=attachments,
        pdf_identifier=hashlib.sha256(json.dumps(snapshot, sort_keys=True).encode()).digest()[:16],
        custom_metadata=False,
    )


def _bijlage_bytes(geval: Verzuimgeval, snapshot: dict[str, Any]) -> list[tuple[dict, bytes]]:
    """The attachments the index lists as attached, read from what the dossier stored (checked by hash)."""
    out = []
    for row in snapshot.get("bijlagen", []):
        if not row["bijgevoegd"]:
            continue
        soort, pk = row["bron"].split(":")
        if soort == "document":
            f = GemaaktDocument.objects.get(pk=int(pk), geval=geval).bestand
        else:
            f = Gebeurtenis.objects.get(pk=int(pk), geval=geval).document
        with f.open("rb") as fh:
            data = fh.read()
        if row.get("sha256") and hashlib.sha256(data).hexdigest() != row["sha256"]:
            raise InvalidInput(f"Bijlage {row['nummer']} ({row['titel']}) is gewijzigd sinds het verslag werd gemaakt.")
        out.append((row, data))
    return out


def onderwerpen(geval: Verzuimgeval, code: str) -> list[Gebeurtenis]:
    """The events a document of this kind can be about, newest first."""
    codes = DOCUMENT_SOORT[code].onderwerp_codes
    if not codes:
        return []
    return [e for e in reversed(services.actuele_gebeurtenissen(geval)) if e.code in codes]


def maken(user, geval: Verzuimgeval, code: str, onderwerp_id: int | str | None = None) -> GemaaktDocument:
    """Produce a document: snapshot, render, store the PDF with its snapshot, log and audit it."""
    soort = DOCUMENT_SOORT.get(code)
    if soort is None:
        raise InvalidInput("Onbekende soort document.")
    if not access.mag_document_maken(user, geval, code):
        raise access.Geweigerd(f"U mag het document '{soort.naam}' niet maken in dit dossier.")
    events = services.actuele_gebeurtenissen(geval)
    onderwerp = None
    if onderwerp_id not in (None, ""):
        onderwerp = next(
            (e for e in events if str(e.pk) == str(onderwerp_id) and e.code in soort.onderwerp_codes), None
        )
        if onderwerp is None:
            raise InvalidInput("Kies een vastgelegde stap van dit dossier waarover het document gaat.")
    rol = access.rol_van(user)
    with transaction.atomic():
        bron = Bron(geval, events, user, services.vandaag())
        snapshot = soort.snapshot(bron, onderwerp)
        subject = onderwerp or _subject_from(snapshot)
        if subject is not None:
            snapshot["onderwerp_datum"] = subject.datum.isoformat()
        snapshot = json.loads(json.dumps(snapshot))  # exactly what the database will hold and give back
        if code == "re_integratieverslag":
            for row in snapshot["bijlagen"]:
                if row["bijgevoegd"] and row["sha256"] is None:
                    row["sha256"] = _sha_upload(geval, row)
        pdf = render_pdf(code, soort.template_versie, snapshot, _bijlage_bytes(geval, snapshot))
        digest = hashlib.sha256(pdf).hexdigest()
        naam = titel(code, snapshot)
        event = Gebeurtenis.objects.create(
            geval=geval,
            code="document_gemaakt",
            datum=bron.vandaag,
            data={"titel": naam},  # hash, template version and snapshot are on the GemaaktDocument it links to
            vastgelegd_door=user,
            rol=rol.rol,
        )
        doc = GemaaktDocument(
            geval=geval,
            soort=code,
            titel=naam,
            onderwerp=subject,
            template_versie=soort.template_versie,
            snapshot=snapshot,
            sha256=digest,
            grootte=len(pdf),
            gebeurtenis=event,
            gemaakt_door=user,
            rol=rol.rol,
        )
        doc.bestand.save(f"{code}-{geval.pk}-{event.pk}.pdf", ContentFile(pdf), save=False)
        doc.save()
        services.audit(user, "document_maken", geval, doc, naam)
    return doc


def _subject_from(snapshot: dict[str, Any]) -> Gebeurtenis | None:
    for key in ("probleemanalyse", "plan", "evaluatie", "oordeel", "gesprek"):
        item = snapshot.get(key)
        if isinstance(item, dict) and "id" in item:
            return Gebeurtenis.objects.get(pk=item["id"])
    return None


def _sha_upload(geval: Verzuimgeval, row: dict) -> str:
    e = Gebeurtenis.objects.get(pk=int(row["bron"].split(":")[1]), geval=geval)
    with e.document.open("rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def opnieuw_maken(doc: GemaaktDocument) -> bytes:
    """The document produced again from its stored snapshot and template version (for checking)."""
    return render_pdf(doc.soort, doc.template_versie, doc.snapshot, _bijlage_bytes(doc.geval, doc.snapshot))


class IngetrokkenTekst(InvalidInput):
    """A document holds text that was withdrawn as medical after it was made (decision 0025)."""


def zichtbare_documenten(user, geval: Verzuimgeval) -> list[GemaaktDocument]:
    """The documents this user may download, each with ``ingetrokken`` (withdrawals it still holds) and
    ``geblokkeerd`` (it is not served to this user for that reason)."""
    intrekkingen = list(Intrekking.objects.filter(gebeurtenis__geval=geval).select_related("gebeurtenis"))
    medisch = access.mag_ingetrokken_lezen(user, geval)
    out = []
    for d in geval.gemaakte_documenten.select_related("gemaakt_door").order_by("-gemaakt_op", "-pk"):
        if access.mag_document_downloaden(user, geval, d.soort):
            d.ingetrokken = ingetrokken_inhoud(d, intrekkingen) if intrekkingen else []
            d.geblokkeerd = bool(d.ingetrokken) and not medisch
            out.append(d)
    return out


def downloaden(user, geval: Verzuimgeval, document_id: int) -> GemaaktDocument:
    doc = GemaaktDocument.objects.filter(pk=document_id, geval=geval).first()
    if doc is None or not access.mag_document_downloaden(user, geval, doc.soort):
        raise access.Geweigerd("Dit document bestaat niet of u mag het niet inzien.")
    if ingetrokken_inhoud(doc) and not access.mag_ingetrokken_lezen(user, geval):
        services.audit(user, "document_geweigerd_ingetrokken", geval, doc, doc.titel)
        raise IngetrokkenTekst(
            f"'{doc.titel}' is gemaakt voordat tekst erin als medische informatie werd ingetrokken. Alleen de "
            "bedrijfsarts kan dit exemplaar nog openen. Maak het document opnieuw: het nieuwe exemplaar laat die "
            "tekst weg."
        )
    services.audit(user, "document_downloaden", geval, doc, doc.titel)
    return doc


def oordeel_geven(user, geval: Verzuimgeval, onderwerp: str, eens: str, mening: str) -> Gebeurtenis:
    """The employee agrees or disagrees with a plan van aanpak, bijstelling or evaluation (or writes their
    opinion for the re-integratieverslag); recorded as an event with time and user."""
    mening = (mening or "").strip()
    if eens not in ("eens", "oneens"):
        raise InvalidInput("Kies of u het eens of oneens bent.")
    if onderwerp != "re_integratieverslag":
        e = next((e for e in services.actuele_gebeurtenissen(geval) if str(e.pk) == str(onderwerp)), None)
        if e is None or e.code not in INSTEMMING_CODES:
            raise InvalidInput("Kies een plan van aanpak, bijstelling of evaluatie van uw dossier.")
    if eens == "oneens" and not mening:
        raise InvalidInput("Schrijf op waarom u het er niet mee eens bent; dat komt in het document.")
    if onderwerp == "re_integratieverslag" and not mening:
        raise InvalidInput("Schrijf uw oordeel over de re-integratie op; dat komt in het re-integratieverslag.")
    return services.vastleggen(
        user,
        geval,
        "oordeel_werknemer",
        services.vandaag(),
        {"onderwerp": str(onderwerp), "eens": eens, "mening": mening},
    )


def onderwerp_naam(e: Gebeurtenis) -> str:
    from spoorwijzer.documents.opmaak import datum as datum_nl
    from spoorwijzer.dossier.catalogus import SOORT

    return f"{SOORT[e.code].naam} van {datum_nl(e.datum)} ({naam_van(e.vastgelegd_door)})"
