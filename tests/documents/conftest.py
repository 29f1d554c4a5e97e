"""A complete dossier (every step of two years, a second track, an upload) to render every document from."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from spoorwijzer.dossier import services
from spoorwijzer.dossier.models import Rol, Werknemer
from tests.world import PASSWORD, build_world, fast_password_hashing, media_in_tmp, world  # noqa: F401


def volledig_dossier(w):
    """Dirk Verhoeven, timmerman at Bouw BV, sick for 95 weeks: every Poortwachter step recorded in time."""
    u = w.users
    dirk = Werknemer.objects.create(
        werkgever=w.bouw, naam="Dirk Verhoeven", functie="Timmerman", uren_per_week=38, maandloon_cent=410000
    )
    dirk_user = get_user_model().objects.create_user(
        "dirk", "dirk@example.nl", PASSWORD, first_name="Dirk", last_name="Verhoeven"
    )
    Rol.objects.create(user=dirk_user, rol="werknemer", werknemer=dirk)
    start = w.today - dt.timedelta(weeks=95)

    def at(weeks, days=0):
        return start + dt.timedelta(weeks=weeks, days=days)

    g = services.nieuw_geval(u.casemanager, dirk, start)
    rec = services.vastleggen
    rec(u.casemanager, g, "ziekmelding_arbodienst", at(0, 1))
    rec(
        u.bedrijfsarts,
        g,
        "probleemanalyse",
        at(5),
        {"mogelijkheden": "Zittend werk mogelijk, niet tillen boven 10 kg", "verwachte_duur": "langer dan 6 maanden"},
    )
    rec(
        u.bedrijfsarts,
        g,
        "belastbaarheid",
        at(5, 1),
        {"beperkingen": "Niet tillen boven 10 kg; afwisselend zitten en staan", "uren_per_dag": 6},
    )
    plan = rec(
        u.casemanager,
        g,
        "plan_van_aanpak",
        at(7),
        {
            "activiteiten": "Onderzoek naar aangepast werk in de werkvoorbereiding",
            "casemanager": "Carla de Vries",
            "reintegratievisie": "Terugkeer in aangepast werk bij Bouw BV",
        },
    )
    rec(u.casemanager, g, "financiele_informatie", at(7), {"besproken": "Inkomenspad per scenario besproken"})
    for n in (13, 19):
        rec(u.casemanager, g, "evaluatie", at(n), {"verslag": f"Evaluatie week {n}: opbouw loopt langzaam"})
    bijstelling = rec(
        u.casemanager,
        g,
        "plan_van_aanpak",
        at(24),
        {"activiteiten": "Spoor 1 en oriëntatie op spoor 2", "casemanager": "Carla de Vries"},
    )
    for n in (30, 36):
        rec(u.casemanager, g, "evaluatie", at(n), {"verslag": f"Evaluatie week {n}: geen perspectief in eigen functie"})
    rec(u.casemanager, g, "melding_uwv", at(41))
    rec(
        u.arbeidsdeskundige,
        g,
        "arbeidsdeskundig_advies",
        at(44),
        {
            "routeadvies": "spoor_2",
            "maatmaninkomen": 410000,
            "resterende_verdiencapaciteit": 250000,
            "duurzaam": False,
            "motivatie": "Eigen werk niet passend; werkvoorbereider elders wel",
        },
    )
    eje = rec(
        u.casemanager,
        g,
        "eerstejaarsevaluatie",
        at(48),
        {"verslag": "Geen terugkeer in eigen organisatie op korte termijn; tweede spoor start"},
    )
    rec(u.casemanager, g, "routekeuze", at(48), {"spoor": "spoor_2", "motivatie": "Conform advies arbeidsdeskundige"})
    rec(u.casemanager, g, "start_tweede_spoor", at(50), {"reintegratiebedrijf": str(w.rb.pk)})
    rb = u.reintegratiebedrijf
    rec(rb, g, "persoonsprofiel", at(51), {"profiel": "20 jaar timmerman, vakdiploma, rijbewijs B"})
    rec(rb, g, "zoekprofiel", at(51), {"profiel": "Werkvoorbereider of calculator in bouw en installatie"})
    rec(
        rb,
        g,
        "re_integratieplan",
        at(52),
        {"plan": "Scholing werkvoorbereiding, daarna gericht solliciteren", "rapportagemomenten": "Elke maand"},
    )
    rec(rb, g, "interventie", at(53), {"soort": "scholing", "omschrijving": "Cursus werkvoorbereiding"})
    for n, bedrijf in ((54, "Bouwbedrijf Kuipers"), (55, "Installatietechniek Noord"), (59, "Aannemer De Wit")):
        rec(
            rb, g, "sollicitatie", at(n), {"werkgever": bedrijf, "functie": "Werkvoorbereider", "uitkomst": "afgewezen"}
        )
    rec(rb, g, "netwerkcontact", at(57), {"contact": "Oud-collega bij Heijmans", "uitkomst": "Doorverwezen"})
    rec(rb, g, "voortgangsgesprek", at(56), {"verslag": "Cursus gestart, twee sollicitaties verstuurd"})
    gesprek = rec(rb, g, "voortgangsgesprek", at(60), {"verslag": "Eerste gesprek gehad; netwerk uitbreiden"})
    rec(u.bedrijfsarts, g, "actueel_oordeel", at(87), {"oordeel": "Stabiel beeld; zittend werk 6 uur per dag mogelijk"})
    rec(u.casemanager, g, "eindevaluatie", at(88), {"verslag": "Spoor 1 en 2 doorlopen, geen plaatsing"})
    upload = rec(
        u.casemanager,
        g,
        "document",
        at(89),
        {"titel": "Verslag deskundigenoordeel UWV"},
        document=SimpleUploadedFile(
            "deskundigenoordeel.pdf", b"%PDF-1.4 klein testbestand", content_type="application/pdf"
        ),
    )
    return SimpleNamespace(
        geval=g, werknemer_user=dirk_user, plan=plan, bijstelling=bijstelling, eje=eje, gesprek=gesprek, upload=upload
    )


@pytest.fixture
def dossier(db):
    w = build_world()
    d = volledig_dossier(w)
    d.world = w
    return d
