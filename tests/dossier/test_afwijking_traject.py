"""Issue 8: a deviation from a legal deadline with a deugdelijke grond, recorded by a casemanager and taken into
account by the stored schedule, the dashboard, the work queue, the case page and the RIV-toets; and one track-2
trajectory at a time per case."""

from __future__ import annotations

import datetime as dt

import pytest

from spoorwijzer.dossier import beheer, services
from spoorwijzer.dossier import toets as dossier_toets
from spoorwijzer.dossier.models import Termijn, Traject
from spoorwijzer.law.errors import InvalidInput
from spoorwijzer.law.tekst import datum as nl_datum
from tests.dossier.test_dossier import login


def afwijking(stap="probleemanalyse", nieuwe=None, **kw):
    data = {
        "stap": stap,
        "grond": "toestand_werknemer",
        "motivatie": "Werknemer was opgenomen; het spreekuur kon pas na ontslag uit het ziekenhuis",
        "oordeel_door": "dr. Jansen",
        "oordeel_rol": "bedrijfsarts",
        "document": "Spreekuurverslag",
        **kw,
    }
    if nieuwe is not None:
        data["nieuwe_datum"] = nieuwe.isoformat()
    return data


def test_a_recorded_ground_takes_an_overdue_step_out_of_the_late_lists_until_its_new_date(world):
    """Anna is in week 60 without a probleemanalyse (deadline: end of week 6). With a recorded deviation the
    step is shown as 'afwijking met deugdelijke grond', the case is watched against the new date, and the
    RIV-toets reports a risk naming UWV as the judge instead of a missing document."""
    u, g, today = world.users, world.anna, world.today
    pa = Termijn.objects.get(geval=g, code="probleemanalyse")
    assert pa.uiterlijk < today and pa.afwijking_tot is None
    before = {b.code: b for b in dossier_toets.toets(g).bevindingen}
    assert before["probleemanalyse"].oordeel == "tekortkoming"

    nieuwe = today + dt.timedelta(days=10)
    services.vastleggen(u.casemanager, g, "afwijking_termijn", today, afwijking(nieuwe=nieuwe))
    pa = Termijn.objects.get(geval=g, code="probleemanalyse")
    assert pa.afwijking_tot == nieuwe and pa.uiterlijk < today  # the legal deadline itself stays
    assert "dr. Jansen (bedrijfsarts)" in pa.toelichting

    after = {b.code: b for b in dossier_toets.toets(g).bevindingen}
    assert after["probleemanalyse"].oordeel == "risico" and after["probleemanalyse"].wie_oordeelt.startswith("UWV")

    # the bedrijfsarts's work queue: the step is there with its new date, not 'te laat'
    taken = [t for t in beheer.werkvoorraad(u.bedrijfsarts, today) if t.geval.pk == g.pk]
    pa_taak = next(t for t in taken if t.code == "probleemanalyse")
    assert pa_taak.status == "afwijking"

    page = login(u.casemanager).get(f"/dossier/{g.pk}/").content.decode()
    row = page[page.index('data-stap="probleemanalyse"') :]
    row = row[: row.index("</tr>")]
    assert "afwijking met deugdelijke grond" in row and "dr. Jansen" in row and "nieuwe datum" in row
    assert 'class="m afwijking"' in page  # its own marker in the timeline

    # once the new date has passed without the step, it is late again
    services.vernieuw(g)
    later = services.tijdlijn(g, today + dt.timedelta(days=11)).step("probleemanalyse")
    assert later.status == "te_laat"


def test_the_dashboard_counts_a_deviated_step_as_not_late(world):
    u, g, today = world.users, world.anna, world.today
    c = login(u.casemanager)

    def late_steps():
        page = c.get("/").content.decode()
        i = page.index("Anna")
        return page[i : i + 1500]

    assert "te laat" in late_steps()
    n_before = Termijn.objects.filter(geval=g, gedaan_op__isnull=True, niet_nodig=False, uiterlijk__lt=today).count()
    services.vastleggen(u.casemanager, g, "afwijking_termijn", today, afwijking(nieuwe=today + dt.timedelta(days=10)))
    n_after = (
        Termijn.objects.filter(geval=g, gedaan_op__isnull=True, niet_nodig=False, uiterlijk__lt=today)
        .exclude(afwijking_tot__gte=today)
        .count()
    )
    assert n_after == n_before - 1
    assert f"{n_after} termijn" in late_steps()


@pytest.mark.parametrize(
    "data, message",
    [
        (afwijking(nieuwe=None), "nieuwe datum"),
        (afwijking(nieuwe=dt.date(2000, 1, 1)), "niet na de uiterste datum"),
        (afwijking(stap="uwv_wia_brief", nieuwe=dt.date(2100, 1, 1)), "kan niet met een deugdelijke grond"),
        (afwijking(oordeel_door=""), "wie de afwijking beoordeelde"),
    ],
)
def test_a_deviation_that_cannot_be_one_is_refused_in_dutch_and_nothing_is_stored(world, data, message):
    u, g = world.users, world.anna
    n = g.gebeurtenissen.count()
    with pytest.raises(InvalidInput, match=message):
        services.vastleggen(u.casemanager, g, "afwijking_termijn", world.today, data)
    assert g.gebeurtenissen.count() == n


def test_a_step_done_on_time_needs_no_deviation(world):
    u, g, today = world.users, world.bert, world.today
    services.vastleggen(u.casemanager, g, "ziekmelding_arbodienst", g.eerste_ziektedag)
    with pytest.raises(InvalidInput, match="op tijd gedaan"):
        services.vastleggen(u.casemanager, g, "afwijking_termijn", today, afwijking("ziekmelding_arbodienst"))


def test_the_form_from_the_step_row_records_the_deviation(world):
    """The 'Afwijking' button of a late step opens the form with that step chosen; the new date is a date field."""
    u, g, today = world.users, world.anna, world.today
    c = login(u.casemanager)
    page = c.get(f"/dossier/{g.pk}/").content.decode()
    assert f"/dossier/{g.pk}/vastleggen/afwijking_termijn/?stap=probleemanalyse" in page
    form = c.get(f"/dossier/{g.pk}/vastleggen/afwijking_termijn/?stap=probleemanalyse").content.decode()
    assert '<option value="probleemanalyse" selected>' in form and 'type="date" name="veld_nieuwe_datum"' in form
    post = {
        "datum": today.isoformat(),
        "veld_stap": "probleemanalyse",
        "veld_grond": "werknemer_niet_bereikbaar",
        "veld_motivatie": "Werknemer verbleef drie weken in het buitenland",
        "veld_nieuwe_datum": "2000-01-01",
        "veld_oordeel_door": "C. de Vries",
        "veld_oordeel_rol": "casemanager",
    }
    bad = c.post(f"/dossier/{g.pk}/vastleggen/afwijking_termijn/", post)
    assert bad.status_code == 400 and "niet na de uiterste datum" in bad.content.decode()
    post["veld_nieuwe_datum"] = (today + dt.timedelta(days=7)).isoformat()
    assert c.post(f"/dossier/{g.pk}/vastleggen/afwijking_termijn/", post).status_code == 302
    assert Termijn.objects.get(geval=g, code="probleemanalyse").afwijking_tot == today + dt.timedelta(days=7)
    log = c.get(f"/dossier/{g.pk}/").content.decode()
    assert "De werknemer was niet bereikbaar" in log and "C. de Vries" in log


# --- one track-2 trajectory at a time -------------------------------------------------------------------------


def test_a_second_trajectory_is_refused_while_the_first_runs_and_allowed_after_its_end(world):
    u, g, today = world.users, world.anna, world.today
    other = world.users.ander_bureau.rol.reintegratiebedrijf
    assert Traject.lopend(today).filter(geval=g).count() == 1
    with pytest.raises(InvalidInput, match="Er loopt al een traject tweede spoor bij Werkpad"):
        services.vastleggen(u.casemanager, g, "start_tweede_spoor", today, {"reintegratiebedrijf": str(other.pk)})
    assert Traject.objects.filter(geval=g).count() == 1

    # correcting the running trajectory's own start is not a second trajectory
    start = g.gebeurtenissen.get(code="start_tweede_spoor")
    services.vastleggen(
        u.casemanager, g, "start_tweede_spoor", start.datum, {"reintegratiebedrijf": str(world.rb.pk)}, vervangt=start
    )
    assert Traject.lopend(today).filter(geval=g).count() == 1

    services.vastleggen(
        u.casemanager,
        g,
        "einde_tweede_spoor",
        today - dt.timedelta(days=1),
        {"reden": "ander bureau", "uitkomst": "geen_resultaat"},
    )
    services.vastleggen(u.casemanager, g, "start_tweede_spoor", today, {"reintegratiebedrijf": str(other.pk)})
    running = Traject.lopend(today).filter(geval=g).select_related("reintegratiebedrijf")
    assert [t.reintegratiebedrijf.naam for t in running] == ["Ander bureau"]


def test_the_refusal_shows_on_the_form(world):
    u, g, today = world.users, world.anna, world.today
    c = login(u.casemanager)
    other = world.users.ander_bureau.rol.reintegratiebedrijf
    r = c.post(
        f"/dossier/{g.pk}/vastleggen/start_tweede_spoor/",
        {"datum": today.isoformat(), "veld_reintegratiebedrijf": str(other.pk)},
    )
    assert r.status_code == 400
    page = r.content.decode()
    assert (
        "Er loopt al een traject tweede spoor bij Werkpad" in page
        and "leg eerst het einde van dat traject vast" in page
    )


def test_the_calendar_and_the_employees_page_use_the_new_date(world):
    """The calendar event of a deviated step moves to its new date (and says why); the employee's own page
    shows the new date of their step, not the passed legal deadline."""
    from spoorwijzer.dossier import agenda

    u, g, today = world.users, world.anna, world.today
    nieuwe = today + dt.timedelta(days=12)
    services.vastleggen(u.casemanager, g, "afwijking_termijn", today, afwijking("plan_van_aanpak", nieuwe=nieuwe))
    (item,) = [i for i in agenda.items(u.casemanager, [g]) if "-plan_van_aanpak-" in i["uid"]]
    assert item["day"] == nieuwe and "afwijking met deugdelijke grond" in item["description"]
    page = login(u.werknemer).get(f"/dossier/{g.pk}/").content.decode()
    i = page.index("Samen met uw werkgever afspraken maken")
    assert nl_datum(nieuwe) in page[i : i + 300]


def test_the_deadlines_figure_counts_a_deviated_step_against_its_new_date(world):
    """Outside review (session 7): a plan deviated with a valid ground still counted as 'open en te laat' in the
    portfolio figures while its case page said 'afwijking met deugdelijke grond'. The figure counts a deadline
    against the date the step's status reads: the deviation's new date where one is recorded. The stored counts
    and the rows give the same, and a recount from the stored deadlines (the migration's fill) too."""
    from spoorwijzer.dossier import figuren
    from spoorwijzer.dossier.models import Verzuimgeval

    u, g, today = world.users, world.anna, world.today
    p = figuren.Periode(g.eerste_ziektedag, today)
    bereik = figuren.Bereik(g.organisatie_id, g.werkgever_id)
    scope = Verzuimgeval.objects.filter(werkgever=g.werkgever)

    def probleemanalyse(vandaag):
        stored = {r["code"]: r for r in figuren.termijnen(None, vandaag, figuren.telling(bereik, p))}
        rows = {r["code"]: r for r in figuren.termijnen(scope, vandaag)}
        assert stored["probleemanalyse"] == rows["probleemanalyse"]
        r = stored["probleemanalyse"]
        return r["open_te_laat"], r["open"], r["op_tijd"], r["te_laat_gedaan"]

    late_before = probleemanalyse(today)[0]
    assert late_before >= 1  # Anna's probleemanalyse is weeks overdue
    services.vastleggen(u.casemanager, g, "afwijking_termijn", today, afwijking(nieuwe=today + dt.timedelta(days=10)))
    assert probleemanalyse(today)[:2] == (late_before - 1, 1)  # open until its new date, not late
    kept = probleemanalyse(today)
    figuren.vul_termijntellingen()  # a recount from the stored deadlines gives what was kept up to date
    assert probleemanalyse(today) == kept
    assert probleemanalyse(today + dt.timedelta(days=11))[0] == late_before  # past the new date: late again
    # done within the deviation: on time against the new date
    services.vastleggen(u.bedrijfsarts, g, "probleemanalyse", today + dt.timedelta(days=5), {"advies": "Opbouw"})
    assert probleemanalyse(today + dt.timedelta(days=5))[2:] == (1, 0)


def test_the_figures_page_says_what_it_counts(client, world):
    """Outside review (session 7): the deadline counts were unexplained (an evaluation counts each time; a deviation
    counts against its new date)."""
    from tests.world import PASSWORD

    client.login(username=world.users.casemanager.username, password=PASSWORD)
    html = client.get("/cijfers/", {"van": "2020-01-01"}).content.decode()
    uitleg = html[html.index("data-telwijze") : html.index("</p>", html.index("data-telwijze"))]
    assert "Elke rij telt termijnen, niet dossiers" in uitleg and "elke evaluatie apart" in uitleg
    assert "met een deugdelijke grond, dan telt de nieuwe datum" in uitleg
