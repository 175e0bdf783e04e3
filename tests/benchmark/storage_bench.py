"""Opening a big session: 50 articles and 10,000 claims, as the window loads it; the damage check on a 50 MB file."""

from __future__ import annotations

import tempfile
from pathlib import Path

from tests.benchmark.export_bench import build_database
from tests.benchmark.table import Row, median_ms
from tests.factories import long_read, make_article
from workbench.domain.records import ClaimDraft
from workbench.services import claim_edits
from workbench.storage import articles, claims, sessions
from workbench.storage.database import BUSY_TIMEOUT_MS, open_database
from workbench.storage.sqlite_file import refuse_if_damaged

ARTICLES = 50
CLAIMS = 10_000
TARGET_MS = 500
# The quick_check made before a process first writes (at open) reads every page.
CHECKED_FILE_MB = 50
CHECK_TARGET_MS = 500


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
        ),
        damage_check_row(),
    ]


def damage_check_row() -> Row:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fifty.sqlite"
        build_big_file(path, CHECKED_FILE_MB << 20)
        size_mb = path.stat().st_size / (1 << 20)
        ms = median_ms(lambda: refuse_if_damaged(path, BUSY_TIMEOUT_MS / 1000), runs=5)
    return Row(
        f"damage check (quick_check) of a {size_mb:.0f} MB database at open",
        ms,
        "ms",
        f"< {CHECK_TARGET_MS}",
        ms < CHECK_TARGET_MS,
        "file in the page cache",
    )


def build_big_file(path: Path, size: int) -> None:
    """Long articles with a claim every 400 characters until the file reaches ``size`` bytes."""
    db = open_database(path)
    try:
        session = sessions.create_session(db, "Fifty megabytes")
        text = long_read(20_000)
        drafts = [
            ClaimDraft(kind="figure", start=at, end=at + 20)
            for at in range(0, len(text) - 40, 400)
            if text[at : at + 20].strip()
        ]
        number = 0
        while path.stat().st_size < size:
            stored = articles.add_article(db, session.id, make_article(text, source=f"https://news.example/{number}"))
            claim_edits.store_detected(db, stored.id, drafts, by="bench")
            number += 1
    finally:
        db.close()
