"""The employer's quality file (issue 13 part 3): what it contains per year, who may read and add to it, the
self-assessment history, and the exports as JSON (period and sources stated) and PDF (read back)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import pytest
from pypdf import PdfReader

from spoorwijzer.dossier import access, kwaliteit, services
from spoorwijzer.dossier.models import (
    AppendOnlyError,
    Beleidsnotitie,
    Verzuimgeval,
    Werkgever,
    Werknemer,
    Zelfbeoordeling,
)
from spoorwijzer.law.context import LawContext
from spoorwijzer.law.errors import InvalidInput
from tests.world import PASSWORD

D = dt.date


@pytest.fixture
def bakkerij(world):
    """Two cases started in 2025 (one with a track-2 trajectory, one a toets shortcoming), one in 2026."""
    wg = Werkgever.objects.create(organisatie=world.noord, naam="Bakkerij Kwaliteit", sector="Voeding")
    cm = world.users.casemanager
    people = [Werknemer.objects.create(werkgever=wg, naam=f"K{i}", uren_per_week=38) for i in range(3)]
    g1 = services.nieuw_geval(cm, people[0], D(2025, 2, 3))
    services.vastleggen(cm, g1, "start_tweede_spoor", D(2025, 12, 1), {"reintegratiebedrijf": str(world.rb.pk)})
    g2 = services.nieuw_geval(cm, people[1], D(2025, 6, 2))
    Verzuimgeval.objects.filter(pk=g2.pk).update(
        toets_ernst=2, toets_loonsanctie_weken=10, toets_loonsanctie_cent=812345
    )
    services.nieuw_geval(cm, people[2], D(2026, 3, 2))
    return wg


def test_the_file_per_year_with_policy_providers_and_self_assessment(world, bakkerij):
    cm = world.users.casemanager
    kwaliteit.notitie_vastleggen(
        cm, bakkerij, "reintegratiebedrijf", "Regionaal netwerk in de voedingssector", bedrijf=world.rb
    )
    kwaliteit.notitie_vastleggen(
        cm, bakkerij, "procedure", "Ziekmelden voor 10 uur bij de leidinggevende", "Ziekmelden"
    )
    kwaliteit.beoordeling_vastleggen(cm, bakkerij, "plan_van_aanpak", "deels", "Sjabloon, maar evaluaties lopen uit")
    kwaliteit.beoordeling_vastleggen(cm, bakkerij, "plan_van_aanpak", "voldoet", "Evaluaties in de agenda")
    d = kwaliteit.kwaliteitsdossier(LawContext.baseline(), bakkerij, D(2025, 1, 1), D(2026, 11, 24), D(2026, 11, 24))
    assert d["periode"] == {"van": "2025-01-01", "tot": "2026-11-24"}
    y2025, y2026 = d["cijfers_per_jaar"]
    assert (y2025["van"], y2025["tot"], y2026["van"], y2026["tot"]) == (
        "2025-01-01",
        "2025-12-31",
        "2026-01-01",
        "2026-11-24",
    )
    assert (y2025["dossiers"], y2026["dossiers"]) == (2, 1)
    assert y2025["tweede_spoor"]["totaal"] == 1 and y2026["tweede_spoor"]["totaal"] == 0
    assert y2025["toets"]["verwachte_loonsanctie_cent"] == 812345 and y2026["toets"]["verwachte_loonsanctie_cent"] == 0
    (provider,) = d["beleid"]["reintegratiebedrijven"]
    assert provider == {
        "naam": "Werkpad",
        "trajecten_in_periode": 1,
        "waarom": "Regionaal netwerk in de voedingssector",
    }
    assert [n["onderwerp"] for n in d["beleid"]["notities"]] == ["Ziekmelden", "Werkpad"]  # newest first
    pva = next(z for z in d["zelfbeoordeling"] if z["regel"] == "plan_van_aanpak")
    assert pva["antwoord"] == "Voldoet" and pva["toelichting"] == "Evaluaties in de agenda"  # the latest counts
    assert "Regeling procesgang" in pva["grondslag"]
    assert Zelfbeoordeling.objects.filter(werkgever=bakkerij, regel="plan_van_aanpak").count() == 2  # history kept
    unanswered = [z for z in d["zelfbeoordeling"] if z["antwoord"] is None]
    assert len(unanswered) == len(d["zelfbeoordeling"]) - 1
    assert any(r["stap"].startswith("Probleemanalyse") and r["wettelijk"] for r in d["beleid"]["voorkeurstermijnen"])
    assert (
        d["toezichtscore"]["gewichten"] == [3, 2, 1] and "Specialistisch Casemanagement" in d["toezichtscore"]["bron"]
    )
    assert {b["onderwerp"] for b in d["bronnen"]} >= {"Horizontaal toezicht en het kwaliteitsdossier", "Cijfers"}
    with pytest.raises(AppendOnlyError):
        Beleidsnotitie.objects.first().delete()


def test_bad_input_is_refused_in_dutch_and_nothing_is_stored(world, bakkerij):
    cm = world.users.casemanager
    with pytest.raises(InvalidInput, match="Toelichting"):
        kwaliteit.beoordeling_vastleggen(cm, bakkerij, "plan_van_aanpak", "voldoet", "   ")
    with pytest.raises(InvalidInput, match="beoordelingskader"):
        kwaliteit.beoordeling_vastleggen(cm, bakkerij, "bestaat_niet", "voldoet", "x")
    with pytest.raises(InvalidInput, match="re-integratiebedrijf"):
        kwaliteit.notitie_vastleggen(cm, bakkerij, "reintegratiebedrijf", "Goed bureau")
    assert not Zelfbeoordeling.objects.exists() and not Beleidsnotitie.objects.exists()


def test_who_may_read_and_add(client, world, bakkerij):
    bouw = world.users.werkgever.rol.werkgever
    url = f"/kwaliteit/{bouw.pk}/"
    post = {"regel": "probleemanalyse", "antwoord": "voldoet", "toelichting": "Bedrijfsarts binnen 6 weken"}
    client.login(username=world.users.werkgever.username, password=PASSWORD)
    assert client.get("/kwaliteit/").url == url  # the employer goes straight to its own file
    assert client.get(url).status_code == 200
    client.post(f"{url}zelfbeoordeling/", post)
    assert Zelfbeoordeling.objects.get(werkgever=bouw).rol == "werkgever"
    assert client.get(f"/kwaliteit/{bakkerij.pk}/").status_code == 404  # another employer
    assert client.post(f"/kwaliteit/{bakkerij.pk}/zelfbeoordeling/", post).status_code == 404
    client.logout()
    client.login(username=world.users.bedrijfsarts.username, password=PASSWORD)
    assert client.get(f"/kwaliteit/{bakkerij.pk}/").status_code == 200  # the organisation's roles read
    assert client.post(f"/kwaliteit/{bakkerij.pk}/zelfbeoordeling/", post).status_code == 403
    for user in (world.users.casemanager_zuid, world.users.werknemer, world.users.reintegratiebedrijf):
        client.logout()
        client.login(username=user.username, password=PASSWORD)
        assert client.get(f"/kwaliteit/{bakkerij.pk}/").status_code in (403, 404), user
    assert not access.mag_kwaliteitsdossier(world.users.casemanager_zuid, bakkerij)


def test_exports_state_period_and_sources_and_the_pdf_reads_back(client, world, bakkerij):
    cm = world.users.casemanager
    kwaliteit.beoordeling_vastleggen(cm, bakkerij, "probleemanalyse", "deels", "Soms na week 6 door drukte")
    client.login(username=cm.username, password=PASSWORD)
    q = {"van": "2025-01-01", "tot": "2026-11-24"}
    page = client.get(f"/kwaliteit/{bakkerij.pk}/", q).content.decode()
    assert "Kwaliteitsdossier: Bakkerij Kwaliteit" in page and "Soms na week 6 door drukte" in page
    assert "€\xa08.123,45" in page and "Voldoet deels" in page
    r = client.get(f"/kwaliteit/{bakkerij.pk}/", {**q, "formaat": "json"})
    data = json.loads(r.content)
    assert r["Content-Type"].startswith("application/json") and data["periode"]["van"] == "2025-01-01"
    assert data["bronnen"] and all(b["bron"] for b in data["bronnen"])
    r = client.get(f"/kwaliteit/{bakkerij.pk}/", {**q, "formaat": "pdf"})
    assert r["Content-Type"] == "application/pdf"
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(r.content)).pages).split())
    for expected in ("Bakkerij Kwaliteit", "Zelfbeoordeling", "Soms na week 6 door drukte", "Toezichtscore", "Bronnen"):
        assert expected in text, expected
    # the preferred-date table says what each number is (outside review: "4", "6" stood bare in two columns)
    rij = re.search(r"<th scope=\"row\"[^>]*>Probleemanalyse[^<]*</th>(.*?)</tr>", page, flags=re.S).group(1)
    cellen = re.findall(r"<td[^>]*>([^<]*)</td>", rij)
    assert len(cellen) == 3 and all(re.fullmatch(r"week \d+", c) for c in cellen) and cellen[2] == "week 6", cellen
    assert "elke 6 weken" in page and re.search(r"Probleemanalyse[^A-Z]*week \d+ week \d+ week 6", text)
    bad = client.get(f"/kwaliteit/{bakkerij.pk}/", {"van": "31-02-2025"})
    assert bad.status_code == 400 and "31-02-2025 bestaat niet" in bad.content.decode()


def test_the_file_shows_work_that_lasts_counted_as_on_the_figures_page(client, world, bakkerij):
    """The placement from Werkpad's trajectory (begun 1 December 2025) on 15 January 2026, at work after six
    months: in the quality file per provider and per year, the same rows as the figures page counts for this
    employer, and in the page, the JSON and the PDF."""
    from spoorwijzer.dossier import nazorg

    cm = world.users.casemanager
    g1 = Verzuimgeval.objects.filter(werkgever=bakkerij).order_by("eerste_ziektedag").first()
    services.vastleggen(cm, g1, "plaatsing", D(2026, 1, 15), {"soort": "contract", "werkgever": "Bakker Jansen"})
    services.vastleggen(cm, g1, "nazorg_uitkomst", D(2026, 7, 20), {"na_maanden": "6", "status": "werkt"})
    vandaag = D(2026, 11, 24)
    d = kwaliteit.kwaliteitsdossier(LawContext.baseline(), bakkerij, D(2025, 1, 1), vandaag, vandaag)
    w = d["werk_dat_blijft"]
    six, twelve = w["rijen"]
    assert (w["ankers"], six["gemeten"], six["aan_het_werk"], six["percentage"], six["kleine_groep"]) == (
        1,
        1,
        1,
        100,
        True,
    )
    assert (twelve["gemeten"], twelve["ontbreekt"]) == (0, 0)  # the 12 months end on 15 January 2027
    assert [b["naam"] for b in w["per_bureau"]] == ["Werkpad"]
    y2025, y2026 = w["per_jaar"]
    assert (y2025["rijen"][0]["gemeten"], y2026["rijen"][0]["gemeten"]) == (0, 1)
    figures = nazorg.duurzaamheid(Verzuimgeval.objects.filter(werkgever=bakkerij), vandaag)
    assert figures["rijen"] == w["rijen"] and figures["per_bureau"] == w["per_bureau"]  # one definition
    before = kwaliteit.kwaliteitsdossier(LawContext.baseline(), bakkerij, D(2025, 1, 1), D(2025, 12, 31), vandaag)
    assert before["werk_dat_blijft"]["ankers"] == 0  # the placement lies after this period

    client.login(username=cm.username, password=PASSWORD)
    q = {"van": "2025-01-01", "tot": "2026-11-24"}
    page = client.get(f"/kwaliteit/{bakkerij.pk}/", q).content.decode()
    assert "3. Werk dat blijft" in page and "1 van 1 aan het werk (100%)" in page and "1 (100%)" in page
    data = json.loads(client.get(f"/kwaliteit/{bakkerij.pk}/", {**q, "formaat": "json"}).content)
    assert data["werk_dat_blijft"]["rijen"][0]["per_status"]["werkt"] == 1
    pdf = client.get(f"/kwaliteit/{bakkerij.pk}/", {**q, "formaat": "pdf"}).content
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "3. Werk dat blijft" in text and "Werkpad (1)" in text and "1 (100%) kleine groep" in text
