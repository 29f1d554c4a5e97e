#!/usr/bin/env bash
# Set up everything and run Spoorwijzer on its embedded default.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
bash scripts/system-packages.sh || echo "Let op: systeempakketten ontbreken; PDF-documenten maken lukt dan niet." >&2
uv run spoorwijzer demo "$@"
