"""The employer's quality file as a PDF (issue 13 part 3): the same data as the page and the JSON export
(dossier.kwaliteit), printed with the documents' own template engine and WeasyPrint."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from spoorwijzer.documents.opmaak import render_html, weasyprint

TEMPLATE = "documenten/kwaliteitsdossier.v3.html"


def render_pdf(data: dict[str, Any], gemaakt_door: str) -> bytes:
    HTML = weasyprint().HTML
    html = render_html(TEMPLATE, {"d": data, "gemaakt_door": gemaakt_door})
    return HTML(string=html, base_url=".").write_pdf(
        pdf_identifier=hashlib.sha256(json.dumps(data, sort_keys=True).encode()).digest()[:16],
        custom_metadata=False,
    )
