#!/usr/bin/env bash
# Shared set-up for scripts/run.sh and scripts/test.sh: makes sure uv exists and the
# environment matches the lock file. Needs only Python 3.11+ on the machine.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.local/bin:$PATH"
if ! command -v uv >/dev/null 2>&1; then
  echo "uv not found: installing it with pip" >&2
  python3 -m pip install --quiet --user uv 2>/dev/null || python3 -m pip install --quiet uv
  hash -r
fi
if ! command -v uv >/dev/null 2>&1; then
  # installed, but its script directory is not on PATH (pyenv shims, a venv): use the module
  uv() { python3 -m uv "$@"; }
fi
uv sync --locked --quiet
