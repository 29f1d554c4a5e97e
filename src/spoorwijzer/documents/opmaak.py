"""Dutch print formatting and the template engine of the documents (no Django settings needed to render)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django import template
from django.template import Engine

from spoorwijzer.law.money import euro as euro_text
from spoorwijzer.law.tekst import MAANDEN, NL

TEMPLATES = Path(__file__).parent / "templates"

register = template.Library()


def _date(value) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):  # a stored moment: its date in Dutch time (law.tekst.NL)
        return (value.astimezone(NL) if value.tzinfo is not None else value).date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


@register.filter
def datum(value) -> str:
    """'2026-11-24' -> '24 november 2026' (empty stays empty)."""
    d = _date(value)
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}" if d else ""


@register.filter
def maand(value) -> str:
    """'2026-11' -> 'november 2026'."""
    year, month = str(value)[:7].split("-")
    return f"{MAANDEN[int(month) - 1]} {year}"


@register.filter
def euro(cents) -> str:
    """1234567 -> '€ 12.345,67'."""
    return euro_text(cents or 0)


@register.filter
def megabyte(n) -> str:
    """A file size in Dutch notation: 15360 -> '15 kB', 10485760 -> '10,0 MB'."""
    n = n or 0
    if n < 1024 * 1024:
        return f"{max(1, round(n / 1024))} kB"
    return f"{n / (1024 * 1024):.1f} MB".replace(".", ",")


@register.filter
def janee(value) -> str:
    return "ja" if value else "nee"


ENGINE = Engine(
    dirs=[str(TEMPLATES)],
    builtins=["spoorwijzer.documents.opmaak"],
    autoescape=True,
    string_if_invalid="",
)


def render_html(template_name: str, context: dict) -> str:
    return ENGINE.get_template(template_name).render(template.Context(context))


@register.filter
def aandeel(value, decimals=1) -> str:
    """A share 0.4567 -> '45,7%' (law/tekst's notation); no value -> '—'."""
    from spoorwijzer.law.tekst import procent

    return "—" if value in (None, "") else procent(100 * float(value), int(decimals))


@register.filter
def getal2(value) -> str:
    """A figure with two decimals and a decimal comma; no value -> '—'."""
    return "—" if value in (None, "") else f"{float(value):.2f}".replace(".", ",")


def weasyprint():
    """WeasyPrint, loaded when a PDF is made (its import loads Pango); without Pango a Dutch message for the
    user instead of an OSError. One place for every kind of PDF: documents, quality file, the employee's copy."""
    try:
        import weasyprint as wp
    except OSError as exc:
        from spoorwijzer.law.errors import InvalidInput

        raise InvalidInput(
            "PDF-documenten maken lukt op deze server niet: systeembibliotheken ontbreken (Pango). "
            "De beheerder installeert ze met scripts/system-packages.sh."
        ) from exc
    return wp


@register.filter
def termijn(n, eenheid):
    """'week 6', 'dag 2', 'elke 6 weken' (nl.termijn: one wording for the policy page and the quality file)."""
    from spoorwijzer import nl

    return nl.termijn(n, eenheid)


@register.filter
def tijdstip(value) -> str:
    """'2026-11-25 00:24' (a moment as the exports keep it, Dutch time) -> '25 november 2026 om 00:24'."""
    text = str(value or "")
    if len(text) < 16:
        return datum(text) if text else ""
    return f"{datum(text[:10])} om {text[11:16]}"
