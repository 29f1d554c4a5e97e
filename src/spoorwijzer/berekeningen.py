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
from spoorwijzer.law.money import bp
from spoorwijzer.law.receipt import Receipt
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
        "sv_jaarloon",
        "bedrag",
        "SV-loon in het jaar vóór de eerste ziektedag, in euro (standaard: maandloon x 12 + 8%)",
    ),
    _f("percentage_jaar1", "percentage", "Doorbetalingspercentage jaar 1 (cao; wettelijk 70)", default=70),
    _f("percentage_jaar2", "percentage", "Doorbetalingspercentage jaar 2 (cao; wettelijk 70)", default=70),
    _f("prijspeil", "datum", "Datum waarvan de bedragen worden gebruikt (standaard: eerste ziektedag)"),
]
ARBEIDSVERLEDEN = [
    _f("jaren_voor_2016", "jaren", "Jaren arbeidsverleden vóór 2016 (inclusief fictief arbeidsverleden)", default=10),
    _f("jaren_vanaf_2016", "jaren", "Jaren arbeidsverleden vanaf 2016", default=0),
    _f("jareneis", "bool", "Voldaan aan de jareneis (4 van de laatste 5 jaar gewerkt)", default=True),
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

SUBJECTS: dict[str, tuple[str, list[Field]]] = {
    "loondoorbetaling": (
        "Loondoorbetaling bij ziekte per maand (BW 7:629)",
        PERSOON
        + [
            _f("gewerkt_percentage", "percentage", "Deel van de contracturen dat wordt gewerkt", default=0),
        ],
    ),
    "wia-klasse": (
        "Arbeidsongeschiktheidspercentage en WIA-klasse",
        [
            _f("datum", "datum", "Datum van de beoordeling", required=True),
            *[_f(f.name, f.kind, f.description, required=f.kind == "bedrag", default=f.default) for f in BEOORDELING],
        ],
    ),
    "wia-uitkering": (
        "WIA-uitkering per maand: IVA, WGA loongerelateerd, loonaanvulling of vervolguitkering",
        [
            _f("datum", "datum", "Datum waarvan de bedragen worden gebruikt", required=True),
            _f("sv_jaarloon", "bedrag", "SV-loon in het refertejaar in euro", required=True),
            *[_f(f.name, f.kind, f.description, required=f.kind == "bedrag", default=f.default) for f in BEOORDELING],
            _f("inkomen", "bedrag", "Inkomen uit werk per maand in euro", default=0),
            *ARBEIDSVERLEDEN,
            _f("referte_eis", "bool", "Voldaan aan de referte-eis", default=True),
        ],
    ),
    "ww": (
        "WW: duur en hoogte, daarna bijstand (benadering)",
        [
            _f("datum", "datum", "Datum waarvan de bedragen worden gebruikt", required=True),
            _f("sv_jaarloon", "bedrag", "Loon in het refertejaar in euro", required=True),
            *ARBEIDSVERLEDEN,
            HUISHOUDEN,
        ],
    ),
    "inkomenspad": (
        "Inkomen per maand per scenario, tot 10 jaar na de eerste ziektedag",
        PERSOON + ARBEIDSVERLEDEN + BEOORDELING + SCENARIO_INVOER,
    ),
    "werkgeverskosten": (
        "Kosten en risico's voor de werkgever (en een nieuwe werkgever)",
        PERSOON
        + ARBEIDSVERLEDEN
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
    same = {f.name for f in dataclasses.fields(ip.Invoer)} - {"beoordeling", "uren_per_week_x100"}
    return ip.Invoer(
        beoordeling=beoordeling, uren_per_week_x100=v["uren_per_week"], **{name: v[name] for name in same if name in v}
    )


def run(subject: str, data: Any, ctx: LawContext | None = None) -> dict[str, Any]:
    """Validate and compute: the one entry point for every interface.

    ``ctx``: the law context to compute in (default: the published parameters; a reform for a policy
    simulation). Each run gets a fresh trace, so its receipt lists exactly what this run read."""
    v = parse(subject, data)
    return RUNNERS[subject]((ctx or LawContext.baseline()).fresh(), v)


def _loondoorbetaling(ctx, v):
    r = Receipt(ctx, inputs=v)
    on = v["prijspeil"] or v["eerste_ziektedag"]
    note = ldb.check_agreement(ctx, v["percentage_jaar1"], v["percentage_jaar2"], on)
    worked = bp(v["gewerkt_percentage"])
    y1 = int(ldb.per_maand(ctx, v["maandloon"], v["uren_per_week"], bp(v["percentage_jaar1"]), True, worked, on))
    y2 = int(ldb.per_maand(ctx, v["maandloon"], v["uren_per_week"], bp(v["percentage_jaar2"]), False, worked, on))
    cap = ldb.maximum_maandloon(ctx, on)
    floor = int(ldb.minimumloon_maand(ctx, v["uren_per_week"], on))
    r.step(
        f"Loon gemaximeerd op {cap / 100:.2f} per maand; minimumloon voor {v['uren_per_week'] / 100:g} uur: "
        f"{floor / 100:.2f} per maand (ondergrens in de eerste 52 weken)."
    )
    r.step(note)
    return {
        "onderwerp": "loondoorbetaling",
        "jaar1_per_maand_cent": y1,
        "jaar2_per_maand_cent": y2,
        "maximum_maandloon_cent": cap,
        "minimumloon_per_maand_cent": floor,
        "cao_toets": note,
        "bon": r.as_dict(),
    }


def _klasse(ctx, v, r):
    wia.check_judgement(v["maatmaninkomen"], v["resterende_verdiencapaciteit"])
    ao = int(wia.ao_basispunten(v["maatmaninkomen"], v["resterende_verdiencapaciteit"]))
    k = int(wia.klasse(ctx, ao, v["duurzaam"], v["datum"]))
    r.step(
        f"Arbeidsongeschikt {ao / 100:.2f}%: {wia.KLASSE_NAAM[k]} "
        f"(oordeel: {v.get('beoordeling_bron') or 'bron niet vermeld'})."
    )
    return ao, k


def _wia_klasse(ctx, v):
    r = Receipt(ctx, inputs=v)
    ao, k = _klasse(ctx, v, r)
    return {
        "onderwerp": "wia-klasse",
        "ao_percentage": ao / 100,
        "klasse": wia.KLASSE_CODE[k],
        "klasse_naam": wia.KLASSE_NAAM[k],
        "bon": r.as_dict(),
    }


def _wia_uitkering(ctx, v):
    r = Receipt(ctx, inputs=v)
    on = v["datum"]
    ao, k = _klasse(ctx, v, r)
    capped, uncapped = (int(x) for x in wia.dagloon(ctx, v["sv_jaarloon"], on))
    mloon = int(wia.maandloon(ctx, capped, on))
    scaled = int(wia.scaled_income(v["inkomen"], capped, uncapped))
    rvc = v["resterende_verdiencapaciteit"]
    rvc_scaled = int(wia.scaled_income(rvc, capped, uncapped))
    duur = (
        int(ww.duur_maanden(ctx, v["jaren_voor_2016"], v["jaren_vanaf_2016"], v["jareneis"], on))
        if v["referte_eis"]
        else 0
    )
    result: dict[str, Any] = {
        "onderwerp": "wia-uitkering",
        "ao_percentage": ao / 100,
        "klasse": wia.KLASSE_CODE[k],
        "dagloon_cent": capped,
        "dagloon_ongemaximeerd_cent": uncapped,
        "maandloon_cent": mloon,
    }
    r.step(f"Dagloon {capped / 100:.2f}, maandloon {mloon / 100:.2f}.")
    if k == wia.IVA:
        result["iva_per_maand_cent"] = int(wia.iva(ctx, mloon, scaled, on))
    elif k in (wia.WGA_35_80, wia.WGA_80_100):
        after, is_lau = wia.lau_of_vvu(ctx, mloon, v["inkomen"], scaled, rvc, rvc_scaled, v["maatmaninkomen"], ao, on)
        result.update(
            {
                "lgu_duur_maanden": duur,
                "lgu_eerste_maanden_per_maand_cent": int(wia.lgu(ctx, mloon, scaled, 0, on)) if duur else 0,
                "lgu_daarna_per_maand_cent": int(wia.lgu(ctx, mloon, scaled, 2, on)) if duur else 0,
                "inkomenseis_cent": int(wia.inkomenseis(ctx, rvc, v["maatmaninkomen"], on)),
                "na_lgu": "loonaanvullingsuitkering" if bool(is_lau) else "vervolguitkering",
                "na_lgu_per_maand_cent": int(after),
                "vervolguitkering_per_maand_cent": int(wia.vvu(ctx, mloon, ao, on)),
            }
        )
    else:
        result["toelichting"] = "Minder dan 35% arbeidsongeschikt: geen WIA-uitkering (zie onderwerp ww)."
    result["bon"] = r.as_dict()
    return result


def _ww(ctx, v):
    r = Receipt(ctx, inputs=v)
    on = v["datum"]
    capped, _ = wia.dagloon(ctx, v["sv_jaarloon"], on)
    mloon = int(wia.maandloon(ctx, capped, on))
    duur = int(ww.duur_maanden(ctx, v["jaren_voor_2016"], v["jaren_vanaf_2016"], v["jareneis"], on))
    r.step(
        "WW-dagloon benaderd met het loon van het refertejaar / 261 (het WW-refertejaar sluit loonloze tijdvakken uit)."
    )
    return {
        "onderwerp": "ww",
        "duur_maanden": duur,
        "maandloon_cent": mloon,
        "eerste_maanden_per_maand_cent": int(ww.uitkering(ctx, mloon, 0, on)),
        "daarna_per_maand_cent": int(ww.uitkering(ctx, mloon, 2, on)),
        "bijstand_per_maand_cent_netto_benadering": ww.bijstand_norm(ctx, v["huishouden"], on),
        "bon": r.as_dict(),
    }


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
