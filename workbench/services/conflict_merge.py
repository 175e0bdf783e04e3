"""Two reviewers changed one claim: every field that now differs, and the merge the reviewer chooses.

A ``ConflictError`` names only the fields of the refused edit. A reviewer
deciding whether to keep their verdict also needs to see that the colleague
rewrote the rationale arguing the other way, so ``read_conflict`` reads the
claim and its source links as stored now and compares each field a reviewer
edits with both what this window based its edit on and the edit itself.
``merged_values`` turns the reviewer's per-field choices into one edit,
written with the version read here (compare-and-set): a third change in
between is a new conflict, not an overwrite. ``merge_operation`` adds the
source links to it when the reviewer keeps the links they saw: all one
transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workbench.domain.errors import ConflictError
from workbench.domain.records import ClaimRecord, EvidenceRecord
from workbench.services.claim_edits import EditClaim
from workbench.services.edits import Compound, Operation
from workbench.services.evidence_edits import DetachSource, LinkSource
from workbench.storage import claims as _claims
from workbench.storage import sources as _sources
from workbench.storage.database import Database

# The fields a reviewer edits, in the order the conflict view lists them.
USER_FIELDS = ("verdict", "rationale", "wording", "status", "kind", "value", "unit", "speaker", "tags")
# Fields whose two versions can be merged by typing a third.
MERGEABLE_TEXT = frozenset({"rationale", "wording", "speaker", "unit"})


@dataclass(frozen=True, slots=True)
class FieldConflict:
    field: str
    base: Any  # what the window showed when the edit was made
    mine: Any  # what the reviewer's edit set (the base, for a field it did not touch)
    theirs: Any  # what is stored now
    edited: bool  # the reviewer's edit changed this field

    @property
    def mergeable(self) -> bool:
        return self.field in MERGEABLE_TEXT


@dataclass(frozen=True, slots=True)
class ClaimConflict:
    current: ClaimRecord  # the claim as stored now: its version is the one a merge is written on
    by: str | None
    fields: tuple[FieldConflict, ...]
    links_mine: tuple[EvidenceRecord, ...] | None  # the links the window showed (None: it had not read them)
    links_theirs: tuple[EvidenceRecord, ...]

    @property
    def sources_mine(self) -> tuple[str, ...] | None:
        return None if self.links_mine is None else tuple(link.source.url for link in self.links_mine)

    @property
    def sources_theirs(self) -> tuple[str, ...]:
        return tuple(link.source.url for link in self.links_theirs)

    @property
    def sources_differ(self) -> bool:
        return self.sources_mine is not None and set(self.sources_mine) != set(self.sources_theirs)

    def field(self, name: str) -> FieldConflict | None:
        return next((f for f in self.fields if f.field == name), None)


def read_conflict(
    db: Database, error: ConflictError, base: ClaimRecord | None, base_links: list[EvidenceRecord] | None
) -> ClaimConflict:
    """Every user field (and the source links) where the stored claim and this reviewer's version differ.

    ``base`` is the claim as the window showed it when the edit was made,
    ``base_links`` its source links then (None when not read yet).
    """
    current = _claims.get_claim(db, error.claim_id)
    edit = {name: mine for name, (_theirs, mine) in error.changes.items()}
    fields = []
    for name in USER_FIELDS:
        theirs = _value(current, name)
        before = _value(base, name) if base is not None else theirs
        mine = edit.get(name, before)
        if mine != theirs:  # changed by me, by them, or by both in different ways
            fields.append(FieldConflict(name, before, mine, theirs, edited=name in edit))
    links_now = tuple(_sources.list_evidence(db, error.claim_id))
    return ClaimConflict(
        current=current,
        by=current.updated_by or error.by,
        fields=tuple(fields),
        links_mine=tuple(base_links) if base_links is not None else None,
        links_theirs=links_now,
    )


def merged_values(conflict: ClaimConflict, chosen: dict[str, Any]) -> dict[str, Any]:
    """The fields to write: each chosen value that is not what is stored already."""
    values = {}
    for field in conflict.fields:
        value = chosen.get(field.field, field.theirs)
        if value != field.theirs:
            values[field.field] = value
    return values


def merge_operation(conflict: ClaimConflict, chosen: dict[str, Any], *, keep_my_links: bool = False
                    ) -> Operation | None:
    """The reviewer's answer as one edit (None: theirs everywhere, nothing to write).

    The fields are written on the version read (compare-and-set); keeping my
    links takes off the links added since and puts back those removed, as
    the window showed them (stance and passage too).
    """
    steps: list[Operation] = []
    values = merged_values(conflict, chosen)
    if values:
        steps.append(EditClaim(conflict.current.id, values, expected_version=conflict.current.version))
    if keep_my_links and conflict.sources_differ and conflict.links_mine is not None:
        mine = {link.source.id for link in conflict.links_mine}
        theirs = {link.source.id for link in conflict.links_theirs}
        steps += [DetachSource(link.id) for link in conflict.links_theirs if link.source.id not in mine]
        steps += [LinkSource(conflict.current.id, link.source.id, link.stance, link.passage)
                  for link in conflict.links_mine if link.source.id not in theirs]
    return Compound(tuple(steps)) if steps else None


def _value(claim: ClaimRecord, name: str) -> Any:
    value = getattr(claim, name)
    return list(value) if name == "tags" else value
