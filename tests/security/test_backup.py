"""Documents and data at rest (issue 10, item 15): files 0600 in folders 0700, and a backup that survives a wipe.
The backup test dumps a real installation (cases, events, an uploaded and a generated document, the audit chain),
wipes the database and the documents, restores, and compares everything; on SQLite and on PostgreSQL alike."""

from __future__ import annotations

import io
import stat
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client

from spoorwijzer.dossier import backup
from spoorwijzer.dossier.models import Auditregel, Gebeurtenis, GemaaktDocument
from tests.world import PASSWORD, build_world

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def client_for(user):
    c = Client()
    assert c.login(username=user.username, password=PASSWORD)
    return c


def _upload(world):
    r = client_for(world.users.casemanager).post(
        f"/dossier/{world.anna.pk}/vastleggen/document/",
        {
            "datum": world.today.isoformat(),
            "veld_titel": "Verslag",
            "document": SimpleUploadedFile("verslag.pdf", PDF, content_type="application/pdf"),
        },
    )
    assert r.status_code == 302, r.content.decode()[:1000]
    return Gebeurtenis.objects.exclude(document="").latest("pk")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _generated(world):
    r = client_for(world.users.casemanager).post(
        f"/dossier/{world.anna.pk}/documenten/maken/", {"soort": "re_integratieverslag"}
    )
    assert r.status_code == 302, r.content.decode()[:1000]
    return GemaaktDocument.objects.latest("pk")


def test_documents_are_written_0600_in_folders_0700(world, tmp_path):
    media = Path(settings.MEDIA_ROOT)
    uploaded = Path(_upload(world).document.path)
    generated = Path(_generated(world).bestand.path)
    for f in (uploaded, generated):
        assert _mode(f) == 0o600, f
        folder = f.parent
        while True:
            assert _mode(folder) == 0o700, folder
            if folder == media:
                break
            folder = folder.parent


def test_the_data_folder_is_private(tmp_path):
    """settings make the data folder 0700 (the SQLite database, the documents and the key live in it)."""
    import os
    import subprocess
    import sys

    data = tmp_path / "data"
    env = {**os.environ, "SPOORWIJZER_DATA_DIR": str(data)}
    subprocess.run([sys.executable, "-c", "import spoorwijzer.settings"], env=env, check=True)
    assert _mode(data) == 0o700
    assert _mode(data / "secret_key") == 0o600


def _snapshot():
    """Everything a restore must bring back, in a comparable form."""
    rows = {}
    with connection.cursor() as cur:
        for table in ("dossier_gebeurtenis", "dossier_auditregel", "dossier_verzuimgeval", "dossier_termijn"):
            cur.execute(f'SELECT * FROM "{table}" ORDER BY 1')  # noqa: S608
            rows[table] = [tuple(str(v) for v in r) for r in cur.fetchall()]
    files = {
        p.relative_to(settings.MEDIA_ROOT).as_posix(): p.read_bytes()
        for p in Path(settings.MEDIA_ROOT).rglob("*")
        if p.is_file()
    }
    return backup.tellingen(), rows, files


def _wipe():
    import shutil

    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            cur.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
        else:
            cur.execute("PRAGMA foreign_keys = OFF")
            for table in connection.introspection.table_names():
                cur.execute(f'DROP TABLE "{table}"')
            cur.execute("PRAGMA foreign_keys = ON")
    shutil.rmtree(settings.MEDIA_ROOT)


@pytest.fixture
def committed(transactional_db):
    """Committed rows (pg_dump reads from its own connection). Django empties the tables after the test; on SQLite
    that is a DELETE, which the restored append-only guard refuses: take it off first (tests/conftest.py puts it
    back before the next test)."""
    yield
    if connection.vendor == "sqlite":
        from spoorwijzer.dossier import append_only

        append_only.uninstall(connection)


def test_backup_wipe_restore_gives_back_the_same_installation(committed, tmp_path):
    world = build_world()
    _upload(world)
    _generated(world)
    before = _snapshot()
    assert before[0]["dossier_gebeurtenis"] > 0 and len(before[2]) == 2
    archief = tmp_path / "back-up.tar.gz"
    out = io.StringIO()
    call_command("backup", str(archief), stdout=out)
    assert "Back-up gemaakt" in out.getvalue() and _mode(archief) == 0o600
    with tarfile.open(archief) as tar:
        names = tar.getnames()
    assert "manifest.json" in names and any(n.startswith("database.") for n in names)
    assert sum(n.startswith("documenten/") for n in names) == 2

    _wipe()
    assert not Path(settings.MEDIA_ROOT).exists()

    out = io.StringIO()
    call_command("restore", str(archief), stdout=out)
    assert "Teruggezet" in out.getvalue()
    assert _snapshot() == before
    for f in Path(settings.MEDIA_ROOT).rglob("*"):
        assert _mode(f) == (0o600 if f.is_file() else 0o700)
    # the restored installation works: the audit chain is whole and the append-only guard is back
    call_command("controleer_audit", stdout=io.StringIO())
    with pytest.raises(Exception):  # noqa: B017,PT011 (the database's own refusal: IntegrityError/DatabaseError)
        Auditregel.objects.all().delete()
    connection.close()

    # a second restore over a database that now has data is refused unless asked for
    with pytest.raises(CommandError, match="--overschrijven"):
        call_command("restore", str(archief), stdout=io.StringIO())
    call_command("restore", str(archief), "--overschrijven", stdout=io.StringIO())
    assert _snapshot() == before


def test_a_damaged_or_foreign_archive_is_refused_in_dutch(committed, tmp_path):
    build_world()
    archief = tmp_path / "b.tar.gz"
    call_command("backup", str(archief), stdout=io.StringIO())
    with pytest.raises(CommandError, match="bestaat al"):
        call_command("backup", str(archief), stdout=io.StringIO())
    vreemd = tmp_path / "vreemd.tar.gz"
    with tarfile.open(vreemd, "w:gz") as tar:
        data = b"x"
        info = tarfile.TarInfo("../../etc/passwd")
        info.size = 1
        tar.addfile(info, io.BytesIO(data))
    with pytest.raises(CommandError, match="geen Spoorwijzer-back-up"):
        call_command("restore", str(vreemd), "--overschrijven", stdout=io.StringIO())
