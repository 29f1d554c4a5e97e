"""Realistic synthetic demo data: two tenants, several employers, dossiers in every phase, one user per role.

Events are recorded through dossier.services, with the role that would record them, so the demo
obeys the same rules as real use."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from spoorwijzer.dossier import demo_toets, services
from spoorwijzer.dossier.models import (
    Organisatie,
    Reintegratiebedrijf,
    Rol,
    Rolnaam,
    Verzuimgeval,
    Werkgever,
    Werknemer,
)
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.vroegst import vroegste_datum

WACHTWOORD = "spoorwijzer-demo"
# The demo's authenticator for the roles that log in in two steps (the bedrijfsarts): a published key, so the demo
# needs no phone. `spoorwijzer demo` shows its current code on the second-step page; with this key any
# authenticator app shows the same codes. Never use it outside the demo.
DEMO_TOTP_NAAM = "demo"
DEMO_TOTP_SLEUTEL = (
    "53706f6f7277696a7a65722064656d6f20324641"  # hex of "Spoorwijzer demo 2FA" (20 bytes, as django-otp makes them)
)
USERS = [
    ("casemanager", "Carla", "de Vries", "casemanager"),
    ("werkgever", "Hans", "Bakker", "werkgever"),
    ("werknemer", "Sanne", "Jansen", "werknemer"),
    ("joost", "Joost", "van Leeuwen", "werknemer"),  # placed at a new employer: aftercare as the employee sees it
    ("bedrijfsarts", "Bram", "Visser", "bedrijfsarts"),
    ("arbeidsdeskundige", "Anouk", "Smit", "arbeidsdeskundige"),
    ("reintegratie", "Rik", "Meijer", "reintegratiebedrijf"),
    ("casemanager2", "Ilse", "Mulder", "casemanager"),
]


ROLNAMEN = dict(Rolnaam.choices)


def _wis_alles() -> None:
    """Empty the whole database for fresh demo data. The append-only triggers refuse deleting history row by row
    (SQLite's flush deletes, PostgreSQL's truncates), so they are lifted for this one transaction and put back:
    wiping a whole database is not correcting a dossier (docs/security.md, retention)."""
    from django.db import connection, transaction

    from spoorwijzer.dossier import append_only

    with transaction.atomic():
        if connection.vendor == "postgresql":  # TRUNCATE refuses tables with foreign-key checks still deferred
            with connection.cursor() as cur:
                cur.execute("SET CONSTRAINTS ALL IMMEDIATE")
        append_only.uninstall(connection)
        call_command("flush", interactive=False, verbosity=0)
        append_only.install(connection)


class Command(BaseCommand):
    help = "Vult de database met demogegevens (alleen als er nog geen gebruikers zijn, of met --reset)."

    def add_arguments(self, parser):
        parser.add_argument("--vandaag", help="datum waarop de demo zich afspeelt, JJJJ-MM-DD (standaard vandaag)")
        parser.add_argument(
            "--reset", action="store_true", help="wis ALLE gegevens in de database en maak verse demogegevens"
        )

    def handle(self, *args, **options):
        User = get_user_model()
        try:
            today = dt.date.fromisoformat(options["vandaag"]) if options.get("vandaag") else services.vandaag()
        except ValueError:
            raise CommandError(f"--vandaag verwacht een datum als 2026-03-01, niet '{options['vandaag']}'.") from None
        if options.get("reset"):
            _wis_alles()
            self.stdout.write("Database gewist.")
        if User.objects.exists():
            first = Verzuimgeval.objects.order_by("aangemaakt_op").values_list("aangemaakt_op", flat=True).first()
            made = first.date() if first else None
            self.stdout.write(
                "Er zijn al gegevens; demogegevens niet opnieuw aangemaakt"
                + (f" (aangemaakt op {made:%d-%m-%Y})" if made else "")
                + ". Gebruik --reset voor verse demogegevens met de datums van vandaag."
            )
        else:
            with transaction.atomic():
                self._build(today)
            self.stdout.write(
                self.style.SUCCESS(f"Demogegevens aangemaakt (de demo speelt zich af op {today:%d-%m-%Y}).")
            )
        self._logins()

    def _logins(self):
        User = get_user_model()
        present = set(User.objects.filter(username__in=[u[0] for u in USERS]).values_list("username", flat=True))
        if not present:
            self.stdout.write("Geen demogebruikers in deze database (gebruik --reset om ze aan te maken).")
            return
        self.stdout.write(f"Inloggen met (wachtwoord voor allen: {WACHTWOORD}):")
        tweestap = []
        for username, first, last, rol in USERS:
            if username in present:
                user = User.objects.get(username=username)
                twee = self._demo_authenticator(user)
                tweestap += [username] if twee else []
                self.stdout.write(
                    f"  {username:<18} {ROLNAMEN[rol]} ({first} {last}){' + code (tweede stap)' if twee else ''}"
                )
        if tweestap:
            import base64

            sleutel = base64.b32encode(bytes.fromhex(DEMO_TOTP_SLEUTEL)).decode()
            self.stdout.write(
                f"{', '.join(tweestap)} logt in twee stappen in: de demo toont de code op het scherm van de tweede "
                f"stap. Of voeg in een authenticator-app deze sleutel toe: {' '.join(sleutel[i : i + 4] for i in range(0, len(sleutel), 4))}"
            )

    @staticmethod
    def _demo_authenticator(user) -> bool:
        """Give a demo user who must log in in two steps the demo's authenticator (also in older demo data)."""
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from spoorwijzer.dossier import access

        if not access.tweede_stap_vereist(user):
            return False
        if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
            TOTPDevice.objects.create(user=user, name=DEMO_TOTP_NAAM, key=DEMO_TOTP_SLEUTEL, confirmed=True)
        return True

    def _build(self, today: dt.date) -> None:
        User = get_user_model()
        noord = Organisatie.objects.create(naam="Arbodienst Noord", soort="arbodienst")
        zuid = Organisatie.objects.create(naam="Casemanagement Zuid", soort="casemanagement")
        bouw = Werkgever.objects.create(organisatie=noord, naam="Bouwbedrijf Hendriks", eigenrisicodrager_wga=True)
        zorg = Werkgever.objects.create(organisatie=noord, naam="Zorggroep De Linde")
        winkel = Werkgever.objects.create(organisatie=zuid, naam="Winkelketen Van Dam")
        rb = Reintegratiebedrijf.objects.create(naam="Werkpad Re-integratie")
        rb.organisaties.add(noord, zuid)  # works for both tenants; each sees only its own providers
        Reintegratiebedrijf.objects.create(naam="Loopbaan Vooruit").organisaties.add(noord)
        Reintegratiebedrijf.objects.create(naam="Zuid Werkt").organisaties.add(zuid)

        def employee(werkgever, naam, functie, loon, uren=38):
            return Werknemer.objects.create(
                werkgever=werkgever,
                naam=naam,
                functie=functie,
                uren_per_week=uren,
                maandloon_cent=loon * 100,
                geboortedatum=demo_toets.geboren(naam),
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
            if username == "joost":
                scope = {"werknemer": staff["joost"]}
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

        # what each role writes when it records a step on time (no diagnosis: these texts are for the employer)
        wat = {
            "ziekmelding_arbodienst": (cm, {}),
            "probleemanalyse": (
                ba,
                {"mogelijkheden": "Aangepast werk mogelijk, opbouw in uren", "verwachte_duur": "3 tot 6 maanden"},
            ),
            "plan_van_aanpak": (
                cm,
                {"activiteiten": "Opbouw in eigen werk, evaluatie elke 6 weken", "casemanager": "Carla de Vries"},
            ),
            "financiele_informatie": (cm, {"besproken": "Inkomenspad per scenario besproken"}),
            "evaluatie": (cm, {"verslag": "Opbouw volgens plan; plan ongewijzigd"}),
            "melding_uwv": (cm, {}),
            "arbeidsdeskundig_advies": (
                ad,
                {"routeadvies": "spoor_2", "motivatie": "Eigen functie niet haalbaar; passend werk elders onderzoeken"},
            ),
            "eerstejaarsevaluatie": (cm, {"verslag": "Terugkeer in eigen werk niet haalbaar; tweede spoor ingezet"}),
            "start_tweede_spoor": (cm, {"reintegratiebedrijf": str(rb.pk)}),
            "uwv_wia_brief": (cm, {}),
            "actueel_oordeel": (ba, {"oordeel": "Beperkingen ongewijzigd; aangepast werk 4 uur per dag"}),
            "eindevaluatie": (cm, {"verslag": "Beide sporen benut; geen volledige terugkeer"}),
            "re_integratieverslag": (cm, {"oordeel_werknemer": "Eens met het verslag"}),
            "wia_aanvraag": (cm, {}),
        }

        def actief_traject(g):
            """A track-2 trajectory as UWV wants it, from its recorded start: profiles, plan, a judged intervention
            and job search every month up to today."""
            start = g.gebeurtenissen.get(code="start_tweede_spoor").datum
            rec(g, ri, "persoonsprofiel", start, profiel="Uitvoerder, 20 jaar ervaring, MBO bouwkunde")
            rec(
                g,
                ri,
                "zoekprofiel",
                start,
                profiel="Werkvoorbereider, calculator en planner in bouw en infra",
                beroepen="werkvoorbereider, calculator, planner",
                basis="belastbaarheid_en_arbeidsmarkt",
            )
            rec(
                g,
                ri,
                "re_integratieplan",
                start,
                plan="Oriëntatie, scholing, sollicitatie",
                rapportagemomenten="Maandelijks",
            )
            rec(
                g, ri, "interventie", start + dt.timedelta(days=7), soort="jobhunting", omschrijving="Jobhunter ingezet"
            )
            rec(
                g,
                ad,
                "oordeel",
                start + dt.timedelta(days=14),
                onderwerp="interventies_volgen_advies",
                uitkomst=True,
                document="Arbeidsdeskundig rapport",
            )
            day = start + dt.timedelta(days=10)
            while day <= today:
                rec(g, ri, "netwerkcontact", day, contact="Netwerkbijeenkomst bouw", uitkomst="Twee contacten")
                if day + dt.timedelta(days=3) <= today:
                    rec(g, ri, "voortgangsgesprek", day + dt.timedelta(days=3), verslag="Zoekactiviteit besproken")
                day += dt.timedelta(days=21)

        def op_schema(g, laat=()):
            """Record every step whose deadline has passed, on time (its preferred date), except those in
            ``laat``: most demo cases are on schedule, a few are late for a recorded reason."""
            for _ in range(60):
                sched = services.tijdlijn(g)
                due = [
                    st
                    for st in sched.stappen
                    if st.code in wat and st.status == "te_laat" and st.code not in laat and st.uiterlijk
                ]
                if not due:
                    return
                st = min(due, key=lambda st: st.uiterlijk)
                day = min(st.voorkeur or st.uiterlijk, st.uiterlijk, today)
                earliest = vroegste_datum(LawContext.baseline(), sched.wachttijd, sched.einde_wachttijd, st.code)
                if earliest and day < earliest.datum:  # a preferred date before the step makes sense
                    day = earliest.datum
                user, data = wat[st.code]
                services.vastleggen(user, g, st.code, max(day, g.eerste_ziektedag), data)

        # week 3: probleemanalyse due soon
        g = case(staff["linda"], weeks_ago(3))
        rec(g, cm, "ziekmelding_arbodienst", weeks_ago(3) + dt.timedelta(days=1))
        services.medisch_vastleggen(ba, g, "notitie", "Spreekuur gepland; klachten na val van trap (knie)")
        rec(  # in the bedrijfsarts's work queue until it is held
            g,
            cm,
            "spreekuur_gepland",
            today,
            op=(today + dt.timedelta(days=2)).isoformat(),
            vraag="Wat kan de werknemer nu en wanneer is een probleemanalyse zinvol?",
        )
        # week 7: probleemanalyse done; the plan van aanpak is late, and the log says why
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
        services.medisch_vastleggen(ba, g, "diagnose", "Hernia L5-S1, conservatief beleid")
        services.vastleggen(  # a deviation from the legal deadline with a deugdelijke grond (Regeling art. 5)
            cm,
            g,
            "afwijking_termijn",
            weeks_ago(1),
            {
                "stap": "plan_van_aanpak",
                "grond": "werknemer_niet_bereikbaar",
                "motivatie": "Werknemer was drie weken in het buitenland; gesprek over het plan gepland",
                "nieuwe_datum": (today + dt.timedelta(days=5)).isoformat(),
                "oordeel_door": "Carla de Vries",
                "oordeel_rol": "casemanager",
                "document": "Gespreksverslag telefonisch contact",
            },
        )
        # week 20, samengesteld: interrupted by 12 days back at work
        g = case(staff["eva"], weeks_ago(22))
        rec(g, cm, "ziekmelding_arbodienst", weeks_ago(22))
        rec(g, cm, "herstelmelding", weeks_ago(18))
        rec(g, cm, "ziekmelding", weeks_ago(18) + dt.timedelta(days=12))
        op_schema(g)
        services.medisch_vastleggen(ba, g, "behandeling", "Behandeling bij psycholoog, 8 sessies")
        rec(
            g,
            ba,
            "spreekuur",
            weeks_ago(1),
            advies="Opbouw naar 20 uur per week in eigen werk; vervolgspreekuur over drie weken",
            volgend_spreekuur=(weeks_ago(1) + dt.timedelta(weeks=3)).isoformat(),
        )
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
        for n in (39, 33, 27, 21, 15, 9, 3):
            rec(g, cm, "evaluatie", weeks_ago(n), verslag="Geen perspectief op terugkeer in eigen functie")
        rec(
            g,
            ba,
            "belastbaarheid",
            weeks_ago(30),
            beperkingen="Niet tillen boven 5 kg; afwisselend zitten en staan",
            uren_per_dag=6,
        )
        services.medisch_vastleggen(ba, g, "diagnose", "Chronische lage rugpijn na hernia-operatie")
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
        rec(
            g,
            cm,
            "routekeuze",
            weeks_ago(25),
            spoor="spoor_2",
            motivatie="Conform advies arbeidsdeskundige",
            instemming_werkgever=True,
            instemming_werknemer=True,
        )
        rec(g, cm, "start_tweede_spoor", weeks_ago(24), reintegratiebedrijf=str(rb.pk))
        rec(g, ri, "persoonsprofiel", weeks_ago(23), profiel="15 jaar timmerman, vakdiploma, affiniteit met planning")
        rec(
            g,
            ri,
            "zoekprofiel",
            weeks_ago(23),
            profiel="Werkvoorbereider, calculator, planner in bouw en installatie",
            beroepen="werkvoorbereider, calculator, planner",
            basis="belastbaarheid_en_arbeidsmarkt",
        )
        rec(
            g,
            ad,
            "oordeel",
            weeks_ago(19),
            onderwerp="interventies_volgen_advies",
            uitkomst=True,
            document="Arbeidsdeskundig rapport",
        )
        for n in range(22, 0, -4):  # the job search every month: network contacts besides the applications below
            rec(g, ri, "netwerkcontact", weeks_ago(n), contact="Oud-collega in de bouw", uitkomst="Tip doorgegeven")
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
        op_schema(g)
        # week 58: eerstejaarsevaluatie held, track 2 must start
        # late for a reason: the bedrijfsarts advised to start when the belastbaarheid allows it, recorded as
        # a deviation from the legal deadline with a deugdelijke grond (shown as such, not as overdue)
        g = case(staff["kees"], weeks_ago(58))
        op_schema(g, laat=("start_tweede_spoor",))
        rec(
            g,
            cm,
            "afwijking_termijn",
            weeks_ago(1),
            stap="start_tweede_spoor",
            grond="toestand_werknemer",
            motivatie="De bedrijfsarts adviseert het tweede spoor pas te starten als de belastbaarheid het toelaat, "
            "naar verwachting over drie weken",
            nieuwe_datum=(today + dt.timedelta(weeks=3)).isoformat(),
            oordeel_door="Bram Visser",
            oordeel_rol="bedrijfsarts",
            document="Advies bedrijfsarts na spreekuur",
        )
        # week 92: RIV and WIA-aanvraag
        g = case(staff["pieter"], weeks_ago(92))
        op_schema(g)
        actief_traject(g)
        services.medisch_vastleggen(ba, g, "notitie", "Actueel oordeel voorbereid; FML bijgewerkt")
        # placed with a new employer: the sick period ended with the placement, and the case is closed
        g = case(staff["joost"], weeks_ago(70))
        op_schema(g)
        rec(
            g,
            ri,
            "plaatsing",
            weeks_ago(6),
            soort="contract",
            werkgever="Gemeente Groningen",
            uren_per_week=32,
            loon=300000,
        )
        rec(g, ri, "nazorg", weeks_ago(4), verslag="Goed gestart; begeleiding 6 maanden")
        rec(g, cm, "afsluiting", weeks_ago(3), reden="einde_dienstverband")
        # recovered: the herstelmelding closes the case
        g = case(staff["fatima"], weeks_ago(30))
        op_schema(g)
        rec(g, cm, "herstelmelding", weeks_ago(20))
        # the other tenant
        g = case(staff["mark"], weeks_ago(1), user=users["casemanager2"])
        rec(g, users["casemanager2"], "ziekmelding_arbodienst", weeks_ago(1))
        # the RIV-toets: a clean dossier, a late track 2, a quiet trajectory, a bevredigend resultaat
        demo_toets.build(today, zorg, users, rb)
        # the quality file (issue 13 part 3): the employer's provider choice, a procedure, a self-assessment
        from spoorwijzer.dossier import kwaliteit

        hr = users["werkgever"]
        kwaliteit.notitie_vastleggen(
            cm,
            bouw,
            "reintegratiebedrijf",
            "Kent de bouwsector en heeft een netwerk van werkgevers in de regio; "
            "plaatste in 2025 drie van onze medewerkers.",
            bedrijf=rb,
        )
        kwaliteit.notitie_vastleggen(
            hr,
            bouw,
            "procedure",
            "Ziekmelden vóór 9 uur bij de uitvoerder; de casemanager belt binnen twee werkdagen "
            "en plant het eerste gesprek met de bedrijfsarts.",
            onderwerp="Ziekmelding en eerste contact",
        )
        for regel, antwoord, tekst in (
            (
                "probleemanalyse",
                "voldoet",
                "De arbodienst plant de probleemanalyse in week 5; de casemanager bewaakt het.",
            ),
            (
                "plan_van_aanpak",
                "voldoet",
                "Plan van aanpak binnen twee weken na de probleemanalyse, met de werknemer.",
            ),
            ("evaluaties", "deels", "Evaluaties lopen soms uit als de uitvoerder op de bouwplaats is."),
        ):
            kwaliteit.beoordeling_vastleggen(hr, bouw, regel, antwoord, tekst)
        # questions and disputes, a loonstop and a deskundigenoordeel on the demo employee's own case
        from spoorwijzer.dossier import demo_vragen

        demo_vragen.build(today, users, staff["sanne"])
        demo_vragen.build_nazorg(today, users, bouw, rb, staff["joost"])
