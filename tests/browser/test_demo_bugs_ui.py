"""Bug 4 of issue 8 in the real browser: a step's form opens where the user is looking."""

from __future__ import annotations

import pytest

from tests.browser.wachten import wacht_tot

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", [(1280, 800), (390, 844)])
def test_vastleggen_opens_the_form_in_view(world_live, login, viewport):
    page = login(world_live.users.casemanager, viewport=viewport)
    page.goto(f"{world_live.url}/dossier/{world_live.anna.pk}/")
    link = page.locator("tr[data-stap=re_integratieverslag]").get_by_role("link", name="Vastleggen")
    link.scroll_into_view_if_needed()
    link.click()
    heading = page.locator("#formulier #form-kop")
    heading.wait_for()
    wacht_tot(
        page,
        "() => { const r = document.querySelector('#form-kop').getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= window.innerHeight; }",
        timeout=3000,
    )
    box = heading.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= viewport[1], box
