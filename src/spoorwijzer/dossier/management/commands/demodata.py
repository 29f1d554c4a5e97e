"""Realistic synthetic demo data: two tenants, several employers, dossiers in every phase, one user per role.

Events are recorded through dossier.services, with the role that would record them, so the demo
obeys the same rules as real use."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from spoorwijzer.dossier import services
from spoorwijzer.dossier.models import Organisatie, Reintegratiebedrijf, Rol, Verzuimgeval, Werkgever, Werknemer

WACHTWOORD = "spoorwijzer-demo"
USERS = [
    ("casemanager", "Carla", "de Vries", "casemanager"),
    ("werkgever", "Hans", "Bakker", "werkgever"),
    ("werknemer", "Sanne", "Jansen", "werknemer"),
    ("bedrijfsarts", "Bram", "Visser", "bedrijfsarts"),
    ("arbeidsdeskundige", "Anouk", "Smit", "arbeidsdeskundige"),
    ("reintegratie", "Rik", "Meijer", "reintegratiebedrijf"),
    ("casemanager2", "Ilse", "Mulder", "casemanager"),
]


class Command(BaseCommand):
    help = "Vult de database met demogegevens (alleen als er nog geen gebruikers zijn)."

    def add_arguments(self, parser):
        parser.add_argument("--vandaag", help="datum waarop de demo zich afspeelt (standaard vandaag)")

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.exists():
            self.stdout.write("Er zijn al gebruikers; demogegevens niet opnieuw aangemaakt.")
            return
        today = dt.date.fromisoformat(options["vandaag"]) if options.get("vandaag") else services.vandaag()
        with transaction.atomic():
            self._build(today)
        self.stdout.write(
            self.style.SUCCESS(f"Demogegevens aangemaakt. Inloggen met (wachtwoord voor allen: {WACHTWOORD}):")
        )
        for username, _first, _last, rol in USERS:
            self.stdout.write(f"  {username:<18} {rol}")

    def _build(self, today: dt.date) -> None:
        User = get_user_model()
        noord = Organisatie.objects.create(naam="Arbodienst Noord", soort="arbodienst")
        zuid = Organisatie.objects.create(naam="Casemanagement Zuid", soort="casemanagement")
        bouw = Werkgever.objects.create(organisatie=noord, naam="Bouwbedrijf Hendriks", eigenrisicodrager_wga=True)
        zorg = Werkgever.objects.create(organisatie=noord, naam="Zorggroep De Linde")
        winkel = Werkgever.objects.create(organisatie=zuid, naam="Winkelketen Van Dam")
        rb = Reintegratiebedrijf.objects.create(naam="Werkpad Re-integratie")
        Reintegratiebedrijf.objects.create(naam="Loopbaan Vooruit")

        def employee(werkgever, naam, functie, loon, uren=38):
            return Werknemer.objects.create(
                werkgever=werkgever, naam=naam, functie=functie, uren_per_week=uren, maandloon_cent=loon * 100
            )

        staff = {
            "sanne": employee(bouw, "Sanne Jansen", "Timmerman", 3400),
            "pieter": employee(bouw, "Pieter de Boer", "Uitvoerder", 4600),
            "fatima": employee(zorg, "Fatima El Amrani", "Verzorgende IG", 2900, 32),
            "kees": employee(zorg, "Kees Willems", "Teamleider", 4100),
            "linda": employee(bouw, "Linda Peters", "Administratief medewerker", 3100, 32),
            "ahmed": employee(zorg, "Ahmed Yilmaz", "Schoonmaker", 2400, 24),
            "joost": employee(bouw, "Joost van Leeuwen", "Metselaar", 3600),
            "eva": employee(zorg, "Eva Bos", "Verpleegkundige", 3900, 36),
            "mark": employee(winkel, "Mark de Graaf", "Filiaalmanager", 3800),
            "noor": employee(winkel, "Noor Hoekstra", "Verkoper", 2300, 24),
        }
        users = {}
        for username, first, last, rol in USERS:
            u = User.objects.create_user(
                username, f"{username}@example.nl", WACHTWOORD, first_name=first, last_name=last
            )
            scope = {
                "casemanager": {"organisatie": noord},
                "bedrijfsarts": {"organisatie": noord},
                "arbeidsdeskundige": {"organisatie": noord},
                "werkgever": {"werkgever": bouw},
                "werknemer": {"werknemer": staff["sanne"]},
                "reintegratiebedrijf": {"reintegratiebedrijf": rb},
            }[rol]
            if username == "casemanager2":
                scope = {"organisatie": zuid}
            Rol.objects.create(user=u, rol=rol, **scope)
            users[username] = u
        cm, ba, ad, wn, ri = (
            users[k] for k in ("casemanager", "bedrijfsarts", "arbeidsdeskundige", "werknemer", "reintegratie")
        )

        def weeks_ago(n, days=0):
            return today - dt.timedelta(weeks=n, days=days)

        def case(person, first, user=cm):
            return services.nieuw_geval(user, person, first)

        def rec(g, user, code, day, **data):
            services.vastleggen(user, g, code, day, data)

        # week 3: probleemanalyse due soon
        g = case(staff["linda"], weeks_ago(3))
        rec(g, cm, "ziekmelding_arbodienst", weeks_ago(3) + dt.timedelta(days=1))
        # week 7: probleemanalyse done, plan van aanpak overdue
        g = case(staff["ahmed"], weeks_ago(7))
        rec(g, cm, "ziekmelding_arbodienst", weeks_ago(7) + dt.timedelta(days=2))
        rec(
            g,
            ba,
            "probleemanalyse",
            weeks_ago(3),
            mogelijkheden="Aangepast werk 4 uur per dag mogelijk",
            verwachte_duur="3 maanden",
        )
        # week 20, samengesteld: interrupted by 12 days back at work
        g = case(staff["eva"], weeks_ago(22))
        rec(g, cm, "herstelmelding", weeks_ago(18))
        rec(g, cm, "ziekmelding", weeks_ago(18) + dt.timedelta(days=12))
        for code, ago in (("ziekmelding_arbodienst", 22), ("probleemanalyse", 19)):
            rec(
                g,
                ba if code == "probleemanalyse" else cm,
                code,
                weeks_ago(ago),
                **({"mogelijkheden": "Lichte werkzaamheden"} if code == "probleemanalyse" else {}),
            )
        rec(g, cm, "plan_van_aanpak", weeks_ago(17), activiteiten="Opbouw in eigen werk", casemanager="Carla de Vries")
        # week 50: the case of the demo werknemer (Sanne): eerstejaarsevaluatie due, track 2 advised
        g = case(staff["sanne"], weeks_ago(50))
        rec(g, cm, "ziekmelding_arbodienst", weeks_ago(50) + dt.timedelta(days=1))
        rec(
            g,
            ba,
            "probleemanalyse",
            weeks_ago(47),
            mogelijkheden="Geen zwaar tillen; zittend werk mogelijk",
            verwachte_duur="langer dan 6 maanden",
        )
        rec(
            g,
            cm,
            "plan_van_aanpak",
            weeks_ago(45),
            activiteiten="Onderzoek passend werk in eigen bedrijf",
            casemanager="Carla de Vries",
            reintegratievisie="Terugkeer in aangepast werk, anders spoor 2",
        )
        rec(g, cm, "financiele_informatie", weeks_ago(45), besproken="Inkomenspad per scenario besproken")
        for n in (39, 33, 27, 21, 15, 9):
            rec(g, cm, "evaluatie", weeks_ago(n), verslag="Geen perspectief op terugkeer in eigen functie")
        rec(
            g,
            ba,
            "belastbaarheid",
            weeks_ago(30),
            beperkingen="Niet tillen boven 5 kg; afwisselend zitten en staan",
            uren_per_dag=6,
        )
        rec(
            g,
            ad,
            "arbeidsdeskundig_advies",
            weeks_ago(26),
            routeadvies="spoor_2",
            maatmaninkomen=340000,
            resterende_verdiencapaciteit=210000,
            duurzaam=False,
            motivatie="Eigen functie niet passend; passend werk bij andere werkgever in administratie of planning",
        )
        rec(g, cm, "routekeuze", weeks_ago(25), spoor="spoor_2", motivatie="Conform advies arbeidsdeskundige")
        rec(g, cm, "start_tweede_spoor", weeks_ago(24), reintegratiebedrijf=str(rb.pk))
        rec(g, ri, "persoonsprofiel", weeks_ago(23), profiel="15 jaar timmerman, vakdiploma, affiniteit met planning")
        rec(g, ri, "zoekprofiel", weeks_ago(23), profiel="Werkvoorbereider, calculator, planner in bouw en installatie")
        rec(
            g,
            ri,
            "re_integratieplan",
            weeks_ago(22),
            plan="Oriëntatie, scholing werkvoorbereiding, sollicitatie",
            rapportagemomenten="Maandelijks",
        )
        rec(g, ri, "interventie", weeks_ago(20), soort="scholing", omschrijving="Cursus werkvoorbereiding bouw")
        rec(g, cm, "melding_uwv", weeks_ago(8))
        for n, emp in ((6, "Bouwbedrijf Kuipers"), (4, "Installatietechniek Noord"), (2, "Aannemer De Wit")):
            rec(
                g,
                wn,
                "sollicitatie",
                weeks_ago(n),
                werkgever=emp,
                functie="Werkvoorbereider",
                uitkomst="gesprek" if n == 2 else "afgewezen",
            )
        rec(g, ri, "voortgangsgesprek", weeks_ago(1), verslag="Twee gesprekken gevoerd; netwerk uitbreiden")
        # week 58: eerstejaarsevaluatie held, track 2 must start
        g = case(staff["kees"], weeks_ago(58))
        for code, ago in (
            ("ziekmelding_arbodienst", 58),
            ("plan_van_aanpak", 53),
            ("melding_uwv", 16),
            ("eerstejaarsevaluatie", 7),
        ):
            data = (
                {"activiteiten": "Re-integratie eigen werk", "casemanager": "Carla de Vries"}
                if code == "plan_van_aanpak"
                else {"verslag": "Spoor 1 kansloos"}
                if code == "eerstejaarsevaluatie"
                else {}
            )
            rec(g, cm, code, weeks_ago(ago), **data)
        rec(g, ba, "probleemanalyse", weeks_ago(55), mogelijkheden="Beperkt belastbaar")
        # week 92: RIV and WIA-aanvraag
        g = case(staff["pieter"], weeks_ago(92))
        for code, ago in (
            ("ziekmelding_arbodienst", 92),
            ("plan_van_aanpak", 86),
            ("melding_uwv", 50),
            ("eerstejaarsevaluatie", 41),
            ("start_tweede_spoor", 38),
        ):
            data = (
                {"activiteiten": "Werkhervatting", "casemanager": "Carla de Vries"}
                if code == "plan_van_aanpak"
                else {"verslag": "Spoor 2 gestart"}
                if code == "eerstejaarsevaluatie"
                else {}
            )
            rec(g, cm, code, weeks_ago(ago), **data)
        rec(g, ba, "probleemanalyse", weeks_ago(88), mogelijkheden="Beperkt belastbaar")
        rec(g, cm, "uwv_wia_brief", weeks_ago(3))
        # placed with a new employer: aftercare
        g = case(staff["joost"], weeks_ago(70))
        rec(g, ba, "probleemanalyse", weeks_ago(66), mogelijkheden="Geen zwaar werk")
        rec(g, cm, "plan_van_aanpak", weeks_ago(64), activiteiten="Spoor 1 en 2", casemanager="Carla de Vries")
        rec(g, cm, "start_tweede_spoor", weeks_ago(40), reintegratiebedrijf=str(rb.pk))
        rec(
            g,
            ri,
            "plaatsing",
            weeks_ago(6),
            soort="detachering",
            werkgever="Gemeente Groningen",
            uren_per_week=32,
            loon=300000,
        )
        rec(g, ri, "nazorg", weeks_ago(2), verslag="Goed gestart; begeleiding 6 maanden")
        # recovered (closed)
        g = case(staff["fatima"], weeks_ago(30))
        rec(g, cm, "herstelmelding", weeks_ago(20))
        Verzuimgeval.objects.filter(pk=g.pk).update(afgesloten_op=weeks_ago(20))
        # the other tenant
        g = case(staff["mark"], weeks_ago(12), user=users["casemanager2"])
        rec(g, users["casemanager2"], "ziekmelding_arbodienst", weeks_ago(12))
