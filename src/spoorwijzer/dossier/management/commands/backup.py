"""Back up the database and the documents into one archive (dossier/backup.py). Example:
  spoorwijzer beheer backup /veilige/plek/spoorwijzer-2026-11-24.tar.gz
The archive is written 0600 and holds health data: keep it encrypted (docs/security.md)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from spoorwijzer.dossier import backup
from spoorwijzer.law.errors import InvalidInput


class Command(BaseCommand):
    help = "Maakt een back-up van de database en alle documenten in één archief (.tar.gz)."

    def add_arguments(self, parser):
        parser.add_argument("bestand", help="het archief dat wordt gemaakt, bv. spoorwijzer-2026-11-24.tar.gz")

    def handle(self, *args, bestand, **options):
        try:
            manifest = backup.maak_backup(Path(bestand))
        except InvalidInput as exc:
            raise CommandError(str(exc)) from None
        rijen = sum(manifest["tabellen"].values())
        self.stdout.write(
            f"Back-up gemaakt: {bestand} ({manifest['database']}, {rijen} rijen, "
            f"{len(manifest['documenten'])} documenten). Laatste audithash: {manifest['laatste_audithash'] or '—'}."
        )
        self.stdout.write("Bewaar het archief versleuteld: het bevat gezondheidsgegevens.")
