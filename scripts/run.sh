#!/usr/bin/env bash
# Set up everything and run Spoorwijzer on its embedded default.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
exec uv run spoorwijzer demo "$@"
