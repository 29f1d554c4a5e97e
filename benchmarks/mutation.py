"""Mutation testing of the law core with mutmut (configuration: [tool.mutmut] in pyproject.toml), score recorded.

Reproduce:  uv run --group bench python benchmarks/mutation.py [--max-children 2] [--module wia.py ...] [pattern ...]
            uv run --group bench python benchmarks/mutation.py --alleen-score   (score of the last run only)
Writes benchmarks/results/mutation.json. mutmut mutates every function of src/spoorwijzer/law and runs, per
mutant, the tests of tests/law that cover it; a mutant is killed when a test fails. mutmut 3 creates its
mutant files in a process pool; on this machine that pool hung before doing any work, so the files are created
in-process here (the same functions, one file after the other) and mutmut then runs the mutants as usual.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from pathlib import Path

from common import machine, write_result

RESULTS = Path(__file__).parent / "results" / "mutation.json"


class _SequentialPool:
    def __init__(self, processes=None):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def imap_unordered(self, func, items):
        return map(func, items)


def restrict(modules: list[str]) -> None:
    """Mutate only these files of law/ (e.g. wia.py): a whole-law run is hours on two shared cores."""
    from mutmut.configuration import config

    if modules:
        config().only_mutate = [f"src/spoorwijzer/law/{m}" for m in modules]


def run(max_children: int, patterns: list[str], modules: list[str]) -> None:
    import mutmut.__main__ as mm

    mm.Pool = _SequentialPool
    restrict(modules)
    sys.argv = ["mutmut", "run", "--max-children", str(max_children), *patterns]
    with contextlib.suppress(SystemExit):
        mm.cli()


def score(seconds: float | None, modules: list[str]) -> None:
    import mutmut.__main__ as mm

    restrict(modules)

    sys.argv = ["mutmut", "export-cicd-stats"]
    with contextlib.suppress(SystemExit):
        mm.cli()
    stats = json.loads(Path("mutants/mutmut-cicd-stats.json").read_text())
    tested = stats["killed"] + stats["survived"] + stats["timeout"] + stats["suspicious"] + stats["segfault"]
    out = {
        "benchmark": "Mutation testing of src/spoorwijzer/law (mutmut) against tests/law",
        "scope": [f"src/spoorwijzer/law/{m}" for m in modules] or ["src/spoorwijzer/law (all)"],
        "command": "uv run --group bench python benchmarks/mutation.py --max-children 2"
        + "".join(f" --module {m}" for m in modules),
        "mutants": stats,
        "killed_share_of_tested": round((stats["killed"] + stats["timeout"]) / tested, 4) if tested else None,
        "killed_share_of_all": round((stats["killed"] + stats["timeout"]) / stats["total"], 4)
        if stats["total"]
        else None,
        "seconds": None if seconds is None else round(seconds),
        "notes": "A timeout counts as killed (the mutant made the tests hang). 'no_tests': no test of tests/law runs "
        "the mutated function. One RIV-toets property test that fails on main independently of these mutants is "
        "deselected (see pyproject.toml).",
        "machine": machine(),
    }
    write_result(RESULTS, out)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--max-children", type=int, default=2)
    ap.add_argument("--alleen-score", action="store_true")
    ap.add_argument("--module", action="append", default=[], help="a file of law/ to mutate (repeatable)")
    ap.add_argument("patterns", nargs="*")
    args = ap.parse_args()
    seconds = None
    if not args.alleen_score:
        t0 = time.perf_counter()
        run(args.max_children, args.patterns, args.module)
        seconds = time.perf_counter() - t0
    score(seconds, args.module)


if __name__ == "__main__":
    main()
