"""Undo commands for the team's review: a claim's review state, its assignment, a reopen.

Same contract as ``undo._Command``: redo applies a ``services.review_edits``
operation in one transaction, undo applies the inverse it returned (checked
against what the edit wrote, so a colleague's change since is a conflict),
and a step the service refuses (an approval only an editor may take back)
stores nothing and is reported in the message bar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.domain.kinds import ReviewState
from workbench.domain.review import state_label
from workbench.gui.deferred import deferred
from workbench.gui.undo import Editor, _Command, show_changed_claims

if TYPE_CHECKING:
    from workbench.domain.records import ClaimRecord
    from workbench.services.changes import Done
    from workbench.services.edits import Operation

review_edits = deferred("workbench.services.review_edits")


class _ReviewEdit(_Command):
    def __init__(self, editor: Editor, claim_id: int, text: str, operation: Operation) -> None:
        super().__init__(editor, text, operation)
        self.claim_id = claim_id

    def shown(self, done: Done, *, undone: bool) -> None:
        show_changed_claims(self.editor, done, focus=self.claim_id)


class SetReviewState(_ReviewEdit):
    """Move a claim to a review state; approved locks its verdict (leaving approved is a reopen)."""

    def __init__(self, editor: Editor, claim: ClaimRecord, state: str) -> None:
        text = "Approve claim" if state == ReviewState.APPROVED else f"Review: {state_label(state)}"
        operation = review_edits.SetReviewState(claim.id, state, expected_version=claim.version)
        super().__init__(editor, claim.id, text, operation)


class Reopen(_ReviewEdit):
    """Move an approved claim back to in progress, so its verdict can be edited (editors only)."""

    def __init__(self, editor: Editor, claim: ClaimRecord) -> None:
        super().__init__(editor, claim.id, "Reopen claim", review_edits.Reopen(claim.id, expected_version=claim.version))


class AssignClaim(_ReviewEdit):
    """Assign a claim to a reviewer ("" takes the assignment off)."""

    def __init__(self, editor: Editor, claim: ClaimRecord, assignee: str) -> None:
        text = f"Assign to {assignee}" if assignee else "Unassign claim"
        operation = review_edits.AssignClaim(claim.id, assignee, expected_version=claim.version)
        super().__init__(editor, claim.id, text, operation)
