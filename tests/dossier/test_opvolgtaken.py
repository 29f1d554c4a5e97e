"""Open questions, agreements from a question's outcome and aftercare moments in the work queue and the daily
mail (issue 8 with issue 13): in the queue of the person who must act, overdue ones flagged."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client

from spoorwijzer.dossier import beheer, services, vragen
from spoorwijzer.law import opvolging
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.tekst import datum
from tests.world import PASSWORD

pytestmark = pytest.mark.django_db


def login(user):
    c = Client()
    assert c.login(username=user.username, password=PASSWORD)
    return c


def ask(world, onderwerp, on):
    return services.vastleggen(
        world.users.werknemer,
        world.anna,
        "vraag",
        on,
        {"soort": "onenigheid", "onderwerp": onderwerp, "tekst": "Ik ben het hier niet mee eens."},
    )


def queue(user, today, code):
    return [t for t in beheer.werkvoorraad(user, today) if t.code == code]


def test_an_open_question_is_in_the_queue_of_who_answers_it_and_late_is_flagged(world):
    today = world.today
    asked = today - dt.timedelta(days=14)
    v = ask(world, "passend_werk", asked)  # the casemanager answers about passend werk
    w = ask(world, "oordeel_bedrijfsarts", today)  # the bedrijfsarts about its own judgement
    due_v = opvolging.antwoord_uiterlijk(LawContext.baseline(), asked, 5)
    due_w = opvolging.antwoord_uiterlijk(LawContext.baseline(), today, 5)
    (cm,) = queue(world.users.casemanager, today, "vraag")
    assert (cm.vraag_id, cm.uiterlijk, cm.status) == (v.pk, due_v, "te_laat")
    assert cm.naam.startswith("Vraag beantwoorden: ")
    (ba,) = queue(world.users.bedrijfsarts, today, "vraag")
    assert (ba.vraag_id, ba.uiterlijk, ba.status) == (w.pk, due_w, "binnenkort")
    assert queue(world.users.werknemer, today, "vraag") == [] and queue(world.users.werkgever, today, "vraag") == []
    assert queue(world.users.casemanager_zuid, today, "vraag") == []  # another tenant sees nothing
    # the page: the date, the flag, and a link to the thread
    body = login(world.users.casemanager).get("/werkvoorraad/").content.decode()
    assert datum(due_v) in body and "te laat" in body
    assert f'href="/dossier/{world.anna.pk}/vragen/{v.pk}/"' in body
    # answered: it leaves the queue
    services.vastleggen(
        world.users.casemanager, world.anna, "vraag_antwoord", today, {"vraag": v.pk, "antwoord": "Het werk past."}
    )
    assert queue(world.users.casemanager, today, "vraag") == []


def test_only_the_behandelaar_not_every_casemanager_gets_the_question(world):
    from spoorwijzer.dossier.models import Rol

    colleague = services_user(world, "cm2", "casemanager")
    ask(world, "passend_werk", world.today)
    assert queue(colleague, world.today, "vraag") == []
    assert Rol.objects.filter(user=colleague).exists()


def services_user(world, name, rol):
    from django.contrib.auth import get_user_model

    from spoorwijzer.dossier.models import Rol

    u = get_user_model().objects.create_user(name, f"{name}@example.nl", PASSWORD)
    Rol.objects.create(user=u, rol=rol, organisatie=world.noord)
    return u


def test_an_agreement_from_an_outcome_is_followed_until_it_is_kept(world):
    today = world.today
    v = ask(world, "passend_werk", today - dt.timedelta(days=3))
    by = today + dt.timedelta(days=10)
    vragen.uitkomst_vastleggen(
        world.users.casemanager,
        world.anna,
        today - dt.timedelta(days=1),
        {
            "vraag": v.pk,
            "uitkomst": "Mediation: werktijden worden aangepast.",
            "gevolg": "nieuwe_termijn",
            "vervolg": "Werktijden aanpassen",
            "vervolg_uiterlijk": by.isoformat(),
        },
    )
    for user in (world.users.casemanager, world.users.werkgever):
        (t,) = queue(user, today, "vraag_afspraak")
        assert (t.naam, t.uiterlijk, t.status) == ("Afspraak nakomen: Werktijden aanpassen", by, "binnenkort")
    assert queue(world.users.casemanager, by + dt.timedelta(days=1), "vraag_afspraak")[0].status == "te_laat"
    assert queue(world.users.werknemer, today, "vraag_afspraak") == []
    # a later answer on the thread records that it was kept
    services.vastleggen(
        world.users.werkgever, world.anna, "vraag_antwoord", today, {"vraag": v.pk, "antwoord": "Rooster aangepast."}
    )
    assert queue(world.users.casemanager, today, "vraag_afspraak") == []


def test_aftercare_moment_after_a_return_is_in_the_casemanagers_queue_even_when_the_case_closed(world):
    today = world.today
    terug = today - dt.timedelta(weeks=2)
    services.vastleggen(world.users.casemanager, world.bert, "herstelmelding", terug)
    world.bert.refresh_from_db()
    (t,) = queue(world.users.casemanager, today, "nazorg_moment")
    # the default policy: a check-in every 4 weeks from the first day back (law/opvolging_standaard.yaml)
    assert t.uiterlijk == terug + dt.timedelta(weeks=4) and t.geval == world.bert
    assert t.naam == "Nazorg: contactmoment (terugkeer bij de eigen werkgever)"
    # a check-in recorded: the next one is due
    services.vastleggen(
        world.users.casemanager,
        world.bert,
        "nazorg",
        today,
        {"verslag": "Gaat goed.", "signaal": "geen"},
    )
    (t,) = queue(world.users.casemanager, today, "nazorg_moment")
    assert t.uiterlijk == terug + dt.timedelta(weeks=8)
    assert queue(world.users.bedrijfsarts, today, "nazorg_moment") == []


def test_the_daily_mail_names_open_questions_and_agreements_to_who_acts(world):
    today = world.today
    asked = today - dt.timedelta(days=14)
    ask(world, "passend_werk", asked)
    ask(world, "oordeel_bedrijfsarts", today)
    mail.outbox.clear()
    call_command("stuur_termijnmeldingen", "--vandaag", today.isoformat())
    by = {m.to[0]: m.body for m in mail.outbox}
    due = opvolging.antwoord_uiterlijk(LawContext.baseline(), asked, 5)
    assert "Anna: Vraag beantwoorden: " in by["cm@example.nl"]
    assert f"te laat, uiterlijk was {datum(due)}" in by["cm@example.nl"]
    assert "Vraag beantwoorden" in by["ba@example.nl"]
    assert by["ba@example.nl"].count("Vraag beantwoorden") == 1  # only the one about its own judgement
    assert "Vraag beantwoorden" not in by.get("anna@example.nl", "")
    assert "Vraag beantwoorden" not in by.get("hr@example.nl", "")
    assert "Vraag beantwoorden" not in by.get("cm_zuid@example.nl", "")
