"""NEN 7513 (issue 10, item 11): every opening of a dossier, download, export, calendar and income page, and every
login and logout is in the hash-chained access log; the privacy officer searches it; the employee sees who opened
their dossier."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client

from spoorwijzer.dossier import agenda, services
from spoorwijzer.dossier.models import Auditregel, Rol
from tests.world import PASSWORD


def login(user) -> Client:
    c = Client()
    assert c.login(username=user.username, password=PASSWORD)
    return c


def nieuwe_regels(since: int) -> list[Auditregel]:
    return list(Auditregel.objects.filter(pk__gt=since).order_by("pk"))


def laatste() -> int:
    return Auditregel.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


@pytest.fixture
def privacy(world):
    u = get_user_model().objects.create_user("fg", "fg@example.nl", PASSWORD, first_name="Fenna", last_name="Groen")
    Rol.objects.create(user=u, rol="privacyfunctionaris", organisatie=world.noord)
    return u


def test_every_read_download_and_export_is_one_row_in_the_log(world):
    u = world.users
    services.vastleggen(
        u.casemanager,
        world.anna,
        "document",
        world.today,
        {"titel": "Verslag"},
        document=ContentFile(b"%PDF-1.4 verslag", name="verslag.pdf"),
    )
    upload = world.anna.gebeurtenissen.exclude(document="").get()
    c = login(u.casemanager)
    pages = [
        (f"/dossier/{world.anna.pk}/", "lezen_dossier"),
        (f"/dossier/{world.anna.pk}/inkomen/", "lezen_inkomen"),
        (f"/dossier/{world.anna.pk}/kosten/", "lezen_kosten"),
        (f"/dossier/{world.anna.pk}/documenten/", "lezen_documenten"),
        (f"/dossier/{world.anna.pk}/contact/", "lezen_contactlog"),
        (f"/dossier/{world.anna.pk}/termijnen.ics", "agenda_downloaden"),
        (f"/dossier/{world.anna.pk}/document/{upload.pk}/", "bijlage_downloaden"),
    ]
    for url, actie in pages:
        start = laatste()
        response = c.get(url)
        assert response.status_code == 200, url
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
        rows = nieuwe_regels(start)
        # one insert per request: the page's own row and nothing else
        assert [(r.actie, r.user_id, r.geval_id, r.rol) for r in rows] == [
            (actie, u.casemanager.pk, world.anna.pk, "casemanager")
        ], url
        assert rows[0].organisatie_id == world.noord.pk
    start = laatste()
    assert c.get(f"/werknemer/{world.werknemers.anna.pk}/verzuim/").status_code == 200
    assert [r.actie for r in nieuwe_regels(start)] == ["lezen_verzuimhistorie"]
    start = laatste()
    assert c.get("/cijfers/?formaat=csv").status_code == 200
    assert [r.actie for r in nieuwe_regels(start)] == ["export_cijfers"]
    # the calendar subscription (no login: the secret address is the key) is logged for its owner
    token = agenda.nieuwe_feed(u.casemanager)
    start = laatste()
    assert Client().get(f"/agenda/{token}/termijnen.ics").status_code == 200
    assert [(r.actie, r.user_id) for r in nieuwe_regels(start)] == [("agenda_feed", u.casemanager.pk)]
    # the API too
    from tests.api.test_api import api

    client = api(u.casemanager)
    start = laatste()
    assert client.get(f"/api/v1/gevallen/{world.anna.pk}/").status_code == 200
    assert client.get(f"/api/v1/gevallen/{world.anna.pk}/gebeurtenissen/").status_code == 200
    assert [(r.actie, r.geval_id) for r in nieuwe_regels(start)] == [("lezen_dossier", world.anna.pk)] * 2


def test_logins_and_logouts_are_logged_with_the_address(world):
    start = laatste()
    c = Client()
    response = c.post("/inloggen/", {"username": "hr", "password": PASSWORD}, REMOTE_ADDR="192.0.2.7")
    assert response.status_code == 302
    c.post("/uitloggen/", REMOTE_ADDR="192.0.2.7")
    rows = nieuwe_regels(start)
    assert [(r.actie, r.user_id, r.rol) for r in rows] == [
        ("inloggen", world.users.werkgever.pk, "werkgever"),
        ("uitloggen", world.users.werkgever.pk, "werkgever"),
    ]
    assert "192.0.2.7" in rows[0].detail
    # the employer's login belongs to its organisation, so that organisation's privacy officer finds it
    assert rows[0].organisatie_id == world.noord.pk


def test_the_privacy_officer_searches_the_log_of_the_own_organisation_only(world, privacy):
    u = world.users
    login(u.casemanager).get(f"/dossier/{world.anna.pk}/")
    login(u.bedrijfsarts).get(f"/dossier/{world.bert.pk}/medisch/")
    login(u.casemanager_zuid).get(f"/dossier/{world.cor.pk}/")
    fg = login(privacy)
    body = fg.get("/toegangslog/").content.decode()
    assert "Dossier geopend" in body and "Medische gegevens gelezen" in body and "Ingelogd" in body
    assert f"nr. {world.anna.pk}" in body and f"nr. {world.bert.pk}" in body
    assert f"nr. {world.cor.pk}" not in body and "cm_zuid" not in body  # another tenant
    # by person
    body = fg.get("/toegangslog/", {"persoon": "ba", "actie": "lezen_medisch"}).content.decode()
    assert f"nr. {world.bert.pk}" in body and f"nr. {world.anna.pk}" not in body
    # by case and by the employee whose dossier it is
    body = fg.get("/toegangslog/", {"geval": world.anna.pk, "actie": "lezen_dossier"}).content.decode()
    assert body.count("<tr>") == 2  # the header and one row
    body = fg.get("/toegangslog/", {"werknemer": "bert"}).content.decode()
    assert f"nr. {world.bert.pk}" in body and f"nr. {world.anna.pk}" not in body
    # by period: nothing yesterday, everything today
    yesterday = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    body = fg.get("/toegangslog/", {"van": yesterday, "tot": yesterday}).content.decode()
    assert "Geen regels gevonden" in body
    # bad input: a Dutch message, no 500
    response = fg.get("/toegangslog/", {"geval": "12a", "van": "gisteren"})
    assert response.status_code == 400
    assert "vul een dossiernummer in" in response.content.decode()
    assert "Vanaf: vul een datum in" in response.content.decode()
    # the search itself is logged
    assert Auditregel.objects.filter(user=privacy, actie="lezen_toegangslog").count() == 6


def test_nobody_else_reads_the_log_and_the_privacy_officer_reads_no_dossier(world, privacy):
    for user in vars(world.users).values():
        if user.username == "niemand":
            continue
        assert login(user).get("/toegangslog/").status_code == 403, user.username
    fg = login(privacy)
    assert fg.get("/").status_code == 302 and fg.get("/")["Location"] == "/toegangslog/"
    assert fg.get(f"/dossier/{world.anna.pk}/").status_code == 404
    assert fg.get(f"/dossier/{world.anna.pk}/medisch/").status_code == 404
    assert fg.get(f"/dossier/{world.anna.pk}/inkomen/").status_code == 404
    assert fg.get(f"/werknemer/{world.werknemers.anna.pk}/verzuim/").status_code == 404


def test_the_employee_sees_who_opened_their_dossier_and_nobody_elses(world):
    u = world.users
    u.casemanager.first_name, u.casemanager.last_name = "Carla", "Meijer"
    u.casemanager.save()
    login(u.casemanager).get(f"/dossier/{world.anna.pk}/inkomen/")
    login(u.werkgever).get(f"/dossier/{world.anna.pk}/")
    login(u.casemanager).get(f"/dossier/{world.bert.pk}/")  # another employee's dossier
    anna = login(u.werknemer)
    anna.get(f"/dossier/{world.anna.pk}/")  # her own reads are not listed
    body = anna.get(f"/dossier/{world.anna.pk}/").content.decode()
    section = body[body.index("Wie heeft uw dossier ingezien") :]
    assert "Carla Meijer (Casemanager): inkomen bekeken" in section
    assert "hr (Werkgever (HR)): dossier geopend" in section
    assert section.count("<li>") == 2  # not Bert's case, not her own visits


def test_rows_with_the_organisation_still_chain_and_an_edit_is_found(world):
    login(world.users.casemanager).get(f"/dossier/{world.anna.pk}/")
    out = StringIO()
    call_command("controleer_audit", stdout=out)
    assert "keten ongebroken" in out.getvalue()
    row = Auditregel.objects.filter(actie="lezen_dossier").get()
    from django.db import connection

    from spoorwijzer.dossier import append_only

    append_only.uninstall(connection)
    with connection.cursor() as cur:  # move the row to another tenant, quietly
        cur.execute("UPDATE dossier_auditregel SET organisatie_id = %s WHERE id = %s", [world.zuid.pk, row.pk])
    append_only.install(connection)
    from django.core.management import CommandError

    with pytest.raises(CommandError, match=f"Auditregel {row.pk}: de inhoud is gewijzigd"):
        call_command("controleer_audit", stdout=StringIO())
