"""Security headers on every page (issue 10, item 14; docs/security.md).

- Content-Security-Policy without 'unsafe-inline' or 'unsafe-eval': scripts and styles come from this site's own
  files only (htmx and toegankelijk.js, style.css). The pages hold no inline script, style element or style
  attribute; charts are SVG whose matplotlib styles are turned into presentation attributes (``svg_zonder_stijl``),
  and timeline positions are set from data attributes by toegankelijk.js.
- ``Cache-Control: no-store`` on every page the application makes (dossiers, medical data, documents, the API):
  no health data in a shared or browser cache. Static files (served earlier by WhiteNoise) stay cacheable.
- The API's Redoc page loads Redoc from its CDN (drf-spectacular) and gets a policy that allows only that.
"""

from __future__ import annotations

import re

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
REDOC_CDN = "https://cdn.jsdelivr.net"
CSP_REDOC = CSP.replace("script-src 'self'", f"script-src 'self' {REDOC_CDN}").replace(
    "style-src 'self'", "style-src 'self' 'unsafe-inline' https://fonts.googleapis.com"
)


class Beveiligingskoppen:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = CSP_REDOC if request.path.startswith("/api/v1/docs/") else CSP
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers["Cache-Control"] = "no-store"
        response.headers.pop("Server", None)
        return response


# --- charts: matplotlib's SVG without style attributes -----------------------------------------------------------

_STYLE_ATTR = re.compile(r'\sstyle="([^"]*)"')
_STYLE_ELEMENT = re.compile(r"<style[^>]*>(.*?)</style>", re.S)
_SVG_OPEN = re.compile(r"<svg\b")
# SVG presentation attributes (SVG 1.1 / SVG 2): properties that may be written as attributes, which a CSP without
# 'unsafe-inline' does not block
PRESENTATIE = frozenset(
    [
        "alignment-baseline",
        "baseline-shift",
        "clip-path",
        "clip-rule",
        "color",
        "color-interpolation",
        "color-interpolation-filters",
        "cursor",
        "direction",
        "display",
        "dominant-baseline",
        "fill",
        "fill-opacity",
        "fill-rule",
        "filter",
        "flood-color",
        "flood-opacity",
        "font-family",
        "font-size",
        "font-size-adjust",
        "font-stretch",
        "font-style",
        "font-variant",
        "font-weight",
        "image-rendering",
        "letter-spacing",
        "lighting-color",
        "marker-end",
        "marker-mid",
        "marker-start",
        "mask",
        "opacity",
        "overflow",
        "paint-order",
        "pointer-events",
        "shape-rendering",
        "stop-color",
        "stop-opacity",
        "stroke",
        "stroke-dasharray",
        "stroke-dashoffset",
        "stroke-linecap",
        "stroke-linejoin",
        "stroke-miterlimit",
        "stroke-opacity",
        "stroke-width",
        "text-anchor",
        "text-decoration",
        "text-rendering",
        "transform",
        "unicode-bidi",
        "vector-effect",
        "visibility",
        "white-space",
        "word-spacing",
        "writing-mode",
    ]
)
_FONT = re.compile(r"^(?:(?P<style>italic|oblique|normal)\s+)?(?:(?P<weight>bold|normal|\d{3})\s+)?"
                   r"(?P<size>[\d.]+px)\s+(?P<family>.+)$")  # fmt: skip


def _declarations(css: str) -> list[tuple[str, str]]:
    out = []
    for part in css.split(";"):
        name, _, value = part.partition(":")
        name, value = name.strip().lower(), value.strip()
        if not name or not value:
            continue
        if name == "font":  # matplotlib writes the shorthand: "font: 12px 'DejaVu Sans'" (with weight/style)
            m = _FONT.match(value)
            if m:
                out += [(f"font-{k}", v) for k, v in m.groupdict().items() if v]
            continue
        out.append((name, value))
    return out


def _attributes(css: str) -> str:
    return "".join(
        f' {name}="{value.replace(chr(34), chr(39))}"' for name, value in _declarations(css) if name in PRESENTATIE
    )


def svg_zonder_stijl(svg: str) -> str:
    """The same drawing with every style attribute written as presentation attributes, and the style element's
    universal rule (matplotlib's ``*{stroke-linejoin: round; stroke-linecap: butt}``) moved onto the root, where
    those properties inherit from. A strict CSP then draws it exactly as before."""
    root = ""
    for block in _STYLE_ELEMENT.findall(svg):
        for m in re.finditer(r"\*\s*\{([^}]*)\}", block):
            root += _attributes(m.group(1))
    svg = _STYLE_ELEMENT.sub("", svg)
    svg = _STYLE_ATTR.sub(lambda m: _attributes(m.group(1)), svg)
    if root:
        svg = _SVG_OPEN.sub("<svg" + root, svg, count=1)
    return svg
