"""The kinds of document and how each one's snapshot is taken from the dossier.

A snapshot is plain JSON holding every text, date and amount a document shows, already in the words the reader
sees (Dutch labels, not codes), so rendering needs nothing but the snapshot and its template. A snapshot never
holds medical data: it is built from the event log only (never from MedischGegeven), and the bedrijfsarts'
events hold functional possibilities and limitations, not a diagnosis.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from spoorwijzer.dossier import services
from spoorwijzer.dossier.catalogus import SOORT, toonlabel
from spoorwijzer.dossier.models import Gebeurtenis, GemaaktDocument, Intrekking, Rolnaam, Verzuimgeval
from spoorwijzer.law.errors import InvalidInput
from spoorwijzer.law.poortwachter import STATUS_NAAM

ROLNAAM = dict(Rolnaam.choices)
# what the employee can agree or disagree with (and the document that shows it)
INSTEMMING_CODES = ("plan_van_aanpak", "evaluatie", "eerstejaarsevaluatie", "eindevaluatie")
TWEEDE_SPOOR_ACTIVITEIT = ("sollicitatie", "netwerkcontact", "interventie", "plaatsing", "voortgangsgesprek", "nazorg")


class Ontbreekt(InvalidInput):
    """The dossier lacks what the document is about; the message says what to record first (Dutch)."""


@dataclass(frozen=True)
class Bron:
    """What a snapshot is taken from: the case as it stands, the user who asks, and the day."""

    geval: Verzuimgeval
    events: list[Gebeurtenis]
    user: Any
    vandaag: dt.date


@dataclass(frozen=True)
class DocumentSoort:
    code: str
    naam: str
    template_versie: str
    # the events a document of this kind can be about (empty: about the whole dossier)
    onderwerp_codes: tuple[str, ...]
    snapshot: Callable[[Bron, Gebeurtenis | None], dict[str, Any]]
    uitleg: str
    # whether the re-integratieverslag attaches it (a letter to the employee is correspondence, not a RIV part)
    in_verslag: bool = True
    # offered only about the events this accepts (None: every event of onderwerp_codes, and also without one)
    past_bij: Callable[[Gebeurtenis], bool] | None = None

    def onderwerpen(self, events: list[Gebeurtenis]) -> list[Gebeurtenis]:
        return [e for e in events if e.code in self.onderwerp_codes and (self.past_bij is None or self.past_bij(e))]

    def template(self, versie: str | None = None) -> str:
        return f"documenten/{self.code}.v{versie or self.template_versie}.html"


# --- pieces shared by the snapshots ---------------------------------------------------------------


def naam_van(user) -> str:
    return (user.get_full_name() or user.username) if user is not None else ""


def _waarde(veld, value) -> str:
    if veld.soort == "keuze":
        if veld.naam == "reintegratiebedrijf":
            from spoorwijzer.dossier.models import Reintegratiebedrijf

            rb = Reintegratiebedrijf.objects.filter(pk=value).first()
            return rb.naam if rb else str(value)
        return dict(veld.keuzes).get(value, str(value))
    if veld.soort == "bedrag":
        from spoorwijzer.law.money import euro

        return euro(value)
    if veld.soort == "bool":
        return "ja" if value else "nee"
    if veld.soort == "getal":
        return str(value).replace(".", ",")
    if veld.soort == "datum":
        from spoorwijzer.law.tekst import datum

        return datum(value)
    return str(value)


def gebeurtenis(e: Gebeurtenis) -> dict[str, Any]:
    """One event as the documents show it: its Dutch name, date, fields with their labels, who recorded it."""
    soort = SOORT.get(e.code)
    velden = []
    ingetrokken = getattr(e, "intrekking", None)
    if ingetrokken is not None:
        # text withdrawn as medical: only the bedrijfsarts may read it, so no document shows it
        return {
            **_kern(e, soort),
            "velden": [],
            "toelichting": "",
            "ingetrokken": {
                "reden": ingetrokken.reden,
                "door": naam_van(ingetrokken.ingetrokken_door),
                "op": _tijd(ingetrokken.ingetrokken_op),
            },
        }
    if soort is not None:
        for veld in soort.velden:
            if e.data.get(veld.naam) not in (None, ""):
                velden.append({"naam": veld.naam, "label": toonlabel(veld), "waarde": _waarde(veld, e.data[veld.naam])})
    return {**_kern(e, soort), "velden": velden, "toelichting": e.toelichting, "ingetrokken": None}


def _kern(e: Gebeurtenis, soort) -> dict[str, Any]:
    return {
        "id": e.pk,
        "code": e.code,
        "naam": soort.naam if soort else e.code,
        "datum": e.datum.isoformat(),
        "door": naam_van(e.vastgelegd_door),
        "rol": ROLNAAM.get(e.rol, e.rol),
        "vastgelegd_op": _tijd(e.vastgelegd_op),
        "correctie": e.vervangt_id is not None,
        "heeft_bestand": bool(e.document),
    }


def _tijd(moment: dt.datetime | None) -> str:
    from django.utils import timezone

    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def _van(bron: Bron, *codes: str) -> list[Gebeurtenis]:
    return [e for e in bron.events if e.code in codes]


def _laatste(bron: Bron, code: str) -> Gebeurtenis | None:
    found = _van(bron, code)
    return found[-1] if found else None


def oordelen(bron: Bron, onderwerp: str) -> list[dict[str, Any]]:
    """The employee's recorded views on one subject (an event id, or 're_integratieverslag'), oldest first."""
    out = []
    for e in _van(bron, "oordeel_werknemer"):
        if str(e.data.get("onderwerp")) == str(onderwerp):
            ingetrokken = getattr(e, "intrekking", None)
            out.append(
                {
                    "eens": e.data.get("eens") == "eens",
                    "mening": "" if ingetrokken else e.data.get("mening", ""),
                    "ingetrokken": ingetrokken.reden if ingetrokken else "",
                    "datum": e.datum.isoformat(),
                    "door": naam_van(e.vastgelegd_door),
                    "vastgelegd_op": _tijd(e.vastgelegd_op),
                }
            )
    return out


def kop(bron: Bron) -> dict[str, Any]:
    """The header every document carries: employer, employee, case, and who made it when."""
    g, w = bron.geval, bron.geval.werknemer
    rol = getattr(getattr(bron.user, "rol", None), "rol", "")
    return {
        "werkgever": g.werkgever.naam,
        "organisatie": g.organisatie.naam,
        "werknemer": w.naam,
        "functie": w.functie,
        "uren_per_week": f"{Decimal(str(w.uren_per_week)).normalize():f}".replace(".", ","),
        "dossiernummer": g.pk,
        "eerste_ziektedag": g.eerste_ziektedag.isoformat() if g.eerste_ziektedag else None,
        "einde_wachttijd": g.einde_wachttijd.isoformat() if g.einde_wachttijd else None,
        "gemaakt_op": bron.vandaag.isoformat(),
        "gemaakt_door": naam_van(bron.user),
        "gemaakt_rol": ROLNAAM.get(rol, rol),
    }


def stappen(bron: Bron) -> list[dict[str, Any]]:
    """law's schedule for the case (never recomputed here), with the Dutch status name."""
    sched = services.tijdlijn(bron.geval, bron.vandaag, bron.events)
    if sched is None:
        return []
    return [{**s.as_dict(), "status_nl": STATUS_NAAM[s.status]} for s in sched.compact_steps()]


def _stap(bron: Bron, code: str) -> dict[str, Any] | None:
    return next((s for s in stappen(bron) if s["code"] == code), None)


def _vereist(onderwerp: Gebeurtenis | None, bron: Bron, code: str, wat: str) -> Gebeurtenis:
    e = onderwerp or _laatste(bron, code)
    if e is None or e.code != code:
        raise Ontbreekt(f"Er is nog geen {wat} vastgelegd in dit dossier; leg die eerst vast.")
    return e


# --- the snapshots ----------------------------------------------------------------------------------


def snap_probleemanalyse(bron: Bron, onderwerp: Gebeurtenis | None) -> dict[str, Any]:
    pa = _vereist(onderwerp, bron, "probleemanalyse", "probleemanalyse")
    fml = [gebeurtenis(e) for e in _van(bron, "belastbaarheid") if e.datum <= bron.vandaag]
    return {
        "kop": kop(bron),
        "probleemanalyse": gebeurtenis(pa),
        "belastbaarheid": fml[-1] if fml else None,
        "termijn": _stap(bron, "probleemanalyse"),
    }


def snap_plan_van_aanpak(bron: Bron, onderwerp: Gebeurtenis | None) -> dict[str, Any]:
    plan = _vereist(onderwerp, bron, "plan_van_aanpak", "plan van aanpak")
    plannen = _van(bron, "plan_van_aanpak")
    eerste = plannen[0] if plannen else plan
    bijstelling = plan.pk != eerste.pk or plan.vervangt_id is not None
    nummer = next((i for i, p in enumerate(plannen) if p.pk == plan.pk), 0)
    pa = _laatste(bron, "probleemanalyse")
    evaluaties = [
        {**gebeurtenis(e), "oordelen": oordelen(bron, e.pk)}
        for e in _van(bron, "evaluatie")
        if e.datum >= plan.datum and (nummer + 1 >= len(plannen) or e.datum < plannen[nummer + 1].datum)
    ]
    return {
        "kop": kop(bron),
        "plan": gebeurtenis(plan),
        "bijstelling": bijstelling,
        "bijstelling_nummer": nummer,
        "eerste_plan_datum": eerste.datum.isoformat(),
        "probleemanalyse_datum": pa.datum.isoformat() if pa else None,
        "oordelen": oordelen(bron, plan.pk),
        "evaluaties": evaluaties,
        "termijn": _stap(bron, "plan_van_aanpak") if not bijstelling else None,
    }


def snap_eerstejaarsevaluatie(bron: Bron, onderwerp: Gebeurtenis | None) -> dict[str, Any]:
    eje = _vereist(onderwerp, bron, "eerstejaarsevaluatie", "eerstejaarsevaluatie")
    advies = _laatste(bron, "arbeidsdeskundig_advies")
    return {
        "kop": kop(bron),
        "evaluatie": gebeurtenis(eje),
        "termijn": _stap(bron, "eerstejaarsevaluatie"),
        "advies": gebeurtenis(advies) if advies else None,
        "routekeuzes": [gebeurtenis(e) for e in _van(bron, "routekeuze")],
        "uitzonderingen": [gebeurtenis(e) for e in _van(bron, "tweede_spoor_uitzondering")],
        "start_tweede_spoor": gebeurtenis(_laatste(bron, "start_tweede_spoor"))
        if _laatste(bron, "start_tweede_spoor")
        else None,
        "oordelen": oordelen(bron, eje.pk),
    }


def snap_actueel_oordeel(bron: Bron, onderwerp: Gebeurtenis | None) -> dict[str, Any]:
    ao = _vereist(onderwerp, bron, "actueel_oordeel", "actueel oordeel van de bedrijfsarts")
    fml = _laatste(bron, "belastbaarheid")
    return {
        "kop": kop(bron),
        "oordeel": gebeurtenis(ao),
        "belastbaarheid": gebeurtenis(fml) if fml else None,
        "termijn": _stap(bron, "actueel_oordeel"),
    }


def _traject(bron: Bron) -> dict[str, Any] | None:
    t = bron.geval.trajecten.select_related("reintegratiebedrijf").order_by("-start").first()
    if t is None:
        start = _laatste(bron, "start_tweede_spoor")
        return {"bedrijf": "", "start": start.datum.isoformat(), "einde": None} if start else None
    return {
        "bedrijf": t.reintegratiebedrijf.naam,
        "start": t.start.isoformat(),
        "einde": t.einde.isoformat() if t.einde else None,
    }


def _per_maand(events: list[Gebeurtenis]) -> list[dict[str, Any]]:
    """Applications and network contacts per calendar month (months without any are shown as 0)."""
    if not events:
        return []
    count = Counter((e.datum.strftime("%Y-%m"), e.code) for e in events)
    first, last = min(e.datum for e in events), max(e.datum for e in events)
    months, y, m = [], first.year, first.month
    while (y, m) <= (last.year, last.month):
        key = f"{y:04d}-{m:02d}"
        months.append(
            {"maand": key, "sollicitaties": count[(key, "sollicitatie")], "contacten": count[(key, "netwerkcontact")]}
        )
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return months


def _tweede_spoor_basis(bron: Bron) -> dict[str, Any]:
    traject = _traject(bron)
    if traject is None:
        raise Ontbreekt("Er is nog geen tweede spoor gestart in dit dossier; leg eerst de start vast.")
    return {"kop": kop(bron), "traject": traject}


def snap_tweede_spoor_intake(bron: Bron, onderwerp: Gebeurtenis | None) -> dict[str, Any]:
    snap = _tweede_spoor_basis(bron)
    for code in ("persoonsprofiel", "zoekprofiel", "re_integratieplan"):
        e = _laatste(bron, code)
        snap[code] = gebeurtenis(e) if e else None
    if not any(snap[c] for c in ("persoonsprofiel", "zoekprofiel", "re_integratieplan")):
        raise Ontbreekt("Voor het intakeverslag is een persoonsprofiel, zoekprofiel of re-integratieplan nodig.")
    advies = _laatste(bron, "arbeidsdeskundig_advies")
    fml = _laatste(bron, "belastbaarheid")
    snap["advies"] = gebeurtenis(advies) if advies else None
    snap["belastbaarheid"] = gebeurtenis(fml) if fml else None
    return snap


def snap_tweede_spoor_voortgang(bron: Bron, onderwerp: Gebeurtenis | None) -> dict[str, Any]:
    snap = _tweede_spoor_basis(bron)
    gesprek = _vereist(onderwerp, bron, "voortgangsgesprek", "voortgangsgesprek")
    eerdere = [e for e in _van(bron, "voortgangsgesprek") if e.datum < gesprek.datum]
    # the period since the previous report (the day after it), or since the trajectory's start
    vanaf = eerdere[-1].datum + dt.timedelta(days=1) if eerdere else dt.date.fromisoformat(snap["traject"]["start"])
    activiteit = [
        e
        for e in _van(bron, *TWEEDE_SPOOR_ACTIVITEIT)
        if vanaf <= e.datum <= gesprek.datum and e.code != "voortgangsgesprek"
    ]
    zoek = [e for e in activiteit if e.code in ("sollicitatie", "netwerkcontact")]
    snap.update(
        {
            "gesprek": gebeurtenis(gesprek),
            "periode_van": vanaf.isoformat(),
            "periode_tot": gesprek.datum.isoformat(),
            "activiteiten": [gebeurtenis(e) for e in activiteit],
            "per_maand": _per_maand(zoek),
            "aantal_sollicitaties": sum(1 for e in zoek if e.code == "sollicitatie"),
            "aantal_contacten": sum(1 for e in zoek if e.code == "netwerkcontact"),
            "nummer": len(eerdere) + 1,
        }
    )
    return snap


def snap_tweede_spoor_eind(bron: Bron, onderwerp: Gebeurtenis | None) -> dict[str, Any]:
    snap = _tweede_spoor_basis(bron)
    start = dt.date.fromisoformat(snap["traject"]["start"])
    activiteit = [e for e in _van(bron, *TWEEDE_SPOOR_ACTIVITEIT) if e.datum >= start]
    zoek = [e for e in activiteit if e.code in ("sollicitatie", "netwerkcontact")]
    plaatsing = _laatste(bron, "plaatsing")
    snap.update(
        {
            "profielen": [gebeurtenis(e) for e in _van(bron, "persoonsprofiel", "zoekprofiel", "re_integratieplan")],
            "activiteiten": [gebeurtenis(e) for e in activiteit],
            "per_maand": _per_maand(zoek),
            "aantal_sollicitaties": sum(1 for e in zoek if e.code == "sollicitatie"),
            "aantal_contacten": sum(1 for e in zoek if e.code == "netwerkcontact"),
            "plaatsing": gebeurtenis(plaatsing) if plaatsing else None,
            "uitkomst": ("Geplaatst bij een andere werkgever" if plaatsing else "Geen plaatsing (nog) bereikt"),
        }
    )
    return snap


def snap_financiele_informatie(bron: Bron, onderwerp: Gebeurtenis | None) -> dict[str, Any]:
    plan = _vereist(onderwerp, bron, "plan_van_aanpak", "plan van aanpak")
    # the existing income-path calculation (law through berekeningen), stored with its receipt like the web page's
    uitkomst = services.inkomenspad(bron.user, bron.geval)
    if uitkomst is None:
        raise Ontbreekt("Het maandloon van de werknemer ontbreekt; vul dat eerst in om de inkomenspaden te berekenen.")
    besproken = _laatste(bron, "financiele_informatie")
    advies = [e for e in _van(bron, "arbeidsdeskundig_advies") if e.data.get("maatmaninkomen")]
    return {
        "advies": gebeurtenis(advies[-1]) if advies else None,
        "kop": kop(bron),
        "plan": gebeurtenis(plan),
        "besproken": gebeurtenis(besproken) if besproken else None,
        "maandloon_cent": bron.geval.werknemer.maandloon_cent,
        "inkomenspad": uitkomst,
    }


def snap_brief_werknemer(bron: Bron, onderwerp: Gebeurtenis | None) -> dict[str, Any]:
    """A letter to the employee in plain Dutch (B1): where they stand, what happens when, what they do themselves,
    what it means for their money, and where to go with a question. Dates come from law's schedule, amounts from
    the income paths; the words for steps and scenarios from nl (the same as on the employee's own page)."""
    from spoorwijzer import nl

    g = bron.geval
    sched = services.tijdlijn(g, bron.vandaag, bron.events)
    if sched is None:
        raise Ontbreekt("Dit dossier heeft nog geen ziekteperiode.")
    komend, gezien = [], set()
    for s in sched.stappen:
        if s.code in nl.STAP_VOOR_WERKNEMER and s.status not in ("gedaan", "niet_nodig") and s.code not in gezien:
            gezien.add(s.code)  # of the recurring evaluations only the next one
            wat = nl.STAP_VOOR_WERKNEMER[s.code]
            wat += "" if wat.endswith("?") else "."  # a sentence each
            komend.append({"wat": wat, "uiterlijk": s.uiterlijk and s.uiterlijk.isoformat()})
    komend = sorted(komend, key=lambda k: k["uiterlijk"] or "9999")[:5]
    wia = next((s for s in sched.stappen if s.code == "wia_aanvraag"), None)
    traject = _traject(bron)
    geld = None
    uitkomst = services.inkomenspad(bron.user, g) if g.werknemer.maandloon_cent else None
    if uitkomst is not None:
        eerste = uitkomst["scenarios"][0]["fasen"]
        doorbetaling = [f for f in eerste if f["soort"] == "loondoorbetaling"]
        na = []
        for sc in uitkomst["scenarios"]:
            if sc["code"] not in nl.SCENARIO_VOOR_WERKNEMER:
                continue
            later = [f for f in sc["fasen"] if f["van"] >= uitkomst["wia_start"]]
            if later:
                na.append(
                    {
                        "wat": nl.SCENARIO_VOOR_WERKNEMER[sc["code"]],
                        "eerst_cent": later[0]["per_maand_cent"],
                        "later_cent": later[-1]["per_maand_cent"] if len(later) > 1 else None,
                    }
                )
        geld = {
            "jaren": [{"van": f["van"], "per_maand_cent": f["per_maand_cent"]} for f in doorbetaling],
            "wia_start": uitkomst["wia_start"],
            "na": na,
        }
    contact = g.behandelaar or bron.user
    return {
        "kop": kop(bron),
        "aanhef": g.werknemer.naam,
        "week": sched.wachttijd.sick_week(bron.vandaag),
        "komend": komend,
        "wia_aanvraag_uiterlijk": wia.uiterlijk.isoformat() if wia and wia.uiterlijk else None,
        "traject": traject if traject and not traject["einde"] else None,
        "geld": geld,
        "contact": {"naam": naam_van(contact), "email": getattr(contact, "email", "")},
    }


def snap_re_integratieverslag(bron: Bron, onderwerp: Gebeurtenis | None) -> dict[str, Any]:
    if bron.geval.eerste_ziektedag is None:
        raise Ontbreekt("Dit dossier heeft nog geen ziekteperiode.")

    def alle(*codes):
        return [gebeurtenis(e) for e in _van(bron, *codes)]

    def met_oordeel(*codes):
        return [{**gebeurtenis(e), "oordelen": oordelen(bron, e.pk)} for e in _van(bron, *codes)]

    onderdelen = [
        ("probleemanalyse", "Probleemanalyse"),
        ("plan_van_aanpak", "Plan van aanpak"),
        ("eerstejaarsevaluatie", "Eerstejaarsevaluatie"),
        ("actueel_oordeel", "Actueel oordeel bedrijfsarts"),
        ("eindevaluatie", "Eindevaluatie"),
    ]
    aanwezig = {e.code for e in bron.events}
    traject = _traject(bron)
    zoek = [e for e in _van(bron, "sollicitatie", "netwerkcontact")]
    riv_stap = _laatste(bron, "re_integratieverslag")
    vroegst = services.vroegste(bron.geval, "re_integratieverslag", bron.events)
    concept = None
    if vroegst is not None and bron.vandaag < vroegst.datum:  # made before it can be final: marked CONCEPT
        concept = {"vroegst": vroegst.datum.isoformat(), "week": vroegst.week, "grondslag": vroegst.grondslag}
    return {
        "concept": concept,
        "kop": kop(bron),
        "stappen": stappen(bron),
        "compleet": [{"naam": naam, "aanwezig": code in aanwezig} for code, naam in onderdelen],
        "perioden": alle("ziekmelding", "herstelmelding", "gedeeltelijk_herstel"),
        "probleemanalyses": alle("probleemanalyse"),
        "belastbaarheid": alle("belastbaarheid"),
        "plannen": met_oordeel("plan_van_aanpak"),
        "evaluaties": met_oordeel("evaluatie"),
        "melding_uwv": alle("melding_uwv"),
        "advies": alle("arbeidsdeskundig_advies"),
        "eerstejaarsevaluatie": met_oordeel("eerstejaarsevaluatie"),
        "keuzes": alle("routekeuze", "tweede_spoor_uitzondering", "afwijking_voorkeur", "geschil"),
        "traject": traject,
        "tweede_spoor": alle(*TWEEDE_SPOOR_ACTIVITEIT, "persoonsprofiel", "zoekprofiel", "re_integratieplan"),
        "per_maand": _per_maand(zoek),
        "actueel_oordeel": alle("actueel_oordeel"),
        "eindevaluatie": met_oordeel("eindevaluatie"),
        "oordeel_werknemer": oordelen(bron, "re_integratieverslag"),
        "oordeel_werknemer_stap": (
            riv_stap.data.get("oordeel_werknemer") if riv_stap and not hasattr(riv_stap, "intrekking") else ""
        )
        or "",
        "bijlagen": bijlagen(bron),
        "max_bijlage": MAX_BIJLAGE_BYTES,
    }


def _vrije_teksten(e: Gebeurtenis) -> list[str]:
    """The free texts of an event as a document would quote them (its explanation and its text fields);
    codes, numbers and dates are not free text."""
    texts = [e.toelichting, *(v for v in (e.data or {}).values() if isinstance(v, str))]
    return [t.strip() for t in texts if t and len(t.strip()) >= 8 and " " in t.strip()]


def ingetrokken_inhoud(doc: GemaaktDocument, intrekkingen: list[Intrekking] | None = None) -> list[Intrekking]:
    """The withdrawals made after ``doc`` whose text ``doc`` still holds (in its own snapshot, or for the
    re-integratieverslag in a document it embeds). Such a document must not be served to anyone but the
    bedrijfsarts: it would keep serving medical text that the dossier no longer shows."""
    if intrekkingen is None:
        intrekkingen = list(Intrekking.objects.filter(gebeurtenis__geval_id=doc.geval_id).select_related("gebeurtenis"))
    later = [i for i in intrekkingen if i.ingetrokken_op > doc.gemaakt_op]
    if not later:
        return []
    dump = json.dumps(doc.snapshot, ensure_ascii=False)
    found = [i for i in later if any(t in dump for t in _vrije_teksten(i.gebeurtenis))]
    rows = [r for r in doc.snapshot.get("bijlagen", []) if r.get("bijgevoegd")]
    # an uploaded file it sent along or named and that was withdrawn later (decision 0025, addendum)
    meegestuurd = {r["bron"] for r in doc.snapshot.get("bijlagen", [])}
    found += [i for i in later if i.bestand and f"upload:{i.gebeurtenis_id}" in meegestuurd and i not in found]
    embedded = [int(r["bron"].split(":")[1]) for r in rows if r["bron"].startswith("document:")]
    for d in GemaaktDocument.objects.filter(pk__in=embedded, geval_id=doc.geval_id):
        found += [i for i in ingetrokken_inhoud(d, intrekkingen) if i not in found]
    return found


# Each attachment of the re-integratieverslag is at most 10 MB (the limit the product sets for what it sends
# along, in line with UWV's upload of the verslag's documents; a technical limit, not a rule of law).
MAX_BIJLAGE_BYTES = 10 * 1024 * 1024


def bijlagen(bron: Bron) -> list[dict[str, Any]]:
    """The index of the verslag's attachments: the latest produced document of each kind (and subject), then
    every uploaded document of the dossier. Files over the limit are listed and flagged, not attached."""
    rows: list[dict[str, Any]] = []
    latest: dict[tuple[str, int | None], GemaaktDocument] = {}
    buiten = ["re_integratieverslag", *(s.code for s in SOORTEN if not s.in_verslag)]
    for d in bron.geval.gemaakte_documenten.exclude(soort__in=buiten).order_by("gemaakt_op", "pk"):
        latest[(d.soort, d.onderwerp_id)] = d
    intrekkingen = list(Intrekking.objects.filter(gebeurtenis__geval=bron.geval).select_related("gebeurtenis"))
    for d in sorted(latest.values(), key=lambda d: (d.snapshot["kop"]["gemaakt_op"], d.pk)):
        rows.append(
            {
                # made before text in it was withdrawn as medical: listed, never sent along (decision 0025)
                "ingetrokken": bool(intrekkingen and ingetrokken_inhoud(d, intrekkingen)),
                "bron": f"document:{d.pk}",
                "titel": d.titel,
                "datum": d.snapshot["kop"]["gemaakt_op"],
                "herkomst": f"gemaakt door {d.snapshot['kop']['gemaakt_door']}",
                "bestandsnaam": f"{d.soort.replace('_', '-')}-{d.pk}.pdf",
                "grootte": d.grootte,
                "sha256": d.sha256,
            }
        )
    for e in bron.events:
        if not e.document:
            continue
        try:
            size = e.document.size
        except OSError:
            size = None
        titel = (None if hasattr(e, "intrekking") else e.data.get("titel")) or (
            SOORT[e.code].naam if e.code in SOORT else e.code
        )
        intrekking = getattr(e, "intrekking", None)
        bestand_weg = intrekking is not None and intrekking.bestand
        rows.append(
            {
                # a file withdrawn as medical: listed, never sent along, and its name (which can itself be
                # medical, "ontslagbrief_ziekenhuis.pdf") left out too
                "bestand_ingetrokken": bestand_weg,
                "bron": f"upload:{e.pk}",
                "titel": titel,
                "datum": e.datum.isoformat(),
                "herkomst": f"toegevoegd door {naam_van(e.vastgelegd_door)} ({ROLNAAM.get(e.rol, e.rol)})",
                "bestandsnaam": "" if bestand_weg else e.document.name.rsplit("/", 1)[-1],
                "grootte": size,
                "sha256": None,
            }
        )
    for i, row in enumerate(rows, start=1):
        row["nummer"] = i
        row["bestandsnaam"] = (
            "bestand ingetrokken" if row.get("bestand_ingetrokken") else f"bijlage-{i:02d}-{row['bestandsnaam']}"
        )
        row["bijgevoegd"] = (
            row["grootte"] is not None
            and row["grootte"] <= MAX_BIJLAGE_BYTES
            and not row.get("ingetrokken")
            and not row.get("bestand_ingetrokken")
        )
        row["reden"] = (
            ""
            if row["bijgevoegd"]
            else "ingetrokken als medische informatie; alleen de bedrijfsarts kan dit bestand openen"
            if row.get("bestand_ingetrokken")
            else "bevat tekst die later als medische informatie is ingetrokken; maak dit document opnieuw"
            if row.get("ingetrokken")
            else "bestand niet gevonden"
            if row["grootte"] is None
            else "te groot: ten hoogste 10 MB per bijlage; lever dit stuk apart aan, verkleind of in delen"
        )
    return rows


def snap_aanvraag_deskundigenoordeel(bron: Bron, onderwerp: Gebeurtenis | None) -> dict[str, Any]:
    """The facts UWV asks for with a request for a deskundigenoordeel, prefilled from the dossier: the question,
    the request, fee and expected term (law/geschillen), and the dossier's documents with their dates."""
    from spoorwijzer.dossier import vragen
    from spoorwijzer.law import geschillen, loonmaatregel
    from spoorwijzer.law.context import LawContext

    route = onderwerp or next(
        (e for e in reversed(_van(bron, "vraag_route")) if e.data.get("route") == "deskundigenoordeel"), None
    )
    if route is None or route.code != "vraag_route" or route.data.get("route") != "deskundigenoordeel":
        raise Ontbreekt(
            "Er is nog geen aanvraag voor een deskundigenoordeel vastgelegd bij een vraag; kies eerst die route."
        )
    vraag = next((e for e in _van(bron, "vraag") if str(e.pk) == str(route.data.get("vraag"))), None)
    aanvrager = str(route.data.get("aanvrager"))
    vw = geschillen.voorwaarden(LawContext.baseline(), "deskundigenoordeel", aanvrager, route.datum)
    lopend = vragen.lopende_maatregel(bron.events)
    stukken = []
    for code in ("probleemanalyse", "plan_van_aanpak", "evaluatie", "belastbaarheid", "arbeidsdeskundig_advies"):
        for e in _van(bron, code):
            stukken.append(
                {"naam": SOORT[code].naam, "datum": e.datum.isoformat(), "door": naam_van(e.vastgelegd_door)}
            )
    return {
        "kop": kop(bron),
        "aanvrager": aanvrager,
        "vraag": gebeurtenis(vraag) if vraag else None,
        "onderwerp": geschillen.ONDERWERPEN.get(str(vraag.data.get("onderwerp")), "") if vraag else "",
        "route": gebeurtenis(route),
        "kosten_cent": vw.kosten_cent,
        "verwacht_op": vw.verwacht_op.isoformat() if vw.verwacht_op else None,
        "termijn_weken": vw.termijn_weken,
        "bron": vw.bron,
        "bron_url": vw.url,
        "nodig": list(geschillen.ROUTE["deskundigenoordeel"].nodig),
        "stukken": stukken,
        "maatregel": (
            {
                "soort": loonmaatregel.SOORT_NAAM[lopend.soort],
                "grond": f"{loonmaatregel.GROND[lopend.grond].naam} ({loonmaatregel.GROND[lopend.grond].grondslag})",
                "van": lopend.van.isoformat(),
                "mededeling_op": lopend.mededeling_op.isoformat() if lopend.mededeling_op else None,
            }
            if lopend
            else None
        ),
    }


def snap_no_risk_informatie(bron: Bron, onderwerp: Gebeurtenis | None) -> dict[str, Any]:
    """For the new employer: whether the no-riskpolis applies (law/nazorg), until when, what it covers and how to
    claim it. Only the group and dates: never the employee's medical data."""
    from spoorwijzer.dossier import nazorg

    e = _vereist(onderwerp, bron, "no_risk_gegevens", "no-riskgegevens")
    n = nazorg.nazorg(bron.geval, bron.events, bron.vandaag)
    if n is None or n.no_risk is None or n.anker.soort != "plaatsing":
        raise Ontbreekt("Er is geen plaatsing bij een andere werkgever met no-riskgegevens; leg die eerst vast.")
    r = n.no_risk
    return {
        "kop": kop(bron),
        "nieuwe_werkgever": n.anker.werkgever,
        "gegevens": gebeurtenis(e),
        "van_toepassing": r.van_toepassing,
        "geldig_tot": r.geldig_tot.isoformat() if r.geldig_tot else None,
        "uitleg": r.uitleg,
        "ziekengeld_percentage": r.ziekengeld_percentage,
        "ziekengeld_weken": r.ziekengeld_weken,
        "ziekmelding_binnen_weken": r.ziekmelding_binnen_weken,
        "grondslag": r.grondslag,
        "url": r.url,
    }


SOORTEN: tuple[DocumentSoort, ...] = (
    DocumentSoort(
        "probleemanalyse",
        "Probleemanalyse en advies",
        "2",  # v2: footer in words (review, session 5)
        ("probleemanalyse",),
        snap_probleemanalyse,
        "Het advies van de bedrijfsarts over mogelijkheden, beperkingen en verwachte duur (zonder diagnose).",
    ),
    DocumentSoort(
        "plan_van_aanpak",
        "Plan van aanpak",
        "2",  # v2: footer in words (review, session 5)
        ("plan_van_aanpak",),
        snap_plan_van_aanpak,
        "Het plan van aanpak of een bijstelling, met de evaluaties en de mening van de werknemer.",
    ),
    DocumentSoort(
        "financiele_informatie",
        "Financiële informatie voor de werknemer",
        "2",  # v2: footer in words (review, session 5)
        ("plan_van_aanpak",),
        snap_financiele_informatie,
        "Wat de ziekte kan betekenen voor het inkomen, in gewone taal en met een grafiek.",
    ),
    DocumentSoort(
        "eerstejaarsevaluatie",
        "Eerstejaarsevaluatie",
        "2",  # v2: footer in words (review, session 5)
        ("eerstejaarsevaluatie",),
        snap_eerstejaarsevaluatie,
        "De evaluatie na het eerste ziektejaar, met de keuze voor het tweede spoor.",
    ),
    DocumentSoort(
        "actueel_oordeel",
        "Actueel oordeel bedrijfsarts",
        "2",  # v2: footer in words (review, session 5)
        ("actueel_oordeel",),
        snap_actueel_oordeel,
        "Het actuele oordeel van de bedrijfsarts voor het re-integratieverslag (zonder diagnose).",
    ),
    DocumentSoort(
        "tweede_spoor_intake",
        "Tweede spoor: intakeverslag",
        "2",  # v2: footer in words (review, session 5)
        (),
        snap_tweede_spoor_intake,
        "Persoonsprofiel, zoekprofiel en re-integratieplan van het tweede spoor.",
    ),
    DocumentSoort(
        "tweede_spoor_voortgang",
        "Tweede spoor: voortgangsrapportage",
        "2",  # v2: footer in words (review, session 5)
        ("voortgangsgesprek",),
        snap_tweede_spoor_voortgang,
        "De activiteiten sinds de vorige rapportage, met sollicitaties en contacten per maand.",
    ),
    DocumentSoort(
        "tweede_spoor_eind",
        "Tweede spoor: eindrapportage",
        "2",  # v2: footer in words (review, session 5)
        (),
        snap_tweede_spoor_eind,
        "Het hele traject: activiteiten, sollicitaties per maand en de uitkomst.",
    ),
    DocumentSoort(
        "brief_werknemer",
        "Brief aan de werknemer",
        "2",  # v2: footer in words (review, session 5)
        (),
        snap_brief_werknemer,
        "Een brief in gewone taal: wat er de komende tijd gebeurt, wat de werknemer zelf doet en wat het betekent "
        "voor het inkomen.",
        in_verslag=False,
    ),
    DocumentSoort(
        "re_integratieverslag",
        "Re-integratieverslag",
        "2",  # v2: footer in words (review, session 5)
        (),
        snap_re_integratieverslag,
        "Het verslag voor UWV: het deel van de werkgever, het oordeel van de werknemer en de bijlagen.",
    ),
    DocumentSoort(
        "aanvraag_deskundigenoordeel",
        "Aanvraag deskundigenoordeel UWV (gegevens)",
        "2",  # v2: footer in words (review, session 5)
        ("vraag_route",),
        snap_aanvraag_deskundigenoordeel,
        "De gegevens voor het aanvraagformulier van UWV, ingevuld uit het dossier, met kosten en termijn.",
        past_bij=lambda e: e.data.get("route") == "deskundigenoordeel",
        in_verslag=False,
    ),
    DocumentSoort(
        "no_risk_informatie",
        "No-riskpolis: informatie voor de nieuwe werkgever",
        "2",  # v2: footer in words (review, session 5)
        ("no_risk_gegevens",),
        snap_no_risk_informatie,
        "Of de no-riskpolis geldt, tot wanneer, wat hij dekt en hoe de nieuwe werkgever hem gebruikt.",
        past_bij=lambda e: True,
        in_verslag=False,
    ),
)
DOCUMENT_SOORT = {s.code: s for s in SOORTEN}
