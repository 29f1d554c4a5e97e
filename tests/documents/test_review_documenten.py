"""Review findings on documents: a re-integratieverslag made before its earliest date is a CONCEPT (in the PDF
and warned on the page), and an amount's label does not repeat the unit of its euro value."""

from __future__ import annotations

import datetime as dt
import io

from django.test import Client
from pypdf import PdfReader

from spoorwijzer.documents import maken
from spoorwijzer.dossier.models import GemaaktDocument
from spoorwijzer.law.tekst import datum as nl_datum
from tests.world import PASSWORD


def pdf_text(doc) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(doc.bestand.open("rb").read())).pages)


def test_a_re_integratieverslag_in_week_61_is_marked_concept_and_warned(world):
    g = world.anna  # week 61; the verslag is sensible from week 87 (18 weeks before the end of the wachttijd)
    vroegst = g.eerste_ziektedag + dt.timedelta(weeks=86)
    c = Client()
    assert c.login(username=world.users.casemanager.username, password=PASSWORD)
    page = c.get(f"/dossier/{g.pk}/documenten/").content.decode()
    assert "data-riv-concept" in page and nl_datum(vroegst) in page and "CONCEPT" in page
    r = c.post(f"/dossier/{g.pk}/documenten/maken/", {"soort": "re_integratieverslag"}, follow=True)
    doc = GemaaktDocument.objects.get(geval=g, soort="re_integratieverslag")
    assert doc.titel.startswith("CONCEPT Re-integratieverslag")
    assert "merkteken CONCEPT" in r.content.decode()
    text = pdf_text(doc)
    assert "CONCEPT" in text and "ziekteweek 87" in text
    assert maken.opnieuw_maken(doc) == doc.bestand.open("rb").read()  # reproducible from its snapshot


def test_a_final_re_integratieverslag_has_no_concept_mark(dossier):
    doc = maken.maken(dossier.world.users.casemanager, dossier.geval, "re_integratieverslag")  # week 96
    assert doc.snapshot["concept"] is None and "CONCEPT" not in pdf_text(doc)
    # amounts: the value is '€ 4.100,00', so the label does not say '(euro)' again
    assert "(euro)" not in pdf_text(doc) and "maatmaninkomen per maand: €\xa04.100,00" in pdf_text(doc)
