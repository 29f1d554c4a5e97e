"""The data subject's copy (AVG art. 15 right of access, art. 20 portability), as JSON and as PDF:

- the employee's own dossier, from their own page: their master data, every case they can see with its schedule,
  log, documents, contact moments and trajectories, and who opened it. Never medical data: text withdrawn as
  medical is left out (as on every page), the medical file is not in it;
- the medical file, which the bedrijfsarts exports for the employee (all medical entries of that employee with the
  organisation, and the withdrawn texts).

Access comes from dossier/access.py; every export is an audit row."""

from __future__ import annotations

import json
from typing import Any

from django.utils import timezone

from spoorwijzer.documents.opmaak import getal2, render_html, weasyprint
from spoorwijzer.documents.soorten import ROLNAAM, gebeurtenis, naam_van
from spoorwijzer.dossier import access, inzage, services
from spoorwijzer.dossier.catalogus import SOORT
from spoorwijzer.dossier.models import (
    AFSLUITREDENEN,
    Contactmoment,
    Gebeurtenis,
    GemaaktDocument,
    Intrekking,
    MedischGegeven,
    Verzuimgeval,
)

GRONDSLAG = "AVG art. 15 (recht op inzage) en art. 20 (recht op overdraagbaarheid)"
MEDISCH_ELDERS = (
    "Uw medische gegevens staan niet in dit overzicht: die bewaart alleen de bedrijfsarts. "
    "Vraag de bedrijfsarts om een afschrift van uw medisch dossier."
)
SOORTEN_MEDISCH = dict(MedischGegeven._meta.get_field("soort").choices)


# the JSON copy's units, in the copy itself (AVG art. 20: readable by another program and by a person)
EENHEDEN = {
    "maandloon_cent": "bruto maandloon in eurocent, een geheel getal (350000 is € 3.500,00)",
    "uren_per_week": "contracturen per week, een getal met een decimale punt (36.5)",
    "datums": "JJJJ-MM-DD",
    "tijdstippen": "JJJJ-MM-DD UU:MM, Nederlandse tijd",
}


def _tijd(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def _werknemer(w) -> dict[str, Any]:
    return {
        "naam": w.naam,
        "werkgever": w.werkgever.naam,
        "functie": w.functie,
        "personeelsnummer": w.personeelsnummer,
        "email": w.email,
        "geboortedatum": w.geboortedatum.isoformat() if w.geboortedatum else None,
        "in_dienst": w.in_dienst.isoformat() if w.in_dienst else None,
        "uit_dienst": w.uit_dienst.isoformat() if w.uit_dienst else None,
        "uren_per_week": float(w.uren_per_week) if w.uren_per_week is not None else None,
        "maandloon_cent": w.maandloon_cent,
    }


def _geval(user, g: Verzuimgeval) -> dict[str, Any]:
    events = list(
        Gebeurtenis.objects.filter(geval=g)
        .select_related("vastgelegd_door", "intrekking__ingetrokken_door")
        .order_by("datum", "vastgelegd_op", "pk")
    )
    vervangen = {e.vervangt_id for e in events if e.vervangt_id}
    logboek = []
    for e in events:
        if e.code not in SOORT:
            continue
        row = gebeurtenis(e)  # withdrawn (medical) text is left out there, as in every document
        row["vervangen_door_correctie"] = e.pk in vervangen
        logboek.append(row)
    documenten = [
        {"titel": d.titel, "gemaakt_op": _tijd(d.gemaakt_op), "door": naam_van(d.gemaakt_door), "sha256": d.sha256}
        for d in GemaaktDocument.objects.filter(geval=g).select_related("gemaakt_door").order_by("gemaakt_op", "pk")
        if access.mag_document_downloaden(user, g, d.soort)
    ]
    contact = [
        {
            "tijdstip": _tijd(c.tijdstip),
            "soort": c.get_soort_display(),
            "met": c.met,
            "samenvatting": c.samenvatting,
            "door": naam_van(c.vastgelegd_door),
            "rol": ROLNAAM.get(c.rol, c.rol),
        }
        for c in Contactmoment.objects.filter(geval=g).select_related("vastgelegd_door").order_by("tijdstip", "pk")
    ]
    return {
        "dossiernummer": g.pk,
        "werkgever": g.werkgever.naam,
        "eerste_ziektedag": g.eerste_ziektedag.isoformat() if g.eerste_ziektedag else None,
        "einde_wachttijd": g.einde_wachttijd.isoformat() if g.einde_wachttijd else None,
        "afgesloten_op": g.afgesloten_op.isoformat() if g.afgesloten_op else None,
        "afsluitreden": dict(AFSLUITREDENEN).get(g.afsluitreden, "") if g.afsluitreden else "",
        "termijnen": [
            {
                "stap": t.naam,
                "voorkeursdatum": t.voorkeur.isoformat() if t.voorkeur else None,
                "uiterlijk": t.uiterlijk.isoformat() if t.uiterlijk else None,
                "gedaan_op": t.gedaan_op.isoformat() if t.gedaan_op else None,
                "niet_nodig": t.niet_nodig,
                "grondslag": t.grondslag,
            }
            for t in g.termijnen.order_by("uiterlijk", "volgnummer", "pk")
        ],
        "logboek": logboek,
        "documenten": documenten,
        "contactmomenten": contact,
        "trajecten": [
            {
                "reintegratiebedrijf": t.reintegratiebedrijf.naam,
                "start": t.start.isoformat(),
                "einde": t.einde.isoformat() if t.einde else None,
            }
            for t in g.trajecten.select_related("reintegratiebedrijf").order_by("start", "pk")
        ],
    }


def eigen_dossier(user) -> dict[str, Any]:
    """Everything Spoorwijzer keeps about the logged-in employee, except the medical file."""
    if not access.mag_eigen_dossier_exporteren(user):
        raise access.Geweigerd("Alleen de werknemer zelf kan het eigen dossier downloaden.")
    rol = access.rol_van(user)
    gevallen = list(access.zichtbare_gevallen(user).select_related("werkgever", "werknemer__werkgever").order_by("pk"))
    werknemer = rol.werknemer
    data = {
        "soort": "Inzage in het eigen verzuimdossier",
        "grondslag": GRONDSLAG,
        "gemaakt_op": _tijd(timezone.now()),
        "werknemer": _werknemer(werknemer),
        "gevallen": [_geval(user, g) for g in gevallen],
        "ingezien_door": [
            {**r, "tijdstip": _tijd(r["tijdstip"])}
            for r in (inzage.wie_opende(user, gevallen[0], limiet=0) if gevallen else [])
        ],
        "medisch": MEDISCH_ELDERS,
        "eenheden": EENHEDEN,
    }
    # one row for the whole export; the case number of the newest case, so the privacy officer finds it
    services.audit(user, "export_dossier", gevallen[-1] if gevallen else None, werknemer, f"{len(gevallen)} dossier(s)")
    return data


def medisch_dossier(user, geval: Verzuimgeval) -> dict[str, Any]:
    """The bedrijfsarts's export of the employee's medical file with this organisation, for the employee."""
    if not access.mag_medisch_exporteren(user, geval):
        services.audit(user, "geweigerd_medisch", geval, detail="poging medisch dossier te exporteren")
        raise access.Geweigerd("Alleen de bedrijfsarts kan het medisch dossier exporteren.")
    gevallen = Verzuimgeval.objects.filter(werknemer_id=geval.werknemer_id, organisatie_id=geval.organisatie_id)
    rows = (
        MedischGegeven.objects.filter(geval__in=gevallen)
        .select_related("vastgelegd_door")
        .order_by("vastgelegd_op", "pk")
    )
    ingetrokken = (
        Intrekking.objects.filter(gebeurtenis__geval__in=gevallen)
        .select_related("gebeurtenis", "ingetrokken_door")
        .order_by("ingetrokken_op", "pk")
    )
    data = {
        "soort": "Medisch dossier (afschrift voor de werknemer)",
        "grondslag": "WGBO (BW 7:456: afschrift voor de patiënt), " + GRONDSLAG,
        "gemaakt_op": _tijd(timezone.now()),
        "gemaakt_door": naam_van(user),
        "werknemer": {"naam": geval.werknemer.naam, "werkgever": geval.werkgever.naam},
        "medische_gegevens": [
            {
                "dossiernummer": m.geval_id,
                "soort": SOORTEN_MEDISCH.get(m.soort, m.soort),
                "tekst": m.tekst,
                "vastgelegd_op": _tijd(m.vastgelegd_op),
                "door": naam_van(m.vastgelegd_door),
            }
            for m in rows
        ],
        "ingetrokken_teksten": [
            {
                "dossiernummer": i.gebeurtenis.geval_id,
                "gebeurtenis": SOORT[i.gebeurtenis.code].naam if i.gebeurtenis.code in SOORT else i.gebeurtenis.code,
                "datum": i.gebeurtenis.datum.isoformat(),
                "toelichting": "\n".join(
                    [i.gebeurtenis.toelichting]
                    + [
                        str(i.gebeurtenis.data.get(v.naam))
                        for v in (SOORT[i.gebeurtenis.code].velden if i.gebeurtenis.code in SOORT else [])
                        if v.soort in ("tekst", "regel") and i.gebeurtenis.data.get(v.naam)
                    ]
                ).strip(),
                "reden": i.reden,
                "ingetrokken_door": naam_van(i.ingetrokken_door),
            }
            for i in ingetrokken
        ],
    }
    services.audit(
        user, "export_medisch", geval, geval.werknemer, f"{len(data['medische_gegevens'])} medische gegevens"
    )
    return data


def als_json(data: dict[str, Any]) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode()


def als_pdf(data: dict[str, Any], template: str) -> bytes:
    HTML = weasyprint().HTML
    if isinstance(data.get("werknemer", {}).get("uren_per_week"), float):  # the PDF shows it the Dutch way
        uren = getal2(data["werknemer"]["uren_per_week"])
        data = {**data, "werknemer": {**data["werknemer"], "uren_per_week": uren}}
    html = render_html(template, {"d": data, "rolnaam": ROLNAAM})
    return HTML(string=html, base_url=".").write_pdf()
