"""Measured in a fresh process: the window on a PostgreSQL server with added latency.

Run as ``python -m tests.benchmark.remote_probe DELAY_MS``; prints one JSON line.
A throwaway server is started (tests/pg_server.py), a session with the demo
article stored on it, and the window opened through a proxy that adds
DELAY_MS each way (tests/latency_proxy.py). Reported: start-up until the
claims and the first claim's details are shown, the time 100 J presses take
(each press handled, then the details of where the reviewer stopped read),
and the statements and round trips those cost, on the GUI thread and off it.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from tempfile import TemporaryDirectory

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytest_postgresql.janitor import DatabaseJanitor
from sqlalchemy import Engine, event

from tests import pg_server
from tests.latency_proxy import ProxyProcess
from workbench.gui.main_window import MainWindow
from workbench.ingest.text import extract_text
from workbench.services import claim_edits
from workbench.services.demo import demo_text
from workbench.services.importing import detect_drafts
from workbench.storage import articles, sessions
from workbench.storage.database import open_database

PRESSES = 100
CLAIMS = 10_000  # the session a desk reviews for a week: navigation must not grow with it


class StatementCount:
    """Statements sent by any engine, counted by the thread that sent them."""

    def __init__(self) -> None:
        self.by_thread: Counter[str] = Counter()
        self.gui = threading.main_thread()
        event.listen(Engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn: object, _cursor: object, statement: str, *_args: object) -> None:
        self.by_thread["gui" if threading.current_thread() is self.gui else "background"] += 1
        if os.environ.get("PROBE_TRACE"):
            print(threading.current_thread().name, statement[:150].replace("\n", " "), file=sys.stderr)

    def reset(self) -> None:
        self.by_thread.clear()


def wait_until(app: QApplication, done, timeout: float = 120.0) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while not done():
        app.processEvents()
        time.sleep(0.001)
        if time.monotonic() > deadline:
            raise TimeoutError(f"the window did not settle: {done.__name__}")


def settled(window: MainWindow) -> bool:
    return (window.reader.is_ready and not window.jobs.running and window.claims_settled
            and window.details.settled and not window.memory._pause.isActive()
            and not window.memory.selected_jobs.running)


def measure(url: str, delay_ms: float, folder: Path) -> dict:
    app = QApplication.instance() or QApplication(["probe"])
    count = StatementCount()
    server_url = url.rsplit("@", 1)
    host_port, _, name = server_url[1].partition("/")
    host, _, port = host_port.partition(":")
    with ProxyProcess(host, int(port), delay_ms=delay_ms) as proxy:
        far = f"{server_url[0]}@127.0.0.1:{proxy.port}/{name}"
        settings = QSettings(str(folder / f"settings-{delay_ms}.ini"), QSettings.Format.IniFormat)
        count.reset()
        began = time.perf_counter()
        window = MainWindow(far, settings=settings, reviewer="bench")
        # The list's "checked before" markers are looked up claim by claim in
        # the background (about a minute for 123 claims at 20 ms): left out, so
        # that what is counted below is what moving between claims costs.
        window.memory.claims_loaded = lambda _claims: None
        window.resize(1400, 900)
        window.show()
        wait_until(app, lambda: settled(window) and window.claims_panel.model.rowCount() > 0)
        startup = time.perf_counter() - began
        startup_statements, startup_trips = sum(count.by_thread.values()), proxy.requests

        table = window.claims_panel.table
        table.setFocus()
        window.claims_panel.select(window.claims_panel.proxy.claim_ids()[0])
        wait_until(app, lambda: settled(window))
        count.reset()
        trips = proxy.requests
        began = time.perf_counter()
        for _ in range(PRESSES):
            QTest.keyClick(table, Qt.Key.Key_J)
            app.processEvents()
        handled = time.perf_counter() - began
        wait_until(app, lambda: settled(window))
        presses = time.perf_counter() - began
        result = {
            "startup_s": startup, "startup_statements": startup_statements, "startup_round_trips": startup_trips,
            "presses_s": presses, "presses_handled_s": handled,
            "gui_statements": count.by_thread["gui"], "background_statements": count.by_thread["background"],
            "round_trips": proxy.requests - trips,
            "claims": window.claims_panel.model.rowCount(),
        }
        window.close()
        return result


def store_many_claims(db, session_id: int) -> None:  # noqa: ANN001
    """One article of the demo's text repeated, with its claims shifted into each copy: ``CLAIMS`` claims."""
    body = demo_text()
    found = detect_drafts(body, None)
    copies = -(-CLAIMS // len(found))
    text = "\n\n".join([body] * copies)
    drafts = [dataclasses.replace(d, start=d.start + offset, end=d.end + offset)
              for offset in range(0, copies * (len(body) + 2), len(body) + 2) for d in found]
    article = articles.add_article(db, session_id, extract_text(text, source="demo, many times"))
    claim_edits.store_detected(db, article.id, drafts[:CLAIMS], by="bench")


def main(delays: list[float]) -> dict:
    server = pg_server.start()
    try:
        janitor = DatabaseJanitor(user=server.user, host=server.host, port=server.port, dbname="remote_bench")
        janitor.init()
        url = f"postgresql+psycopg://{server.user}@{server.host}:{server.port}/remote_bench"
        db = open_database(url)
        session = sessions.create_session(db, "Remote review", reviewer="bench")
        store_many_claims(db, session.id)
        db.close()
        with TemporaryDirectory() as folder:
            return {str(int(delay)): measure(url, delay, Path(folder)) for delay in delays}
    finally:
        server.stop()


if __name__ == "__main__":
    print(json.dumps(main([float(a) for a in sys.argv[1:]] or [0.0, 20.0])), flush=True)
    os._exit(0)
