"""The flat claim-report row: one per claim, everything a reader of the report needs.

CSV writes these rows as they are; the HTML report and ClaimReview read the
same rows, so every format shows the same claims for the same filter.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any, NamedTuple

from sqlalchemy import Connection

from workbench.domain.errors import NotFoundError
from workbench.domain.review import state_label
from workbench.domain.scales import Level, get_scale
from workbench.export import query
from workbench.export.filters import ExportFilter
from workbench.export.query import ArticleInfo, SessionInfo
from workbench.storage.database import Database, translate_errors

# The report's columns, in order (the CSV header).
COLUMNS = (
    "session",
    "article title",
    "article URL",
    "publication date",
    "claim id",
    "kind",
    "quoted span",
    "wording",
    "value",
    "unit",
    "speaker",
    "status",
    "verdict",
    "rationale",
    "sources",
    "reviewer",
    "last updated",
    "paragraph",
    "start",
    "end",
    "review state",
    "assigned to",
    # The evidence, one line per source in the order of "sources": what a reader checks it by.
    "source URLs",
    "source stances",
    "quoted passages",
    "snapshot SHA-256",
)


class SourceRef(NamedTuple):
    title: str
    url: str
    stance: str
    passage: str = ""  # the words of the source the reviewer quoted
    snapshot: str = ""  # SHA-256 of the newest archived copy of the source; "" if never archived
    archived: str = ""  # when that copy was fetched (ISO 8601, UTC)
    publisher: str = ""
    final_url: str = ""  # where that copy was found (after redirects): says who published it


class ClaimRow(NamedTuple):
    """One claim with its article, verdict and sources (plain values)."""

    session: str
    article_title: str
    article_url: str
    published: str
    claim_id: int
    kind: str
    text: str
    wording: str
    value: Any  # number, [low, high], ISO date or name, as stored
    unit: str
    speaker: str
    status: str
    verdict: str  # the level's label
    rationale: str
    sources: list[SourceRef]
    reviewer: str
    updated: str  # ISO 8601, UTC, to the second
    paragraph: int | None
    start: int
    end: int
    review_state: str  # "approved", "needs second check"...
    assignee: str
    # Not columns: what the HTML report and ClaimReview also need.
    article_id: int
    level: Level


class Report:
    """What a report is about, and its claims streamed from an open connection.

    ``claims()`` gives ``ClaimRow`` objects. ``raw_claims()`` gives the query's
    tuples (``query.CLAIM_COLUMNS``) for the CSV writer, which turns them into
    cells in one pass with the helpers here (``decode``, ``iso``, ``label``,
    ``sources``, ``paragraph``): 100,000 claims must cost little more than the
    csv module itself.
    """

    def __init__(
        self,
        connection: Connection,
        session: SessionInfo,
        articles: dict[int, ArticleInfo],
        blocks: query.BlockIndex,
        claim_filter: ExportFilter,
    ) -> None:
        self.session = session
        self.scale = get_scale(session.scale)
        self.articles = articles
        self.claim_filter = claim_filter
        self.paragraph = blocks.paragraph
        self._connection = connection
        self.levels = {level.key: level for level in self.scale.levels}
        self.unreviewed = self.scale.levels[0]
        raw = connection.dialect.name == "sqlite"  # see query.stream_claims
        self.decode: Callable[[Any], Any] = _json_text if raw else _same
        self.iso: Callable[[Any], str] = _sqlite_iso if raw else _aware_iso
        self._sources: dict[int, list[SourceRef]] | None = None
        self.blocks = blocks
        # Verdict key (None: not reviewed) to what readers see; unknown keys show as themselves.
        self.labels: dict[str | None, str] = {level.key: level.label for level in self.scale.levels}
        self.labels[None] = self.unreviewed.label

    @property
    def sources(self) -> dict[int, list[SourceRef]]:
        """Per claim id, its sources in the order they were attached."""
        if self._sources is None:
            self._sources = {
                claim_id: [SourceRef(*ref) for ref in refs]
                for claim_id, refs in query.read_sources(self._connection, self.session.id).items()
            }
        return self._sources

    def source_tuples(self) -> dict[int, list[query.SourceTuple]]:
        """Per claim id, its sources as plain (title, url, stance, passage, snapshot, ...) tuples, read afresh.

        For a writer that turns them straight into text: it skips building a
        ``SourceRef`` per source and keeps no tens of thousands of small
        objects alive for the garbage collector to walk while claims stream.
        """
        return query.read_sources(self._connection, self.session.id)

    def level(self, verdict: str | None) -> Level:
        return self.levels.get(verdict, self.unreviewed) if verdict else self.unreviewed

    def label(self, verdict: str | None) -> str:
        """The verdict as readers see it; a key no longer on the scale shows as itself."""
        return self.labels.get(verdict) or str(verdict)

    def raw_claims(self) -> Iterator[tuple[Any, ...]]:
        return query.stream_claims(
            self._connection, self.session.id, self.claim_filter, self.unreviewed.key
        )

    def raw_batches(self, neutralise: tuple[str, ...] = ()) -> Iterator[Sequence[tuple[Any, ...]]]:
        return query.claim_batches(
            self._connection, self.session.id, self.claim_filter, self.unreviewed.key,
            neutralise=neutralise,
        )

    def claims(self) -> Iterator[ClaimRow]:
        sources, no_sources = self.sources, []
        session, articles = self.session, self.articles
        decode, iso, paragraph = self.decode, self.iso, self.paragraph
        for (claim_id, article_id, version_id, kind, start, end, text, wording, value, unit,
             speaker, status, verdict, rationale, updated_by, updated_at, review_state,
             assignee) in self.raw_claims():
            article = articles[article_id]
            yield ClaimRow(
                session.title,
                article.title,
                article.url,
                article.published,
                claim_id,
                kind,
                text,
                wording,
                decode(value),
                unit or "",
                speaker or "",
                status,
                self.label(verdict),
                rationale,
                sources.get(claim_id, no_sources),
                updated_by or session.reviewer,
                iso(updated_at),
                paragraph(article_id, version_id, start),
                start,
                end,
                state_label(review_state or "unstarted"),
                assignee or "",
                article_id,
                self.level(verdict),
            )


@contextmanager
def open_report(db: Database, session_id: int, claim_filter: ExportFilter | None = None) -> Iterator[Report]:
    """Read a session for a report; its claims stream while the block is open."""
    claim_filter = claim_filter or ExportFilter()
    with translate_errors(db.location), db.engine.connect() as connection:
        session = query.read_session(connection, session_id)
        articles, blocks = query.read_articles(connection, session_id)
        if claim_filter.article_id is not None and claim_filter.article_id not in articles:
            raise NotFoundError(
                f"Article {claim_filter.article_id} is not in session '{session.title}'.",
                "Give the id of one of the session's articles, or leave the article out.",
            )
        yield Report(connection, session, articles, blocks, claim_filter)


def _json_text(text: str | float | None) -> Any:
    """A JSON value as SQLite stores it.

    The JSON column has numeric affinity, so SQLite hands numbers (most
    values) back as numbers already; only text needs the json module.
    """
    if text is None or not isinstance(text, str):
        return text
    if text[0] == '"' and "\\" not in text:
        return text[1:-1]  # a plain string: nothing to unescape
    return json.loads(text)


def _same(value: Any) -> Any:
    return value


def _sqlite_iso(text: str) -> str:
    """SQLite's stored "YYYY-MM-DD HH:MM:SS.ffffff" (always UTC) as ISO 8601."""
    return f"{text[:10]}T{text[11:19]}+00:00"


def _aware_iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")
