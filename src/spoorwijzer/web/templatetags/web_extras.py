import re

from django import template

from spoorwijzer import nl, taalgids
from spoorwijzer.law.money import euro as euro_text

register = template.Library()


@register.filter
def euro(cents):
    return euro_text(cents or 0)


@register.filter
def get_item(mapping, key):
    value = mapping.get(key)
    return getattr(value, "naam", value) if value is not None else key


@register.filter
def getal(value):
    """A number the Dutch way: 50,5 (no trailing zeros)."""
    from spoorwijzer.web.weergave import getal as fmt

    return "" if value in (None, "") else fmt(value)


@register.filter
def nl_datum(value):
    """24 november 2026 (one Dutch date notation for every page); text that is no date stays as it is."""
    try:
        return nl.datum(value)
    except (TypeError, ValueError, AttributeError):
        return value


@register.filter
def nl_maand(value):
    """november 2026, from a date or '2026-11'."""
    if not value:
        return "—"
    return nl.maand(value if isinstance(value, str) else f"{value:%Y-%m}")


@register.filter
def nl_datum_tijd(value):
    return nl.datum_tijd(value) if value else "—"


@register.filter
def nl_procent(value, decimals=2):
    return nl.procent(float(value), int(decimals))


@register.filter
def statusnaam(status):
    """A step's status in words (law's STATUS_NAAM): the one wording of the case page, dashboard and work queues."""
    from spoorwijzer.law.poortwachter import STATUS_NAAM, Status

    try:
        return STATUS_NAAM[Status(status)]
    except ValueError:
        return status


@register.filter
def stapnaam(naam, volgnummer=None):
    return nl.stapnaam(naam, volgnummer)


@register.simple_tag(takes_context=True)
def voluit(context, text):
    """For the employee: each abbreviation written out the first time on the page (docs/glossary.md).
    Other roles read the field's usual abbreviations."""
    rol = context.get("rol")
    if text is None:
        return text
    text = nl_tekst(text)
    if getattr(rol, "rol", None) != "werknemer":
        return text
    request = context.get("request")
    gezien = request.__dict__.setdefault("_voluit_gezien", set()) if request is not None else set()
    return taalgids.voluit(str(text), gezien)


@register.filter
def nl_tekst(text):
    """Law's texts (receipts, explanations) with their ISO dates in the one Dutch notation."""
    text = re.sub(r"\b(\d{4}-\d{2}-\d{2})\b", lambda m: nl.datum(m.group(1)), str(text))
    return re.sub(
        r"\b(\d{1,2})-(\d{1,2})-(\d{4})\b",
        lambda m: nl.datum(f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"),
        text,
    )


@register.filter
def svg(value):
    """An inline SVG chart without style attributes (web/koppen.py), so it draws under the strict CSP."""
    from django.utils.safestring import mark_safe

    from spoorwijzer.web.koppen import svg_zonder_stijl

    return mark_safe(svg_zonder_stijl(str(value or "")))  # noqa: S308 (our own chart, generated server-side)


@register.filter
def termijn(n, eenheid):
    """'week 6', 'dag 2', 'elke 6 weken' (nl.termijn: one wording for the policy page and the quality file)."""
    from spoorwijzer import nl

    return nl.termijn(n, eenheid)
