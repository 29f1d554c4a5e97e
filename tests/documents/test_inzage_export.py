"""The data subject's copy (issue 10, item 13): the employee downloads their own dossier as JSON and PDF; the medical
file leaves only through the bedrijfsarts."""

from __future__ import annotations

import datetime as dt
import json
import re

from django.test import Client

from spoorwijzer.dossier import beheer, services
from spoorwijzer.dossier.models import Auditregel
from tests.world import PASSWORD


def login(user) -> Client:
    c = Client()
    assert c.login(username=user.username, password=PASSWORD)
    return c


def pdf_text(data: bytes) -> str:
    import io

    from pypdf import PdfReader

    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def _dossier(world):
    u = world.users
    services.vastleggen(
        u.werknemer,
        world.anna,
        "sollicitatie",
        world.today - dt.timedelta(days=2),
        {"werkgever": "Bakkerij Zoet", "functie": "Planner", "uitkomst": "gesprek"},
    )
    e = services.vastleggen(
        u.casemanager, world.anna, "document", world.today - dt.timedelta(days=1), {"titel": "Notitie"}, "Rugklachten"
    )
    services.intrekken(u.casemanager, world.anna, e, next(iter(services.INTREKREDENEN)))
    beheer.contact_vastleggen(
        u.casemanager,
        world.anna,
        soort="telefoon",
        tijdstip=services.timezone.now() - dt.timedelta(days=3),
        met="Anna",
        samenvatting="Afspraak gemaakt voor het plan",
    )
    services.medisch_vastleggen(u.bedrijfsarts, world.anna, "diagnose", "Hernia L4-L5")
    services.medisch_vastleggen(u.bedrijfsarts, world.bert, "diagnose", "Migraine van Bert")
    services.vastleggen(u.casemanager, world.bert, "document", world.today, {"titel": "Bert zijn verslag"})
    login(u.casemanager).get(f"/dossier/{world.anna.pk}/")  # somebody opened Anna's dossier


def test_the_employee_downloads_their_own_dossier_as_json_without_medical_or_other_peoples_data(world):
    _dossier(world)
    r = login(world.users.werknemer).get("/mijn-dossier/export.json")
    assert r.status_code == 200 and r["Content-Type"].startswith("application/json")
    assert "attachment" in r["Content-Disposition"] and "no-store" in r["Cache-Control"]
    data = json.loads(r.content)
    assert data["werknemer"]["naam"] == "Anna" and data["werknemer"]["maandloon_cent"] == 350000
    # numbers as numbers, with their units documented in the file (review, session 5)
    assert isinstance(data["werknemer"]["uren_per_week"], (int, float)) and data["werknemer"]["uren_per_week"] > 0
    assert "eurocent" in data["eenheden"]["maandloon_cent"] and "uren_per_week" in data["eenheden"]
    assert [g["dossiernummer"] for g in data["gevallen"]] == [world.anna.pk]
    case = data["gevallen"][0]
    log = {row["naam"]: row for row in case["logboek"]}
    assert {"werkgever": "Bakkerij Zoet"}.items() <= {
        v["naam"]: v["waarde"] for v in log["Sollicitatie"]["velden"]
    }.items()
    assert case["contactmomenten"][0]["samenvatting"] == "Afspraak gemaakt voor het plan"
    assert case["termijnen"] and case["trajecten"][0]["reintegratiebedrijf"] == "Werkpad"
    assert any(i["wie"] == "cm" and i["wat"] == "Dossier geopend" for i in data["ingezien_door"])
    text = r.content.decode()
    # no medical data: not the medical file, not the text withdrawn as medical; nothing of Bert
    for secret in ("Hernia", "Rugklachten", "Migraine", "Bert"):
        assert secret not in text, secret
    assert "bedrijfsarts" in data["medisch"]
    assert Auditregel.objects.filter(actie="export_dossier", user=world.users.werknemer).count() == 1


def test_the_pdf_holds_the_same_dossier(world):
    _dossier(world)
    r = login(world.users.werknemer).get("/mijn-dossier/export.pdf")
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf" and r.content.startswith(b"%PDF")
    text = pdf_text(r.content)
    assert "Uw gegevens in Spoorwijzer" in text and "Bakkerij Zoet" in text and "€\xa03.500,00" in text
    assert "Uren per week 38,00" in " ".join(text.split())  # the JSON's 38.0, the Dutch way
    assert "Afspraak gemaakt voor het plan" in text and "Wie heeft uw dossier ingezien" in text
    # when, in words (outside review, session 7: '2026-11-25 00:24')
    ingezien = text[text.index("Wie heeft uw dossier ingezien") :]
    assert not re.search(r"\d{4}-\d{2}-\d{2}", ingezien) and re.search(r"\d{1,2} [a-z]+ \d{4} om \d\d:\d\d", ingezien)
    for secret in ("Hernia", "Rugklachten", "Migraine"):
        assert secret not in text, secret


def test_only_the_employee_downloads_their_dossier(world):
    for name in ("casemanager", "werkgever", "bedrijfsarts", "arbeidsdeskundige", "reintegratiebedrijf"):
        assert login(getattr(world.users, name)).get("/mijn-dossier/export.json").status_code == 403, name
    assert login(world.users.werknemer).get("/mijn-dossier/export.exe").status_code == 404
    assert Client().get("/mijn-dossier/export.json").status_code == 302  # to the login


def test_the_medical_file_goes_to_the_employee_through_the_bedrijfsarts_only(world):
    _dossier(world)
    world.noord.medische_delegatie = True
    world.noord.save()
    ba = login(world.users.bedrijfsarts)
    page = ba.get(f"/dossier/{world.anna.pk}/medisch/").content.decode()
    assert "Afschrift voor de werknemer" in page
    r = ba.get(f"/dossier/{world.anna.pk}/medisch/export.json")
    assert r.status_code == 200
    data = json.loads(r.content)
    assert [m["tekst"] for m in data["medische_gegevens"]] == ["Hernia L4-L5"]  # Anna's, not Bert's
    assert "Rugklachten" in data["ingetrokken_teksten"][0]["toelichting"]
    assert "Migraine" not in r.content.decode()
    assert ba.get(f"/dossier/{world.anna.pk}/medisch/export.pdf").content[:4] == b"%PDF"
    assert Auditregel.objects.filter(actie="export_medisch", user=world.users.bedrijfsarts).count() == 2
    # a delegated casemanager reads the medical page but does not hand out the file; nobody else at all
    cm = login(world.users.casemanager)
    assert cm.get(f"/dossier/{world.anna.pk}/medisch/").status_code == 200
    assert "Afschrift voor de werknemer" not in cm.get(f"/dossier/{world.anna.pk}/medisch/").content.decode()
    assert cm.get(f"/dossier/{world.anna.pk}/medisch/export.json").status_code == 403
    assert login(world.users.werknemer).get(f"/dossier/{world.anna.pk}/medisch/export.json").status_code == 403
    assert login(world.users.bedrijfsarts_zuid).get(f"/dossier/{world.anna.pk}/medisch/export.json").status_code == 404
