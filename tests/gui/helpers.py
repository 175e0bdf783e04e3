"""Small helpers for GUI tests: find claims the way a user sees them."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import event

from workbench.domain.records import ClaimRecord
from workbench.gui.main_window import MainWindow
from workbench.services import claims_read


def claims_in_table(window: MainWindow) -> list[ClaimRecord]:
    return list(window.claims_panel.model.claims)


def claim_with_text(window: MainWindow, text: str, kind: str | None = None) -> ClaimRecord:
    for claim in claims_in_table(window):
        if claim.text == text and (kind is None or claim.kind == kind):
            return claim
    raise AssertionError(f"no claim {text!r} in {[c.text for c in claims_in_table(window)]}")


def table_text(window: MainWindow, claim_id: int, column: int) -> str:
    panel = window.claims_panel
    row = panel.model.row_of(claim_id)
    assert row is not None
    return panel.model.index(row, column).data()


def wait_for_details(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    """Sources, history and prior checks of the current claim are read in the background: wait for them."""
    qtbot.waitUntil(lambda: window.claims_settled and window.details.settled and not window.writes.busy
                    and not window.background.running
                    and not window.memory._pause.isActive() and not window.memory.selected_jobs.running)


def wait_for_claims(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    """The claims list is read in the background after an edit that adds or removes claims: wait for it."""
    qtbot.waitUntil(lambda: window.claims_settled and not window.writes.busy and not window.background.running)


def wait_for_writes(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    """Edits are stored in the background, one after another: wait until the last is stored and shown
    (an edit that adds or removes an article has the session's articles read again after it; a
    conflict's claim is read before its bar shows, in the window's background runner)."""
    qtbot.waitUntil(lambda: not window.writes.busy and not window.article_reader.running
                    and not window.background.running)


class Sent:
    """Statements sent on an engine (or every engine: ``Engine``), each with whether the GUI thread sent it."""

    def __init__(self, engine) -> None:  # noqa: ANN001
        self.statements: list[tuple[bool, str]] = []
        self.engine = engine
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn, _cursor, statement: str, *_rest) -> None:  # noqa: ANN001
        self.statements.append((threading.current_thread() is threading.main_thread(), statement))

    def from_gui(self) -> list[str]:
        return [text for on_gui, text in self.statements if on_gui]

    def reads_of(self, table: str) -> int:
        return sum(1 for _gui, text in self.statements if text.lstrip().startswith("SELECT") and f"FROM {table} " in text)

    def stop(self) -> None:
        event.remove(self.engine, "before_cursor_execute", self._seen)


class Watch:
    """What a window did after an edit: its list reads (the service's read, wrapped; reads of
    another window's database are not its own), and its model's resets, inserts and removals."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, window) -> None:  # noqa: ANN001
        self.reads = 0
        read = claims_read.claims_of_article

        def counted(db, article_id):  # noqa: ANN001, ANN202
            if db is window.db:
                self.reads += 1
            return read(db, article_id)

        monkeypatch.setattr(claims_read, "claims_of_article", counted)
        self.resets = self.inserted = self.removed = 0
        model = window.claims_panel.model
        model.modelReset.connect(lambda: self._add("resets"))
        model.rowsInserted.connect(lambda *_a: self._add("inserted"))
        model.rowsRemoved.connect(lambda *_a: self._add("removed"))

    def _add(self, name: str) -> None:
        setattr(self, name, getattr(self, name) + 1)

    def rows_only(self, *, inserted: int = 0, removed: int = 0) -> bool:
        return (self.reads, self.resets, self.inserted, self.removed) == (0, 0, inserted, removed)


def search_for_evidence(qtbot, window: MainWindow, source: str):  # noqa: ANN001, ANN201 - the dialog
    """Find evidence for the current claim: the dialog opened from the editor's button, ``source``
    (an address or a file) typed and Enter pressed, and its passages listed."""
    from PySide6.QtCore import Qt

    qtbot.mouseClick(window.editor.find_evidence_button, Qt.MouseButton.LeftButton)
    dialog = window.memory.evidence_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.source, source)
    qtbot.keyClick(dialog.source, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(dialog.passages), timeout=20_000)
    return dialog


def link_a_colleague_changed(qtbot, window: MainWindow, location, claim_id: int) -> None:  # noqa: ANN001
    """A link attached to the claim here (on the Sources tab), whose stance a colleague then sets
    to "supports" from another connection: the window still shows the link as it stored it."""
    from workbench.storage import sources as source_store
    from workbench.storage.database import open_database

    window.editor.setCurrentIndex(1)
    window.attach_link(claim_id, "https://ministry.example/briefing", "Briefing", "Ministry")
    qtbot.waitUntil(lambda: window.editor.sources.count() == 1)
    wait_for_details(qtbot, window)
    wait_for_writes(qtbot, window)
    [link] = source_store.list_evidence(window.db, claim_id)
    colleague = open_database(location)
    try:
        source_store.update_evidence(colleague, link.id, by="colleague", stance="supports",
                                     expected_version=link.version)
    finally:
        colleague.close()
