"""A loonstop / loonopschorting recorded in the dossier counts on the income and costs pages (issue 8).

A new case with fixed dates (the arithmetic is in tests/law/test_loonmaatregel_inkomen.py): first sick day
Monday 5 January 2026, € 4.000,00 a month for 38 hours, the legal 70%: € 2.800,00 a month in year 1. The
measure runs Monday 2 March to Sunday 22 March 2026 (21 of March's 31 days): 280000 x 21 / 31 = 189677 cents,
€ 1.896,77.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from spoorwijzer.dossier import services, vragen
from spoorwijzer.dossier.models import Berekening, Werknemer
from spoorwijzer.law.money import euro
from tests.world import PASSWORD

pytestmark = pytest.mark.django_db
D = dt.date
START, VAN, EINDE = D(2026, 1, 5), D(2026, 3, 2), D(2026, 3, 23)


def login(user):
    c = Client()
    assert c.login(username=user.username, password=PASSWORD)
    return c


@pytest.fixture
def geval(world):
    from spoorwijzer.dossier.models import Rol

    w = Werknemer.objects.create(werkgever=world.bouw, naam="Dirk", maandloon_cent=400_000, uren_per_week=38)
    g = services.nieuw_geval(world.users.casemanager, w, START)
    from django.contrib.auth import get_user_model

    Rol.objects.filter(user=world.users.werknemer).update(werknemer=w)  # the employee login is Dirk's now
    world.users.werknemer = get_user_model().objects.get(pk=world.users.werknemer.pk)
    return g


def measure(world, g, grond):
    services.vastleggen(
        world.users.werkgever, g, "loonmaatregel", VAN, {"grond": grond, "mededeling_op": D(2026, 2, 27).isoformat()}
    )


def march(g):
    inv = services.inkomensinvoer(g, services.actuele_gebeurtenissen(g), D(2026, 6, 1))
    from spoorwijzer import berekeningen

    result = berekeningen.inkomenspad(inv)
    s = next(s for s in result["scenarios"] if s["code"] == "35_minner_zonder_werk")
    return result, next(m["totaal_cent"] for m in s["maanden"] if m["maand"] == "2026-03")


def test_a_loonstop_that_stands_costs_the_employee_its_days(world, geval):
    measure(world, geval, "lid3e")
    services.vastleggen(world.users.werkgever, geval, "loonmaatregel_einde", EINDE, {"gevolg": "hervat"})
    result, paid = march(geval)
    assert paid == 280_000 - 189_678  # 1 March (9032) + 23-31 March (81290) = 90322
    assert result["inhoudingen"][0]["vervallen_cent"] == 189_677
    # the employee's page, in Dutch, with the period and the amount
    body = login(world.users.werknemer).get(f"/dossier/{geval.pk}/inkomen/").content.decode()
    assert "Loonstop (BW 7:629 lid 3 onder e)" in body
    assert "2 maart 2026 tot en met 22 maart 2026 (21 dagen)" in body
    assert "Vervallen: " + euro(189_677) in body
    # the stored receipt names it
    stored = Berekening.objects.filter(geval=geval, onderwerp="inkomenspad").latest("pk")
    assert any("22 maart 2026 (21 dagen)" in s for s in stored.uitkomst["bon"]["stappen"])
    # the employer's costs: the days are not owed
    kosten = login(world.users.werkgever).get(f"/dossier/{geval.pk}/kosten/").content.decode()
    assert "2 maart 2026 tot en met 22 maart 2026 (21 dagen)" in kosten and euro(-189_677) in kosten
    assert "geen recht op loon over deze dagen" in kosten


def test_a_dispute_that_finds_the_loonstop_unjustified_pays_it_after_all(world, geval):
    measure(world, geval, "lid3c")
    v = services.vastleggen(
        world.users.werknemer,
        geval,
        "vraag",
        D(2026, 3, 3),
        {"soort": "onenigheid", "onderwerp": "loonmaatregel", "tekst": "Het werk was niet passend."},
    )
    vragen.uitkomst_vastleggen(
        world.users.casemanager,
        geval,
        EINDE,
        {
            "vraag": v.pk,
            "uitkomst": "Deskundigenoordeel: niet passend.",
            "gevolg": "maatregel_opgeheven",
            "gevolg_loon": "onterecht",
        },
    )
    result, paid = march(geval)
    assert paid == 90_322 + 189_677  # the back pay on 23 March
    i = result["inhoudingen"][0]
    assert (i["nabetaald_cent"], i["nabetaald_op"], i["vervallen_cent"]) == (189_677, "2026-03-23", 0)
    body = login(world.users.casemanager).get(f"/dossier/{geval.pk}/inkomen/").content.decode()
    assert "Nabetaald op 23 maart 2026: " + euro(189_677) in body


def test_a_running_opschorting_is_held_back_and_still_owed(world, geval):
    measure(world, geval, "lid6")
    inv = services.inkomensinvoer(geval, services.actuele_gebeurtenissen(geval), D(2026, 3, 22))
    (h,) = inv.inhoudingen
    assert (h.van, h.tot, h.opgeschort, h.loopt) == (VAN, EINDE, True, True)
    body = login(world.users.werkgever).get(f"/dossier/{geval.pk}/kosten/").content.decode()
    assert "opgeschort: blijft verschuldigd" in body
