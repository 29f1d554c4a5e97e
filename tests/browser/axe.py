"""axe-core in the browser tests: one call checks the page as it is now (WCAG 2.0/2.1 A and AA plus axe's
best practices) and fails with a readable list of what is wrong.

Use it on every page and every state a user can reach, e.g. after an HTMX swap:

    from tests.browser.axe import assert_accessible
    assert_accessible(page, "dossier, formulier geopend")

axe-core comes from the npm registry, pinned in package.json/package-lock.json (`npm ci`; scripts/test.sh
runs it). See docs/decisions/0010-accessibility-tests.md.
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def axe_source() -> str:
    if not AXE.exists():
        raise AssertionError(
            f"axe-core ontbreekt ({AXE}): voer 'npm ci' uit in de projectmap (scripts/test.sh doet dat)."
        )
    return AXE.read_text(encoding="utf-8")


def axe_violations(page, include: str | None = None) -> list[dict]:
    """Run axe on the page (or the part matched by the CSS selector `include`) and return its violations."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # through the DevTools protocol, not a <script> tag: a Content-Security-Policy cannot block it
        page.evaluate("source => { (0, eval)(source); }", axe_source())
    context = json.dumps({"include": [include]}) if include else "document"
    options = json.dumps({"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]})
    return page.evaluate(f"async () => (await axe.run({context}, {options})).violations")


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(
            f"- {v['id']} ({v['impact']}): {v['help']} [{', '.join(t for t in v['tags'] if t.startswith('wcag'))}]"
        )
        for node in v["nodes"][:5]:
            lines.append(f"    {' '.join(node['target'])}: {node.get('failureSummary', '').splitlines()[-1:]}")
            lines.append(f"      {node['html'][:160]}")
    return "\n".join(lines)


def assert_accessible(page, label: str = "", include: str | None = None) -> None:
    """Fail when axe finds any violation on the page in its current state."""
    violations = axe_violations(page, include)
    assert not violations, f"axe: {len(violations)} overtreding(en) op {label or page.url}:\n{describe(violations)}"
