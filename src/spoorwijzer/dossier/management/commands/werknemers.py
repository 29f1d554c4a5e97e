"""Import or export an employer's employees in the payroll CSV format (see dossier/beheer.py):
  spoorwijzer beheer werknemers importeer "Bouw BV" salaris.csv [--controleer]
  spoorwijzer beheer werknemers exporteer "Bouw BV" > werknemers.csv
An import stores all rows or none; errors are listed per line."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from spoorwijzer.dossier import beheer
from spoorwijzer.dossier.models import Werkgever
from spoorwijzer.law.errors import InvalidInput


class Command(BaseCommand):
    help = "Leest werknemers in uit een CSV-bestand (salarisadministratie) of schrijft ze weg."

    def add_arguments(self, parser):
        parser.add_argument("actie", choices=["importeer", "exporteer"], help="importeer of exporteer")
        parser.add_argument("werkgever", help="naam van de werkgever")
        parser.add_argument("bestand", nargs="?", help="CSV-bestand (bij importeer)")
        parser.add_argument("--controleer", action="store_true", help="alleen controleren, niets opslaan")

    def handle(self, *args, **o):
        matches = list(Werkgever.objects.filter(naam=o["werkgever"])[:2])
        if len(matches) != 1:
            raise CommandError(f"{'Geen' if not matches else 'Meer dan één'} werkgever met de naam '{o['werkgever']}'.")
        werkgever = matches[0]
        if o["actie"] == "exporteer":
            self.stdout.write(beheer.exporteer(werkgever), ending="")
            return
        if not o.get("bestand"):
            raise CommandError("Geef het CSV-bestand op.")
        try:
            text = beheer.decodeer(Path(o["bestand"]).read_bytes())
        except OSError as exc:
            raise CommandError(f"Kan {o['bestand']} niet lezen: {exc.strerror}.") from None
        except InvalidInput as exc:
            raise CommandError(str(exc)) from None
        result = beheer.lees_csv(text, werkgever)
        for e in result.fouten:
            self.stderr.write(e)
        for r in result.rijen:
            for e in r.fouten:
                self.stderr.write(f"regel {r.regel}: {e}")
        if not result.in_orde:
            raise CommandError(f"{result.aantal_fouten} fout(en); er is niets ingelezen.")
        if o["controleer"]:
            self.stdout.write(f"{len(result.rijen)} regel(s) zonder fouten (niets opgeslagen).")
            return
        new, updated = beheer.importeer(None, werkgever, text)
        self.stdout.write(self.style.SUCCESS(f"Ingelezen: {new} nieuw, {updated} bijgewerkt."))
