"""``spoorwijzer toets``: the RIV-toets on one dossier's facts as JSON (file or standard input)."""

from __future__ import annotations

import argparse
import json
import sys

from spoorwijzer.law.errors import InvalidInput

VERDICT_STYLE = {"tekortkoming": "bold red", "risico": "yellow", "in_orde": "green", "niet_van_toepassing": "dim"}


def _toets(args: argparse.Namespace) -> int:
    from spoorwijzer import toets_invoer
    from spoorwijzer.law.context import LawContext
    from spoorwijzer.law.toets import toets

    if args.schema:
        print(json.dumps(toets_invoer.schema(), ensure_ascii=False, indent=2))
        return 0
    if not args.invoer:
        raise InvalidInput("Geef de feiten met --invoer BESTAND.json (of - voor standaardinvoer); zie --schema.")
    if args.invoer == "-":
        text = sys.stdin.read()
    else:
        with open(args.invoer, encoding="utf-8") as fh:
            text = fh.read()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"De invoer is geen geldige JSON (regel {exc.lineno}, kolom {exc.colno}).") from None
    feiten = toets_invoer.parse(data)
    uitkomst = toets(LawContext.baseline(), feiten)
    if args.json:
        print(json.dumps(uitkomst.as_dict(), ensure_ascii=False, indent=2))
    else:
        _print(uitkomst, feiten)
    return 0


def _print(u, feiten) -> None:
    from rich.table import Table

    from spoorwijzer.cli import console
    from spoorwijzer.law.toets import OORDEEL_NAAM, _euro, _nl

    c = console()
    table = Table(title=f"RIV-toets per {_nl(u.peildatum)} — einde wachttijd {_nl(u.einde_wachttijd)}")
    for col in ("Regel", "Oordeel", "Uitleg", "Herstel"):
        table.add_column(col, overflow="fold")
    order = {"tekortkoming": 0, "risico": 1, "in_orde": 2, "niet_van_toepassing": 3}
    for b in sorted(u.bevindingen, key=lambda b: order[b.oordeel]):
        style = VERDICT_STYLE[b.oordeel]
        herstel = b.herstelactie + (f" (uiterlijk {_nl(b.herstel_uiterlijk)})" if b.herstel_uiterlijk else "")
        if b.wie_oordeelt:
            herstel += f"\n[dim]Oordeel van: {b.wie_oordeelt}[/dim]"
        table.add_row(
            f"{b.naam}\n[dim]{b.grondslag}[/dim]", f"[{style}]{OORDEEL_NAAM[b.oordeel]}[/]", b.uitleg, herstel
        )
    c.print(table)
    if feiten.tweede_spoor is not None:  # once started, say when (as the case page does), not what was required
        late = f" (uiterlijk {_nl(u.tweede_spoor_uiterlijk)})" if u.tweede_spoor_uiterlijk else ""
        c.print(f"Tweede spoor gestart op {_nl(feiten.tweede_spoor.start)}{late}.")
    elif u.tweede_spoor_vereist:
        c.print(f"Tweede spoor vereist, uiterlijk gestart op {_nl(u.tweede_spoor_uiterlijk)}.")
    elif u.tweede_spoor_vereist is False:
        c.print("Tweede spoor niet vereist.")
    if u.bevredigend_resultaat:
        c.print("[green]Bevredigend re-integratieresultaat: geen loonsanctie.[/green]")
    if u.loonsanctie_mogelijk:
        cost = "" if u.verwachte_loonsanctie_cent is None else f", ongeveer {_euro(u.verwachte_loonsanctie_cent)}"
        c.print(f"[bold red]Loonsanctie mogelijk: verwacht {u.verwachte_loonsanctie_weken} weken{cost}.[/bold red]")
    else:
        c.print("Geen loonsanctie te verwachten op grond van deze feiten.")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("toets", help="de RIV-toets van UWV vooraf: bevindingen en loonsanctierisico van één dossier")
    p.add_argument("--invoer", metavar="BESTAND", help="de feiten als JSON (bestand, of - voor standaardinvoer)")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")
    p.add_argument("--schema", action="store_true", help="toon het JSON-schema van invoer en uitvoer")
    p.set_defaults(func=_toets)
