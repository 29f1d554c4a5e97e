#!/usr/bin/env bash
# Set up everything and run Spoorwijzer on its embedded default.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
uv run spoorwijzer demo "$@"
