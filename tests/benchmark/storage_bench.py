"""Opening a big session: 50 articles and 10,000 claims, as the window loads it."""

from __future__ import annotations

import tempfile
from pathlib import Path

from tests.benchmark.export_bench import build_database
from tests.benchmark.table import Row, median_ms
from workbench.storage import articles, claims, sessions
from workbench.storage.database import open_database

ARTICLES = 50
CLAIMS = 10_000
TARGET_MS = 500


def open_session(path: Path, session_id: int) -> None:
    """What opening a session costs: the database, its list, articles and all claims."""
    db = open_database(path)
    try:
        sessions.get_session(db, session_id)
        articles.list_articles(db, session_id)
        claims.list_claims(db, session_id=session_id)
    finally:
        db.close()


def rows() -> list[Row]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.sqlite"
        db, session_id = build_database(path, CLAIMS, articles=ARTICLES)
        db.close()
        ms = median_ms(lambda: open_session(path, session_id), runs=5)
    return [
        Row(
            f"open a session of {ARTICLES} articles, {CLAIMS:,} claims",
            ms,
            "ms",
            f"< {TARGET_MS}",
            ms < TARGET_MS,
        )
    ]
