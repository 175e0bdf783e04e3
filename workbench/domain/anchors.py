"""What a claim remembers of where it was, and where a re-check found it again.

Plain values: ``workbench.recheck.anchor`` computes them, storage records
them on the claims, and the window shows them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Outcome(StrEnum):
    UNCHANGED = "unchanged"
    MOVED = "moved"
    CHANGED = "changed"
    GONE = "gone"


@dataclass(frozen=True, slots=True)
class ClaimAnchor:
    """What a claim remembers of where it was."""

    id: int
    start: int
    end: int
    text: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True, slots=True)
class Reanchored:
    """Where a claim is in the new text, how sure we are, and what became of its words."""

    claim_id: int
    outcome: Outcome
    confidence: float
    old_start: int
    old_end: int
    old_text: str
    start: int | None = None  # None when gone
    end: int | None = None
    new_text: str | None = None
    note: str = ""

    @property
    def needs_review(self) -> bool:
        return self.outcome in (Outcome.CHANGED, Outcome.GONE)


@dataclass(frozen=True, slots=True)
class ClaimsOnVersion:
    """The claims of an article made on one of its versions, with that version's text."""

    version_number: int
    text: str
    anchors: list[ClaimAnchor]
