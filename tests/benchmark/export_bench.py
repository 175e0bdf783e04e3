"""CSV export of 100,000 claims vs the floor: the csv module straight from SQL.

Run ``python -m tests.benchmark.export_bench``. Builds a SQLite database with
one session of 100,000 claims (bulk Core inserts, a few seconds), then times
(median of several runs) ``workbench.export.csv_report.write_csv`` against
the same rows read with one plain SQL query through ``sqlite3`` and written
with ``csv.writer``: the least any exporter could cost. Target: within 1.5x.
"""

from __future__ import annotations

import csv
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from workbench.export.csv_report import write_csv
from workbench.storage.database import Database, open_database
from workbench.storage.models import (
    Article,
    ArticleVersion,
    Claim,
    Evidence,
    ReviewSession,
    Source,
)

CLAIMS = 100_000
ARTICLES = 20
SOURCES = 500
RUNS = 5
TARGET_RATIO = 1.5

KINDS = ("figure", "date", "equipment", "quote", "statement")
VERDICTS = (None, "true", "mostly-true", "misleading", "false", "unverifiable")
STATUSES = ("proposed", "accepted", "dismissed")

FLOOR_SQL = """
SELECT s.title, v.title, v.final_url, v.published, c.id, c.kind, c.text, c.wording,
       c.value, c.unit, c.speaker, c.status, c.verdict, c.rationale, src.sources,
       c.updated_by, c.updated_at, c.start, c.start, c."end", c.review_state, c.assignee
FROM claim c
JOIN article a ON a.id = c.article_id
JOIN review_session s ON s.id = a.session_id
JOIN article_version v ON v.id = c.article_version_id
LEFT JOIN (
    SELECT e.claim_id, group_concat(so.title || ' <' || so.url || '>', char(10)) AS sources
    FROM evidence e JOIN source so ON so.id = e.source_id
    GROUP BY e.claim_id
) src ON src.claim_id = c.id
WHERE a.session_id = ? AND c.deleted_at IS NULL
ORDER BY a.position, a.id, c.start, c."end" DESC, c.id
"""


def build_database(path: Path, claims: int = CLAIMS, articles: int = ARTICLES) -> tuple[Database, int]:
    """A session with ``claims`` claims over ``articles`` articles, some with sources."""
    rng = random.Random(6)
    db = open_database(path)
    now = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)
    paragraph = "Officials said about 32,000 troops were deployed near the border. " * 3
    text = "\n\n".join(paragraph for _ in range(200))
    structure = [
        {"kind": "paragraph", "start": i * (len(paragraph) + 2), "end": i * (len(paragraph) + 2) + len(paragraph)}
        for i in range(200)
    ]
    per_article = claims // articles
    with db.engine.begin() as connection:
        session_id = connection.execute(
            insert(ReviewSession.__table__).values(
                title="Benchmark desk", reviewer="bench", notes="", ui_state={}, scale="default",
                created_at=now, updated_at=now,
            )
        ).inserted_primary_key[0]
        article_ids, version_ids = [], []
        for position in range(articles):
            article_id = connection.execute(
                insert(Article.__table__).values(
                    session_id=session_id, position=position, source=f"https://news.example/{position}",
                    created_at=now, updated_at=now,
                )
            ).inserted_primary_key[0]
            version_ids.append(connection.execute(
                insert(ArticleVersion.__table__).values(
                    article_id=article_id, number=1, final_url=f"https://news.example/{position}",
                    title=f"Article {position}: troops at the border", authors=["Ana Reporter"],
                    published="2024-02-20", site_name="News Example", language="en", text=text,
                    structure=structure, raw_zlib=b"", raw_sha256="", fetched_at=now, extractor="bench",
                )
            ).inserted_primary_key[0])
            article_ids.append(article_id)
        rows = []
        for n in range(claims):
            index = n // per_article if n // per_article < articles else articles - 1
            start = rng.randrange(0, len(text) - 40)
            value = rng.choice((32000, -3, 2.5, [10, 20], "2024-02-20", None))
            rows.append({
                "article_id": article_ids[index],
                "article_version_id": version_ids[index],
                "kind": KINDS[n % len(KINDS)],
                "start": start,
                "end": start + 30,
                "text": text[start : start + 30],
                "prefix": "", "suffix": "",
                "wording": "=SUM(A1:A2)" if n % 97 == 0 else f"Claim number {n}\nsecond line",
                "value": value,
                "unit": "troop" if value is not None else None,
                "speaker": "Alexander Lukashenko" if n % 3 == 0 else None,
                "origin": "detected",
                "status": STATUSES[n % len(STATUSES)],
                "verdict": VERDICTS[n % len(VERDICTS)],
                "rationale": "Checked against the ministry's figures, which say \"30,000\"." if n % 2 else "",
                "tags": [], "score": 0.9, "created_by": "bench", "updated_by": "bench",
                "created_at": now, "updated_at": now + timedelta(seconds=n), "version": 1,
            })
        connection.execute(insert(Claim.__table__), rows)
        source_ids = [
            connection.execute(
                insert(Source.__table__).values(
                    session_id=session_id, url=f"https://source.example/{i}", title=f"Source {i}",
                    publisher="", accessed_at=now,
                )
            ).inserted_primary_key[0]
            for i in range(SOURCES)
        ]
        evidence = [
            {"claim_id": claim_id, "source_id": source_ids[(claim_id + k) % SOURCES], "stance": "supports",
             "passage": "", "created_by": "bench", "created_at": now}
            for claim_id in range(1, claims + 1, 10)
            for k in range(2)
        ]
        connection.execute(insert(Evidence.__table__), evidence)
    return db, session_id


def floor_export(db_path: Path, session_id: int, out_path: Path) -> None:
    connection = sqlite3.connect(db_path)
    try:
        with out_path.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(["col"] * 22)
            writer.writerows(connection.execute(FLOOR_SQL, (session_id,)))
    finally:
        connection.close()


def workbench_export(db: Database, session_id: int, out_path: Path) -> None:
    with out_path.open("w", encoding="utf-8", newline="") as out:
        write_csv(out, db, session_id)


def median_seconds(first: Callable[[], None], second: Callable[[], None], runs: int = RUNS) -> tuple[float, float]:
    """Median times of two jobs, run in turns so that load on the machine hits both alike."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for job, bucket in ((first, times[0]), (second, times[1])):
            began = time.perf_counter()
            job()
            bucket.append(time.perf_counter() - began)
    return statistics.median(times[0]), statistics.median(times[1])


def run(claims: int = CLAIMS) -> list[tuple[str, float, str, str, float]]:
    """Rows for the ``make bench`` table: (name, value, unit, target, ratio)."""
    with tempfile.TemporaryDirectory() as folder:
        folder_path = Path(folder)
        db_path = folder_path / "bench.sqlite"
        db, session_id = build_database(db_path, claims)
        try:
            ours, floor = median_seconds(
                lambda: workbench_export(db, session_id, folder_path / "ours.csv"),
                lambda: floor_export(db_path, session_id, folder_path / "floor.csv"),
            )
        finally:
            db.close()
    ratio = ours / floor
    return [
        (f"CSV export, {claims:,} claims", round(ours, 3), "s", f"<= {TARGET_RATIO}x floor", round(ratio, 2)),
        (f"csv module from SQL (floor), {claims:,} claims", round(floor, 3), "s", "", 1.0),
    ]


def main() -> int:
    claims = int(sys.argv[1]) if len(sys.argv) > 1 else CLAIMS
    rows = run(claims)
    for name, value, unit, target, ratio in rows:
        print(f"{name:<48} {value:>8} {unit:<2} {target:<14} {ratio}x")
    return 0 if rows[0][4] <= TARGET_RATIO else 1


if __name__ == "__main__":
    raise SystemExit(main())
