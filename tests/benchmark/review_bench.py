"""A reviewer's keys and the window's worst stalls, measured in a fresh process (review_probe)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.benchmark.table import Row

REPO = Path(__file__).resolve().parents[2]
HELD_J = 33.0  # a held key repeats about 30 times a second: each press must be handled in time
STALL = 200.0  # the longest the window may go without answering input


def rows() -> list[Row]:
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
        done = subprocess.run([sys.executable, "-m", "tests.benchmark.review_probe", folder],
                              capture_output=True, text=True, env=env, cwd=REPO, check=True, timeout=1800)
    found = json.loads(done.stdout.strip().splitlines()[-1])

    def below(name: str, value: float, unit: str, bound: float) -> Row:
        return Row(name, float(value), unit, f"< {bound:g}", value < bound)

    return [
        below(f"J press, 10,000-word article ({found['claims']} claims), median", found["j_median_ms"], "ms", HELD_J),
        Row("J press, 10,000-word article, slowest of 300", float(found["j_max_ms"]), "ms"),
        below("worst GUI stall while a 1 MB paste is imported and opens", found["paste_stall_ms"], "ms", STALL),
        below(f"J press, 1 MB paste ({found['big_claims']:,} claims), median", found["big_j_median_ms"], "ms", HELD_J),
        below(f"worst GUI stall opening a 5 MB article ({found['huge_claims']:,} claims)",
              found["huge_open_stall_ms"], "ms", STALL),
        below("J press, 5 MB article, median", found["huge_j_median_ms"], "ms", HELD_J),
        below("worst GUI stall, J and scrolling through the 5 MB article", found["huge_nav_stall_ms"], "ms", STALL),
    ]


if __name__ == "__main__":
    from tests.benchmark.table import format_table

    print(format_table(rows()))
