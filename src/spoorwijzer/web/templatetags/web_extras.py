from django import template

from spoorwijzer import nl
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
    """24 november 2026 (one Dutch date notation for every page)."""
    return nl.datum(value)


@register.filter
def nl_datum_tijd(value):
    return nl.datum_tijd(value) if value else "—"


@register.filter
def nl_procent(value, decimals=2):
    return nl.procent(float(value), int(decimals))
