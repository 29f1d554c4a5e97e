"""Documents in the real UI (headless Chromium): a casemanager produces and downloads the re-integratieverslag;
the employee disagrees with the plan van aanpak and the produced plan shows it."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from spoorwijzer.dossier.models import Gebeurtenis, GemaaktDocument
from tests.browser.axe import assert_accessible
from tests.documents.conftest import volledig_dossier

pytestmark = pytest.mark.browser


def _pdf_text(path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def test_casemanager_produces_a_riv_and_downloads_it(world_live, login, tmp_path):
    d = volledig_dossier(world_live)
    page = login(world_live.users.casemanager)
    page.goto(f"{world_live.url}/dossier/{d.geval.pk}/")
    page.get_by_role("link", name="Documenten").click()
    assert_accessible(page, "casemanager: documenten", include="#inhoud")
    page.locator("tr[data-soort=re_integratieverslag]").get_by_role("button", name="Maken").click()
    page.get_by_text("Re-integratieverslag — Dirk Verhoeven").first.wait_for()
    assert "is gemaakt" in page.locator(".melding").inner_text()
    assert_accessible(page, "casemanager: documenten, verslag gemaakt", include="#inhoud")
    row = page.locator("section", has_text="Gemaakte documenten").locator("tr", has_text="Re-integratieverslag")
    with page.expect_download() as info:
        row.get_by_role("link", name="Downloaden (PDF)").click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    assert target.name.startswith("re-integratieverslag-dirk-verhoeven-")
    assert target.read_bytes() == GemaaktDocument.objects.get(soort="re_integratieverslag").bestand.open("rb").read()
    text = _pdf_text(target)
    assert "Re-integratieverslag" in text and "Deel C — Bijlagen" in text
    assert "Verslag deskundigenoordeel UWV" in text  # the uploaded document in the attachment index


def test_employee_disagrees_with_the_plan_and_the_document_shows_it(world_live, login, tmp_path):
    d = volledig_dossier(world_live)
    wn = login(d.werknemer_user, viewport=(390, 844))
    wn.goto(f"{world_live.url}/dossier/{d.geval.pk}/")
    wn.get_by_role("link", name="Documenten").click()
    assert_accessible(wn, "werknemer: documenten (telefoon)", include="#inhoud")
    form = wn.locator("form[data-onderwerp=stap]")
    form.get_by_label("Waarover").select_option(str(d.plan.pk))
    form.get_by_label("Ik ben het hiermee niet eens").check()
    form.get_by_label("Uw mening").fill("Ik wil eerst opbouwen in mijn eigen werk als timmerman.")
    form.get_by_role("button", name="Mening vastleggen").click()
    wn.get_by_text("u bent het niet eens").first.wait_for()
    assert wn.evaluate("document.documentElement.scrollWidth") <= 390 + 1
    e = Gebeurtenis.objects.get(code="oordeel_werknemer")
    assert e.vastgelegd_door == d.werknemer_user and e.data["onderwerp"] == str(d.plan.pk)

    cm = login(world_live.users.casemanager)
    cm.goto(f"{world_live.url}/dossier/{d.geval.pk}/documenten/")
    maak = cm.locator("tr[data-soort=plan_van_aanpak]")
    maak.get_by_label("Waarover").select_option(str(d.plan.pk))
    maak.get_by_role("button", name="Maken").click()
    cm.locator(".melding", has_text="is gemaakt").wait_for()
    with cm.expect_download() as info:
        cm.locator("tr", has_text="Plan van aanpak — Dirk Verhoeven").get_by_role(
            "link", name="Downloaden (PDF)"
        ).click()
    target = tmp_path / "plan.pdf"
    info.value.save_as(target)
    text = _pdf_text(target)
    assert "Dirk Verhoeven is het hiermee niet eens" in text
    assert "Ik wil eerst opbouwen in mijn eigen werk als timmerman." in text


def test_casemanager_writes_the_employee_a_plain_letter_and_the_employee_reads_it_on_a_phone(
    world_live, login, tmp_path
):
    d = volledig_dossier(world_live)
    cm = login(world_live.users.casemanager)
    cm.goto(f"{world_live.url}/dossier/{d.geval.pk}/documenten/")
    cm.locator("tr[data-soort=brief_werknemer]").get_by_role("button", name="Maken").click()
    cm.get_by_text("Brief aan de werknemer — Dirk Verhoeven").first.wait_for()

    wn = login(d.werknemer_user, viewport=(390, 844))
    wn.goto(f"{world_live.url}/dossier/{d.geval.pk}/")
    section = wn.locator("section", has_text="Mijn documenten")
    assert "Brief aan de werknemer" in section.inner_text()
    assert_accessible(wn, "werknemer: eigen pagina met de brief", include="#inhoud")
    with wn.expect_download() as info:
        section.locator("li", has_text="Brief aan de werknemer").get_by_role("link", name="downloaden").click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    text = _pdf_text(target)
    assert "Beste Dirk Verhoeven," in text and "Wat betekent dit voor uw geld?" in text
