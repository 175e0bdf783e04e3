"""Printable reports (HTML and PDF) against session size: they must grow linearly.

Run ``python -m tests.benchmark.report_bench`` (prints one JSON line); ``make
bench`` runs it in a process of its own, because printing a PDF needs a Qt
application and the other sections make their own. Each session is built
like the CSV bench's (``export_bench.build_database``), about 700 claims an
article, and written through the same code as ``workbench export``, with every
claim in the report (``include_unreviewed``: by default the unreviewed and
dismissed claims, some half of these sessions, are left out).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmark.table import Row

SIZES = (1_000, 7_000, 10_000, 20_000)
CLAIMS_PER_ARTICLE = 700
# The speed issue's targets: seconds for (format, claims).
TARGETS = {("html", 7_000): 5.0, ("pdf", 7_000): 15.0, ("pdf", 20_000): 45.0}


def measure() -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from tests.benchmark.export_bench import build_database
    from workbench.export.formats.base import ExportOptions
    from workbench.export.run import export_to_path
    from workbench.gui.pdf_export import export_printed

    found = {}
    with tempfile.TemporaryDirectory() as folder:
        for claims in SIZES:
            db, session_id = build_database(Path(folder) / f"{claims}.sqlite", claims,
                                            max(1, claims // CLAIMS_PER_ARTICLE))
            try:
                began = time.perf_counter()
                export_to_path(db, session_id, ExportOptions("html", include_unreviewed=True),
                               Path(folder) / f"{claims}.html")
                found[f"html {claims}"] = time.perf_counter() - began
                began = time.perf_counter()
                export_printed(db, session_id, ExportOptions("pdf", include_unreviewed=True),
                               Path(folder) / f"{claims}.pdf")
                found[f"pdf {claims}"] = time.perf_counter() - began
            finally:
                db.close()
    return found


def rows() -> list[Row]:
    done = subprocess.run([sys.executable, "-m", "tests.benchmark.report_bench"], capture_output=True, text=True,
                          timeout=900, check=True)
    found = json.loads(done.stdout.strip().splitlines()[-1])
    table = []
    for kind in ("html", "pdf"):
        for claims in SIZES:
            seconds = found[f"{kind} {claims}"]
            target = TARGETS.get((kind, claims))
            per_thousand = seconds / claims * 1000
            table.append(Row(
                f"{kind.upper()} report, {claims:,} claims, every one printed", round(seconds, 2), "s",
                f"<= {target:g}" if target else "", seconds <= target if target else None,
                f"{per_thousand:.2f} s per 1,000 claims",
            ))
    return table


if __name__ == "__main__":
    print(json.dumps(measure()), flush=True)
    os._exit(0)  # leave without tearing Qt down: nothing is left to write
