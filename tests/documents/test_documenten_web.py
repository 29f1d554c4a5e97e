"""The documents page through Django's test client: producing, downloading, refusing, the employee's view."""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import pytest
from django.test import Client
from pypdf import PdfReader

from spoorwijzer.documents import maken
from spoorwijzer.dossier import services
from spoorwijzer.dossier.models import Auditregel, Gebeurtenis, GemaaktDocument
from spoorwijzer.law.errors import InvalidInput
from spoorwijzer.law.tekst import datum as nl_datum
from tests.world import PASSWORD


def login(user) -> Client:
    c = Client()
    assert c.login(username=user.username, password=PASSWORD)
    return c


def pdf_text(doc) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(doc.bestand.open("rb").read())).pages)


def test_casemanager_produces_and_downloads_a_plan(dossier):
    g = dossier.geval
    c = login(dossier.world.users.casemanager)
    page = c.get(f"/dossier/{g.pk}/documenten/").content.decode()
    assert "Re-integratieverslag" in page and "Probleemanalyse en advies" not in page  # the bedrijfsarts makes that
    assert "Bijstelling plan van aanpak" not in page  # subjects are named by the step's own name
    r = c.post(
        f"/dossier/{g.pk}/documenten/maken/",
        {"soort": "plan_van_aanpak", "onderwerp": dossier.bijstelling.pk},
        follow=True,
    )
    doc = GemaaktDocument.objects.get(geval=g)
    assert "Bijstelling plan van aanpak — Dirk Verhoeven" in r.content.decode()
    pdf = c.get(f"/dossier/{g.pk}/documenten/{doc.pk}/")
    assert pdf["Content-Type"] == "application/pdf" and b"".join(pdf.streaming_content) == doc.bestand.open("rb").read()
    assert 'filename="plan-van-aanpak-dirk-verhoeven-' in pdf["Content-Disposition"]
    # made at 23:30 UTC in winter: the file is named by the Dutch date, as the document says (review, session 7)
    GemaaktDocument.objects.filter(pk=doc.pk).update(gemaakt_op=dt.datetime(2026, 11, 24, 23, 30, tzinfo=dt.UTC))
    pdf = c.get(f"/dossier/{g.pk}/documenten/{doc.pk}/")
    assert 'filename="plan-van-aanpak-dirk-verhoeven-2026-11-25.pdf"' in pdf["Content-Disposition"]
    assert pdf["Cache-Control"] == "no-store"  # no health data in a browser or proxy cache (issue 10, item 14)
    assert "Document gemaakt" in c.get(f"/dossier/{g.pk}/").content.decode()  # the log shows it by name


def test_employer_refused_a_medical_document_and_other_tenants_see_nothing(dossier):
    g, u = dossier.geval, dossier.world.users
    hr = login(u.werkgever)
    r = hr.post(f"/dossier/{g.pk}/documenten/maken/", {"soort": "probleemanalyse"}, follow=True)
    assert "U mag het document &#x27;Probleemanalyse en advies&#x27; niet maken" in r.content.decode()
    assert not GemaaktDocument.objects.exists()
    login(u.casemanager).post(f"/dossier/{g.pk}/documenten/maken/", {"soort": "eerstejaarsevaluatie"})
    doc = GemaaktDocument.objects.get()
    zuid = login(u.casemanager_zuid)
    assert zuid.get(f"/dossier/{g.pk}/documenten/").status_code == 404
    assert zuid.get(f"/dossier/{g.pk}/documenten/{doc.pk}/").status_code == 404
    assert zuid.post(f"/dossier/{g.pk}/documenten/maken/", {"soort": "plan_van_aanpak"}).status_code == 404
    assert login(u.reintegratiebedrijf).get(f"/dossier/{g.pk}/documenten/{doc.pk}/").status_code == 404


def test_employee_disagrees_and_a_missing_reason_keeps_nothing(dossier):
    g, wn = dossier.geval, login(dossier.werknemer_user)
    page = wn.get(f"/dossier/{g.pk}/documenten/").content.decode()
    assert "Uw mening" in page and "Mening vastleggen" in page and "Document maken" not in page
    r = wn.post(f"/dossier/{g.pk}/documenten/oordeel/", {"onderwerp": dossier.plan.pk, "eens": "oneens"}, follow=True)
    assert "Schrijf op waarom u het er niet mee eens bent" in r.content.decode()
    assert not Gebeurtenis.objects.filter(code="oordeel_werknemer").exists()
    # outside review (session 7): the refusal stood in a green box at the top and her choice was gone; now it is
    # an alert beside the form, styled as an error, and 'niet eens' stays chosen
    body = r.content.decode()
    assert re.search(r'<p class="melding error" role="alert">Schrijf op waarom', body)
    form = body[body.index('data-onderwerp="stap"') :]
    assert re.search(r'<p class="fout" role="alert" data-oordeel-fout>Schrijf op waarom', form)
    assert re.search(r'value="oneens" checked', form) and not re.search(r'value="eens" required checked', form)
    r = wn.post(
        f"/dossier/{g.pk}/documenten/oordeel/",
        {"onderwerp": dossier.plan.pk, "eens": "oneens", "mening": "Te snel naar spoor 2"},
        follow=True,
    )
    assert "u bent het niet eens" in r.content.decode()
    assert "Uw toelichting: “Te snel naar spoor 2”" in r.content.decode()  # her own words, shown back to her
    assert "data-oordeel-fout" not in r.content.decode()
    e = Gebeurtenis.objects.get(code="oordeel_werknemer")
    assert e.data == {"onderwerp": str(dossier.plan.pk), "eens": "oneens", "mening": "Te snel naar spoor 2"}
    # the employer's log names the plan in words, not by its id (review, session 5: "Waarover: 30")
    log = login(dossier.world.users.werkgever).get(f"/dossier/{g.pk}/").content.decode()
    assert f"Waarover:</span> Plan van aanpak van {nl_datum(dossier.plan.datum)}" in log
    assert f"</span> {dossier.plan.pk}</span>" not in log


def test_a_document_made_before_its_text_was_withdrawn_is_no_longer_served(dossier):
    """Decision 0025: text withdrawn as medical after a document was made must not keep being served by that
    document (nor by a verslag that embedded it). The stored copy stays, reproducible, for the bedrijfsarts only;
    others are refused and offered a new document, and a new verslag does not send the old copy along."""
    u, g = dossier.world.users, dossier.geval
    pa = g.gebeurtenissen.get(code="probleemanalyse")
    old = maken.maken(u.bedrijfsarts, g, "probleemanalyse")
    assert "Zittend werk mogelijk" in " ".join(pdf_text(old).split())
    plan = maken.maken(u.casemanager, g, "plan_van_aanpak")
    riv = maken.maken(u.casemanager, g, "re_integratieverslag")
    cm = login(u.casemanager)
    assert cm.get(f"/dossier/{g.pk}/documenten/{old.pk}/").status_code == 200  # before: served to all who may read
    assert cm.get(f"/dossier/{g.pk}/documenten/{riv.pk}/").status_code == 200
    services.intrekken(u.casemanager, g, pa, "diagnose")
    r = cm.get(f"/dossier/{g.pk}/documenten/{old.pk}/", follow=True)
    page = r.content.decode()
    assert r.redirect_chain and "application/pdf" not in r.get("Content-Type", "")
    assert "Alleen de bedrijfsarts kan dit exemplaar nog openen" in page and "niet meer te openen" in page
    assert f'data-geblokkeerd="{old.pk}"' in page and f'data-geblokkeerd="{riv.pk}"' in page
    assert login(u.werkgever).get(f"/dossier/{g.pk}/documenten/{old.pk}/").status_code == 302
    assert cm.get(f"/dossier/{g.pk}/documenten/{riv.pk}/").status_code == 302  # it embedded the old copy
    assert Auditregel.objects.filter(actie="document_geweigerd_ingetrokken", geval=g).exists()
    # only documents that hold the withdrawn text are refused
    holds = "Zittend werk mogelijk" in json.dumps(plan.snapshot, ensure_ascii=False)
    assert (f'data-geblokkeerd="{plan.pk}"' in page) == holds
    assert cm.get(f"/dossier/{g.pk}/documenten/{plan.pk}/").status_code == (302 if holds else 200)
    # the bedrijfsarts still opens the stored copy, and it reproduces byte for byte
    arts = login(u.bedrijfsarts).get(f"/dossier/{g.pk}/documenten/{old.pk}/")
    assert arts.status_code == 200 and arts.get("Content-Type") == "application/pdf"
    assert maken.opnieuw_maken(old) == old.bestand.open("rb").read()
    # a re-integratieverslag made now lists the old copy but does not send it along
    riv2 = maken.maken(u.casemanager, g, "re_integratieverslag")
    row = next(b for b in riv2.snapshot["bijlagen"] if b["bron"] == f"document:{old.pk}")
    assert not row["bijgevoegd"] and "ingetrokken" in row["reden"]
    assert cm.get(f"/dossier/{g.pk}/documenten/{riv2.pk}/").status_code == 200
    # made again ("Opnieuw maken"), the new document leaves the text out and is served again
    login(u.bedrijfsarts).post(f"/dossier/{g.pk}/documenten/maken/", {"soort": "probleemanalyse", "onderwerp": pa.pk})
    new = GemaaktDocument.objects.filter(geval=g, soort="probleemanalyse").order_by("-pk").first()
    assert new.pk != old.pk and "Zittend werk mogelijk" not in " ".join(pdf_text(new).split())
    assert cm.get(f"/dossier/{g.pk}/documenten/{new.pk}/").status_code == 200


def test_a_medical_letter_uploaded_by_mistake_is_withdrawn_with_its_entry(dossier):
    """An uploaded file can be withdrawn as medical with its entry (decision 0025, addendum): from then on only the
    bedrijfsarts opens it, everyone else is refused (audited), the log no longer links it and a new
    re-integratieverslag lists it without sending it along. Text-only withdrawals leave the file alone."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    u, g = dossier.world.users, dossier.geval
    cm = login(u.casemanager)
    brief = b"%PDF-1.4 brief van de huisarts: hernia L4-L5"
    r = cm.post(
        f"/dossier/{g.pk}/vastleggen/document/",
        {
            "datum": dossier.world.today.isoformat(),
            "veld_titel": "Brief",
            "document": SimpleUploadedFile("brief.pdf", brief, content_type="application/pdf"),
        },
    )
    assert r.status_code == 302
    e = Gebeurtenis.objects.get(geval=g, code="document", data__titel="Brief")
    url = f"/dossier/{g.pk}/document/{e.pk}/"
    assert login(u.werkgever).get(url).status_code == 200
    form = cm.get(f"/dossier/{g.pk}/intrekken/{e.pk}/").content.decode()
    assert 'name="bestand"' in form and "brief.pdf" in form
    r = cm.post(f"/dossier/{g.pk}/intrekken/{e.pk}/", {"reden": "diagnose", "bestand": "on"})
    assert r.status_code == 302
    for user in (u.werkgever, u.casemanager):
        assert login(user).get(url).status_code == 403, user
    assert Auditregel.objects.filter(actie="bijlage_geweigerd_ingetrokken", geval=g).count() == 2
    arts = login(u.bedrijfsarts).get(url)
    assert arts.status_code == 200 and b"".join(arts.streaming_content) == brief
    page = cm.get(f"/dossier/{g.pk}/").content.decode()
    assert "Tekst en bestand ingetrokken" in page and "alleen de bedrijfsarts kan het openen" in page
    assert url not in page
    riv = maken.maken(u.casemanager, g, "re_integratieverslag")
    row = next(b for b in riv.snapshot["bijlagen"] if b["bron"] == f"upload:{e.pk}")
    assert not row["bijgevoegd"] and "alleen de bedrijfsarts" in row["reden"]


def test_withdrawing_needs_something_to_withdraw(dossier):
    """A file alone can only be withdrawn as a file; a file cannot be withdrawn from an entry without one."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    u, g = dossier.world.users, dossier.geval
    cm = login(u.casemanager)
    scan = SimpleUploadedFile("melding.pdf", b"%PDF-1.4 ziekmelding", content_type="application/pdf")
    e = services.vastleggen(u.casemanager, g, "melding_uwv", dossier.world.today, {}, document=scan)
    r = cm.post(f"/dossier/{g.pk}/intrekken/{e.pk}/", {"reden": "diagnose"})
    assert r.status_code == 400 and "kies of u het bestand intrekt" in r.content.decode()
    assert 'name="bestand" checked' in cm.get(f"/dossier/{g.pk}/intrekken/{e.pk}/").content.decode()
    pa = g.gebeurtenissen.get(code="probleemanalyse")
    with pytest.raises(InvalidInput, match="geen bestand"):
        services.intrekken(u.casemanager, g, pa, "diagnose", bestand=True)
    assert not hasattr(Gebeurtenis.objects.get(pk=pa.pk), "intrekking")


def test_a_withdrawn_files_name_is_hidden_in_the_verslag_and_on_the_withdrawal_page(dossier):
    """A file's name can itself be medical ("ontslagbrief_ziekenhuis.pdf"): once the file is withdrawn, the
    verslag's attachment index says "bestand ingetrokken" instead, and the withdrawal page shows the name to the
    bedrijfsarts only. A verslag made before the withdrawal that sent the file along is refused too."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    u, g = dossier.world.users, dossier.geval
    scan = SimpleUploadedFile("ontslagbrief_ziekenhuis.pdf", b"%PDF-1.4 ontslag", content_type="application/pdf")
    e = services.vastleggen(u.casemanager, g, "document", dossier.world.today, {"titel": "Brief"}, document=scan)
    eerder = maken.maken(u.casemanager, g, "re_integratieverslag")
    assert "ontslagbrief_ziekenhuis" in pdf_text(eerder)  # listed and sent along before the withdrawal
    services.intrekken(u.casemanager, g, e, "medisch", bestand=True)
    riv = maken.maken(u.casemanager, g, "re_integratieverslag")
    text = pdf_text(riv)
    assert "ontslagbrief_ziekenhuis" not in text and "bestand ingetrokken" in text
    # the footer in words, not "sjabloon re_integratieverslag v1" (review, session 5)
    assert "Re-integratieverslag, versie 2 van het sjabloon" in " ".join(text.split())
    assert "re_integratieverslag" not in text
    assert "ontslagbrief" not in json.dumps(riv.snapshot)
    page = login(u.casemanager).get(f"/dossier/{g.pk}/intrekken/{e.pk}/").content.decode()
    assert "ontslagbrief" not in page and "Deze regel is al ingetrokken, met het bestand erbij" in page
    assert "ontslagbrief" not in login(u.werkgever).get(f"/dossier/{g.pk}/intrekken/{e.pk}/").content.decode()
    assert (
        "ontslagbrief_ziekenhuis.pdf"
        in login(u.bedrijfsarts).get(f"/dossier/{g.pk}/intrekken/{e.pk}/").content.decode()
    )
    assert login(u.werkgever).get(f"/dossier/{g.pk}/document/{e.pk}/").status_code == 403
    assert not Auditregel.objects.filter(detail__contains="ontslagbrief").exists()  # the access log is read by others
    assert login(u.werkgever).get(f"/dossier/{g.pk}/documenten/{eerder.pk}/").status_code == 302  # refused
    assert Auditregel.objects.filter(actie="document_geweigerd_ingetrokken", geval=g).count() == 1


def test_the_employee_reads_the_steps_to_give_an_opinion_on_in_words_and_without_withdrawn_text(dossier):
    """Review finding: the 'Uw mening' list printed the stored values as they are ('True', a choice's code), and
    text withdrawn as medical still showed there. Now: the catalogue's labels, 'ja'/'nee', and no withdrawn text."""
    u, g = dossier.world.users, dossier.geval
    eje = g.gebeurtenissen.get(code="eerstejaarsevaluatie")
    services.vastleggen(
        u.casemanager,
        g,
        "eerstejaarsevaluatie",
        eje.datum,
        {"verslag": "Geen terugkeer op korte termijn", "concreet_perspectief": True},
        vervangt=eje,
    )
    evaluatie = g.gebeurtenissen.filter(code="evaluatie").order_by("datum").first()
    geheim = evaluatie.data["verslag"]
    services.intrekken(u.casemanager, g, evaluatie, "diagnose")
    page = login(dossier.werknemer_user).get(f"/dossier/{g.pk}/documenten/").content.decode()
    lijst = page.split('id="oordeel-kop"')[1].split("<form")[0]
    assert "Geen terugkeer op korte termijn" in lijst
    assert "concreet perspectief op structurele hervatting in de eigen organisatie op korte termijn: ja" in lijst
    assert "True" not in lijst and geheim not in lijst
    assert "Casemanager (contactpersoon)" not in lijst  # the plan's contact person is on the case page
