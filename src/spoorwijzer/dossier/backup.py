"""Backup and restore of the whole installation: the database and the documents (issue 10, item 15).

One archive (``.tar.gz``, written 0600) holds:

- ``database.sqlite3`` (SQLite, a consistent copy through SQLite's online backup API, safe while the app runs) or
  ``database.pgdump`` (PostgreSQL, ``pg_dump --format=custom``: schema, data, sequences and the append-only
  triggers, one consistent snapshot);
- ``documenten/``: every uploaded and generated document under MEDIA_ROOT;
- ``manifest.json``: when, which database, the number of rows per table, the last audit hash, and a SHA-256 of
  every file, so a restore can prove it is complete.

A restore refuses a non-empty database unless told to overwrite, puts the database and the documents back (files
0600 in folders 0700), then compares the rows per table and every file's hash with the manifest and checks the
audit's hash chain. Nothing here encrypts: encrypt the archive or the disk it lands on (docs/security.md).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection

from spoorwijzer.law.errors import InvalidInput

FORMAAT = 1
BESTAND_RECHTEN = 0o600
MAP_RECHTEN = 0o700


def _tabellen() -> list[str]:
    return sorted(m._meta.db_table for m in apps.get_models() if m._meta.managed and not m._meta.proxy)


def tellingen() -> dict[str, int]:
    """Rows per table of every model (what a restore must bring back)."""
    existing = set(connection.introspection.table_names())
    out = {}
    with connection.cursor() as cur:
        for table in _tabellen():
            if table in existing:
                cur.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 (table names from the models)
                out[table] = cur.fetchone()[0]
    return out


def _laatste_audithash() -> str:
    from spoorwijzer.dossier.models import Auditregel

    row = Auditregel.objects.order_by("-pk").values_list("hash", flat=True).first()
    return row or ""


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _media() -> Path:
    return Path(settings.MEDIA_ROOT)


def _bestanden(root: Path) -> dict[str, str]:
    if not root.exists():
        return {}
    return {p.relative_to(root).as_posix(): _sha256(p) for p in sorted(root.rglob("*")) if p.is_file()}


def _pg_args() -> tuple[list[str], dict[str, str]]:
    s = connection.settings_dict
    env = {**os.environ}
    if s.get("PASSWORD"):
        env["PGPASSWORD"] = s["PASSWORD"]
    args = ["--dbname", s["NAME"]]
    if s.get("HOST"):
        args += ["--host", s["HOST"]]
    if s.get("PORT"):
        args += ["--port", str(s["PORT"])]
    if s.get("USER"):
        args += ["--username", s["USER"]]
    return args, env


def _run(cmd: list[str], env: dict[str, str]) -> None:
    try:
        subprocess.run(cmd, env=env, check=True, capture_output=True, text=True)
    except FileNotFoundError:
        raise InvalidInput(
            f"Het programma {cmd[0]} ontbreekt; installeer de PostgreSQL-clientprogramma's (postgresql-client)."
        ) from None
    except subprocess.CalledProcessError as exc:
        raise InvalidInput(f"{cmd[0]} mislukte: {exc.stderr.strip()[-500:]}") from None


def _dump_database(target: Path) -> str:
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        dest = sqlite3.connect(target)
        try:
            connection.connection.backup(dest)
        finally:
            dest.close()
        return "database.sqlite3"
    if connection.vendor == "postgresql":
        args, env = _pg_args()
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(target), *args], env)
        return "database.pgdump"
    raise InvalidInput(f"Back-up van een {connection.vendor}-database wordt niet ondersteund.")


def maak_backup(uitvoer: Path) -> dict:
    """Write the archive; returns the manifest."""
    uitvoer = Path(uitvoer)
    if uitvoer.exists():
        raise InvalidInput(f"Het bestand {uitvoer} bestaat al; kies een nieuwe naam (een back-up overschrijft niets).")
    uitvoer.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="spoorwijzer-backup-") as tmp:
        dump = Path(tmp) / "database"
        naam = _dump_database(dump)
        manifest = {
            "formaat": FORMAAT,
            "gemaakt_op": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "database": connection.vendor,
            "databasebestand": naam,
            "database_sha256": _sha256(dump),
            "tabellen": tellingen(),
            "laatste_audithash": _laatste_audithash(),
            "documenten": _bestanden(_media()),
        }
        fd = os.open(uitvoer, os.O_WRONLY | os.O_CREAT | os.O_EXCL, BESTAND_RECHTEN)
        with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
            data = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size, info.mode = len(data), BESTAND_RECHTEN
            tar.addfile(info, io.BytesIO(data))
            tar.add(dump, arcname=naam)
            for rel in manifest["documenten"]:
                tar.add(_media() / rel, arcname=f"documenten/{rel}")
    return manifest


def _leeg() -> bool:
    counts = tellingen()
    skip = {"django_migrations", "django_content_type", "auth_permission", "django_session"}
    return not any(n for t, n in counts.items() if t not in skip)


def _veilig_uitpakken(tar: tarfile.TarFile, member: tarfile.TarInfo, doel: Path, naam: str) -> None:
    """Extract one regular file to `doel/naam`, never outside `doel` (no absolute paths, '..' or links); folders
    0700, the file 0600."""
    if not member.isfile():
        raise InvalidInput(f"De back-up bevat iets anders dan een bestand: {member.name}.")
    root = doel.resolve()
    target = (root / naam).resolve()
    if root not in target.parents:
        raise InvalidInput(f"De back-up bevat een ongeldig pad: {member.name}.")
    folder = target.parent
    folder.mkdir(mode=MAP_RECHTEN, parents=True, exist_ok=True)
    while folder != root:  # mkdir's mode is cut by the umask; set it on every folder made below the root
        folder.chmod(MAP_RECHTEN)
        folder = folder.parent
    src = tar.extractfile(member)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, BESTAND_RECHTEN)
    with os.fdopen(fd, "wb") as out:
        shutil.copyfileobj(src, out)
    target.chmod(BESTAND_RECHTEN)


def _zet_database_terug(dump: Path, naam: str, vendor: str) -> None:
    if vendor != connection.vendor:
        raise InvalidInput(
            f"Deze back-up komt uit {vendor}; deze installatie gebruikt {connection.vendor}. Zet hem terug in een "
            "installatie met dezelfde soort database."
        )
    if vendor == "sqlite":
        connection.ensure_connection()
        src = sqlite3.connect(dump)
        try:
            src.backup(connection.connection)  # replaces every page of the current database (file or memory)
        finally:
            src.close()
        return
    args, env = _pg_args()
    with connection.cursor() as cur:  # an empty schema: pg_restore then creates every object of the dump
        cur.execute("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;")
    connection.close()  # no statement prepared against the old tables survives
    _run(["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", *args, str(dump)], env)


def zet_terug(invoer: Path, overschrijven: bool = False) -> dict:
    """Restore an archive made by maak_backup; returns the manifest after checking the result against it."""
    invoer = Path(invoer)
    if not invoer.is_file():
        raise InvalidInput(f"Het bestand {invoer} bestaat niet.")
    if not overschrijven and not _leeg():
        raise InvalidInput(
            "De database bevat al gegevens. Terugzetten vervangt alles; geef --overschrijven als dat de bedoeling is."
        )
    with tempfile.TemporaryDirectory(prefix="spoorwijzer-restore-") as tmp, tarfile.open(invoer, "r:gz") as tar:
        try:
            manifest = json.load(tar.extractfile("manifest.json"))
        except (KeyError, TypeError, ValueError):
            raise InvalidInput(f"{invoer} is geen Spoorwijzer-back-up (manifest.json ontbreekt).") from None
        if manifest.get("formaat") != FORMAAT:
            raise InvalidInput(f"Onbekend back-upformaat {manifest.get('formaat')!r}.")
        naam = manifest["databasebestand"]
        dump = Path(tmp) / naam
        _veilig_uitpakken(tar, tar.getmember(naam), Path(tmp), naam)
        if _sha256(dump) != manifest["database_sha256"]:
            raise InvalidInput("De database in de back-up is beschadigd (SHA-256 klopt niet); er is niets veranderd.")
        _zet_database_terug(dump, naam, manifest["database"])
        media = _media()
        if media.exists():
            shutil.rmtree(media)
        media.mkdir(mode=MAP_RECHTEN, parents=True)
        media.chmod(MAP_RECHTEN)
        for member in tar.getmembers():
            if member.name.startswith("documenten/"):
                _veilig_uitpakken(tar, member, media, member.name.removeprefix("documenten/"))
    controleer(manifest)
    return manifest


def controleer(manifest: dict) -> None:
    """The restored installation is the one backed up: rows per table, documents and the audit chain."""
    from django.core.management import call_command

    counts = tellingen()
    verschil = {t: (n, counts.get(t)) for t, n in manifest["tabellen"].items() if counts.get(t) != n}
    if verschil:
        raise InvalidInput(f"Na het terugzetten verschillen de aantallen rijen: {verschil}.")
    files = _bestanden(_media())
    if files != manifest["documenten"]:
        raise InvalidInput("Na het terugzetten verschillen de documenten van de back-up.")
    if manifest.get("laatste_audithash") != _laatste_audithash():
        raise InvalidInput("Na het terugzetten is de laatste auditregel een andere dan in de back-up.")
    call_command("controleer_audit", stdout=io.StringIO())
