"""The claim editor's forms, laid out: the Claim tab's fields and the Sources tab.

Built on the editor's first use, not at the window's start (``ClaimEditor.build_forms``),
which also connects them: this module only makes and places the widgets, each kept
on the editor under the name the editor and the window use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.kinds import Stance
from workbench.gui.editor_fields import NoteEdit, ReanchorBanner
from workbench.gui.kind_boxes import fill_kinds

if TYPE_CHECKING:
    from workbench.gui.claim_editor import ClaimEditor


def details_page(editor: ClaimEditor) -> QWidget:
    """The Claim tab's form: what a reviewer reads and writes for every claim, then the rest."""
    # What a reviewer reads and writes for every claim comes first (the quoted
    # words, the verdict, the rationale), so they fit without scrolling in a
    # 1280x720 window; the fields used now and then follow in a compact grid.
    page = QWidget()
    form = QFormLayout(page)
    form.setContentsMargins(12, 10, 12, 10)
    form.setHorizontalSpacing(12)
    form.setVerticalSpacing(8)
    editor.quoted = QLabel(wordWrap=True)
    editor.quoted.setObjectName("muted")
    editor.verdict = QComboBox()
    editor.status = QLabel()
    editor.accept_button = QPushButton("Accept")
    editor.dismiss_button = QPushButton("Dismiss")
    verdict_row = QHBoxLayout()
    verdict_row.addWidget(editor.verdict, 2)
    verdict_row.addSpacing(8)
    verdict_row.addWidget(editor.status, 1)
    verdict_row.addWidget(editor.accept_button)
    verdict_row.addWidget(editor.dismiss_button)
    editor.rationale = NoteEdit(4, "Why this verdict: what the sources show")
    editor.wording = NoteEdit(2, "The claim in your words (optional)")
    editor.wording.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    editor.kind = QComboBox()
    fill_kinds(editor.kind)
    editor.value = QLineEdit(placeholderText="e.g. 28000 or 20000-30000")
    editor.unit = QLineEdit(placeholderText="unit, e.g. troops")
    kind_row = _row((editor.kind, 1), (QLabel("Value"), 0), (editor.value, 2), (editor.unit, 1))
    editor.speaker = QLineEdit(placeholderText="who said it")
    editor.tags = QLineEdit(placeholderText="comma-separated tags")
    speaker_row = _row((editor.speaker, 1), (QLabel("Tags"), 0), (editor.tags, 1))
    form.addRow(_reanchor_banner(editor))
    form.addRow(editor.changed_notice)
    editor.unsaved_note = QLabel(wordWrap=True)
    editor.unsaved_note.setObjectName("unsavedNote")
    editor.unsaved_note.hide()
    form.addRow(editor.unsaved_note)
    form.addRow("Quoted", editor.quoted)
    form.addRow("Verdict", verdict_row)
    form.addRow(editor.ledger.standing)
    form.addRow("Review", editor.review_row)
    form.addRow("Rationale", editor.rationale)
    form.addRow("Wording", editor.wording)
    form.addRow("Kind", kind_row)
    form.addRow("Speaker", speaker_row)
    return page

def _row(*widgets: tuple[QWidget, int]) -> QHBoxLayout:
    """The widgets side by side, each with its stretch."""
    row = QHBoxLayout()
    for widget, stretch in widgets:
        row.addWidget(widget, stretch)
    return row


def _reanchor_banner(editor: ClaimEditor) -> QWidget:
    editor.reanchor_banner = ReanchorBanner()
    editor.reanchor_text = editor.reanchor_banner.text
    editor.reanchor_accept = editor.reanchor_banner.accept_button
    editor.reanchor_keep = editor.reanchor_banner.keep_button
    return editor.reanchor_banner


def sources_page(editor: ClaimEditor) -> QWidget:
    """The Sources tab: attach or reuse a source, the links, and the selected link's details."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(12, 12, 12, 12)
    add_row = QHBoxLayout()
    editor.link = QLineEdit(placeholderText="Paste a link to a source and press Enter")
    editor.link.setObjectName("sourceLink")
    editor.attach_button = QPushButton("Add link")
    editor.find_evidence_button = QPushButton("Find evidence…")
    editor.find_evidence_button.setObjectName("findEvidence")
    editor.find_evidence_button.setToolTip("Search a source for the passage that supports or refutes this claim")
    add_row.addWidget(editor.link, 1)
    add_row.addWidget(editor.attach_button)
    add_row.addWidget(editor.find_evidence_button)
    layout.addLayout(add_row)
    reuse_row = QHBoxLayout()
    editor.reuse = QComboBox()
    editor.reuse.setObjectName("reuseSource")
    editor.reuse_button = QPushButton("Attach")
    reuse_row.addWidget(editor.reuse, 1)
    reuse_row.addWidget(editor.reuse_button)
    layout.addLayout(reuse_row)
    editor.sources = QListWidget()
    editor.sources.setObjectName("sourcesList")
    editor.sources.setWordWrap(True)
    editor.sources.setMinimumHeight(120)
    layout.addWidget(editor.sources, 1)
    layout.addWidget(editor.ledger.link_row())

    details = QFormLayout()
    editor.source_title = QLineEdit(placeholderText="title (fetched from the page)")
    editor.source_publisher = QLineEdit(placeholderText="publisher")
    editor.stance = QComboBox()
    for stance in Stance:
        editor.stance.addItem(stance.value.capitalize(), stance.value)
    editor.passage = NoteEdit(3, "The passage that bears on the claim")
    editor.passage.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    buttons = QHBoxLayout()
    editor.open_button = QPushButton("Open in browser")
    editor.remove_button = QPushButton("Remove")
    buttons.addWidget(editor.open_button)
    buttons.addStretch(1)
    buttons.addWidget(editor.remove_button)
    details.addRow("Title", editor.source_title)
    details.addRow("Publisher", editor.source_publisher)
    details.addRow("Stance", editor.stance)
    details.addRow("Passage", editor.passage)
    details.addRow(buttons)
    layout.addLayout(details)
    return page
