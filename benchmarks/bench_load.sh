#!/usr/bin/env bash
# Start a throwaway PostgreSQL (durable commits, unlike the test suite's), generate 100,000 dossiers, then run the
# load test against gunicorn on 127.0.0.1 (see bench_load.py). Pass --alleen-meten with DATABASE_URL set to reuse
# a database that bench_web.sh or an earlier run filled.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
bash scripts/system-packages.sh
uv sync --group bench -q
if [ -z "${DATABASE_URL:-}" ]; then
  eval "$(bash scripts/postgres.sh start)"
  trap 'bash scripts/postgres.sh stop "$SPOORWIJZER_PGDATA"' EXIT
  # the suite's server runs with fsync and synchronous commit off; a load test of writes must not
  psql "$DATABASE_URL" -qc "ALTER SYSTEM SET fsync = on" -c "ALTER SYSTEM SET synchronous_commit = on" -c "SELECT pg_reload_conf()" >/dev/null
fi
export SPOORWIJZER_DATA_DIR="${SPOORWIJZER_DATA_DIR:-$(mktemp -d)}"
cd benchmarks && uv run --group bench python bench_load.py "$@"
