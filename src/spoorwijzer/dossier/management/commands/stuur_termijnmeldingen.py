"""E-mail the deadlines that are due soon or overdue to the case's behandelaar (the organisation's
casemanagers only for a case without one) and to the users in the role that acts on the step (see
``dossier.beheer.ontvangers_termijnmeldingen``).

Meant to run daily from a scheduler (cron, systemd timer). Uses the configured e-mail backend: the
console by default, SMTP when SPOORWIJZER_SMTP_HOST is set. Mails contain no medical data."""

from __future__ import annotations

import datetime as dt

from django.core.mail import send_mail
from django.core.management.base import BaseCommand

from spoorwijzer.dossier.beheer import ontvangers_termijnmeldingen
from spoorwijzer.dossier.models import Termijn
from spoorwijzer.dossier.services import vandaag
from spoorwijzer.law.tekst import datum


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
            .exclude(afwijking_tot__gt=horizon)  # a deviation's new date is still far off
            .select_related("geval__werknemer", "geval__werkgever")
            .order_by("uiterlijk")
        )
        per_user = ontvangers_termijnmeldingen(list(due))
        recipients = {pk: user for pk, (user, _) in per_user.items()}
        for user_id, (_, items) in per_user.items():
            lines = []
            for t in items:
                if t.afwijking_tot:  # deviated with a deugdelijke grond: watched against its new date
                    when = "te laat, nieuwe datum was" if t.afwijking_tot < today else "afwijking, nieuwe datum"
                    lines.append(f"- {t.geval.werknemer.naam}: {t.naam} — {when} {datum(t.afwijking_tot)}")
                    continue
                when = "te laat, uiterlijk was" if t.uiterlijk < today else "uiterlijk"
                lines.append(f"- {t.geval.werknemer.naam}: {t.naam} — {when} {datum(t.uiterlijk)} ({t.grondslag})")
            send_mail(
                subject=f"Spoorwijzer: {len(items)} termijn(en) vragen aandacht",
                message="Beste " + (recipients[user_id].first_name or recipients[user_id].username) + ",\n\n"
                "Deze termijnen verlopen binnenkort of zijn verlopen:\n\n" + "\n".join(lines) + "\n\nSpoorwijzer",
                from_email=None,
                recipient_list=[recipients[user_id].email],
            )
        self.stdout.write(f"{len(per_user)} e-mail(s) verstuurd over {due.count()} termijn(en).")
