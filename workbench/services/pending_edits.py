"""Edits made while the database server cannot be reached: kept in order, applied when it is back.

Nothing a reviewer does is dropped because the network went: the window
hands each edit it could not write to a ``PendingEdits`` queue, shows it as
unsaved, and calls ``flush`` every few seconds and before its next write.
``flush`` applies the edits in the order they were made, each in its own
transaction and checked against the version it was based on (the same
compare-and-set as any edit), and stops at the first that still cannot reach
the server: the rest keep their turn. A queued edit that a colleague's change
overtook raises the ``ConflictError`` any stale edit raises, so the window
can show the conflict.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from workbench.domain.errors import DatabaseUnreachableError, WorkbenchError
from workbench.services.changes import Done
from workbench.services.claim_edits import EditClaim
from workbench.services.database import Database
from workbench.services.edits import ChecksVersion, Compound, Operation, apply


class EditQueued(DatabaseUnreachableError):
    """The server could not be reached, so the edit was kept to be saved when it is back."""

    def __init__(self, cause: WorkbenchError, waiting: int) -> None:
        super().__init__(cause.message, f"{waiting_text(waiting)} — retrying; nothing you typed is lost.")
        self.waiting = waiting


def waiting_text(count: int) -> str:
    return f"{count} edit{'s' if count != 1 else ''} not saved yet"


@dataclass
class Flushed:
    """What one ``flush`` stored, and what stopped it (None: the queue is empty)."""

    done: list[Done] = field(default_factory=list)
    # Unreachable: the edits wait. Any other error (a conflict, a claim deleted
    # meanwhile) belongs to the edit that met it, which left the queue.
    stopped_by: WorkbenchError | None = None
    refused: Operation | None = None


class PendingEdits:
    """An ordered queue of edits not yet stored, with the versions they were based on."""

    def __init__(self) -> None:
        self._edits: list[Operation] = []
        # Claim id -> its version after the last queued edit of it was stored: a
        # later queued edit of the same claim was made after that one, by the same
        # reviewer, so that version is the one it was really based on.
        self._stored_as: dict[int, int] = {}

    def __len__(self) -> int:
        return len(self._edits)

    def operations(self) -> list[Operation]:
        return list(self._edits)

    def add(self, operation: Operation) -> None:
        """Queue an edit behind the others; keystrokes into one field while down count as one edit."""
        last = self._edits[-1] if self._edits else None
        if (isinstance(operation, EditClaim) and isinstance(last, EditClaim)
                and (last.claim_id, set(last.values), last.expected_version, last.note)
                == (operation.claim_id, set(operation.values), operation.expected_version, operation.note)):
            self._edits[-1] = operation
            return
        self._edits.append(operation)

    def stored_before(self, done: list[Done]) -> None:
        """Edits queued from here on were made while ``done`` was being stored, by the same reviewer:
        they build on it, so each is checked against the version it left, not the one the window saw."""
        for each in done:
            for claim in each.claims:
                self._stored_as[claim.id] = claim.version

    def values_for(self, claim_id: int) -> dict[str, Any]:
        """The field values queued for a claim, the latest of each: what the window shows as unsaved."""
        values: dict[str, Any] = {}
        for operation in self._edits:
            for step in _steps(operation):
                if isinstance(step, EditClaim) and step.claim_id == claim_id:
                    values.update(step.values)
        return values

    def claim_ids(self) -> list[int]:
        """The claims with a field edit waiting, in the order first edited."""
        found: dict[int, None] = {}
        for operation in self._edits:
            for step in _steps(operation):
                if isinstance(step, EditClaim):
                    found[step.claim_id] = None
        return list(found)

    def flush(self, db: Database, *, by: str) -> Flushed:
        """Apply the queued edits in order; stop at the first that fails (see ``Flushed``)."""
        result = Flushed()
        while self._edits:
            operation = self._chained(self._edits[0])
            try:
                done = apply(db, operation, by=by)
            except DatabaseUnreachableError as error:
                result.stopped_by = error
                return result
            except WorkbenchError as error:
                self._edits.pop(0)
                result.stopped_by, result.refused = error, operation
                return result
            self._edits.pop(0)
            for claim in done.claims:
                self._stored_as[claim.id] = claim.version
            result.done.append(done)
        self._stored_as.clear()  # the window shows the stored versions from here on
        return result

    def _chained(self, operation: Operation) -> Operation:
        if isinstance(operation, Compound):
            return Compound(tuple(self._chained(step) for step in operation.steps))
        if (isinstance(operation, ChecksVersion) and operation.expected_version is not None
                and operation.claim_id in self._stored_as):
            return replace(operation, expected_version=self._stored_as[operation.claim_id])  # type: ignore[type-var]
        return operation


def _steps(operation: Operation) -> list[Operation]:
    if isinstance(operation, Compound):
        return [leaf for step in operation.steps for leaf in _steps(step)]
    return [operation]
