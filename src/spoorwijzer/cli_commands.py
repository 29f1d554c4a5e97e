"""Further subcommands of ``spoorwijzer`` (parameters overview, demo). Kept apart to keep cli.py short."""

from __future__ import annotations

import argparse
import datetime as dt

from rich.table import Table

from spoorwijzer.law.context import LawContext


def console():
    from spoorwijzer.cli import console as make

    return make()


def _euro_value(value, param, unit: str | None = None):
    """Money in euros for people (parameter files keep eurocent), also in a part of a table-like value whose own
    unit is eurocent (a fee beside a term in weeks)."""
    unit = unit or param.unit
    if isinstance(value, dict):
        return {k: _euro_value(v, param, param.part(k).unit) for k, v in value.items()}
    if isinstance(value, list):
        return [_euro_value(v, param, unit) for v in value]
    return value / 100 if unit == "eurocent" and isinstance(value, int) and not isinstance(value, bool) else value


_DATE = {"type": "string", "format": "date"}
PARAMETERS_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Parameters van wet (uitvoer van spoorwijzer parameters --json)",
    "description": "Elke parameter van wet met zijn gedateerde versies en hun grondslag; bedragen in euro.",
    "type": "array",
    "items": {
        "type": "object",
        "description": "Eén parameter van wet (een bestand onder law/parameters/).",
        "additionalProperties": False,
        "required": ["naam", "omschrijving", "eenheid", "versies"],
        "properties": {
            "naam": {"type": "string", "description": "Naam zoals de wetsregels hem lezen, bv. wfsv.maximum_dagloon."},
            "omschrijving": {"type": "string", "description": "Wat de parameter regelt, in het Nederlands."},
            "eenheid": {
                "type": "string",
                "description": "Eenheid van de waarde: euro (bedragen), weeks, days, months, years, percent, count, "
                "text, of mixed (een tabel met een eigen eenheid per onderdeel: zie onderdelen).",
            },
            "onderdelen": {
                "type": "object",
                "description": "Bij een tabel als waarde: per sleutel de naam in woorden en de eigen eenheid.",
                "additionalProperties": {
                    "type": "object",
                    "description": "Eén onderdeel van de tabel.",
                    "additionalProperties": False,
                    "required": ["naam", "eenheid"],
                    "properties": {
                        "naam": {"type": "string", "description": "Wat het onderdeel is, in het Nederlands."},
                        "eenheid": {"type": "string", "description": "Eenheid van dit onderdeel (euro voor bedragen)."},
                    },
                },
            },
            "versies": {
                "type": "array",
                "description": "De versies, oudste eerst; met --datum alleen de versie die op die dag geldt.",
                "items": {
                    "type": "object",
                    "description": "Eén versie: een waarde die geldt van een datum tot en met een datum (of open).",
                    "additionalProperties": False,
                    "required": ["geldig_vanaf", "geldig_tot_en_met", "waarde", "grondslag", "wet", "artikel", "url"],
                    "properties": {
                        "geldig_vanaf": dict(_DATE, description="Eerste dag waarop de waarde geldt (JJJJ-MM-DD)."),
                        "geldig_tot_en_met": {
                            "type": ["string", "null"],
                            "format": "date",
                            "description": "Laatste dag waarop de waarde geldt; null als er geen einde bekend is.",
                        },
                        "waarde": {
                            "type": ["number", "string", "boolean", "object", "array", "null"],
                            "description": "De waarde: een getal (bedragen in euro), of een tabel of object van "
                            "getallen zoals in het parameterbestand; null waar de regel in die periode geen vaste "
                            "termijn kende (de toelichting zegt waarom).",
                        },
                        "grondslag": {"type": "string", "description": "Wet en artikel in één regel tekst."},
                        "wet": {"type": "string", "description": "De wet of de beleidstekst (bv. UWV) van de waarde."},
                        "artikel": {"type": "string", "description": "Artikel, lid of paragraaf in die tekst."},
                        "url": {"type": "string", "format": "uri", "description": "Vindplaats van de bron."},
                        "voorlopig": {
                            "type": "boolean",
                            "description": "Waar als het bedrag niet gevonden is en het vorige is doorgetrokken.",
                        },
                        "toelichting": {
                            "type": ["string", "null"],
                            "description": "Toelichting bij de versie (bron van het bedrag, aanname), of null.",
                        },
                    },
                },
            },
        },
    },
}


def _parameters_json(on: dt.date | None) -> int:
    import json

    out = []
    for p in LawContext.baseline().parameters:
        versions = [v for v in p.versions if on is None or v.covers(on)]
        out.append(
            {
                "naam": p.name,
                "omschrijving": p.description,
                "eenheid": "euro" if p.unit == "eurocent" else p.unit,
                "onderdelen": {
                    key: {"naam": part.label, "eenheid": "euro" if part.unit == "eurocent" else part.unit}
                    for key, part in p.parts
                },
                "versies": [
                    {
                        "geldig_vanaf": v.valid_from.isoformat(),
                        "geldig_tot_en_met": v.valid_to.isoformat() if v.valid_to else None,
                        "waarde": _euro_value(v.value, p),
                        "grondslag": str(v.reference),
                        "wet": v.reference.law,
                        "artikel": v.reference.article,
                        "url": v.reference.url,
                        "voorlopig": v.voorlopig,
                        "toelichting": v.note or None,
                    }
                    for v in versions
                ],
            }
        )
    print(json.dumps(out, ensure_ascii=False, indent=2, default=str))
    return 0


def _parameters(args: argparse.Namespace) -> int:
    from spoorwijzer.cli import parse_date

    if args.schema:
        import json

        print(json.dumps(PARAMETERS_SCHEMA, ensure_ascii=False, indent=2))
        return 0
    on = parse_date(args.datum, "--datum") if args.datum else None
    if args.json:
        return _parameters_json(on)
    table = Table(title="Parameters van wet" + (f" op {on}" if on else ""))
    for col in ("Naam", "Waarde", "Eenheid", "Geldig", "Grondslag"):
        table.add_column(col, overflow="fold")
    for p in LawContext.baseline().parameters:
        versions = [p.version_on(on)] if on and any(v.covers(on) for v in p.versions) else p.versions
        if on and not any(v.covers(on) for v in p.versions):
            table.add_row(p.name, "[red]geen waarde[/red]", p.unit, "—", "")
            continue
        for v in versions:
            flag = " [yellow](voorlopig)[/yellow]" if v.voorlopig else ""
            shown = "geen vaste termijn" if v.value is None else v.value
            table.add_row(p.name, f"{shown}{flag}", p.unit, f"{v.valid_from} – {v.valid_to or ''}", str(v.reference))
    console().print(table)
    return 0


def _bereken(args: argparse.Namespace) -> int:
    import json

    from spoorwijzer import berekeningen
    from spoorwijzer.cli import UsageError

    if args.schema:
        print(json.dumps(berekeningen.schema(args.onderwerp), ensure_ascii=False, indent=2))
        return 0
    if args.json:  # errors as a JSON object on stdout, exit 2, so a program can read them
        from spoorwijzer.law.errors import LawError

        try:
            return _bereken_run(args)
        except (LawError, UsageError) as exc:
            import re

            message = str(exc)
            field = re.match(r"Veld '([^']+)'", message)
            from spoorwijzer.law.errors import ParameterNotCovered

            code = "geen_parameterwaarde" if isinstance(exc, ParameterNotCovered) else "ongeldige_invoer"
            print(
                json.dumps(
                    {"fout": {"code": code, "melding": message, "veld": field.group(1) if field else None}},
                    ensure_ascii=False,
                    indent=2,
                )
            )
            return 2
    return _bereken_run(args)


def _bereken_run(args: argparse.Namespace) -> int:
    import json
    import sys

    from spoorwijzer import berekeningen
    from spoorwijzer.cli import UsageError
    from spoorwijzer.law.errors import InvalidInput

    if not args.invoer:
        raise UsageError("Geef de invoer met --invoer BESTAND.json (of - voor standaardinvoer); zie --schema.")
    if args.invoer == "-":
        text = sys.stdin.read()
    else:
        with open(args.invoer, encoding="utf-8") as fh:
            text = fh.read()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"De invoer is geen geldige JSON (regel {exc.lineno}, kolom {exc.colno}).") from None
    result = berekeningen.run(args.onderwerp, data)
    if args.grafiek:
        if args.onderwerp != "inkomenspad":
            raise UsageError("--grafiek kan alleen bij het onderwerp inkomenspad.")
        if not args.grafiek.lower().endswith((".png", ".svg")):
            raise UsageError("--grafiek verwacht een bestandsnaam op .png of .svg.")
        from spoorwijzer.grafiek import inkomenspaden

        inkomenspaden(result, args.grafiek)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        from spoorwijzer.uitleg import print_result

        print_result(result, console())
        if args.grafiek:
            console().print(f"Grafiek geschreven naar {args.grafiek}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    from spoorwijzer.berekeningen import SUBJECTS

    b = sub.add_parser("bereken", help="berekeningen: loondoorbetaling, WIA, WW, inkomenspad, werkgeverskosten")
    b.add_argument("onderwerp", choices=list(SUBJECTS), help="wat berekend wordt")
    b.add_argument("--invoer", metavar="BESTAND", help="JSON-invoer (bestand of - voor standaardinvoer)")
    b.add_argument("--schema", action="store_true", help="toon het JSON-schema van de invoer")
    b.add_argument("--json", action="store_true", help="uitvoer als JSON")
    b.add_argument("--grafiek", metavar="BESTAND", help="teken de inkomenspaden (.png of .svg)")
    b.set_defaults(func=_bereken)

    p = sub.add_parser("parameters", help="toon de parameters van wet met hun grondslag")
    p.add_argument("--datum", help="alleen de waarden die op deze datum gelden")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON (bedragen in euro)")
    p.add_argument("--schema", action="store_true", help="toon het JSON-schema van de uitvoer van --json")
    p.set_defaults(func=_parameters)
    register_demo(sub)
    from spoorwijzer import cli_toets

    cli_toets.register(sub)


def _demo(args: argparse.Namespace) -> int:
    """Set up the embedded database (SQLite), fill it with demo data and start the web app."""
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "spoorwijzer.settings")
    # demo mode: the second-step page shows the demo accounts' codes (their authenticator's key is published)
    os.environ["SPOORWIJZER_DEMO"] = "1"
    import django
    from django.core.management import call_command

    django.setup()
    _check_port(args.host, args.poort)
    call_command("migrate", verbosity=0)
    call_command(
        "demodata", *(["--reset"] if args.reset else []), *(["--vandaag", args.vandaag] if args.vandaag else [])
    )
    from django.db import connections

    # gunicorn forks its workers from this process: a connection opened here would be shared by all of them
    # (PostgreSQL answers one worker's query on another's socket); each worker opens its own instead
    connections.close_all()
    return _serve(args)


def _check_port(host: str, poort: str) -> None:
    """A clear Dutch message instead of gunicorn's English retry loop when the address is taken or wrong."""
    import socket

    from spoorwijzer.cli import UsageError

    try:
        port = int(poort)
    except ValueError:
        raise UsageError(f"--poort verwacht een getal, bv. 8000 (niet '{poort}').") from None
    if not 0 < port < 65536:
        raise UsageError(f"--poort moet tussen 1 en 65535 liggen (niet {port}).")
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as sock:
        # as gunicorn binds: connections of a server stopped a moment ago (TIME_WAIT) do not hold the port, a
        # listening server still does
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            if exc.errno in (98, 48, 10048):  # address in use (Linux, macOS, Windows)
                raise UsageError(
                    f"Poort {port} op {host} is al in gebruik (draait Spoorwijzer al, of een ander programma?). "
                    f"Kies een andere poort, bv. --poort {port + 1}."
                ) from None
            raise UsageError(f"Kan niet luisteren op {host}:{port}: {exc.strerror}.") from None


def _geen_server_banner() -> None:
    """gunicorn writes "Server: gunicorn" on every response and has no setting for it; drop that line (issue 10,
    item 14: no banner that names the software to an attacker). Patched in the master before the workers fork."""
    from gunicorn.http import wsgi

    if getattr(wsgi.Response.default_headers, "zonder_banner", False):
        return
    original = wsgi.Response.default_headers

    def default_headers(self):
        return [h for h in original(self) if not h.lower().startswith("server:")]

    default_headers.zonder_banner = True
    wsgi.Response.default_headers = default_headers


def _serve(args: argparse.Namespace) -> int:
    """Serve the web app with gunicorn (several workers; they may share one PostgreSQL via DATABASE_URL)."""
    import os

    from gunicorn.app.wsgiapp import WSGIApplication

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "spoorwijzer.settings")
    _check_port(args.host, args.poort)
    address = f"{args.host}:{args.poort}"
    console().print(f"[bold]Spoorwijzer draait op http://{address}/[/bold] (stoppen met Ctrl-C)")
    argv = [
        "gunicorn",
        "spoorwijzer.wsgi:application",
        "--bind",
        address,
        "--workers",
        str(args.workers),
        "--access-logfile",
        "-",
    ]

    _geen_server_banner()

    class App(WSGIApplication):
        def __init__(self):
            import sys

            sys.argv = argv
            super().__init__("%(prog)s [OPTIONS] [APP_MODULE]", prog="gunicorn")

    App().run()
    return 0


def _beheer(args: argparse.Namespace) -> int:
    """Django's management commands (migrate, demodata, stuur_termijnmeldingen, ...)."""
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "spoorwijzer.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["spoorwijzer beheer", *args.opdracht])
    return 0


def _dutch_help(parser: argparse.ArgumentParser) -> None:
    """argparse's own lines in Dutch: the option heading and the -h/--help text."""
    parser._optionals.title = "opties"
    for action in parser._actions:
        if "-h" in action.option_strings:
            action.help = "toon deze hulp en stop"


def register_demo(sub: argparse._SubParsersAction) -> None:
    d = sub.add_parser(
        "demo",
        help="start de webapplicatie met demogegevens (SQLite)",
        description="Start Spoorwijzer met demogegevens. De eerste keer worden ze aangemaakt; daarna blijven ze "
        "staan (met --reset maakt u ze opnieuw, met de datums van vandaag). De logins staan elke keer in de uitvoer.",
    )
    d.add_argument("--host", default="127.0.0.1", help="adres om op te luisteren (standaard: %(default)s)")
    d.add_argument("--poort", default="8000", help="poort om op te luisteren (standaard: %(default)s)")
    d.add_argument("--workers", type=int, default=2, help="aantal serverprocessen (standaard: %(default)s)")
    d.add_argument(
        "--reset", action="store_true", help="wis alle gegevens en maak verse demogegevens met de datums van vandaag"
    )
    d.add_argument("--vandaag", metavar="DATUM", help="bij nieuwe demogegevens: de datum waarop de demo speelt")
    d.set_defaults(func=_demo)
    _dutch_help(d)
    s = sub.add_parser("serve", help="start de webapplicatie (gunicorn); database via DATABASE_URL of SQLite")
    s.add_argument("--host", default="127.0.0.1", help="adres om op te luisteren (standaard: %(default)s)")
    s.add_argument("--poort", default="8000", help="poort om op te luisteren (standaard: %(default)s)")
    s.add_argument("--workers", type=int, default=4, help="aantal serverprocessen (standaard: %(default)s)")
    s.set_defaults(func=_serve)
    _dutch_help(s)
    b = sub.add_parser("beheer", help="beheeropdrachten (Django manage.py)")
    b.add_argument("opdracht", nargs=argparse.REMAINDER, help="de opdracht en haar argumenten, bv. migrate")
    b.set_defaults(func=_beheer)
