"""Waiting for a condition in the page without breaking its Content-Security-Policy.

Playwright's ``page.wait_for_function`` polls a string predicate with ``eval`` inside the page, which the app's
CSP (no 'unsafe-eval') rightly refuses whenever the condition is not already true at the first look: the tests
failed now and then on timing alone. ``page.evaluate`` runs through the DevTools protocol, outside the page's CSP."""

from __future__ import annotations

import time


def wacht_tot(page, expression: str, timeout: float = 5000) -> None:
    """Poll ``expression`` (a JavaScript expression or arrow function) until it is truthy; fail after ``timeout`` ms."""
    deadline = time.monotonic() + timeout / 1000
    while True:
        if page.evaluate(expression):
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"Na {timeout:.0f} ms nog niet waar in de pagina: {expression}")
        page.wait_for_timeout(50)
