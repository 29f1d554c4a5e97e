"""Questions and disputes in the real UI (headless Chromium), as the roles concerned: the employee asks on a phone
and sees who answers by when; the casemanager answers; the employee chooses a deskundigenoordeel and sees its fee
and term; the employer's loonstop is lifted by the outcome and the back pay shows."""

from __future__ import annotations

import datetime as dt

import pytest

from spoorwijzer.dossier import services
from spoorwijzer.dossier.models import Gebeurtenis
from spoorwijzer.law.money import euro
from spoorwijzer.law.tekst import datum as nl_datum
from tests.browser.axe import assert_accessible

pytestmark = pytest.mark.browser


def test_employee_asks_casemanager_answers_employee_takes_the_formal_route(world_live, login):
    w = world_live
    start = w.today - dt.timedelta(days=10)
    services.vastleggen(
        w.users.werkgever, w.anna, "loonmaatregel", start,
        {"grond": "lid3c", "mededeling_op": (start - dt.timedelta(days=1)).isoformat()},
    )  # fmt: skip
    wn = login(w.users.werknemer, viewport=(390, 844))
    wn.goto(f"{w.url}/dossier/{w.anna.pk}/")
    wn.get_by_role("link", name="Vraag stellen of bekijken").click()
    wn.get_by_label("Soort").select_option("onenigheid")
    wn.get_by_label("Waarover").select_option("loonmaatregel")
    wn.get_by_label("Uw vraag of waar u het niet mee eens bent").fill(
        "Ik kon dat werk niet doen; mijn loon is gestopt."
    )
    wn.get_by_role("button", name="Vraag stellen").click()
    status = wn.locator("p[data-status]")
    status.wait_for()
    assert "De casemanager antwoordt uiterlijk" in status.inner_text()
    assert wn.evaluate("document.documentElement.scrollWidth") <= 390 + 1
    assert_accessible(wn, "werknemer: vraag gesteld (telefoon)", include="#inhoud")
    wn.screenshot(path="/tmp/vraag13_werknemer_vraag_390.png", full_page=True)
    vraag = Gebeurtenis.objects.get(code="vraag")

    cm = login(w.users.casemanager)
    cm.goto(f"{w.url}/dossier/{w.anna.pk}/")
    cm.get_by_role("link", name="Vragen en geschillen").click()
    cm.locator(f"li[data-vraag='{vraag.pk}'] a").click()
    form = cm.locator("form", has=cm.locator("input[name=actie][value=vraag_antwoord]"))
    form.get_by_label("Antwoord").fill("Het werk past bij de belastbaarheid; u kunt een deskundigenoordeel vragen.")
    form.get_by_role("button", name="Vastleggen").click()
    cm.locator("li[data-antwoord]").wait_for()

    wn.reload()
    form = wn.locator("form", has=wn.locator("input[name=actie][value=vraag_route]"))
    form.get_by_label("Route").select_option("deskundigenoordeel")
    form.get_by_label("Vraagstelling").fill("Heeft de werknemer zonder deugdelijke grond geen passend werk gedaan?")
    form.get_by_role("button", name="Vastleggen").click()
    route = wn.locator("li[data-route=deskundigenoordeel]")
    route.wait_for()
    assert "Kosten voor de aanvrager: " + euro(10_000) in route.inner_text()
    assert "Formele route loopt" in wn.locator("p[data-status]").inner_text()

    # the deskundigenoordeel sides with the employee: the casemanager records the outcome, the loonstop is lifted
    cm.reload()
    form = cm.locator("form", has=cm.locator("input[name=actie][value=vraag_uitkomst]"))
    form.get_by_label("Uitkomst").fill("Deskundigenoordeel UWV: het werk was niet passend.")
    form.get_by_label("Gevolg in het dossier").select_option("maatregel_opgeheven")
    form.get_by_label("Bij opheffen: wat er met het ingehouden loon gebeurt").select_option("onterecht")
    form.get_by_role("button", name="Vastleggen").click()
    cm.locator("li[data-uitkomst]").wait_for()
    assert_accessible(cm, "casemanager: vraag afgerond", include="#inhoud")
    cm.screenshot(path="/tmp/vraag13_casemanager_vraag_1280.png", full_page=True)

    wn.goto(f"{w.url}/dossier/{w.anna.pk}/vragen/")
    row = wn.locator("tr[data-maatregel=loonstop]")
    assert "Loonstop was onterecht: het loon wordt nabetaald." in row.inner_text()
    assert "na te betalen " + euro(0) not in wn.locator("[data-loon-totaal]").inner_text()
    wn.screenshot(path="/tmp/vraag13_werknemer_vragen_390.png", full_page=True)


def test_casemanager_follows_a_placement_and_the_lasting_result_shows_in_the_figures(world_live, login):
    w = world_live
    cm_user = w.users.casemanager
    start = w.today - dt.timedelta(weeks=28)
    services.vastleggen(
        cm_user,
        w.anna,
        "plaatsing",
        start,
        {"soort": "contract", "werkgever": "Gemeente Groningen", "uren_per_week": 32},
    )
    services.vastleggen(cm_user, w.anna, "afsluiting", start + dt.timedelta(days=1), {"reden": "einde_dienstverband"})
    cm = login(cm_user)
    cm.goto(f"{w.url}/dossier/{w.anna.pk}/")
    cm.get_by_role("link", name="Nazorg", exact=True).click()
    assert "Plaatsing bij Gemeente Groningen" in cm.locator("[data-anker]").inner_text()
    six = cm.locator("[data-nazorg-schema] tr[data-soort=uitkomst]").first
    assert "niet gedaan" in six.inner_text()
    cm.get_by_role("link", name="Uitkomst na 6 of 12 maanden").click()
    cm.get_by_label("Na hoeveel maanden").select_option("6")
    cm.get_by_label("Stand").select_option("werkt")
    cm.get_by_role("button", name="Vastleggen").click()
    cm.locator(".melding.success").wait_for()  # the post is stored before the next page is asked for
    cm.goto(f"{w.url}/dossier/{w.anna.pk}/nazorg/")
    assert "werkt nog op deze plek" in cm.locator("[data-nazorg-schema] tr[data-soort=uitkomst]").first.inner_text()
    assert_accessible(cm, "casemanager: nazorg", include="#inhoud")
    cm.goto(f"{w.url}/cijfers/")
    row = cm.locator("[data-nazorg-cijfers] tr[data-maanden='6']")
    assert row.locator("td").nth(0).inner_text() == "1" and "100%" in row.inner_text()  # measured: 1, at work
    # the employer's quality file counts the same outcome (dossier.nazorg.duurzaamheid), for the provider too
    cm.goto(f"{w.url}/kwaliteit/{w.bouw.pk}/")
    sectie = cm.locator("#werk-dat-blijft")
    assert sectie.locator("[data-nazorg-cijfers] tr[data-maanden='6'] td").nth(0).inner_text() == "1"
    assert "Zonder re-integratiebedrijf" in sectie.locator("[data-nazorg-bureaus]").inner_text()
    assert_accessible(cm, "casemanager: kwaliteitsdossier met werk dat blijft", include="#werk-dat-blijft")


def test_the_placed_employee_sees_on_a_phone_who_keeps_in_touch_and_what_the_new_employer_can_claim(world_live, login):
    """Aftercare as the employee: after a placement with a new employer (with the arbeidshandicap that gives the
    new employer the no-riskpolis, ZW art. 29b) the employee's own page says when the next check-in is and what to
    tell the new employer, in plain words; nothing of it before the placement."""
    w = world_live
    wn = login(w.users.werknemer, viewport=(390, 844))
    wn.goto(f"{w.url}/dossier/{w.anna.pk}/")
    assert wn.locator("[data-nazorg-werknemer]").count() == 0
    start = w.today - dt.timedelta(weeks=6)
    cm = w.users.casemanager
    services.vastleggen(
        cm, w.anna, "plaatsing", start, {"soort": "contract", "werkgever": "Gemeente Groningen", "uren_per_week": 32}
    )
    services.vastleggen(
        cm, w.anna, "no_risk_gegevens", start, {"doelgroep": "arbeidshandicap", "in_dienst": start.isoformat()}
    )
    wn.goto(f"{w.url}/dossier/{w.anna.pk}/")
    kaart = wn.locator("[data-nazorg-werknemer]")
    tekst = kaart.inner_text()
    assert "Uw nieuwe baan" in tekst and "Gemeente Groningen" in tekst
    assert wn.get_by_role("heading", name="Werk zoeken").count() == 0  # the job search is over
    # review finding: no 'nothing recorded yet, UWV looks at what you did' and no 'agree with your plan?' after it
    assert wn.get_by_role("heading", name="Mijn sollicitaties en contacten").count() == 0
    assert "Eens met uw plan van aanpak?" not in wn.locator("main").inner_text()
    # check-ins every 4 weeks from the first day of work (policy default): the one of week 4 is past, week 8 is next
    volgende = start + dt.timedelta(weeks=8)
    assert f"Het volgende gesprek is rond {nl_datum(volgende)}" in tekst
    # the no-riskpolis: five years from the first day of work, that day included (ZW art. 29b lid 1, closing words)
    assert "no-riskpolis" in tekst
    assert f"tot en met {nl_datum(start.replace(year=start.year + 5) - dt.timedelta(days=1))}" in tekst
    assert wn.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(wn, "werknemer: nieuwe baan", include="[data-nazorg-werknemer]")
