"""Create an organisation (a tenant), the first step of setting up Spoorwijzer:
  spoorwijzer beheer organisatie "Arbodienst Noord" --soort arbodienst
then its first casemanager with ``spoorwijzer beheer gebruiker``; the rest is done in the web UI."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from spoorwijzer.dossier.models import Organisatie
from spoorwijzer.dossier.services import audit

SOORTEN = [s for s, _ in Organisatie._meta.get_field("soort").choices]


class Command(BaseCommand):
    help = "Maakt een organisatie aan (arbodienst, casemanagementbureau of werkgever)."

    def add_arguments(self, parser):
        parser.add_argument("naam", help="naam van de organisatie")
        parser.add_argument("--soort", choices=SOORTEN, default="arbodienst", help="soort organisatie")

    def handle(self, *args, **o):
        naam = o["naam"].strip()
        if not naam:
            raise CommandError("Geef de naam van de organisatie.")
        if Organisatie.objects.filter(naam__iexact=naam).exists():
            raise CommandError(f"Er is al een organisatie met de naam '{naam}'.")
        org = Organisatie.objects.create(naam=naam, soort=o["soort"])
        audit(None, "organisatie_aangemaakt", obj=org, detail=naam)
        self.stdout.write(self.style.SUCCESS(f"Organisatie '{naam}' aangemaakt."))
        self.stdout.write(
            f'Maak nu de eerste casemanager: spoorwijzer beheer gebruiker NAAM --rol casemanager --organisatie "{naam}" '
            "--email ADRES --genereer-wachtwoord"
        )
