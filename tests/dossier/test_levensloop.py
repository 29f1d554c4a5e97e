"""The whole lifecycle of a case (issue 8): herstel ends it, closing with a reason, reopening, the archive and
the absence history, and samentelling across cases."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client

from spoorwijzer.dossier import services
from spoorwijzer.dossier.models import Termijn, Verzuimgeval, Werknemer
from spoorwijzer.law.errors import InvalidInput
from tests.world import PASSWORD


def login(user):
    c = Client()
    assert c.login(username=user.username, password=PASSWORD)
    return c


def test_herstelmelding_ends_the_case_steps_stop_and_mails_stop(world):
    cm, g = world.users.casemanager, world.bert
    services.vastleggen(cm, g, "herstelmelding", world.today - dt.timedelta(days=1))
    g.refresh_from_db()
    assert g.afgesloten_op == world.today - dt.timedelta(days=1) and g.afsluitreden == "herstel"
    assert g.volgende_uiterlijk is None
    assert not Termijn.objects.filter(geval=g, gedaan_op__isnull=True, niet_nodig=False).exists()
    c = login(cm)
    assert "Bert" not in c.get("/").content.decode()  # left the open list
    archief = c.get("/archief/").content.decode()
    assert "Bert" in archief and "Hersteld" in archief
    page = c.get(f"/dossier/{g.pk}/").content.decode()
    assert "Afgesloten op" in page and "geen termijnen meer" in page and "Vervallen" in page
    mail.outbox.clear()
    call_command("stuur_termijnmeldingen")
    assert all("Bert" not in m.body for m in mail.outbox)


def test_close_with_a_reason_refuse_steps_then_reopen(world):
    cm, g = world.users.casemanager, world.bert
    services.vastleggen(cm, g, "afsluiting", world.today, {"reden": "uit_dienst"})
    g.refresh_from_db()
    assert g.afsluitreden == "uit_dienst"
    with pytest.raises(InvalidInput, match="afgesloten"):
        services.vastleggen(cm, g, "ziekmelding_arbodienst", world.today)
    with pytest.raises(InvalidInput, match="hoort daar niet meer bij"):
        services.vastleggen(cm, g, "ziekmelding", world.today)
    r = login(world.users.casemanager).get("/archief/?reden=uit_dienst")
    assert "Bert" in r.content.decode()
    assert "Bert" not in login(world.users.casemanager).get("/archief/?reden=overlijden").content.decode()
    services.vastleggen(cm, g, "heropening", world.today, {"reden": "Uit dienst per abuis vastgelegd"})
    g.refresh_from_db()
    assert g.afgesloten_op is None and g.volgende_uiterlijk is not None
    services.vastleggen(cm, g, "ziekmelding_arbodienst", world.today)  # steps can be recorded again


def _relapse(world, gap_days):
    cm = world.users.casemanager
    dirk = Werknemer.objects.create(werkgever=world.bouw, naam="Dirk", maandloon_cent=320000)
    start = world.today - dt.timedelta(days=60)
    g = services.nieuw_geval(cm, dirk, start)
    herstel = start + dt.timedelta(days=10)
    services.vastleggen(cm, g, "herstelmelding", herstel)
    nieuw = services.nieuw_geval(cm, dirk, herstel + dt.timedelta(days=gap_days))
    return g, nieuw, start


def test_a_new_sick_report_within_four_weeks_joins_the_earlier_wachttijd_on_both_cases(world):
    g, nieuw, start = _relapse(world, 5)  # back at work 5 days: interruption < 28 days
    nieuw.refresh_from_db()
    assert nieuw.eerste_ziektedag == start
    # 10 sick days, then 5 days' interruption: every later deadline shifts by those 5 days
    assert nieuw.einde_wachttijd == start + dt.timedelta(days=727 + 5)
    c = login(world.users.casemanager)
    assert f'/dossier/{g.pk}/"' in c.get(f"/dossier/{nieuw.pk}/").content.decode()
    old_page = c.get(f"/dossier/{g.pk}/").content.decode()
    assert f'/dossier/{nieuw.pk}/"' in old_page and "Samengeteld" in old_page
    history = c.get(f"/werknemer/{nieuw.werknemer_id}/verzuim/").content.decode()
    assert history.count("Dossier met ziekmelding van") == 2 and "Telt samen" in history


def test_a_new_sick_report_after_four_weeks_starts_a_new_wachttijd(world):
    g, nieuw, start = _relapse(world, 28)  # 28 days back at work: not less than four weeks
    nieuw.refresh_from_db()
    first_day = start + dt.timedelta(days=10 + 28)
    assert nieuw.eerste_ziektedag == first_day
    assert nieuw.einde_wachttijd == first_day + dt.timedelta(days=727)
    assert "Samengeteld" not in login(world.users.casemanager).get(f"/dossier/{nieuw.pk}/").content.decode()


def test_archive_and_history_are_scoped_to_the_user(world):
    services.vastleggen(world.users.casemanager, world.bert, "herstelmelding", world.today)
    assert "Bert" not in login(world.users.casemanager_zuid).get("/archief/").content.decode()
    r = login(world.users.casemanager_zuid).get(f"/werknemer/{world.werknemers.bert.pk}/verzuim/")
    assert r.status_code == 404
    assert login(world.users.werknemer).get("/archief/").status_code == 403
    assert Verzuimgeval.objects.filter(afgesloten_op__isnull=False).count() == 1


# --- steps cannot be recorded before they can sensibly be done (law.vroegst) ----------------------


def test_a_re_integratieverslag_in_week_8_is_refused_naming_the_earliest_date(world):
    cm = world.users.casemanager
    dirk = Werknemer.objects.create(werkgever=world.bouw, naam="Dirk")
    start = world.today - dt.timedelta(weeks=7, days=3)  # now in week 8
    g = services.nieuw_geval(cm, dirk, start)
    earliest = start + dt.timedelta(weeks=86)  # first day of week 87: 18 weeks before the end (104 weeks)
    with pytest.raises(InvalidInput) as exc:
        services.vastleggen(cm, g, "re_integratieverslag", world.today)
    msg = str(exc.value)
    assert services.nl_datum(earliest) in msg and "ziekteweek 87" in msg and "Reden om eerder" in msg
    # the law allows it early for an early IVA application: with the reason recorded it is accepted
    e = services.vastleggen(
        cm, g, "re_integratieverslag", world.today, {"reden_vroeg": "Vervroegde IVA-aanvraag op advies bedrijfsarts"}
    )
    assert e.data["reden_vroeg"].startswith("Vervroegde IVA")


def test_an_eerstejaarsevaluatie_before_week_46_is_refused_without_exception(world):
    cm = world.users.casemanager
    g = world.bert  # week 3
    c = login(cm)
    r = c.post(
        f"/dossier/{g.pk}/vastleggen/eerstejaarsevaluatie/",
        {"datum": world.today.isoformat(), "veld_verslag": "Evaluatie", "veld_reden_vroeg": "graag"},
    )
    body = r.content.decode()
    earliest = g.eerste_ziektedag + dt.timedelta(weeks=45)
    assert r.status_code == 400 and services.nl_datum(earliest) in body and "ziekteweek 46" in body
    # on the earliest date itself it is accepted (Anna is in week 60)
    services.vastleggen(
        cm, world.anna, "eerstejaarsevaluatie", world.anna.eerste_ziektedag + dt.timedelta(weeks=45), {"verslag": "x"}
    )
