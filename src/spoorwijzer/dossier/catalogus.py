"""Every kind of event a dossier can hold: its Dutch name, who may record it, and its fields.

Declared once: the forms, the validation and the access rules all read this table. Step codes
are the codes of law.poortwachter.STEPS, so a recorded step marks that step done.
"""

from __future__ import annotations

from dataclasses import dataclass

from spoorwijzer.dossier.models import AFSLUITREDENEN
from spoorwijzer.law import afwijking as afw
from spoorwijzer.law.geschillen import ONDERWERPEN, ROUTES
from spoorwijzer.law.loonmaatregel import EINDE_GEVOLGEN, GRONDEN
from spoorwijzer.law.nazorg import DOELGROEPEN as NO_RISK_DOELGROEPEN
from spoorwijzer.law.poortwachter import STEP_BY_CODE, TWEEDE_SPOOR_UITZONDERINGEN
from spoorwijzer.law.vroegst import BUILDS_ON, EARLIEST

CM, WG, WN, BA, AD, RB = (
    "casemanager",
    "werkgever",
    "werknemer",
    "bedrijfsarts",
    "arbeidsdeskundige",
    "reintegratiebedrijf",
)


@dataclass(frozen=True)
class Veld:
    naam: str
    soort: str  # tekst | regel | keuze | bedrag | getal | percentage | bool | datum
    label: str
    verplicht: bool = False
    keuzes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Soort:
    code: str
    naam: str
    groep: str  # periode | stap | beoordeling | spreekuur | keuze | tweede_spoor | uwv | document | dossier
    rollen: frozenset[str]
    velden: tuple[Veld, ...] = ()


def toonlabel(veld: Veld) -> str:
    """The label beside a shown value: an amount is shown as '€ 3.400,00', so the form's '(euro)' goes."""
    return veld.label.replace(" (euro)", "") if veld.soort == "bedrag" else veld.label


def _s(code, naam, groep, rollen, *velden):
    return Soort(code, naam, groep, frozenset(rollen), tuple(velden))


def _step(code, rollen, *velden):
    # a step the law allows before its earliest sensible date asks why (law.vroegst)
    rule = EARLIEST.get(code)
    if rule is not None and rule.vroeg_toegestaan:
        velden = (
            *velden,
            Veld("reden_vroeg", "tekst", "Reden om eerder dan de vroegste datum (alleen indien van toepassing)"),
        )
    pre = BUILDS_ON.get(code)  # a step that builds on another asks why when that one is missing
    if pre is not None:
        velden = (*velden, Veld("reden_zonder", "tekst", f"{pre.reden_label} (alleen indien van toepassing)"))
    return _s(code, STEP_BY_CODE[code].naam, "stap", rollen, *velden)


MOTIVATIE = Veld("motivatie", "tekst", "Motivatie", verplicht=True)
INSTEMMING = (
    Veld("instemming_werkgever", "bool", "De werkgever stemt in"),
    Veld("instemming_werknemer", "bool", "De werknemer stemt in"),
)
ZOEKPROFIEL_BASES = (
    ("belastbaarheid_en_arbeidsmarkt", "Belastbaarheid en arbeidsmarkt"),
    ("arbeidsdeskundig_onderzoek", "Arbeidsdeskundig onderzoek"),
    ("wens_werknemer", "Alleen de wens van de werknemer"),
)
OORDEEL_ONDERWERPEN = (
    ("interventies_volgen_advies", "De interventies volgen het advies"),
    ("zoekprofiel_passend", "Het zoekprofiel omvat het passende werk dat de belastbaarheid toelaat"),
    ("geen_benutbare_mogelijkheden", "Geen benutbare mogelijkheden en geen herstel te verwachten (bedrijfsarts)"),
    ("hervatting_sluit_aan", "De werkhervatting sluit aan bij de mogelijkheden"),
    ("arbeidstherapeutisch_verantwoord", "Langer arbeidstherapeutisch werken is verantwoord (bedrijfsarts)"),
)
TRAJECT_UITKOMSTEN = (
    ("plaatsing", "Plaatsing bij een andere werkgever"),
    ("eigen_werkgever", "Werk bij de eigen werkgever"),
    ("geen_resultaat", "Geen resultaat"),
)
SPOREN = (("spoor_1", "Spoor 1: eigen werkgever"), ("spoor_2", "Spoor 2: andere werkgever"), ("beide", "Beide sporen"))
INTERVENTIES = tuple(
    (c, c.replace("_", " ").capitalize())
    for c in (
        "rouwverwerking",
        "sollicitatietraining",
        "scholing",
        "jobhunting",
        "coaching",
        "werkfit",
        "loopbaanonderzoek",
        "anders",
    )
)
PLAATSINGEN = tuple(
    (c, c.capitalize())
    for c in ("proefplaatsing", "detachering", "stage", "vrijwilligerswerk", "werkervaringsplaats", "contract")
)

NAZORG_SIGNALEN = (
    ("geen", "Geen signaal"),
    ("verzuim", "Kort verzuim of ziekmelding"),
    ("belasting", "Werk te zwaar of te veel uren"),
    ("conflict", "Spanning of conflict op het werk"),
    ("prive", "Verandering in de privésituatie"),
)
NAZORG_UITKOMSTEN = (
    ("werkt", "Werkt nog op deze plek"),
    ("werkt_elders", "Werkt bij een andere werkgever"),
    ("uitgevallen", "Opnieuw uitgevallen door ziekte"),
    ("gestopt", "Werkt niet meer (andere reden)"),
)
VRAAG_ID = Veld("vraag", "getal", "Over de vraag", True)
VRAGEN_SOORTEN = (
    _s(
        "vraag",
        "Vraag of onenigheid",
        "vragen",
        {WN, WG, CM},
        Veld("soort", "keuze", "Soort", True, (("vraag", "Vraag"), ("onenigheid", "Onenigheid"))),
        Veld("onderwerp", "keuze", "Waarover", True, tuple(ONDERWERPEN.items())),
        Veld("tekst", "tekst", "Uw vraag of waar u het niet mee eens bent", True),
    ),
    _s(
        "vraag_antwoord",
        "Antwoord op een vraag",
        "vragen",
        {CM, BA, WG},
        VRAAG_ID,
        Veld("antwoord", "tekst", "Antwoord", True),
    ),
    _s(
        "vraag_route",
        "Formele route gekozen",
        "vragen",
        {WN, WG, CM},
        VRAAG_ID,
        Veld("route", "keuze", "Route", True, tuple((r.code, r.naam) for r in ROUTES)),
        Veld("aanvrager", "keuze", "Aangevraagd door", True, (("werknemer", "Werknemer"), ("werkgever", "Werkgever"))),
        Veld("vraagstelling", "tekst", "Vraagstelling", True),
    ),
    _s(
        "vraag_uitkomst",
        "Uitkomst van een vraag of geschil",
        "vragen",
        {CM, WG},
        VRAAG_ID,
        Veld("uitkomst", "tekst", "Uitkomst", True),
        Veld(
            "gevolg",
            "keuze",
            "Gevolg in het dossier",
            True,
            (
                ("geen", "Geen verdere gevolgen"),
                ("maatregel_opgeheven", "De loonstop of loonopschorting wordt opgeheven"),
                ("plan_bijgesteld", "Het plan van aanpak wordt bijgesteld"),
                ("nieuwe_termijn", "Er is een nieuwe afspraak met een termijn"),
            ),
        ),
        Veld(
            "gevolg_loon",
            "keuze",
            "Bij opheffen: wat er met het ingehouden loon gebeurt",
            False,
            tuple(EINDE_GEVOLGEN.items()),
        ),
        Veld("vervolg", "regel", "Afspraak (bij een nieuwe termijn)"),
        Veld("vervolg_uiterlijk", "datum", "Afspraak uiterlijk op"),
    ),
)

SOORTEN: tuple[Soort, ...] = (
    _s("ziekmelding", "Ziekmelding (begin ziekteperiode)", "periode", {CM, WG}),
    _s("herstelmelding", "Hersteld (eerste dag weer volledig aan het werk)", "periode", {CM, WG}),
    _s(
        "afsluiting",
        "Dossier afsluiten",
        "dossier",
        {CM, WG},
        Veld("reden", "keuze", "Reden", True, tuple(AFSLUITREDENEN)),
    ),
    _s(
        "heropening",
        "Dossier heropenen",
        "dossier",
        {CM, WG},
        Veld("reden", "tekst", "Waarom het dossier weer open moet", True),
    ),
    # partial work does not end the sick period for the wachttijd (WIA art. 23); it is recorded with its share
    _s(
        "gedeeltelijk_herstel",
        "Gedeeltelijk hersteld (deels aan het werk)",
        "periode",
        {CM, WG},
        Veld("percentage_uren", "percentage", "Percentage van de contracturen dat wordt gewerkt", True),
        Veld("werk", "regel", "Welk werk (eigen, aangepast of ander werk)"),
    ),
    _step("ziekmelding_arbodienst", {CM, WG}),
    _step(
        "probleemanalyse",
        {BA},
        Veld("mogelijkheden", "tekst", "Benutbare mogelijkheden en beperkingen (geen diagnose)", True),
        Veld("verwachte_duur", "regel", "Verwachte duur van het verzuim"),
    ),
    _step(
        "plan_van_aanpak",
        {CM, WG},
        Veld("activiteiten", "tekst", "Activiteiten, doelen en termijnen", True),
        Veld("reintegratievisie", "tekst", "Re-integratievisie van werkgever en werknemer"),
        Veld("casemanager", "regel", "Casemanager (contactpersoon)", True),
    ),
    _step(
        "financiele_informatie",
        {CM, WG},
        Veld("besproken", "tekst", "Besproken inkomensgevolgen (zie het inkomenspad)", True),
    ),
    _step("evaluatie", {CM, WG}, Veld("verslag", "tekst", "Verslag en eventuele bijstelling", True)),
    _step("melding_uwv", {CM, WG}),
    _step(
        "arbeidsdeskundig_advies",
        {AD},
        Veld("routeadvies", "keuze", "Routeadvies", True, SPOREN),
        Veld("maatmaninkomen", "bedrag", "WIA-prognose: maatmaninkomen per maand (euro)"),
        Veld("resterende_verdiencapaciteit", "bedrag", "WIA-prognose: resterende verdiencapaciteit per maand (euro)"),
        Veld("duurzaam", "bool", "Volledige arbeidsongeschiktheid naar verwachting duurzaam"),
        Veld("motivatie", "tekst", "Onderbouwing", True),
    ),
    _step(
        "eerstejaarsevaluatie",
        {CM, WG},
        Veld("verslag", "tekst", "Verslag, inclusief de afweging spoor 2", True),
        Veld(
            "concreet_perspectief",
            "bool",
            "Conclusie: concreet perspectief op structurele hervatting in de eigen organisatie op korte termijn",
        ),
    ),
    _step(
        "start_tweede_spoor",
        {CM, WG},
        Veld("reintegratiebedrijf", "keuze", "Re-integratiebedrijf (leeg als de werkgever het zelf doet)"),
    ),
    _step("uwv_wia_brief", {CM, WG, WN}),
    _step(
        "actueel_oordeel", {BA}, Veld("oordeel", "tekst", "Verloop, beperkingen en mogelijkheden (geen diagnose)", True)
    ),
    _step("eindevaluatie", {CM, WG}, Veld("verslag", "tekst", "Verslag", True)),
    _step("re_integratieverslag", {CM, WG}, Veld("oordeel_werknemer", "tekst", "Oordeel van de werknemer")),
    _step("wia_aanvraag", {WN, CM}),
    _s(
        "belastbaarheid",
        "Belastbaarheid (FML) vastgesteld",
        "beoordeling",
        {BA},
        Veld("beperkingen", "tekst", "Functionele beperkingen (geen diagnose)", True),
        Veld("uren_per_dag", "getal", "Belastbaar uren per dag"),
    ),
    _s(
        "routekeuze",
        "Routekeuze spoor 1 / spoor 2",
        "keuze",
        {CM, WG},
        Veld("spoor", "keuze", "Route", True, SPOREN),
        MOTIVATIE,
        *INSTEMMING,
    ),
    _s(
        "tweede_spoor_uitzondering",
        "Geen tweede spoor (uitzondering)",
        "keuze",
        {CM},
        Veld("grond", "keuze", "Grond", True, tuple(TWEEDE_SPOOR_UITZONDERINGEN.items())),
        MOTIVATIE,
        *INSTEMMING,
    ),
    _s(
        "afwijking_voorkeur",
        "Gemotiveerde afwijking van een voorkeursdatum",
        "keuze",
        {CM, WG},
        Veld("stap", "keuze", "Stap", True, tuple((s, STEP_BY_CODE[s].naam) for s in STEP_BY_CODE)),
        MOTIVATIE,
    ),
    # a legal deadline departed from with a deugdelijke grond (law/afwijking.py): a person's judgement, recorded
    _s(
        afw.EVENT,
        "Afwijking van een wettelijke termijn (deugdelijke grond)",
        "keuze",
        {CM, WG},
        Veld("stap", "keuze", "Stap", True, tuple((s, STEP_BY_CODE[s].naam) for s in afw.AFWIJKBAAR)),
        Veld("grond", "keuze", "Grond", True, afw.GRONDEN),
        Veld("motivatie", "tekst", "Motivering (geen diagnose)", True),
        Veld("nieuwe_datum", "datum", "Nieuwe datum waarop de stap gebeurt (leeg als hij al gedaan is)"),
        Veld("oordeel_door", "regel", "Wie beoordeelde dit (naam)", True),
        Veld("oordeel_rol", "keuze", "In de rol van", True, afw.OORDEEL_ROLLEN),
        Veld("document", "regel", "Document waarin het oordeel staat"),
    ),
    _s(
        "geschil",
        "Geschil (deskundigenoordeel, second opinion)",
        "keuze",
        {CM, WG, WN},
        Veld(
            "soort",
            "keuze",
            "Soort",
            True,
            (
                ("deskundigenoordeel", "Deskundigenoordeel UWV"),
                ("second_opinion", "Second opinion bedrijfsarts"),
                ("bezwaar", "Bezwaar"),
            ),
        ),
        Veld("onderwerp", "tekst", "Waarover", True),
        Veld("uitkomst", "tekst", "Uitkomst"),
    ),
    _s(
        "vrijwillige_verlenging",
        "Vrijwillige verlenging van de wachttijd",
        "uwv",
        {CM},
        Veld("weken", "getal", "Weken", True),
    ),
    _s("loonsanctie", "Loonsanctie opgelegd", "uwv", {CM}, Veld("weken", "getal", "Weken (ten hoogste 52)")),
    _s("herstel_vastgesteld", "UWV: tekortkoming hersteld", "uwv", {CM}),
    _s(
        "persoonsprofiel",
        "Persoonsprofiel",
        "tweede_spoor",
        {RB, CM},
        Veld("profiel", "tekst", "Werkervaring, opleiding, ambities, voorkeuren, beperkingen", True),
    ),
    _s(
        "zoekprofiel",
        "Zoekprofiel",
        "tweede_spoor",
        {RB, CM},
        Veld("profiel", "tekst", "Branches, functies en werkzaamheden met de beste kans op passend werk", True),
        Veld("beroepen", "regel", "Beroepen of functies, gescheiden door komma's"),
        Veld("basis", "keuze", "Waarop is het zoekprofiel gebaseerd?", True, ZOEKPROFIEL_BASES),
    ),
    _s(
        "re_integratieplan",
        "Re-integratieplan tweede spoor",
        "tweede_spoor",
        {RB, CM},
        Veld("plan", "tekst", "Beschrijving van het traject", True),
        Veld("rapportagemomenten", "tekst", "Rapportagemomenten", True),
    ),
    _s(
        "interventie",
        "Interventie",
        "tweede_spoor",
        {RB, CM},
        Veld("soort", "keuze", "Soort", True, INTERVENTIES),
        Veld("omschrijving", "tekst", "Omschrijving"),
    ),
    _s(
        "voortgangsgesprek",
        "Voortgangsgesprek",
        "tweede_spoor",
        {RB, CM, WG},
        Veld("verslag", "tekst", "Verslag", True),
    ),
    _s(
        "sollicitatie",
        "Sollicitatie",
        "tweede_spoor",
        {WN, RB},
        Veld("werkgever", "regel", "Bij welke werkgever", True),
        Veld("functie", "regel", "Functie", True),
        Veld(
            "uitkomst",
            "keuze",
            "Uitkomst",
            True,
            (
                ("verstuurd", "Verstuurd"),
                ("gesprek", "Uitgenodigd voor gesprek"),
                ("afgewezen", "Afgewezen"),
                ("aangenomen", "Aangenomen"),
            ),
        ),
    ),
    _s(
        "netwerkcontact",
        "Netwerkcontact",
        "tweede_spoor",
        {WN, RB},
        Veld("contact", "regel", "Met wie", True),
        Veld("uitkomst", "tekst", "Uitkomst"),
    ),
    _s(
        "plaatsing",
        "Plaatsing",
        "tweede_spoor",
        {RB, CM},
        Veld("soort", "keuze", "Soort", True, PLAATSINGEN),
        Veld("werkgever", "regel", "Werkgever", True),
        Veld("uren_per_week", "getal", "Uren per week"),
        Veld("loon", "bedrag", "Maandloon (euro)"),
    ),
    _s(
        "nazorg",
        "Nazorg na plaatsing of terugkeer",
        "tweede_spoor",
        {RB, CM},
        Veld("verslag", "tekst", "Verslag", True),
        Veld("signaal", "keuze", "Signaal van terugval", False, NAZORG_SIGNALEN),
    ),
    # aftercare (RSC 2025 bouwsteen 7; dossier/nazorg.py): the outcome after 6 and 12 months, and the facts of
    # the no-riskpolis for a new employer (law/nazorg.py)
    _s(
        "nazorg_uitkomst",
        "Nazorg: uitkomst na 6 of 12 maanden",
        "nazorg",
        {RB, CM},
        Veld("na_maanden", "keuze", "Na hoeveel maanden", True, (("6", "6 maanden"), ("12", "12 maanden"))),
        Veld("status", "keuze", "Stand", True, NAZORG_UITKOMSTEN),
    ),
    _s(
        "no_risk_gegevens",
        "No-riskpolis: gegevens voor de nieuwe werkgever",
        "nazorg",
        {CM},
        Veld("doelgroep", "keuze", "Groep (uit het besluit van UWV)", True, tuple(NO_RISK_DOELGROEPEN.items())),
        Veld("in_dienst", "datum", "Eerste werkdag bij de nieuwe werkgever", True),
        Veld(
            "beoordeeld_op",
            "datum",
            "Eerste dag na afloop van de wachttijd (bij een 35-minner; staat in het WIA-besluit)",
        ),
    ),
    # the bedrijfsarts's spreekuren (Regeling procesgang art. 4 lid 4: the employer sees to it that the bedrijfsarts
    # hears the employee regularly and asks advice when the plan needs adjusting): planned by whoever arranges it,
    # held and advised by the bedrijfsarts; the planned date is in the bedrijfsarts's work queue (dossier/beheer.py)
    _s(
        "spreekuur_gepland",
        "Spreekuur bedrijfsarts ingepland (advies gevraagd)",
        "spreekuur",
        {CM, WG, BA},
        Veld("op", "datum", "Datum van het spreekuur", True),
        Veld("vraag", "tekst", "Vraag aan de bedrijfsarts (zonder medische details)"),
    ),
    _s(
        "spreekuur",
        "Spreekuur bedrijfsarts gehouden (advies)",
        "spreekuur",
        {BA},
        Veld("advies", "tekst", "Advies aan werkgever en werknemer (geen diagnose)", True),
        Veld("volgend_spreekuur", "datum", "Volgend spreekuur op"),
    ),
    # the RIV-toets reads these (law/toets.py): judgements of people, the trajectory's end, the result
    _s(
        "oordeel",
        "Oordeel (beoordelingsruimte UWV)",
        "beoordeling",
        {BA, AD, CM, RB},
        Veld("onderwerp", "keuze", "Waarover", True, OORDEEL_ONDERWERPEN),
        Veld("uitkomst", "bool", "Ja, dat is zo"),
        Veld("document", "regel", "Document waarin het oordeel staat"),
    ),
    _s(
        "arbeidstherapeutisch_werken",
        "Arbeidstherapeutisch werken (zonder loonwaarde)",
        "periode",
        {CM, WG},
        Veld("weken", "getal", "Duur in weken (leeg als het nog loopt)"),
    ),
    _s(
        "werkhervatting_resultaat",
        "Werkhervatting aan het einde van de wachttijd",
        "tweede_spoor",
        {CM, WG},
        Veld("structureel", "bool", "Structureel (blijft na de wachttijd)"),
        Veld("loonwaarde_pct", "getal", "Loonwaarde in % van het loon vóór de ziekte", True),
        Veld("aanvaard", "bool", "Aanvaard door de werknemer"),
    ),
    _s("document", "Document", "document", {CM, WG, WN, AD, RB}, Veld("titel", "regel", "Titel", True)),
    _s(
        "einde_tweede_spoor",
        "Einde traject tweede spoor",
        "tweede_spoor",
        {CM, WG},
        Veld("reden", "regel", "Reden (bv. plaatsing, traject afgerond, ander bureau)", True),
        Veld("uitkomst", "keuze", "Uitkomst", True, TRAJECT_UITKOMSTEN),  # the RIV-toets reads it (law/toets.py)
    ),
    # the employee's own view on a plan van aanpak, bijstelling or evaluation ("onderwerp": the event it is about)
    # or on the re-integratieverslag ("onderwerp": "re_integratieverslag"); recorded from the documents page
    _s(
        "oordeel_werknemer",
        "Oordeel van de werknemer",
        "instemming",
        {WN},
        Veld("onderwerp", "regel", "Waarover", True),
        Veld("eens", "keuze", "Eens of oneens", True, (("eens", "Eens"), ("oneens", "Oneens"))),
        Veld("mening", "tekst", "Mening van de werknemer"),
    ),
    # questions and disputes (RSC 2025 bouwsteen 6; dossier/vragen.py, web/views_vragen.py): a thread is a 'vraag'
    # and the answers, routes and outcome that name it ("vraag": the question's event id)
    *VRAGEN_SOORTEN,
    # loonstop / loonopschorting (BW 7:629 lid 3 and 6; law/loonmaatregel.py)
    _s(
        "loonmaatregel",
        "Loonstop of loonopschorting",
        "loon",
        {CM, WG},
        Veld("grond", "keuze", "Grond", True, tuple((g.code, f"{g.naam} ({g.grondslag})") for g in GRONDEN)),
        Veld("mededeling_op", "datum", "Datum waarop de werknemer schriftelijk is gewaarschuwd (BW 7:629 lid 7)", True),
    ),
    _s(
        "loonmaatregel_einde",
        "Einde loonstop of loonopschorting",
        "loon",
        {CM, WG},
        Veld("gevolg", "keuze", "Gevolg", True, tuple(EINDE_GEVOLGEN.items())),
    ),
    # written by the system when it produces a document (documents package); nobody records it by hand
    _s("document_gemaakt", "Document gemaakt", "systeem", set(), Veld("titel", "regel", "Titel")),
)
SOORT = {s.code: s for s in SOORTEN}
GROEPEN = {
    "periode": "Ziekte en herstel",
    "stap": "Poortwachterstappen",
    "beoordeling": "Beoordelingen",
    "spreekuur": "Spreekuren bedrijfsarts",
    "keuze": "Keuzes en afwijkingen",
    "uwv": "UWV",
    "tweede_spoor": "Tweede spoor",
    "document": "Documenten",
    "dossier": "Dossier afsluiten of heropenen",
    "loon": "Loon bij niet meewerken (BW 7:629)",
    "nazorg": "Nazorg",
}

# Who may correct an event somebody else recorded. The author may always correct their own event (as long as they
# may still record that kind in the dossier); besides the author only the roles named here, per kind. A kind not
# named: nobody but the author. The casemanager keeps the dossier for the employer, so corrects the employer's
# and the provider's entries of the process; medical and labour-expert judgements are corrected only by a
# colleague of the same profession; what the employee records (job applications, network contacts) only by the
# employee.
_PROCES = {
    "ziekmelding",
    "herstelmelding",
    "gedeeltelijk_herstel",
    "ziekmelding_arbodienst",
    "plan_van_aanpak",
    "financiele_informatie",
    "evaluatie",
    "melding_uwv",
    "eerstejaarsevaluatie",
    "start_tweede_spoor",
    "einde_tweede_spoor",
    "eindevaluatie",
    "re_integratieverslag",
    "routekeuze",
    "afwijking_voorkeur",
    afw.EVENT,
    "persoonsprofiel",
    "zoekprofiel",
    "re_integratieplan",
    "interventie",
    "voortgangsgesprek",
    "plaatsing",
    "nazorg",
}
CORRIGEREN_DOOR: dict[str, frozenset[str]] = {
    **{code: frozenset({CM}) for code in _PROCES},
    "probleemanalyse": frozenset({BA}),
    "actueel_oordeel": frozenset({BA}),
    "belastbaarheid": frozenset({BA}),
    "spreekuur": frozenset({BA}),
    "spreekuur_gepland": frozenset({CM, BA}),
    "arbeidsdeskundig_advies": frozenset({AD}),
    "tweede_spoor_uitzondering": frozenset({CM}),
    "vrijwillige_verlenging": frozenset({CM}),
    "loonsanctie": frozenset({CM}),
    "herstel_vastgesteld": frozenset({CM}),
    "loonmaatregel": frozenset({CM}),
    "loonmaatregel_einde": frozenset({CM}),
}
