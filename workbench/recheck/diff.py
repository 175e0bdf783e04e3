"""What a comparison view shows: text changes, metadata changes, claims affected."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workbench.recheck.textmap import TextMap

# The metadata a reviewer cares about when a page is edited, in display order.
METADATA_FIELDS = ("title", "published", "authors", "site_name")


@dataclass(frozen=True, slots=True)
class TextChange:
    """One edit: ``insert`` (old span empty), ``delete`` (new span empty) or ``replace``."""

    kind: str
    old_start: int
    old_end: int
    new_start: int
    new_end: int
    old_text: str
    new_text: str


@dataclass(frozen=True, slots=True)
class ClaimChange:
    """A claim and what re-anchoring made of it, with spans in both texts."""

    claim_id: int
    outcome: str
    confidence: float
    old_start: int
    old_end: int
    old_text: str
    new_start: int | None
    new_end: int | None
    new_text: str | None
    verdict: str | None = None


@dataclass(frozen=True, slots=True)
class Comparison:
    old_number: int
    new_number: int
    old_text: str
    new_text: str
    changes: list[TextChange]
    metadata_changes: dict[str, list[Any]]
    claims: list[ClaimChange] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.changes or self.metadata_changes)


def text_changes(old_text: str, new_text: str) -> list[TextChange]:
    """Insertions, deletions and replacements, with offsets in both texts."""
    return [
        TextChange(
            op.tag,
            op.old_start,
            op.old_end,
            op.new_start,
            op.new_end,
            old_text[op.old_start : op.old_end],
            new_text[op.new_start : op.new_end],
        )
        for op in TextMap(old_text, new_text).changes()
    ]


def metadata_changes(old: dict[str, Any], new: dict[str, Any]) -> dict[str, list[Any]]:
    """``field -> [old, new]`` for the fields that differ (authors compared as lists)."""
    changes: dict[str, list[Any]] = {}
    for name in METADATA_FIELDS:
        before, after = _plain(old.get(name)), _plain(new.get(name))
        if before != after:
            changes[name] = [before, after]
    return changes


def _plain(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    if isinstance(value, str):
        return value.strip() or None
    return value
