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


@pytest.fixture(autouse=True)
def _test_client_logs_in_with_both_steps(monkeypatch):
    """The test client's login()/force_login() stand for a completed login. A user who must log in in two steps
    (the bedrijfsarts, dossier.access.tweede_stap_vereist) gets a confirmed authenticator and a session in which
    the second step and the proof of identity for medical pages are done, as after typing a code. Tests of the
    login itself post to /inloggen/ and the second-step pages instead (tests/security/test_accounts.py)."""
    from django.test import Client

    original_login, original_force = Client.login, Client.force_login

    def _beide_stappen(client, user):
        from django_otp import DEVICE_ID_SESSION_KEY
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from spoorwijzer.dossier import access
        from spoorwijzer.web.beveiliging import HERBEVESTIGD

        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None and access.tweede_stap_vereist(user):
            device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
        session = client.session
        if device is not None:
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session[HERBEVESTIGD] = int(__import__("time").time())
        session.save()

    def login(self, **credentials):
        from django.contrib.auth import get_user_model

        ok = original_login(self, **credentials)
        if ok:
            user = get_user_model()._default_manager.get_by_natural_key(credentials.get("username"))
            _beide_stappen(self, user)
        return ok

    def force_login(self, user, backend=None):
        original_force(self, user, backend)
        _beide_stappen(self, user)

    monkeypatch.setattr(Client, "login", login)
    monkeypatch.setattr(Client, "force_login", force_login)
