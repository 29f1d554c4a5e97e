"""Portfolio figures against hand-computed small portfolios (Vernet's definitions; the dossier study's
measures), on SQLite and PostgreSQL alike."""

from __future__ import annotations

import datetime as dt

import pytest

from spoorwijzer.dossier import figuren, services
from spoorwijzer.dossier.models import Verzuimgeval, Werkgever, Werknemer
from spoorwijzer.law.context import LawContext

D = dt.date


@pytest.fixture
def figuur(world):
    wg = Werkgever.objects.create(organisatie=world.noord, naam="Figuur BV")
    people = [Werknemer.objects.create(werkgever=wg, naam=f"W{i}", uren_per_week=38) for i in range(4)]
    return wg, people


def test_verzuim_figures_hand_computed(world, figuur):
    wg, (a, b, c, _d) = figuur
    cm = world.users.casemanager
    ga = services.nieuw_geval(cm, a, D(2025, 3, 1))
    services.vastleggen(cm, ga, "herstelmelding", D(2025, 3, 11))  # sick 1-10 March: 10 days, kort
    services.nieuw_geval(cm, b, D(2025, 6, 1))  # still sick: 1 June - 31 Dec = 214 days, lang
    gc = services.nieuw_geval(cm, c, D(2024, 12, 20))
    services.vastleggen(cm, gc, "herstelmelding", D(2025, 1, 20))  # 20 Dec - 19 Jan = 31 days, middellang; 19 in 2025
    p = figuren.Periode(D(2025, 1, 1), D(2025, 12, 31))
    v = figuren.verzuim(
        LawContext.baseline(), Verzuimgeval.objects.filter(werkgever=wg), Werknemer.objects.filter(werkgever=wg), p
    )
    assert v["werknemers_gemiddeld"] == 4
    # (10 + 214 + 19) sick days x 38 h over 4 x 365 days x 38 h
    assert v["verzuimpercentage"] == pytest.approx(100 * 243 / 1460)
    # two new reports in the year (the December one started before it), 4 employees: 0.5 per year
    assert v["nieuwe_meldingen"] == 2 and v["meldingsfrequentie"] == pytest.approx(0.5)
    assert v["duurklassen"] == {"kort": 1, "middellang": 1, "lang": 1, "extra_lang": 0}
    assert "Vernet" in v["bron"]


def test_part_time_and_leavers_weigh_as_vernet_weighs(world, figuur):
    wg, (a, b, c, d) = figuur
    Werknemer.objects.filter(pk=a.pk).update(uren_per_week=19)
    Werknemer.objects.filter(pk=d.pk).update(uit_dienst=D(2025, 7, 1))  # employed 1 Jan - 1 Jul: 182 days
    services.nieuw_geval(world.users.casemanager, Werknemer.objects.get(pk=a.pk), D(2025, 12, 22))  # 10 days x 19 h
    p = figuren.Periode(D(2025, 1, 1), D(2025, 12, 31))
    v = figuren.verzuim(
        LawContext.baseline(), Verzuimgeval.objects.filter(werkgever=wg), Werknemer.objects.filter(werkgever=wg), p
    )
    available = 365 * 19 + 2 * 365 * 38 + 182 * 38
    assert v["verzuimpercentage"] == pytest.approx(100 * 10 * 19 / available)
    assert v["werknemers_gemiddeld"] == pytest.approx((3 * 365 + 182) / 365, abs=0.05)


def test_track_two_measures_and_provider_results(world, figuur):
    wg, (a, b, _c, _d) = figuur
    cm, rb = world.users.casemanager, world.rb
    gd = services.nieuw_geval(cm, a, D(2024, 1, 8))  # end of year 1 (week 52): 2025-01-05
    services.vastleggen(cm, gd, "start_tweede_spoor", D(2024, 11, 1), {"reintegratiebedrijf": str(rb.pk)})
    services.vastleggen(
        world.users.reintegratiebedrijf,
        gd,
        "sollicitatie",
        D(2024, 12, 1),
        {"werkgever": "Bakkerij", "functie": "Verkoper", "uitkomst": "verstuurd"},
    )
    services.vastleggen(cm, gd, "plaatsing", D(2025, 3, 1), {"soort": "contract", "werkgever": "Bakkerij"})
    ge = services.nieuw_geval(cm, b, D(2024, 2, 5))  # end of year 1: 2025-02-02
    services.vastleggen(cm, ge, "start_tweede_spoor", D(2025, 4, 1), {"reintegratiebedrijf": str(rb.pk)})  # 58 days on
    cases = Verzuimgeval.objects.filter(werkgever=wg)
    t = figuren.tweede_spoor(cases)
    assert (t["totaal"], t["jaar1"], t["na_jaar1_3_maanden"], t["later"]) == (2, 1, 1, 0)
    assert t["zonder_zoekactiviteit"] == 1 and t["geplaatst"] == 1
    assert t["dagen_tot_plaatsing"] == 120  # 1 Nov 2024 to 1 Mar 2025
    assert t["kleine_groep"] is True
    (bureau,) = figuren.bureaus(cases)
    assert (bureau["naam"], bureau["trajecten"], bureau["plaatsingen"], bureau["dagen_tot_plaatsing"]) == (
        "Werkpad",
        2,
        1,
        120,
    )


def test_deadlines_per_step_from_the_stored_schedule(world, figuur):
    wg, (a, b, _c, _d) = figuur
    cm = world.users.casemanager
    g1 = services.nieuw_geval(cm, a, D(2025, 1, 6))  # probleemanalyse due 2025-02-16 (D+41)
    services.vastleggen(world.users.bedrijfsarts, g1, "probleemanalyse", D(2025, 2, 10), {"advies": "Opbouw in uren"})
    g2 = services.nieuw_geval(cm, b, D(2025, 1, 13))  # due 2025-02-23
    services.vastleggen(world.users.bedrijfsarts, g2, "probleemanalyse", D(2025, 3, 1), {"advies": "Opbouw in uren"})
    rows = {r["code"]: r for r in figuren.termijnen(Verzuimgeval.objects.filter(werkgever=wg), D(2025, 3, 10))}
    pa = rows["probleemanalyse"]
    assert (pa["op_tijd"], pa["te_laat_gedaan"], pa["open_te_laat"]) == (1, 1, 0)
    assert pa["aandeel_op_tijd"] == 0.5
    assert rows["plan_van_aanpak"]["open_te_laat"] + rows["plan_van_aanpak"]["open"] == 2


def test_supervision_score_from_cases_closed_with_wia_and_peers_only_in_numbers(world):
    from spoorwijzer.dossier.models import Werkgever

    def employer(name, staff, wia_years):
        wg = Werkgever.objects.create(organisatie=world.noord, naam=name, sector="Bouw")
        people = [Werknemer.objects.create(werkgever=wg, naam=f"{name}{i}") for i in range(staff)]
        for person, year in zip(people, wia_years, strict=False):
            case = Verzuimgeval.objects.create(werknemer=person, eerste_ziektedag=D(year - 2, 12, 1))
            Verzuimgeval.objects.filter(pk=case.pk).update(
                einde_wachttijd=D(year, 11, 29), afgesloten_op=D(year, 11, 30), afsluitreden="wia"
            )
        return wg

    own = employer("Eigen", 10, [2025, 2025, 2023])
    peers = [employer(f"Peer{i}", 10, [2025] * (i % 2)) for i in range(5)]
    result = figuren.toezicht(
        LawContext.baseline(), own, Werkgever.objects.filter(organisatie=world.noord), D(2026, 3, 1)
    )
    # (3 x 2 + 2 x 0 + 1 x 1) / (3 x 10 + 2 x 10 + 1 x 10) x 100
    assert result["score"].score == pytest.approx(100 * 7 / 60)
    assert result["grootteklasse"] == "1 tot 25 werknemers" and result["vergelijking_aantal"] == 5
    # peers: three with none, two with one in 2025 -> scores 0,5,0,5,0 (per 100): mean 2
    assert result["vergelijking"] == pytest.approx(100 * 3 / 60 * 2 / 5)
    fewer = figuren.toezicht(
        LawContext.baseline(), own, Werkgever.objects.filter(pk__in=[p.pk for p in peers[:3]]), D(2026, 3, 1)
    )
    assert fewer["vergelijking"] is None  # too few to compare without pointing at one employer


def test_figures_page_csv_and_access(client, world, figuur):
    from tests.world import PASSWORD

    wg, (a, *_rest) = figuur
    services.nieuw_geval(world.users.casemanager, a, D(2026, 1, 5))
    client.login(username=world.users.casemanager.username, password=PASSWORD)
    html = client.get("/cijfers/", {"werkgever": wg.pk, "van": "2026-01-01", "tot": "2026-06-30"}).content.decode()
    assert "Termijnen per stap" in html and "Probleemanalyse bedrijfsarts" in html and "<svg" in html
    assert "Verzuimpercentage" in html and "Toezichtscore" in html and "Vernet" in html
    assert "op_tijd" not in html and "extra_lang" not in html  # no raw keys on the page
    csv = client.get("/cijfers/", {"werkgever": wg.pk, "van": "2026-01-01", "tot": "2026-06-30", "formaat": "csv"})
    assert csv["Content-Type"].startswith("text/csv")
    body = csv.content.decode("utf-8")
    assert body.startswith("\ufeff") and "Termijnen per stap;op tijd" in body
    bad = client.get("/cijfers/", {"van": "31-02-2026", "werkgever": "999999"})
    assert bad.status_code == 400 and "31-02-2026 bestaat niet" in bad.content.decode()
    assert "Deze werkgever bestaat niet" in bad.content.decode()
    # another tenant's employer is not selectable; the employee and the provider get no figures
    client.logout()
    client.login(username=world.users.casemanager_zuid.username, password=PASSWORD)
    assert "Deze werkgever bestaat niet" in client.get("/cijfers/", {"werkgever": wg.pk}).content.decode()
    for user in (world.users.werknemer, world.users.reintegratiebedrijf):
        client.logout()
        client.login(username=user.username, password=PASSWORD)
        assert client.get("/cijfers/").status_code == 403


def test_three_of_four_sick_all_year_is_75_percent_and_leavers_and_closed_cases_stop_counting(world, figuur):
    """Review findings: 82,86% with 3 of 5 employees sick; then 60% while one of the five had left in 2024. Vernet / ZW Connect: sick calendar days / employment
    calendar days (both weighted by contract hours) x 100. A case closed before the period (employment ended)
    no longer counts as sick; one closed during the period counts up to the day it was closed."""
    wg, people = figuur
    e = Werknemer.objects.create(werkgever=wg, naam="W4", uren_per_week=38)
    cm = world.users.casemanager
    for w in people[:3]:  # sick all of 2025
        services.nieuw_geval(cm, w, D(2024, 6, 3))
    g_left = services.nieuw_geval(cm, people[3], D(2023, 1, 2))  # sick, then left before 2025
    services.vastleggen(cm, g_left, "afsluiting", D(2024, 11, 1), {"reden": "einde_dienstverband"})
    p = figuren.Periode(D(2025, 1, 1), D(2025, 12, 31))
    ctx = LawContext.baseline()
    v = figuren.verzuim(ctx, Verzuimgeval.objects.filter(werkgever=wg), Werknemer.objects.filter(werkgever=wg), p)
    # the leaver's case closed 'einde dienstverband' on 1 November 2024: their employment ended the day before
    assert Werknemer.objects.get(pk=people[3].pk).uit_dienst == D(2024, 10, 31)
    # 3 x 365 sick days x 38 h / (4 x 365 employment days x 38 h) = 75%: the leaver is not in the denominator
    assert v["verzuimpercentage"] == pytest.approx(75.0)
    assert v["werknemers_gemiddeld"] == pytest.approx(4)
    # each report in exactly one class: the three are 577 days long at the end of 2025 (3 June 2024 up to and
    # including 31 December 2025), extra lang; the closed case is not in the period
    assert v["duurklassen"] == {"kort": 0, "middellang": 0, "lang": 0, "extra_lang": 3}
    assert sum(v["duurklassen"].values()) == v["meldingen_in_periode"] == 3
    # closed mid-period: W4 sick 1 March - closed 1 April (31 days counted, 1 March up to and including 31 March)
    g_e = services.nieuw_geval(cm, e, D(2025, 3, 1))
    services.vastleggen(cm, g_e, "afsluiting", D(2025, 4, 1), {"reden": "einde_dienstverband"})
    v = figuren.verzuim(ctx, Verzuimgeval.objects.filter(werkgever=wg), Werknemer.objects.filter(werkgever=wg), p)
    # W4 employed 1 January - 31 March (90 days) and sick the last 31 of them
    assert v["verzuimpercentage"] == pytest.approx(100 * (3 * 365 + 31) / (3 * 365 + 90))
    assert v["duurklassen"]["middellang"] == 1


def test_a_report_longer_than_730_days_is_extra_lang_not_dropped(world, figuur):
    """ZW Connect: a case falls in exactly one of the four classes and lasts at most 730 days; a wachttijd
    that is extended (loonsanctie, vrijwillige verlenging) runs past 730 days and still counts as extra lang."""
    wg, people = figuur
    services.nieuw_geval(world.users.casemanager, people[0], D(2023, 10, 2))  # 822 days on 31 December 2025
    p = figuren.Periode(D(2025, 1, 1), D(2025, 12, 31))
    v = figuren.verzuim(
        LawContext.baseline(), Verzuimgeval.objects.filter(werkgever=wg), Werknemer.objects.filter(werkgever=wg), p
    )
    assert v["duurklassen"] == {"kort": 0, "middellang": 0, "lang": 0, "extra_lang": 1}
