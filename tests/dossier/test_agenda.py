"""The calendar (RFC 5545), read back with two independent parsers (icalendar and vobject): stable UIDs,
SEQUENCE/LAST-MODIFIED that go up when a deadline moves, done steps as done, reminders at 09:00 on a
working day, an escaped calendar name, the privacy choice, and a secret, revocable subscription URL."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

import icalendar
import pytest
import vobject
from django.db.models import F

from spoorwijzer.dossier import services
from spoorwijzer.dossier.models import Agendafeed, Agendaversie, Agendavoorkeur, Gebeurtenis
from spoorwijzer.law.errors import InvalidInput
from tests.world import PASSWORD


def _login(client, user):
    client.login(username=user.username, password=PASSWORD)
    return client


def _parse(body: bytes):
    """Both parsers; the events by UID from each, checked to agree."""
    cal = icalendar.Calendar.from_ical(body)
    vcal = vobject.readOne(body.decode())
    a = {str(e["uid"]): e for e in cal.walk("VEVENT")}
    b = {e.uid.value: e for e in vcal.vevent_list}
    assert set(a) == set(b) and a
    for uid, e in a.items():
        v = b[uid]
        assert e.decoded("dtstart") == v.dtstart.value
        assert int(e["sequence"]) == int(v.sequence.value)
        assert str(e["summary"]) == v.summary.value
    return cal, vcal, a, b


@pytest.fixture
def cm(client, world):
    return _login(client, world.users.casemanager)


def test_uids_stay_and_sequence_goes_up_when_a_deadline_moves(cm, world):
    url = f"/dossier/{world.bert.pk}/termijnen.ics"
    cal, vcal, first, _ = _parse(cm.get(url).content)
    assert str(cal["method"]) == "PUBLISH" and vcal.method.value == "PUBLISH"
    uid = f"geval-{world.bert.pk}-probleemanalyse-1@127.0.0.1"
    assert uid in first and int(first[uid]["sequence"]) == 0
    before = first[uid].decoded("dtstart")
    Agendaversie.objects.update(gewijzigd_op=F("gewijzigd_op") - dt.timedelta(hours=1))  # an hour passes
    first_modified = first[uid].decoded("last-modified") - dt.timedelta(hours=1)
    # the sick report's date is corrected a week later: every deadline moves, the UIDs do not
    melding = Gebeurtenis.objects.get(geval=world.bert, code="ziekmelding")
    services.vastleggen(
        world.users.casemanager, world.bert, "ziekmelding", melding.datum + dt.timedelta(days=7), vervangt=melding
    )
    _, _, second, vsecond = _parse(cm.get(url).content)
    assert set(second) == set(first)
    assert second[uid].decoded("dtstart") == before + dt.timedelta(days=7)
    assert int(second[uid]["sequence"]) == 1 and int(vsecond[uid].sequence.value) == 1
    assert second[uid].decoded("last-modified") > first_modified
    other = f"geval-{world.bert.pk}-ziekmelding_arbodienst-1@127.0.0.1"
    assert other in second
    # nothing changed: the same version again
    _, _, third, _ = _parse(cm.get(url).content)
    assert int(third[uid]["sequence"]) == 1


def test_done_steps_are_done_without_alarm_and_reminders_fall_on_a_working_morning(cm, world):
    services.vastleggen(world.users.bedrijfsarts, world.bert, "probleemanalyse", world.today)
    Agendavoorkeur.objects.create(user=world.users.casemanager, met_medische_stappen=True)
    _, _, events, _ = _parse(cm.get(f"/dossier/{world.bert.pk}/termijnen.ics").content)
    done = events[f"geval-{world.bert.pk}-probleemanalyse-1@127.0.0.1"]
    assert str(done["summary"]).startswith("Gedaan: Probleemanalyse bedrijfsarts")
    assert done.decoded("dtstart") == world.today and not done.walk("VALARM")
    open_ = [e for e in events.values() if str(e["summary"]).startswith("Uiterlijk:")]
    assert open_
    for e in open_:
        (alarm,) = e.walk("VALARM")
        start = dt.datetime.combine(e.decoded("dtstart"), dt.time())
        fires = start + alarm.decoded("trigger")
        assert fires.time() == dt.time(9, 0) and fires.weekday() < 5
        assert 7 <= (start.date() - fires.date()).days <= 9  # a week ahead, earlier when that is a weekend


def test_titles_hide_name_and_medical_steps_unless_the_user_opts_in(cm, world):
    world.werknemers.bert.naam = "Boer, Bert de; junior"
    world.werknemers.bert.save()
    body = cm.get(f"/dossier/{world.bert.pk}/termijnen.ics").content
    assert b"Boer" not in body and b"Probleemanalyse" not in body
    _, _, events, _ = _parse(body)
    pa = events[f"geval-{world.bert.pk}-probleemanalyse-1@127.0.0.1"]
    assert str(pa["summary"]) == f"Uiterlijk: Stap van de bedrijfsarts (dossier {world.bert.pk})"
    Agendavoorkeur.objects.create(user=world.users.casemanager, met_naam=True, met_medische_stappen=True)
    body = cm.get(f"/dossier/{world.bert.pk}/termijnen.ics").content
    # the calendar name is escaped (RFC 5545 3.3.11): a comma and a semicolon in the name stay text
    assert b"X-WR-CALNAME:Boer\\, Bert de\\; junior: poortwachtertermijnen" in body
    cal, vcal, events, _ = _parse(body)
    assert vcal.contents["x-wr-calname"][0].value == "Boer, Bert de; junior: poortwachtertermijnen"
    pa = events[f"geval-{world.bert.pk}-probleemanalyse-1@127.0.0.1"]
    assert str(pa["summary"]) == "Uiterlijk: Probleemanalyse bedrijfsarts (Boer, Bert de; junior)"


def test_subscription_feed_is_secret_hashed_revocable_and_scoped(client, world):
    cm = _login(client, world.users.casemanager)
    page = cm.post("/agenda/", {"actie": "nieuw"})
    html = page.content.decode()
    token = re.search(r"/agenda/([A-Za-z0-9_-]+)/termijnen\.ics", html).group(1)
    assert len(token) >= 40
    feed = Agendafeed.objects.get(user=world.users.casemanager)
    assert feed.token_hash == hashlib.sha256(token.encode()).hexdigest() and token not in feed.token_hash
    client.logout()
    body = client.get(f"/agenda/{token}/termijnen.ics").content  # no login: calendar apps cannot log in
    _, _, events, _ = _parse(body)
    cases = {uid.split("-")[1] for uid in events}
    assert cases == {str(world.anna.pk), str(world.bert.pk)}  # not Cor, another organisation's case
    assert client.get("/agenda/verkeerd-token/termijnen.ics").status_code == 404
    cm = _login(client, world.users.casemanager)
    cm.post("/agenda/", {"actie": "intrekken", "feed": feed.pk})
    client.logout()
    assert client.get(f"/agenda/{token}/termijnen.ics").status_code == 404


def test_a_corrected_sick_report_cannot_move_the_first_sick_day_past_entries_already_made(world):
    """Left over from session 6: an entry dated before the first sick day is refused, but a correction of the
    ziekmelding to a later day left earlier entries standing before the case's start."""
    cm, g = world.users.casemanager, world.bert
    melding = Gebeurtenis.objects.get(geval=g, code="ziekmelding")
    services.vastleggen(cm, g, "ziekmelding_arbodienst", melding.datum + dt.timedelta(days=2))
    voor = Gebeurtenis.objects.filter(geval=g).count()
    with pytest.raises(InvalidInput, match="er staan al regels vóór die dag \\(Ziekmelding bij arbodienst"):
        services.vastleggen(cm, g, "ziekmelding", melding.datum + dt.timedelta(days=5), vervangt=melding)
    assert Gebeurtenis.objects.filter(geval=g).count() == voor  # nothing stored
    services.vastleggen(cm, g, "ziekmelding", melding.datum + dt.timedelta(days=1), vervangt=melding)  # still before
