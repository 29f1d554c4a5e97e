"""Dutch names of the aftercare's stored codes (the catalogue's and law's labels; never a raw code on a page)."""

from __future__ import annotations

from django import template

from spoorwijzer.dossier.catalogus import NAZORG_SIGNALEN, NAZORG_UITKOMSTEN
from spoorwijzer.law.nazorg import DOELGROEPEN

register = template.Library()


@register.filter
def nazorg_signaal(code):
    return dict(NAZORG_SIGNALEN).get(str(code), "onbekend signaal")


@register.filter
def nazorg_status(code):
    return dict(NAZORG_UITKOMSTEN).get(str(code), "onbekend").lower()


@register.filter
def no_risk_groep(code):
    naam = DOELGROEPEN.get(str(code), "onbekende groep")
    return naam[:1].lower() + naam[1:]  # in a sentence; "WIA" stays in capitals
