"""Undo commands for edits added after ``undo.py``: a source's title and publisher,
a verdict copied from claim memory, and a flagged source link confirmed. Same contract
as ``undo._Command``: redo applies a service operation in one transaction, undo applies its inverse,
and a failed step (which stored nothing) makes the command obsolete.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.gui.deferred import deferred
from workbench.gui.undo import Editor, _Command, show_changed_claims

if TYPE_CHECKING:
    from workbench.domain.records import EvidenceRecord
    from workbench.services.changes import Done

claim_edits = deferred("workbench.services.claim_edits")
evidence_edits = deferred("workbench.services.evidence_edits")
source_watch = deferred("workbench.services.source_watch")


class EditSource(_Command):
    """Change a source's title and publisher (shared by every claim it backs)."""

    def __init__(self, editor: Editor, source_id: int, claim_id: int | None, old: dict[str, str],
                 new: dict[str, str]) -> None:
        super().__init__(editor, "Edit source title", evidence_edits.EditSource(source_id, dict(new)))
        self.source_id, self.claim_id = source_id, claim_id

    def shown(self, done: Done, *, undone: bool) -> None:
        show_changed_claims(self.editor, done, focus=self.claim_id)


class CopyPrior(_Command):
    """Put a prior claim's verdict, rationale and sources on a claim; undo takes them off again."""

    def __init__(self, editor: Editor, claim_id: int, prior_claim_id: int, label: str) -> None:
        operation = claim_edits.CopyPrior(claim_id, prior_claim_id, expected_version=editor.known_version(claim_id))
        super().__init__(editor, f"Copy verdict checked before ({label})", operation)
        self.claim_id, self.prior_claim_id = claim_id, prior_claim_id
        self.added_evidence: list[int] = []

    def shown(self, done: Done, *, undone: bool) -> None:
        if not undone:
            self.added_evidence = [link.id for link in done.links]
        show_changed_claims(self.editor, done, focus=self.claim_id)


class ConfirmSource(_Command):
    """Keep a source link a re-check of sources flagged (the page changed, or lost the passage);
    undo puts the flag back."""

    def __init__(self, editor: Editor, evidence: EvidenceRecord) -> None:
        super().__init__(editor, "Confirm source", source_watch.ConfirmCitation(evidence.id))
        self.claim_id = evidence.claim_id

    def shown(self, done: Done, *, undone: bool) -> None:
        show_changed_claims(self.editor, done, focus=self.claim_id)
