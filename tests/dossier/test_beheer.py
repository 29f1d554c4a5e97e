"""Master data and organisation: employers, employees and their payroll import, users and invitations,
the preferred-date policy, case ownership, work queues, deadline mails and the contact log."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from spoorwijzer.dossier import beheer, services
from spoorwijzer.dossier.models import AppendOnlyError, Rol, Verzuimgeval, Werkgever, Werknemer
from spoorwijzer.law.errors import InvalidInput
from tests.world import PASSWORD


def login(user):
    c = Client()
    assert c.login(username=user.username, password=PASSWORD)
    return c


# --- typed values -------------------------------------------------------------------------------------


def test_loonheffingennummer_eleven_test():
    # 123456782: 9*1+8*2+7*3+6*4+5*5+4*6+3*7+2*8 = 156, minus the ninth digit 2 = 154 = 14 x 11
    assert beheer.loonheffingennummer(" 1234.56.782 l01 ") == "123456782L01"
    with pytest.raises(InvalidInput, match="elfproef"):
        beheer.loonheffingennummer("123456781L01")  # 156 - 1 = 155, not a multiple of 11
    with pytest.raises(InvalidInput, match="9 cijfers, de letter L"):
        beheer.loonheffingennummer("123456782B01")
    with pytest.raises(InvalidInput, match="volgnummer"):
        beheer.loonheffingennummer("123456782L00")


@pytest.mark.parametrize(
    "text,cent",
    [
        ("4.100,00", 410000),
        ("4100,5", 410050),
        ("€ 4.100", 410000),
        ("4100.50", 410050),  # a spreadsheet's decimal point
        ("4100", 410000),
        ("1.234.567,89", 123456789),
    ],
)
def test_euros_as_typed_become_cents(text, cent):
    assert beheer.bedrag_in_cent(text) == cent
    assert beheer.bedrag_in_cent(beheer.bedrag_tekst(cent)) == cent


@pytest.mark.parametrize("text", ["4,100.00", "4.10,0", "vier", "4100,123"])
def test_amounts_that_are_not_euros_are_refused(text):
    with pytest.raises(InvalidInput, match="geen bedrag"):
        beheer.bedrag_in_cent(text)


# --- employers and employees in the UI ----------------------------------------------------------------


def test_casemanager_creates_employer_bad_payroll_number_keeps_input(world):
    c = login(world.users.casemanager)
    data = {
        "naam": "Nieuwbouw BV",
        "loonheffingennummer": "123456781L01",
        "sector": "Bouw",
        "eigenrisicodrager_zw": "on",
    }
    r = c.post("/beheer/werkgevers/nieuw/", data)
    body = r.content.decode()
    assert r.status_code == 400 and "elfproef" in body and 'value="Nieuwbouw BV"' in body
    assert not Werkgever.objects.filter(naam="Nieuwbouw BV").exists()
    r = c.post("/beheer/werkgevers/nieuw/", {**data, "loonheffingennummer": "123456782l01"})
    w = Werkgever.objects.get(naam="Nieuwbouw BV")
    assert r.status_code == 302 and w.organisatie == world.noord and w.loonheffingennummer == "123456782L01"
    assert w.eigenrisicodrager_zw and not w.eigenrisicodrager_wga


@pytest.mark.parametrize("who", ["werkgever", "werknemer", "bedrijfsarts", "arbeidsdeskundige", "reintegratiebedrijf"])
def test_only_casemanagers_manage_employers_and_users(world, who):
    c = login(getattr(world.users, who))
    for url in ("/beheer/werkgevers/", "/beheer/werkgevers/nieuw/", "/beheer/gebruikers/", "/beheer/beleid/"):
        assert c.get(url).status_code == 403, url
    assert c.post("/beheer/werkgevers/nieuw/", {"naam": "X", "loonheffingennummer": "123456782L01"}).status_code == 403


def test_employer_hr_manages_only_its_own_employees(world):
    c = login(world.users.werkgever)  # HR of Bouw BV
    bouw = world.bouw
    zorg = world.werknemers.bert.werkgever
    assert c.get(f"/beheer/werkgevers/{bouw.pk}/").status_code == 200
    assert c.get(f"/beheer/werkgevers/{zorg.pk}/").status_code == 404
    assert c.get(f"/beheer/werknemers/{world.werknemers.bert.pk}/").status_code == 404
    # and another organisation's casemanager sees nothing of Arbo Noord's employers
    other = login(world.users.casemanager_zuid)
    assert other.get(f"/beheer/werkgevers/{bouw.pk}/").status_code == 404
    assert other.get(f"/beheer/werknemers/{world.werknemers.anna.pk}/export").status_code == 404


def _werknemer_post(**extra):
    return {
        "personeelsnummer": "1001",
        "naam": "Dirk de Vries",
        "geboortedatum": "1970-05-17",
        "uren_per_week": "32,5",
        "maandloon": "4.100,00",
        "cao_percentage_jaar1": "100",
        "cao_percentage_jaar2": "70",
        "email": "dirk@example.nl",
        **extra,
    }


def test_wage_typed_in_euros_is_stored_in_cents_and_shown_in_euros(world):
    """The hundredfold-amount bug: 4.100,00 must be 410000 cent, shown again as 4.100,00 (not 410000)."""
    c = login(world.users.werkgever)
    r = c.post(f"/beheer/werkgevers/{world.bouw.pk}/werknemer/", _werknemer_post())
    assert r.status_code == 302, r.content.decode()
    w = Werknemer.objects.get(naam="Dirk de Vries")
    assert w.maandloon_cent == 410000 and str(w.uren_per_week) == "32.50"
    page = c.get(f"/beheer/werknemers/{w.pk}/").content.decode()
    assert 'value="4.100,00"' in page and "410000" not in page and 'value="32,5"' in page
    # saving the form unchanged keeps the amount (no hundredfold on a round trip)
    fields = dict(re.findall(r'name="(\w+)"[^>]*value="([^"]*)"', page))
    c.post(f"/beheer/werknemers/{w.pk}/", {**_werknemer_post(), "maandloon": fields["maandloon"]})
    w.refresh_from_db()
    assert w.maandloon_cent == 410000
    assert "€\u00a04.100,00" in c.get(f"/beheer/werkgevers/{world.bouw.pk}/").content.decode()


@pytest.mark.parametrize(
    "extra,message",
    [
        ({"cao_percentage_jaar2": "60"}, "ten minste 70%"),  # BW 7:629 lid 1, asked of law/
        ({"cao_percentage_jaar2": ""}, "beide cao-percentages"),
        ({"maandloon": "4,100.00"}, "geen bedrag in euro"),
        ({"geboortedatum": "1870-01-01"}, "100 en 13 jaar"),
        ({"uren_per_week": "80"}, "tussen 0 en 60"),
        ({"naam": ""}, "Vul de naam in"),
    ],
)
def test_employee_form_refuses_impossible_values_in_dutch(world, extra, message):
    c = login(world.users.casemanager)
    r = c.post(f"/beheer/werkgevers/{world.bouw.pk}/werknemer/", _werknemer_post(**extra))
    body = r.content.decode()
    assert r.status_code == 400 and message in body
    assert 'value="1001"' in body  # nothing typed is lost
    assert not Werknemer.objects.filter(personeelsnummer="1001").exists()


def test_personeelsnummer_is_unique_per_employer(world):
    c = login(world.users.casemanager)
    assert c.post(f"/beheer/werkgevers/{world.bouw.pk}/werknemer/", _werknemer_post()).status_code == 302
    r = c.post(f"/beheer/werkgevers/{world.bouw.pk}/werknemer/", _werknemer_post(naam="Ander"))
    assert r.status_code == 400 and "al in gebruik" in r.content.decode()


# --- payroll CSV --------------------------------------------------------------------------------------

GOOD = (
    "\ufeffPersoneelsnummer;Naam;Geboortedatum;In dienst;Uren per week;Maandloon;cao_percentage_jaar1;"
    "cao_percentage_jaar2;Email;Functie;No risk\r\n"
    "2001;Eva Jansen;03-02-1985;01-09-2015;36;3.250,50;100;70;eva@example.nl;Verkoper;nee\r\n"
    "2002;Frank Bos;1960-11-30;;24,5;2500,00;;;;Magazijn;ja\r\n"
)


def test_import_semicolon_bom_decimal_comma_then_export_round_trip(world):
    nieuw = Werkgever.objects.create(organisatie=world.noord, naam="Winkel Noord BV")
    result = beheer.lees_csv(GOOD, nieuw)
    assert result.in_orde and result.scheidingsteken == ";"
    new, updated = beheer.importeer(world.users.casemanager, nieuw, GOOD)
    assert (new, updated) == (2, 0)
    eva = Werknemer.objects.get(personeelsnummer="2001")
    assert eva.maandloon_cent == 325050 and eva.geboortedatum == dt.date(1985, 2, 3)
    assert eva.in_dienst == dt.date(2015, 9, 1) and str(eva.cao_percentage_jaar1) == "100.00"
    frank = Werknemer.objects.get(personeelsnummer="2002")
    assert frank.no_risk and frank.cao_percentage_jaar1 is None and str(frank.uren_per_week) == "24.50"
    exported = beheer.exporteer(nieuw)
    assert "2001;Eva Jansen;03-02-1985;01-09-2015;;36;3.250,50;100;70;Verkoper;eva@example.nl;nee" in exported
    # the export reads back as the same values, matched on personeelsnummer: nothing new, all updated
    again = beheer.lees_csv(exported, nieuw)
    assert again.in_orde and [r.bestaand for r in again.rijen] == [eva, frank]
    assert beheer.importeer(world.users.casemanager, nieuw, exported) == (0, 2)
    eva.refresh_from_db()
    assert eva.maandloon_cent == 325050 and eva.email == "eva@example.nl"


def test_import_comma_separated_with_quoted_decimal_commas(world):
    text = (
        'personeelsnummer,naam,geboortedatum,uren_per_week,maandloon\n3001,"Jansen, G.",01-01-1990,"32,5","2.800,00"\n'
    )
    result = beheer.lees_csv(text, world.bouw)
    assert result.in_orde and result.scheidingsteken == ","
    beheer.importeer(world.users.werkgever, world.bouw, text)
    g = Werknemer.objects.get(personeelsnummer="3001")
    assert g.naam == "Jansen, G." and g.maandloon_cent == 280000 and str(g.uren_per_week) == "32.50"


def test_import_with_one_bad_row_stores_nothing_and_names_the_line(world):
    bad = GOOD + "2003;Gert;31-02-1980;;36;3000;;;;;\r\n2004;Hans;01-01-1980;;36;drieduizend;60;70;;;\r\n"
    result = beheer.lees_csv(bad, world.bouw)
    assert not result.in_orde
    errors = {r.regel: " ".join(r.fouten) for r in result.rijen if r.fouten}
    assert set(errors) == {4, 5}
    assert "geen geldige datum" in errors[4]
    assert "geen bedrag" in errors[5] and "ten minste 70%" in errors[5]
    before = Werknemer.objects.count()
    with pytest.raises(InvalidInput, match="niets ingelezen"):
        beheer.importeer(world.users.casemanager, world.bouw, bad)
    assert Werknemer.objects.count() == before


def test_import_file_level_errors(world):
    assert "ontbreken" in beheer.lees_csv("naam;email\nPiet;p@x.nl\n", world.bouw).fouten[0]
    assert "leeg" in beheer.lees_csv("", world.bouw).fouten[0]
    dup = "personeelsnummer;naam;geboortedatum;uren_per_week\n1;A;01-01-1980;36\n1;B;01-01-1981;36\n"
    assert "ook op regel 2" in " ".join(beheer.lees_csv(dup, world.bouw).rijen[1].fouten)


def test_import_in_the_browser_flow_preview_then_confirm(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    c = login(world.users.casemanager)
    url = f"/beheer/werkgevers/{world.bouw.pk}/import/"
    r = c.post(url, {"bestand": SimpleUploadedFile("salaris.csv", GOOD.encode("utf-8"), "text/csv")})
    body = r.content.decode()
    assert r.status_code == 200 and "Eva Jansen" in body and "€\u00a03.250,50" in body and "Bevestigen" in body
    assert not Werknemer.objects.filter(personeelsnummer="2001").exists()  # a preview stores nothing
    inhoud = re.search(r'<textarea name="inhoud" hidden>(.*?)</textarea>', body, re.S).group(1)
    import html

    r = c.post(url, {"stap": "bevestig", "inhoud": html.unescape(inhoud)})
    assert r.status_code == 302 and Werknemer.objects.filter(werkgever=world.bouw, personeelsnummer="2001").exists()
    export = c.get(f"/beheer/werkgevers/{world.bouw.pk}/werknemers.csv")
    assert export.content.startswith("\ufeff".encode()) and "Eva Jansen" in export.content.decode("utf-8-sig")


def test_import_cli(world, tmp_path, capsys):
    path = tmp_path / "salaris.csv"
    path.write_bytes(GOOD.encode("utf-8"))
    call_command("werknemers", "importeer", "Bouw BV", str(path))
    assert Werknemer.objects.filter(werkgever=world.bouw, personeelsnummer__in=["2001", "2002"]).count() == 2
    call_command("werknemers", "exporteer", "Bouw BV")
    assert "Frank Bos" in capsys.readouterr().out


# --- users and invitations ------------------------------------------------------------------------------


def test_casemanager_invites_a_user_who_sets_a_password_with_djangos_validators(world):
    c = login(world.users.casemanager)
    r = c.post(
        "/beheer/gebruikers/nieuw/",
        {"gebruikersnaam": "hr_zorg", "naam": "Ine Zorg", "email": "ine@example.nl", "rol": "werkgever"},
    )
    assert r.status_code == 400 and "Kies bij de rol" in r.content.decode()  # the employer is missing
    zorg = world.werknemers.bert.werkgever
    r = c.post(
        "/beheer/gebruikers/nieuw/",
        {
            "gebruikersnaam": "hr_zorg",
            "naam": "Ine Zorg",
            "email": "ine@example.nl",
            "rol": "werkgever",
            "werkgever": zorg.pk,
        },
    )
    assert r.status_code == 302
    user = get_user_model().objects.get(username="hr_zorg")
    assert user.rol.werkgever == zorg and not user.has_usable_password()
    link = re.search(r"http://testserver(/wachtwoord/\S+/)", mail.outbox[-1].body).group(1)
    anon = Client()
    page = anon.get(link, follow=True)
    assert "Wachtwoord instellen" in page.content.decode()
    set_url = page.redirect_chain[-1][0] if page.redirect_chain else link
    r = anon.post(set_url, {"new_password1": "kort", "new_password2": "kort"})
    user.refresh_from_db()
    assert r.status_code == 200 and not user.has_usable_password()  # refused by AUTH_PASSWORD_VALIDATORS
    assert "Dit wachtwoord is te kort: gebruik minstens 10 tekens." in r.content.decode()
    r = anon.post(set_url, {"new_password1": "Rode-fiets-op-de-dijk-7", "new_password2": "Rode-fiets-op-de-dijk-7"})
    assert r.status_code == 302
    assert Client().login(username="hr_zorg", password="Rode-fiets-op-de-dijk-7")
    assert (
        anon.get(link).status_code in (200, 302)
        and "niet (meer) geldig" in anon.get(link, follow=True).content.decode()
    )


def test_users_of_another_tenant_cannot_be_managed(world):
    c = login(world.users.casemanager_zuid)
    assert c.get(f"/beheer/gebruikers/{world.users.bedrijfsarts.pk}/").status_code == 404
    assert "ba" not in [u.username for u in beheer.gebruikers_van(world.users.casemanager_zuid)]
    # a casemanager cannot give a role to another organisation's employer
    with pytest.raises(services.access.Geweigerd):
        beheer.gebruiker_aanmaken(
            world.users.casemanager_zuid,
            gebruikersnaam="x",
            naam="X",
            email="x@x.nl",
            rol="werkgever",
            bereik=world.bouw,
        )


def test_user_role_change_and_deactivation(world):
    c = login(world.users.casemanager)
    ad = world.users.arbeidsdeskundige
    r = c.post(
        f"/beheer/gebruikers/{ad.pk}/",
        {"naam": "Ad Deskundige", "email": "ad@example.nl", "rol": "bedrijfsarts", "actief": ""},
    )
    assert r.status_code == 302
    ad.refresh_from_db()
    assert ad.rol.rol == "bedrijfsarts" and not ad.is_active
    r = c.post(
        f"/beheer/gebruikers/{world.users.casemanager.pk}/",
        {"naam": "Cm", "email": "cm@example.nl", "rol": "casemanager", "actief": ""},
    )
    assert r.status_code == 400 and "eigen account" in r.content.decode()


# --- preferred-date policy -------------------------------------------------------------------------------


def test_policy_shows_legal_deadline_and_refuses_a_preference_after_it(world):
    c = login(world.users.casemanager)
    page = c.get("/beheer/beleid/").content.decode()
    # Wvp: the probleemanalyse at the latest in week 6 (Regeling procesgang eerste en tweede ziektejaar art. 2)
    assert "Probleemanalyse bedrijfsarts" in page and "week 6" in page
    regels = {r.code: r for r in beheer.beleidsregels(world.noord)}
    form = {code: str(r.waarde) for code, r in regels.items()}
    r = c.post("/beheer/beleid/", {**form, "probleemanalyse": "7", "binnenkort_dagen": "14"})
    assert r.status_code == 400 and "na de uiterlijke termijn (week 7" not in r.content.decode()
    assert "(week 7) ligt na de uiterlijke termijn (week 6)" in r.content.decode() and 'value="7"' in r.content.decode()
    # outside review (session 7): not every latest term is law (the routeadvies is a norm from the field)
    assert "Wettelijk uiterlijk" not in page and "Uiterlijke termijn" in page
    world.noord.refresh_from_db()
    assert world.noord.voorkeursbeleid == {}
    r = c.post("/beheer/beleid/", {**form, "probleemanalyse": "3", "binnenkort_dagen": "21"})
    assert r.status_code == 302
    world.noord.refresh_from_db()
    assert world.noord.voorkeursbeleid["stappen"]["probleemanalyse"]["week"] == 3
    # a schedule of this organisation now prefers the last day of sick week 3 (first sick day + 20 days)
    sched = services.tijdlijn(Verzuimgeval.objects.get(pk=world.bert.pk))
    assert sched.step("probleemanalyse").voorkeur == world.bert.eerste_ziektedag + dt.timedelta(days=20)
    assert services.beleid_van(world.noord).due_soon_days == 21


# --- ownership, work queues, mails --------------------------------------------------------------------------


def _second_casemanager(world):
    u = get_user_model().objects.create_user("cm2", "cm2@example.nl", PASSWORD)
    Rol.objects.create(user=u, rol="casemanager", organisatie=world.noord)
    return u


def test_reporting_casemanager_owns_the_case_and_can_hand_it_over(world):
    cm2 = _second_casemanager(world)
    assert world.bert.behandelaar == world.users.casemanager
    assert world.bert in beheer.mijn_dossiers(world.users.casemanager)
    assert not beheer.mijn_dossiers(cm2).exists()
    c = login(world.users.casemanager)
    c.post(f"/dossier/{world.bert.pk}/behandelaar/", {"behandelaar": cm2.pk})
    assert list(beheer.mijn_dossiers(cm2)) == [world.bert]
    assert "Bert" in login(cm2).get("/mijn-dossiers/").content.decode()
    # not to a casemanager of another organisation
    with pytest.raises(InvalidInput):
        beheer.behandelaar_toewijzen(world.users.casemanager, world.bert, world.users.casemanager_zuid)


def test_work_queue_per_role(world):
    ba = [t.code for t in beheer.werkvoorraad(world.users.bedrijfsarts) if t.geval == world.bert]
    assert ba == ["probleemanalyse", "actueel_oordeel"]  # week 6, then week 88 (Regeling procesgang)
    assert all(t.geval.organisatie == world.noord for t in beheer.werkvoorraad(world.users.bedrijfsarts))
    ad = beheer.werkvoorraad(world.users.arbeidsdeskundige)
    assert {(t.geval, t.code) for t in ad} == {
        (world.anna, "arbeidsdeskundig_advies"),
        (world.bert, "arbeidsdeskundig_advies"),
    }
    # the route advice has the schedule's deadline (RSC 2023/2025: at the latest at the eerstejaarsevaluatie)
    for t in ad:
        termijnen = {x.code: x.uiterlijk for x in t.geval.termijnen.all()}
        assert t.uiterlijk is not None and t.uiterlijk == termijnen["eerstejaarsevaluatie"]
    hr = beheer.werkvoorraad(world.users.werkgever)  # HR of Bouw BV: Anna's employer duties, not Bert's
    assert hr and all(t.geval == world.anna for t in hr) and "Probleemanalyse bedrijfsarts" not in [t.naam for t in hr]
    own = beheer.werkvoorraad(world.users.werknemer)
    assert own and all(t.geval == world.anna for t in own)
    assert {t.code for t in own} <= {
        "plan_van_aanpak",
        "evaluatie",
        "eerstejaarsevaluatie",
        "eindevaluatie",
        "re_integratieverslag",
        "wia_aanvraag",
    }
    rb = beheer.werkvoorraad(world.users.reintegratiebedrijf)
    assert rb and all(t.geval == world.anna for t in rb)
    # its progress reports for the evaluations, and its own monthly progress meeting (issue 8)
    assert all(t.naam.startswith("Voortgangsgesprek vastleggen vóór: ") for t in rb if t.code != "voortgangsgesprek")
    assert [t.naam for t in rb if t.code == "voortgangsgesprek"] == ["Maandelijks voortgangsgesprek"]
    assert beheer.werkvoorraad(world.users.ander_bureau) == []
    # the queue is sorted by deadline and recurring steps appear once per case
    for queue in (hr, own, rb):
        dates = [t.uiterlijk or dt.date.max for t in queue]
        assert dates == sorted(dates)
        assert len({(t.geval.pk, t.code) for t in queue}) == len(queue)


def test_vernieuw_termijnen_rebuilds_stored_schedules_after_a_rule_change(world):
    """A schedule stored before the route advice had a deadline (uiterlijk empty) gets it back from the rule."""
    world.anna.termijnen.filter(code="arbeidsdeskundig_advies").update(uiterlijk=None, grondslag="oud")
    call_command("vernieuw_termijnen")
    t = world.anna.termijnen.get(code="arbeidsdeskundig_advies")
    assert t.uiterlijk == world.anna.termijnen.get(code="eerstejaarsevaluatie").uiterlijk
    assert "Geen wettelijke plicht" in t.grondslag


def test_work_queue_page_does_not_query_per_case(world):
    c = login(world.users.bedrijfsarts)
    c.get("/werkvoorraad/")
    with CaptureQueriesContext(connection) as q:
        r = c.get("/werkvoorraad/")
    before = len(q)
    assert "Bert" in r.content.decode()
    for i in range(5):
        w = Werknemer.objects.create(werkgever=world.bouw, naam=f"Extra {i}")
        services.nieuw_geval(world.users.casemanager, w, world.today - dt.timedelta(days=10 + i))
    with CaptureQueriesContext(connection) as q:
        r = c.get("/werkvoorraad/")
    assert len(q) == before and "Extra 4" in r.content.decode()


def test_deadline_mails_go_to_the_owner_and_the_actor_not_every_casemanager(world):
    cm2 = _second_casemanager(world)
    mail.outbox.clear()
    call_command("stuur_termijnmeldingen", "--dagen", "30")
    by = {m.to[0]: m.body for m in mail.outbox}
    # Bert's probleemanalyse (due within 30 days): the owner (cm) and the bedrijfsarts of Arbo Noord
    assert "Bert" in by["cm@example.nl"] and "Probleemanalyse" in by["ba@example.nl"]
    assert "cm2@example.nl" not in by  # a colleague who owns no case hears nothing
    assert "Cor" not in by["cm@example.nl"] and "Cor" not in by["ba@example.nl"]
    assert "ba_zuid@example.nl" not in by or "Bert" not in by["ba_zuid@example.nl"]
    # a hand-over moves the mail
    beheer.behandelaar_toewijzen(world.users.casemanager, world.bert, cm2)
    mail.outbox.clear()
    call_command("stuur_termijnmeldingen", "--dagen", "30")
    by = {m.to[0]: m.body for m in mail.outbox}
    assert "Bert" in by["cm2@example.nl"] and "Bert" not in by.get("cm@example.nl", "")


# --- contact log ---------------------------------------------------------------------------------------------


def test_contact_log_is_append_only_and_scoped(world):
    c = login(world.users.casemanager)
    earlier = timezone.localtime() - dt.timedelta(hours=1)
    r = c.post(
        f"/dossier/{world.anna.pk}/contact/",
        {
            "soort": "telefoon",
            "datum": f"{earlier:%Y-%m-%d}",
            "tijd": f"{earlier:%H:%M}",
            "met": "Anna",
            "samenvatting": "Afspraak gemaakt",
        },
    )
    assert r.status_code == 302
    row = world.anna.contactmomenten.get()
    assert row.vastgelegd_door == world.users.casemanager and row.rol == "casemanager"
    row.samenvatting = "anders"
    with pytest.raises(AppendOnlyError):
        row.save()
    with pytest.raises(AppendOnlyError):
        row.delete()
    page = c.get(f"/dossier/{world.anna.pk}/contact/").content.decode()
    assert "Afspraak gemaakt" in page and "Telefoon" in page
    # the provider sees only what it recorded itself; the employee and other tenants see nothing
    assert (
        "Afspraak gemaakt"
        not in login(world.users.reintegratiebedrijf).get(f"/dossier/{world.anna.pk}/contact/").content.decode()
    )
    assert login(world.users.werknemer).get(f"/dossier/{world.anna.pk}/contact/").status_code == 403
    assert login(world.users.casemanager_zuid).get(f"/dossier/{world.anna.pk}/contact/").status_code == 404


def test_contact_log_refuses_future_and_warns_on_medical_words(world):
    c = login(world.users.casemanager)
    future = timezone.localtime() + dt.timedelta(days=2)
    r = c.post(
        f"/dossier/{world.bert.pk}/contact/",
        {"soort": "gesprek", "datum": future.date().isoformat(), "tijd": "10:00", "met": "Bert", "samenvatting": "x"},
    )
    assert r.status_code == 400 and "toekomst" in r.content.decode()
    r = c.post(
        f"/dossier/{world.bert.pk}/contact/",
        {
            "soort": "gesprek",
            "datum": f"{timezone.localtime() - dt.timedelta(hours=1):%Y-%m-%d}",
            "tijd": f"{timezone.localtime() - dt.timedelta(hours=1):%H:%M}",
            "met": "Bert",
            "samenvatting": "Hij heeft een hernia",
        },
    )
    assert (
        r.status_code == 400
        and "medische informatie" in r.content.decode()
        and "Hij heeft een hernia" in r.content.decode()
    )
    assert not world.bert.contactmomenten.exists()


def test_organisation_and_employer_cli(db, capsys):
    from django.core.management.base import CommandError

    call_command("organisatie", "Arbo West", "--soort", "casemanagement")
    assert "spoorwijzer beheer gebruiker" in capsys.readouterr().out
    with pytest.raises(CommandError, match="al een organisatie"):
        call_command("organisatie", "arbo west")
    with pytest.raises(CommandError, match="elfproef"):
        call_command("werkgever", "Bakkerij", "--organisatie", "Arbo West", "--loonheffingennummer", "123456781L01")
    call_command(
        "werkgever", "Bakkerij", "--organisatie", "Arbo West", "--loonheffingennummer", "123456782L01",
        "--eigenrisicodrager-zw",
    )  # fmt: skip
    w = Werkgever.objects.get(naam="Bakkerij")
    assert w.organisatie.naam == "Arbo West" and w.eigenrisicodrager_zw and not w.eigenrisicodrager_wga


def test_birth_date_gives_the_short_aow_procedure(world):
    """An employee who had the AOW age on the first sick day (AOW art. 7a; born 1957-03-15: 67 on 2024-03-15)
    gets the short schedule: loondoorbetaling ends after the AOW weeks (BW 7:629 lid 2), no track-2 steps."""
    oud = Werknemer.objects.create(werkgever=world.bouw, naam="Oud", geboortedatum=dt.date(1957, 3, 15))
    g = services.nieuw_geval(world.users.casemanager, oud, world.today - dt.timedelta(days=3))
    codes = {s.code for s in services.tijdlijn(g).stappen}
    assert "einde_loondoorbetaling" in codes and "start_tweede_spoor" not in codes
    jong = Werknemer.objects.create(werkgever=world.bouw, naam="Jong", geboortedatum=dt.date(1990, 1, 1))
    g2 = services.nieuw_geval(world.users.casemanager, jong, world.today - dt.timedelta(days=3))
    codes = {s.code for s in services.tijdlijn(g2).stappen}
    assert "einde_loondoorbetaling" not in codes and "start_tweede_spoor" in codes


def test_reintegratiebedrijven_are_managed_by_casemanagers_with_unique_names(world):
    c = login(world.users.casemanager)
    r = c.post("/beheer/reintegratiebedrijven/", {"naam": "werkpad"})  # "Werkpad" exists (case-insensitive)
    assert r.status_code == 400 and "al een re-integratiebedrijf" in r.content.decode()
    assert c.post("/beheer/reintegratiebedrijven/", {"naam": "Nieuw Perspectief"}).status_code == 302
    from spoorwijzer.dossier.models import Reintegratiebedrijf

    nieuw = Reintegratiebedrijf.objects.get(naam="Nieuw Perspectief")
    assert c.post(f"/beheer/reintegratiebedrijven/{nieuw.pk}/", {"naam": "Nieuw Perspectief BV"}).status_code == 302
    nieuw.refresh_from_db()
    assert nieuw.naam == "Nieuw Perspectief BV"
    assert login(world.users.werkgever).post("/beheer/reintegratiebedrijven/", {"naam": "X"}).status_code == 403


def test_employer_hr_cannot_change_the_employer_itself(world):
    c = login(world.users.werkgever)
    page = c.get(f"/beheer/werkgevers/{world.bouw.pk}/").content.decode()
    assert "via uw casemanager" in page and 'name="loonheffingennummer"' not in page
    r = c.post(f"/beheer/werkgevers/{world.bouw.pk}/", {"naam": "Anders", "loonheffingennummer": "123456782L01"})
    assert r.status_code == 403
    world.bouw.refresh_from_db()
    assert world.bouw.naam == "Bouw BV"
