"""After an update that changes a rule of the schedule (e.g. the route advice got its deadline), recompute
the stored schedule and RIV-toets of every case from its events. Stored schedules are derived data
(``Termijn`` rows are rebuilt after every event); this rebuilds them without waiting for the next event."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import transaction

from spoorwijzer.dossier import services
from spoorwijzer.dossier.models import Verzuimgeval
from spoorwijzer.law.errors import LawError


class Command(BaseCommand):
    help = "Berekent de opgeslagen termijnen en RIV-toets van alle dossiers opnieuw (na een update van de regels)."

    def handle(self, *args, **options):
        done = failed = 0
        for g in Verzuimgeval.objects.select_related("werknemer", "werkgever").iterator(chunk_size=200):
            try:
                with transaction.atomic():
                    services.vernieuw(g)
                done += 1
            except LawError as e:
                failed += 1
                self.stderr.write(f"Dossier {g.pk}: niet herberekend ({e}).")
        self.stdout.write(f"{done} dossier(s) herberekend" + (f", {failed} met een fout." if failed else "."))
