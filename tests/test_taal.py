"""One Dutch voice: the glossary (docs/glossary.md) is the source of spelling, and pages, templates,
messages, mails and the CLI follow it; one notation for dates, euros and percentages; the employee reads
abbreviations written out; every page has its own title; the log names people."""

from __future__ import annotations

import ast
import datetime as dt
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command

from spoorwijzer import taalgids
from spoorwijzer.dossier import services
from spoorwijzer.law.money import euro
from spoorwijzer.law.tekst import datum, procent, stapnaam
from tests.world import PASSWORD, fast_password_hashing, media_in_tmp, world  # noqa: F401

SRC = Path(__file__).resolve().parents[1] / "src" / "spoorwijzer"
MONTHS_CAPITALISED = (
    r"\b\d{1,2} (Januari|Februari|Maart|April|Mei|Juni|Juli|Augustus|September|Oktober|November|December)\b"
)


def _wrong(text: str) -> list[str]:
    found = []
    for wrong, right in taalgids.verboden():
        if re.search(r"(?<![\w-])" + re.escape(wrong) + r"(?![\w-])", text, flags=re.IGNORECASE):
            found.append(f"{wrong!r} (schrijf: {right})")
    return found


class _Text(HTMLParser):
    """The text a reader sees (and the page title): no tags, attributes, scripts or styles."""

    def __init__(self):
        super().__init__()
        self.parts, self.title, self._skip, self._in_title = [], "", 0, False

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif not self._skip:
            self.parts.append(data)


def _visible(html: str) -> tuple[str, str]:
    p = _Text()
    p.feed(html)
    return re.sub(r"[ \t\r\n]+", " ", " ".join(p.parts)), p.title.strip()


def _voice_problems(text: str) -> list[str]:
    problems = _wrong(text)
    problems += [f"ISO-datum {m}" for m in re.findall(r"\b\d{4}-\d{2}-\d{2}\b", text)]
    problems += [f"datum met streepjes {m}" for m in re.findall(r"\b\d{1,2}-\d{1,2}-\d{4}\b", text)]
    problems += [f"maand met hoofdletter {m}" for m in re.findall(MONTHS_CAPITALISED, text)]
    problems += [f"euro zonder vaste spatie {m!r}" for m in re.findall(r"€(?!\u00a0)\s?\S{0,6}", text)]
    problems += [f"procent met punt {m}" for m in re.findall(r"\b\d+\.\d+ ?%", text)]
    problems += ["lege keuze '---------' in plaats van '— kies —'"] if "---------" in text else []
    return problems


def test_notation_helpers():
    assert datum(dt.date(2026, 11, 24)) == "24 november 2026"
    assert datum("2025-05-13") == "13 mei 2025"
    assert euro(410000) == "€\u00a04.100,00"
    assert procent(38.2345) == "38,23%"
    assert stapnaam("Evaluatie plan van aanpak", 1) == "1e evaluatie plan van aanpak"


def test_glossary_is_read_and_the_packaged_copy_matches():
    wrong = dict(taalgids.verboden())
    assert wrong["vakantietoeslag"] == "vakantiebijslag" and wrong["route-advies"] == "routeadvies"
    assert taalgids.afkortingen() == taalgids._AFKORTINGEN


def test_templates_and_message_strings_use_the_glossary_spelling():
    problems = []
    for path in sorted((SRC / "web" / "templates").rglob("*.html")):
        text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", " ", path.read_text(encoding="utf-8"), flags=re.S)
        problems += [f"{path.name}: {w}" for w in _wrong(_visible(text)[0])]
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            # user-facing text has spaces; identifiers and keys ("reintegratiebedrijf") do not
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and " " in node.value.strip():
                problems += [f"{path.relative_to(SRC)}:{node.lineno}: {w}" for w in _wrong(node.value)]
    for path in sorted(SRC.rglob("*.yaml")):
        problems += [f"{path.relative_to(SRC)}: {w}" for w in _wrong(path.read_text(encoding="utf-8"))]
    assert not problems, "\n".join(problems)


def test_templates_show_dates_in_the_one_dutch_notation():
    """Django's own `date` filter gives "6 jan 2025" or "januari 2025" beside law/tekst's "6 januari 2025":
    pages take the nl_datum/nl_maand/nl_datum_tijd filters; only form values keep the ISO date an input needs."""
    found = []
    for path in sorted(SRC.rglob("*.html")):
        for m in re.finditer(r"\|date:(['\"])(.*?)\1", path.read_text(encoding="utf-8")):
            if m.group(2) != "Y-m-d":
                found.append(f"{path.relative_to(SRC)}: {m.group(0)}")
    assert not found, "\n".join(found)


def test_cli_help_uses_the_glossary_spelling():
    for args in ([], ["tijdlijn"], ["bereken"], ["parameters"]):
        out = subprocess.run(
            [sys.executable, "-m", "spoorwijzer.cli", *args, "--help"], capture_output=True, text=True
        ).stdout
        assert out and not _wrong(out), (args, _wrong(out))


@pytest.fixture
def named_world(world):  # noqa: F811  (the fixture imported above)
    cm = world.users.casemanager
    cm.first_name, cm.last_name = "Carla", "de Vries"
    cm.save()
    services.vastleggen(world.users.bedrijfsarts, world.anna, "probleemanalyse", world.today, {"mogelijkheden": "x"})
    return world


def _pages(client, user, urls):
    client.login(username=user.username, password=PASSWORD)
    out = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        out[(user.username, url)] = _visible(response.content.decode())
    client.logout()
    return out


def test_rendered_pages_speak_one_voice_with_a_title_each(client, named_world):
    w = named_world
    pages = _pages(
        client,
        w.users.casemanager,
        ["/", "/ziekmelding/", f"/dossier/{w.anna.pk}/", f"/dossier/{w.anna.pk}/inkomen/", "/agenda/"],
    )
    pages |= _pages(client, w.users.casemanager, ["/beheer/gebruikers/nieuw/"])
    pages |= _pages(client, w.users.werknemer, [f"/dossier/{w.anna.pk}/", f"/dossier/{w.anna.pk}/inkomen/"])
    for url, (text, _title) in pages.items():
        assert not _voice_problems(text), (url, _voice_problems(text))
    titles = [title for _text, title in pages.values()]
    assert len(set(titles[:5])) == 5, titles
    assert (
        "— kies —" in pages[(w.users.casemanager.username, "/ziekmelding/")][0]
    )  # the casemanager's five pages: five titles
    case_text = pages[(w.users.casemanager.username, f"/dossier/{w.anna.pk}/")][0]
    assert "Carla de Vries (casemanager)" in case_text and "Casemanager cm" not in case_text
    assert "Werkpad" in case_text  # the re-integratiebedrijf by name, not its id
    dashboard = pages[(w.users.casemanager.username, "/")][0]
    assert re.search(r"\d+ termijnen? te laat", dashboard) and "Filteren" in dashboard


def test_the_employee_reads_abbreviations_written_out_and_plain_headings(client, named_world):
    w = named_world
    pages = _pages(client, w.users.werknemer, [f"/dossier/{w.anna.pk}/", f"/dossier/{w.anna.pk}/inkomen/"])
    for url, (text, _title) in pages.items():
        for abbr, full in taalgids.afkortingen().items():
            if re.search(rf"\b{abbr}\b", text):
                assert full.lower() in text.lower(), (url, abbr)
    case = pages[(w.users.werknemer.username, f"/dossier/{w.anna.pk}/")][0]
    assert "Hallo Anna" in case  # the employee's own page (views_rollen), in plain words


def test_deadline_mail_uses_dutch_dates(named_world, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("stuur_termijnmeldingen")
    assert mail.outbox
    body = mail.outbox[0].body
    assert not _voice_problems(body), _voice_problems(body)
    assert re.search(
        r"\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}", body
    )
