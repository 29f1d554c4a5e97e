#!/usr/bin/env bash
# Set up everything and run the whole test suite (lint included).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
uv run ruff check src tests benchmarks
uv run ruff format --check src tests benchmarks
uv run pytest "$@"
