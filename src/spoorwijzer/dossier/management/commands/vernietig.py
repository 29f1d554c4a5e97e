"""Destroy what the retention periods no longer allow to keep (issue 10, item 12; dossier/bewaren.py):
  spoorwijzer beheer vernietig --proef      lists what is due, changes nothing
  spoorwijzer beheer vernietig              destroys it (each item in its own transaction, logged)
  spoorwijzer beheer vernietig --datum 2030-01-01 --proef   what would be due on that day

Run it daily (cron) after the backup. The employer's dossier goes two years after the case closed, the
bedrijfsarts's medical file twenty years after its last change (law/parameters/bewaartermijn/)."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from spoorwijzer.dossier import bewaren, services
from spoorwijzer.law.errors import LawError
from spoorwijzer.law.tekst import datum as nl_datum

ONDERDEEL = {"werkgeversdossier": "werkgeversdossier", "medisch": "medisch dossier (bedrijfsarts)"}


class Command(BaseCommand):
    help = "Vernietigt verzuimdossiers en medische dossiers waarvan de bewaartermijn verstreken is (met --proef: alleen tonen)."

    def add_arguments(self, parser):
        parser.add_argument("--proef", action="store_true", help="alleen tonen wat vernietigd zou worden")
        parser.add_argument("--datum", help="beoordelen alsof het deze dag is (jjjj-mm-dd); standaard vandaag")

    def handle(self, *args, proef=False, datum=None, **options):
        op = services.vandaag()
        if datum:
            try:
                op = dt.date.fromisoformat(datum)
            except ValueError:
                raise CommandError(f"Ongeldige datum '{datum}': schrijf jjjj-mm-dd, bv. 2030-01-31.") from None
            if not proef and op > services.vandaag():
                raise CommandError("Vernietigen met een datum in de toekomst kan niet; gebruik --proef om te kijken.")
        try:
            items = bewaren.vervallen(op)
        except LawError as exc:
            raise CommandError(str(exc)) from None
        if not items:
            self.stdout.write(f"Niets te vernietigen op {nl_datum(op)}.")
            return
        kop = "Te vernietigen" if proef else "Vernietigd"
        self.stdout.write(f"{kop} op {nl_datum(op)}: {len(items)} onderdeel/onderdelen.")
        totaal = 0
        for item in items:
            regel = (
                f"  dossier {item.geval.pk} ({item.geval.werknemer.naam}): {ONDERDEEL[item.onderdeel]}, "
                f"vervallen sinds {nl_datum(item.sinds)}"
            )
            if not proef:
                n = bewaren.vernietig(item, op)
                totaal += n
                regel += f" — {n} regels"
            self.stdout.write(regel)
        if proef:
            self.stdout.write("Proef: er is niets gewijzigd. Voer de opdracht zonder --proef uit om te vernietigen.")
        else:
            self.stdout.write(f"Klaar: {totaal} regels vernietigd; zie het toegangslog (vernietiging).")
