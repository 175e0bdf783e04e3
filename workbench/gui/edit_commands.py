"""Undo commands for edits added after ``undo.py``: a source's title and publisher,
and a verdict copied from claim memory. Same contract as ``undo._Command``:
each step is stored at once, and a failed step makes the command obsolete.
"""

from __future__ import annotations

from workbench.gui.undo import Editor, _Command
from workbench.memory.lookup import copy_prior
from workbench.services import claim_edits
from workbench.storage import claims as claim_store
from workbench.storage import sources as source_store


class EditSource(_Command):
    """Change a source's title and publisher (shared by every claim it backs)."""

    def __init__(self, editor: Editor, source_id: int, claim_id: int | None, old: dict[str, str],
                 new: dict[str, str]) -> None:
        super().__init__(editor, "Edit source title")
        self.source_id, self.claim_id = source_id, claim_id
        self.old, self.new = old, new

    def redo(self) -> None:
        self._guard(lambda: self._apply(self.new))

    def undo(self) -> None:
        self._guard(lambda: self._apply(self.old))

    def _apply(self, values: dict[str, str]) -> None:
        source_store.update_source(self.editor.db, self.source_id, **values)
        self.editor.claims_reloaded(self.claim_id)


class CopyPrior(_Command):
    """Put a prior claim's verdict, rationale and sources on a claim; undo takes them off again."""

    def __init__(self, editor: Editor, claim_id: int, prior_claim_id: int, label: str) -> None:
        super().__init__(editor, f"Copy verdict checked before ({label})")
        self.claim_id, self.prior_claim_id = claim_id, prior_claim_id
        self.before: dict[str, object] = {}
        self.added_evidence: list[int] = []

    def redo(self) -> None:
        def step() -> None:
            db = self.editor.db
            claim = claim_store.get_claim(db, self.claim_id)
            self.before = {"verdict": claim.verdict, "rationale": claim.rationale}
            linked = {e.id for e in source_store.list_evidence(db, self.claim_id)}
            copy_prior(db, self.claim_id, self.prior_claim_id, by=self.editor.reviewer,
                       expected_version=self.editor.known_version(self.claim_id))
            self.added_evidence = [e.id for e in source_store.list_evidence(db, self.claim_id) if e.id not in linked]
            self.editor.claims_reloaded(self.claim_id)

        self._guard(step)

    def undo(self) -> None:
        def step() -> None:
            db = self.editor.db
            # The claim first: its version is the one the window knows.
            claim_edits.update_claim(db, self.claim_id, self.before, by=self.editor.reviewer,
                                     expected_version=self.editor.known_version(self.claim_id))
            for evidence_id in self.added_evidence:
                source_store.detach_source(db, evidence_id, by=self.editor.reviewer)
            self.editor.claims_reloaded(self.claim_id)

        self._guard(step)
