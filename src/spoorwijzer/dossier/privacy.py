"""What non-doctors may not read: a warning when free text looks medical (AVG; Autoriteit
Persoonsgegevens on sickness absence: no diagnosis, cause or treatment in the employer's file).

The texts that the employer, the employee, the labour expert and the re-integratiebedrijf read
include the bedrijfsarts's own probleemanalyse and advice: those are written *for* the employer
and must hold no diagnosis either. So every role's free text is checked.

The check is linear in the length of the text: the text is cut into words once, and each word is
looked up in sets (whole words, beginnings, endings, and pairs of words). No regular expression
over the word list, so no backtracking whatever is typed. Text beyond ``MAX_TEKENS`` is not
checked; the forms refuse longer text anyway.

It is a hint, not a judgement: the user may confirm that the text is not medical.
"""

from __future__ import annotations

import re
import unicodedata

MAX_TEKENS = 50_000

# whole words (after lower-casing and removing accents)
WOORDEN = frozenset(
    [
        "diagnose",
        "diagnoses",
        "gediagnosticeerd",
        "depressie",
        "depressief",
        "depressieve",
        "burnout",
        "overspannen",
        "overspannenheid",
        "overspanning",
        "kanker",
        "tumor",
        "tumoren",
        "chemo",
        "chemokuur",
        "chemotherapie",
        "bestraling",
        "bestralingen",
        "hernia",
        "artrose",
        "reuma",
        "reumatoide",
        "diabetes",
        "suikerziekte",
        "hartinfarct",
        "herseninfarct",
        "beroerte",
        "migraine",
        "angststoornis",
        "paniekaanval",
        "paniekaanvallen",
        "ptss",
        "adhd",
        "autisme",
        "autistisch",
        "psychose",
        "psychotisch",
        "bipolair",
        "manisch",
        "verslaving",
        "verslaafd",
        "alcoholisme",
        "alcoholist",
        "zwanger",
        "zwangerschap",
        "miskraam",
        "operatie",
        "operaties",
        "geopereerd",
        "ziekenhuis",
        "ziekenhuisopname",
        "psycholoog",
        "psychologe",
        "psychiater",
        "psychiatrie",
        "medicatie",
        "medicijn",
        "medicijnen",
        "antidepressiva",
        "antidepressivum",
        "pijnstillers",
        "slaappillen",
        "whiplash",
        "covid",
        "corona",
        "ms",
        "fibromyalgie",
        "ggz",
        "kliniek",
        "revalidatie",
        "revalidatiecentrum",
        "huisarts",
        "neuroloog",
        "cardioloog",
        "orthopeed",
        "oncoloog",
        "chirurg",
        "fysiotherapeut",
        "fysiotherapie",
        "fysio",
        "oefentherapie",
        "ergotherapie",
        "therapie",
        "therapeut",
        "behandelaar",
        "psychotherapie",
        "eczeem",
        "astma",
        "copd",
        "epilepsie",
        "hiv",
        "aids",
        "dementie",
        "parkinson",
        "alzheimer",
        "lymfeklier",
        "ontsteking",
        "infectie",
        "griep",
        "longontsteking",
        "blindedarm",
        "galblaas",
        "nierstenen",
        "fractuur",
        "ingezakt",
        "slapeloosheid",
        "insomnia",
        "trauma",
        "getraumatiseerd",
        "suicidaal",
        "suicide",
        "zelfmoord",
        "eetstoornis",
        "anorexia",
        "boulimia",
        "obesitas",
        # added after an outside review: examinations, specialists and diagnoses a reader expects caught
        "mri",
        "mri-scan",
        "ct-scan",
        "rontgen",
        "rontgenfoto",
        "bloedonderzoek",
        "antibiotica",
        "pillen",
        "hartaanval",
        "cva",
        "schizofrenie",
        "borderline",
        "ocd",
        "lupus",
        "internist",
        "longarts",
        "gynaecoloog",
        "uroloog",
        "dermatoloog",
        "reumatoloog",
        "psychosomatisch",
        "ziektebeeld",
        "symptomen",
        "slaapproblemen",
        "somber",
        "somberheid",
        "angstklachten",
        "concentratieproblemen",
        "geheugenproblemen",
    ]
)
# beginnings of words ("depressi" catches depressieklachten, "fysiotherap" fysiotherapeute)
BEGINNINGS = (
    "diagnos",
    "depressi",
    "burnout",
    "overspann",
    "psychiat",
    "psycholog",
    "psychotherap",
    "fysiotherap",
    "medicatie",
    "medicijn",
    "antidepress",
    "chemo",
    "oncolo",
    "ziekenhuis",
    "revalidatie",
    "angststoorn",
    "angstaanv",
    "paniekaanv",
    "methadon",
    "slaapmedic",
    "hartinfarct",
    "herseninfarct",
    "hersenschudding",
    "hernia",
    "kanker",
    "borstkanker",
    "fibromyalg",
    "verslav",
)
# endings of compound words ("rugklachten", "hoofdpijn", "knieblessure", "longkanker")
ENDINGS = (
    "klachten",
    "klacht",
    "pijn",
    "pijnen",
    "letsel",
    "blessure",
    "ontsteking",
    "stoornis",
    "stoornissen",
    "kanker",
    "infarct",
    "fractuur",
    "therapie",
    "therapeut",
    "operatie",
    "ziekte",
    "ziektes",
    "aandoening",
    "tumor",
    "medicatie",
    "infectie",
)
# a compound ending is only medical after a real first part: "klachten" alone ("klachten van klanten") and
# "ziekte" alone (this whole product is about sickness) are not flagged, and neither are these words
NIET_MEDISCH = frozenset(
    [
        "klachten",
        "klacht",
        "klachtenregeling",
        "klachtencommissie",
        "klantklacht",
        "klantklachten",
        "pijn",
        "ziekte",
        "ziektes",
        "ziektewet",
        "verzuimziekte",
        "bedrijfsoperatie",
        "cooperatie",
    ]
)
# two words together ("burn out", "psychische klachten", "long covid", "gebroken been")
PAREN = frozenset(
    {
        ("burn", "out"),
        ("slaapt", "slecht"),
        ("slapen", "slecht"),
        ("slaap", "slecht"),
        ("long", "covid"),
        ("psychische", "klachten"),
        ("psychische", "problemen"),
        ("psychische", "aandoening"),
        ("lichamelijke", "klachten"),
        ("fysieke", "klachten"),
        ("mentale", "klachten"),
        ("mentale", "problemen"),
        ("medische", "behandeling"),
        ("onder", "behandeling"),
        ("in", "behandeling"),
        ("gebroken", "been"),
        ("gebroken", "arm"),
        ("gebroken", "pols"),
        ("hoge", "bloeddruk"),
        ("chronisch", "ziek"),
        ("medisch", "specialist"),
    }
)

_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")  # a word, hyphenated parts kept together: linear, no nesting


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _medical(word: str) -> bool:
    bare = word.replace("-", "")
    if bare in NIET_MEDISCH:
        return False
    if bare in WOORDEN or word in WOORDEN:
        return True
    if any(bare.startswith(b) for b in BEGINNINGS):
        return True
    return any(bare.endswith(e) and len(bare) > len(e) + 1 for e in ENDINGS)


def medische_woorden(tekst: str) -> list[str]:
    """The medical-looking words or word pairs in a text (lower case, unique, in order of appearance)."""
    found: list[str] = []
    previous = ""
    for m in _WORD.finditer(_plain((tekst or "")[:MAX_TEKENS])):
        word = m.group(0)
        hit = None
        if (previous, word) in PAREN:
            hit = f"{previous} {word}"
        elif _medical(word):
            hit = word
        if hit and hit not in found:
            found.append(hit)
        previous = word
    return found
