"""Review findings on forms: a chosen file is not silently lost when the form comes back with an error, the
medical-word check knows the terms a reader expects, and a Document entry needs its file."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from spoorwijzer.dossier.models import Gebeurtenis
from spoorwijzer.dossier.privacy import medische_woorden
from tests.world import PASSWORD

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def login(user) -> Client:
    c = Client()
    assert c.login(username=user.username, password=PASSWORD)
    return c


def test_a_form_with_an_error_tells_to_choose_the_file_again(world):
    c = login(world.users.casemanager)
    r = c.post(
        f"/dossier/{world.anna.pk}/vastleggen/evaluatie/",
        {
            "datum": world.today.isoformat(),
            "veld_verslag": "Na de operatie is de opbouw gestopt",  # medical: the form comes back
            "document": SimpleUploadedFile("verslag.pdf", PDF, content_type="application/pdf"),
        },
    )
    body = r.content.decode()
    assert r.status_code == 400 and "operatie" in body
    assert "Kies het bestand opnieuw: &#x27;verslag.pdf&#x27; is nog niet opgeslagen" in body
    assert not Gebeurtenis.objects.filter(geval=world.anna, code="evaluatie").exists()
    # without a file there is nothing to choose again
    r = c.post(
        f"/dossier/{world.anna.pk}/vastleggen/evaluatie/",
        {"datum": world.today.isoformat(), "veld_verslag": "Na de operatie is de opbouw gestopt"},
    )
    assert "Kies het bestand opnieuw" not in r.content.decode()


def test_a_document_entry_needs_its_file_and_does_not_call_it_optional(world):
    c = login(world.users.casemanager)
    url = f"/dossier/{world.anna.pk}/vastleggen/document/"
    assert "optioneel" not in c.get(url).content.decode()
    r = c.post(url, {"datum": world.today.isoformat(), "veld_titel": "Functieomschrijving"})
    assert r.status_code == 400 and "Kies het bestand dat u wilt toevoegen." in r.content.decode()
    assert "optioneel" in c.get(f"/dossier/{world.anna.pk}/vastleggen/evaluatie/").content.decode()


@pytest.mark.parametrize(
    "woord",
    [
        "diagnose",
        "burn-out",
        "depressie",
        "hernia",
        "kanker",
        "medicatie",
        "therapie",
        "psycholoog",
        "psychiater",
        "ziekenhuis",
        "operatie",
        # missing before the review
        "MRI",
        "bloedonderzoek",
        "antibiotica",
        "hartaanval",
        "schizofrenie",
        "internist",
        "slaapproblemen",
    ],
)
def test_the_medical_words_a_reviewer_expects_are_found(woord):
    assert medische_woorden(f"Werknemer meldt: {woord} speelt mee.")


def test_added_pairs_are_found_and_ordinary_phrases_are_not():
    assert medische_woorden("Zij is chronisch ziek") == ["chronisch ziek"]
    assert medische_woorden("Advies van een medisch specialist") == ["medisch specialist"]
    assert medische_woorden("Dit is opgenomen in het plan van aanpak") == []


def test_mood_sleep_and_anxiety_in_a_providers_report_are_found(world):
    """Outside review (session 7): "Ze is somber en slaapt slecht door angstaanvallen." and "gebruikt methadon"
    passed the check and reached the employer, the labour expert and the provider. 'Slecht' alone stays free."""
    assert medische_woorden("Ze is somber en slaapt slecht door angstaanvallen.") == [
        "somber",
        "slaapt slecht",
        "angstaanvallen",
    ]
    assert medische_woorden("Hij gebruikt methadon") == ["methadon"]
    assert medische_woorden("De markt voor dit werk is slecht; het gesprek verliep somberder dan gehoopt") == []


def test_reopening_is_offered_on_a_closed_case_only(world):
    from spoorwijzer.dossier import services

    c = login(world.users.casemanager)
    g = world.bert
    page = c.get(f"/dossier/{g.pk}/").content.decode()
    assert '/vastleggen/heropening/"' not in page and '/vastleggen/afsluiting/"' in page
    services.vastleggen(world.users.casemanager, g, "afsluiting", world.today, {"reden": "uit_dienst"})
    page = c.get(f"/dossier/{g.pk}/").content.decode()
    assert '/vastleggen/heropening/"' in page and '/vastleggen/afsluiting/"' not in page


def test_the_sick_report_form_marks_employees_who_are_already_sick(world):
    from spoorwijzer.dossier.models import Werknemer
    from spoorwijzer.law.tekst import datum as nl_datum

    Werknemer.objects.create(werkgever=world.bouw, naam="Dirk")
    body = login(world.users.casemanager).get("/ziekmelding/").content.decode()
    sinds = nl_datum(world.anna.eerste_ziektedag)
    assert f"Anna — al ziek gemeld (open dossier sinds {sinds})" in body
    assert ">Dirk</option>" in body  # not sick: just the name


def test_a_former_employee_is_marked_and_cannot_be_reported_sick_after_leaving(world):
    """Outside review (session 7): Joost (placed elsewhere) and Ruud could be picked for a sick report with no
    word that they had left."""
    import datetime as dt

    from spoorwijzer.dossier import services
    from spoorwijzer.dossier.models import Verzuimgeval, Werknemer
    from spoorwijzer.law.errors import InvalidInput

    weg = Werknemer.objects.create(werkgever=world.bouw, naam="Dirk", uit_dienst=world.today - dt.timedelta(days=30))
    body = login(world.users.casemanager).get("/ziekmelding/").content.decode()
    assert "Dirk — uit dienst sinds " in body
    with pytest.raises(InvalidInput, match="Dirk is uit dienst sinds .*meldt de werknemer zich ziek bij UWV"):
        services.nieuw_geval(world.users.casemanager, weg, world.today)
    assert not Verzuimgeval.objects.filter(werknemer=weg).exists()
    # sick on or before the last day of employment: still the employer's case
    services.nieuw_geval(world.users.casemanager, weg, weg.uit_dienst)
