"""The track-2 outlook: ranges from the published groups, never one number, and no invented split."""

from __future__ import annotations

import pytest

from spoorwijzer.simulation.vooruitzicht import vooruitzicht, wilson


def test_wilson_interval_against_hand_computed_values():
    # 7 of 100: p=0.07, z=1.96 -> centre 0.0863, half 0.0519 -> 3.4% .. 13.8%
    lo, hi = wilson(7, 100)
    assert lo == pytest.approx(0.0343, abs=5e-4) and hi == pytest.approx(0.1375, abs=5e-4)
    # 0 of 25 still has an upper bound: z^2/(n+z^2) = 3.84/28.84 = 13.3%
    assert wilson(0, 25) == pytest.approx((0.0, 0.1332), abs=5e-4)


def test_sixty_plus_gets_the_group_of_sixty_plus_with_its_size():
    old = vooruitzicht(leeftijd=62, tweede_spoor_gestart=True).kansen[0]
    assert (old.aantal, old.groep) == (0, 25) and "60 jaar of ouder" in old.groep_omschrijving
    young = vooruitzicht(leeftijd=45, tweede_spoor_gestart=True).kansen[0]
    assert (young.aantal, young.groep) == (7, 75)
    lo, hi = young.bereik
    assert lo < 7 / 75 < hi and hi - lo > 0.1  # an honest, wide range
    assert "dossieronderzoek" in young.bron


def test_unknown_age_and_no_search_are_said_not_guessed():
    v = vooruitzicht(leeftijd=None, tweede_spoor_gestart=False, zoekactiviteit=False)
    assert v.kansen[0].groep == 100
    assert any("leeftijd is niet bekend" in n for n in v.kanttekeningen)
    assert any("geen werkzoekactiviteit" in n for n in v.kanttekeningen)
    assert any("nog geen tweede spoor" in n for n in v.kanttekeningen)


def test_wia_outcome_shares_from_uwv_2018():
    wia = {k.uitkomst: k for k in vooruitzicht(45, True).wia_uitkomst}
    assert wia["IVA"].aantal == round(0.19 * 59400) and wia["IVA"].groep == 59400
    assert sum(k.aantal for k in wia.values()) == pytest.approx(59400, abs=2)


def test_the_income_page_shows_the_outlook_for_the_case(client, world):
    import datetime as dt

    from spoorwijzer.dossier.models import Werknemer
    from tests.world import PASSWORD

    Werknemer.objects.filter(pk=world.werknemers.anna.pk).update(geboortedatum=dt.date(1962, 5, 1))  # 60 or over
    client.login(username=world.users.casemanager.username, password=PASSWORD)
    html = client.get(f"/dossier/{world.anna.pk}/inkomen/").content.decode()
    assert "Vooruitzicht tweede spoor" in html
    assert "0 van de 25 werknemers van 60 jaar of ouder" in html
    assert "0% tot 13%" in html  # Wilson upper bound for 0 of 25
    assert "nog geen werkzoekactiviteit" in html
    assert "11.286 van alle 59.400 WIA-beoordelingen" in html  # review finding: was "11286 van alle 59.400"


def test_the_route_choice_form_shows_the_outlook_where_the_choice_is_made(client, world):
    """Issue 11 item 3: the ranges beside the route choice (full page and the HTMX form), not on other forms."""
    import datetime as dt

    from spoorwijzer.dossier.models import Werknemer
    from tests.world import PASSWORD

    Werknemer.objects.filter(pk=world.werknemers.anna.pk).update(geboortedatum=dt.date(1980, 5, 1))  # under 60
    for user in (world.users.casemanager, world.users.werkgever):
        client.login(username=user.username, password=PASSWORD)
        for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
            html = client.get(f"/dossier/{world.anna.pk}/vastleggen/routekeuze/", **headers).content.decode()
            assert 'name="veld_spoor"' in html and "Vooruitzicht tweede spoor" in html
            assert "7 van de 75 werknemers jonger dan 60" in html, html
        client.logout()
    client.login(username=world.users.casemanager.username, password=PASSWORD)
    other = client.get(f"/dossier/{world.anna.pk}/vastleggen/plan_van_aanpak/").content.decode()
    assert "Vooruitzicht tweede spoor" not in other


def test_no_outlook_once_the_employee_is_placed(client, world):
    """Review finding: the income page of a placed employee still said 'zonder zoeken volgt geen plaatsing'."""
    import datetime as dt

    from spoorwijzer.dossier import services
    from tests.world import PASSWORD

    services.vastleggen(
        world.users.casemanager,
        world.anna,
        "plaatsing",
        world.today - dt.timedelta(days=7),
        {"soort": "contract", "werkgever": "Gemeente Groningen", "uren_per_week": 32},
    )
    client.login(username=world.users.casemanager.username, password=PASSWORD)
    html = client.get(f"/dossier/{world.anna.pk}/inkomen/").content.decode()
    assert "Inkomen" in html and "Vooruitzicht tweede spoor" not in html


def test_over_all_dossiers_the_range_is_the_one_the_source_states():
    """Outside review (session 7): the page said 3% to 14% beside a source that says "met 95% zekerheid tussen de 2%
    en 12%" (the source's normal approximation; Wilson on 7 of 100 gives 3,4-13,8%). Where the source states its
    interval, that is the range; an age group the source does not split keeps the Wilson interval on its count."""
    alle = vooruitzicht(leeftijd=None, tweede_spoor_gestart=True).kansen[0]
    assert (alle.aantal, alle.groep) == (7, 100)
    assert alle.bereik == pytest.approx((0.02, 0.12))
    young = vooruitzicht(leeftijd=45, tweede_spoor_gestart=True).kansen[0]
    assert young.bereik == pytest.approx(wilson(7, 75))
