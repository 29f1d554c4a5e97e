"""Demo of questions and disputes and a loonstop (issue 13 part 1, issue 8), recorded through dossier.services and
dossier.vragen with the role that would record each: on the demo employee's own case, so that logging in as the
employee shows them."""

from __future__ import annotations

import datetime as dt

from spoorwijzer.dossier import services, vragen
from spoorwijzer.dossier.demo_toets import geboren
from spoorwijzer.dossier.models import Verzuimgeval


def build(today: dt.date, users: dict, werknemer) -> Verzuimgeval | None:
    g = Verzuimgeval.objects.filter(werknemer=werknemer, afgesloten_op__isnull=True).first()
    if g is None:
        return None
    cm, wg, wn = users["casemanager"], users["werkgever"], users["werknemer"]

    def day(n):
        return today - dt.timedelta(days=n)

    # an earlier question about the plan, answered and closed with a bijstelling
    v = services.vastleggen(
        wn, g, "vraag", day(40),
        {"soort": "vraag", "onderwerp": "plan_van_aanpak", "tekst": "Kan de opbouw in uren langzamer?"},
    )  # fmt: skip
    services.vastleggen(
        cm, g, "vraag_antwoord", day(37), {"vraag": v.pk, "antwoord": "Ja, we bespreken het bij de evaluatie."}
    )
    vragen.uitkomst_vastleggen(
        cm, g, day(35),
        {"vraag": v.pk, "uitkomst": "Opbouw verlengd met vier weken.", "gevolg": "plan_bijgesteld"},
    )  # fmt: skip
    # a loonstop: the employee did not start the offered adapted work (warned the day before)
    services.vastleggen(
        wg, g, "loonmaatregel", day(21), {"grond": "lid3c", "mededeling_op": day(22).isoformat()},
        "Aangepast werk in de werkvoorbereiding niet begonnen na schriftelijke waarschuwing.",
    )  # fmt: skip
    # the employee disagrees; the casemanager answers; the employee asks UWV for a deskundigenoordeel
    v = services.vastleggen(
        wn, g, "vraag", day(20),
        {"soort": "onenigheid", "onderwerp": "passend_werk",
         "tekst": "Het werk in de werkvoorbereiding is volgens mij niet passend: te veel uren achter een scherm."},
    )  # fmt: skip
    services.vastleggen(
        cm, g, "vraag_antwoord", day(17),
        {"vraag": v.pk, "antwoord": "Het werk past bij de belastbaarheid die de bedrijfsarts vaststelde."},
    )  # fmt: skip
    services.vastleggen(
        wn, g, "vraag_route", day(14),
        {"vraag": v.pk, "route": "deskundigenoordeel", "aanvrager": "werknemer",
         "vraagstelling": "Is het aangeboden werk in de werkvoorbereiding passend?"},
    )  # fmt: skip
    # a new question, still to be answered
    services.vastleggen(
        wn, g, "vraag", day(1),
        {"soort": "vraag", "onderwerp": "routekeuze", "tekst": "Wat betekent het tweede spoor voor mij?"},
    )  # fmt: skip
    return g


def build_nazorg(today: dt.date, users: dict, werkgever, rb, joost) -> None:
    """Aftercare: a placement after the WIA assessment (a 35-minner) a year ago, with check-ins, a signal, the
    6- and 12-month outcomes and the no-riskpolis for the new employer; and the check-in of the recent placement."""
    from spoorwijzer.dossier.models import Werknemer

    cm, ba, ri = users["casemanager"], users["bedrijfsarts"], users["reintegratie"]

    def weeks_ago(n, days=0):
        return today - dt.timedelta(weeks=n, days=days)

    ruud = Werknemer.objects.create(
        werkgever=werkgever,
        naam="Ruud Kramer",
        functie="Monteur",
        uren_per_week=38,
        maandloon_cent=330000,
        geboortedatum=geboren("Ruud Kramer"),
    )
    g = services.nieuw_geval(cm, ruud, weeks_ago(160))
    rec = lambda u, code, day, **data: services.vastleggen(u, g, code, day, data)  # noqa: E731
    rec(cm, "ziekmelding_arbodienst", weeks_ago(160, -1))
    rec(ba, "probleemanalyse", weeks_ago(155), mogelijkheden="Geen knielend werk; lichte montage mogelijk")
    rec(cm, "plan_van_aanpak", weeks_ago(153), activiteiten="Aangepast werk onderzoeken", casemanager="Carla de Vries")
    rec(cm, "start_tweede_spoor", weeks_ago(110), reintegratiebedrijf=str(rb.pk))
    start = weeks_ago(54)
    rec(ri, "plaatsing", start, soort="contract", werkgever="Installatiebedrijf Hoek", uren_per_week=32, loon=290000)
    rec(cm, "einde_tweede_spoor", start, reden="Plaatsing na de WIA-beoordeling", uitkomst="plaatsing")
    rec(cm, "afsluiting", start + dt.timedelta(days=1), reden="einde_dienstverband")
    rec(
        cm, "no_risk_gegevens", start + dt.timedelta(days=1),
        doelgroep="35_minner", in_dienst=start.isoformat(), beoordeeld_op=weeks_ago(57).isoformat(),
    )  # fmt: skip
    verslagen = {
        1: ("Goed gestart; werkplek aangepast", "geen"),
        2: ("Moe na de langere dagen; uren tijdelijk terug naar 28", "belasting"),
        3: ("Weer op 32 uur; gaat goed", "geen"),
        7: ("Kort ziek geweest (griep), weer aan het werk", "verzuim"),
    }
    for n in range(1, 14):
        if n == 10:
            continue  # one check-in missed (vakantie): the schedule shows it
        verslag, signaal = verslagen.get(n, ("Geen bijzonderheden", "geen"))
        rec(cm, "nazorg", start + dt.timedelta(weeks=4 * n, days=1), verslag=verslag, signaal=signaal)
    rec(cm, "nazorg_uitkomst", start + dt.timedelta(weeks=26, days=3), na_maanden="6", status="werkt")
    rec(cm, "nazorg_uitkomst", start + dt.timedelta(weeks=52, days=3), na_maanden="12", status="werkt")
    # the recent placement (closed case): its first check-in, and no no-riskpolis (placed before any assessment)
    j = Verzuimgeval.objects.filter(werknemer=joost).order_by("-pk").first()
    if j is not None and j.afgesloten_op is not None:
        plaatsing = j.gebeurtenissen.filter(code="plaatsing").order_by("-datum").first()
        if plaatsing is not None:
            services.vastleggen(
                cm,
                j,
                "no_risk_gegevens",
                plaatsing.datum,
                {"doelgroep": "geen", "in_dienst": plaatsing.datum.isoformat()},
            )
