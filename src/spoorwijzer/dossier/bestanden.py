"""Which documents a dossier accepts: PDF, images and office documents, recognised by their first
bytes and their declared content type together (a name or a content type alone is easily faked),
and no larger than ``settings.DOCUMENT_MAX_BYTES`` (UWV takes at most 10 MB per document)."""

from __future__ import annotations

import zipfile

from django.conf import settings

from spoorwijzer.law.errors import InvalidInput

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old Word/Excel format
# kind: (name for the user, file-name endings, accepted content types)
SOORTEN = {
    "pdf": ("PDF", (".pdf",), {"application/pdf"}),
    "png": ("afbeelding (PNG)", (".png",), {"image/png"}),
    "jpeg": ("afbeelding (JPEG)", (".jpg", ".jpeg"), {"image/jpeg", "image/pjpeg"}),
    "ooxml": (
        "Office-document",
        (".docx", ".xlsx", ".pptx"),
        {
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        },
    ),
    "odf": (
        "OpenDocument",
        (".odt", ".ods", ".odp"),
        {
            "application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.spreadsheet",
            "application/vnd.oasis.opendocument.presentation",
        },
    ),
    "ole": ("Office-document (oud formaat)", (".doc", ".xls"), {"application/msword", "application/vnd.ms-excel"}),
}
TOEGESTAAN = "PDF, PNG, JPEG, Word, Excel, PowerPoint of OpenDocument"


def _soort(f) -> str | None:
    f.seek(0)
    head = f.read(8)
    f.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(OLE):
        return "ole"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(f) as z:
                names = set(z.namelist())
        except zipfile.BadZipFile:
            return None
        finally:
            f.seek(0)
        if "[Content_Types].xml" in names:
            return "ooxml"
        if "mimetype" in names:
            return "odf"
    return None


def controleer_document(f) -> None:
    """Refuse (InvalidInput, Dutch) a file that is too large or not a document of an accepted kind."""
    if f is None:
        return
    limit = settings.DOCUMENT_MAX_BYTES
    if f.size > limit:
        raise InvalidInput(
            f"Het bestand is {f.size / 1_048_576:.1f} MB; de grens is {limit // 1_048_576} MB per document "
            "(zoals bij UWV). Verklein het bestand of splits het."
        )
    if f.size == 0:
        raise InvalidInput("Het bestand is leeg.")
    name = (f.name or "").lower()
    kind = _soort(f)
    if kind is None:
        raise InvalidInput(f"Dit bestand wordt niet geaccepteerd. Upload een {TOEGESTAAN}-bestand.")
    label, endings, types = SOORTEN[kind]
    if not name.endswith(endings):
        raise InvalidInput(
            f"De naam van het bestand past niet bij de inhoud (een {label}); gebruik de extensie {endings[0]}."
        )
    declared = (getattr(f, "content_type", "") or "").split(";")[0].strip().lower()
    # some systems declare office files as octet-stream: then the first bytes and the name decide
    if declared and declared != "application/octet-stream" and declared not in types:
        raise InvalidInput(f"Het bestand is opgegeven als '{declared}' maar is een {label}; het wordt niet aanvaard.")
