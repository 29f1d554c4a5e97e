"""Restore an archive made by `spoorwijzer beheer backup` (dossier/backup.py), then check it against its
manifest (rows per table, every document's SHA-256, the audit's hash chain). Example:
  spoorwijzer beheer restore spoorwijzer-2026-11-24.tar.gz [--overschrijven]"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from spoorwijzer.dossier import backup
from spoorwijzer.law.errors import InvalidInput


class Command(BaseCommand):
    help = "Zet een back-up (database en documenten) terug en controleert die tegen het manifest."

    def add_arguments(self, parser):
        parser.add_argument("bestand", help="het archief van 'spoorwijzer beheer backup'")
        parser.add_argument(
            "--overschrijven", action="store_true", help="ook als de database al gegevens bevat (die gaan verloren)"
        )

    def handle(self, *args, bestand, overschrijven, **options):
        try:
            manifest = backup.zet_terug(Path(bestand), overschrijven=overschrijven)
        except InvalidInput as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            f"Teruggezet: back-up van {manifest['gemaakt_op']} ({sum(manifest['tabellen'].values())} rijen, "
            f"{len(manifest['documenten'])} documenten); aantallen, documenten en auditketen gecontroleerd."
        )
