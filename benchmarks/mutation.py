"""Mutation testing of the law core with mutmut (configuration: [tool.mutmut] in pyproject.toml), score recorded.

Reproduce:  uv run --group bench python benchmarks/mutation.py [--max-children 1] --module wia.py [...] [pattern ...]
            uv run --group bench python benchmarks/mutation.py --alleen-score --module wia.py [...]   (score only)
Writes benchmarks/results/mutation.json: one entry per scope (the set of law/ files a run mutated, with a figure per
file), the total over every scored file, and the files of law/ not scored yet. A run replaces its scope's entry and
keeps the others (each measured on its own date). mutmut mutates every function of src/spoorwijzer/law and runs, per
mutant, the tests of tests/law that cover it; a mutant is killed when a test fails. mutmut 3 creates its
mutant files in a process pool; on this machine that pool hung before doing any work, so the files are created
in-process here (the same functions, one file after the other) and mutmut then runs the mutants as usual.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import sys
import time
from pathlib import Path

from common import machine, write_result

RESULTS = Path(__file__).parent / "results" / "mutation.json"
LAW = Path(__file__).resolve().parent.parent / "src" / "spoorwijzer" / "law"


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


STATS = ("killed", "survived", "no_tests", "timeout", "suspicious", "segfault", "skipped", "total")
GOAL = 0.85


def _shares(stats: dict[str, int]) -> dict[str, float | None]:
    tested = stats["killed"] + stats["survived"] + stats["timeout"] + stats["suspicious"] + stats["segfault"]
    killed = stats["killed"] + stats["timeout"]
    return {
        "killed_share_of_tested": round(killed / tested, 4) if tested else None,
        "killed_share_of_all": round(killed / stats["total"], 4) if stats["total"] else None,
    }


def _export(modules: list[str]) -> dict[str, int]:
    """mutmut's own summary (export-cicd-stats) of the last run's results for these files of law/."""
    import mutmut.__main__ as mm

    restrict(modules)
    sys.argv = ["mutmut", "export-cicd-stats"]
    with contextlib.suppress(SystemExit):
        mm.cli()
    return json.loads(Path("mutants/mutmut-cicd-stats.json").read_text())


def _load() -> dict:
    """The results file; the single-scope format of session 6 becomes the first entry, unchanged but for the
    benchmark name, which moves to the top."""
    if not RESULTS.exists():
        return {"entries": []}
    data = json.loads(RESULTS.read_text())
    if "entries" not in data:
        data = {"entries": [{k: v for k, v in data.items() if k != "benchmark"}]}
    return data


def _module(path: str) -> str:
    return path.removeprefix("src/spoorwijzer/law/")


def score(seconds: float | None, modules: list[str], notes: str | None) -> None:
    """Write this run's score as the entry for its scope (the files of law/ it mutated), keep the entries of other
    scopes, and add them up: one total over every scored module, and the modules of law/ not scored yet."""
    if not modules:
        raise SystemExit("--module is required: the file keeps one entry per scope of law/ files")
    data = _load()
    scope = [f"src/spoorwijzer/law/{m}" for m in modules]
    others = [e for e in data["entries"] if set(e["scope"]) != set(scope)]
    overlap = {p for e in others for p in e["scope"]} & set(scope)
    if overlap:
        raise SystemExit(f"{sorted(overlap)} already belong to another scope; score the same set of modules")
    previous = next((e for e in data["entries"] if set(e["scope"]) == set(scope)), {})
    stats = _export(modules)
    per_module = {}
    for m in modules:
        s = _export([m])
        per_module[m] = {k: s[k] for k in ("killed", "survived", "no_tests", "timeout", "total")} | _shares(s)
    entry = {
        "scope": scope,
        "command": "uv run --group bench python benchmarks/mutation.py --max-children 1"
        + "".join(f" --module {m}" for m in modules),
        "mutants": stats,
        **_shares(stats),
        "per_module": per_module,
        "seconds": round(seconds) if seconds is not None else previous.get("seconds"),
        "notes": notes
        or previous.get("notes")
        or "A timeout counts as killed (the mutant made the tests hang). 'no_tests': no test of tests/law runs the "
        "mutated function. One RIV-toets property test that fails on main independently of these mutants is "
        "deselected (see pyproject.toml).",
        "machine": machine(),
        "measured_on": dt.date.today().isoformat(),
    }
    entries = [*others, entry]
    total = {k: sum(e["mutants"].get(k, 0) for e in entries) for k in STATS}
    scored = sorted(_module(p) for e in entries for p in e["scope"])
    law = sorted(p.name for p in LAW.glob("*.py") if p.name != "__init__.py")
    out = {
        "benchmark": "Mutation testing of src/spoorwijzer/law (mutmut) against tests/law, one entry per scope",
        "goal": f"at least {GOAL:.0%} of the mutants of law/ killed (issue 7, item 5)",
        "entries": entries,
        "total": {
            "modules": scored,
            "mutants": total,
            **_shares(total),
            "notes": "The entries added up; each entry was measured on its own date with the tests of that date.",
        },
        "not_scored": [m for m in law if m not in scored],
    }
    write_result(RESULTS, out)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--max-children", type=int, default=2)
    ap.add_argument("--alleen-score", action="store_true")
    ap.add_argument("--module", action="append", default=[], help="a file of law/ to mutate (repeatable)")
    ap.add_argument("--notes", help="how this score was obtained (kept from the scope's previous entry if left out)")
    ap.add_argument("--seconds", type=float, help="the run time to record (e.g. a full run plus a retest by name)")
    ap.add_argument("patterns", nargs="*", help="mutant names or patterns: retest only these")
    args = ap.parse_args()
    if not args.module:  # checked before a run of hours, not after it
        ap.error("--module is required: the results file keeps one entry per scope of law/ files")
    seconds = args.seconds
    if not args.alleen_score:
        t0 = time.perf_counter()
        run(args.max_children, args.patterns, args.module)
        seconds = args.seconds or time.perf_counter() - t0
    score(seconds, args.module, args.notes)


if __name__ == "__main__":
    main()
