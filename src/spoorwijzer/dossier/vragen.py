"""Questions and disputes in a dossier, and loonstop / loonopschorting (issue 13 part 1, issue 8).

A question is a 'vraag' event; its answers, the formal route chosen and its outcome are events that name it
("vraag": the question's event id). Everything here is read from the log as it stands; the rules (routes, fees,
terms, the lid 7 notice, the wage effect) come from law/ (geschillen, loonmaatregel, opvolging).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction

from spoorwijzer.dossier import access
from spoorwijzer.dossier.models import Gebeurtenis, Rolnaam, Verzuimgeval
from spoorwijzer.law import geschillen, loonmaatregel, opvolging
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput

VRAAG_CODES = ("vraag", "vraag_antwoord", "vraag_route", "vraag_uitkomst")
LOON_CODES = ("loonmaatregel", "loonmaatregel_einde")
ROLNAAM = dict(Rolnaam.choices)
STATUS_NAAM = {
    "open": "Wacht op antwoord",
    "te_laat": "Antwoord te laat",
    "beantwoord": "Beantwoord",
    "route": "Formele route loopt",
    "afgerond": "Afgerond",
}


def opvolgbeleid(geval: Verzuimgeval) -> opvolging.Opvolgbeleid:
    """The organisation's follow-up policy (its own settings over the defaults, with their sources)."""
    eigen = (geval.organisatie.voorkeursbeleid or {}) if geval.organisatie_id else {}
    return opvolging.standaard().with_overrides(eigen)


@dataclass
class Draad:
    vraag: Gebeurtenis
    onderwerp: str
    beantwoorder: str  # role code
    uiterlijk: dt.date
    antwoorden: list[Gebeurtenis] = field(default_factory=list)
    routes: list[dict] = field(default_factory=list)
    uitkomst: Gebeurtenis | None = None
    status: str = "open"

    @property
    def status_nl(self) -> str:
        return STATUS_NAAM[self.status]

    @property
    def beantwoorder_nl(self) -> str:
        return ROLNAAM.get(self.beantwoorder, self.beantwoorder)

    @property
    def onderwerp_nl(self) -> str:
        return geschillen.ONDERWERPEN.get(self.onderwerp, self.onderwerp)

    @property
    def mogelijke_routes(self) -> list[geschillen.Route]:
        return geschillen.routes_voor(self.onderwerp)

    @property
    def vervolg_uiterlijk(self) -> dt.date | None:
        if self.uitkomst and self.uitkomst.data.get("vervolg_uiterlijk"):
            return dt.date.fromisoformat(self.uitkomst.data["vervolg_uiterlijk"])
        return None


def _vraag_id(e: Gebeurtenis) -> int | None:
    return _id(e.data)


def _versies(vraag: Gebeurtenis) -> set[int]:
    """The ids a question had: itself and the versions it corrected."""
    ids, pk = {vraag.pk}, vraag.vervangt_id
    while pk:
        ids.add(pk)
        pk = Gebeurtenis.objects.filter(pk=pk).values_list("vervangt_id", flat=True).first()
    return ids


def _id(data: dict) -> int | None:
    try:
        return int(data.get("vraag"))
    except (TypeError, ValueError):
        return None


def draden(geval: Verzuimgeval, events: list[Gebeurtenis], vandaag: dt.date) -> list[Draad]:
    """Every question of the case with its answers, routes and outcome, newest first."""
    ctx = LawContext.baseline()
    beleid = opvolgbeleid(geval)
    by_id: dict[int, Draad] = {}
    for e in events:
        if e.code == "vraag":
            onderwerp = str(e.data.get("onderwerp", "anders"))
            by_id[e.pk] = Draad(
                e,
                onderwerp,
                geschillen.EERSTE_BEANTWOORDER.get(onderwerp, Rolnaam.CASEMANAGER),
                opvolging.antwoord_uiterlijk(ctx, e.datum, beleid.antwoord_werkdagen),
            )
    for e in events:  # a corrected question answers to its earlier ids too (the thread keeps its answers)
        if e.code == "vraag" and e.vervangt_id:
            oud = Gebeurtenis.objects.filter(pk=e.vervangt_id).values_list("pk", "vervangt_id").first()
            while oud is not None:
                by_id.setdefault(oud[0], by_id[e.pk])
                oud = Gebeurtenis.objects.filter(pk=oud[1]).values_list("pk", "vervangt_id").first() if oud[1] else None
    for e in events:
        d = by_id.get(_vraag_id(e)) if e.code in VRAAG_CODES[1:] else None
        if d is None:
            continue
        if e.code == "vraag_antwoord":
            d.antwoorden.append(e)
        elif e.code == "vraag_route":
            aanvrager = str(e.data.get("aanvrager", ""))
            try:
                vw = geschillen.voorwaarden(ctx, str(e.data.get("route")), aanvrager, e.datum)
            except InvalidInput:
                vw = None
            d.routes.append({"e": e, "route": geschillen.ROUTE.get(str(e.data.get("route"))), "voorwaarden": vw})
        elif e.code == "vraag_uitkomst":
            d.uitkomst = e
    for d in {id(d): d for d in by_id.values()}.values():
        if d.uitkomst is not None:
            d.status = "afgerond"
        elif d.routes:
            d.status = "route"
        elif d.antwoorden:
            d.status = "beantwoord"
        else:
            d.status = "te_laat" if vandaag > d.uiterlijk else "open"
    unique = {id(d): d for d in by_id.values()}.values()
    return sorted(unique, key=lambda d: (d.vraag.datum, d.vraag.pk), reverse=True)


def open_vragen_voor(user, geval: Verzuimgeval, events: list[Gebeurtenis], vandaag: dt.date) -> list[Draad]:
    """The unanswered questions this user's role is to answer (for the case page and the work queue)."""
    rol = access.rol_van(user)
    if rol is None:
        return []
    return [d for d in draden(geval, events, vandaag) if d.status in ("open", "te_laat") and d.beantwoorder == rol.rol]


# --- loonstop / loonopschorting -----------------------------------------------------------------------------


def maatregelen(events: list[Gebeurtenis]) -> list[tuple[Gebeurtenis, loonmaatregel.Maatregel]]:
    """The measures of the log: each 'loonmaatregel' ended by the next 'loonmaatregel_einde' (one at a time)."""
    out: list[tuple[Gebeurtenis, loonmaatregel.Maatregel]] = []
    for e in sorted(events, key=lambda e: (e.datum, e.pk or 0)):
        if e.code == "loonmaatregel":
            mededeling = e.data.get("mededeling_op")
            out.append(
                (
                    e,
                    loonmaatregel.Maatregel(
                        str(e.data.get("grond")),
                        e.datum,
                        dt.date.fromisoformat(mededeling) if mededeling else None,
                    ),
                )
            )
        elif e.code == "loonmaatregel_einde" and out and out[-1][1].tot is None:
            first, m = out[-1]
            out[-1] = (
                first,
                loonmaatregel.Maatregel(m.grond, m.van, m.mededeling_op, e.datum, str(e.data.get("gevolg"))),
            )
    return out


def lopende_maatregel(events: list[Gebeurtenis]) -> loonmaatregel.Maatregel | None:
    running = [m for _, m in maatregelen(events) if m.tot is None]
    return running[-1] if running else None


def controleer(geval: Verzuimgeval, code: str, datum: dt.date, data: dict, events: list[Gebeurtenis]) -> None:
    """Refuses a question entry or a measure the rules do not allow, before anything is stored."""
    ctx = LawContext.baseline()
    if code == "loonmaatregel":
        if lopende_maatregel(events) is not None:
            raise InvalidInput("Er loopt al een loonstop of loonopschorting; beëindig die eerst.")
        mededeling = data.get("mededeling_op")
        loonmaatregel.controleer(
            ctx,
            loonmaatregel.Maatregel(
                str(data.get("grond")), datum, dt.date.fromisoformat(mededeling) if mededeling else None
            ),
        )
    elif code == "loonmaatregel_einde":
        m = lopende_maatregel(events)
        if m is None:
            raise InvalidInput("Er loopt geen loonstop of loonopschorting die kan eindigen.")
        loonmaatregel.controleer(
            ctx, loonmaatregel.Maatregel(m.grond, m.van, m.mededeling_op, datum, str(data.get("gevolg")))
        )
    elif code in VRAAG_CODES[1:]:
        vraag = next((e for e in events if e.code == "vraag" and _id(data) in _versies(e)), None)
        if vraag is None:
            raise InvalidInput("Deze vraag bestaat niet in dit dossier.")
        if datum < vraag.datum:
            raise InvalidInput(f"Dit kan niet vóór de vraag zelf ({vraag.datum:%d-%m-%Y}).")
        if code == "vraag_route":
            onderwerp = str(vraag.data.get("onderwerp"))
            route = str(data.get("route"))
            if route not in {r.code for r in geschillen.routes_voor(onderwerp)}:
                raise InvalidInput(
                    f"De route '{geschillen.ROUTE[route].naam if route in geschillen.ROUTE else route}' past niet bij "
                    f"een vraag over '{geschillen.ONDERWERPEN.get(onderwerp, onderwerp).lower()}'."
                )
            geschillen.controleer_aanvrager(route, str(data.get("aanvrager")))
        if code == "vraag_uitkomst":
            if any(e.code == "vraag_uitkomst" and _vraag_id(e) in _versies(vraag) for e in events):
                raise InvalidInput("Deze vraag heeft al een uitkomst.")
            gevolg = data.get("gevolg")
            if gevolg == "maatregel_opgeheven" and lopende_maatregel(events) is None:
                raise InvalidInput("Er loopt geen loonstop of loonopschorting die kan worden opgeheven.")
            if gevolg == "nieuwe_termijn" and not (data.get("vervolg") and data.get("vervolg_uiterlijk")):
                raise InvalidInput("Vul bij een nieuwe termijn de afspraak en de datum in.")
            if gevolg == "plan_bijgesteld" and not any(
                e.code == "plan_van_aanpak" and e.datum <= datum for e in events
            ):
                # the bijstelling is recorded as an evaluatie of the plan (uitkomst_vastleggen): there must be one
                raise InvalidInput(
                    "Er is nog geen plan van aanpak vastgelegd om bij te stellen. Leg eerst het plan vast, of kies "
                    "een ander gevolg."
                )


@transaction.atomic
def uitkomst_vastleggen(user, geval: Verzuimgeval, datum: dt.date, data: dict, toelichting: str = "") -> Gebeurtenis:
    """Record a question's outcome and let it take effect: a lifted measure is ended on the outcome's date (back
    pay follows from law/loonmaatregel); an adjusted plan is recorded as a bijstelling (an evaluatie)."""
    from spoorwijzer.dossier import services

    event = services.vastleggen(user, geval, "vraag_uitkomst", datum, data, toelichting)
    gevolg = data.get("gevolg")
    if gevolg == "maatregel_opgeheven":
        services.vastleggen(user, geval, "loonmaatregel_einde", datum, {"gevolg": data.get("gevolg_loon", "onterecht")})
    elif gevolg == "plan_bijgesteld":
        services.vastleggen(
            user,
            geval,
            "evaluatie",
            datum,
            {
                "verslag": f"Bijstelling van het plan van aanpak na {_vraag_woorden(geval, data['vraag'])}: "
                f"{data.get('uitkomst', '')}"
            },
        )
    return event


def _vraag_woorden(geval: Verzuimgeval, vraag_id) -> str:
    """A question named in words for a text that stays in the dossier: "de vraag van 4 november 2026 over of het
    aangeboden werk passend is", never its id."""
    from spoorwijzer.law.tekst import datum

    vraag = Gebeurtenis.objects.filter(geval=geval, pk=int(vraag_id)).first()
    if vraag is None:
        return "de vraag"
    soort = "de onenigheid" if vraag.data.get("soort") == "onenigheid" else "de vraag"
    onderwerp = geschillen.ONDERWERPEN.get(str(vraag.data.get("onderwerp")), "")
    over = f" over: {onderwerp[:1].lower()}{onderwerp[1:]}" if onderwerp else ""
    return f"{soort} van {datum(vraag.datum)}{over}"


def loon_effecten(geval: Verzuimgeval, events: list[Gebeurtenis], peildatum: dt.date) -> dict | None:
    """Each measure's effect on the wage continuation up to ``peildatum`` (from the employee's wage and the income
    path's year-1/year-2 amounts), with totals. None without a measure; no amounts without a wage."""
    from spoorwijzer.dossier import services

    lijst = maatregelen(events)
    if not lijst:
        return None
    ctx = LawContext.baseline()
    inv = services.inkomensinvoer(geval, events)
    rows = []
    if inv is None:
        for e, m in lijst:
            rows.append({"e": e, "m": m, "grond": loonmaatregel.GROND.get(m.grond), "effect": None})
        return {"rijen": rows, "totaal": None}
    bedragen = loonmaatregel.loon(ctx, inv)
    totaal = {"vervallen_cent": 0, "na_te_betalen_cent": 0, "opgeschort_cent": 0}
    for e, m in lijst:
        eff = loonmaatregel.effect(ctx, m, bedragen.per_maand, peildatum)
        for k in totaal:
            totaal[k] += getattr(eff, k)
        rows.append({"e": e, "m": m, "grond": loonmaatregel.GROND.get(m.grond), "effect": eff})
    return {"rijen": rows, "totaal": totaal, "loon": bedragen}


# --- figures: how questions and disputes go, over a selection of cases ---------------------------------------


def _eerste_reactie(d: Draad) -> dt.date | None:
    """The first response a question got: an answer, a formal route or its outcome, whichever came first."""
    dagen = [e.datum for e in d.antwoorden] + [r["e"].datum for r in d.routes]
    if d.uitkomst is not None:
        dagen.append(d.uitkomst.datum)
    return min(dagen) if dagen else None


def _telling(codes: list[str], namen: dict[str, str]) -> list[dict]:
    """Counts per code in the order of ``namen``, with the Dutch name; codes nobody used are left out."""
    return [{"code": c, "naam": n, "aantal": codes.count(c)} for c, n in namen.items() if c in codes]


def cijfers(gevallen, vandaag: dt.date, van: dt.date | None = None, tot: dt.date | None = None) -> dict:
    """Questions and disputes asked in the period (all when no period) in the selected cases: how many, about what,
    answered within the organisation's term or not, which formal routes were taken and what they led to. Each
    thread is read with ``draden``, the case page's own rule (one definition of 'te laat'); only the cases with a
    question are read, in one query for their entries. The figures page and the employer's quality file use this."""
    from spoorwijzer.dossier.catalogus import SOORT
    from spoorwijzer.dossier.figuren import KLEINE_GROEP

    rows = Gebeurtenis.objects.filter(
        code__in=VRAAG_CODES + LOON_CODES, geval_id__in=gevallen.values("pk"), vervangen_door__isnull=True
    ).order_by("datum", "pk")
    per_geval: dict[int, list[Gebeurtenis]] = {}
    for e in rows:
        per_geval.setdefault(e.geval_id, []).append(e)
    threads: list[Draad] = []
    maatregel_gronden: list[str] = []
    for geval in Verzuimgeval.objects.filter(pk__in=list(per_geval)).select_related("organisatie"):
        events = per_geval[geval.pk]
        threads += [
            d
            for d in draden(geval, events, vandaag)
            if (van is None or d.vraag.datum >= van) and (tot is None or d.vraag.datum <= tot)
        ]
        maatregel_gronden += [
            m.grond for _, m in maatregelen(events) if (van is None or m.van >= van) and (tot is None or m.van <= tot)
        ]
    reactie = {"op_tijd": 0, "te_laat": 0, "open": 0, "open_te_laat": 0}
    doorlooptijden: list[int] = []
    for d in threads:
        eerste = _eerste_reactie(d)
        if eerste is None:
            reactie["open_te_laat" if d.status == "te_laat" else "open"] += 1
        else:
            reactie["op_tijd" if eerste <= d.uiterlijk else "te_laat"] += 1
        if d.uitkomst is not None:
            doorlooptijden.append((d.uitkomst.datum - d.vraag.datum).days)
    gereageerd = reactie["op_tijd"] + reactie["te_laat"] + reactie["open_te_laat"]  # those whose term has passed
    gevolgen = dict(next(v for v in SOORT["vraag_uitkomst"].velden if v.naam == "gevolg").keuzes)
    return {
        "vragen": len(threads),
        "soorten": {
            "vraag": sum(1 for d in threads if d.vraag.data.get("soort") != "onenigheid"),
            "onenigheid": sum(1 for d in threads if d.vraag.data.get("soort") == "onenigheid"),
        },
        "per_onderwerp": _telling([d.onderwerp for d in threads], geschillen.ONDERWERPEN),
        "reactie": reactie,
        # share answered in time among the questions whose term has passed or that got a response
        "beoordeeld": gereageerd,
        "pct_op_tijd": round(100 * reactie["op_tijd"] / gereageerd, 1) if gereageerd else None,
        "kleine_groep": 0 < gereageerd < KLEINE_GROEP,
        "routes": _telling(
            [str(r["e"].data.get("route")) for d in threads for r in d.routes],
            {r.code: r.naam for r in geschillen.ROUTES},
        ),
        "afgerond": len(doorlooptijden),
        "uitkomsten": _telling([str(d.uitkomst.data.get("gevolg")) for d in threads if d.uitkomst], gevolgen),
        "mediaan_dagen_tot_uitkomst": _mediaan(doorlooptijden),
        "maatregelen": _telling(maatregel_gronden, {g.code: g.naam for g in loonmaatregel.GRONDEN}),
    }


def _mediaan(values: list[int]) -> float | None:
    if not values:
        return None
    s = sorted(values)
    mid = len(s) // 2
    return float(s[mid]) if len(s) % 2 else (s[mid - 1] + s[mid]) / 2
