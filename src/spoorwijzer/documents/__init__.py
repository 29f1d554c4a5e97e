"""What leaves the system as a file: the dossier's PDF documents (HTML templates rendered by WeasyPrint).

Arrows: documents -> dossier -> law. A document is made in two steps: a *snapshot* (plain JSON: every text,
date and amount the document shows, taken from the dossier's events and from law's results) and a rendering
of that snapshot with a versioned template. Both are stored (dossier.models.GemaaktDocument), so the same
document can be produced again, byte for byte, from what was stored (docs/decisions/0016-document-snapshots.md).
"""
