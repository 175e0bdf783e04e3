"""What the claim editor shows that the database does not have yet, and why.

Two things leave typed values unsaved: an edit made while the server is down
(queued, ``outage_control``) and a conflict the reviewer dismissed without
choosing (``conflict_control``). Either way the value stays in its field,
marked (the ``unsaved`` property, styled in workbench.qss), with a note above
the form, and comes back when the claim is selected again; it is never
silently replaced by the stored value.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbench.domain.records import ClaimRecord
    from workbench.gui.claim_editor import ClaimEditor


class UnsavedFields:
    def __init__(self) -> None:
        # reason ("queued", "conflict") -> claim id -> field -> value, as stored
        self._values: dict[str, dict[int, dict[str, Any]]] = {}
        self._notes: dict[str, str] = {}

    def set(self, reason: str, values: dict[int, dict[str, Any]], note: str) -> None:
        self._values[reason] = {claim_id: dict(v) for claim_id, v in values.items() if v}
        self._notes[reason] = note

    def note(self, reason: str) -> str:
        return self._notes.get(reason, "")

    def by_claim(self, reason: str) -> dict[int, dict[str, Any]]:
        return {claim_id: dict(v) for claim_id, v in self._values.get(reason, {}).items()}

    def of(self, claim_id: int, reason: str | None = None) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for why, by_claim in self._values.items():
            if reason is None or why == reason:
                values.update(by_claim.get(claim_id, {}))
        return values

    def retrying(self, claim_id: int, fields: dict[str, Any]) -> None:
        """A new try at saving these fields: what becomes of it (saved, queued, a conflict) says anew."""
        for by_claim in self._values.values():
            for name in fields:
                by_claim.get(claim_id, {}).pop(name, None)

    def show(self, editor: ClaimEditor, claim: ClaimRecord) -> None:
        values = self.of(claim.id)
        for name, widget in editor.field_widgets().items():
            marked = name in values
            if marked:
                editor.show_value(name, values[name])
            if bool(widget.property("unsaved")) != marked:
                widget.setProperty("unsaved", marked)
                widget.style().unpolish(widget)  # re-read the style sheet for the new property
                widget.style().polish(widget)
        notes = [self._notes[why] for why, by_claim in self._values.items()
                 if by_claim.get(claim.id) and self._notes.get(why)]
        editor.unsaved_note.setText(" ".join(notes))
        editor.unsaved_note.setVisible(bool(notes))
