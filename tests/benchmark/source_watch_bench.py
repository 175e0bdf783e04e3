"""Re-checking a session's sources: 200 sources, each cited by a claim, fetched again from a
loopback server; half of them changed since they were archived (one lost its passage)."""

from __future__ import annotations

import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SOURCES = 200


def time_source_recheck(count: int = SOURCES) -> float:
    from tests.factories import make_article
    from tests.integration import ledger_pages as pages
    from workbench.domain.records import ClaimDraft
    from workbench.services import claim_edits
    from workbench.services.snapshots import cite_source
    from workbench.services.source_watch import recheck_sources
    from workbench.storage import articles
    from workbench.storage.database import open_database
    from workbench.storage.sessions import create_session, get_session

    edited = {"now": False}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            number = int(self.path.rsplit("s", 1)[-1])
            body = pages.CHANGED if edited["now"] and number % 2 else pages.page(pages.PASSAGE, f"Source {number}.")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with tempfile.TemporaryDirectory() as folder:
            db = open_database(Path(folder) / "bench.sqlite")
            session = get_session(db, create_session(db, "Benchmark").id)
            article = articles.add_article(db, session.id, make_article())
            claim = claim_edits.add_claim(db, article.id, ClaimDraft(kind="figure", start=26, end=46), by="bench")
            for n in range(count):
                cite_source(db, session, claim.id, f"http://127.0.0.1:{server.server_port}/s{n}", by="bench",
                            passage=pages.PASSAGE)
            edited["now"] = True
            began = time.perf_counter()
            results = recheck_sources(db, session.id, by="bench")
            elapsed = time.perf_counter() - began
            db.close()
            changed = sum(r.status == "changed" for r in results)
            assert len(results) == count and changed == count // 2, "benchmark sources did not re-check"
            return elapsed
    finally:
        server.shutdown()


def rows() -> list[tuple[str, float, str]]:
    return [(f"re-check {SOURCES} sources (local server)", round(time_source_recheck(), 2), "s")]


if __name__ == "__main__":
    for name, value, unit in rows():
        print(f"{name:<55} {value:>10} {unit}")
