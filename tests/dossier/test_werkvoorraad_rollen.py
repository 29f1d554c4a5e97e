"""Issue 8: the bedrijfsarts's spreekuren and adviezen in the bedrijfsarts's work queue, and the provider's own
deadlines (monthly progress meetings, the reports the evaluations need) on its trajectory page and work queue."""

from __future__ import annotations

import datetime as dt

import pytest

from spoorwijzer.dossier import beheer, services
from spoorwijzer.law.errors import InvalidInput
from tests.dossier.test_dossier import login


def spreekuren(user, geval, today):
    return [t for t in beheer.werkvoorraad(user, today) if t.geval.pk == geval.pk and t.code == "spreekuur"]


def test_a_planned_spreekuur_is_in_the_bedrijfsartss_queue_until_it_is_held(world):
    """Regeling procesgang art. 4 lid 4: the employer sees to it that the bedrijfsarts hears the employee
    regularly and asks advice; the casemanager plans it, the bedrijfsarts holds it and advises."""
    u, g, today = world.users, world.bert, world.today
    assert spreekuren(u.bedrijfsarts, g, today) == []
    services.vastleggen(
        u.casemanager,
        g,
        "spreekuur_gepland",
        today,
        {"op": (today + dt.timedelta(days=3)).isoformat(), "vraag": "Opbouw?"},
    )
    (taak,) = spreekuren(u.bedrijfsarts, g, today)
    assert taak.naam == "Spreekuur en advies (gevraagd)" and taak.uiterlijk == today + dt.timedelta(days=3)
    assert taak.status == "binnenkort"
    assert spreekuren(u.bedrijfsarts_zuid, g, today) == []  # another organisation's doctor does not see it
    assert spreekuren(u.bedrijfsarts, g, today + dt.timedelta(days=4))[0].status == "te_laat"  # passed, not held

    # held with a follow-up: the queue shows the next one; held without: nothing left
    services.vastleggen(
        u.bedrijfsarts,
        g,
        "spreekuur",
        today,
        {"advies": "Opbouw naar 4 uur per dag", "volgend_spreekuur": (today + dt.timedelta(weeks=4)).isoformat()},
    )
    (taak,) = spreekuren(u.bedrijfsarts, g, today)
    assert taak.naam == "Spreekuur en advies (vervolg)" and taak.uiterlijk == today + dt.timedelta(weeks=4)
    services.vastleggen(u.bedrijfsarts, g, "spreekuur", today, {"advies": "Opbouw gaat goed"})
    assert spreekuren(u.bedrijfsarts, g, today) == []

    # the queue page shows it beside the probleemanalyse, the soonest first
    services.vastleggen(
        u.casemanager, g, "spreekuur_gepland", today, {"op": (today + dt.timedelta(days=1)).isoformat()}
    )
    page = login(u.bedrijfsarts).get("/werkvoorraad/").content.decode()
    assert "Spreekuur en advies (gevraagd)" in page and "Probleemanalyse bedrijfsarts" in page
    bert = [t.code for t in beheer.werkvoorraad(u.bedrijfsarts, today) if t.geval.pk == g.pk]
    assert bert == ["spreekuur", "probleemanalyse", "actueel_oordeel"]  # the soonest date first


@pytest.mark.parametrize(
    "code, data, message",
    [
        ("spreekuur_gepland", {"op": "2000-01-01"}, "op of na de dag"),
        ("spreekuur", {"advies": "x", "volgend_spreekuur": "2000-01-01"}, "na dit spreekuur"),
    ],
)
def test_impossible_spreekuur_dates_are_refused(world, code, data, message):
    user = world.users.bedrijfsarts
    with pytest.raises(InvalidInput, match=message):
        services.vastleggen(user, world.bert, code, world.today, data)


def test_only_the_bedrijfsarts_records_a_held_spreekuur(world):
    from spoorwijzer.dossier.access import Geweigerd

    with pytest.raises(Geweigerd):
        services.vastleggen(world.users.casemanager, world.bert, "spreekuur", world.today, {"advies": "x"})


def test_the_provider_sees_its_own_deadlines_with_dates(world):
    """Anna's trajectory started five weeks ago with no progress meeting: the monthly one is late (practice
    norm, parameter beoordelingskader.voortgangsgesprek_interval_maanden). The reports the evaluations need come
    from the stored schedule."""
    u, g, today = world.users, world.anna, world.today
    c = login(u.reintegratiebedrijf)
    body = c.get(f"/dossier/{g.pk}/").content.decode()
    section = body[body.index("Uw termijnen") : body.index("Verloop van het traject")]
    assert "Maandelijks voortgangsgesprek" in section and "te laat" in section
    assert "Voortgangsgesprek vastleggen vóór: " in section
    queue = beheer.werkvoorraad(u.reintegratiebedrijf, today)
    (gesprek,) = [t for t in queue if t.code == "voortgangsgesprek"]
    assert gesprek.status == "te_laat" and gesprek.geval.pk == g.pk

    services.vastleggen(u.reintegratiebedrijf, g, "voortgangsgesprek", today, {"verslag": "Zoekprofiel besproken"})
    (gesprek,) = [t for t in beheer.werkvoorraad(u.reintegratiebedrijf, today) if t.code == "voortgangsgesprek"]
    assert gesprek.status == "open" and gesprek.uiterlijk > today + dt.timedelta(days=27)
    section = c.get(f"/dossier/{g.pk}/").content.decode()
    assert "Maandelijks voortgangsgesprek" in section
    assert beheer.werkvoorraad(u.ander_bureau, today) == []  # another provider: nothing


def test_the_providers_report_for_an_evaluation_is_a_task_it_can_do_and_it_leaves_the_queue_when_done(world):
    """Outside review (session 7): the provider's queue listed "Voortgangsrapportage voor: Evaluatie plan van aanpak",
    nothing on the case page had that name, and the task stayed whatever the provider recorded. Now the task names
    what to record, links to that form, and waits for the next evaluation once a report is recorded after the last
    one held."""
    u, g, today = world.users, world.anna, world.today
    c = login(u.reintegratiebedrijf)
    voor_stap = [t for t in beheer.werkvoorraad(u.reintegratiebedrijf, today) if t.code != "voortgangsgesprek"]
    assert voor_stap and all(t.naam.startswith("Voortgangsgesprek vastleggen vóór: ") for t in voor_stap)
    form = f"/dossier/{g.pk}/vastleggen/voortgangsgesprek/"
    page = c.get("/werkvoorraad/").content.decode()
    assert page.count(f'href="{form}"') == len(voor_stap) + 1  # the step reports and the monthly meeting
    assert c.get(form).status_code == 200  # the provider may record it there

    services.vastleggen(u.reintegratiebedrijf, g, "voortgangsgesprek", today, {"verslag": "Zoekprofiel besproken"})
    left = [t.code for t in beheer.werkvoorraad(u.reintegratiebedrijf, today)]
    assert left == ["voortgangsgesprek"]  # only next month's meeting: its part in the next evaluation is done

    # the evaluation is held the next day: the one after it needs a fresh report
    services.vastleggen(
        u.casemanager, g, "evaluatie", today + dt.timedelta(days=1), {"verslag": "x", "reden_zonder": "Plan elders"}
    )
    later = beheer.werkvoorraad(u.reintegratiebedrijf, today + dt.timedelta(days=1))
    assert any(t.naam == "Voortgangsgesprek vastleggen vóór: Evaluatie plan van aanpak" for t in later)
