"""Re-check speed: re-anchoring claims in a long article, and a whole session against a local server.

Run ``python -m tests.benchmark.recheck_bench``. ``rows()`` returns
``(name, value, unit)`` for the benchmark table. Texts are generated here
(no third-party data). Target: 1,000 claims in a 10,000-word article well
under a second.
"""

from __future__ import annotations

import random
import re
import statistics
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from workbench.domain.anchors import ClaimAnchor
from workbench.recheck.anchor import reanchor_all
from workbench.services import claim_edits

WORDS = 10_000
RUNS = 5
SESSION_ARTICLES = 50


def long_article(seed: int = 7) -> tuple[str, str]:
    """A 10,000-word text and an edited copy (paragraphs added, words changed, one cut)."""
    rng = random.Random(seed)
    vocab = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9))) for _ in range(3000)]
    paragraphs = []
    for _ in range(WORDS // 25):
        words = [rng.choice(vocab) for _ in range(25)]
        words[rng.randrange(25)] = f"{rng.randint(1, 99)},{rng.randint(100, 999)}"
        paragraphs.append(" ".join(words) + ".")
    edited = list(paragraphs)
    for _ in range(20):
        edited.insert(rng.randrange(len(edited)), " ".join(rng.choice(vocab) for _ in range(30)) + ".")
    for _ in range(30):
        index = rng.randrange(len(edited))
        words = edited[index].split(" ")
        words[rng.randrange(len(words))] = "edited"
        edited[index] = " ".join(words)
    del edited[5:8]
    return "\n\n".join(paragraphs), "\n\n".join(edited)


def claims_on(text: str, count: int, seed: int = 11) -> list[ClaimAnchor]:
    rng = random.Random(seed)
    tokens = [m.span() for m in re.finditer(r"\S+", text)]
    anchors = []
    for claim_id in range(count):
        first = rng.randrange(len(tokens) - 6)
        start, end = tokens[first][0], tokens[first + rng.randint(1, 5)][1]
        anchors.append(ClaimAnchor(claim_id, start, end, text[start:end], text[max(0, start - 32) : start], text[end : end + 32]))
    return anchors


def time_reanchoring(claims: int) -> float:
    old, new = long_article()
    anchors = claims_on(old, claims)
    timings = []
    for _ in range(RUNS):
        began = time.perf_counter()
        reanchor_all(old, new, anchors)
        timings.append(time.perf_counter() - began)
    return statistics.median(timings)


def time_session_recheck() -> float:
    """50 articles fetched from a local server, each edited since import."""
    from tests.integration import recheck_pages as pages
    from workbench.domain.records import ClaimDraft
    from workbench.ingest.load import load_source
    from workbench.recheck.service import recheck_session
    from workbench.storage import articles
    from workbench.storage.database import open_database
    from workbench.storage.sessions import create_session

    current = {"body": pages.VERSION_A.encode()}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(current["body"])))
            self.end_headers()
            self.wfile.write(current["body"])

        def log_message(self, *_args: object) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with tempfile.TemporaryDirectory() as folder:
            db = open_database(Path(folder) / "bench.sqlite")
            session = create_session(db, "Benchmark")
            for n in range(SESSION_ARTICLES):
                article = articles.add_article(
                    db, session.id, load_source(f"http://127.0.0.1:{server.server_port}/a{n}")
                )
                for words in (pages.FIGURE_A, pages.SYSTEMS, pages.QUOTE):
                    start = article.text.index(words)
                    claim_edits.add_claim(db, article.id, ClaimDraft("statement", start, start + len(words)), by="bench")
            current["body"] = pages.VERSION_B.encode()
            began = time.perf_counter()
            results = recheck_session(db, session.id, by="bench")
            elapsed = time.perf_counter() - began
            db.close()
            assert all(r.status == "changed" for r in results), "benchmark pages did not re-check"
            return elapsed
    finally:
        server.shutdown()


def rows() -> list[tuple[str, float, str]]:
    return [
        ("re-anchor 500 claims, 10,000-word article", round(time_reanchoring(500) * 1000, 1), "ms"),
        ("re-anchor 1,000 claims, 10,000-word article", round(time_reanchoring(1000) * 1000, 1), "ms"),
        (f"re-check a {SESSION_ARTICLES}-article session (local server)", round(time_session_recheck(), 2), "s"),
    ]


if __name__ == "__main__":
    for name, value, unit in rows():
        print(f"{name:<55} {value:>10} {unit}")
