"""The RIV-toets findings that concern the employee, in plain words (B1 Dutch, no codes or legal terms), each
with what the employee can do. Presentation only: the findings come from law/toets.py through dossier/toets.py;
which rule a text belongs to is keyed by the rule's code. Findings that are the employer's business alone (the
42nd-week report to UWV, the expected loonsanctie and its cost) are not shown here."""

from __future__ import annotations

from django.urls import reverse

from spoorwijzer.dossier import access, services
from spoorwijzer.dossier import toets as dossier_toets
from spoorwijzer.law.errors import LawError

# rule code -> (what is the matter, what you can do, action: None | "zoeken" | "mening")
UITLEG: dict[str, tuple[str, str, str | None]] = {
    "probleemanalyse": (
        "De bedrijfsarts heeft nog niet (op tijd) opgeschreven wat u wel en niet kunt.",
        "Vraag uw casemanager wanneer u met de bedrijfsarts praat.",
        None,
    ),
    "plan_van_aanpak": (
        "Er staan nog geen afspraken op papier over hoe u weer aan het werk gaat.",
        "Vraag uw werkgever of casemanager om samen een plan te maken. U mag zelf ook ideeën geven.",
        None,
    ),
    "evaluaties": (
        "U en uw werkgever hebben de afspraken niet vaak genoeg samen besproken.",
        "Vraag om een gesprek over hoe het gaat. Zeg in dat gesprek wat u ervan vindt.",
        None,
    ),
    "routekeuze": (
        "Er is nog niet goed vastgelegd welke weg u gaat: terug naar werk bij uw eigen werkgever, of werk "
        "zoeken bij een andere werkgever. Of u het met die keuze eens bent, staat er ook nog niet bij.",
        "Vraag uw casemanager naar het advies van de arbeidsdeskundige. Zeg of u het eens bent met de keuze.",
        None,
    ),
    "eerstejaarsevaluatie": (
        "Het gesprek over uw eerste ziektejaar is niet (op tijd) gehouden.",
        "Vraag uw werkgever om dit gesprek. Daarin kijkt u samen of werk bij uw eigen werkgever nog kan.",
        None,
    ),
    "tweede_spoor": (
        "Het zoeken naar werk bij een andere werkgever is niet op tijd begonnen.",
        "Vraag uw casemanager wanneer dit begint en wie u helpt. Zelf solliciteren mag altijd: leg het hier vast.",
        "zoeken",
    ),
    "re_integratieplan": (
        "Het plan voor het zoeken naar ander werk is nog niet compleet.",
        "Vraag uw begeleider om het plan samen met u door te nemen.",
        None,
    ),
    "zoekprofiel": (
        "Het kan zijn dat de lijst met functies waarnaar u zoekt te klein is, of dat niet duidelijk is waarom "
        "juist deze functies.",
        "Bespreek met uw begeleider welk ander werk ook bij u past.",
        None,
    ),
    "passend_werk_verbreding": (
        "Hoe langer u ziek bent, hoe meer soorten werk als passend voor u gelden. Daar is nog niet genoeg "
        "naar gekeken.",
        "Bespreek met uw begeleider welk ander werk u ook zou kunnen doen.",
        None,
    ),
    "zoekactiviteit": (
        "In een of meer maanden staat geen sollicitatie en geen contact met een werkgever in uw dossier.",
        "Leg elke sollicitatie en elk gesprek vast, ook als u het zelf deed. UWV kijkt hier later naar.",
        "zoeken",
    ),
    "stil_traject": (
        "De laatste weken staat er geen sollicitatie en geen contact met een werkgever in uw dossier.",
        "Heeft u wel gesolliciteerd of met iemand gepraat? Leg het vast. Zo niet: vraag uw begeleider om hulp.",
        "zoeken",
    ),
    "traject_einde": (
        "Het zoeken naar werk bij een andere werkgever is gestopt zonder dat u werk heeft gevonden.",
        "Vraag uw werkgever om samen een nieuw plan te maken.",
        None,
    ),
    "interventies": (
        "Er staat nog niet in uw dossier of de hulp die u krijgt (bijvoorbeeld een training of cursus) past bij "
        "het advies van de deskundigen.",
        "Vraag uw casemanager of uw hulp past bij het advies. Mist u hulp? Zeg het.",
        None,
    ),
    "arbeidstherapeutisch": (
        "U werkt al langer 'op proef' dan de bedoeling is. Dat werk telt nog niet als gewoon werk.",
        "Vraag uw werkgever om afspraken over de volgende stap: gewoon werk met loon, of een ander plan.",
        None,
    ),
    "actueel_oordeel": (
        "De bedrijfsarts heeft nog geen nieuw oordeel gegeven over wat u nu kunt.",
        "Vraag uw casemanager om een afspraak met de bedrijfsarts.",
        None,
    ),
    "eindevaluatie": (
        "Het laatste gesprek met uw werkgever over de afgelopen periode is nog niet gehouden.",
        "Vraag uw werkgever om dit gesprek.",
        None,
    ),
    "oordeel_werknemer": (
        "Uw eigen mening over hoe het ging staat nog niet in het verslag voor UWV.",
        "Schrijf op wat u vindt. Dat kan hier; het komt dan in het verslag.",
        "mening",
    ),
}
ERNST = {"tekortkoming": "Dit is niet in orde", "risico": "Let op"}


def punten(user, geval, today, events=None) -> list[dict] | None:
    """The findings that concern the employee, most serious first; None when the toets cannot run."""
    events = services.actuele_gebeurtenissen(geval) if events is None else events
    try:
        u = dossier_toets.toets(geval, events, today)
    except LawError:
        return None
    if u is None:
        return None
    codes = set(access.codes_voor(user))
    out = []
    for b in sorted(u.bevindingen, key=lambda b: b.oordeel != "tekortkoming"):
        if b.oordeel not in ERNST or b.code not in UITLEG:
            continue
        wat, doen, actie = UITLEG[b.code]
        link = None
        if actie == "zoeken" and "sollicitatie" in codes:
            link = (reverse("gebeurtenis_nieuw", args=[geval.pk, "sollicitatie"]), "Sollicitatie vastleggen")
        elif actie == "mening":
            link = (reverse("documenten", args=[geval.pk]) + "#oordeel", "Mijn mening geven")
        out.append(
            {
                "code": b.code,
                "ernst": ERNST[b.oordeel],
                "css": b.oordeel,
                "wat": wat,
                "doen": doen,
                "uiterlijk": b.herstel_uiterlijk if b.herstel_uiterlijk and b.herstel_uiterlijk > today else None,
                "link": link,
            }
        )
    return out
