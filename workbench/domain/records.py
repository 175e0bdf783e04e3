"""Plain, immutable views of stored rows.

Repositories return these rather than ORM objects so that they can cross
threads (GUI workers) and outlive the database session that read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from workbench.domain.kinds import ReviewState


@dataclass(frozen=True, slots=True)
class SessionSummary:
    id: int
    title: str
    reviewer: str
    scale: str
    notes: str
    ui_state: dict[str, Any]
    created_at: datetime
    updated_at: datetime
    article_count: int = 0
    claim_count: int = 0
    first_article: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    id: int
    session_id: int
    position: int
    source: str
    version_id: int
    version_number: int
    version_count: int
    final_url: str | None
    title: str | None
    authors: list[str]
    published: str | None
    site_name: str | None
    language: str | None
    text: str
    structure: list[dict[str, Any]]
    raw_sha256: str
    http_status: int | None
    content_type: str | None
    fetched_at: datetime
    extractor: str
    assignee: str = ""  # the reviewer the article is assigned to; "" for nobody

    @property
    def display_title(self) -> str:
        return self.title or self.final_url or self.source


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    id: int
    article_id: int
    article_version_id: int | None
    kind: str
    start: int
    end: int
    text: str
    prefix: str
    suffix: str
    wording: str
    value: Any
    unit: str | None
    speaker: str | None
    origin: str
    status: str
    verdict: str | None
    rationale: str
    tags: list[str]
    score: float | None
    created_by: str
    created_at: datetime
    updated_by: str
    updated_at: datetime
    version: int
    source_count: int = 0
    # What the last re-check found (unchanged, moved, changed, gone, accepted, kept);
    # changed and gone wait for the reviewer. None: never re-checked.
    anchor_outcome: str | None = None
    anchor_confidence: float | None = None
    anchor_detail: dict[str, Any] | None = None
    # The team's review (domain.review): who checks it, and how far.
    assignee: str = ""
    review_state: str = ReviewState.UNSTARTED.value

    @property
    def approved(self) -> bool:
        """Approved: the verdict, rationale and status are locked until an editor reopens it."""
        return self.review_state == ReviewState.APPROVED

    @property
    def flagged(self) -> bool:
        """A re-check moved the text under this claim and the reviewer has not acted yet."""
        return self.anchor_outcome in ("changed", "gone")

    @property
    def display_text(self) -> str:
        """What the reviewer sees first: their own wording, else the quoted span."""
        return self.wording or self.text


@dataclass(frozen=True, slots=True)
class SourceRecord:
    id: int
    session_id: int
    url: str
    title: str
    publisher: str
    published: str | None
    accessed_at: datetime


@dataclass(frozen=True, slots=True)
class EvidenceRecord:
    id: int
    claim_id: int
    source: SourceRecord
    stance: str
    passage: str
    created_by: str
    created_at: datetime
    version: int = 1  # the link's own version: a stance or passage edit names it


@dataclass(frozen=True, slots=True)
class HistoryRecord:
    id: int
    claim_id: int
    at: datetime
    by: str
    field: str
    old: Any
    new: Any
    note: str = ""
    # The database role that wrote the row (PostgreSQL); None on a SQLite file.
    db_role: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimDraft:
    """A claim to store, from the detector or the reviewer's selection."""

    kind: str
    start: int
    end: int
    value: Any = None
    unit: str | None = None
    speaker: str | None = None
    score: float | None = None
    wording: str = ""
    tags: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class VersionRecord:
    id: int
    article_id: int
    number: int
    final_url: str | None
    title: str | None
    authors: list[str]
    published: str | None
    site_name: str | None
    text: str
    raw_sha256: str
    fetched_at: datetime

    def metadata(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "published": self.published,
            "authors": list(self.authors),
            "site_name": self.site_name,
        }


@dataclass(frozen=True, slots=True)
class ChangeSummary:
    """For the badge on an article: how many versions, how many claims wait for review."""

    version_count: int
    flagged_claims: int


@dataclass(frozen=True, slots=True)
class AnchorState:
    """What the last re-check recorded for a claim (ClaimRecord does not carry it)."""

    claim_id: int
    outcome: str | None
    confidence: float | None
    detail: dict[str, Any]
    verdict: str | None


@dataclass(frozen=True, slots=True)
class LinkDetails:
    """What a source's page says of itself: its title, publisher and date, for the evidence form."""

    url: str
    title: str
    publisher: str
    published: str | None = None
