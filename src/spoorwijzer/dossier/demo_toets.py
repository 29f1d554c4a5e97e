"""Demo dossiers for the RIV-toets: a clean dossier, a late track 2, a quiet trajectory and a bevredigend
resultaat, each recorded through dossier.services with the role that would record it."""

from __future__ import annotations

import datetime as dt

from spoorwijzer.dossier import services
from spoorwijzer.dossier.models import Werknemer

MONTH = dt.timedelta(days=30)


def geboren(naam: str) -> dt.date:
    """A demo employee's date of birth, the same on every run (1975-1998: far from the AOW age, so no demo case
    turns on it). The employee form requires one; without it no demo employee could be saved (outside review)."""
    n = sum(ord(c) * (i + 1) for i, c in enumerate(naam))
    return dt.date(1975 + n % 24, 1 + n % 12, 1 + n % 28)


def build(today: dt.date, werkgever, users: dict, rb) -> dict[str, object]:
    """Four cases; returns them by name (for tests and screenshots)."""
    cm, ba, ad, ri = (users[k] for k in ("casemanager", "bedrijfsarts", "arbeidsdeskundige", "reintegratie"))

    def employee(naam, functie, loon, uren=38):
        return Werknemer.objects.create(
            werkgever=werkgever,
            naam=naam,
            functie=functie,
            uren_per_week=uren,
            maandloon_cent=loon * 100,
            geboortedatum=geboren(naam),
        )

    def rec(g, user, code, day, **data):
        services.vastleggen(user, g, code, day, data)

    def year_one(g, first, *, eje_week=51, advice=True):
        """Everything of year 1 on time: probleemanalyse, plan, evaluations every five weeks, 42nd-week report,
        route advice and route choice, eerstejaarsevaluatie."""
        at = lambda w, d=0: first + dt.timedelta(weeks=w, days=d)  # noqa: E731
        rec(g, cm, "ziekmelding_arbodienst", at(0, 2))
        rec(
            g,
            ba,
            "probleemanalyse",
            at(5),
            mogelijkheden="Geen zwaar tillen; zittend werk mogelijk",
            verwachte_duur="lang",
        )
        rec(
            g,
            cm,
            "plan_van_aanpak",
            at(6, 3),
            activiteiten="Aangepast eigen werk onderzoeken",
            casemanager="Carla de Vries",
        )
        w = 11
        while first + dt.timedelta(weeks=w) <= today and w < 100:
            rec(g, cm, "evaluatie", at(w), verslag="Voortgang besproken; plan bijgesteld waar nodig")
            w += 5
        rec(g, cm, "melding_uwv", at(41, 2))
        if advice:
            rec(
                g,
                ad,
                "arbeidsdeskundig_advies",
                at(30),
                routeadvies="spoor_2",
                maatmaninkomen=int(g.werknemer.maandloon_cent),
                resterende_verdiencapaciteit=int(g.werknemer.maandloon_cent) // 2,
                duurzaam=False,
                motivatie="Eigen functie niet passend; administratief en planningswerk bij een andere werkgever",
            )
            rec(
                g,
                cm,
                "routekeuze",
                at(32),
                spoor="beide",
                motivatie="Conform advies arbeidsdeskundige",
                instemming_werkgever=True,
                instemming_werknemer=True,
            )
        rec(
            g,
            cm,
            "eerstejaarsevaluatie",
            at(eje_week),
            verslag="Geen perspectief in eigen bedrijf; spoor 2",
            concreet_perspectief=False,
        )

    def track_two(g, start, *, active_months: int | None = None, basis="belastbaarheid_en_arbeidsmarkt"):
        rec(g, cm, "start_tweede_spoor", start, reintegratiebedrijf=str(rb.pk))
        rec(g, ri, "persoonsprofiel", start, profiel="Vakopleiding, 15 jaar ervaring, affiniteit met planning")
        rec(
            g,
            ri,
            "zoekprofiel",
            start,
            profiel="Planner, werkvoorbereider, administratief medewerker in bouw en logistiek",
            beroepen="planner, werkvoorbereider, administratief medewerker",
            basis=basis,
        )
        rec(
            g,
            ri,
            "re_integratieplan",
            start + dt.timedelta(days=3),
            plan="Oriëntatie, scholing, sollicitatie",
            rapportagemomenten="Maandelijks",
        )
        rec(
            g,
            ri,
            "interventie",
            start + dt.timedelta(days=10),
            soort="sollicitatietraining",
            omschrijving="Training van vier weken",
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
        k, day = 0, start + dt.timedelta(days=7)
        employers = ("Bouwbedrijf Kuipers", "Logistiek Noord", "Gemeente Assen", "Installatie De Wit", "Transport Oost")
        while day <= today:
            if active_months is None or k < active_months:
                rec(g, ri, "sollicitatie", day, werkgever=employers[k % 5], functie="Planner", uitkomst="afgewezen")
                if day + dt.timedelta(days=2) <= today:
                    rec(g, ri, "netwerkcontact", day + dt.timedelta(days=2), contact=f"Oud-collega {k + 1}")
                if day + dt.timedelta(days=3) <= today:
                    rec(g, ri, "voortgangsgesprek", day + dt.timedelta(days=3), verslag="Sollicitaties besproken")
            day += dt.timedelta(days=21)
            k += 1

    cases = {}
    # 1. a clean dossier: week 70, every step on time, track 2 active every month
    first = today - dt.timedelta(weeks=70)
    g = services.nieuw_geval(cm, employee("Tom Kramer", "Magazijnmedewerker", 3200), first)
    year_one(g, first)
    track_two(g, first + dt.timedelta(weeks=54))
    cases["schoon"] = g
    # 2. a late track 2: eerstejaarsevaluatie in week 51, track 2 only in week 65 (eight weeks late)
    first = today - dt.timedelta(weeks=80)
    g = services.nieuw_geval(cm, employee("Ingrid Veenstra", "Boekhouder", 3700, 32), first)
    year_one(g, first)
    track_two(g, first + dt.timedelta(weeks=65))
    cases["laat_spoor_2"] = g
    # 3. a quiet trajectory: started on time, applications for two months, then nothing
    first = today - dt.timedelta(weeks=76)
    g = services.nieuw_geval(cm, employee("Ruben Dijkstra", "Chauffeur", 2900), first)
    year_one(g, first)
    track_two(g, first + dt.timedelta(weeks=54), active_months=3)
    cases["stil_traject"] = g
    # 4. a bevredigend resultaat: week 100, structural work at 72% of the old wage, accepted; the zoekprofiel
    # rested on the employee's wish, which no longer matters (Beleidsregels § 3)
    first = today - dt.timedelta(weeks=100)
    g = services.nieuw_geval(cm, employee("Monique Smits", "Kapper", 2600, 30), first)
    year_one(g, first)
    track_two(g, first + dt.timedelta(weeks=55), basis="wens_werknemer")
    rec(
        g,
        ri,
        "plaatsing",
        first + dt.timedelta(weeks=90),
        soort="contract",
        werkgever="Salon Bella",
        uren_per_week=24,
        loon=190000,
    )
    rec(
        g,
        cm,
        "einde_tweede_spoor",
        first + dt.timedelta(weeks=91),
        uitkomst="plaatsing",
        reden="Vast contract bij Salon Bella",
    )
    rec(
        g,
        cm,
        "werkhervatting_resultaat",
        first + dt.timedelta(weeks=92),
        structureel=True,
        loonwaarde_pct=72,
        aanvaard=True,
    )
    rec(g, ba, "actueel_oordeel", first + dt.timedelta(weeks=88), oordeel="Belastbaar voor licht werk, 24 uur per week")
    rec(g, cm, "uwv_wia_brief", first + dt.timedelta(weeks=88))
    rec(g, cm, "wia_aanvraag", first + dt.timedelta(weeks=91))
    rec(g, cm, "eindevaluatie", first + dt.timedelta(weeks=89), verslag="Plaatsing in zicht bij Salon Bella")
    rec(
        g,
        cm,
        "re_integratieverslag",
        first + dt.timedelta(weeks=90),
        oordeel_werknemer="Ik ben het eens met het verslag en blij met mijn nieuwe baan.",
    )
    cases["bevredigend"] = g
    return cases
