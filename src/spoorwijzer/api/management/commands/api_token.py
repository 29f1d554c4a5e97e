"""API tokens: `api_token maak GEBRUIKER --naam salarissysteem` (prints the token once),
`api_token lijst [GEBRUIKER]`, `api_token intrekken ID`."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from spoorwijzer.api.models import ApiToken
from spoorwijzer.dossier import access, services


class Command(BaseCommand):
    help = "API-tokens maken, tonen en intrekken (de token zelf wordt één keer getoond en alleen als hash bewaard)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="actie", required=True)
        maak = sub.add_parser(
            "maak", help="Maak een token voor een gebruiker (met dezelfde rechten als die gebruiker)."
        )
        maak.add_argument("gebruiker", help="Gebruikersnaam")
        maak.add_argument("--naam", required=True, help="Waarvoor de token dient, bv. 'salarissysteem'")
        lijst = sub.add_parser("lijst", help="Toon de tokens (zonder de geheime sleutel).")
        lijst.add_argument("gebruiker", nargs="?", help="Alleen van deze gebruiker")
        intrek = sub.add_parser("intrekken", help="Trek een token in; hij werkt daarna nooit meer.")
        intrek.add_argument("id", type=int, help="Id uit 'api_token lijst'")

    def handle(self, *args, actie, **opts):
        User = get_user_model()
        if actie == "maak":
            user = User.objects.filter(username=opts["gebruiker"]).first()
            if user is None:
                raise CommandError(f"Gebruiker '{opts['gebruiker']}' bestaat niet.")
            if access.rol_van(user) is None:
                raise CommandError(f"Gebruiker '{user}' heeft geen rol; geef eerst een rol (beheer gebruiker).")
            row, token = ApiToken.maak(user, opts["naam"])
            services.audit(None, "api_token_gemaakt", detail=f"token {row.pk} ({row.naam}) voor {user}")
            self.stdout.write(f"Token {row.pk} voor {user} ({row.naam}); bewaar hem nu, hij wordt niet meer getoond:")
            self.stdout.write(token)
        elif actie == "lijst":
            rows = ApiToken.objects.select_related("user").order_by("pk")
            if opts.get("gebruiker"):
                rows = rows.filter(user__username=opts["gebruiker"])
            for r in rows:
                state = f"ingetrokken {r.ingetrokken_op:%Y-%m-%d %H:%M}" if r.ingetrokken_op else "actief"
                used = f"{r.laatst_gebruikt:%Y-%m-%d %H:%M}" if r.laatst_gebruikt else "nooit"
                self.stdout.write(f"{r.pk}\t{r.user}\t{r.naam}\t{r.begin}…\t{state}\tlaatst gebruikt: {used}")
        else:
            row = ApiToken.objects.filter(pk=opts["id"]).first()
            if row is None:
                raise CommandError(f"Token {opts['id']} bestaat niet.")
            row.intrekken()
            services.audit(None, "api_token_ingetrokken", detail=f"token {row.pk} ({row.naam}) van {row.user}")
            self.stdout.write(f"Token {row.pk} ({row.naam}) van {row.user} is ingetrokken.")
