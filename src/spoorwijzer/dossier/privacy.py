"""What the employer may not record: a warning when free text looks medical (AVG; AP guidance on
sickness absence: no diagnosis, cause or treatment in the employer's file)."""

from __future__ import annotations

import re

# Words that usually mean a diagnosis, treatment or medical detail. A hint, not a judgement:
# the user may confirm that the text is not medical.
MEDISCHE_WOORDEN = (
    "diagnose",
    "depressie",
    "depressief",
    "burn-out",
    "burnout",
    "overspannen",
    "kanker",
    "tumor",
    "chemo",
    "hernia",
    "artrose",
    "reuma",
    "diabetes",
    "hartinfarct",
    "herseninfarct",
    "beroerte",
    "migraine",
    "angststoornis",
    "paniekaanval",
    "ptss",
    "adhd",
    "autisme",
    "psychose",
    "bipolair",
    "verslaving",
    "alcoholisme",
    "zwanger",
    "miskraam",
    "operatie",
    "geopereerd",
    "ziekenhuis",
    "fysiotherap",
    "psycholoog",
    "psychiater",
    "medicatie",
    "medicijn",
    "antidepressiva",
    "behandeling",
    "therapie",
    "whiplash",
    "covid",
    "long covid",
    "ms ",
    "fibromyalgie",
)
# the whole word around a hit, so the warning quotes what the user typed ("depressief", "fysiotherapeut")
_PATTERN = re.compile(r"\w*(?:" + "|".join(re.escape(w) for w in MEDISCHE_WOORDEN) + r")\w*", re.IGNORECASE)


def medische_woorden(tekst: str) -> list[str]:
    """The medical-looking words in a text (lower case, unique, in order)."""
    found: list[str] = []
    for m in _PATTERN.finditer(tekst or ""):
        word = m.group(0).strip().lower()
        if word not in found:
            found.append(word)
    return found
