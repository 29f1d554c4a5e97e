"""The RIV-toets as JSON: the input schema, parsing to ``law.toets.ToetsFeiten`` with Dutch errors that
name the field, and the output schema. No rule of law here (that is ``law/toets.py``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from spoorwijzer.law import toets as t
from spoorwijzer.law.errors import InvalidInput
from spoorwijzer.law.weeks import SickPeriod

DATE = {"type": "string", "format": "date", "description": "datum als JJJJ-MM-DD"}
DATE_OR_NULL = {"type": ["string", "null"], "format": "date"}


def _obj(description: str, properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


PARTIJEN = {"type": "array", "items": {"enum": list(t.PARTIJEN)}, "description": "wie instemde"}

INPUT_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Feiten van één dossier voor de RIV-toets",
    **_obj(
        "De feiten van één verzuimdossier waarop de toets van UWV vooraf wordt gedaan.",
        {
            "peildatum": {**DATE, "description": "de datum waarop getoetst wordt (standaard: vandaag)"},
            "perioden": {
                "type": "array",
                "minItems": 1,
                "description": "ziekteperioden; perioden met minder dan vier weken ertussen tellen samen",
                "items": _obj(
                    "een ziekteperiode",
                    {"start": DATE, "eind": {**DATE_OR_NULL, "description": "leeg: loopt"}},
                    ["start"],
                ),
            },
            "stappen": {
                "type": "array",
                "description": "gehouden stappen met hun datum (evaluatie mag vaker voorkomen)",
                "items": _obj(
                    "een gehouden stap", {"code": {"enum": list(t.STAP_CODES)}, "datum": DATE}, ["code", "datum"]
                ),
            },
            "afwijkingen": {
                "type": "array",
                "description": "gemotiveerde afwijkingen van een termijn (Regeling procesgang art. 5)",
                "items": _obj(
                    "een gemotiveerde afwijking",
                    {
                        "stap": {"type": "string"},
                        "datum": DATE,
                        "motivatie": {"type": "string", "minLength": 1},
                        "door": {"type": "string"},
                        "rol": {"type": "string"},
                        "document": {"type": "string"},
                        "nieuwe_datum": DATE,
                    },
                    ["stap", "datum", "motivatie"],
                ),
            },
            "eerstejaarsevaluatie": _obj(
                "de eerstejaarsevaluatie en haar conclusie over terugkeer in de eigen organisatie",
                {
                    "datum": DATE,
                    "concreet_perspectief_eigen_werk": {
                        "type": "boolean",
                        "description": "concreet perspectief op structurele hervatting in de eigen organisatie op korte termijn",
                    },
                },
                ["datum", "concreet_perspectief_eigen_werk"],
            ),
            "uitzonderingen": {
                "type": "array",
                "description": "uitzonderingen en afspraken over het tweede spoor",
                "items": _obj(
                    "een uitzondering",
                    {
                        "grond": {"enum": list(t.UITZONDERING_GRONDEN)},
                        "datum": DATE,
                        "motivatie": {"type": "string"},
                        "ingestemd_door": PARTIJEN,
                    },
                    ["grond", "datum"],
                ),
            },
            "routekeuze": _obj(
                "de routekeuze spoor 1 / spoor 2 met motivering en instemming",
                {
                    "datum": DATE,
                    "spoor": {"enum": ["spoor_1", "spoor_2", "beide"]},
                    "motivatie": {"type": "string"},
                    "ingestemd_door": PARTIJEN,
                },
                ["datum", "spoor"],
            ),
            "tweede_spoor": _obj(
                "het tweede-spoortraject",
                {
                    "start": DATE,
                    "einde": DATE_OR_NULL,
                    "uitkomst": {"enum": [*t.TRAJECT_UITKOMSTEN, None]},
                    "reden": {"type": "string"},
                },
                ["start"],
            ),
            "re_integratieplan": _obj(
                "de inhoud van het re-integratieplan tweede spoor",
                {
                    "datum": DATE,
                    "trajectbeschrijving": {"type": "boolean"},
                    "persoonsprofiel": {"type": "boolean"},
                    "zoekprofiel": {"type": "boolean"},
                    "rapportagemomenten": {"type": "boolean"},
                },
                ["datum"],
            ),
            "zoekprofielen": {
                "type": "array",
                "description": "zoekprofielen (het laatste geldt), met de beroepen en waarop het is gebaseerd",
                "items": _obj(
                    "een zoekprofiel",
                    {
                        "datum": DATE,
                        "beroepen": {"type": "array", "items": {"type": "string"}},
                        "basis": {"enum": list(t.ZOEKPROFIEL_BASES)},
                    },
                    ["datum", "beroepen", "basis"],
                ),
            },
            "zoekactiviteit": {
                "type": "array",
                "description": "sollicitaties en netwerkcontacten per kalendermaand",
                "items": _obj(
                    "activiteit in één maand",
                    {
                        "maand": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$", "description": "JJJJ-MM"},
                        "sollicitaties": {"type": "integer", "minimum": 0},
                        "contacten": {"type": "integer", "minimum": 0},
                    },
                    ["maand"],
                ),
            },
            "laatste_zoekactiviteit": {**DATE_OR_NULL, "description": "datum van de laatste sollicitatie of contact"},
            "arbeidstherapeutisch_werken": {
                "type": "array",
                "description": "perioden van werken zonder loonwaarde",
                "items": _obj("een periode", {"start": DATE, "eind": DATE_OR_NULL}, ["start"]),
            },
            "resultaat": _obj(
                "de werksituatie aan (of verwacht aan) het einde van de wachttijd",
                {
                    "datum": DATE,
                    "structureel": {"type": "boolean"},
                    "loonwaarde_pct": {"type": "number", "minimum": 0, "maximum": 200},
                    "aanvaard_door_werknemer": {"type": "boolean"},
                },
                ["datum", "structureel", "loonwaarde_pct", "aanvaard_door_werknemer"],
            ),
            "oordelen": {
                "type": "array",
                "description": "oordelen van personen waar UWV's criteria ruimte laten; de toets maakt ze nooit zelf",
                "items": _obj(
                    "een vastgelegd oordeel",
                    {
                        "onderwerp": {
                            "enum": list(t.OORDEEL_ONDERWERPEN),
                            "description": "; ".join(
                                f"{k}: {v[1]} (oordeel van {v[0]})" for k, v in t.OORDEEL_ONDERWERPEN.items()
                            ),
                        },
                        "uitkomst": {"type": "boolean"},
                        "door": {"type": "string", "minLength": 1},
                        "rol": {"type": "string", "minLength": 1},
                        "datum": DATE,
                        "document": {"type": "string"},
                    },
                    ["onderwerp", "uitkomst", "door", "rol", "datum"],
                ),
            },
            "aow_op_eerste_ziektedag": {
                "type": "boolean",
                "description": "AOW-leeftijd al bereikt op de eerste ziektedag",
            },
            "aow_datum": {**DATE_OR_NULL, "description": "datum waarop de werknemer de AOW-leeftijd bereikt"},
            "vrijwillige_verlenging_weken": {"type": "integer", "minimum": 0},
            "loon": _obj(
                "loon voor de kosten van een loonsanctie (optioneel)",
                {
                    "maandloon": {"type": "number", "exclusiveMinimum": 0, "description": "bruto per maand in euro"},
                    "uren_per_week": {"type": "number", "exclusiveMinimum": 0},
                    "percentage_jaar2": {
                        "type": "number",
                        "description": "doorbetalingspercentage jaar 2 (standaard wettelijk)",
                    },
                },
                ["maandloon", "uren_per_week"],
            ),
        },
        ["perioden"],
    ),
}

GRONDSLAG = _obj(
    "de grondslag van de regel",
    {"regeling": {"type": "string"}, "artikel": {"type": "string"}, "url": {"type": "string"}},
    ["regeling", "artikel", "url"],
)
OUTPUT_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Uitkomst van de RIV-toets",
    **_obj(
        "Wat UWV naar verwachting concludeert, met de redenen.",
        {
            "bevindingen": {
                "type": "array",
                "description": "één bevinding per regel van de toets",
                "items": _obj(
                    "een bevinding",
                    {
                        "code": {"enum": [r.code for r in t.REGELS], "description": "de regel"},
                        "naam": {"type": "string", "description": "de regel in het Nederlands"},
                        "oordeel": {
                            "enum": list(t.OORDELEN),
                            "description": "in orde, risico, tekortkoming of niet van toepassing",
                        },
                        "uitleg": {"type": "string", "description": "uitleg die de gebruikte feiten noemt"},
                        "grondslag": GRONDSLAG,
                        "herstelactie": {
                            "type": "string",
                            "description": "wat de bevinding herstelt (leeg als niets nodig is)",
                        },
                        "herstel_uiterlijk": {**DATE_OR_NULL, "description": "uiterlijk wanneer"},
                        "herstel_stap": {
                            "type": ["string", "null"],
                            "description": "de stap of het formulier dat herstelt",
                        },
                        "wie_oordeelt": {
                            "type": "string",
                            "description": "wie moet oordelen waar de toets dat niet kan",
                        },
                        "bekorting_weken": {
                            "type": "integer",
                            "description": "zoveel weken korter wordt de verwachte loonsanctie als dit tijdig wordt hersteld",
                        },
                    },
                    [
                        "code",
                        "naam",
                        "oordeel",
                        "uitleg",
                        "grondslag",
                        "herstelactie",
                        "herstel_uiterlijk",
                        "herstel_stap",
                        "wie_oordeelt",
                        "bekorting_weken",
                    ],
                ),
            },
            "tweede_spoor_vereist": {"type": ["boolean", "null"], "description": "of een tweede spoor nodig is"},
            "tweede_spoor_uiterlijk": {**DATE_OR_NULL, "description": "uiterste startdatum van het tweede spoor"},
            "bevredigend_resultaat": {
                "type": "boolean",
                "description": "bevredigend re-integratieresultaat: geen loonsanctie",
            },
            "loonsanctie_mogelijk": {
                "type": "boolean",
                "description": "of UWV een loonsanctie kan opleggen als niets verandert",
            },
            "verwachte_loonsanctie_weken": {"type": "integer", "minimum": 0, "description": "schatting van de duur"},
            "verwachte_loonsanctie_eur": {
                "type": ["number", "null"],
                "description": "kosten voor de werkgever in euro (loon op het niveau van jaar 2); leeg zonder loon",
            },
            "bon": {
                "type": "object",
                "description": "de bon: invoer, gebruikte parameters met grondslag, regelversie en de stappen in woorden",
            },
        },
        [
            "bevindingen",
            "tweede_spoor_vereist",
            "tweede_spoor_uiterlijk",
            "bevredigend_resultaat",
            "loonsanctie_mogelijk",
            "verwachte_loonsanctie_weken",
            "verwachte_loonsanctie_eur",
            "bon",
        ],
    ),
}


def schema() -> dict[str, Any]:
    return {"invoer": INPUT_SCHEMA, "uitvoer": OUTPUT_SCHEMA}


# --- parsing ------------------------------------------------------------------------------------


def _date(value: Any, where: str, *, optional: bool = False) -> dt.date | None:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise InvalidInput(f"{where}: verwacht een datum als JJJJ-MM-DD, kreeg {value!r}.")
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidInput(f"{where}: '{value}' is geen geldige datum (gebruik JJJJ-MM-DD).") from None


def _req_date(value: Any, where: str) -> dt.date:
    d = _date(value, where)
    assert d is not None
    return d


def _list(data: dict, key: str) -> list:
    value = data.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list):
        raise InvalidInput(f"{key}: verwacht een lijst.")
    return value


def _dict(value: Any, where: str) -> dict:
    if not isinstance(value, dict):
        raise InvalidInput(f"{where}: verwacht een object met velden.")
    return value


def _bool(value: Any, where: str, default: bool = False) -> bool:
    if value is None:
        return default
    if not isinstance(value, bool):
        raise InvalidInput(f"{where}: verwacht true of false, kreeg {value!r}.")
    return value


def _int(value: Any, where: str, default: int = 0) -> int:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidInput(f"{where}: verwacht een geheel getal van 0 of meer, kreeg {value!r}.")
    return value


def _number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidInput(f"{where}: verwacht een getal, kreeg {value!r}.")
    return float(value)


def _check_keys(data: dict, allowed: dict[str, Any], where: str) -> None:
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise InvalidInput(f"{where}: onbekend veld {', '.join(unknown)}; zie spoorwijzer toets --schema.")


def _required(data: dict, keys: list[str], where: str) -> None:
    for k in keys:
        if k not in data or data[k] is None:
            raise InvalidInput(f"{where}: het veld '{k}' ontbreekt.")


def _sub(name: str) -> dict[str, Any]:
    prop = INPUT_SCHEMA["properties"][name]
    return prop["items"] if prop.get("type") == "array" else prop


def _parts(raw: Any, where: str, schema_name: str) -> dict:
    d = _dict(raw, where)
    sub = _sub(schema_name)
    _check_keys(d, sub["properties"], where)
    _required(d, sub["required"], where)
    return d


def parse(data: Any, today: dt.date | None = None) -> t.ToetsFeiten:
    """JSON (already decoded) -> ToetsFeiten; a Dutch error names the field that is wrong."""
    data = _dict(data, "invoer")
    _check_keys(data, INPUT_SCHEMA["properties"], "invoer")
    if not data.get("perioden"):
        raise InvalidInput('perioden: geef ten minste één ziekteperiode op, bv. [{"start": "2025-01-06"}].')
    perioden = []
    for i, raw in enumerate(_list(data, "perioden")):
        d = _parts(raw, f"perioden[{i}]", "perioden")
        perioden.append(
            SickPeriod(
                _req_date(d["start"], f"perioden[{i}].start"),
                _date(d.get("eind"), f"perioden[{i}].eind", optional=True),
            )
        )
    peildatum = _date(data.get("peildatum"), "peildatum", optional=True) or today or dt.date.today()
    stappen = []
    for i, raw in enumerate(_list(data, "stappen")):
        d = _parts(raw, f"stappen[{i}]", "stappen")
        if d["code"] not in t.STAP_CODES:
            raise InvalidInput(f"stappen[{i}].code: onbekende stap '{d['code']}'; kies uit: {', '.join(t.STAP_CODES)}.")
        stappen.append(t.Stap(d["code"], _req_date(d["datum"], f"stappen[{i}].datum")))
    afwijkingen = []
    for i, raw in enumerate(_list(data, "afwijkingen")):
        d = _parts(raw, f"afwijkingen[{i}]", "afwijkingen")
        afwijkingen.append(
            t.Afwijking(
                str(d["stap"]),
                _req_date(d["datum"], f"afwijkingen[{i}].datum"),
                str(d["motivatie"]),
                str(d.get("door", "")),
                str(d.get("rol", "")),
                str(d.get("document", "")),
                _date(d.get("nieuwe_datum"), f"afwijkingen[{i}].nieuwe_datum", optional=True),
            )
        )
    eje = None
    if data.get("eerstejaarsevaluatie") is not None:
        d = _parts(data["eerstejaarsevaluatie"], "eerstejaarsevaluatie", "eerstejaarsevaluatie")
        eje = t.Eerstejaarsevaluatie(
            _req_date(d["datum"], "eerstejaarsevaluatie.datum"),
            _bool(d["concreet_perspectief_eigen_werk"], "eerstejaarsevaluatie.concreet_perspectief_eigen_werk"),
        )
    uitzonderingen = []
    for i, raw in enumerate(_list(data, "uitzonderingen")):
        d = _parts(raw, f"uitzonderingen[{i}]", "uitzonderingen")
        if d["grond"] not in t.UITZONDERING_GRONDEN:
            raise InvalidInput(
                f"uitzonderingen[{i}].grond: onbekende grond '{d['grond']}'; kies uit: {', '.join(t.UITZONDERING_GRONDEN)}."
            )
        uitzonderingen.append(
            t.Uitzondering(
                d["grond"],
                _req_date(d["datum"], f"uitzonderingen[{i}].datum"),
                str(d.get("motivatie") or ""),
                _partijen(d.get("ingestemd_door"), f"uitzonderingen[{i}].ingestemd_door"),
            )
        )
    routekeuze = None
    if data.get("routekeuze") is not None:
        d = _parts(data["routekeuze"], "routekeuze", "routekeuze")
        if d["spoor"] not in ("spoor_1", "spoor_2", "beide"):
            raise InvalidInput("routekeuze.spoor: kies spoor_1, spoor_2 of beide.")
        routekeuze = t.Routekeuze(
            _req_date(d["datum"], "routekeuze.datum"),
            d["spoor"],
            str(d.get("motivatie") or ""),
            _partijen(d.get("ingestemd_door"), "routekeuze.ingestemd_door"),
        )
    tweede = None
    if data.get("tweede_spoor") is not None:
        d = _parts(data["tweede_spoor"], "tweede_spoor", "tweede_spoor")
        if d.get("uitkomst") not in (None, *t.TRAJECT_UITKOMSTEN):
            raise InvalidInput(f"tweede_spoor.uitkomst: kies uit {', '.join(t.TRAJECT_UITKOMSTEN)}.")
        tweede = t.TweedeSpoor(
            _req_date(d["start"], "tweede_spoor.start"),
            _date(d.get("einde"), "tweede_spoor.einde", optional=True),
            d.get("uitkomst"),
            str(d.get("reden") or ""),
        )
    plan = None
    if data.get("re_integratieplan") is not None:
        d = _parts(data["re_integratieplan"], "re_integratieplan", "re_integratieplan")
        plan = t.PlanInhoud(
            _req_date(d["datum"], "re_integratieplan.datum"),
            *(
                _bool(d.get(k), f"re_integratieplan.{k}")
                for k in ("trajectbeschrijving", "persoonsprofiel", "zoekprofiel", "rapportagemomenten")
            ),
        )
    zoekprofielen = []
    for i, raw in enumerate(_list(data, "zoekprofielen")):
        d = _parts(raw, f"zoekprofielen[{i}]", "zoekprofielen")
        if d["basis"] not in t.ZOEKPROFIEL_BASES:
            raise InvalidInput(f"zoekprofielen[{i}].basis: kies uit {', '.join(t.ZOEKPROFIEL_BASES)}.")
        if not isinstance(d["beroepen"], list):
            raise InvalidInput(f"zoekprofielen[{i}].beroepen: verwacht een lijst van beroepen.")
        zoekprofielen.append(
            t.Zoekprofiel(
                _req_date(d["datum"], f"zoekprofielen[{i}].datum"), tuple(str(b) for b in d["beroepen"]), d["basis"]
            )
        )
    activiteit = []
    for i, raw in enumerate(_list(data, "zoekactiviteit")):
        d = _parts(raw, f"zoekactiviteit[{i}]", "zoekactiviteit")
        maand = _date(f"{d['maand']}-01" if isinstance(d["maand"], str) else d["maand"], f"zoekactiviteit[{i}].maand")
        activiteit.append(
            t.MaandActiviteit(
                maand,  # type: ignore[arg-type]
                _int(d.get("sollicitaties"), f"zoekactiviteit[{i}].sollicitaties"),
                _int(d.get("contacten"), f"zoekactiviteit[{i}].contacten"),
            )
        )
    atw = []
    for i, raw in enumerate(_list(data, "arbeidstherapeutisch_werken")):
        d = _parts(raw, f"arbeidstherapeutisch_werken[{i}]", "arbeidstherapeutisch_werken")
        atw.append(
            t.Periode(
                _req_date(d["start"], f"arbeidstherapeutisch_werken[{i}].start"),
                _date(d.get("eind"), f"arbeidstherapeutisch_werken[{i}].eind", optional=True),
            )
        )
    resultaat = None
    if data.get("resultaat") is not None:
        d = _parts(data["resultaat"], "resultaat", "resultaat")
        resultaat = t.Resultaat(
            _req_date(d["datum"], "resultaat.datum"),
            _bool(d["structureel"], "resultaat.structureel"),
            _number(d["loonwaarde_pct"], "resultaat.loonwaarde_pct"),
            _bool(d["aanvaard_door_werknemer"], "resultaat.aanvaard_door_werknemer"),
        )
    oordelen = []
    for i, raw in enumerate(_list(data, "oordelen")):
        d = _parts(raw, f"oordelen[{i}]", "oordelen")
        if d["onderwerp"] not in t.OORDEEL_ONDERWERPEN:
            raise InvalidInput(f"oordelen[{i}].onderwerp: kies uit {', '.join(t.OORDEEL_ONDERWERPEN)}.")
        oordelen.append(
            t.Oordeel(
                d["onderwerp"],
                _bool(d["uitkomst"], f"oordelen[{i}].uitkomst"),
                str(d["door"]),
                str(d["rol"]),
                _req_date(d["datum"], f"oordelen[{i}].datum"),
                str(d.get("document") or ""),
            )
        )
    loon = None
    if data.get("loon") is not None:
        d = _parts(data["loon"], "loon", "loon")
        maandloon = _number(d["maandloon"], "loon.maandloon")
        uren = _number(d["uren_per_week"], "loon.uren_per_week")
        if maandloon <= 0 or uren <= 0:
            raise InvalidInput("loon: maandloon en uren per week moeten groter dan 0 zijn.")
        pct = d.get("percentage_jaar2")
        loon = t.Loon(
            round(maandloon * 100), round(uren * 100), None if pct is None else _number(pct, "loon.percentage_jaar2")
        )
    return t.ToetsFeiten(
        perioden=tuple(perioden),
        peildatum=peildatum,
        stappen=tuple(stappen),
        afwijkingen=tuple(afwijkingen),
        eerstejaarsevaluatie=eje,
        uitzonderingen=tuple(uitzonderingen),
        routekeuze=routekeuze,
        tweede_spoor=tweede,
        re_integratieplan=plan,
        zoekprofielen=tuple(zoekprofielen),
        zoekactiviteit=tuple(activiteit),
        laatste_zoekactiviteit=_date(data.get("laatste_zoekactiviteit"), "laatste_zoekactiviteit", optional=True),
        arbeidstherapeutisch=tuple(atw),
        resultaat=resultaat,
        oordelen=tuple(oordelen),
        aow_op_eerste_ziektedag=_bool(data.get("aow_op_eerste_ziektedag"), "aow_op_eerste_ziektedag"),
        aow_datum=_date(data.get("aow_datum"), "aow_datum", optional=True),
        vrijwillige_verlenging_weken=_int(data.get("vrijwillige_verlenging_weken"), "vrijwillige_verlenging_weken"),
        loon=loon,
    )


def _partijen(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or any(v not in t.PARTIJEN for v in value):
        raise InvalidInput(f"{where}: verwacht een lijst met 'werkgever' en/of 'werknemer'.")
    return tuple(value)


FIELD_DESCRIPTIONS = {
    "invoer.stappen[].code": "welke stap: " + ", ".join(t.STAP_CODES),
    "invoer.afwijkingen[].stap": "de stap waarvan de termijn is afgeweken",
    "invoer.afwijkingen[].motivatie": "waarom (verplicht)",
    "invoer.afwijkingen[].door": "wie de afwijking beoordeelde (naam)",
    "invoer.afwijkingen[].rol": "in welke rol (bv. bedrijfsarts)",
    "invoer.afwijkingen[].document": "het document waarin het oordeel staat",
    "invoer.afwijkingen[].nieuwe_datum": "de nieuwe datum van een stap die nog niet is gedaan",
    "invoer.uitzonderingen[].grond": "concreet perspectief eigen werk, blijvend marginale mogelijkheden, AOW binnen een "
    "jaar na de wachttijd, geen benutbare mogelijkheden, of een andere gemotiveerde keuze",
    "invoer.uitzonderingen[].motivatie": "de vastgelegde motivering",
    "invoer.routekeuze.spoor": "spoor_1 (eigen werkgever), spoor_2 (andere werkgever) of beide",
    "invoer.routekeuze.motivatie": "de motivering van de keuze",
    "invoer.tweede_spoor.einde": "einddatum van het traject (leeg: loopt)",
    "invoer.tweede_spoor.uitkomst": "plaatsing, eigen_werkgever of geen_resultaat",
    "invoer.tweede_spoor.reden": "reden van beëindiging",
    "invoer.re_integratieplan.trajectbeschrijving": "het plan beschrijft het traject",
    "invoer.re_integratieplan.persoonsprofiel": "het plan bevat een persoonsprofiel",
    "invoer.re_integratieplan.zoekprofiel": "het plan bevat een zoekprofiel",
    "invoer.re_integratieplan.rapportagemomenten": "het plan noemt de rapportagemomenten",
    "invoer.zoekprofielen[].beroepen": "beroepen, functies of branches in het zoekprofiel",
    "invoer.zoekprofielen[].basis": "waarop het zoekprofiel berust: belastbaarheid en arbeidsmarkt, arbeidsdeskundig "
    "onderzoek, of alleen de wens van de werknemer",
    "invoer.zoekactiviteit[].sollicitaties": "aantal sollicitaties in die maand",
    "invoer.zoekactiviteit[].contacten": "aantal netwerkcontacten in die maand",
    "invoer.arbeidstherapeutisch_werken[].eind": "laatste dag (leeg: loopt nog)",
    "invoer.resultaat.structureel": "het werk is structureel (blijft na de wachttijd)",
    "invoer.resultaat.loonwaarde_pct": "loonwaarde als percentage van het loon vóór de ziekte",
    "invoer.resultaat.aanvaard_door_werknemer": "de werknemer heeft het werk aanvaard",
    "invoer.oordelen[].uitkomst": "het oordeel (true/false, zie onderwerp)",
    "invoer.oordelen[].door": "naam van wie oordeelde",
    "invoer.oordelen[].rol": "rol, bv. bedrijfsarts of arbeidsdeskundige",
    "invoer.oordelen[].document": "het document waarin het oordeel staat",
    "invoer.vrijwillige_verlenging_weken": "vrijwillige verlenging van de wachttijd in weken (WIA art. 24)",
    "invoer.loon.uren_per_week": "contracturen per week",
    "uitvoer.bevindingen[].grondslag.regeling": "regeling of beleidsregel",
    "uitvoer.bevindingen[].grondslag.artikel": "artikel, lid of paragraaf",
    "uitvoer.bevindingen[].grondslag.url": "vindplaats van de tekst",
}


def _describe() -> None:
    for path, text in FIELD_DESCRIPTIONS.items():
        side, *parts = path.split(".")
        node = INPUT_SCHEMA if side == "invoer" else OUTPUT_SCHEMA
        for part in parts:
            key = part.removesuffix("[]")
            node = node["properties"][key]
            if part.endswith("[]"):
                node = node["items"]
        node["description"] = text


_describe()
