"""The claim editor: the selected claim's fields, its sources, and its history.

The editor never writes to the database itself: it emits what the reviewer
asked for and the window turns each request into an undoable command.
Typing is committed after a short pause (or when the field loses focus),
and keystrokes in one field merge into one undo step. Refreshing after such
a save never moves the focus nor rewrites the field being typed in
(``focus``, rule 4).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.scales import Scale
from workbench.gui.changed_notice import ChangedNotice
from workbench.gui.claims_model import format_value
from workbench.gui.review_row import ReviewRow
from workbench.gui.source_ledger import EditorLedger
from workbench.gui.unsaved_fields import UnsavedFields

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox, QListWidget, QPushButton

    from workbench.domain.records import ClaimRecord, EvidenceRecord, HistoryRecord, SourceRecord
    from workbench.gui.editor_fields import HistoryView, NoteEdit, ReanchorBanner

COMMIT_DELAY_MS = 600
EMPTY_TEXT = (
    "<p style='font-size:13pt'><b>No claim selected</b></p>"
    "<p>Select a claim in the list, or click a highlight in the article.<br>"
    "<b>J</b> / <b>K</b> move between claims, a digit sets the verdict,<br>"
    "<b>Ctrl+K</b> adds the words selected in the article as a claim.</p>"
)


class ClaimEditor(QTabWidget):
    change_requested = Signal(int, dict)  # claim id, {field: value}
    attach_requested = Signal(int, str, str, str)  # claim id, url, title, publisher
    reuse_requested = Signal(int, int)  # claim id, source id
    detach_requested = Signal(object)  # EvidenceRecord
    evidence_edit_requested = Signal(object, str, str)  # EvidenceRecord, stance, passage
    source_edit_requested = Signal(int, str, str)  # source id, title, publisher
    open_url_requested = Signal(str)
    reanchor_accept_requested = Signal(int)  # claim id: take the re-checked text
    reanchor_keep_requested = Signal(int)  # claim id: keep it on the version it was made on
    find_evidence_requested = Signal(int)  # claim id: search a source for the passage that settles it
    focus_released = Signal()  # the focused control went away: the window puts the focus elsewhere
    forms_built = Signal()  # the form's widgets exist now (build_forms)

    # The forms' widgets, made by editor_forms when first needed (build_forms).
    quoted: QLabel
    verdict: QComboBox
    status: QLabel
    accept_button: QPushButton
    dismiss_button: QPushButton
    rationale: NoteEdit
    wording: NoteEdit
    kind: QComboBox
    value: QLineEdit
    unit: QLineEdit
    speaker: QLineEdit
    tags: QLineEdit
    unsaved_note: QLabel
    reanchor_banner: ReanchorBanner
    reanchor_text: QLabel
    reanchor_accept: QPushButton
    reanchor_keep: QPushButton
    link: QLineEdit
    attach_button: QPushButton
    find_evidence_button: QPushButton
    reuse: QComboBox
    reuse_button: QPushButton
    sources: QListWidget
    source_title: QLineEdit
    source_publisher: QLineEdit
    stance: QComboBox
    passage: NoteEdit
    open_button: QPushButton
    remove_button: QPushButton
    history: HistoryView

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimEditor")
        self.claim: ClaimRecord | None = None
        self.scale: Scale | None = None
        self.evidence: list[EvidenceRecord] = []
        self._loading = False
        self._pending: set[str] = set()
        self._commits_held = False  # a colleague's change asks first (changed_notice): a pause does not save
        self.unsaved = UnsavedFields()  # typed values the database does not have yet
        self._timer = QTimer(self, singleShot=True, interval=COMMIT_DELAY_MS)
        self._timer.timeout.connect(self.commit_pending)
        self._passage_timer = QTimer(self, singleShot=True, interval=COMMIT_DELAY_MS)
        self._passage_timer.timeout.connect(self._evidence_edited)
        self.ledger = EditorLedger(self)  # archive, watch and verdict standing (source_ledger.py)
        # Made now, placed in the form when it is built: the window's controllers connect to them at once.
        self.changed_notice = ChangedNotice()  # answered by changed_notice.HeldChanges
        self.review_row = ReviewRow()  # review state, assignee, and the approval lock (review_row.py)
        self.empty = QLabel(EMPTY_TEXT)
        self.empty.setObjectName("editorEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.details_stack = QStackedWidget()
        self.details_stack.addWidget(self.empty)
        self.addTab(self.details_stack, "Claim")
        # Both forms scroll, so the editor's minimum height never squeezes the claims list.
        self._sources_page = QScrollArea()
        self._sources_page.setWidgetResizable(True)
        self._sources_page.setFrameShape(QFrame.Shape.NoFrame)
        self.addTab(self._sources_page, "Sources")
        self._history_page = QWidget()
        self._history_page.setObjectName("historyPage")
        QVBoxLayout(self._history_page).setContentsMargins(0, 0, 0, 0)
        self.addTab(self._history_page, "History")
        self._forms_built = False
        self.set_claim(None, None, [], [], [])

    if not TYPE_CHECKING:  # a type checker knows the forms' widgets from the annotations above
        def __getattr__(self, name: str) -> Any:
            # Only a name the editor does not have yet comes here: a form widget, which exists once built.
            if name.startswith("_") or self.__dict__.get("_forms_built", True):
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            self.build_forms()
            return getattr(self, name)

    def build_forms(self) -> None:
        """The claim's form, its sources and its history, built when first needed.

        Until a claim is shown the editor shows a hint only, and some 170 widgets
        hidden behind it took a fifth of the window's start (built, styled, and
        their Qt classes loaded); a claim selected, the database opened or any
        form widget asked for builds them, once (editor_forms.py lays them out).
        """
        if self._forms_built:
            return
        self._forms_built = True
        from workbench.gui.editor_fields import HistoryView
        from workbench.gui.editor_forms import details_page, sources_page

        details = QScrollArea()
        details.setWidgetResizable(True)
        details.setFrameShape(QFrame.Shape.NoFrame)
        details.setWidget(details_page(self))
        self.details_stack.addWidget(details)
        self._sources_page.setWidget(sources_page(self))
        self.history = HistoryView()
        layout = self._history_page.layout()
        assert layout is not None
        layout.addWidget(self.history)
        self._connect_forms()
        self.forms_built.emit()
        self.set_claim(None, self.scale, [], [], [])  # the empty form, until the claim that asked for it

    def _connect_forms(self) -> None:
        for name, widget in (("wording", self.wording), ("rationale", self.rationale)):
            widget.textChanged.connect(lambda n=name: self._edited(n))
        for name, widget in (("value", self.value), ("unit", self.unit), ("speaker", self.speaker), ("tags", self.tags)):
            widget.textEdited.connect(lambda _t, n=name: self._edited(n))
            widget.editingFinished.connect(self.commit_pending)
        self.kind.activated.connect(lambda _i: self._request({"kind": self.kind.currentData()}))
        self.verdict.activated.connect(lambda _i: self._request({"verdict": self.verdict.currentData()}))
        self.accept_button.clicked.connect(lambda: self._request({"status": "accepted"}))
        self.dismiss_button.clicked.connect(lambda: self._request({"status": "dismissed"}))
        self.reanchor_accept.clicked.connect(lambda: self._answer_reanchor(self.reanchor_accept_requested))
        self.reanchor_keep.clicked.connect(lambda: self._answer_reanchor(self.reanchor_keep_requested))
        self.link.returnPressed.connect(self._attach_link)
        self.attach_button.clicked.connect(self._attach_link)
        self.reuse_button.clicked.connect(self._reuse)
        self.find_evidence_button.clicked.connect(self._find_evidence)
        self.sources.currentRowChanged.connect(lambda _r: self._show_evidence())
        self.sources.itemDoubleClicked.connect(lambda _i: self._open_current())
        self.open_button.clicked.connect(self._open_current)
        self.remove_button.clicked.connect(self._remove_current)
        self.stance.activated.connect(lambda _i: self._evidence_edited())
        self.passage.textChanged.connect(self._passage_typed)
        for widget in (self.source_title, self.source_publisher):
            widget.editingFinished.connect(self._source_edited)

    def _answer_reanchor(self, signal: Any) -> None:
        if self.claim is not None:
            self.commit_pending()
            signal.emit(self.claim.id)

    # --- showing ----------------------------------------------------------
    def set_claim(
        self,
        claim: ClaimRecord | None,
        scale: Scale | None,
        evidence: list[EvidenceRecord],
        history: list[HistoryRecord],
        session_sources: list[SourceRecord],
    ) -> None:
        if claim is None and not self._forms_built:  # the hint alone: no form to fill yet (build_forms)
            self.claim, self.scale, self.evidence = None, scale, evidence
            self.details_stack.setCurrentIndex(0)
            for tab in range(1, self.count()):
                self.setTabEnabled(tab, False)
            self.setCurrentIndex(0)
            return
        self.build_forms()
        same_claim = claim is not None and self.claim is not None and claim.id == self.claim.id
        if not same_claim:
            self.commit_pending()
        typing_in = QApplication.focusWidget()
        if typing_in is not None and not self.isAncestorOf(typing_in):
            typing_in = None
        # The same claim with the very lists already shown (the window re-showing
        # it after an edit, before its sources are read again): leave the
        # sources and history as they are, with whatever is being typed there.
        details_shown = same_claim and evidence is self.evidence
        self._loading = True
        self.claim, self.scale, self.evidence = claim, scale, evidence
        for widget in self._all_inputs():
            widget.setEnabled(claim is not None)
        # No claim: an empty state that says what to do, not a form of stale, greyed values.
        self.details_stack.setCurrentIndex(0 if claim is None else 1)
        for tab in range(1, self.count()):
            self.setTabEnabled(tab, claim is not None)
        if claim is None:
            self.setCurrentIndex(0)
        if scale is not None and self.verdict.count() != len(scale.levels):
            self.verdict.clear()
            for level in scale.levels:
                self.verdict.addItem(f"{level.digit}  {level.label}", level.key)
        self.reanchor_banner.show_for(claim)
        if claim is None:
            self.quoted.setText("Select a claim in the list or in the text.")
        else:
            self._fill(claim, scale)
        self.review_row.show_claim(self, claim, history)
        self.ledger.show_claim(claim, scale)
        if not details_shown:
            self._fill_sources(evidence, session_sources)
            self.history.fill(history)
            self.setTabText(1, f"Sources ({len(evidence)})" if evidence else "Sources")
        self._loading = False
        if typing_in is not None:
            self._keep_focus(typing_in)

    def _keep_focus(self, widget: QWidget) -> None:
        """Refreshing after a save never moves the focus (focus.py, rule 4)."""
        if QApplication.focusWidget() is widget:
            return
        if widget.isVisible() and widget.isEnabled():
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        else:  # the control is gone (no claim, a removed source): not to the address bar
            self.focus_released.emit()

    def _fill(self, claim: ClaimRecord, scale: Scale | None) -> None:
        self.quoted.setText(f"“{claim.text}”")
        self._set_text("wording", self.wording, claim.wording)
        self._set_text("rationale", self.rationale, claim.rationale)
        self._set_text("value", self.value, format_value(claim.value).replace("–", "-"))
        self._set_text("unit", self.unit, claim.unit or "")
        self._set_text("speaker", self.speaker, claim.speaker or "")
        self._set_text("tags", self.tags, ", ".join(claim.tags))
        self.kind.setCurrentIndex(max(0, self.kind.findData(claim.kind)))
        if scale is not None:
            self.verdict.setCurrentIndex(max(0, self.verdict.findData(scale.level(claim.verdict).key)))
        self.status.setText(f"{claim.status.capitalize()} · {claim.origin}")
        self.accept_button.setEnabled(claim.status != "accepted")
        self.dismiss_button.setEnabled(claim.status != "dismissed")
        self.unsaved.show(self, claim)

    # --- unsaved values (unsaved_fields.py) ----------------------------------
    def set_unsaved(self, reason: str, values: dict[int, dict[str, Any]], note: str = "") -> None:
        """Show values the database does not have yet (queued, or kept after a conflict) as unsaved."""
        self.unsaved.set(reason, values, note)
        if self.claim is not None:
            was_loading, self._loading = self._loading, True
            self.unsaved.show(self, self.claim)
            self._loading = was_loading

    def show_value(self, name: str, value: Any) -> None:
        """Put a stored-form value in its field (an unsaved one; the field being typed in is left alone)."""
        if name == "verdict":
            key = self.scale.level(value).key if self.scale is not None else value
            self.verdict.setCurrentIndex(max(0, self.verdict.findData(key)))
        elif name == "kind":
            self.kind.setCurrentIndex(max(0, self.kind.findData(value)))
        else:
            text = {"value": lambda: format_value(value).replace("–", "-"), "tags": lambda: ", ".join(value or [])}
            widget = self.field_widgets()[name]
            assert isinstance(widget, (QLineEdit, QPlainTextEdit))
            self._set_text(name, widget, text[name]() if name in text else value or "")

    def field_widgets(self) -> dict[str, QWidget]:
        return {"wording": self.wording, "rationale": self.rationale, "value": self.value, "unit": self.unit,
                "speaker": self.speaker, "tags": self.tags, "verdict": self.verdict, "kind": self.kind}

    def _set_text(self, name: str, widget: QLineEdit | QPlainTextEdit, text: str) -> None:
        if name in self._pending:  # the reviewer is typing here: keep their text
            return
        if widget.hasFocus() and self.claim is not None and self._typed(name) == self.unsaved.of(self.claim.id).get(
                name, _stored(self.claim, name)):
            # Saved (or kept unsaved) as typed, only written differently ("28000" shows as "28,000", "a, b," as
            # "a, b"): rewriting it under the reviewer's fingers would move the cursor and mangle what comes next.
            return
        current = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
        if current != text:
            if isinstance(widget, QPlainTextEdit):
                widget.setPlainText(text)
            else:
                widget.setText(text)

    def _fill_sources(self, evidence: list[EvidenceRecord], session_sources: list[SourceRecord]) -> None:
        row = self.sources.currentRow()
        # Quietly: an empty list for a moment would disable the passage being typed in,
        # and Qt would hand the focus to the next control (the address bar).
        self.sources.blockSignals(True)
        self.sources.clear()
        self.ledger.list_links(evidence)  # with a flag on each a re-check flagged
        if evidence:
            self.sources.setCurrentRow(min(max(row, 0), len(evidence) - 1))
        self.sources.blockSignals(False)
        attached = {link.source.id for link in evidence}
        self.reuse.clear()
        others = [s for s in session_sources if s.id not in attached]
        self.reuse.addItem("Reuse a source from this session…" if others else "No other sources in this session", None)
        for source in others:
            self.reuse.addItem(source.title or source.url, source.id)
        self.reuse.setEnabled(bool(others) and self.claim is not None)
        self.reuse_button.setEnabled(bool(others) and self.claim is not None)
        self._show_evidence()

    def _show_evidence(self) -> None:
        link = self.current_evidence()
        for widget in (self.source_title, self.source_publisher, self.stance, self.passage,
                       self.open_button, self.remove_button):
            widget.setEnabled(link is not None)
        self.open_button.setText("Open file" if link and link.source.url.startswith("file:") else "Open in browser")
        was_loading, self._loading = self._loading, True
        for field, text in ((self.source_title, link.source.title if link else ""),
                            (self.source_publisher, link.source.publisher if link else "")):
            if field.text() != text:  # unchanged text keeps the cursor where the reviewer left it
                field.setText(text)
        self.stance.setCurrentIndex(max(0, self.stance.findData(link.stance if link else "context")))
        if link is None or self.passage.toPlainText() != link.passage:
            self.passage.setPlainText(link.passage if link else "")
        self._loading = was_loading
        self.ledger.show_link(link)

    def current_evidence(self) -> EvidenceRecord | None:
        row = self.sources.currentRow()
        return self.evidence[row] if 0 <= row < len(self.evidence) else None

    def _all_inputs(self) -> list[QWidget]:
        return [self.wording, self.kind, self.value, self.unit, self.speaker, self.verdict,
                self.rationale, self.tags, self.accept_button, self.dismiss_button, self.link,
                self.attach_button, self.find_evidence_button]

    # --- requests ---------------------------------------------------------
    def _edited(self, name: str) -> None:
        if self._loading or self.claim is None:
            return
        self._pending.add(name)
        if not self._commits_held:
            self._timer.start()

    @property
    def typing(self) -> bool:
        """The reviewer has typed text in this claim that is not saved yet."""
        return bool(self._pending) or self._passage_timer.isActive()

    def hold_commits(self, held: bool) -> None:
        """While a colleague's change asks (changed_notice), a pause in typing does not save."""
        self._commits_held = held
        if held or not self._pending:
            self._timer.stop()
        else:
            self._timer.start()

    def discard_pending(self) -> None:  # Reload took a colleague's version instead
        self._timer.stop()
        self._pending.clear()

    def commit_pending(self) -> None:
        """Send typed edits now (before switching claims, saving or closing)."""
        if self._loading:  # a field losing the focus while the editor refills: the edit stays pending
            return
        if self._passage_timer.isActive():  # a passage being typed belongs to this claim's source
            self._passage_timer.stop()
            self._evidence_edited()
        self._timer.stop()
        if not self._pending or self.claim is None:
            self._pending.clear()
            return
        pending, self._pending = sorted(self._pending), set()
        for name in pending:
            self._request({name: self._typed(name)})

    def _typed(self, name: str) -> Any:
        """The value a text field holds, as it is stored."""
        if name in ("wording", "rationale"):
            return self.wording.toPlainText() if name == "wording" else self.rationale.toPlainText()
        if name == "value":
            from workbench.gui.editor_fields import parse_value  # with the forms, not at start

            return parse_value(self.value.text())
        if name == "tags":  # as the database keeps them: each once, in order
            return sorted({t.strip() for t in self.tags.text().split(",") if t.strip()})
        field = self.unit if name == "unit" else self.speaker
        return field.text().strip() or None

    def _request(self, changes: dict[str, Any]) -> None:
        if self._loading or self.claim is None:
            return
        self.unsaved.retrying(self.claim.id, changes)
        current = {k: getattr(self.claim, k) for k in changes}
        if "verdict" in changes and self.scale is not None:
            current["verdict"] = self.scale.level(self.claim.verdict).key
        if current != changes:
            self.change_requested.emit(self.claim.id, changes)

    def _attach_link(self) -> None:
        url = self.link.text().strip()
        if self.claim is not None and url:
            self.attach_requested.emit(self.claim.id, url, "", "")
            self.link.clear()

    def _reuse(self) -> None:
        source_id = self.reuse.currentData()
        if self.claim is not None and source_id is not None:
            self.reuse_requested.emit(self.claim.id, source_id)

    def _find_evidence(self) -> None:
        if self.claim is not None:
            self.find_evidence_requested.emit(self.claim.id)

    def _open_current(self) -> None:
        link = self.current_evidence()
        if link is not None:
            self.open_url_requested.emit(link.source.url)

    def _remove_current(self) -> None:
        link = self.current_evidence()
        if link is not None:
            self.detach_requested.emit(link)

    def _passage_typed(self) -> None:
        if not self._loading:
            self._passage_timer.start()

    def _evidence_edited(self) -> None:
        link = self.current_evidence()
        if self._loading or link is None:
            return
        stance, passage = self.stance.currentData(), self.passage.toPlainText()
        if (stance, passage) != (link.stance, link.passage):
            self.evidence_edit_requested.emit(link, stance, passage)

    def _source_edited(self) -> None:
        link = self.current_evidence()
        if self._loading or link is None:
            return
        title, publisher = self.source_title.text().strip(), self.source_publisher.text().strip()
        if (title, publisher) != (link.source.title, link.source.publisher):
            self.source_edit_requested.emit(link.source.id, title, publisher)


def _stored(claim: ClaimRecord, name: str) -> Any:
    value = getattr(claim, name)
    return list(value) if name == "tags" else value

