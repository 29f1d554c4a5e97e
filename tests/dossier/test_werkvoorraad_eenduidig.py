"""One status and one owner for a step (review, session 5): the dashboard's next step appears, with the same status
word, in the work queue of whoever acts on it and in the casemanager's queue (his own tasks, or read-only under
"wacht op anderen"); the employee's queue holds only his own actions."""

from __future__ import annotations

import datetime as dt
import re

from spoorwijzer.dossier import access, beheer, services
from spoorwijzer.law.poortwachter import STATUS_NAAM, Status
from tests.dossier.test_afwijking_traject import afwijking
from tests.dossier.test_dossier import login


def _eigenaars(world, geval, actor):
    """The users of the roles the schedule names for this step who see this case."""
    rollen = beheer.rollen_voor_actor(actor)
    users = [getattr(world.users, r) for r in ("casemanager", "werkgever", "werknemer", "bedrijfsarts") if r in rollen]
    return [user for user in users if access.zichtbare_gevallen(user).filter(pk=geval.pk).exists()]


def _rij(page: str, naam: str, werknemer: str) -> str:
    """The queue row (<tr>…</tr>) that names this step and this employee."""
    for row in re.findall(r"<tr[^>]*>.*?</tr>", page, flags=re.S):
        if naam in row and werknemer in row:
            return row
    raise AssertionError(f"{naam} van {werknemer} staat niet in de werkvoorraad")


def _dashboard_en_rijen_gelijk(world, zoek=""):
    cm = login(world.users.casemanager)
    dashboard = cm.get("/", {"zoek": zoek})
    top = dashboard.context["rows"][0]
    stap, g = top["stap"], top["geval"]
    woord = STATUS_NAAM[Status(stap.status)]
    assert woord in dashboard.content.decode()
    # the casemanager's queue (his own task, or read-only under "wacht op anderen") shows it with that word
    assert woord in _rij(cm.get("/werkvoorraad/").content.decode(), stap.naam, g.werknemer.naam)
    eigenaars = _eigenaars(world, g, stap.actor)
    assert eigenaars, stap.actor
    for owner in eigenaars:  # and so does the queue of whoever acts on it
        taken = [t for t in beheer.werkvoorraad(owner, world.today) if t.geval.pk == g.pk and t.code == stap.code]
        assert [t.status for t in taken] == [stap.status], owner
    return stap, g


def test_the_dashboards_next_step_is_in_the_owners_queue_with_the_same_status(world):
    """Anna (week 60, nothing done): the ziekmelding at the arbodienst is long overdue. Bert (week 3): with a
    deviation with a deugdelijke grond it is 'afwijking' (the dashboard said 'binnenkort' where the queue said
    'afwijking'); once it is done, the bedrijfsarts's probleemanalyse is next, which the casemanager did not see
    in his queue at all."""
    stap, g = _dashboard_en_rijen_gelijk(world)
    assert (g.pk, stap.code, stap.status) == (world.anna.pk, "ziekmelding_arbodienst", "te_laat")
    u, bert, today = world.users, world.bert, world.today
    nieuwe = today + dt.timedelta(days=2)
    services.vastleggen(u.casemanager, bert, "afwijking_termijn", today, afwijking("ziekmelding_arbodienst", nieuwe))
    stap, g = _dashboard_en_rijen_gelijk(world, zoek="Bert")
    assert (g.pk, stap.code, stap.status) == (bert.pk, "ziekmelding_arbodienst", "afwijking")
    services.vastleggen(u.casemanager, bert, "ziekmelding_arbodienst", today, {})
    stap, g = _dashboard_en_rijen_gelijk(world, zoek="Bert")
    assert (stap.code, stap.actor) == ("probleemanalyse", "bedrijfsarts")


def test_the_employee_sees_only_his_own_actions_and_apart_what_others_do(world):
    anna = world.users.werknemer
    eigen = {
        t.code
        for t in beheer.werkvoorraad(anna, world.today)
        if t.code in {s for s in beheer.codes_voor_rol("werkgever")} | {"wia_aanvraag"}
    }
    assert eigen <= {"wia_aanvraag"}  # no plan, evaluations or verslag: the employer draws those up
    page = login(anna).get("/werkvoorraad/").content.decode()
    # her menu and heading speak of her own tasks, not of an office's 'werkvoorraad' (outside review, session 6)
    assert "<h1>Mijn taken</h1>" in page and ">Werkvoorraad<" not in page
    mijn, anderen = page.split("Wat anderen voor u moeten doen")
    assert "WIA-aanvraag" in mijn
    for naam in ("Eerstejaarsevaluatie", "Evaluatie plan van aanpak", "Re-integratieverslag"):
        assert naam not in mijn and naam in anderen, naam
    assert "werkgever, samen met u" in anderen and "bedrijfsarts" in anderen


def test_a_passed_preferred_date_is_flagged_where_the_legal_deadline_is_not_yet_late(world):
    """Outside review (session 6): the queue showed the organisation's preferred date but never said it had passed,
    so a step later than the organisation wants looked like any open step. Bert's probleemanalyse (preferred
    16 November, legal 14 December) is flagged; his plan van aanpak (preferred 30 November) is not; Anna's late
    plan van aanpak carries the legal 'te laat' and no second flag."""
    arts = {
        (t.geval.werknemer.naam, t.code): t.voorkeur_verstreken
        for t in beheer.werkvoorraad(world.users.bedrijfsarts, world.today)
    }
    assert arts[("Bert", "probleemanalyse")] is True
    assert arts[("Anna", "probleemanalyse")] is False  # te laat: the status word says it
    page = login(world.users.casemanager).get("/werkvoorraad/").content.decode()
    assert "voorkeursdatum verstreken" in _rij(page, "Financiële informatie", "Anna")  # no legal deadline, only ours
    assert "voorkeursdatum verstreken" not in _rij(page, "Plan van aanpak", "Bert")
    assert "voorkeursdatum verstreken" not in _rij(page, "Plan van aanpak", "Anna")
    assert "te laat" in _rij(page, "Plan van aanpak", "Anna")
