"""The calculations users can ask for, with their inputs declared once.

Each subject declares its fields (type, range, Dutch description); from that declaration come the
JSON schema (``spoorwijzer bereken X --schema``), the validation with Dutch messages, and the
conversion to the law layer's inputs (euros at the edge, eurocent inside). The CLI, the web app and
the API all call ``run(subject, data)``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from spoorwijzer.law import inkomenspad as ip
from spoorwijzer.law import loondoorbetaling as ldb
from spoorwijzer.law import werkgeverskosten as wk
from spoorwijzer.law import wia, ww
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput
from spoorwijzer.law.weeks import SickPeriod, validate_periods


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # bedrag | datum | percentage | uren | jaren | bool | keuze | tekst
    description: str
    required: bool = False
    default: Any = None
    choices: tuple[str, ...] = ()


def _f(name, kind, description, required=False, default=None, choices=()):
    return Field(name, kind, description, required, default, tuple(choices))


HUISHOUDEN = _f(
    "huishouden",
    "keuze",
    "Huishouden voor de bijstandsnorm",
    default="alleenstaande",
    choices=("alleenstaande", "gehuwden"),
)
PERSOON = [
    _f("eerste_ziektedag", "datum", "Eerste ziektedag (JJJJ-MM-DD)", required=True),
    _f("maandloon", "bedrag", "Bruto maandloon in euro (naar tijdruimte, zonder vakantiegeld)", required=True),
    _f("uren_per_week", "uren", "Contracturen per week", default=38),
    _f(
        "voltijd_uren_per_week",
        "uren",
        "Voltijdse werkweek bij de werkgever in uren; alleen vóór 2024 nodig, toen het minimumloon per maand voor "
        "een volledige werkweek gold (standaard: de contracturen zijn voltijd)",
    ),
    _f(
        "sv_jaarloon",
        "bedrag",
        "SV-loon in het jaar vóór de eerste ziektedag, in euro (standaard: maandloon x 12 plus de wettelijke "
        "vakantiebijslag)",
    ),
    _f("percentage_jaar1", "percentage", "Doorbetalingspercentage jaar 1 (cao; standaard het wettelijke percentage)"),
    _f("percentage_jaar2", "percentage", "Doorbetalingspercentage jaar 2 (cao; standaard het wettelijke percentage)"),
    _f("prijspeil", "datum", "Datum waarvan de bedragen worden gebruikt (standaard: eerste ziektedag)"),
]
ARBEIDSVERLEDEN = [
    _f(
        "jaren_voor_2016",
        "jaren",
        "Jaren arbeidsverleden vóór 2016 (inclusief fictief arbeidsverleden); verplicht, ook als het 0 is",
        required=True,
    ),
    _f("jaren_vanaf_2016", "jaren", "Jaren arbeidsverleden vanaf 2016", default=0),
    _f("jareneis", "bool", "Voldaan aan de jareneis (WW art. 42a)", default=True),
]
# the income path can run without the arbeidsverleden: then 0 years, and its receipt says so
ARBEIDSVERLEDEN_PAD = [
    _f(
        "jaren_voor_2016",
        "jaren",
        "Jaren arbeidsverleden vóór 2016 (inclusief fictief); niet opgegeven: 0 (alleen de minimumduur, de bon zegt het)",
    ),
    *ARBEIDSVERLEDEN[1:],
]
BEOORDELING = [
    _f("maatmaninkomen", "bedrag", "Maatmaninkomen per maand in euro (oordeel arbeidsdeskundige)"),
    _f(
        "resterende_verdiencapaciteit",
        "bedrag",
        "Resterende verdiencapaciteit per maand in euro (oordeel arbeidsdeskundige)",
    ),
    _f("duurzaam", "bool", "Volledige arbeidsongeschiktheid is duurzaam (oordeel verzekeringsarts)", default=False),
    _f("beoordeling_bron", "tekst", "Wie oordeelde, wanneer, in welk document"),
]
SCENARIO_INVOER = [
    _f("hervatting_datum", "datum", "Datum van hervatting bij de eigen werkgever"),
    _f("hervatting_loon", "bedrag", "Maandloon na hervatting bij de eigen werkgever (standaard: het oude loon)"),
    _f("plaatsing_datum", "datum", "Datum van plaatsing bij een nieuwe werkgever"),
    _f("plaatsing_loon", "bedrag", "Maandloon bij de nieuwe werkgever"),
    _f("inkomen_wga", "bedrag", "Inkomen uit werk per maand in de WGA (gedeeltelijk werkend)"),
    _f("deels_werken_vanaf", "datum", "Datum vanaf wanneer de werknemer tijdens de wachttijd deels werkt"),
    _f("gewerkt_percentage", "percentage", "Deel van de contracturen dat dan wordt gewerkt", default=0),
    _f(
        "percentage_bij_werkhervatting",
        "percentage",
        "Cao: doorbetaling van de zieke uren zolang de werknemer deels werkt (bv. 100)",
    ),
    HUISHOUDEN,
    _f("referte_eis", "bool", "Voldaan aan de referte-eis voor de loongerelateerde WGA", default=True),
    _f(
        "ziekteperioden",
        "perioden",
        "Ziekteperioden [{start, eind}] als de ziekte onderbroken was (samentelling); standaard één doorlopende periode",
    ),
    _f("vrijwillige_verlenging_weken", "jaren", "Weken vrijwillige verlenging van de wachttijd", default=0),
    _f("loonsanctie_weken", "jaren", "Weken loonsanctie die UWV heeft opgelegd (leeg: geen loonsanctie)"),
    _f("herstel_vastgesteld", "datum", "Datum waarop UWV vaststelde dat het verzuim bij de loonsanctie is hersteld"),
    _f("maanden", "jaren", "Aantal maanden vanaf de eerste ziektedag", default=120),
]

WIA_INVOER = [
    _f("datum", "datum", "Datum waarvan de bedragen worden gebruikt", required=True),
    _f("maatmaninkomen", "bedrag", "Maatmaninkomen per maand in euro (oordeel arbeidsdeskundige)"),
    _f(
        "resterende_verdiencapaciteit",
        "bedrag",
        "Resterende verdiencapaciteit per maand in euro (oordeel arbeidsdeskundige)",
    ),
    _f("maatman_uurloon", "bedrag", "Of: maatmaninkomen per uur in euro"),
    _f(
        "functie_uurlonen",
        "bedragen",
        "Met het maatman-uurloon: de uurlonen in euro van de functies die de arbeidsdeskundige koos "
        "(Schattingsbesluit art. 9-10: het loon van de middelste telt)",
    ),
    _f("uren_per_week", "uren", "Uren per week om uurlonen naar maandbedragen om te rekenen"),
    _f("duurzaam", "bool", "Volledige arbeidsongeschiktheid is duurzaam (oordeel verzekeringsarts)", default=False),
    _f("beoordeling_bron", "tekst", "Wie oordeelde, wanneer, in welk document"),
]
WIA_LOON = [
    _f("sv_jaarloon", "bedrag", "SV-loon in het refertejaar in euro"),
    _f("dagloon", "bedrag", "Of: het WIA-dagloon in euro zoals in de beslissing van UWV"),
    _f("wia_maandloon", "bedrag", "Of: het WIA-maandloon in euro zoals in de beslissing van UWV"),
    _f("inkomen", "bedrag", "Inkomen uit werk per maand in euro", default=0),
    _f(
        "jaren_voor_2016",
        "jaren",
        "Jaren arbeidsverleden vóór 2016 (inclusief fictief); nodig voor de duur van de loongerelateerde WGA",
    ),
    *ARBEIDSVERLEDEN[1:],
    _f("referte_eis", "bool", "Voldaan aan de referte-eis", default=True),
    _f(
        "ww_ontvangen_maanden",
        "jaren",
        "Maanden loongerelateerde WW al ontvangen, als de werknemer ziek werd tijdens de WW (WIA art. 59)",
        default=0,
    ),
]

SUBJECTS: dict[str, tuple[str, list[Field]]] = {
    "loondoorbetaling": (
        "Loondoorbetaling bij ziekte per maand (BW 7:629), met het maximum per dag, maand en jaar",
        PERSOON
        + [
            _f("gewerkt_percentage", "percentage", "Deel van de contracturen dat wordt gewerkt", default=0),
        ],
    ),
    "wia-klasse": ("Arbeidsongeschiktheidspercentage, WIA-klasse en arbeidsongeschiktheidsklasse", WIA_INVOER),
    "wia-uitkering": (
        "WIA-uitkering per maand: IVA, WGA loongerelateerd, loonaanvulling of vervolguitkering",
        WIA_INVOER + WIA_LOON,
    ),
    "ww": (
        "WW: recht, duur en hoogte, daarna bijstand (benadering)",
        [
            _f("datum", "datum", "Datum waarvan de bedragen worden gebruikt", required=True),
            _f("eerste_werkloosheidsdag", "datum", "Eerste werkloosheidsdag (voor referteperiode en einddatum)"),
            _f(
                "aangiftetijdvak",
                "keuze",
                "Aangiftetijdvak van het loon",
                default="maand",
                choices=("maand", "vier_weken"),
            ),
            _f("sv_jaarloon", "bedrag", "Loon in de referteperiode in euro (leeg: alleen de duur)"),
            _f("wekeneis", "bool", "Voldaan aan de wekeneis (WW art. 17)", default=True),
            *ARBEIDSVERLEDEN,
            HUISHOUDEN,
        ],
    ),
    "inkomenspad": (
        "Inkomen per maand per scenario, vanaf de eerste ziektedag",
        PERSOON + ARBEIDSVERLEDEN_PAD + BEOORDELING + SCENARIO_INVOER,
    ),
    "werkgeverskosten": (
        "Kosten en risico's voor de werkgever (en een nieuwe werkgever)",
        PERSOON
        + ARBEIDSVERLEDEN_PAD
        + BEOORDELING
        + SCENARIO_INVOER
        + [
            _f("werkgeverslasten_pct", "percentage", "Werkgeverslasten bovenop het loon", default=0),
            _f("eigenrisicodrager_wga", "bool", "Werkgever is eigenrisicodrager WGA", default=False),
        ],
    ),
}

KIND_SCHEMA = {
    "bedrag": {"type": "number", "minimum": 0},
    "datum": {"type": "string", "format": "date"},
    "percentage": {"type": "number", "minimum": 0, "maximum": 100},
    "uren": {"type": "number", "exclusiveMinimum": 0, "maximum": 60},
    "jaren": {"type": "integer", "minimum": 0},
    "bool": {"type": "boolean"},
    "keuze": {"type": "string"},
    "bedragen": {"type": "array", "items": {"type": "number", "exclusiveMinimum": 0}},
    "perioden": {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {"start": {"type": "string", "format": "date"}, "eind": {"type": ["string", "null"]}},
            "required": ["start"],
        },
    },
    "tekst": {"type": "string"},
}


def schema(subject: str) -> dict[str, Any]:
    title, fields = _subject(subject)
    props = {}
    for f in fields:
        prop = dict(KIND_SCHEMA[f.kind], description=f.description)
        if f.choices:
            prop["enum"] = list(f.choices)
        if f.default is not None:
            prop["default"] = f.default
        props[f.name] = prop
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        "type": "object",
        "properties": props,
        "required": [f.name for f in fields if f.required],
        "additionalProperties": False,
    }


def _subject(subject: str):
    if subject not in SUBJECTS:
        raise InvalidInput(f"Onbekend onderwerp '{subject}'; kies uit: {', '.join(SUBJECTS)}.")
    return SUBJECTS[subject]


def parse(subject: str, data: Any) -> dict[str, Any]:
    """Validated, converted values (cents, dates, basis points stay percentages) or InvalidInput in Dutch."""
    _, fields = _subject(subject)
    if not isinstance(data, dict):
        raise InvalidInput("De invoer moet een JSON-object zijn.")
    known = {f.name for f in fields}
    unknown = sorted(set(data) - known)
    if unknown:
        raise InvalidInput(f"Onbekende velden: {', '.join(unknown)}. Zie --schema voor de velden.")
    out: dict[str, Any] = {}
    for f in fields:
        raw = data.get(f.name)
        if raw is None:
            if f.required:
                raise InvalidInput(f"Veld '{f.name}' ontbreekt ({f.description}).")
            out[f.name] = None if f.default is None else _convert(f, f.default)
            continue
        out[f.name] = _convert(f, raw)
    return out


def _convert(f: Field, raw: Any) -> Any:
    label = f"Veld '{f.name}'"
    if f.kind == "datum":
        try:
            return dt.date.fromisoformat(str(raw))
        except ValueError:
            raise InvalidInput(f"{label}: '{raw}' is geen geldige datum (JJJJ-MM-DD).") from None
    if f.kind == "bedragen":
        if not isinstance(raw, list) or not raw:
            raise InvalidInput(f"{label} moet een lijst van bedragen in euro zijn.")
        return tuple(_convert(Field(f.name, "bedrag", f.description), x) for x in raw)
    if f.kind == "perioden":
        if not isinstance(raw, list) or not raw:
            raise InvalidInput(f'{label} moet een lijst van perioden zijn: [{{"start": "JJJJ-MM-DD", "eind": ...}}].')
        periods = []
        for item in raw:
            if not isinstance(item, dict) or "start" not in item:
                raise InvalidInput(f"{label}: elke periode heeft een start (JJJJ-MM-DD).")
            start = _convert(Field(f.name, "datum", f.description), item["start"])
            end = item.get("eind")
            periods.append(SickPeriod(start, None if end is None else _convert(Field(f.name, "datum", ""), end)))
        return tuple(validate_periods(periods))
    if f.kind == "bool":
        if not isinstance(raw, bool):
            raise InvalidInput(f"{label} moet true of false zijn.")
        return raw
    if f.kind in ("keuze", "tekst"):
        if not isinstance(raw, str):
            raise InvalidInput(f"{label} moet tekst zijn.")
        if f.choices and raw not in f.choices:
            raise InvalidInput(f"{label}: kies uit {', '.join(f.choices)}.")
        return raw
    if isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
        raise InvalidInput(f"{label} moet een getal zijn.")
    try:
        number = Decimal(str(raw))
    except InvalidOperation:
        raise InvalidInput(f"{label}: '{raw}' is geen getal.") from None
    if f.kind == "bedrag":
        if number < 0:
            raise InvalidInput(f"{label}: een bedrag kan niet negatief zijn.")
        return int((number * 100).quantize(Decimal(1), rounding="ROUND_HALF_UP"))
    if f.kind == "percentage":
        if not 0 <= number <= 100:
            raise InvalidInput(f"{label}: een percentage ligt tussen 0 en 100.")
        return float(number)
    if f.kind == "uren":
        if not 0 < number <= 60:
            raise InvalidInput(f"{label}: het aantal uren per week ligt tussen 0 en 60.")
        return int(number * 100)
    if number != number.to_integral_value() or number < 0:
        raise InvalidInput(f"{label} moet een heel getal van 0 of meer zijn.")
    return int(number)


def invoer(v: dict[str, Any]) -> ip.Invoer:
    beoordeling = None
    if v.get("maatmaninkomen") is not None and v.get("resterende_verdiencapaciteit") is not None:
        beoordeling = ip.Beoordeling(
            v["maatmaninkomen"], v["resterende_verdiencapaciteit"], v["duurzaam"], v.get("beoordeling_bron") or ""
        )
    # every field of the law's input that the subject declares is passed on by name, so a declared field can
    # never be dropped on the way (the two that differ are converted above or renamed here)
    same = {f.name for f in dataclasses.fields(ip.Invoer)} - {
        "beoordeling",
        "uren_per_week_x100",
        "voltijd_uren_per_week_x100",
    }
    return ip.Invoer(
        beoordeling=beoordeling,
        uren_per_week_x100=v["uren_per_week"],
        voltijd_uren_per_week_x100=v.get("voltijd_uren_per_week"),
        **{name: v[name] for name in same if name in v},
    )


def run(subject: str, data: Any, ctx: LawContext | None = None) -> dict[str, Any]:
    """Validate and compute: the one entry point for every interface.

    ``ctx``: the law context to compute in (default: the published parameters; a reform for a policy
    simulation). Each run gets a fresh trace, so its receipt lists exactly what this run read."""
    v = parse(subject, data)
    return RUNNERS[subject]((ctx or LawContext.baseline()).fresh(), v)


def _loondoorbetaling(ctx, v):
    inv = ldb.LoondoorbetalingInvoer(
        v["eerste_ziektedag"],
        v["maandloon"],
        v["uren_per_week"],
        v["percentage_jaar1"],
        v["percentage_jaar2"],
        v["gewerkt_percentage"],
        v["prijspeil"],
        v.get("voltijd_uren_per_week"),
    )
    return ldb.bereken(ctx, inv).as_dict()


def _wia_invoer(v) -> wia.WiaInvoer:
    return wia.WiaInvoer(
        datum=v["datum"],
        maatmaninkomen=v["maatmaninkomen"],
        resterende_verdiencapaciteit=v["resterende_verdiencapaciteit"],
        maatman_uurloon=v["maatman_uurloon"],
        functie_uurlonen=v["functie_uurlonen"] or (),
        uren_per_week_x100=v["uren_per_week"],
        duurzaam=v["duurzaam"],
        bron=v.get("beoordeling_bron") or "",
        sv_jaarloon=v.get("sv_jaarloon"),
        dagloon=v.get("dagloon"),
        maandloon=v.get("wia_maandloon"),
        inkomen=v.get("inkomen") or 0,
        jaren_voor_2016=v.get("jaren_voor_2016"),
        jaren_vanaf_2016=v.get("jaren_vanaf_2016") or 0,
        jareneis=v.get("jareneis", True),
        referte_eis=v.get("referte_eis", True),
        ww_ontvangen_maanden=v.get("ww_ontvangen_maanden") or 0,
    )


def _wia_klasse(ctx, v):
    return wia.bereken_klasse(ctx, _wia_invoer(v)).as_dict()


def _wia_uitkering(ctx, v):
    return wia.bereken_uitkering(ctx, _wia_invoer(v)).as_dict()


def _ww(ctx, v):
    inv = ww.WwInvoer(
        datum=v["datum"],
        jaren_voor_2016=v["jaren_voor_2016"],
        jaren_vanaf_2016=v["jaren_vanaf_2016"],
        jareneis=v["jareneis"],
        wekeneis=v["wekeneis"],
        sv_jaarloon=v["sv_jaarloon"],
        eerste_werkloosheidsdag=v["eerste_werkloosheidsdag"],
        aangiftetijdvak=v["aangiftetijdvak"],
        huishouden=v["huishouden"],
    )
    return ww.bereken(ctx, inv).as_dict()


def inkomenspad(inv: ip.Invoer, ctx: LawContext | None = None) -> dict[str, Any]:
    """The income paths from typed law inputs (the dossier builds them from its events; no JSON round trip)."""
    uitkomst = ip.bereken((ctx or LawContext.baseline()).fresh(), inv)
    return {"onderwerp": "inkomenspad", **uitkomst.as_dict()}


def werkgeverskosten(
    inv: ip.Invoer,
    eigenrisicodrager_wga: bool,
    ctx: LawContext | None = None,
    werkgeverslasten_pct: float | None = None,
) -> dict[str, Any]:
    """The employer's costs from typed law inputs (the dossier's income inputs, with the labour expert's prognosis);
    ``werkgeverslasten_pct`` None: the employer did not fill in its charges on wages."""
    w = wk.WerkgeverInvoer(inv, werkgeverslasten_pct, eigenrisicodrager_wga)
    return {"onderwerp": "werkgeverskosten", **wk.bereken((ctx or LawContext.baseline()).fresh(), w)}


def _inkomenspad(ctx, v):
    uitkomst = ip.bereken(ctx, invoer(v))
    return {"onderwerp": "inkomenspad", **uitkomst.as_dict()}


def _werkgeverskosten(ctx, v):
    w = wk.WerkgeverInvoer(invoer(v), v["werkgeverslasten_pct"], v["eigenrisicodrager_wga"])
    return {"onderwerp": "werkgeverskosten", **wk.bereken(ctx, w)}


RUNNERS = {
    "loondoorbetaling": _loondoorbetaling,
    "wia-klasse": _wia_klasse,
    "wia-uitkering": _wia_uitkering,
    "ww": _ww,
    "inkomenspad": _inkomenspad,
    "werkgeverskosten": _werkgeverskosten,
}
