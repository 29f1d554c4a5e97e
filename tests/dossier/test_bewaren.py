"""Retention (issue 10, item 12): each case's destruction date, and the purge of what is due through the one
documented exit from append-only, logged."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import DatabaseError, transaction
from django.test import Client

from spoorwijzer.dossier import beheer, bewaren, services
from spoorwijzer.dossier.models import (
    Auditregel,
    Contactmoment,
    Gebeurtenis,
    Intrekking,
    MedischGegeven,
    Termijn,
    Vernietiging,
    Verzuimgeval,
    Werknemer,
)
from spoorwijzer.law.bewaartermijn import bewaartermijn
from spoorwijzer.law.context import LawContext
from tests.world import PASSWORD


def login(user) -> Client:
    c = Client()
    assert c.login(username=user.username, password=PASSWORD)
    return c


def run(*args) -> str:
    out = StringIO()
    call_command("vernietig", *args, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("afgesloten", "verwacht"),
    [
        # AP: two years after the reintegration ended (the case closed)
        (dt.date(2024, 3, 15), dt.date(2026, 3, 15)),
        # 29 February + 2 years: no such day, the period ends on 28 February
        (dt.date(2024, 2, 29), dt.date(2026, 2, 28)),
    ],
)
def test_the_employers_dossier_goes_two_years_after_the_case_closed(afgesloten, verwacht):
    t = bewaartermijn(LawContext.baseline(), dt.date(2026, 6, 1), afgesloten, None)
    assert t.werkgeversdossier == verwacht and t.werkgever_jaren == 2
    assert t.werkgeversdossier_vervallen(verwacht) and not t.werkgeversdossier_vervallen(verwacht - dt.timedelta(1))
    assert t.medisch is None and not t.medisch_vervallen(dt.date(2100, 1, 1))


def test_an_open_case_has_no_date_and_the_medical_file_counts_twenty_years_from_its_last_change():
    # BW 7:454 lid 3 (since 2020): twenty years from the last change of the file
    t = bewaartermijn(LawContext.baseline(), dt.date(2026, 6, 1), None, dt.date(2025, 11, 3))
    assert t.werkgeversdossier is None and not t.werkgeversdossier_vervallen(dt.date(2100, 1, 1))
    assert t.medisch == dt.date(2045, 11, 3) and t.medisch_jaren == 20


@pytest.fixture
def oud(world):
    """Eva: sick three years ago, recovered two years and ten days ago; her dossier has a file, a correction, a
    withdrawn text, a contact moment and a calculation's schedule."""
    cm = world.users.casemanager
    eva = Werknemer.objects.create(werkgever=world.bouw, naam="Eva Oud", maandloon_cent=300000)
    start = world.today - dt.timedelta(days=3 * 365 + 30)
    g = services.nieuw_geval(cm, eva, start)
    first = services.vastleggen(cm, g, "document", start + dt.timedelta(days=3), {"titel": "Verslag"}, "eerste")
    services.vastleggen(
        cm,
        g,
        "document",
        start + dt.timedelta(days=3),
        {"titel": "Verslag"},
        "gecorrigeerd",
        ContentFile(b"%PDF-1.4 oud verslag", name="oud.pdf"),
        vervangt=first,
    )
    services.intrekken(cm, g, first, next(iter(services.INTREKREDENEN)))
    beheer.contact_vastleggen(
        cm, g, soort="telefoon", tijdstip=services.timezone.now() - dt.timedelta(days=900), met="Eva", samenvatting="ok"
    )
    services.vastleggen(cm, g, "herstelmelding", world.today - dt.timedelta(days=2 * 365 + 10))
    g.refresh_from_db()
    assert g.afgesloten_op is not None
    return g


def test_a_due_case_is_purged_with_its_files_one_not_due_is_kept_and_the_audit_records_it(
    world, oud, settings, django_capture_on_commit_callbacks
):
    services.vastleggen(world.users.casemanager, world.bert, "herstelmelding", world.today - dt.timedelta(days=1))
    upload = Gebeurtenis.objects.filter(geval=oud).exclude(document="").get()
    path = Path(settings.MEDIA_ROOT) / upload.document.name
    assert path.exists()
    rows_before = {m: m.objects.count() for m in (Gebeurtenis, Intrekking, Contactmoment, Termijn)}
    assert Gebeurtenis.objects.filter(geval=oud).count() >= 4 and Termijn.objects.filter(geval=oud).exists()

    # the dry run lists and changes nothing
    out = run("--proef")
    assert f"dossier {oud.pk} (Eva Oud): werkgeversdossier" in out and "Proef: er is niets gewijzigd" in out
    assert "Bert" not in out and "Anna" not in out  # closed yesterday / still open
    assert Verzuimgeval.objects.filter(pk=oud.pk).exists() and path.exists()
    assert not Vernietiging.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):  # files go once the purge committed
        out = run()
    assert f"dossier {oud.pk} (Eva Oud)" in out and "regels" in out
    assert not Verzuimgeval.objects.filter(pk=oud.pk).exists()
    for model in (Gebeurtenis, Termijn, Contactmoment):
        assert not model.objects.filter(geval_id=oud.pk).exists(), model
    assert not Intrekking.objects.filter(gebeurtenis__geval_id=oud.pk).exists()
    assert not path.exists()  # the file is gone from storage too
    # the others are whole
    for g in (world.anna, world.bert, world.cor):
        assert Verzuimgeval.objects.filter(pk=g.pk).exists()
    assert Gebeurtenis.objects.count() < rows_before[Gebeurtenis]
    assert Gebeurtenis.objects.filter(geval=world.bert).exists()
    # the record of the purge, and the audit row (the chain still verifies)
    v = Vernietiging.objects.get()
    assert v.geval_nummer == oud.pk and v.onderdeel == "werkgeversdossier" and not v.lopend
    a = Auditregel.objects.get(actie="vernietiging")
    assert a.geval_id == oud.pk and a.organisatie_id == world.noord.pk and "werkgeversdossier" in a.detail
    check = StringIO()
    call_command("controleer_audit", stdout=check)
    assert "keten ongebroken" in check.getvalue()
    # the exit is closed again: history cannot be deleted outside a purge
    with pytest.raises(DatabaseError), transaction.atomic():
        Gebeurtenis.objects.filter(geval=world.bert).delete()
    assert run("--proef").startswith("Niets te vernietigen")


def test_the_medical_file_outlives_the_employers_dossier_seen_only_by_the_bedrijfsarts(world, oud):
    u = world.users
    services.medisch_vastleggen(u.bedrijfsarts, oud, "diagnose", "Burn-out")
    run()
    shell = Verzuimgeval.objects.get(pk=oud.pk)
    assert shell.vernietigd_op == world.today and not Gebeurtenis.objects.filter(geval=shell).exists()
    assert login(u.casemanager).get(f"/dossier/{oud.pk}/").status_code == 404
    assert login(u.werkgever).get(f"/dossier/{oud.pk}/").status_code == 404
    ba = login(u.bedrijfsarts)
    assert "Burn-out" in ba.get(f"/dossier/{oud.pk}/medisch/").content.decode()
    assert "werkgeversdossier is op" in ba.get(f"/dossier/{oud.pk}/").content.decode()
    assert run("--proef").startswith("Niets te vernietigen")  # the shell is not purged again
    # twenty years after the last change the medical file goes, and the shell with it
    later = world.today + dt.timedelta(days=20 * 366)
    items = bewaren.vervallen(later)
    medisch = [i for i in items if i.onderdeel == "medisch"]
    assert [i.gevallen for i in medisch] == [[oud.pk]]
    bewaren.vernietig(medisch[0], world.today)
    assert not MedischGegeven.objects.exists() and not Verzuimgeval.objects.filter(pk=oud.pk).exists()
    assert Auditregel.objects.filter(actie="vernietiging", geval_id=oud.pk).count() == 2


def test_the_case_page_shows_the_destruction_date_to_the_casemanager(world):
    u = world.users
    closed = world.today - dt.timedelta(days=1)
    services.vastleggen(u.casemanager, world.bert, "herstelmelding", closed)
    services.medisch_vastleggen(u.bedrijfsarts, world.bert, "notitie", "Gesprek gehad")
    from spoorwijzer.law.tekst import datum

    twee_jaar = datum(bewaartermijn(LawContext.baseline(), world.today, closed, None).werkgeversdossier)
    body = login(u.casemanager).get(f"/dossier/{world.bert.pk}/").content.decode()
    assert f"wordt vernietigd vanaf <strong>{twee_jaar}</strong> (2 jaar na afsluiten" in body
    # the casemanager does not learn when the bedrijfsarts last wrote (the medical date)
    assert "Medisch dossier: bewaren tot" not in body and "eigen, langere termijn" in body
    ba = login(u.bedrijfsarts).get(f"/dossier/{world.bert.pk}/").content.decode()
    assert "Medisch dossier: bewaren tot ten minste" in ba and "20 jaar na de laatste wijziging" in ba
    assert "Bewaartermijn" not in login(u.werkgever).get(f"/dossier/{world.anna.pk}/").content.decode()
    open_case = login(u.casemanager).get(f"/dossier/{world.anna.pk}/").content.decode()
    assert "het dossier loopt; na afsluiten blijft het 2 jaar bewaard" in open_case


def test_a_bad_date_is_refused_in_dutch_and_a_future_purge_is_not_allowed(world):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="Ongeldige datum"):
        run("--datum", "gisteren")
    with pytest.raises(CommandError, match="toekomst"):
        run("--datum", "2999-01-01")
    assert "Niets te vernietigen" in run("--proef", "--datum", (world.today + dt.timedelta(days=1)).isoformat())
