"""E-mail the deadlines that are due soon or overdue to the case's behandelaar (the organisation's
casemanagers only for a case without one) and to the users in the role that acts on the step (see
``dossier.beheer.ontvangers_termijnmeldingen``), with, in the same daily mail, the follow-ups of
``dossier.opvolgtaken``: open questions to the role that answers them, agreements from a question's outcome, and
aftercare moments (see ``dossier.opvolgtaken.ontvangers``).

Meant to run daily from a scheduler (cron, systemd timer). Uses the configured e-mail backend: the
console by default, SMTP when SPOORWIJZER_SMTP_HOST is set. Mails contain no medical data."""

from __future__ import annotations

import datetime as dt

from django.core.mail import send_mail
from django.core.management.base import BaseCommand

from spoorwijzer.dossier import opvolgtaken
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
        opvolging = opvolgtaken.ontvangers(opvolgtaken.alle_opvolgingen(today, horizon))
        recipients.update({pk: user for pk, (user, _) in opvolging.items()})
        n_opvolging = len({id(o) for _, items in opvolging.values() for o in items})
        for user_id in recipients:
            items = per_user.get(user_id, (None, []))[1]
            lines = []
            for t in items:
                if t.afwijking_tot:  # deviated with a deugdelijke grond: watched against its new date
                    when = "te laat, nieuwe datum was" if t.afwijking_tot < today else "afwijking, nieuwe datum"
                    lines.append(f"- {t.geval.werknemer.naam}: {t.naam} — {when} {datum(t.afwijking_tot)}")
                    continue
                when = "te laat, uiterlijk was" if t.uiterlijk < today else "uiterlijk"
                lines.append(f"- {t.geval.werknemer.naam}: {t.naam} — {when} {datum(t.uiterlijk)} ({t.grondslag})")
            volg = sorted(opvolging.get(user_id, (None, []))[1], key=lambda o: (o.uiterlijk, o.geval.pk))
            volg_lines = [
                f"- {o.geval.werknemer.naam}: {o.naam} — "
                f"{'te laat, uiterlijk was' if o.uiterlijk < today else 'uiterlijk'} {datum(o.uiterlijk)}"
                for o in volg
            ]
            parts = []
            if lines:
                parts.append("Deze termijnen verlopen binnenkort of zijn verlopen:\n\n" + "\n".join(lines))
            if volg_lines:
                parts.append("Deze vragen, afspraken en nazorgmomenten wachten op u:\n\n" + "\n".join(volg_lines))
            send_mail(
                subject=f"Spoorwijzer: {len(items) + len(volg)} termijn(en) vragen aandacht",
                message="Beste "
                + (recipients[user_id].first_name or recipients[user_id].username)
                + ",\n\n"
                + "\n\n".join(parts)
                + "\n\nSpoorwijzer",
                from_email=None,
                recipient_list=[recipients[user_id].email],
            )
        self.stdout.write(
            f"{len(recipients)} e-mail(s) verstuurd over {due.count()} termijn(en) en {n_opvolging} vraag/vragen, "
            "afspraak/afspraken of nazorgmoment(en)."
        )
