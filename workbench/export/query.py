"""Bulk reads for export: SQLAlchemy Core selects, no ORM objects per row.

A 100,000-claim session must export at close to the speed of the csv module
reading straight from the database, so claims are streamed (``yield_per``
uses a server-side cursor on PostgreSQL) and the small tables a row refers to
(articles, versions, sources) are read once into dictionaries.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, String, case, func, literal, select, type_coerce

from workbench.domain.errors import NotFoundError
from workbench.export.filters import ExportFilter
from workbench.storage.models import (
    Article,
    ArticleVersion,
    Claim,
    Evidence,
    ReviewSession,
    Source,
    SourceSnapshot,
)

# Rows fetched per round trip while streaming claims.
BATCH = 2000

_session = ReviewSession.__table__.c
_article = Article.__table__.c
_version = ArticleVersion.__table__.c
_claim = Claim.__table__.c
_evidence = Evidence.__table__.c
_source = Source.__table__.c

# The claim columns an export row is built from, in this order.
# ``value`` and ``updated_at`` are read as stored on SQLite (JSON text and
# "YYYY-MM-DD HH:MM:SS.ffffff" UTC) and converted in ``rows``: parsing them
# through SQLAlchemy's types costs more than the rest of the export.
CLAIM_COLUMNS = (
    _claim.id,
    _claim.article_id,
    _claim.article_version_id,
    _claim.kind,
    _claim.start,
    _claim.end,
    _claim.text,
    _claim.wording,
    _claim.value,
    _claim.unit,
    _claim.speaker,
    _claim.status,
    _claim.verdict,
    _claim.rationale,
    _claim.updated_by,
    _claim.updated_at,
    _claim.review_state,
    _claim.assignee,
)


@dataclass(frozen=True, slots=True)
class SessionInfo:
    id: int
    title: str
    reviewer: str
    scale: str
    notes: str


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """An article as reports show it: the metadata of its newest version."""

    id: int
    position: int
    source: str
    title: str
    url: str
    published: str
    authors: list[str]
    site_name: str
    language: str
    version_count: int


class BlockIndex:
    """Block (paragraph) numbers for offsets, per article version."""

    def __init__(self) -> None:
        self._starts: dict[int, list[int]] = {}
        self._current: dict[int, int] = {}

    def add(self, article_id: int, version_id: int, structure: list[dict[str, Any]]) -> None:
        self._starts[version_id] = sorted(int(block["start"]) for block in structure or [])
        self._current[article_id] = version_id  # versions arrive oldest first

    def starts(self, article_id: int, version_id: int | None) -> list[int]:
        """Sorted block starts of the version a claim indexes (its article's newest if unknown)."""
        return self._starts.get(version_id or self._current.get(article_id, -1)) or []

    def paragraph(self, article_id: int, version_id: int | None, offset: int) -> int | None:
        """The 1-based number of the block holding ``offset``, or None if unknown."""
        return bisect_right(self.starts(article_id, version_id), offset) or None


def read_session(connection: Connection, session_id: int) -> SessionInfo:
    row = connection.execute(
        select(_session.id, _session.title, _session.reviewer, _session.scale, _session.notes)
        .where(_session.id == session_id, _session.deleted_at.is_(None))
    ).first()
    if row is None:
        raise NotFoundError(
            f"Session {session_id} does not exist (it may have been deleted).",
            "List the sessions with `workbench sessions`.",
        )
    return SessionInfo(*row)


def read_articles(connection: Connection, session_id: int) -> tuple[dict[int, ArticleInfo], BlockIndex]:
    """Every article of the session in reading order, and their block starts."""
    rows = connection.execute(
        select(
            _article.id,
            _article.position,
            _article.source,
            _version.id,
            _version.title,
            _version.final_url,
            _version.published,
            _version.authors,
            _version.site_name,
            _version.language,
            _version.structure,
        )
        .join_from(Article.__table__, ArticleVersion.__table__, _version.article_id == _article.id)
        .where(_article.session_id == session_id, _article.removed_at.is_(None))  # a removed one is in no export
        .order_by(_article.position, _article.id, _version.number)
    ).all()
    articles: dict[int, ArticleInfo] = {}
    blocks = BlockIndex()
    counts: dict[int, int] = {}
    for row in rows:
        (article_id, position, source, version_id, title, url, published, authors,
         site_name, language, structure) = row
        counts[article_id] = counts.get(article_id, 0) + 1
        blocks.add(article_id, version_id, structure)
        articles[article_id] = ArticleInfo(
            id=article_id,
            position=position,
            source=source,
            title=title or url or source,
            url=url or (source if "://" in source else ""),
            published=published or "",
            authors=list(authors or []),
            site_name=site_name or "",
            language=language or "",
            version_count=counts[article_id],
        )
    return articles, blocks


SourceTuple = tuple[str, str, str, str, str, str, str, str]


def read_sources(connection: Connection, session_id: int) -> dict[int, list[SourceTuple]]:
    """Per claim id: its sources as (title, url, stance, passage, snapshot SHA-256, archived at,
    publisher, final URL), in the order they were attached. The hash, the archive time (ISO 8601,
    UTC) and the final URL are of the newest archived copy that holds the page ("" if none): the
    copy the evidence rests on."""
    snapshot = SourceSnapshot.__table__.c
    newest = (
        select(snapshot.source_id, func.max(snapshot.id).label("id"))
        .where(snapshot.error.is_(None)).group_by(snapshot.source_id).subquery()
    )
    rows = connection.execute(
        select(_evidence.claim_id, _source.title, _source.url, _evidence.stance, _evidence.passage, snapshot.sha256,
               snapshot.fetched_at, _source.publisher, snapshot.final_url)
        .join_from(Evidence.__table__, Source.__table__, _source.id == _evidence.source_id)
        .outerjoin(newest, newest.c.source_id == _source.id)
        .outerjoin(SourceSnapshot.__table__, snapshot.id == newest.c.id)
        .where(_source.session_id == session_id)
        .order_by(_evidence.claim_id, _evidence.id)
    )
    sources: dict[int, list[SourceTuple]] = {}
    for claim_id, title, url, stance, passage, sha256, fetched_at, publisher, final_url in rows:
        sources.setdefault(claim_id, []).append((title or "", url, stance, passage or "", sha256 or "",
                                                 _utc_iso(fetched_at), publisher or "", final_url or ""))
    return sources


def stream_claims(
    connection: Connection, session_id: int, claim_filter: ExportFilter, unreviewed_key: str
) -> Iterator[tuple[Any, ...]]:
    """Claim rows (``CLAIM_COLUMNS``) in reading order."""
    for batch in claim_batches(connection, session_id, claim_filter, unreviewed_key):
        yield from batch


def claim_batches(
    connection: Connection,
    session_id: int,
    claim_filter: ExportFilter,
    unreviewed_key: str,
    *,
    neutralise: tuple[str, ...] = (),
) -> Iterator[Sequence[tuple[Any, ...]]]:
    """Claim rows (``CLAIM_COLUMNS``) in reading order, in batches as fetched.

    On SQLite ``value`` comes back as JSON text and ``updated_at`` as the
    stored UTC string (see ``raw_sqlite_columns``); on other databases as
    Python values. Text columns whose first character is in ``neutralise``
    come back with a leading apostrophe: the database does it faster than a
    Python loop (CSV formula neutralising).
    """
    columns = raw_sqlite_columns() if connection.dialect.name == "sqlite" else CLAIM_COLUMNS
    if neutralise:
        columns = tuple(_neutralised(column, neutralise) for column in columns)
    query = (
        select(*columns)
        .join_from(Claim.__table__, Article.__table__, _article.id == _claim.article_id)
        .where(_article.session_id == session_id)
        .order_by(_article.position, _article.id, _claim.start, _claim.end.desc(), _claim.id)
    )
    query = claim_filter.apply(query, unreviewed_key)
    result = connection.execution_options(yield_per=BATCH).execute(query)
    return result.partitions()  # type: ignore[return-value]


# Free text a formula could hide in (kind and status are closed vocabularies).
FREE_TEXT = ("text", "wording", "unit", "speaker", "rationale", "updated_by", "assignee")


def _neutralised(column: Any, starts: tuple[str, ...]) -> Any:
    if column.key not in FREE_TEXT:
        return column
    return case(
        (func.substr(column, 1, 1).in_(starts), literal("'", String) + column), else_=column
    ).label(column.key)


def raw_sqlite_columns() -> tuple[Any, ...]:
    raw = {"value", "updated_at"}
    return tuple(
        type_coerce(column, String).label(column.key) if column.key in raw else column
        for column in CLAIM_COLUMNS
    )


def _utc_iso(moment: datetime | str | None) -> str:
    """A stored time as ISO 8601 in UTC to the second; "" for none (SQLite keeps UTC without a zone)."""
    if moment is None:
        return ""
    if isinstance(moment, str):
        return f"{moment[:10]}T{moment[11:19]}+00:00"
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).isoformat(timespec="seconds")
