"""``spoorwijzer simuleer``: a cohort microsimulation of reforms against the current rules."""

from __future__ import annotations

import argparse
import json
import sys

from spoorwijzer.simulation.hervormingen import HERVORMINGEN


def _simuleer(args: argparse.Namespace) -> int:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from spoorwijzer.simulation import model, vergelijking

    settings = model.Settings(personen=args.personen, jaren=args.jaren, seed=args.seed)
    client = None
    if args.dask:
        from distributed import Client, LocalCluster

        cluster = LocalCluster(n_workers=args.dask, threads_per_worker=1, dashboard_address=None, host="127.0.0.1")
        client = Client(cluster)
    try:
        with Progress(
            TextColumn("Simulatie"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("runs"),
            TimeRemainingColumn(),
            transient=True,
            disable=args.stil,
            console=_stderr_console(),
        ) as bar:
            task = bar.add_task("runs", total=None)

            def progress(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            result = vergelijking.vergelijk(
                args.hervorming or [], settings, args.seeds, not args.zonder_variatie, client, progress
            )
    finally:
        if client is not None:
            client.close()
            cluster.close()
    if args.grafiek:
        from spoorwijzer.simulation import grafiek

        grafiek.teken(result, args.grafiek)
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        _print(result)
    return 0


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def _print(result) -> None:
    from rich.console import Console
    from rich.table import Table

    from spoorwijzer.simulation.opmaak import aandeel, bedrag, getal
    from spoorwijzer.simulation.vergelijking import BASIS, KENGETALLEN

    console = Console()
    s = result["instellingen"]
    console.print(
        f"[bold]Microsimulatie[/bold]: {getal(s['personen'])} {s['cohort']}; "
        f"{s['jaren_na_wachttijd']} jaar na de wachttijd, {s['seeds']} seeds, prijspeil {s['prijspeil']}."
    )
    fmt = {"aantal": getal, "aandeel": aandeel, "euro": lambda c: bedrag(round(c))}
    table = Table(title="Uitkomsten (centrale aannames; verschil met de huidige regels, bereik over seeds en aannames)")
    table.add_column("Kengetal")
    for name in result["hervormingen"]:
        table.add_column("Huidige regels" if name == BASIS else name, justify="right")
    for code, (label, unit) in KENGETALLEN.items():
        row = [label]
        for name, r in result["hervormingen"].items():
            f = r["kengetallen"][code]
            cell = fmt[unit](f["waarde"])
            if name != BASIS:
                lo, hi = f["verschil_bereik"]
                cell += (
                    f"\n[dim]{_signed(fmt[unit], f['verschil_met_basis'])} ({fmt[unit](lo)} … {fmt[unit](hi)})[/dim]"
                )
            row.append(cell)
        table.add_row(*row)
    console.print(table)
    console.print("[bold]Kalibratie[/bold] (model tegen bron):")
    for c in result["kalibratie"]:
        mark = "binnen" if c["binnen_tolerantie"] else "[red]BUITEN[/red]"
        console.print(
            f"  {c['naam']}: bron {aandeel(c['bron_waarde'])}, model {aandeel(c['model_waarde'])} "
            f"({mark} ±{aandeel(c['tolerantie'])}; {c['bron']})"
        )
    console.print("[bold]Gedragsaannames[/bold] (gevarieerd laag/hoog; elk resultaat berust erop):")
    for name, a in result["aannames"].items():
        w = a["waarden"]
        console.print(f"  {name}: laag {w['laag']}, midden {w['midden']}, hoog {w['hoog']} — {a['bron']}")
    console.print("Grenzen van het model: zie docs/simulatie.md.")


def _signed(fmt, value) -> str:
    return ("+" if value > 0 else "") + fmt(value)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "simuleer",
        help="microsimulatie van hervormingen tegen de huidige regels (cohort vanaf de 42e-weeksmelding)",
        description="Volgt een synthetisch cohort zieke werknemers door de wachttijd en tien jaar daarna, "
        "met de inkomens en kosten uit de rekenregels van Spoorwijzer, en vergelijkt hervormingen met de "
        "huidige regels. Hervormingen: " + "; ".join(f"{n}: {r.description}" for n, r in HERVORMINGEN.items()),
    )
    p.add_argument(
        "--hervorming",
        action="append",
        metavar="NAAM",
        help="een hervorming (herhaalbaar; combineer met '+', bv. spoor2_week26+noriskpolis)",
    )
    p.add_argument("--personen", type=int, default=100_000, help="aantal werknemers in het cohort (standaard 100.000)")
    p.add_argument("--jaren", type=int, default=10, help="jaren na het einde van de wachttijd (standaard 10)")
    p.add_argument("--seeds", type=int, default=3, help="aantal herhalingen met andere toevalsgetallen (standaard 3)")
    p.add_argument("--seed", type=int, default=1, help="eerste seed (standaard 1)")
    p.add_argument("--zonder-variatie", action="store_true", help="varieer de gedragsaannames niet (sneller)")
    p.add_argument("--dask", type=int, metavar="WORKERS", help="verdeel de runs over een lokaal Dask-cluster")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")
    p.add_argument("--grafiek", metavar="BESTAND", help="schrijf de grafiek (.png of .svg)")
    p.add_argument("--stil", action="store_true", help="geen voortgangsbalk")
    p.set_defaults(func=_simuleer)
