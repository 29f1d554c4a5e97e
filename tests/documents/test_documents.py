"""The documents: every kind renders from a complete dossier with content a reader recognises, the PDF text is
extractable, a stored document is produced again byte for byte from its snapshot, the employee's opinion
appears, and access follows dossier.access."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.base import ContentFile
from pypdf import PdfReader

from spoorwijzer.documents import maken
from spoorwijzer.documents.opmaak import datum
from spoorwijzer.documents.soorten import DOCUMENT_SOORT, MAX_BIJLAGE_BYTES, SOORTEN
from spoorwijzer.dossier import access, services
from spoorwijzer.dossier.models import Auditregel, Gebeurtenis, GemaaktDocument
from spoorwijzer.law.errors import InvalidInput

MAKER = {
    "probleemanalyse": "bedrijfsarts",
    "actueel_oordeel": "bedrijfsarts",
    "tweede_spoor_voortgang": "reintegratiebedrijf",
}


def pdf_text(doc_or_bytes) -> str:
    data = doc_or_bytes if isinstance(doc_or_bytes, bytes) else doc_or_bytes.bestand.open("rb").read()
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def plain(text: str) -> str:
    return " ".join(text.split())


def test_every_document_of_a_complete_dossier(dossier):
    u, g = dossier.world.users, dossier.geval
    services.medisch_vastleggen(u.bedrijfsarts, g, "diagnose", "Hernia nuclei pulposi")
    # uploads over 10 MB are refused today (services.vastleggen); one stored before that limit (or imported)
    # must still be flagged, not attached, in the verslag
    groot = Gebeurtenis(
        geval=g,
        code="document",
        datum=services.vandaag(),
        data={"titel": "Scan van het volledige dossier"},
        vastgelegd_door=u.casemanager,
        rol="casemanager",
    )
    groot.document.save("scan.pdf", ContentFile(b"%PDF" + b"0" * MAX_BIJLAGE_BYTES), save=False)
    groot.save()
    # the employee disputes passend werk and asks UWV for a deskundigenoordeel (its request is a document too)
    vraag = services.vastleggen(
        dossier.werknemer_user, g, "vraag", services.vandaag() - dt.timedelta(days=20),
        {"soort": "onenigheid", "onderwerp": "passend_werk", "tekst": "Het werk als werkvoorbereider is te zwaar."},
    )  # fmt: skip
    services.vastleggen(
        dossier.werknemer_user, g, "vraag_route", services.vandaag() - dt.timedelta(days=10),
        {"vraag": vraag.pk, "route": "deskundigenoordeel", "aanvrager": "werknemer", "vraagstelling": "Passend?"},
    )  # fmt: skip
    docs = {}
    for soort in SOORTEN:
        if soort.code == "no_risk_informatie":
            continue  # about a placement with a new employer, which this dossier has not: tests/dossier/test_nazorg.py
        user = getattr(u, MAKER.get(soort.code, "casemanager"))
        docs[soort.code] = maken.maken(user, g, soort.code)
    texts = {code: plain(pdf_text(d)) for code, d in docs.items()}
    for code, text in texts.items():
        assert "Dirk Verhoeven" in text and "Bouw BV" in text, code
        assert f"Dossier {g.pk}" in text and "Pagina 1 van" in text, code
        assert f"eerste ziektedag {datum(g.eerste_ziektedag)}" in text, code
        assert "Hernia" not in text, code  # medical data never leaves the medical table
        assert Gebeurtenis.objects.filter(geval=g, code="document_gemaakt", gemaakt_document=docs[code]).exists()
    assert "Zittend werk mogelijk, niet tillen boven 10 kg" in texts["probleemanalyse"]
    assert (
        f"gedaan op {datum(dossier.geval.gebeurtenissen.get(code='probleemanalyse').datum)}, op tijd"
        in texts["probleemanalyse"]
    )
    # the plan document is about the latest plan: the bijstelling, with its evaluations
    assert "Bijstelling plan van aanpak" in texts["plan_van_aanpak"]
    assert "Spoor 1 en oriëntatie op spoor 2" in texts["plan_van_aanpak"]
    assert "Evaluatie week 30" in texts["plan_van_aanpak"] and "Evaluatie week 13" not in texts["plan_van_aanpak"]
    fin = texts["financiele_informatie"]
    assert "€ 4.100,00 bruto per maand" in fin and "IVA" in fin and "Hoe is dit berekend?" in fin
    iva = next(s for s in docs["financiele_informatie"].snapshot["inkomenspad"]["scenarios"] if s["code"] == "iva")
    from spoorwijzer.law.money import euro

    # the existing calculation's figure, not a recomputation (PDF text extraction gives the no-break space as a space)
    assert euro(iva["totaal_cent"]).replace("\xa0", " ") in fin.replace("\xa0", " ")
    assert "Geen terugkeer in eigen organisatie op korte termijn" in texts["eerstejaarsevaluatie"]
    assert "Conform advies arbeidsdeskundige" in texts["eerstejaarsevaluatie"]
    assert "Stabiel beeld; zittend werk 6 uur per dag mogelijk" in texts["actueel_oordeel"]
    assert (
        "Werkvoorbereider of calculator" in texts["tweede_spoor_intake"] and "Werkpad" in texts["tweede_spoor_intake"]
    )
    voortgang = texts["tweede_spoor_voortgang"]
    assert "voortgangsrapportage 2" in voortgang and "Eerste gesprek gehad" in voortgang
    assert "Aannemer De Wit" in voortgang and "Bouwbedrijf Kuipers" not in voortgang  # only since the previous report
    assert "3 sollicitaties en 1 netwerkcontact" in texts["tweede_spoor_eind"]
    riv = texts["re_integratieverslag"]
    for part in ("Deel A — Werkgever", "Deel B — Oordeel van de werknemer", "Deel C — Bijlagen"):
        assert part in riv
    index = docs["re_integratieverslag"].snapshot["bijlagen"]
    titles = [b["titel"] for b in index]
    assert "Verslag deskundigenoordeel UWV" in titles and "Scan van het volledige dossier" in titles
    assert sum(t.startswith("Plan van aanpak") or t.startswith("Bijstelling") for t in titles) == 1
    assert len(index) == 10  # 8 produced documents (all but the verslag) and 2 uploads
    assert "Verslag deskundigenoordeel UWV" in riv and "niet bijgevoegd" in riv and "te groot" in riv
    reader = PdfReader(io.BytesIO(docs["re_integratieverslag"].bestand.open("rb").read()))
    attached = reader.attachments
    assert len(attached) == 9 and not any("scan.pdf" in name for name in attached)
    plan_bijlage = next(n for n in attached if "plan-van-aanpak" in n)
    assert attached[plan_bijlage][0] == docs["plan_van_aanpak"].bestand.open("rb").read()
    assert groot.document.size > MAX_BIJLAGE_BYTES
    assert Auditregel.objects.filter(geval=g, actie="document_maken").count() == len(docs)


def test_a_stored_document_is_produced_again_identically(dossier):
    u, g = dossier.world.users, dossier.geval
    plan = maken.maken(u.casemanager, g, "plan_van_aanpak", dossier.plan.pk)
    riv = maken.maken(u.casemanager, g, "re_integratieverslag")
    # the dossier moves on; the stored documents do not
    services.vastleggen(
        u.casemanager, g, "evaluatie", services.vandaag(), {"verslag": "Nieuwe evaluatie na het verslag"}
    )
    maken.oordeel_geven(dossier.werknemer_user, g, "re_integratieverslag", "eens", "Goed begeleid")
    for doc in (plan, riv):
        stored = doc.bestand.open("rb").read()
        again = maken.opnieuw_maken(GemaaktDocument.objects.get(pk=doc.pk))
        assert again == stored and len(stored) == doc.grootte
    assert "Plan van aanpak" in pdf_text(plan) and "Bijstelling" not in pdf_text(plan)
    newer = maken.maken(u.casemanager, g, "re_integratieverslag")
    assert "Goed begeleid" in pdf_text(newer) and "Goed begeleid" not in pdf_text(riv)


def test_employee_disagreement_is_recorded_and_shown(dossier):
    u, g, wn = dossier.world.users, dossier.geval, dossier.werknemer_user
    with pytest.raises(InvalidInput, match="waarom u het er niet mee eens bent"):
        maken.oordeel_geven(wn, g, str(dossier.plan.pk), "oneens", "  ")
    assert not Gebeurtenis.objects.filter(geval=g, code="oordeel_werknemer").exists()
    with pytest.raises(access.Geweigerd):
        maken.oordeel_geven(u.casemanager, g, str(dossier.plan.pk), "eens", "")
    with pytest.raises(InvalidInput):  # a sollicitatie is not something to agree with
        maken.oordeel_geven(wn, g, str(dossier.gesprek.pk), "eens", "")
    e = maken.oordeel_geven(wn, g, str(dossier.plan.pk), "oneens", "Ik wil eerst opbouwen in mijn eigen werk.")
    assert e.vastgelegd_door == wn and e.rol == "werknemer" and e.vastgelegd_op is not None
    maken.oordeel_geven(wn, g, str(dossier.eje.pk), "eens", "")
    text = plain(pdf_text(maken.maken(u.casemanager, g, "plan_van_aanpak", dossier.plan.pk)))
    assert "Dirk Verhoeven is het hiermee niet eens" in text
    assert "Ik wil eerst opbouwen in mijn eigen werk." in text
    assert f"vastgelegd door Dirk Verhoeven op {datum(e.vastgelegd_op)}" in text
    eje = plain(pdf_text(maken.maken(u.casemanager, g, "eerstejaarsevaluatie")))
    assert "Dirk Verhoeven is het hiermee eens" in eje


def test_access_to_documents(dossier):
    u, g = dossier.world.users, dossier.geval
    for soort in ("probleemanalyse", "actueel_oordeel"):  # the employer cannot produce a bedrijfsarts' document
        for who in (u.werkgever, u.casemanager, u.werknemer):
            with pytest.raises(access.Geweigerd):
                maken.maken(who, g, soort)
    with pytest.raises(access.Geweigerd):
        maken.maken(u.casemanager_zuid, g, "plan_van_aanpak")  # another tenant
    with pytest.raises(access.Geweigerd):
        maken.maken(u.werknemer, g, "re_integratieverslag")
    assert not GemaaktDocument.objects.exists() and not Gebeurtenis.objects.filter(code="document_gemaakt").exists()
    fin = maken.maken(u.werkgever, g, "financiele_informatie")
    assert maken.downloaden(dossier.werknemer_user, g, fin.pk) == fin
    with pytest.raises(access.Geweigerd):
        maken.downloaden(u.reintegratiebedrijf, g, fin.pk)
    with pytest.raises(access.Geweigerd):
        maken.downloaden(u.casemanager_zuid, g, fin.pk)
    assert Auditregel.objects.filter(actie="document_downloaden", object_id=str(fin.pk)).count() == 1
    with pytest.raises(InvalidInput, match="Kies een vastgelegde stap"):
        maken.maken(u.casemanager, g, "plan_van_aanpak", dossier.gesprek.pk)  # not a plan van aanpak


def test_a_document_the_dossier_cannot_support_gets_a_dutch_message(world):
    with pytest.raises(InvalidInput, match="nog geen plan van aanpak"):
        maken.maken(world.users.casemanager, world.bert, "plan_van_aanpak")
    with pytest.raises(InvalidInput, match="nog geen tweede spoor"):
        maken.maken(world.users.casemanager, world.bert, "tweede_spoor_eind")
    assert not GemaaktDocument.objects.exists()


def test_text_withdrawn_as_medical_stays_out_of_the_documents(dossier):
    u, g = dossier.world.users, dossier.geval
    pa = g.gebeurtenissen.get(code="probleemanalyse")
    services.intrekken(u.bedrijfsarts, g, pa, "diagnose")
    text = plain(pdf_text(maken.maken(u.bedrijfsarts, g, "probleemanalyse")))
    assert "Zittend werk mogelijk" not in text and "langer dan 6 maanden" not in text
    assert "De tekst is ingetrokken: hij bevatte een diagnose of oorzaak" in text


def test_the_letter_to_the_employee_speaks_plain_dutch_with_the_dossiers_own_dates_and_amounts(dossier):
    """B1 as Dutch government letters write it: short sentences, 'u', no legal citations in the text (one line at
    the end says where it is written), abbreviations explained; dates from law's schedule and amounts from the
    income paths, the same as the casemanager's pages."""
    import re

    from spoorwijzer import taalgids
    from spoorwijzer.law.money import euro

    u, g = dossier.world.users, dossier.geval
    doc = maken.maken(u.casemanager, g, "brief_werknemer")
    text = plain(pdf_text(doc)).replace("\xa0", " ")
    s = doc.snapshot
    assert "Beste Dirk Verhoeven," in text and "Met vriendelijke groet" in text
    assert f"U bent ziek sinds {datum(g.eerste_ziektedag)}." in text
    sched = services.tijdlijn(g, services.vandaag(), services.actuele_gebeurtenissen(g))
    wia = next(st for st in sched.stappen if st.code == "wia_aanvraag")
    assert f"Doe dat uiterlijk op {datum(wia.uiterlijk)}." in text
    for k in s["komend"]:
        assert k["wat"] in text and not k["wat"].endswith("?.")
    # the wage continuation and what follows: the income paths' own figures, not a recomputation
    pad = services.inkomenspad(u.casemanager, g)
    jaar1 = next(f for f in pad["scenarios"][0]["fasen"] if f["soort"] == "loondoorbetaling")
    assert f"In het eerste jaar krijgt u {euro(jaar1['per_maand_cent'])} per maand.".replace("\xa0", " ") in text
    iva = next(sc for sc in pad["scenarios"] if sc["code"] == "iva")
    na_wia = next(f for f in iva["fasen"] if f["van"] >= pad["wia_start"])
    assert f"U krijgt dan eerst ongeveer {euro(na_wia['per_maand_cent'])} per maand".replace("\xa0", " ") in text
    # plain language: the body (before the line on where it is written) has short sentences and no citations
    # (read from the letter's HTML: in the PDF text the running header and footer of page 2 cut a sentence)
    from spoorwijzer.documents.opmaak import render_html

    html = render_html(DOCUMENT_SOORT["brief_werknemer"].template(), {"s": s, "k": s["kop"], "naam": "", "code": ""})
    letter = plain(re.sub(r"<[^>]+>", " ", html.split('<div class="brief">')[1])).replace("\xa0", " ")
    body = letter.split("Met vriendelijke groet")[0].split("Over: wat er de komende tijd gebeurt")[1]
    sentences = [z for z in re.split(r"(?<=[.?!:])\s+", body) if len(z.split()) > 1]
    lengths = [len(z.split()) for z in sentences]
    assert max(lengths) <= 20, max(zip(lengths, sentences, strict=True))
    assert sum(lengths) / len(lengths) <= 12
    assert "art." not in body and "artikel" not in body and "BW" not in body
    for abbr, voluit in taalgids.afkortingen().items():
        if re.search(rf"\b{abbr}\b", body) and abbr not in ("WIA",):
            assert voluit in text, abbr
    assert "Dat heet de WIA-uitkering." in body  # the one abbreviation left is explained where it appears
    assert "Burgerlijk Wetboek, artikel 7:629" in text  # the basis, once, at the end
    # who reads it: the employee and the employer's side; the provider does not; it is no part of the verslag
    assert access.mag_document_downloaden(dossier.werknemer_user, g, "brief_werknemer")
    assert not access.mag_document_downloaden(u.reintegratiebedrijf, g, "brief_werknemer")
    verslag = maken.maken(u.casemanager, g, "re_integratieverslag")
    assert not any(b["titel"].startswith("Brief aan de werknemer") for b in verslag.snapshot["bijlagen"])
