"""The window: time to shown, a filter keystroke on 10,000 claims, peak memory."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from tests.benchmark.export_bench import build_database
from tests.benchmark.table import Row, median_ms

REPO = Path(__file__).resolve().parents[2]
CLAIMS = 10_000
ARTICLES = 50


def _probe(db_path: Path, session_id: int, settings_dir: str) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    # A user's Python caches compiled modules; some sandboxes turn that off
    # (PYTHONDONTWRITEBYTECODE), which would time compiling every module of
    # the workbench at each start instead of starting it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.time()
    result = subprocess.run(
        [sys.executable, "-m", "tests.benchmark.gui_probe", str(started), str(db_path), str(session_id), settings_dir],
        capture_output=True, text=True, env=env, cwd=REPO, check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def window_rows() -> list[Row]:
    with tempfile.TemporaryDirectory() as folder:
        small_db, small_session = build_database(Path(folder) / "small.sqlite", 60, articles=1)
        small_db.close()
        big_db, big_session = build_database(Path(folder) / "big.sqlite", CLAIMS, articles=ARTICLES)
        big_db.close()
        _probe(Path(folder) / "small.sqlite", small_session, folder)  # the first start writes the caches
        shown = statistics.median(
            _probe(Path(folder) / "small.sqlite", small_session, folder)["shown_s"] for _ in range(5)
        )
        big = [_probe(Path(folder) / "big.sqlite", big_session, folder) for _ in range(3)]
    peak = max(run["peak_mb"] for run in big)
    return [
        Row("start-up to a shown window (offscreen)", shown * 1000, "ms", "< 1500", shown < 1.5),
        Row(
            f"peak memory, window with {CLAIMS:,} claims",
            peak, "MB", "< 400", peak < 400,
        ),
    ]


def filter_rows() -> list[Row]:
    from PySide6.QtWidgets import QApplication

    from workbench.domain.records import ClaimRecord
    from workbench.domain.scales import get_scale
    from workbench.gui.claims_model import CLAIM, ClaimsFilterProxy, ClaimsTableModel

    _app = QApplication.instance() or QApplication(["bench"])
    now = datetime.now(UTC)
    kinds = ("figure", "date", "equipment", "quote", "statement")
    claims = [
        ClaimRecord(
            id=i, article_id=1 + i % ARTICLES, article_version_id=1, kind=kinds[i % 5], start=i, end=i + 20,
            text=f"about {i:,} troops near the border", prefix="", suffix="", wording="", value=i, unit="troop",
            speaker="Alexander Lukashenko" if i % 3 == 0 else None, origin="detected", status="proposed",
            verdict=None if i % 4 else "true", rationale="", tags=[], score=0.9, created_by="bench",
            created_at=now, updated_by="bench", updated_at=now, version=1,
        )
        for i in range(CLAIMS)
    ]
    model = ClaimsTableModel(get_scale("default"))
    model.set_claims(claims)
    proxy = ClaimsFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(CLAIM)  # the window's table is sorted too: filtering re-sorts what stays
    typed = iter(["t", "tr", "tro", "troo", "troop", "troops", "troops 1", "troops 12"] * 10)

    def keystroke() -> None:
        proxy.set_filters(text=next(typed))
        proxy.verdict_counts()

    ms = median_ms(keystroke, runs=9)
    return [Row(f"filter keystroke, {CLAIMS:,} claims", ms, "ms", "< 50", ms < 50)]


def rows() -> list[Row]:
    return window_rows() + filter_rows()
