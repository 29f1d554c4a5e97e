"""Verify the audit log's hash chain: every row's hash over its content and the previous row's hash.

Exit code 0 when the chain is whole, 1 (with the first broken row) when a row was edited, removed, inserted or
reordered. `--bevat HASH` also checks that a hash noted earlier (outside the database) is still in the chain, which
shows that the end of the log was not cut off."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from spoorwijzer.dossier import append_only
from spoorwijzer.dossier.models import Auditregel


class Command(BaseCommand):
    help = "Controleer de hash-keten van het auditlog (NEN 7513): gewijzigde, verwijderde of ingevoegde regels."

    def add_arguments(self, parser):
        parser.add_argument("--bevat", metavar="HASH", help="een eerder genoteerde hash die in de keten moet staan")

    def handle(self, *args, bevat=None, **options):
        vorige, n, gezien = "", 0, bevat is None
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
        ]
        for row in Auditregel.objects.order_by("pk").only(*fields, "vorige_hash", "hash").iterator(chunk_size=2000):
            if row.vorige_hash != vorige:
                raise CommandError(
                    f"Auditregel {row.pk}: de keten is gebroken vóór deze regel (een regel is verwijderd, ingevoegd "
                    f"of verplaatst). Verwacht vorige hash {vorige or '(leeg)'}, gevonden {row.vorige_hash or '(leeg)'}."
                )
            if row.hash != row.bereken_hash(vorige):
                raise CommandError(f"Auditregel {row.pk}: de inhoud is gewijzigd na het vastleggen (hash klopt niet).")
            vorige = row.hash
            gezien = gezien or row.hash == bevat
            n += 1
        if not gezien:
            raise CommandError(f"De hash {bevat} staat niet (meer) in de keten: het einde van het log is afgekapt.")
        missing = {f"{t}_append_only" for t in append_only.TABLES} if connection.vendor == "postgresql" else set()
        missing -= append_only.installed(connection)
        if connection.vendor == "sqlite" and len(append_only.installed(connection)) < 2 * len(append_only.TABLES):
            missing = {"(sqlite-triggers)"}
        if missing:
            raise CommandError(
                f"De append-only-triggers ontbreken: {', '.join(sorted(missing))}. Draai 'beheer migrate'."
            )
        self.stdout.write(f"Auditlog in orde: {n} regels, keten ongebroken, append-only-triggers aanwezig.")
        self.stdout.write(
            f"Laatste hash: {vorige or '(leeg log)'} — bewaar deze buiten de database en controleer later"
        )
        self.stdout.write("met --bevat dat het log niet is afgekapt.")
