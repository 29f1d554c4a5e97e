"""E-mail the casemanagers and employers of each case the deadlines that are due soon or overdue.

Meant to run daily from a scheduler (cron, systemd timer). Uses the configured e-mail backend: the
console by default, SMTP when SPOORWIJZER_SMTP_HOST is set. Mails contain no medical data."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.core.mail import send_mail
from django.core.management.base import BaseCommand

from spoorwijzer.dossier.models import Rol, Rolnaam, Termijn
from spoorwijzer.dossier.services import vandaag


class Command(BaseCommand):
    help = "Stuurt e-mails over termijnen die binnenkort verlopen of verlopen zijn."

    def add_arguments(self, parser):
        parser.add_argument("--dagen", type=int, default=14, help="hoeveel dagen vooruit (standaard 14)")
        parser.add_argument("--vandaag", help="peildatum (standaard vandaag)")

    def handle(self, *args, **options):
        today = dt.date.fromisoformat(options["vandaag"]) if options.get("vandaag") else vandaag()
        horizon = today + dt.timedelta(days=options["dagen"])
        due = (
            Termijn.objects.filter(
                gedaan_op__isnull=True, niet_nodig=False, uiterlijk__lte=horizon, geval__afgesloten_op__isnull=True
            )
            .select_related("geval__werknemer", "geval__werkgever")
            .order_by("uiterlijk")
        )
        # who hears of which employer's cases: loaded once, not once per deadline
        by_organisatie, by_werkgever = defaultdict(list), defaultdict(list)
        roles = Rol.objects.filter(rol__in=(Rolnaam.CASEMANAGER, Rolnaam.WERKGEVER)).exclude(user__email="")
        for rol in roles.select_related("user"):
            if rol.rol == Rolnaam.CASEMANAGER:
                by_organisatie[rol.organisatie_id].append(rol.user)
            else:
                by_werkgever[rol.werkgever_id].append(rol.user)
        per_user: dict[int, list[Termijn]] = defaultdict(list)
        recipients = {}
        for t in due:
            for user in by_organisatie[t.geval.organisatie_id] + by_werkgever[t.geval.werkgever_id]:
                per_user[user.pk].append(t)
                recipients[user.pk] = user
        for user_id, items in per_user.items():
            lines = []
            for t in items:
                when = "VERLOPEN" if t.uiterlijk < today else "uiterlijk"
                lines.append(f"- {t.geval.werknemer.naam}: {t.naam} — {when} {t.uiterlijk:%d-%m-%Y} ({t.grondslag})")
            send_mail(
                subject=f"Spoorwijzer: {len(items)} termijn(en) vragen aandacht",
                message="Beste " + (recipients[user_id].first_name or recipients[user_id].username) + ",\n\n"
                "Deze termijnen verlopen binnenkort of zijn verlopen:\n\n" + "\n".join(lines) + "\n\nSpoorwijzer",
                from_email=None,
                recipient_list=[recipients[user_id].email],
            )
        self.stdout.write(f"{len(per_user)} e-mail(s) verstuurd over {due.count()} termijn(en).")
