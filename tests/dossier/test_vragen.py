"""Questions and disputes (issue 13 part 1) and loonstop / loonopschorting (issue 8) in the dossier and on the pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from spoorwijzer.dossier import services, vragen
from spoorwijzer.dossier.models import Gebeurtenis
from spoorwijzer.law import opvolging
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput
from spoorwijzer.law.money import euro
from spoorwijzer.law.tekst import datum as nl_datum
from tests.world import PASSWORD

pytestmark = pytest.mark.django_db


def login(user):
    c = Client()
    assert c.login(username=user.username, password=PASSWORD)
    return c


def ask(world, onderwerp="passend_werk", datum=None):
    return services.vastleggen(
        world.users.werknemer,
        world.anna,
        "vraag",
        datum or world.today,
        {"soort": "onenigheid", "onderwerp": onderwerp, "tekst": "Het aangeboden werk is te zwaar voor mij."},
    )


def test_employee_asks_and_sees_who_answers_and_by_when(world):
    c = login(world.users.werknemer)
    r = c.post(
        f"/dossier/{world.anna.pk}/vragen/",
        {
            "actie": "vraag",
            "datum": world.today.isoformat(),
            "veld_soort": "onenigheid",
            "veld_onderwerp": "oordeel_bedrijfsarts",
            "veld_tekst": "Ik denk dat ik meer uren kan dan het advies zegt.",
        },
    )
    assert r.status_code == 302
    vraag = Gebeurtenis.objects.get(geval=world.anna, code="vraag")
    body = c.get(r["Location"]).content.decode()
    due = opvolging.antwoord_uiterlijk(LawContext.baseline(), world.today, 5)
    from spoorwijzer.law.tekst import datum

    # about the bedrijfsarts's judgement the bedrijfsarts answers, within the policy's five working days
    assert "De bedrijfsarts antwoordt uiterlijk " + datum(due) in body
    # the formal routes for this subject: second opinion (employee), deskundigenoordeel, mediation, with fees
    assert "Second opinion door een andere bedrijfsarts" in body and "Deskundigenoordeel van UWV" in body
    assert (
        "Aangevraagd door de werknemer: " + euro(10_000) in body
        and "Aangevraagd door de werkgever: " + euro(40_000) in body
    )
    assert vraag.pk


def test_only_the_designated_role_sees_the_question_in_its_queue_and_late_is_marked(world):
    ask(world, "passend_werk", world.today - dt.timedelta(days=14))
    events = services.actuele_gebeurtenissen(world.anna)
    d = vragen.draden(world.anna, events, world.today)[0]
    assert (d.beantwoorder, d.status) == ("casemanager", "te_laat")
    assert vragen.open_vragen_voor(world.users.casemanager, world.anna, events, world.today) == [d]
    assert vragen.open_vragen_voor(world.users.bedrijfsarts, world.anna, events, world.today) == []
    page = login(world.users.casemanager).get(f"/dossier/{world.anna.pk}/").content.decode()
    assert "Er wacht 1 vraag op uw antwoord." in page and "te laat" in page
    assert "op uw antwoord" not in login(world.users.bedrijfsarts).get(f"/dossier/{world.anna.pk}/").content.decode()


def test_answer_route_outcome_follow_the_question_to_its_end(world):
    v = ask(world)
    c = login(world.users.casemanager)
    url = f"/dossier/{world.anna.pk}/vragen/{v.pk}/"
    r = c.post(
        url,
        {
            "actie": "vraag_antwoord",
            "vraag_antwoord-datum": world.today.isoformat(),
            "vraag_antwoord-veld_vraag": v.pk,
            "vraag_antwoord-veld_antwoord": "Het werk past bij de belastbaarheid die de bedrijfsarts vaststelde.",
        },
    )
    assert r.status_code == 302
    # the employee is not convinced and asks UWV; a second opinion is not the employer's to ask
    w = login(world.users.werknemer)
    route = {
        "actie": "vraag_route",
        "vraag_route-datum": world.today.isoformat(),
        "vraag_route-veld_vraag": v.pk,
        "vraag_route-veld_route": "deskundigenoordeel",
        "vraag_route-veld_aanvrager": "werknemer",
        "vraag_route-veld_vraagstelling": "Is het aangeboden werk passend?",
    }
    assert w.post(url, route).status_code == 302
    body = w.get(url).content.decode()
    verwacht = world.today + dt.timedelta(weeks=4)
    from spoorwijzer.law.tekst import datum

    assert "Formele route loopt" in body and "Kosten voor de aanvrager: " + euro(10_000) in body
    assert "Oordeel verwacht uiterlijk " + datum(verwacht) in body
    # the outcome: a new agreement with a deadline
    r = c.post(
        url,
        {
            "actie": "vraag_uitkomst",
            "vraag_uitkomst-datum": world.today.isoformat(),
            "vraag_uitkomst-veld_vraag": v.pk,
            "vraag_uitkomst-veld_uitkomst": "UWV: het werk is passend na aanpassing van de werktijden.",
            "vraag_uitkomst-veld_gevolg": "nieuwe_termijn",
            "vraag_uitkomst-veld_vervolg": "Werktijden aanpassen",
            "vraag_uitkomst-veld_vervolg_uiterlijk": (world.today + dt.timedelta(days=14)).isoformat(),
        },
    )
    assert r.status_code == 302
    body = w.get(url).content.decode()
    assert (
        "Afgerond" in body and "Werktijden aanpassen, uiterlijk " + datum(world.today + dt.timedelta(days=14)) in body
    )
    # a second outcome is refused
    with pytest.raises(InvalidInput, match="al een uitkomst"):
        services.vastleggen(
            world.users.casemanager,
            world.anna,
            "vraag_uitkomst",
            world.today,
            {"vraag": v.pk, "uitkomst": "nog eens", "gevolg": "geen"},
        )


def test_second_opinion_refused_to_the_employer_and_route_must_fit_the_subject(world):
    v = ask(world, "oordeel_bedrijfsarts")
    with pytest.raises(InvalidInput, match="alleen worden aangevraagd door de werknemer"):
        services.vastleggen(
            world.users.werkgever,
            world.anna,
            "vraag_route",
            world.today,
            {"vraag": v.pk, "route": "second_opinion", "aanvrager": "werkgever", "vraagstelling": "x"},
        )
    v2 = ask(world, "anders")
    with pytest.raises(InvalidInput, match="past niet bij"):
        services.vastleggen(
            world.users.werknemer,
            world.anna,
            "vraag_route",
            world.today,
            {"vraag": v2.pk, "route": "deskundigenoordeel", "aanvrager": "werknemer", "vraagstelling": "x"},
        )


def test_loonstop_needs_the_warning_and_an_outcome_lifts_it_with_back_pay(world):
    start = world.today - dt.timedelta(days=20)
    with pytest.raises(InvalidInput, match="lid 7"):
        services.vastleggen(
            world.users.werkgever,
            world.anna,
            "loonmaatregel",
            start,
            {"grond": "lid3c", "mededeling_op": (start + dt.timedelta(days=2)).isoformat()},
        )
    services.vastleggen(
        world.users.werkgever,
        world.anna,
        "loonmaatregel",
        start,
        {"grond": "lid3c", "mededeling_op": (start - dt.timedelta(days=1)).isoformat()},
    )
    with pytest.raises(InvalidInput, match="loopt al"):
        services.vastleggen(
            world.users.werkgever,
            world.anna,
            "loonmaatregel",
            world.today,
            {"grond": "lid6", "mededeling_op": world.today.isoformat()},
        )
    events = services.actuele_gebeurtenissen(world.anna)
    # up to yesterday: the 20 days from the start are lost while the loonstop stands
    effect = vragen.loon_effecten(world.anna, events, world.today - dt.timedelta(days=1))
    assert effect["totaal"]["vervallen_cent"] > 0 and effect["totaal"]["na_te_betalen_cent"] == 0
    lost = effect["totaal"]["vervallen_cent"]
    # the employee disputes it; UWV's deskundigenoordeel says the employee was right; the outcome lifts it
    v = ask(world, "loonmaatregel")
    vragen.uitkomst_vastleggen(
        world.users.casemanager,
        world.anna,
        world.today,
        {
            "vraag": v.pk,
            "uitkomst": "Deskundigenoordeel: het werk was niet passend.",
            "gevolg": "maatregel_opgeheven",
            "gevolg_loon": "onterecht",
        },
    )
    events = services.actuele_gebeurtenissen(world.anna)
    assert vragen.lopende_maatregel(events) is None
    effect = vragen.loon_effecten(world.anna, events, world.today)
    assert effect["totaal"]["vervallen_cent"] == 0 and effect["totaal"]["na_te_betalen_cent"] == lost
    body = login(world.users.werknemer).get(f"/dossier/{world.anna.pk}/vragen/").content.decode()
    assert "Loonstop was onterecht: het loon wordt nabetaald." in body


def test_plan_adjusted_by_an_outcome_is_recorded_as_a_bijstelling(world):
    v = ask(world, "plan_van_aanpak")
    uitkomst = {"vraag": v.pk, "uitkomst": "Opbouw in uren verlengd met vier weken.", "gevolg": "plan_bijgesteld"}
    # no plan recorded yet: nothing to adjust, and nothing stored (session 7: an evaluation needs its plan)
    with pytest.raises(InvalidInput, match="nog geen plan van aanpak vastgelegd om bij te stellen"):
        vragen.uitkomst_vastleggen(world.users.casemanager, world.anna, world.today, uitkomst)
    assert not Gebeurtenis.objects.filter(geval=world.anna, code="vraag_uitkomst").exists()
    services.vastleggen(
        world.users.casemanager,
        world.anna,
        "plan_van_aanpak",
        world.today - dt.timedelta(days=30),
        {"activiteiten": "Opbouw in uren", "casemanager": "Carla", "reden_zonder": "Analyse bij de arbodienst"},
    )
    n = Gebeurtenis.objects.filter(geval=world.anna, code="evaluatie").count()
    vragen.uitkomst_vastleggen(
        world.users.casemanager,
        world.anna,
        world.today,
        {"vraag": v.pk, "uitkomst": "Opbouw in uren verlengd met vier weken.", "gevolg": "plan_bijgesteld"},
    )
    assert Gebeurtenis.objects.filter(geval=world.anna, code="evaluatie").count() == n + 1
    # the question named in words, never by its id (review, session 5)
    verslag = Gebeurtenis.objects.filter(geval=world.anna, code="evaluatie").latest("pk").data["verslag"]
    assert f"vraag {v.pk}" not in verslag and f"van {nl_datum(v.datum)} over: het plan van aanpak" in verslag
    page = login(world.users.werkgever).get(f"/dossier/{world.anna.pk}/").content.decode()
    assert f"Over de vraag:</span> Vraag of onenigheid van {nl_datum(v.datum)}" in page
    assert f"</span> {v.pk}</span>" not in page


def test_provider_has_no_access_to_the_questions(world):
    assert login(world.users.reintegratiebedrijf).get(f"/dossier/{world.anna.pk}/vragen/").status_code == 403


def test_prefilled_deskundigenoordeel_request_document(world):
    from pypdf import PdfReader

    from spoorwijzer.documents import maken

    v = ask(world)
    route = services.vastleggen(
        world.users.werknemer,
        world.anna,
        "vraag_route",
        world.today,
        {
            "vraag": v.pk,
            "route": "deskundigenoordeel",
            "aanvrager": "werknemer",
            "vraagstelling": "Is het werk passend?",
        },
    )
    doc = maken.maken(world.users.werknemer, world.anna, "aanvraag_deskundigenoordeel", str(route.pk))
    text = "".join(p.extract_text() for p in PdfReader(doc.bestand.open("rb")).pages)
    assert "Is het werk passend?" in text and euro(10_000) in text and "Of het aangeboden werk passend is" in text


def test_a_corrected_question_keeps_its_answers(world):
    v = ask(world)
    services.vastleggen(
        world.users.casemanager, world.anna, "vraag_antwoord", world.today, {"vraag": v.pk, "antwoord": "Ja."}
    )
    services.vastleggen(
        world.users.werknemer, world.anna, "vraag", world.today,
        {"soort": "vraag", "onderwerp": "passend_werk", "tekst": "Beter geformuleerd."}, vervangt=v,
    )  # fmt: skip
    (d,) = vragen.draden(world.anna, services.actuele_gebeurtenissen(world.anna), world.today)
    assert d.vraag.data["tekst"] == "Beter geformuleerd." and [a.data["antwoord"] for a in d.antwoorden] == ["Ja."]


def test_a_question_and_its_answer_are_dated_today_without_asking_for_a_date(world):
    """Outside review (session 7): the employee's question form asked for a date. A question is asked when it is
    written: the form has no date, and a date sent anyway (a back-dated question would make its answer late at once)
    is not used. The outcome of a route keeps its date: it can be reached on another day than it is recorded."""
    c = login(world.users.werknemer)
    page = c.get(f"/dossier/{world.anna.pk}/vragen/").content.decode()
    form = page[page.index('name="actie" value="vraag"') - 3000 : page.index('name="actie" value="vraag"')]
    assert 'name="datum"' not in form and "Datum" not in form
    r = c.post(
        f"/dossier/{world.anna.pk}/vragen/",
        {
            "actie": "vraag",
            "datum": (world.today - dt.timedelta(days=30)).isoformat(),
            "veld_soort": "vraag",
            "veld_onderwerp": "plan_van_aanpak",
            "veld_tekst": "Wanneer bespreken we het plan?",
        },
    )
    assert r.status_code == 302
    vraag = Gebeurtenis.objects.get(geval=world.anna, code="vraag")
    assert vraag.datum == world.today
    cm = login(world.users.casemanager)
    url = f"/dossier/{world.anna.pk}/vragen/{vraag.pk}/"
    answer = cm.get(url).content.decode()
    assert 'name="vraag_antwoord-datum"' not in answer
    r = cm.post(
        url,
        {
            "actie": "vraag_antwoord",
            "vraag_antwoord-veld_vraag": vraag.pk,
            "vraag_antwoord-veld_antwoord": "Volgende week.",
        },
    )
    assert r.status_code == 302
    assert Gebeurtenis.objects.get(geval=world.anna, code="vraag_antwoord").datum == world.today
