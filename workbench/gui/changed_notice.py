"""A colleague's change to the claim being typed in: held back, with a notice, until the reviewer answers.

While the reviewer has typed text in a claim that is not saved yet (or the
editor has the focus and shows values kept unsaved after a conflict), a
colleague's version of that claim never replaces it: neither a live update
nor the list read again. The row and the editor keep the version the
reviewer started from (its version is what a save is compared against), and
the editor says "Changed by X just now" with two answers:

- Reload: the typed text is dropped and the colleague's version shown;
- Keep editing: the notice goes and the typing stays; the next save is made
  on the version the reviewer started from, so it meets the colleague's as a
  conflict, and the conflict view shows every field that differs
  (``conflict_control``).

While the notice asks, a pause in typing does not save (the save would raise
the conflict before the notice could be read); leaving the claim, Esc or any
other save does, and meets the conflict.

A colleague's change that leaves every field a reviewer edits as it was (a
re-check moving the claim's words, a source linked) is no reason to ask: it
is taken as it comes, the typed text staying in its field.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QPushButton,
    QWidget,
)

from workbench.gui.deferred import deferred
from workbench.gui.editor_fields import WarningBanner

if TYPE_CHECKING:
    from workbench.domain.records import ClaimRecord
    from workbench.gui.main_window import MainWindow

conflict_merge = deferred("workbench.services.conflict_merge")


class ChangedNotice(WarningBanner):
    """The editor's notice: who changed the claim being typed in, and the two answers."""

    def __init__(self) -> None:
        self.reload_button = QPushButton("Reload")
        self.reload_button.setObjectName("changedReload")
        self.reload_button.setToolTip("Show their version; what you typed here is dropped")
        self.keep_button = QPushButton("Keep editing")
        self.keep_button.setObjectName("changedKeepEditing")
        self.keep_button.setToolTip("Keep your text; saving it shows both versions to choose from")
        super().__init__("changedNotice", "changedNoticeText", (self.reload_button, self.keep_button))
        self.text.setTextFormat(Qt.TextFormat.RichText)

    def show_by(self, by: str, *, deleted: bool = False) -> None:
        who = html.escape(by or "a colleague")
        if deleted:
            self.text.setText(f"<b>Deleted by {who} just now.</b><br>Your text is kept until you choose: Reload "
                              "takes the claim away, Keep editing leaves it here to copy from (it cannot be saved).")
        else:
            self.text.setText(f"<b>Changed by {who} just now.</b><br>Your text is kept until you choose: Reload "
                              "shows their version, Keep editing lets you go on and shows both versions when you save.")
        self.show()


@dataclass(frozen=True, slots=True)
class _Held:
    claim: ClaimRecord | None  # the colleague's version, not shown yet (None: they deleted it)
    by: str


class HeldChanges(QObject):
    """Colleagues' versions of the claim the reviewer is editing, kept back until answered."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.held: dict[int, _Held] = {}
        # claim id -> the colleague's version "Keep editing" answered (None: their delete)
        self._kept: dict[int, int | None] = {}
        self._focus: QWidget | None = None
        self.notice: ChangedNotice = window.editor.changed_notice
        self.notice.reload_button.clicked.connect(self.reload)
        self.notice.keep_button.clicked.connect(self.keep_editing)
        # Connected after the window's own slots: the save has gone (and met the conflict) when these run.
        window.editor.change_requested.connect(lambda claim_id, _changes: self._saved(claim_id))
        window.claims_panel.claim_selected.connect(self._selected)

    def editing(self, claim_id: int) -> bool:
        """The reviewer is editing this claim: typed text not saved yet, or kept-unsaved values in the focused editor."""
        w = self.window
        editor = w.editor
        if editor.claim is None or editor.claim.id != claim_id or w.claims_panel.current_id() != claim_id:
            return False
        if editor.typing:
            return True
        focused = w.focusWidget()  # (the window's, active or not)
        return focused is not None and editor.isAncestorOf(focused) and bool(editor.unsaved.of(claim_id))

    def arrived(self, claim: ClaimRecord, by: str) -> bool:
        """A colleague's version of a claim shown: True when it is held back, as the reviewer is editing it."""
        shown = self.window.claims_panel.model.claim_by_id(claim.id)
        if shown is None or not self.editing(claim.id) or _same_fields(shown, claim):
            return False
        kept = self._kept.get(claim.id, -1)
        if kept is None or kept >= claim.version:
            return True  # answered already: the reviewer keeps editing over this version
        self._hold(claim.id, _Held(claim, by or claim.updated_by or ""))
        return True

    def deleted(self, claim_id: int, by: str) -> None:
        """A colleague deleted the claim being edited: its row stays until the reviewer answers."""
        if claim_id not in self._kept or self._kept[claim_id] is not None:  # (not answered already)
            self._hold(claim_id, _Held(None, by))

    def _hold(self, claim_id: int, change: _Held) -> None:
        if not self.held:
            focused = self.window.focusWidget()
            self._focus = focused if focused is not None and self.window.editor.isAncestorOf(focused) else None
        self.held[claim_id] = change
        self.notice.show_by(change.by, deleted=change.claim is None)
        self.window.editor.hold_commits(True)

    def kept_in(self, claims: list[ClaimRecord]) -> list[ClaimRecord]:
        """The claims of a list read again, the one being edited as the reviewer started on it."""
        w = self.window
        shown = w.claims_panel.model.claim_by_id(w.claims_panel.current_id())
        if shown is None or w.article is None or shown.article_id != w.article.id or not self.editing(shown.id):
            return claims
        row = next((row for row, claim in enumerate(claims) if claim.id == shown.id), None)
        if row is None:  # deleted by a colleague
            self.deleted(shown.id, "")
            return [*claims, shown]
        claim = claims[row]
        if claim.version > shown.version and self.arrived(claim, claim.updated_by or ""):
            return [*claims[:row], shown, *claims[row + 1:]]
        return claims

    # --- the answers --------------------------------------------------------------
    def reload(self) -> None:
        """Their version: the typed text (and values kept unsaved) dropped, the row and editor refreshed."""
        w = self.window
        held = dict(self.held)
        self._release()
        w.editor.discard_pending()
        for claim_id, change in held.items():
            w.conflicts.forget_unsaved(claim_id)
            self._show(claim_id, change)
        self._focus_back()

    def keep_editing(self) -> None:
        for claim_id, change in self.held.items():
            self._kept[claim_id] = change.claim.version if change.claim is not None else None
        self._release()
        self._focus_back()

    # --- the notice going by itself -----------------------------------------------
    def _saved(self, claim_id: int) -> None:
        # A save on the held claim is made on the version the reviewer started from:
        # it met the colleague's as a conflict, which the conflict view now shows.
        if self._kept.get(claim_id, 0) is not None:  # (a deleted one stays until the reviewer leaves it)
            self._kept.pop(claim_id, None)
        if claim_id in self.held:
            self._release()

    def _selected(self, claim_id: int | None) -> None:
        """Another claim selected with nothing saved: the one left shows the colleague's version."""
        w = self.window
        for gone in [i for i, version in self._kept.items() if version is None and i != claim_id]:
            del self._kept[gone]
            w.claims_removed({gone}, None)  # kept to copy from while it was the current claim
        left = [i for i in self.held if i != claim_id]
        for held_id in left:
            change = self.held.pop(held_id)
            if change.claim is None or not w.editor.unsaved.of(held_id):  # kept unsaved: they meet it as a conflict
                self._show(held_id, change)
        if left and not self.held:
            self._release()

    def _show(self, claim_id: int, change: _Held) -> None:
        if change.claim is None:
            self.window.claims_removed({claim_id}, None)
        else:
            self.window.claim_changed(change.claim, claim_id)

    def _release(self) -> None:
        self.held.clear()
        self.notice.hide()
        self.window.editor.hold_commits(False)

    def _focus_back(self) -> None:
        widget, self._focus = self._focus, None
        if widget is not None and shiboken6.isValid(widget) and widget.isVisible() and widget.isEnabled():
            widget.setFocus(Qt.FocusReason.OtherFocusReason)


def _same_fields(shown: ClaimRecord, claim: ClaimRecord) -> bool:
    return all(_value(shown, name) == _value(claim, name) for name in conflict_merge.USER_FIELDS)


def _value(claim: ClaimRecord, name: str) -> Any:
    value = getattr(claim, name)
    return list(value) if name == "tags" else value
