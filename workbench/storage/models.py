"""The schema: review sessions, articles and their versions, claims, sources, history.

One schema serves SQLite and PostgreSQL. Migrations in ``db/versions`` must
produce exactly this (a test compares them).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workbench.domain.kinds import ClaimOrigin, ClaimStatus, ReviewState
from workbench.storage.base import Base, Timestamped, utcnow


class ReviewSession(Timestamped, Base):
    """One reviewer's (or team's) review of one or more articles."""

    __tablename__ = "review_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    reviewer: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # What was open when a reviewer left, from before window state was kept
    # per reviewer (window_state): read only as a fallback.
    ui_state: Mapped[dict[str, Any]] = mapped_column(default=dict)
    scale: Mapped[str] = mapped_column(String(64), default="default")
    # A deleted session that holds claims is kept, marked (a tombstone): the
    # history is append-only for reviewers, so it must not go with it. Every
    # list skips it; only the database owner may purge it.
    deleted_at: Mapped[datetime | None] = mapped_column()
    deleted_by: Mapped[str | None] = mapped_column(String(200))

    articles: Mapped[list[Article]] = relationship(
        back_populates="session", cascade="all, delete-orphan", order_by="Article.position"
    )
    sources: Mapped[list[Source]] = relationship(
        back_populates="session", cascade="all, delete-orphan"
    )


class Article(Timestamped, Base):
    """An article as the reviewer added it; its text lives in versions."""

    __tablename__ = "article"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("review_session.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    source: Mapped[str] = mapped_column(Text)  # URL, path or "pasted text", as given
    # The reviewer (name or role) the article is assigned to; "" for nobody.
    assignee: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # A removed article is kept, marked (a tombstone), with its claims marked
    # deleted: undo brings back the same rows, and their history is never
    # deleted (reviewers may only add to it). Every read skips it.
    removed_at: Mapped[datetime | None] = mapped_column()
    removed_by: Mapped[str | None] = mapped_column(String(200))

    session: Mapped[ReviewSession] = relationship(back_populates="articles")
    versions: Mapped[list[ArticleVersion]] = relationship(
        back_populates="article",
        cascade="all, delete-orphan",
        order_by="ArticleVersion.number",
    )
    claims: Mapped[list[Claim]] = relationship(
        back_populates="article", cascade="all, delete-orphan", order_by="Claim.start"
    )

    @property
    def current(self) -> ArticleVersion:
        """The newest version: what the reader shows and claims index."""
        return self.versions[-1]


class ArticleVersion(Base):
    """One snapshot of an article: never overwritten, so edits by the publisher show."""

    __tablename__ = "article_version"
    __table_args__ = (UniqueConstraint("article_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(default=1)
    final_url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    authors: Mapped[list[str]] = mapped_column(default=list)
    published: Mapped[str | None] = mapped_column(String(40))  # ISO 8601 date or datetime
    site_name: Mapped[str | None] = mapped_column(String(300))
    language: Mapped[str | None] = mapped_column(String(20))
    # The exact string claim offsets index.
    text: Mapped[str] = mapped_column(Text)
    # Blocks for display: [{"kind": "paragraph", "start": 0, "end": 120}, ...]
    structure: Mapped[list[dict[str, Any]]] = mapped_column(default=list)
    raw_zlib: Mapped[bytes] = mapped_column(LargeBinary, default=b"")
    raw_sha256: Mapped[str] = mapped_column(String(64), default="")
    http_status: Mapped[int | None] = mapped_column()
    content_type: Mapped[str | None] = mapped_column(String(200))
    fetched_at: Mapped[datetime] = mapped_column(default=utcnow)
    extractor: Mapped[str] = mapped_column(String(200), default="")

    article: Mapped[Article] = relationship(back_populates="versions")


class Claim(Timestamped, Base):
    """A checkable claim in an article: its span, the reviewer's reading and verdict."""

    __tablename__ = "claim"
    __table_args__ = (Index("ix_claim_article_start", "article_id", "start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    # The version whose text the span indexes.
    article_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("article_version.id", ondelete="SET NULL")
    )
    kind: Mapped[str] = mapped_column(String(20))
    start: Mapped[int] = mapped_column()
    end: Mapped[int] = mapped_column()
    text: Mapped[str] = mapped_column(Text)
    # Context either side, so the span can be found again if the text shifts.
    prefix: Mapped[str] = mapped_column(Text, default="")
    suffix: Mapped[str] = mapped_column(Text, default="")
    wording: Mapped[str] = mapped_column(Text, default="")
    value: Mapped[Any | None] = mapped_column()  # number, [low, high], ISO date, canonical name
    unit: Mapped[str | None] = mapped_column(String(80))
    speaker: Mapped[str | None] = mapped_column(String(300))
    origin: Mapped[str] = mapped_column(String(20), default=ClaimOrigin.DETECTED.value)
    status: Mapped[str] = mapped_column(String(20), default=ClaimStatus.PROPOSED.value)
    verdict: Mapped[str | None] = mapped_column(String(64))
    rationale: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[list[str]] = mapped_column(default=list)
    score: Mapped[float | None] = mapped_column()
    # The team's review (domain.review): who checks it, and how far; approved locks the verdict.
    assignee: Mapped[str] = mapped_column(String(200), default="", server_default="")
    review_state: Mapped[str] = mapped_column(
        String(30), default=ReviewState.UNSTARTED.value, server_default=ReviewState.UNSTARTED.value
    )
    created_by: Mapped[str] = mapped_column(String(200), default="")
    updated_by: Mapped[str] = mapped_column(String(200), default="")
    # Optimistic locking: an edit names the version it was made on.
    version: Mapped[int] = mapped_column(default=1)
    # After a re-check: unchanged, moved, changed or gone, how sure, and the
    # old and new text. A changed or gone claim waits for the reviewer.
    anchor_outcome: Mapped[str | None] = mapped_column(String(20))
    anchor_confidence: Mapped[float | None] = mapped_column()
    anchor_detail: Mapped[Any | None] = mapped_column()
    # A deleted claim is kept, marked (a tombstone), so undo brings back the
    # same row with its history and sources; every read skips it.
    deleted_at: Mapped[datetime | None] = mapped_column()
    deleted_by: Mapped[str | None] = mapped_column(String(200))

    article: Mapped[Article] = relationship(back_populates="claims")
    article_version: Mapped[ArticleVersion | None] = relationship()
    evidence: Mapped[list[Evidence]] = relationship(
        back_populates="claim", cascade="all, delete-orphan", order_by="Evidence.id"
    )
    # History is append-only for reviewers (they may not DELETE it), so the
    # ORM never deletes history rows: a hard delete of a claim leaves them to
    # the foreign key's ON DELETE CASCADE, which PostgreSQL runs as the owner.
    history: Mapped[list[ClaimHistory]] = relationship(
        back_populates="claim", cascade="save-update, merge", passive_deletes="all",
        order_by="ClaimHistory.id",
    )

    __mapper_args__ = {"version_id_col": version}


class Source(Base):
    """A piece of evidence: a link the reviewer checked. One source may back many claims."""

    __tablename__ = "source"
    # One source per address in a session: the same link added twice, even
    # by two reviewers at once, is one row.
    __table_args__ = (Index("uq_source_session_url", "session_id", "url", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("review_session.id", ondelete="CASCADE"), index=True
    )
    url: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text, default="")
    publisher: Mapped[str] = mapped_column(String(300), default="")
    published: Mapped[str | None] = mapped_column(String(40))
    accessed_at: Mapped[datetime] = mapped_column(default=utcnow)

    session: Mapped[ReviewSession] = relationship(back_populates="sources")
    # Deleting a source takes its links with it in the database (ON DELETE
    # CASCADE), links of deleted claims included, which the ORM does not load.
    evidence: Mapped[list[Evidence]] = relationship(back_populates="source", passive_deletes=True)
    # Every fetch of the source, oldest first: what the evidence said when it was cited, and since.
    snapshots: Mapped[list[SourceSnapshot]] = relationship(
        back_populates="source", passive_deletes=True, order_by="SourceSnapshot.id"
    )


class SourceSnapshot(Base):
    """One fetch of a source, kept for good: the bytes as they came and the text read from them.

    A fetch that failed is a row too, with its ``error`` and no bytes, so the
    attempt shows and can be retried; earlier snapshots are never replaced.
    """

    __tablename__ = "source_snapshot"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id", ondelete="CASCADE"), index=True)
    fetched_at: Mapped[datetime] = mapped_column(default=utcnow)
    fetched_by: Mapped[str] = mapped_column(String(200), default="")
    http_status: Mapped[int | None] = mapped_column()
    content_type: Mapped[str | None] = mapped_column(String(200))
    final_url: Mapped[str | None] = mapped_column(Text)
    sha256: Mapped[str | None] = mapped_column(String(64))  # of the bytes before compression
    raw_zlib: Mapped[bytes] = mapped_column(LargeBinary, default=b"")
    text: Mapped[str] = mapped_column(Text, default="")
    title: Mapped[str] = mapped_column(Text, default="")
    publisher: Mapped[str] = mapped_column(String(300), default="")
    published: Mapped[str | None] = mapped_column(String(40))
    # Why a stored copy has no text (a PDF with no reader installed, an image).
    text_missing: Mapped[str | None] = mapped_column(Text)
    error: Mapped[str | None] = mapped_column(Text)  # the fetch failed: nothing but this was kept

    source: Mapped[Source] = relationship(back_populates="snapshots")


class Evidence(Base):
    """How one source bears on one claim: its stance and the passage quoted."""

    __tablename__ = "evidence"
    __table_args__ = (UniqueConstraint("claim_id", "source_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"), index=True)
    source_id: Mapped[int] = mapped_column(
        ForeignKey("source.id", ondelete="CASCADE"), index=True
    )
    stance: Mapped[str] = mapped_column(String(20), default="context")
    passage: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Optimistic locking, as on claims: a stance or passage edit names the version it was made on.
    version: Mapped[int] = mapped_column(default=1)
    # What the last re-check of the source found for this link (unchanged, changed, failed,
    # or confirmed once the reviewer looked), and whether the passage was still there.
    source_check: Mapped[str | None] = mapped_column(String(20))
    passage_found: Mapped[bool | None] = mapped_column()

    claim: Mapped[Claim] = relationship(back_populates="evidence")
    source: Mapped[Source] = relationship(back_populates="evidence")

    __mapper_args__ = {"version_id_col": version}


class ClaimHistory(Base):
    """Append-only record of every change to a claim: who, when, what, from and to."""

    __tablename__ = "claim_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    by: Mapped[str] = mapped_column(String(200), default="")
    field: Mapped[str] = mapped_column(String(40))
    old: Mapped[Any | None] = mapped_column()
    new: Mapped[Any | None] = mapped_column()
    note: Mapped[str] = mapped_column(Text, default="")
    # The database role that wrote the row: on PostgreSQL a trigger sets it
    # to current_user whatever the client sends; empty on a SQLite file.
    db_role: Mapped[str | None] = mapped_column(String(200))

    claim: Mapped[Claim] = relationship(back_populates="history")


class Reviewer(Base):
    """A reviewer's display name, set once per database role (the login name on SQLite)."""

    __tablename__ = "reviewer"

    role: Mapped[str] = mapped_column(String(200), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(200))


class WindowState(Base):
    """What one reviewer had open in a session: article, claim, filters, scroll."""

    __tablename__ = "window_state"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("review_session.id", ondelete="CASCADE"), primary_key=True
    )
    # The database role on PostgreSQL, the display name on a SQLite file.
    reviewer: Mapped[str] = mapped_column(String(200), primary_key=True)
    ui_state: Mapped[dict[str, Any]] = mapped_column(default=dict)

# Claim memory index (keys and tokens), kept in its own module.
from workbench.storage.memory_models import ClaimKey, ClaimToken  # noqa: E402, F401


class ChangeLog(Base):
    """One committed write, for other windows on the same database to catch up from.

    Written in the writer's own transaction (``storage.change_log``), so a row
    exists exactly when its change does. Readers remember the last id they saw
    and read what came after; old rows are pruned as new ones come.
    """

    __tablename__ = "change_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    by: Mapped[str] = mapped_column(String(200), default="")
    # The Database handle that wrote it: a window skips its own changes.
    writer: Mapped[str] = mapped_column(String(64), default="")
    # {"sessions": [...], "claims": [...], "articles": [...], ...}: see storage.change_log.
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
