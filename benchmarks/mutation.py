"""Run mutmut over the law core (configuration: [tool.mutmut] in pyproject.toml) and record the score.

Reproduce:  uv run --group bench python benchmarks/mutation.py [--max-children 2] [mutant-name-pattern ...]
Writes benchmarks/results/mutation.json. mutmut 3 creates its mutant files in a process pool; on this
machine that pool hung before doing any work, so the files are created in-process here (same functions,
sequential) and the mutants are then run by mutmut as usual.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class _SequentialPool:
    def __init__(self, processes=None):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def imap_unordered(self, func, items):
        return map(func, items)


def run(max_children: int, patterns: list[str]) -> None:
    import mutmut.__main__ as mm

    mm.Pool = _SequentialPool
    sys.argv = ["mutmut", "run", "--max-children", str(max_children), *patterns]
    with contextlib.suppress(SystemExit):
        mm.cli()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--max-children", type=int, default=2)
    ap.add_argument("patterns", nargs="*")
    args = ap.parse_args()
    run(args.max_children, args.patterns)


if __name__ == "__main__":
    main()
