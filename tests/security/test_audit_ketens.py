"""The audit log's several hash chains on PostgreSQL (decision 0032): every chain verifies on its own and still
shows an edited, removed, inserted or moved row; simultaneous writers (threads with their own connections on the
real PostgreSQL server) leave whole chains; the rows from before the chains verify as they did."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from spoorwijzer.dossier import append_only, models, services
from spoorwijzer.dossier.models import Auditregel, audit_hash
from tests.security.test_concurrency import together

ON_POSTGRES = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
postgres_only = pytest.mark.skipif(not ON_POSTGRES, reason="several chains are written on PostgreSQL only")


def _verify(*args) -> str:
    out = StringIO()
    call_command("controleer_audit", *args, stdout=out)
    return out.getvalue()


def _tamper(sql: str, params=()):
    """What an attacker with the database owner's rights could do: switch the guard off, change, switch it on."""
    append_only.uninstall(connection)
    with connection.cursor() as cur:
        cur.execute(sql, params)
    append_only.install(connection)


def _write_in_chains(world, monkeypatch, ketens=(0, 1, 3), per=4) -> dict[int, list[Auditregel]]:
    """per rows in each chain, the chains taking turns (so each chain's ids have other chains' ids between them),
    with unused ids between the rounds (as rolled-back transactions leave them), where a forged row could go."""
    for i in range(per):
        for k in ketens:
            monkeypatch.setattr(models, "voorkeursketen", lambda k=k: k)
            services.audit(world.users.casemanager, "lezen_dossier", world.anna, detail=f"keten {k} regel {i}")
        with connection.cursor() as cur:
            cur.execute(
                "SELECT setval(pg_get_serial_sequence('dossier_auditregel', 'id'), max(id) + 10) FROM dossier_auditregel"
            )
    monkeypatch.undo()
    rows = {k: list(Auditregel.objects.filter(keten=k).order_by("pk")) for k in ketens}  # with the world's rows
    assert all(len(r) >= per for r in rows.values())
    return rows


def test_chain_zero_hashes_as_the_one_chain_did(world, monkeypatch):
    """The rows written before decision 0032 are chain 0: their hash is the formula of before, byte for byte."""
    monkeypatch.setattr(models, "voorkeursketen", lambda: 0)
    services.audit(world.users.casemanager, "lezen_dossier", world.anna, detail="keten 0")
    row = Auditregel.objects.filter(keten=0).order_by("pk").last()
    fields = [
        row.user_id,
        row.rol,
        row.actie,
        row.geval_id,
        row.object_soort,
        row.object_id,
        row.detail,
        row.tijdstip.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
    ]
    if row.organisatie_id is not None:
        fields.append(row.organisatie_id)
    before = hashlib.sha256((row.vorige_hash + "\n" + json.dumps(fields, ensure_ascii=False)).encode()).hexdigest()
    assert audit_hash(row, row.vorige_hash) == before == row.hash
    row.keten = 2  # the same content in another chain hashes differently
    assert audit_hash(row, row.vorige_hash) != before


@postgres_only
def test_every_chain_verifies_on_its_own(world, monkeypatch):
    rows = _write_in_chains(world, monkeypatch)
    for k, chain in rows.items():
        assert chain[0].vorige_hash == "", k  # each chain starts from nothing ...
        assert all(b.vorige_hash == a.hash for a, b in zip(chain, chain[1:], strict=False)), k  # ... and links
    out = _verify(*[arg for k, chain in rows.items() for arg in ("--bevat", chain[-1].hash)])
    used = set(Auditregel.objects.values_list("keten", flat=True))  # the world's rows too, in this process's chain
    assert "elke keten ongebroken" in out and f"in {len(used)} ketens" in out
    for k, chain in rows.items():
        assert f"keten {k} ({len(chain)} regels): {chain[-1].hash}" in out


@postgres_only
@pytest.mark.parametrize("keten", [0, 1, 3])
def test_an_edited_row_breaks_its_chain(world, monkeypatch, keten):
    victim = _write_in_chains(world, monkeypatch)[keten][-2]
    _tamper("UPDATE dossier_auditregel SET detail = %s WHERE id = %s", ["niets gelezen", victim.pk])
    with pytest.raises(CommandError, match=f"Auditregel {victim.pk}: de inhoud is gewijzigd"):
        _verify()


@postgres_only
@pytest.mark.parametrize("keten", [0, 1, 3])
def test_a_removed_row_breaks_its_chain(world, monkeypatch, keten):
    chain = _write_in_chains(world, monkeypatch)[keten]
    _tamper("DELETE FROM dossier_auditregel WHERE id = %s", [chain[-3].pk])
    with pytest.raises(CommandError, match=f"Auditregel {chain[-2].pk}: de keten is gebroken .*keten {keten}"):
        _verify()


@postgres_only
@pytest.mark.parametrize("keten", [0, 1, 3])
def test_an_inserted_row_breaks_its_chain(world, monkeypatch, keten):
    """A forged row slipped in between two rows of a chain, with a hash that fits the row before it."""
    chain = _write_in_chains(world, monkeypatch)[keten]
    before, after = chain[-3], chain[-2]
    with connection.cursor() as cur:  # a free id between the two (the ids of other chains lie between them too)
        cur.execute(
            "SELECT id FROM generate_series(%s, %s) id EXCEPT SELECT id FROM dossier_auditregel", [before.pk, after.pk]
        )
        free = [r[0] for r in cur.fetchall()]
    assert free
    forged = Auditregel(
        pk=min(free), user_id=before.user_id, rol=before.rol, actie="lezen_dossier", detail="ingevoegd", keten=keten
    )
    forged.tijdstip = before.tijdstip
    forged.vorige_hash = before.hash
    forged.hash = audit_hash(forged, before.hash)
    _tamper(
        "INSERT INTO dossier_auditregel (id, user_id, rol, actie, object_soort, object_id, detail, tijdstip, "
        "vorige_hash, hash, keten) VALUES (%s, %s, %s, %s, '', '', %s, %s, %s, %s, %s)",
        [
            forged.pk,
            forged.user_id,
            forged.rol,
            forged.actie,
            forged.detail,
            forged.tijdstip,
            forged.vorige_hash,
            forged.hash,
            keten,
        ],
    )
    with pytest.raises(CommandError, match=f"Auditregel {after.pk}: de keten is gebroken"):
        _verify()


@postgres_only
def test_a_row_moved_to_another_chain_breaks_both(world, monkeypatch):
    rows = _write_in_chains(world, monkeypatch)
    victim = rows[1][-2]
    _tamper("UPDATE dossier_auditregel SET keten = 3 WHERE id = %s", [victim.pk])
    with pytest.raises(CommandError, match="Auditregel"):
        _verify()


@postgres_only
def test_a_cut_off_chain_end_is_seen_with_its_hash_kept_elsewhere(world, monkeypatch):
    rows = _write_in_chains(world, monkeypatch)
    heads = [arg for chain in rows.values() for arg in ("--bevat", chain[-1].hash)]
    assert "ongebroken" in _verify(*heads)
    _tamper("DELETE FROM dossier_auditregel WHERE id = %s", [rows[3][-1].pk])
    assert "ongebroken" in _verify()  # the rest still chains ...
    with pytest.raises(CommandError, match="afgekapt"):
        _verify(*heads)  # ... but chain 3's hash noted earlier is gone


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_simultaneous_writers_leave_whole_chains():
    """16 threads, each with its own connection to the real PostgreSQL server, write 25 audit rows each at once:
    none is lost, the writers spread over several chains instead of queueing for one, and every chain verifies."""
    from tests.world import build_world

    w = build_world()
    user = w.users.casemanager
    start = Auditregel.objects.count()

    def write(i):
        for j in range(25):
            services.audit(user, "lezen_dossier", w.anna, detail=f"draad {i} regel {j}")
        return i

    results = together(16, write)
    assert [k for k, _ in results] == ["ok"] * 16, results
    assert Auditregel.objects.count() == start + 16 * 25
    used = set(Auditregel.objects.filter(detail__startswith="draad ").values_list("keten", flat=True))
    assert len(used) > 1, used  # one process, one preferred chain: the others were taken when it was busy
    assert used <= set(range(models.AUDIT_KETENS))
    assert "elke keten ongebroken" in _verify()
