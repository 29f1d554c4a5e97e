"""The documents page through Django's test client: producing, downloading, refusing, the employee's view."""

from __future__ import annotations

from django.test import Client

from spoorwijzer.dossier.models import Gebeurtenis, GemaaktDocument
from tests.world import PASSWORD


def login(user) -> Client:
    c = Client()
    assert c.login(username=user.username, password=PASSWORD)
    return c


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
    r = wn.post(
        f"/dossier/{g.pk}/documenten/oordeel/",
        {"onderwerp": dossier.plan.pk, "eens": "oneens", "mening": "Te snel naar spoor 2"},
        follow=True,
    )
    assert "u bent het niet eens" in r.content.decode()
    e = Gebeurtenis.objects.get(code="oordeel_werknemer")
    assert e.data == {"onderwerp": str(dossier.plan.pk), "eens": "oneens", "mening": "Te snel naar spoor 2"}
