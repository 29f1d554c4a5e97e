"""Shared by the whole suite."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _append_only_guard_and_flush(request, django_db_blocker):
    """After a transactional test Django empties every table ('flush'); on SQLite that is a DELETE, which the
    append-only triggers refuse (and the order of the tables cannot carry the purge exit). So on SQLite only: the
    guard comes off after a test that flushes, just before the flush, and every database test puts it back (if
    missing) before it starts. During each test the triggers are active. PostgreSQL flushes with TRUNCATE, which
    the row triggers do not see."""
    uses_db = "django_db_setup" in request.fixturenames
    flushes = bool({"transactional_db", "live_server"} & set(request.fixturenames))
    if uses_db:
        from django.db import connection

        from spoorwijzer.dossier import append_only

        with django_db_blocker.unblock():
            if connection.vendor == "sqlite":
                append_only.install(connection)
    yield
    if uses_db and flushes:
        with django_db_blocker.unblock():
            if connection.vendor == "sqlite":
                append_only.uninstall(connection)
