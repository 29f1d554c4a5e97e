"""The ``spoorwijzer`` command: calculations with JSON in and out, demo, server, maintenance."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table

from spoorwijzer import cli_taal, nl
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import LawError
from spoorwijzer.law.poortwachter import EVENT_CODES, STATUS_NAAM, Event, Schedule, schedule
from spoorwijzer.law.tekst import stapnaam
from spoorwijzer.law.weeks import SickPeriod

STATUS_STYLE = {"te_laat": "bold red", "binnenkort": "yellow", "gedaan": "green", "niet_nodig": "dim"}


class UsageError(Exception):
    """Bad command-line input; the message is for the user (Dutch)."""


def parse_date(text: str, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"{what}: '{text}' is geen geldige datum (gebruik JJJJ-MM-DD).") from None


def parse_period(text: str) -> SickPeriod:
    start, sep, end = text.partition(":")
    if not sep and not start:
        raise UsageError("--periode verwacht START:[EIND], bijvoorbeeld 2025-01-06: of 2025-01-06:2025-02-14.")
    first = parse_date(start, "--periode (start)")
    last = parse_date(end, "--periode (eind)") if end.strip() else None
    return SickPeriod(first, last)


def parse_event(text: str) -> Event:
    code, sep, rest = text.partition("=")
    if not sep:
        raise UsageError(f"--gebeurtenis verwacht CODE=DATUM, kreeg '{text}'.")
    if code.strip() not in EVENT_CODES:
        raise UsageError(
            f"--gebeurtenis: onbekende code '{code.strip()}'. Bekende codes: {', '.join(sorted(EVENT_CODES))}."
        )
    day, _, extra = rest.partition(":")
    data = {}
    if extra:
        key = {"tweede_spoor_uitzondering": "grond"}.get(code.strip(), "weken")
        data[key] = extra if key == "grond" else int(extra)
    return Event(code.strip(), parse_date(day, f"--gebeurtenis {code}"), data)


def _tijdlijn(args: argparse.Namespace) -> int:
    periods = [parse_period(p) for p in args.periode]
    events = [parse_event(e) for e in args.gebeurtenis or []]
    for flag, code in (("probleemanalyse", "probleemanalyse"), ("eerstejaarsevaluatie", "eerstejaarsevaluatie")):
        value = getattr(args, flag)
        if value:
            events.append(Event(code, parse_date(value, f"--{flag}")))
    if args.vrijwillige_verlenging:
        events.append(Event("vrijwillige_verlenging", periods[0].start, {"weken": args.vrijwillige_verlenging}))
    peildatum = parse_date(args.peildatum, "--peildatum") if args.peildatum else None
    sched = schedule(LawContext.baseline(), periods, events, peildatum=peildatum or dt.date.today(), aow=args.aow)
    if args.ics:
        Path(args.ics).write_bytes(_ics(sched))
    if args.json:
        print(json.dumps(sched.as_dict(), ensure_ascii=False, indent=2))
    else:
        _print_schedule(sched, args.alle_evaluaties)
        if args.ics:
            console().print(f"Agenda (iCalendar) geschreven naar {args.ics}")
    return 0


def _ics(sched: Schedule) -> bytes:
    from spoorwijzer.ical import schedule_to_ics

    return schedule_to_ics(sched)


def console() -> Console:
    """A console that does not squeeze tables to 80 columns when the output is piped."""
    c = Console()
    return c if c.is_terminal else Console(width=160)


def _print_schedule(sched: Schedule, all_evaluations: bool) -> None:
    console_ = console()
    w = sched.as_dict()
    title = f"Poortwachtertijdlijn — eerste ziektedag {nl.datum(sched.eerste_ziektedag)}"
    if sched.wachttijd.is_samengesteld:
        title += f" (samengeteld, {w['samentelling']['onderbrekingsdagen']} dagen onderbreking)"
    table = Table(
        title=title,
        caption=f"Status per {nl.datum(sched.peildatum)}; einde wachttijd {nl.datum(sched.einde_wachttijd)}",
    )
    for col in ("Stap", "Voorkeur", "Uiterlijk", "Status", "Grondslag"):
        table.add_column(col, overflow="fold")
    for s in sched.stappen if all_evaluations else sched.compact_steps():
        name = stapnaam(s.naam, s.volgnummer)
        if s.toelichting:
            name += f"\n[dim]{s.toelichting}[/dim]"
        status = STATUS_NAAM[s.status] + (f" ({nl.datum(s.gedaan_op)})" if s.gedaan_op else "")
        table.add_row(
            name,
            nl.datum(s.voorkeur) if s.voorkeur else "—",
            nl.datum(s.uiterlijk) if s.uiterlijk else "—",
            f"[{STATUS_STYLE.get(s.status, '')}]{status}[/]" if STATUS_STYLE.get(s.status) else status,
            s.grondslag,
        )
    console_.print(table)


def bestandsfout(exc: OSError) -> str:
    """A file error in Dutch (the operating system's own text is English)."""
    name = f" '{exc.filename}'" if exc.filename else ""
    if isinstance(exc, FileNotFoundError):
        return f"het bestand{name} bestaat niet."
    if isinstance(exc, PermissionError):
        return f"geen toegang tot het bestand{name}."
    if isinstance(exc, IsADirectoryError):
        return f"{name.strip() or 'dit'} is een map, geen bestand."
    return f"het bestand{name} kon niet worden gelezen of geschreven (foutcode {exc.errno})."


def build_parser() -> argparse.ArgumentParser:
    cli_taal.nederlands()
    parser = argparse.ArgumentParser(prog="spoorwijzer", description="Spoorwijzer: poortwachter en tweede spoor.")
    sub = parser.add_subparsers(dest="opdracht", metavar="OPDRACHT", required=True)

    t = sub.add_parser("tijdlijn", help="de poortwachtertijdlijn van een verzuimgeval")
    t.add_argument("--periode", action="append", required=True, metavar="START:[EIND]", help="ziekteperiode")
    t.add_argument("--eerstejaarsevaluatie", metavar="DATUM", help="datum waarop de eerstejaarsevaluatie is gehouden")
    t.add_argument("--probleemanalyse", metavar="DATUM", help="datum van de probleemanalyse")
    t.add_argument(
        "--gebeurtenis",
        action="append",
        metavar="CODE=DATUM[:EXTRA]",
        help="een gehouden stap, bv. evaluatie=2025-03-01",
    )
    t.add_argument("--vrijwillige-verlenging", type=int, metavar="WEKEN", help="verlenging van de wachttijd")
    t.add_argument("--aow", action="store_true", help="werknemer had op de eerste ziektedag de AOW-leeftijd")
    t.add_argument("--peildatum", metavar="DATUM", help="datum waarop de status wordt bepaald")
    t.add_argument("--alle-evaluaties", action="store_true", help="toon alle geplande evaluaties")
    t.add_argument("--json", action="store_true", help="uitvoer als JSON")
    t.add_argument("--ics", metavar="BESTAND", help="schrijf de termijnen als iCalendar-bestand")
    t.set_defaults(func=_tijdlijn)

    from spoorwijzer import cli_commands

    cli_commands.register(sub)
    from spoorwijzer import cli_simulatie

    cli_simulatie.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except (LawError, UsageError) as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"Fout: {bestandsfout(exc)}", file=sys.stderr)
        return 2
    except Exception as exc:  # a bug of ours: say so plainly, never show a traceback to a user
        print(
            f"Interne fout ({type(exc).__name__}: {exc}). Meld dit aan de beheerder van Spoorwijzer.", file=sys.stderr
        )
        return 3


if __name__ == "__main__":
    sys.exit(main())
