"""Create an employer of an organisation from the command line (the web UI does the same under Beheer):
  spoorwijzer beheer werkgever "Bouw BV" --organisatie "Arbo Oost" --loonheffingennummer 123456782L01 \\
      --sector Bouw --eigenrisicodrager-wga"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from spoorwijzer.dossier import beheer
from spoorwijzer.dossier.models import Organisatie, Werkgever
from spoorwijzer.dossier.services import audit
from spoorwijzer.law.errors import InvalidInput


class Command(BaseCommand):
    help = "Maakt een werkgever aan bij een organisatie."

    def add_arguments(self, parser):
        parser.add_argument("naam", help="naam van de werkgever")
        parser.add_argument("--organisatie", required=True, help="naam van de organisatie")
        parser.add_argument("--loonheffingennummer", required=True, help="bv. 123456782L01")
        parser.add_argument("--sector", default="", help="UWV-sector of branche")
        parser.add_argument("--eigenrisicodrager-wga", action="store_true", help="eigenrisicodrager WGA")
        parser.add_argument("--eigenrisicodrager-zw", action="store_true", help="eigenrisicodrager Ziektewet")

    def handle(self, *args, **o):
        orgs = list(Organisatie.objects.filter(naam=o["organisatie"])[:2])
        if len(orgs) != 1:
            raise CommandError(
                f"{'Geen' if not orgs else 'Meer dan één'} organisatie met de naam '{o['organisatie']}'."
            )
        try:
            nummer = beheer.loonheffingennummer(o["loonheffingennummer"])
        except InvalidInput as exc:
            raise CommandError(str(exc)) from None
        if Werkgever.objects.filter(organisatie=orgs[0], naam=o["naam"]).exists():
            raise CommandError(f"Er is al een werkgever '{o['naam']}' bij {orgs[0].naam}.")
        w = Werkgever.objects.create(
            organisatie=orgs[0],
            naam=o["naam"],
            loonheffingennummer=nummer,
            sector=o["sector"],
            eigenrisicodrager_wga=o["eigenrisicodrager_wga"],
            eigenrisicodrager_zw=o["eigenrisicodrager_zw"],
        )
        audit(None, "werkgever_aangemaakt", obj=w, detail=f"{w.naam} (opdrachtregel)")
        self.stdout.write(self.style.SUCCESS(f"Werkgever '{w.naam}' aangemaakt bij {orgs[0].naam}."))
