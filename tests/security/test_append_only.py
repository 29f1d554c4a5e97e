"""History cannot be changed in the database, and the audit log shows it when somebody does (issue 10, item 5)."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from spoorwijzer.dossier import append_only, services
from spoorwijzer.dossier.models import Auditregel, Gebeurtenis, MedischGegeven


def refused(fn) -> bool:
    try:
        with transaction.atomic():
            fn()
    except DatabaseError as exc:
        assert "append-only" in str(exc)
        return True
    return False


def test_queryset_update_and_delete_are_refused_by_the_database(world):
    services.medisch_vastleggen(world.users.bedrijfsarts, world.bert, "diagnose", "Hernia L4-L5")
    for model in (Gebeurtenis, MedischGegeven, Auditregel):
        n = model.objects.count()
        assert n > 0
        field = {"Gebeurtenis": "toelichting", "MedischGegeven": "tekst", "Auditregel": "detail"}[model.__name__]
        assert refused(lambda m=model, f=field: m.objects.update(**{f: "overschreven"})), model
        assert refused(lambda m=model: m.objects.all().delete()), model
        assert model.objects.count() == n
    # raw SQL is refused too: it is the database that says no
    assert refused(lambda: connection.cursor().execute("DELETE FROM dossier_gebeurtenis"))
    assert refused(lambda: connection.cursor().execute("UPDATE dossier_auditregel SET detail = 'x'"))


def test_triggers_are_back_after_migrate_even_if_a_table_was_rebuilt(world):
    append_only.uninstall(connection)
    assert not append_only.installed(connection)
    call_command("migrate", verbosity=0)  # post_migrate puts them back
    assert len(append_only.installed(connection)) >= len(append_only.TABLES)
    assert refused(lambda: Gebeurtenis.objects.update(toelichting="x"))


def _tamper(sql: str, params=()):
    """What an attacker with the database owner's rights could do: switch the guard off, change, switch it on."""
    append_only.uninstall(connection)
    with connection.cursor() as cur:
        cur.execute(sql, params)
    append_only.install(connection)


def _verify(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("controleer_audit", *args, stdout=out)
    return out.getvalue()


def test_the_audit_chain_verifies_and_shows_an_edited_row(world):
    services.medisch_lezen(world.users.bedrijfsarts, world.bert)
    rows = list(Auditregel.objects.order_by("pk"))
    assert len(rows) >= 4
    assert rows[0].vorige_hash == "" and all(b.vorige_hash == a.hash for a, b in zip(rows, rows[1:], strict=False))
    assert "keten ongebroken" in _verify()
    victim = rows[2]
    _tamper("UPDATE dossier_auditregel SET detail = %s WHERE id = %s", ["niets gelezen", victim.pk])
    with pytest.raises(CommandError, match=f"Auditregel {victim.pk}: de inhoud is gewijzigd"):
        _verify()


def test_the_audit_chain_shows_a_removed_row(world):
    rows = list(Auditregel.objects.order_by("pk"))
    _tamper("DELETE FROM dossier_auditregel WHERE id = %s", [rows[1].pk])
    with pytest.raises(CommandError, match=f"Auditregel {rows[2].pk}: de keten is gebroken"):
        _verify()


def test_a_cut_off_end_is_seen_with_a_hash_kept_elsewhere(world):
    rows = list(Auditregel.objects.order_by("pk"))
    head = rows[-1].hash
    assert "keten ongebroken" in _verify("--bevat", head)
    _tamper("DELETE FROM dossier_auditregel WHERE id = %s", [rows[-1].pk])
    assert "keten ongebroken" in _verify()  # the rest still chains ...
    with pytest.raises(CommandError, match="afgekapt"):
        _verify("--bevat", head)  # ... but the hash noted earlier is gone
