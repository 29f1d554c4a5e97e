"""Findings of an outside reviewer who used the pages as each role, each pinned by a test that failed before."""

from __future__ import annotations

import re

from django.test import Client

from spoorwijzer.law import tekst
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.poortwachter import wachttijd_einde
from spoorwijzer.law.weeks import SickPeriod
from tests.world import PASSWORD


def login(user):
    c = Client()
    assert c.login(username=user.username, password=PASSWORD)
    return c


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("\xa0", " ")


def test_income_page_labels_holiday_allowance_truthfully_and_dates_the_wachttijd_as_the_schedule(world):
    body = login(world.users.werknemer).get(f"/dossier/{world.anna.pk}/inkomen/").content.decode()
    plain = text(body)
    # the amounts leave out the separately paid holiday allowance, but the dagloon includes it (Dagloonbesluit)
    assert "zonder vakantiebijslag." not in plain
    assert "inclusief vakantiebijslag" in plain
    # the dashed line is the end of the wachttijd: the schedule's last day, not the first day of the benefit
    einde = wachttijd_einde(LawContext.baseline(), (SickPeriod(world.anna.eerste_ziektedag),), []).einde_wachttijd
    caption = re.search(r"<span data-einde-wachttijd>([^<]+)</span>", body)
    assert caption and caption.group(1) == tekst.datum(einde)
    # what each year of sickness pays is stated in words beside the table
    assert re.search(r"Loondoorbetaling jaar 2: 70% van het loon \(BW 7:629 lid 1\): € [\d.]+,\d\d per maand", plain)


def test_costs_page_speaks_dutch_and_says_where_employer_charges_are_filled_in(world):
    url = f"/dossier/{world.anna.pk}/kosten/"
    body = login(world.users.werkgever).get(url).content.decode()
    plain = text(body)
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", plain), re.findall(r"\b\d{4}-\d{2}-\d{2}\b", plain)
    assert "poortwachter.loonsanctie_max_weken" not in plain and "wfsv.maximum_dagloon" not in plain
    # no percentage filled in: not "inclusief 0%", but that it is missing and where the casemanager fills it in
    assert "0% werkgeverslasten" not in plain and "zonder werkgeverslasten (percentage niet ingevuld)" in plain
    assert "niet ingevuld" in plain and "Beheer › Werkgevers" in plain
    base = int(
        re.search(r"Loondoorbetaling gedurende de wachttijd[^€]*€ ([\d.]+,\d\d)", plain)
        .group(1)
        .replace(".", "")
        .replace(",", "")
    )
    # the casemanager fills in 25%: the wage continuation is 1,25 x the gross wage
    assert 'href="/beheer/werkgevers/' in login(world.users.casemanager).get(url).content.decode()
    type(world.anna.werkgever).objects.filter(pk=world.anna.werkgever_id).update(werkgeverslasten_pct=25)
    plain = text(login(world.users.werkgever).get(url).content.decode())
    assert "inclusief 25% werkgeverslasten" in plain and "niet ingevuld" not in plain
    lasten = int(
        re.search(r"Loondoorbetaling gedurende de wachttijd[^€]*€ ([\d.]+,\d\d)", plain)
        .group(1)
        .replace(".", "")
        .replace(",", "")
    )
    assert abs(lasten - base * 125 // 100) <= 1


def test_mediation_fee_is_not_given_rather_than_zero():
    import datetime as dt

    from spoorwijzer.law.geschillen import voorwaarden

    vw = voorwaarden(LawContext.baseline(), "mediation", "werknemer", dt.date(2026, 1, 5))
    assert vw.kosten_cent is None  # the law sets no fee; what the mediator charges was not recorded


def test_income_page_says_provisional_amounts_and_the_bijstand_estimate_in_plain_dutch(world):
    plain = text(login(world.users.werknemer).get(f"/dossier/{world.anna.pk}/inkomen/").content.decode())
    assert "BENADERING" not in plain and "Bijstand: een schatting" in plain
    assert not re.search(r"Parameter [a-z_]+\.[a-z_]+", plain)
    assert "is voorlopig" not in plain


def test_a_provisional_amount_is_named_in_words_with_its_date():
    from spoorwijzer.web.weergave import voorlopig_zinnen

    p = {"naam": "wfsv.maximum_dagloon", "geldig_vanaf": "2025-07-01", "voorlopig": True}
    assert voorlopig_zinnen([p, {**p, "voorlopig": False}, p]) == [
        "Maximumdagloon per 1 juli 2025: nog niet definitief vastgesteld. De berekening gebruikt het laatst bekende "
        "bedrag."
    ]


def _loonstop(world):
    import datetime as dt

    from spoorwijzer.dossier import services

    start = world.today - dt.timedelta(days=10)
    services.vastleggen(
        world.users.werkgever,
        world.anna,
        "loonmaatregel",
        start,
        {"grond": "lid3c", "mededeling_op": (start - dt.timedelta(days=1)).isoformat()},
    )


def test_employee_reads_the_loonstop_as_a_warning_with_what_to_do_and_is_addressed_as_u(world):
    _loonstop(world)
    c = login(world.users.werknemer)
    body = c.get(f"/dossier/{world.anna.pk}/").content.decode()
    box = re.search(r'<section class="kaart loonmaatregel" role="alert".*?</section>', body, re.S)
    assert box and "Wat u kunt doen" in box.group(0) and "deskundigenoordeel" in box.group(0)
    assert "volgens uw werkgever werkt u" in box.group(0) and "volgens hem" not in box.group(0)  # a company
    assert "alles wat over u gaat in orde" not in text(body)
    assert 'class="melding" role="status" data-maatregel' not in body  # no longer a green notice
    vragen = text(c.get(f"/dossier/{world.anna.pk}/vragen/").content.decode())
    assert "Werkt u zonder goede reden niet mee" in vragen and "Werkt de werknemer" not in vragen
    assert "zonder goede reden, zoals een medische reden" in vragen
    # the employer still reads the legal wording
    werkgever = text(login(world.users.werkgever).get(f"/dossier/{world.anna.pk}/vragen/").content.decode())
    assert "Werkt de werknemer zonder deugdelijke grond niet mee" in werkgever


def test_the_costs_receipt_names_each_part_of_a_table_in_words_with_its_own_unit(world):
    """Outside review (session 6): the receipt printed "cao convenant max pct twee jaar: 170%" and, for the
    no-riskpolis, "ziekengeld percentage: 70 jaar" (the table's unit applied to every part), and "1 weken"."""
    from spoorwijzer.web import weergave

    plain = text(login(world.users.werkgever).get(f"/dossier/{world.anna.pk}/kosten/").content.decode())
    assert "cao convenant max pct" not in plain and "minimumloon weken" not in plain
    assert "ten hoogste over twee jaar samen (convenant, geen wet): 170%" in plain
    assert "ten minste het minimumloon in de eerste: 52 weken" in plain
    no_risk = weergave.parameterwaarde("zw.no_risk", {"jaren": 5, "ziekengeld_percentage": 70})
    assert no_risk == "ziek binnen: 5 jaar; ziekengeld, van het dagloon: 70%"
    assert weergave.parameterwaarde("poortwachter.ziekmelding_arbodienst_weken", 1) == "1 week"
    assert weergave.parameterwaarde("uwv.deskundigenoordeel", {"kosten_werknemer": 10000}).endswith("€\xa0100,00")


def test_the_income_charts_summary_gives_each_scenarios_whole_income_not_one_benefit(world):
    """Outside review (session 7): the summary said "Nieuwe werkgever (tweede spoor): € 635,55 per maand", the
    last phase alone (the loonaanvulling), while the table gave € 2.535,55 (the new wage with it)."""
    from spoorwijzer.dossier import services
    from spoorwijzer.law.money import euro

    services.vastleggen(
        world.users.arbeidsdeskundige,
        world.anna,
        "arbeidsdeskundig_advies",
        world.today,
        {"routeadvies": "spoor_2", "maatmaninkomen": 350000, "resterende_verdiencapaciteit": 150000, "motivatie": "x"},
    )
    services.vastleggen(
        world.users.casemanager,
        world.anna,
        "plaatsing",
        world.today,
        {"soort": "contract", "werkgever": "Bakkerij Noord", "uren_per_week": 24, "loon": 180000},
    )
    r = login(world.users.werknemer).get(f"/dossier/{world.anna.pk}/inkomen/")
    scenarios = {s["code"]: s for s in r.context["result"]["scenarios"]}
    assert "nieuwe_werkgever" in scenarios, list(scenarios)
    caption = text(re.search(r"<figcaption id=\"grafiek-uitleg\">.*?</figcaption>", r.content.decode(), re.S).group(0))
    for s in scenarios.values():  # (names are spelled out on the page: "Werkloosheidswet (WW)")
        assert f"{euro(s['maanden'][-1]['totaal_cent'])} per maand".replace("\xa0", " ") in caption, s["code"]
    nieuw_totaal = euro(scenarios["nieuwe_werkgever"]["maanden"][-1]["totaal_cent"]).replace("\xa0", " ")
    assert f"Nieuwe werkgever (tweede spoor): {nieuw_totaal} per maand" in caption
    nieuw = scenarios["nieuwe_werkgever"]
    assert nieuw["maanden"][-1]["totaal_cent"] > nieuw["fasen"][-1]["per_maand_cent"]  # wage and WGA together


def test_after_a_placement_the_income_page_names_the_real_situation_and_the_others_as_what_could_have_been(world):
    """Outside review (session 7): the placed employee's income page still read as his prospects while sick, every
    scenario side by side. After a placement the page names the line that is his situation, addressed as 'u', and
    the casemanager reads the same with the employee's name."""
    from spoorwijzer.dossier import services

    before = text(login(world.users.werknemer).get(f"/dossier/{world.anna.pk}/inkomen/").content.decode())
    assert "werkelijke situatie" not in before  # still sick: no scenario is the real one yet
    services.vastleggen(
        world.users.casemanager,
        world.anna,
        "plaatsing",
        world.today,
        {"soort": "contract", "werkgever": "Bakkerij Noord", "uren_per_week": 24, "loon": 180000},
    )
    r = login(world.users.werknemer).get(f"/dossier/{world.anna.pk}/inkomen/")
    body = r.content.decode()
    assert 'data-werkelijk="nieuwe_werkgever"' in body
    own = text(body)
    datum = tekst.datum(world.today)
    assert f"U werkt sinds {datum} bij Bakkerij Noord. Dat is de lijn Nieuwe werkgever (tweede spoor)" in own
    assert "De andere lijnen laten zien wat zonder deze baan had kunnen gelden." in own
    assert own.count("(de werkelijke situatie)") == 1
    row = re.search(r"<tr data-werkelijk-rij>.*?</tr>", body, re.S).group(0)
    assert "Nieuwe werkgever" in row
    staff = text(login(world.users.casemanager).get(f"/dossier/{world.anna.pk}/inkomen/").content.decode())
    assert f"{world.anna.werknemer.naam} werkt sinds {datum} bij Bakkerij Noord." in staff
