from django import template

from spoorwijzer.law.money import euro as euro_text

register = template.Library()


@register.filter
def euro(cents):
    return euro_text(cents or 0)


@register.filter
def get_item(mapping, key):
    value = mapping.get(key)
    return getattr(value, "naam", value) if value is not None else key
