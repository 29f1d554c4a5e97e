"""Screenshots of every page, as every demo role, at desktop, phone and 200% zoom, to look at.

Run against a running demo (bash scripts/run.sh, or `uv run spoorwijzer demo --poort 8000`):

    uv run python scripts/schermafdrukken.py [--url http://127.0.0.1:8000] [--map /tmp/schermafdrukken]

Per role it logs in, follows the links of the pages it can reach (menu, dossiers, the case's own pages; no
downloads, no logout) and saves one PNG per page and width: 1280 px, 390 px (a phone) and 1280 px at 200% zoom
(640 CSS px on a double-density screen). It prints a table with each page's height and whether the page scrolls
sideways (WCAG 1.4.10 Reflow), the figures that tell where to look first. The browser tests check reflow on
their own pages (tests/browser/test_reflow.py); this script is for the human look the tests cannot give.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlparse

from playwright.sync_api import sync_playwright

ROLES = ["casemanager", "werkgever", "werknemer", "bedrijfsarts", "arbeidsdeskundige", "reintegratie"]
WIDTHS = {"desktop": (1280, 900, 1), "telefoon": (390, 844, 3), "zoom200": (640, 450, 2)}
SKIP = re.compile(
    r"uitloggen|formaat=|\.ics|\.csv|\.xlsx|\.pdf|/download|/document/|export|abonnement|intrekken|logout", re.I
)
OVERFLOW = "document.documentElement.scrollWidth > window.innerWidth + 1"


def crawl(page, base: str, limit: int) -> list[str]:
    """Same-site pages reachable from the start page and one level deeper (one case of each kind of link)."""
    seen: list[str] = [page.url]
    shapes: set[str] = set()
    queue = [page.url]
    while queue and len(seen) < limit:
        try:
            page.goto(queue.pop(0))
        except Exception:  # a link that turns out to be a download
            continue
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))"):
            url = urljoin(page.url, href).split("#")[0]
            if urlparse(url).netloc != urlparse(base).netloc or SKIP.search(url) or url in seen:
                continue
            shape = re.sub(r"\d+", "N", urlparse(url).path) + ("?" if urlparse(url).query else "")
            if shape in shapes:  # one dossier stands for all dossiers
                continue
            shapes.add(shape)
            seen.append(url)
            queue.append(url)
    return seen[:limit]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", default="http://127.0.0.1:8000")
    ap.add_argument("--map", default="/tmp/schermafdrukken")
    ap.add_argument("--wachtwoord", default="spoorwijzer-demo")
    ap.add_argument("--rol", action="append", help="alleen deze rol(len)")
    ap.add_argument("--max", type=int, default=40, help="pagina's per rol")
    args = ap.parse_args()
    out = Path(args.map)
    out.mkdir(parents=True, exist_ok=True)
    chromium = os.environ.get("SPOORWIJZER_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        for role in args.rol or ROLES:
            ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
            page = ctx.new_page()
            page.goto(args.url + "/inloggen/")
            page.fill("#id_username", role)
            page.fill("#id_password", args.wachtwoord)
            page.click("button[type=submit]")
            page.wait_for_load_state()
            if page.locator(".demo-code").count():  # the bedrijfsarts's second step: the demo shows the code
                page.fill("#id_code", page.locator(".demo-code").inner_text())
                page.click("button[type=submit]")
                page.wait_for_load_state()
            urls = crawl(page, args.url, args.max)
            state = ctx.storage_state()
            ctx.close()
            for name, (w, h, scale) in WIDTHS.items():
                c = browser.new_context(
                    viewport={"width": w, "height": h}, device_scale_factor=scale, storage_state=state
                )
                pg = c.new_page()
                for i, url in enumerate(urls):
                    try:
                        response = pg.goto(url)
                    except Exception:  # a download
                        continue
                    slug = re.sub(r"[^a-z0-9]+", "-", urlparse(url).path.lower()).strip("-") or "start"
                    pg.screenshot(path=out / f"{role}-{i:02d}-{slug}-{name}.png", full_page=True)
                    height = pg.evaluate("document.documentElement.scrollHeight")
                    rows.append(
                        (
                            role,
                            name,
                            urlparse(url).path,
                            response.status if response else 0,
                            height,
                            pg.evaluate(OVERFLOW),
                        )
                    )
                c.close()
        browser.close()
    for role, name, path, status, height, overflow in rows:
        flag = "ZIJWAARTS" if overflow else ""
        print(f"{role:18} {name:9} {status:3} {height:6} px {flag:9} {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
