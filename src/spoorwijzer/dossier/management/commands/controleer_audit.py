"""Verify the audit log's hash chains: every row's hash over its content and the previous row's hash in its chain.

PostgreSQL writes several independent chains (the row's `keten`, decision 0032), each verified on its own from its
first row; the rows from before the chains are chain 0. Exit code 0 when every chain is whole, 1 (with the first
broken row) when a row was edited, removed, inserted, reordered or moved to another chain. `--bevat HASH` (once per
chain) also checks that a hash noted earlier (outside the database) is still in the log, which shows that the end
of a chain was not cut off."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from spoorwijzer.dossier import append_only
from spoorwijzer.dossier.models import Auditregel


class Command(BaseCommand):
    help = "Controleer de hash-ketens van het auditlog (NEN 7513): gewijzigde, verwijderde of ingevoegde regels."

    def add_arguments(self, parser):
        parser.add_argument(
            "--bevat",
            metavar="HASH",
            action="append",
            default=[],
            help="een eerder genoteerde hash die in het log moet staan (herhaal voor elke keten)",
        )

    def handle(self, *args, bevat=(), **options):
        vorige: dict[int, str] = {}  # per chain: the hash of its last row so far
        aantal: dict[int, int] = {}
        gezocht = set(bevat)
        fields = [
            "pk",
            "user_id",
            "rol",
            "actie",
            "geval_id",
            "object_soort",
            "object_id",
            "detail",
            "tijdstip",
            "organisatie_id",
            "keten",
        ]
        rows = Auditregel.objects.order_by("keten", "pk").only(*fields, "vorige_hash", "hash")
        for row in rows.iterator(chunk_size=2000):
            verwacht = vorige.get(row.keten, "")
            if row.vorige_hash != verwacht:
                raise CommandError(
                    f"Auditregel {row.pk}: de keten is gebroken vóór deze regel (keten {row.keten}; een regel is "
                    f"verwijderd, ingevoegd of verplaatst). Verwacht vorige hash {verwacht or '(leeg)'}, gevonden "
                    f"{row.vorige_hash or '(leeg)'}."
                )
            if row.hash != row.bereken_hash(verwacht):
                raise CommandError(f"Auditregel {row.pk}: de inhoud is gewijzigd na het vastleggen (hash klopt niet).")
            vorige[row.keten] = row.hash
            aantal[row.keten] = aantal.get(row.keten, 0) + 1
            gezocht.discard(row.hash)
        if gezocht:
            raise CommandError(
                f"De hash {sorted(gezocht)[0]} staat niet (meer) in het log: het einde van een keten is afgekapt."
            )
        missing = {f"{t}_append_only" for t in append_only.TABLES} if connection.vendor == "postgresql" else set()
        missing -= append_only.installed(connection)
        if connection.vendor == "sqlite" and len(append_only.installed(connection)) < 2 * len(append_only.TABLES):
            missing = {"(sqlite-triggers)"}
        if missing:
            raise CommandError(
                f"De append-only-triggers ontbreken: {', '.join(sorted(missing))}. Draai 'beheer migrate'."
            )
        n = sum(aantal.values())
        ketens = f"{len(aantal)} keten{'s' if len(aantal) != 1 else ''}"
        self.stdout.write(
            f"Auditlog in orde: {n} regels in {ketens}, elke keten ongebroken, append-only-triggers aanwezig."
        )
        if not vorige:
            self.stdout.write("Laatste hash: (leeg log)")
        for keten, h in sorted(vorige.items()):
            self.stdout.write(f"Laatste hash keten {keten} ({aantal[keten]} regels): {h}")
        self.stdout.write("Bewaar deze buiten de database en controleer later met --bevat (één per keten) dat het log")
        self.stdout.write("niet is afgekapt.")
