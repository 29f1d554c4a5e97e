"""Append-only in the database itself: triggers refuse UPDATE and DELETE on the history tables, whatever code
(or person with a SQL prompt and the application's account) tries it. The one exit is a retention purge:
inside its transaction a `dossier_vernietiging` row is `lopend`, and only then do deletes pass (see
`beheer vernietig`, docs/security.md). `demo --reset` empties a whole demo database with the triggers lifted for
its one transaction.

Installed by migration 0004 and again after every `migrate` (post_migrate), because SQLite drops a table's
triggers when a later migration rebuilds that table."""

from __future__ import annotations

TABLES = (
    "dossier_gebeurtenis",
    "dossier_medischgegeven",
    "dossier_auditregel",
    "dossier_intrekking",
    "dossier_contactmoment",
    "dossier_beleidsnotitie",
    "dossier_zelfbeoordeling",
)
MESSAGE = "Spoorwijzer: vastgelegde geschiedenis is append-only (leg een correctie vast)"


def _sqlite(table: str) -> list[str]:
    return [
        f"CREATE TRIGGER IF NOT EXISTS {table}_geen_wijziging BEFORE UPDATE ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
        f"CREATE TRIGGER IF NOT EXISTS {table}_geen_verwijdering BEFORE DELETE ON {table} "
        "WHEN NOT EXISTS (SELECT 1 FROM dossier_vernietiging WHERE lopend) "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
    ]


POSTGRES_FUNCTION = f"""CREATE OR REPLACE FUNCTION spoorwijzer_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM dossier_vernietiging WHERE lopend) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '{MESSAGE}: % op % geweigerd', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'integrity_constraint_violation';
END $$ LANGUAGE plpgsql"""


def _present(connection, cur) -> list[str]:
    """The tables of TABLES that exist (an early migration installs before later tables are created)."""
    names = set(connection.introspection.table_names(cur))
    return [t for t in TABLES if t in names]


def install(connection) -> None:
    with connection.cursor() as cur:
        tables = _present(connection, cur)
        if connection.vendor == "postgresql":
            cur.execute(POSTGRES_FUNCTION)
            for t in tables:
                cur.execute(f"DROP TRIGGER IF EXISTS {t}_append_only ON {t}")
                cur.execute(
                    f"CREATE TRIGGER {t}_append_only BEFORE UPDATE OR DELETE ON {t} "
                    "FOR EACH ROW EXECUTE FUNCTION spoorwijzer_append_only()"
                )
        elif connection.vendor == "sqlite":
            for t in tables:
                for sql in _sqlite(t):
                    cur.execute(sql)


def uninstall(connection) -> None:
    with connection.cursor() as cur:
        for t in _present(connection, cur):
            if connection.vendor == "postgresql":
                cur.execute(f"DROP TRIGGER IF EXISTS {t}_append_only ON {t}")
            else:
                cur.execute(f"DROP TRIGGER IF EXISTS {t}_geen_wijziging")
                cur.execute(f"DROP TRIGGER IF EXISTS {t}_geen_verwijdering")


def installed(connection) -> set[str]:
    """The names of the append-only triggers present (for tests and `controleer_audit`)."""
    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            cur.execute("SELECT tgname FROM pg_trigger WHERE tgname LIKE %s AND NOT tgisinternal", ["dossier_%"])
        else:
            cur.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'dossier_%'")
        return {r[0] for r in cur.fetchall()}


def after_migrate(sender, using="default", **kwargs) -> None:
    from django.db import connections

    connection = connections[using]
    if "dossier_vernietiging" in connection.introspection.table_names():
        install(connection)
