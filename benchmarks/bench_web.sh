#!/usr/bin/env bash
# Start a throwaway PostgreSQL, then measure the web app with many dossiers (see bench_web.py).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
bash scripts/system-packages.sh
eval "$(bash scripts/postgres.sh start)"
trap 'bash scripts/postgres.sh stop "$SPOORWIJZER_PGDATA"' EXIT
SPOORWIJZER_DATA_DIR="$SPOORWIJZER_PGDATA/var" DATABASE_URL="$DATABASE_URL" uv run python benchmarks/bench_web.py "$@"
