"""WCAG 2.1 AA, checked by axe-core on every page and on the states a user reaches by interacting
(the form HTMX inserts, a form with errors, the refused and missing pages)."""

from __future__ import annotations

import pytest

from spoorwijzer.dossier import services
from tests import totp
from tests.browser.axe import assert_accessible
from tests.browser.wachten import wacht_tot

pytestmark = pytest.mark.browser


def test_login_page_and_failed_login(browser, world_live):
    page = browser.new_page()
    page.goto(world_live.url + "/inloggen/")
    assert_accessible(page, "inloggen")
    page.fill("#id_username", "cm")
    page.fill("#id_password", "fout")
    page.click("button[type=submit]")
    page.locator("[role=alert]").wait_for()
    assert_accessible(page, "inloggen mislukt")
    page.close()


def test_casemanager_pages(world_live, login):
    w = world_live
    page = login(w.users.casemanager)
    assert_accessible(page, "overzicht")
    page.goto(w.url + "/?status=te_laat&zoek=a")
    assert_accessible(page, "overzicht gefilterd")
    page.goto(w.url + "/ziekmelding/")
    assert_accessible(page, "ziekmelding")
    page.get_by_role("button", name="Ziekmelding vastleggen").click()
    page.locator(".fout").first.wait_for()
    assert_accessible(page, "ziekmelding met fouten")
    page.goto(f"{w.url}/dossier/{w.anna.pk}/")
    assert_accessible(page, "dossier")
    page.goto(f"{w.url}/dossier/{w.anna.pk}/inkomen/")
    assert_accessible(page, "inkomen")
    page.goto(f"{w.url}/dossier/{w.anna.pk}/vastleggen/evaluatie/")
    assert_accessible(page, "vastleggen (eigen pagina)")
    page.goto(f"{w.url}/agenda/")
    assert_accessible(page, "agenda")
    page.get_by_role("button", name="Nieuw agenda-adres maken").click()
    page.locator("#nieuw-adres").wait_for()
    assert_accessible(page, "agenda, nieuw adres")
    page.goto(f"{w.url}/simulatie/")
    assert_accessible(page, "simulatie")
    # pages added later in the session: one line each
    for path, label in (
        ("/cijfers/?van=2020-01-01", "cijfers"),
        (f"/cijfers/?werkgever={w.bouw.pk}&van=2020-01-01", "cijfers, een werkgever met toezichtscore"),
        ("/werkvoorraad/", "werkvoorraad"),
        ("/mijn-dossiers/", "mijn dossiers"),
        ("/archief/", "archief"),
        ("/beheer/", "beheer"),
        ("/beheer/beleid/", "beheer: voorkeursbeleid"),
        (f"/dossier/{w.anna.pk}/documenten/", "documenten"),
        (f"/dossier/{w.anna.pk}/contact/", "contactlog"),
    ):
        page.goto(w.url + path)
        assert_accessible(page, label)


def test_htmx_states_of_the_case_page(world_live, login):
    """Vastleggen opens the form in the page; a submit with errors swaps it; success reloads with a message."""
    w = world_live
    page = login(w.users.bedrijfsarts)
    page.goto(f"{w.url}/dossier/{w.bert.pk}/")
    page.locator("tr[data-stap=probleemanalyse]").get_by_role("link", name="Vastleggen").click()
    form = page.locator("#formulier form")
    form.wait_for()
    assert_accessible(page, "dossier, formulier geopend")
    # focus went to the inserted form's heading and the live region said so
    wacht_tot(page, "document.activeElement && document.activeElement.id === 'form-kop'")
    wacht_tot(page, "document.getElementById('aankondiging').textContent.includes('geopend')")
    page.fill("#formulier input[name=datum]", "")
    page.fill("#formulier textarea[name=veld_mogelijkheden]", "Aangepast werk")
    form.get_by_role("button", name="Vastleggen").click()
    page.locator("#formulier .fout").first.wait_for()
    assert_accessible(page, "dossier, formulier met fouten")
    # focus on the error summary, not on <body>; the summary links to the field; the error is the field's description
    wacht_tot(page, "document.activeElement.classList.contains('foutsamenvatting')")
    wacht_tot(page, "document.getElementById('aankondiging').textContent.includes('1 fout')")
    assert page.locator(".foutsamenvatting a").get_attribute("href") == "#id_datum"
    datum = page.locator("#formulier input[name=datum]")
    assert datum.get_attribute("aria-invalid") == "true"
    described = datum.get_attribute("aria-describedby")
    assert page.locator(f"#{described}").inner_text() == "Vul de datum in."
    assert page.locator("#formulier textarea[name=veld_mogelijkheden]").input_value() == "Aangepast werk"
    page.fill("#formulier input[name=datum]", str(w.today))
    with page.expect_navigation():  # HTMX follows HX-Redirect to the case page
        form.get_by_role("button", name="Vastleggen").click()
    page.get_by_text("Probleemanalyse bedrijfsarts is vastgelegd.").wait_for()
    assert_accessible(page, "dossier na vastleggen")


def test_bedrijfsarts_medical_page(world_live, login):
    page = login(world_live.users.bedrijfsarts)
    page.goto(f"{world_live.url}/dossier/{world_live.anna.pk}/medisch/")
    assert_accessible(page, "medisch")
    page.get_by_role("button", name="Vastleggen").click()
    page.locator(".fout").first.wait_for()
    assert_accessible(page, "medisch met fout")


def test_employee_pages(world_live, login):
    services.vastleggen(world_live.users.bedrijfsarts, world_live.anna, "probleemanalyse", world_live.today)
    page = login(world_live.users.werknemer)
    assert_accessible(page, "werknemer: eigen dossier")
    page.goto(f"{world_live.url}/dossier/{world_live.anna.pk}/inkomen/")
    assert_accessible(page, "werknemer: inkomen")


def test_refused_and_missing_pages(world_live, login):
    w = world_live
    hr = login(w.users.werkgever)
    response = hr.goto(f"{w.url}/dossier/{w.anna.pk}/medisch/")
    assert response.status == 403
    assert_accessible(hr, "403 medisch")
    response = hr.goto(f"{w.url}/dossier/{w.cor.pk}/")
    assert response.status == 404
    assert_accessible(hr, "404 ander dossier")
    response = hr.goto(f"{w.url}/bestaat-niet/")
    assert response.status == 404
    assert_accessible(hr, "404 onbekend adres")
    nobody = login(w.users.zonder_rol)
    assert_accessible(nobody, "geen rol")


CONTRAST_JS = """([sel, prop]) => {
  const el = document.querySelector(sel);
  const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = (c) => { const [r, g, b] = rgb(c).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                       return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  let bg = el.parentElement; while (bg && getComputedStyle(bg).backgroundColor === 'rgba(0, 0, 0, 0)') bg = bg.parentElement;
  const a = lum(getComputedStyle(el)[prop]), b = lum(getComputedStyle(bg || document.body).backgroundColor);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


def test_non_text_contrast_and_markers_not_by_colour_only(world_live, login):
    """What axe does not measure: focus ring and input borders >= 3:1 (WCAG 1.4.11); late and due-soon
    markers on the timeline differ by shape as well as colour (WCAG 1.4.1)."""
    w = world_live
    page = login(w.users.casemanager)
    page.goto(w.url + "/ziekmelding/")
    assert page.evaluate(CONTRAST_JS, ["#id_eerste_ziektedag", "borderTopColor"]) >= 3
    page.keyboard.press("Tab")  # the skip link, then the logo
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    while page.evaluate("document.activeElement.id") != "id_werknemer":
        page.keyboard.press("Tab")
    assert page.evaluate(CONTRAST_JS, ["#id_werknemer", "outlineColor"]) >= 3
    assert page.evaluate("getComputedStyle(document.activeElement).outlineWidth") == "3px"
    page.goto(f"{w.url}/dossier/{w.anna.pk}/")
    shape = "(el) => { const s = getComputedStyle(el); return [s.clipPath, s.backgroundColor === s.borderTopColor, s.borderTopWidth]; }"
    late = page.locator(".legenda .m.uiterlijk.te_laat").evaluate(shape)
    soon = page.locator(".legenda .m.uiterlijk.binnenkort").evaluate(shape)
    assert late != soon, (late, soon)


def _tab_to(page, js_condition: str, limit: int = 120) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return {js_condition}; }})()"):
            return
    raise AssertionError(f"niet met Tab bereikt: {js_condition}")


def test_keyboard_only_login_open_case_record_step(world_live, browser):
    """Log in, open a case and record a step with the keyboard alone (WCAG 2.1.1)."""
    w = world_live
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(w.url + "/inloggen/")
    assert page.evaluate("document.activeElement.id") == "id_username"
    page.keyboard.type(w.users.bedrijfsarts.username)
    page.keyboard.press("Tab")
    page.keyboard.type("een-lang-wachtwoord")
    device = totp.authenticator(w.users.bedrijfsarts)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # the second step: the code field has the focus
    assert page.evaluate("document.activeElement.id") == "id_code"
    page.keyboard.type(totp.code(device))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    _tab_to(page, "el.tagName === 'A' && el.textContent.trim() === 'Bert'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    _tab_to(page, "el.closest('tr[data-stap=probleemanalyse]') && el.textContent.trim() === 'Vastleggen'")
    page.keyboard.press("Enter")
    wacht_tot(page, "document.activeElement.id === 'form-kop'")  # focus moved into the form
    _tab_to(page, "el.name === 'veld_mogelijkheden'", limit=10)
    page.keyboard.type("Aangepast werk, 4 uur per dag")
    _tab_to(page, "el.tagName === 'BUTTON' && el.textContent.trim() === 'Vastleggen'", limit=10)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.get_by_text("Probleemanalyse bedrijfsarts is vastgelegd.").wait_for()
    assert page.locator("tr[data-stap=probleemanalyse] .badge").inner_text() == "gedaan"
    page.close()


def test_pages_added_in_the_third_session(world_live, login, browser):
    """Every page of this session's work gets its axe line: accounts, aftercare, costs, absence history,
    the privacy officer's access log, and the forgotten-password page before login."""
    from django.contrib.auth import get_user_model

    from spoorwijzer.dossier.models import Rol
    from tests.world import PASSWORD

    w = world_live
    anon = browser.new_page()
    anon.goto(w.url + "/wachtwoord-vergeten/")
    assert_accessible(anon, "wachtwoord vergeten")
    anon.close()
    page = login(w.users.casemanager)
    for path, label in (
        ("/account/", "mijn account"),
        ("/account/wachtwoord/", "wachtwoord wijzigen"),
        ("/beheer/inloggen/", "beheer: inloggen in twee stappen"),
        (f"/dossier/{w.anna.pk}/nazorg/", "nazorg"),
        (f"/dossier/{w.anna.pk}/vragen/", "vragen en geschillen"),
        (f"/dossier/{w.anna.pk}/kosten/", "kosten werkgever"),
        (f"/werknemer/{w.anna.werknemer_id}/verzuim/", "verzuimhistorie"),
        (f"/reintegratiebedrijf/{w.rb.pk}/", "resultaten re-integratiebedrijf"),
    ):
        response = page.goto(w.url + path)
        assert response.status == 200, path
        assert_accessible(page, label)
    fg = get_user_model().objects.create_user("fg", "fg@example.nl", PASSWORD, first_name="Fenna", last_name="Groen")
    Rol.objects.create(user=fg, rol="privacyfunctionaris", organisatie=w.noord)
    officer = login(fg)
    officer.goto(w.url + "/toegangslog/")
    assert_accessible(officer, "toegangslog")
    officer.goto(w.url + "/toegangslog/?gebruiker=cm")
    assert_accessible(officer, "toegangslog gezocht")
