"""Daily: refresh the stored RIV-toets outcome of every open case (deadlines pass without an event), and
warn the case's owners (casemanagers of the organisation, the employer) and the track-2 provider when a
trajectory has gone quiet (no job-search activity for four weeks) or its monthly progress meeting is
overdue. Mails contain no medical data. Run it from a scheduler, like stuur_termijnmeldingen."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.core.mail import send_mail
from django.core.management.base import BaseCommand

from spoorwijzer.dossier import services
from spoorwijzer.dossier import toets as dossier_toets
from spoorwijzer.dossier.models import Rol, Rolnaam, Traject, Verzuimgeval
from spoorwijzer.law.errors import LawError


class Command(BaseCommand):
    help = "Ververst de RIV-toets van open dossiers en waarschuwt bij een stil tweede-spoortraject."

    def add_arguments(self, parser):
        parser.add_argument("--vandaag", help="peildatum (standaard vandaag)")

    def handle(self, *args, **options):
        today = dt.date.fromisoformat(options["vandaag"]) if options.get("vandaag") else services.vandaag()
        cases = Verzuimgeval.objects.filter(afgesloten_op__isnull=True).select_related("werknemer", "werkgever")
        running = defaultdict(list)
        for t in Traject.objects.filter(geval__in=cases, einde__isnull=True).select_related("reintegratiebedrijf"):
            running[t.geval_id].append(t)
        roles = Rol.objects.filter(
            rol__in=(Rolnaam.CASEMANAGER, Rolnaam.WERKGEVER, Rolnaam.REINTEGRATIEBEDRIJF)
        ).exclude(user__email="")
        by_org, by_employer, by_provider = defaultdict(list), defaultdict(list), defaultdict(list)
        for rol in roles.select_related("user"):
            {
                Rolnaam.CASEMANAGER: by_org[rol.organisatie_id],
                Rolnaam.WERKGEVER: by_employer[rol.werkgever_id],
                Rolnaam.REINTEGRATIEBEDRIJF: by_provider[rol.reintegratiebedrijf_id],
            }[rol.rol].append(rol.user)
        messages: dict[int, list[str]] = defaultdict(list)
        recipients = {}
        refreshed = 0
        for g in cases:
            events = services.actuele_gebeurtenissen(g)
            try:
                u = dossier_toets.toets(g, events, today)
            except LawError:
                continue
            if u is not None and (g.toets_ernst, g.toets_loonsanctie_weken) != (u.ernst, u.verwachte_loonsanctie_weken):
                g.toets_ernst, g.toets_loonsanctie_weken = u.ernst, u.verwachte_loonsanctie_weken
                g.toets_loonsanctie_cent = u.verwachte_loonsanctie_cent
                g.save(update_fields=dossier_toets.TOETS_VELDEN)
                refreshed += 1
            if u is None or g.pk not in running:
                continue
            lines = []
            stil = next((b for b in u.bevindingen if b.code == "stil_traject" and b.oordeel == "risico"), None)
            if stil:
                lines.append(f"stil traject — {stil.uitleg}")
            meeting = dossier_toets.voortgangsgesprekken(events, today)
            if meeting and meeting["te_laat"]:
                lines.append(f"maandelijks voortgangsgesprek was uiterlijk {meeting['uiterlijk']:%d-%m-%Y} nodig")
            if not lines:
                continue
            users = by_org[g.organisatie_id] + by_employer[g.werkgever_id]
            for t in running[g.pk]:
                users += by_provider[t.reintegratiebedrijf_id]
            for user in users:
                recipients[user.pk] = user
                messages[user.pk] += [f"- {g.werknemer.naam} ({g.werkgever.naam}): {line}" for line in lines]
        for user_id, lines in messages.items():
            user = recipients[user_id]
            send_mail(
                subject=f"Spoorwijzer: {len(lines)} signaal/signalen over tweede-spoortrajecten",
                message="Beste " + (user.first_name or user.username) + ",\n\n"
                "Deze trajecten vragen aandacht (UWV kijkt naar de zoekactiviteit per maand):\n\n"
                + "\n".join(lines)
                + "\n\nSpoorwijzer",
                from_email=None,
                recipient_list=[user.email],
            )
        self.stdout.write(f"{len(messages)} e-mail(s) verstuurd; RIV-toets van {refreshed} dossier(s) bijgewerkt.")
