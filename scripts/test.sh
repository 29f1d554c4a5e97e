#!/usr/bin/env bash
# Set up everything and run the whole test suite: lint, then all tests on SQLite (the embedded
# default), then every test but the browser tests again on PostgreSQL (a throwaway server on loopback).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
bash scripts/system-packages.sh
# axe-core for the accessibility checks in the browser tests, pinned by package-lock.json
[ -f node_modules/axe-core/axe.min.js ] || npm ci --ignore-scripts --no-audit --no-fund
uv run ruff check src tests benchmarks
uv run ruff format --check src tests benchmarks

# both cores (pytest-xdist; each worker its own test database and browser), a test file stays on one worker
PARALLEL=(-n "${SPOORWIJZER_TEST_WORKERS:-2}" --dist loadfile)

echo "== Tests op SQLite =="
uv run pytest "${PARALLEL[@]}" "$@"

# Every test that touches the database runs again on PostgreSQL. The browser tests drive the same views through
# Chromium and ran above; on PostgreSQL they would add ten minutes and no database behaviour the others lack.
echo "== Tests op PostgreSQL =="
eval "$(bash scripts/postgres.sh start)"
trap 'bash scripts/postgres.sh stop "$SPOORWIJZER_PGDATA"' EXIT
DATABASE_URL="$DATABASE_URL" uv run pytest "${PARALLEL[@]}" --ignore=tests/browser "$@"
