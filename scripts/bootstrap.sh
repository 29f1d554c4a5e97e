#!/usr/bin/env bash
# Shared set-up for scripts/run.sh and scripts/test.sh: makes sure uv exists and the
# environment matches the lock file. Needs only Python 3.11+ on the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v uv >/dev/null 2>&1; then
  echo "uv not found: installing it with pip (user install)" >&2
  python3 -m pip install --quiet --user uv || python3 -m pip install --quiet uv
  export PATH="$HOME/.local/bin:$PATH"
fi
uv sync --locked --quiet "$@"
