"""Create a user with one role and its scope (organisation, employer, employee or provider).

Deliberately not Django's admin: an admin screen would show medical data to a superuser. Example:
  spoorwijzer beheer gebruiker jdevries --rol casemanager --organisatie "Arbodienst Noord" --email j@x.nl
The password is asked (or generated and printed once with --genereer-wachtwoord)."""

from __future__ import annotations

import getpass
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from spoorwijzer.dossier.access import BEREIK
from spoorwijzer.dossier.models import Organisatie, Reintegratiebedrijf, Rol, Rolnaam, Werkgever, Werknemer
from spoorwijzer.dossier.services import audit

SCOPE = BEREIK
MODELS = {
    "organisatie": Organisatie,
    "werkgever": Werkgever,
    "werknemer": Werknemer,
    "reintegratiebedrijf": Reintegratiebedrijf,
}


class Command(BaseCommand):
    help = "Maakt een gebruiker aan met één rol en het bereik daarvan."

    def add_arguments(self, parser):
        parser.add_argument("gebruikersnaam")
        parser.add_argument("--rol", required=True, choices=[r.value for r in Rolnaam])
        for scope in MODELS:
            parser.add_argument(f"--{scope}", help=f"naam van de {scope}")
        parser.add_argument("--email", default="")
        parser.add_argument("--naam", default="", help="volledige naam")
        parser.add_argument("--genereer-wachtwoord", action="store_true")

    @transaction.atomic
    def handle(self, *args, **o):
        User = get_user_model()
        if User.objects.filter(username=o["gebruikersnaam"]).exists():
            raise CommandError(f"Gebruiker '{o['gebruikersnaam']}' bestaat al.")
        scope = SCOPE[Rolnaam(o["rol"])]
        wrong = [s for s in MODELS if o.get(s) and s != scope]
        if wrong:
            raise CommandError(f"De rol {o['rol']} hoort bij een {scope}, niet bij: {', '.join(wrong)}.")
        if not o.get(scope):
            raise CommandError(f"Geef --{scope} op voor de rol {o['rol']}.")
        matches = list(MODELS[scope].objects.filter(naam=o[scope])[:2])
        if len(matches) != 1:
            raise CommandError(f"{'Geen' if not matches else 'Meer dan één'} {scope} met de naam '{o[scope]}'.")
        if o["genereer_wachtwoord"]:
            password = secrets.token_urlsafe(12)
        else:
            password = getpass.getpass("Wachtwoord: ")
            if password != getpass.getpass("Nogmaals: "):
                raise CommandError("De wachtwoorden zijn niet gelijk.")
        first, _, last = o["naam"].partition(" ")
        user = User(username=o["gebruikersnaam"], email=o["email"], first_name=first, last_name=last)
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        user.set_password(password)
        user.save()
        Rol.objects.create(user=user, rol=o["rol"], **{scope: matches[0]})
        audit(None, "gebruiker_aangemaakt", obj=user, detail=f"{o['rol']} bij {scope} {o[scope]}")
        self.stdout.write(self.style.SUCCESS(f"Gebruiker {user.username} aangemaakt als {o['rol']} ({o[scope]})."))
        if o["genereer_wachtwoord"]:
            self.stdout.write(f"Wachtwoord (eenmalig getoond): {password}")
