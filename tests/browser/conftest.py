"""Headless Chromium (Debian's package, no browser download) driven by Playwright against the live server."""

from __future__ import annotations

import os
import shutil

import pytest

from tests import totp
from tests.world import build_world, fast_password_hashing, media_in_tmp  # noqa: F401

# Playwright's sync API runs an event loop in this thread; the test's own ORM calls are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("SPOORWIJZER_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(
            f"Chromium niet gevonden op {CHROMIUM}: scripts/test.sh installeert het (apt-get install chromium)."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def world_live(transactional_db, live_server):
    w = build_world()
    w.url = live_server.url
    return w


@pytest.fixture
def login(browser, world_live):
    pages = []
    violations: list[str] = []  # the Content-Security-Policy holds on every page a test visits (issue 10, item 14)

    def _login(user, viewport=(1280, 900)):
        page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
        page.on(
            "console",
            lambda msg: violations.append(f"{page.url}: {msg.text}") if "Content Security Policy" in msg.text else None,
        )
        pages.append(page)
        from spoorwijzer.dossier import access

        if access.tweede_stap_vereist(user):  # the bedrijfsarts linked an authenticator app earlier
            totp.authenticator(user)
        page.goto(world_live.url + "/inloggen/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", "een-lang-wachtwoord")
        page.click("button[type=submit]")
        page.wait_for_load_state()
        if (
            "/inloggen/tweede-stap/" in page.url
        ):  # the bedrijfsarts: the code of their authenticator, as an app shows it
            page.fill("#id_code", totp.code(totp.authenticator(user)))
            page.click("button[type=submit]")
            page.wait_for_load_state()
        return page

    yield _login
    for p in pages:
        p.close()
    assert not violations, "CSP-schendingen:\n" + "\n".join(violations)
