"""Producing each kind of document (snapshot + WeasyPrint rendering + storing) for a complete two-year dossier,
and producing a stored one again from its snapshot.

Reproduce:  uv run python benchmarks/bench_documents.py [--herhalingen 5]
Uses a throwaway SQLite database and media folder; writes benchmarks/results/documents.json.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

DATA = tempfile.mkdtemp(prefix="spoorwijzer-bench-documents-")
os.environ["SPOORWIJZER_DATA_DIR"] = DATA
os.environ.pop("DATABASE_URL", None)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "spoorwijzer.settings")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import django  # noqa: E402

from common import machine, write_result  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from spoorwijzer.documents import maken  # noqa: E402
from spoorwijzer.documents.soorten import SOORTEN  # noqa: E402

RESULTS = Path(__file__).parent / "results" / "documents.json"
MAKER = {"probleemanalyse": "bedrijfsarts", "actueel_oordeel": "bedrijfsarts"}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--herhalingen", type=int, default=5)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    from tests.documents.conftest import volledig_dossier
    from tests.world import build_world

    world = build_world()
    dossier = volledig_dossier(world)
    t0 = time.perf_counter()
    import weasyprint  # noqa: F401  (first import loads Pango and fontconfig)

    first_import = time.perf_counter() - t0
    rows = {}
    for soort in SOORTEN:
        user = getattr(world.users, MAKER.get(soort.code, "casemanager"))
        produce, again, pages = [], [], 0
        for _ in range(args.herhalingen):
            t = time.perf_counter()
            doc = maken.maken(user, dossier.geval, soort.code)
            produce.append(time.perf_counter() - t)
            t = time.perf_counter()
            assert maken.opnieuw_maken(doc) == doc.bestand.open("rb").read()
            again.append(time.perf_counter() - t)
        from pypdf import PdfReader

        pages = len(PdfReader(doc.bestand.path).pages)
        rows[soort.code] = {
            "pages": pages,
            "bytes": doc.grootte,
            "produce_median_s": round(statistics.median(produce), 3),
            "produce_min_max_s": [round(min(produce), 3), round(max(produce), 3)],
            "reproduce_median_s": round(statistics.median(again), 3),
            "reproduce_min_max_s": [round(min(again), 3), round(max(again), 3)],
        }
    write_result(
        RESULTS,
        {
            "benchmark": "documents: produce (snapshot, render, store) and reproduce each kind, complete dossier",
            "command": "uv run python benchmarks/bench_documents.py --herhalingen " + str(args.herhalingen),
            "machine": machine(f"WeasyPrint {weasyprint.__version__}"),
            "repetitions": args.herhalingen,
            "weasyprint_first_import_s": round(first_import, 3),
            "kinds": rows,
            "note": "wall-clock seconds; the machine is shared, so the spread is reported beside each median",
        },
    )


if __name__ == "__main__":
    main()
