"""One door for every edit: ``apply(db, operation)`` runs it in one transaction.

An operation is a frozen record of plain values (ids, field values) with a
``run(session, by)`` method that does its work inside the caller's
transaction and returns a ``Done``: what changed and the inverse operation.
``apply`` opens the transaction, commits it when the whole operation
succeeded and rolls all of it back otherwise, so a compound edit (a claim
restored with its sources) is never left half done.

The GUI's undo stack and the CLI call these; neither touches storage for an
edit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Protocol, runtime_checkable

from sqlalchemy.orm import Session

from workbench.services.changes import Changes, Done
from workbench.storage.claims import claims_by_id_in, stale_conflict
from workbench.storage.database import Database
from workbench.storage.sources import stale_link_conflict


class Operation(Protocol):
    def run(self, session: Session, by: str) -> Done: ...


@runtime_checkable
class ChecksVersion(Protocol):
    """An edit of one claim that is refused if the claim changed since ``expected_version``."""

    claim_id: int
    expected_version: int | None


class StaleEdit(Exception):
    """Another writer committed a claim between our read and our write (raised inside a transaction)."""

    def __init__(self, claim_id: int, values: dict[str, Any]) -> None:
        super().__init__(claim_id)
        self.claim_id, self.values = claim_id, values


class StaleLink(Exception):
    """Another writer committed a source link between our read and our write (raised inside a transaction)."""

    def __init__(self, evidence_id: int, values: dict[str, Any]) -> None:
        super().__init__(evidence_id)
        self.evidence_id, self.values = evidence_id, values


def apply(db: Database, operation: Operation, *, by: str) -> Done:
    """Run ``operation`` in one transaction; returns what changed and its inverse.

    Raises a ``WorkbenchError`` (nothing stored) when any step is refused: a
    claim changed by someone else (``ConflictError``), a row deleted
    meanwhile (``NotFoundError``), a value not allowed, a full disk.
    """
    try:
        with db.session() as session:
            done = operation.run(session, by)
            changed = claims_by_id_in(session, done.changes.claim_ids)
            return replace(done, claims=tuple(changed))
    except StaleEdit as stale:
        raise stale_conflict(db, stale.claim_id, stale.values) from None
    except StaleLink as stale:
        raise stale_link_conflict(db, stale.evidence_id, stale.values) from None


@dataclass(frozen=True, slots=True)
class Compound:
    """Several operations as one edit: all stored, or none."""

    steps: tuple[Operation, ...] = ()

    def run(self, session: Session, by: str) -> Done:
        changes, inverses, links, removed = Changes(), [], [], None
        for step in self.steps:
            done = step.run(session, by)
            changes = changes | done.changes
            inverses.append(done.inverse)
            links.extend(done.links)
            removed = done.removed or removed
        return Done(changes, Compound(tuple(reversed(inverses))), links=tuple(links), removed=removed)


def with_known_versions(operation: Operation, known: Callable[[int], int | None]) -> Operation:
    """The operation checked against the claim versions the caller shows now.

    An operation made earlier (an undo) names the version it saw then; an
    edit made since by this reviewer is not a conflict, one by another
    reviewer is. An undo of a field edit is checked on the fields too (the
    values its edit wrote), so a colleague's change the window has already
    re-read is still a conflict. Operations that check no version are
    returned as they are.
    """
    if isinstance(operation, Compound):
        return Compound(tuple(with_known_versions(step, known) for step in operation.steps))
    if isinstance(operation, ChecksVersion) and operation.expected_version is not None:
        return replace(operation, expected_version=known(operation.claim_id))  # type: ignore[type-var]
    return operation
