"""An archived copy of a source: what one fetch brought back, and what a re-check found.

Plain values: ``workbench.ingest.archive`` makes an ``ArchivedCopy``,
storage keeps it as a snapshot row, and the window, the command line and the
reports read ``SnapshotRecord``s.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

# What a re-check found for a source (and each link citing it).
UNCHANGED, CHANGED, FAILED = "unchanged", "changed", "failed"
# The reviewer looked at a changed source and keeps the citation.
CONFIRMED = "confirmed"


@dataclass(frozen=True, slots=True)
class ArchivedCopy:
    """One fetch of a source: the bytes as they came and what was read from them, or the error."""

    location: str  # the source's URL or file:// URI, as stored
    fetched_at: datetime
    raw: bytes = b""
    sha256: str | None = None
    http_status: int | None = None
    content_type: str | None = None
    final_url: str | None = None
    text: str = ""
    title: str = ""
    publisher: str = ""
    published: str | None = None
    text_missing: str | None = None  # why a stored copy has no text
    error: str | None = None  # the fetch failed: nothing else was kept

    @property
    def failed(self) -> bool:
        return self.error is not None


@dataclass(frozen=True, slots=True)
class SnapshotRecord:
    id: int
    source_id: int
    fetched_at: datetime
    fetched_by: str
    http_status: int | None
    content_type: str | None
    final_url: str | None
    sha256: str | None
    title: str
    publisher: str
    published: str | None
    text_missing: str | None
    error: str | None
    text: str = field(default="", repr=False)

    @property
    def failed(self) -> bool:
        return self.error is not None

    def summary_json(self) -> dict[str, Any]:
        """The command line's ``snapshot`` object."""
        return {
            "id": self.id,
            "sha256": self.sha256,
            "fetched_at": self.fetched_at.isoformat(),
            "http_status": self.http_status,
            "content_type": self.content_type,
            "final_url": self.final_url,
            "text_missing": self.text_missing,
            "error": self.error,
        }
