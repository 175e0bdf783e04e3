"""Measured in a fresh process: J presses on a long article, and the worst GUI stall while opening big texts.

Run as ``python -m tests.benchmark.review_probe FOLDER``; prints one JSON line.
A stall is the longest gap between ticks of a 5 ms timer on the GUI thread:
what a reviewer feels as keys and scrolling that do not answer.
"""

from __future__ import annotations

import dataclasses
import json
import os
import statistics
import sys
import time
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.factories import long_read
from workbench.domain.records import ClaimDraft
from workbench.gui.main_window import MainWindow
from workbench.ingest.text import extract_text
from workbench.services import claim_edits
from workbench.services.demo import demo_text
from workbench.services.importing import detect_drafts, import_text
from workbench.storage import articles, sessions
from workbench.storage.database import open_database

PRESSES = 300
HUGE_CHARS = 5_000_000
HUGE_CLAIMS = 20_000


class StallMeter:
    """The longest the GUI thread went without running a 5 ms timer."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.worst = 0.0
        self.timer = QTimer(interval=5)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.worst = 0.0
        self.clock.start()
        self.timer.start()

    def _tick(self) -> None:
        self.worst = max(self.worst, self.clock.restart() - 5)

    def stop(self) -> float:
        self.timer.stop()
        return max(self.worst, self.clock.elapsed() - 5)


def wait_until(app: QApplication, done, timeout: float = 600.0) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while not done():
        app.processEvents()
        time.sleep(0.001)
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not settle")


def settled(window: MainWindow) -> bool:
    return (window.reader.is_ready and not window.reader.painter.busy and not window.jobs.running
            and window.claims_settled)


def store_huge(db, session_id: int) -> int:  # noqa: ANN001
    """A 5 MB article with 20,000 claims: the demo's claims, shifted into each copy of its text."""
    text = long_read(HUGE_CHARS // 5)[:HUGE_CHARS]
    body = demo_text()
    found = detect_drafts(body, None)
    drafts: list[ClaimDraft] = []
    start = text.find(body)
    while start >= 0 and len(drafts) < HUGE_CLAIMS:
        drafts += [dataclasses.replace(d, start=d.start + start, end=d.end + start) for d in found]
        start = text.find(body, start + len(body))
    article = articles.add_article(db, session_id, extract_text(text, source="a 5 MB article"))
    claim_edits.store_detected(db, article.id, drafts[:HUGE_CLAIMS], by="bench")
    return article.id


def j_presses(app: QApplication, window: MainWindow) -> list[float]:
    table = window.claims_panel.table
    table.setFocus()
    window.claims_panel.move(1)
    times = []
    for _ in range(PRESSES):
        started = time.perf_counter()
        QTest.keyClick(table, Qt.Key.Key_J)
        app.processEvents()
        times.append((time.perf_counter() - started) * 1000)
    return times


def main(folder: Path) -> dict:
    app = QApplication.instance() or QApplication(["probe"])
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    db_path = folder / "review.sqlite"
    db = open_database(db_path)
    session = sessions.create_session(db, "Long read", reviewer="bench")
    text = long_read(10_000)
    import_text(db, session.id, text, by="bench", source="long read")
    huge_id = store_huge(db, session.id)
    db.close()

    meter = StallMeter()
    window = MainWindow(str(db_path), settings=settings, reviewer="bench")
    window.resize(1400, 900)
    window.show()
    wait_until(app, lambda: settled(window))
    long_id = next(a.id for a in window.articles if a.source == "long read")
    window.show_article(long_id)
    wait_until(app, lambda: settled(window))
    claims = window.claims_panel.model.rowCount()
    presses = j_presses(app, window)

    big = long_read(1_000_000 // 6)[:1_000_000]
    meter.start()
    window.imports.import_text(big, "a 1 MB paste")
    wait_until(app, lambda: window.article is not None and window.article.source == "a 1 MB paste" and settled(window))
    paste_stall = meter.stop()
    big_claims = window.claims_panel.model.rowCount()
    meter.start()
    big_presses = j_presses(app, window)
    big_stall = meter.stop()

    meter.start()
    window.show_article(huge_id)
    wait_until(app, lambda: settled(window))
    huge_stall = meter.stop()
    huge_claims = window.claims_panel.model.rowCount()
    meter.start()
    huge_presses = j_presses(app, window)
    bar = window.reader.verticalScrollBar()
    for step in range(40):  # scroll through the article a page at a time, then jump
        bar.setValue(bar.maximum() * step // 40)
        app.processEvents()
    huge_nav_stall = meter.stop()
    window.close()
    return {
        "claims": claims, "j_median_ms": statistics.median(presses), "j_max_ms": max(presses),
        "paste_stall_ms": paste_stall, "big_claims": big_claims,
        "big_j_median_ms": statistics.median(big_presses), "big_j_stall_ms": big_stall,
        "huge_claims": huge_claims, "huge_open_stall_ms": huge_stall,
        "huge_j_median_ms": statistics.median(huge_presses), "huge_nav_stall_ms": huge_nav_stall,
    }


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))), flush=True)
    os._exit(0)  # background claim-memory lookups of 20,000 claims need not finish
