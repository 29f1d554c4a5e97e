"""Aftercare in the dossier (issue 13 part 2): after a placement the schedule, signals, the outcome after 6 and 12
months (also after the case closed), the no-riskpolis for the new employer, and the figures."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from spoorwijzer.dossier import access, nazorg, services
from tests.world import PASSWORD

pytestmark = pytest.mark.django_db


def login(user):
    c = Client()
    assert c.login(username=user.username, password=PASSWORD)
    return c


def placed(world, weeks_ago=30):
    day = world.today - dt.timedelta(weeks=weeks_ago)
    cm = world.users.casemanager
    services.vastleggen(
        cm, world.anna, "plaatsing", day,
        {"soort": "contract", "werkgever": "Gemeente Groningen", "uren_per_week": 32, "loon": 300000},
    )  # fmt: skip
    services.vastleggen(cm, world.anna, "afsluiting", day + dt.timedelta(days=7), {"reden": "einde_dienstverband"})
    return day


def test_after_a_placement_the_schedule_runs_and_is_kept_after_the_case_closed(world):
    start = placed(world)
    cm = world.users.casemanager
    services.vastleggen(
        cm, world.anna, "nazorg", start + dt.timedelta(weeks=4),
        {"verslag": "Goed gestart", "signaal": "geen"},
    )  # fmt: skip
    services.vastleggen(
        cm, world.anna, "nazorg", start + dt.timedelta(weeks=8, days=2),
        {"verslag": "Moe na lange dagen", "signaal": "belasting"},
    )  # fmt: skip
    events = services.actuele_gebeurtenissen(world.anna)
    n = nazorg.nazorg(world.anna, events, world.today)
    assert n.anker.soort == "plaatsing" and n.anker.werkgever == "Gemeente Groningen"
    contacts = [r for r in n.momenten if r["moment"].soort == "contact"]
    assert [r["status"] for r in contacts[:3]] == ["gedaan", "gedaan", "te_laat"]
    assert [s.data["signaal"] for s in n.signalen] == ["belasting"]
    six = next(r for r in n.momenten if r["moment"].na_maanden == 6)
    assert six["status"] == "te_laat"  # 30 weeks after the start: the 6-month outcome is due and missing
    body = login(cm).get(f"/dossier/{world.anna.pk}/nazorg/").content.decode()
    assert "Plaatsing bij Gemeente Groningen" in body and "Werk te zwaar of te veel uren" in body


def rows_of(d):
    return {r["na_maanden"]: r for r in d["rijen"]}


def test_outcomes_feed_the_figures_and_a_missing_measurement_is_not_success(world):
    start = placed(world, weeks_ago=60)
    cm = world.users.casemanager
    services.vastleggen(
        cm, world.anna, "nazorg_uitkomst", start + dt.timedelta(weeks=27), {"na_maanden": "6", "status": "werkt"}
    )
    rows = rows_of(nazorg.duurzaamheid(access.zichtbare_gevallen(cm), world.today))
    assert (rows[6]["gemeten"], rows[6]["aan_het_werk"], rows[6]["percentage"]) == (1, 1, 100)
    assert (rows[12]["gemeten"], rows[12]["ontbreekt"]) == (0, 1)  # 60 weeks on: the 12-month outcome is missing
    services.vastleggen(
        cm, world.anna, "nazorg_uitkomst", start + dt.timedelta(weeks=53), {"na_maanden": "12", "status": "uitgevallen"}
    )
    rows = rows_of(nazorg.duurzaamheid(access.zichtbare_gevallen(cm), world.today))
    assert (rows[12]["gemeten"], rows[12]["aan_het_werk"], rows[12]["percentage"], rows[12]["ontbreekt"]) == (
        1,
        0,
        0,
        0,
    )
    assert rows[12]["per_status"]["uitgevallen"] == 1 and rows[12]["kleine_groep"]  # one measurement: a small group
    body = login(cm).get("/cijfers/").content.decode()
    assert "Werk dat blijft" in body and "Opnieuw uitgevallen door ziekte" in body and "(kleine groep)" in body


def test_outcomes_per_provider_the_one_running_on_the_day_of_the_placement(world):
    """A placement within Werkpad's trajectory counts for Werkpad; Anna's placement 30 weeks ago came before her
    trajectory began (5 weeks ago), so it counts for no provider. A period counts only its own placements."""
    from spoorwijzer.dossier.models import Werknemer

    cm = world.users.casemanager
    anna_start = placed(world, weeks_ago=30)
    piet = Werknemer.objects.create(werkgever=world.bouw, naam="Piet", maandloon_cent=320000)
    g = services.nieuw_geval(cm, piet, world.today - dt.timedelta(weeks=110))
    weeks_ago = lambda n: world.today - dt.timedelta(weeks=n)  # noqa: E731
    services.vastleggen(cm, g, "start_tweede_spoor", weeks_ago(80), {"reintegratiebedrijf": str(world.rb.pk)})
    services.vastleggen(cm, g, "plaatsing", weeks_ago(60), {"soort": "detachering", "werkgever": "Gemeente Assen"})
    services.vastleggen(cm, g, "nazorg_uitkomst", weeks_ago(33), {"na_maanden": "6", "status": "werkt"})
    services.vastleggen(cm, g, "nazorg_uitkomst", weeks_ago(7), {"na_maanden": "12", "status": "werkt_elders"})

    d = nazorg.duurzaamheid(access.zichtbare_gevallen(cm), world.today)
    rows = rows_of(d)
    assert d["ankers"] == 2
    # after 6 months: Piet measured at work, Anna's outcome due (30 weeks > 6 months) and missing
    assert (rows[6]["gemeten"], rows[6]["aan_het_werk"], rows[6]["ontbreekt"]) == (1, 1, 1)
    # after 12 months: Piet works elsewhere (still at work); Anna's is not due yet
    assert (rows[12]["gemeten"], rows[12]["per_status"]["werkt_elders"], rows[12]["aan_het_werk"]) == (1, 1, 1)
    assert rows[12]["ontbreekt"] == 0
    werkpad, zonder = d["per_bureau"]
    assert (werkpad["naam"], werkpad["ankers"], rows_of(werkpad)[6]["gemeten"]) == ("Werkpad", 1, 1)
    assert (zonder["naam"], zonder["ankers"], rows_of(zonder)[6]["ontbreekt"]) == (nazorg.ZONDER_BUREAU, 1, 1)
    recent = nazorg.duurzaamheid(access.zichtbare_gevallen(cm), world.today, anna_start, world.today)
    assert recent["ankers"] == 1 and [b["naam"] for b in recent["per_bureau"]] == [nazorg.ZONDER_BUREAU]
    export = login(cm).get("/cijfers/", {"formaat": "csv"}).content.decode("utf-8-sig")
    assert "Werk dat blijft (alle dossiers)" in export and "Werkpad;6;1;1;0;0;0;1;100;0" in export


def test_no_risk_for_the_new_employer_with_how_to_claim(world):
    start = placed(world, weeks_ago=10)
    services.vastleggen(
        world.users.casemanager, world.anna, "no_risk_gegevens", start,
        {"doelgroep": "35_minner", "in_dienst": start.isoformat(), "beoordeeld_op": (start - dt.timedelta(days=400)).isoformat()},
    )  # fmt: skip
    n = nazorg.nazorg(world.anna, services.actuele_gebeurtenissen(world.anna), world.today)
    assert n.no_risk.van_toepassing
    body = login(world.users.werkgever).get(f"/dossier/{world.anna.pk}/nazorg/").content.decode()
    assert "De no-riskpolis geldt tot en met" in body and "binnen 6 weken bij UWV" in body
    assert "35_minner" not in body  # the group's Dutch name, never its code


def test_return_to_the_own_employer_is_an_anchor_too(world):
    services.vastleggen(world.users.casemanager, world.bert, "herstelmelding", world.today - dt.timedelta(days=3))
    n = nazorg.nazorg(world.bert, services.actuele_gebeurtenissen(world.bert), world.today)
    assert n.anker.soort == "terugkeer" and n.no_risk is None


def test_no_risk_information_for_the_new_employer_as_a_document(world):
    from pypdf import PdfReader

    from spoorwijzer.documents import maken

    start = placed(world, weeks_ago=10)
    e = services.vastleggen(
        world.users.casemanager, world.anna, "no_risk_gegevens", start,
        {"doelgroep": "wia_uitkering", "in_dienst": start.isoformat()},
    )  # fmt: skip
    doc = maken.maken(world.users.casemanager, world.anna, "no_risk_informatie", str(e.pk))
    text = " ".join("".join(p.extract_text() for p in PdfReader(doc.bestand.open("rb")).pages).split())
    assert "informatie voor Gemeente Groningen" in text and "binnen 6 weken bij UWV" in text
    assert "70% van het dagloon, ten hoogste 104 weken" in text
