"""The main window's widgets and how they are laid out and wired to it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QLineEdit,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from workbench.gui import source_details, undo
from workbench.gui.archived_copy import ArchivedCopyView, reader_stack
from workbench.gui.claim_editor import ClaimEditor
from workbench.gui.claims_panel import ClaimsPanel
from workbench.gui.find_bar import FindBar
from workbench.gui.ledger_control import LedgerControl
from workbench.gui.message_bar import MessageBar
from workbench.gui.progress_row import ProgressRow
from workbench.gui.reader import ArticleReader

if TYPE_CHECKING:
    from workbench.gui.main_window import MainWindow


def build(w: MainWindow) -> None:
    """The toolbar, the message bar and progress row, the reader beside the claims list and editor."""
    toolbar = QToolBar("Main", w)
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    w.address_bar = QLineEdit(placeholderText="Paste the address of an article and press Enter  (Ctrl+L)")
    w.address_bar.setObjectName("addressBar")
    w.address_bar.setClearButtonEnabled(True)
    w.address_bar.returnPressed.connect(w.imports.address_entered)
    toolbar.addWidget(w.address_bar)
    toolbar.addAction("Open File…", w.imports.open_file)
    toolbar.addAction("Paste Text…", w.imports.paste_text)
    toolbar.addSeparator()
    w.article_switcher = QComboBox()
    w.article_switcher.setObjectName("articleSwitcher")
    w.article_switcher.setMinimumWidth(260)
    w.article_switcher.setMaximumWidth(460)  # a long title must not squeeze the address bar
    w.article_switcher.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    w.article_switcher.setToolTip("Articles in this session")
    w.article_switcher.activated.connect(w.article_chosen)
    toolbar.addWidget(w.article_switcher)
    w.addToolBar(toolbar)

    central = QWidget()
    layout = QVBoxLayout(central)
    layout.setContentsMargins(10, 8, 10, 6)
    layout.setSpacing(6)
    w.message_bar = MessageBar(w)
    layout.addWidget(w.message_bar)
    w.progress_row = ProgressRow(w.jobs)
    w.cancel_button = w.progress_row.cancel_button
    w.jobs.cancelled.connect(w.message_bar.show_info)
    layout.addWidget(w.progress_row)

    w.reader = ArticleReader()
    w.reader.setAcceptDrops(False)  # drops go to the window, which imports them
    w.reader.claim_clicked.connect(w.select_claim)
    w.find_bar = FindBar(w.reader)
    reader_frame = QFrame()
    reader_frame.setObjectName("readerFrame")
    reader_layout = QVBoxLayout(reader_frame)
    reader_layout.setContentsMargins(0, 0, 0, 0)
    reader_layout.setSpacing(0)
    w.archived_view = ArchivedCopyView()  # a source's archived copy, read in the reader's place
    w.reader_stack = reader_stack(w.reader, w.archived_view)
    reader_layout.addWidget(w.reader_stack, 1)
    reader_layout.addWidget(w.find_bar)

    w.claims_panel = ClaimsPanel(w.scale)
    w.claims_panel.claim_selected.connect(w.claim_chosen)
    w.claims_panel.filters_changed.connect(w.sessions.schedule_state_save)
    w.editor = ClaimEditor()
    _connect_editor(w)
    w.ledger = LedgerControl(w)  # archives, flags and archived copies of sources
    side = QSplitter(Qt.Orientation.Vertical)
    side.setObjectName("sideSplitter")
    side.setChildrenCollapsible(False)
    side.addWidget(padded(w.claims_panel))
    side.addWidget(padded(w.editor))
    # Half each: at 1280x720 the list still shows some seven claims, and the editor
    # the claim's words, its verdict and its rationale without scrolling.
    side.setStretchFactor(0, 1)
    side.setStretchFactor(1, 1)
    side.setSizes([440, 440])
    w.side_splitter = side
    w.splitter = QSplitter(Qt.Orientation.Horizontal)
    w.splitter.setObjectName("mainSplitter")
    w.splitter.setChildrenCollapsible(False)
    w.splitter.addWidget(reader_frame)
    w.splitter.addWidget(side)
    w.splitter.setStretchFactor(0, 3)
    w.splitter.setStretchFactor(1, 2)
    w.splitter.setSizes([540, 860])
    layout.addWidget(w.splitter, 1)
    w.setCentralWidget(central)
    w.reader.verticalScrollBar().valueChanged.connect(lambda _v: w.sessions.schedule_state_save())


def _connect_editor(w: MainWindow) -> None:
    e = w.editor
    e.change_requested.connect(w.change_claim)
    e.attach_requested.connect(w.attach_link)
    e.reuse_requested.connect(lambda claim_id, source_id: source_details.reuse(w, claim_id, source_id))
    e.detach_requested.connect(lambda link: w.push(undo.DetachSource(w, link)))
    e.evidence_edit_requested.connect(
        lambda link, stance, passage: w.push(undo.UpdateEvidence(w, link, stance=stance, passage=passage))
    )
    e.source_edit_requested.connect(lambda source_id, title, publisher:
                                    source_details.edit(w, source_id, title, publisher))
    e.open_url_requested.connect(lambda url: source_details.open_source(w, url))
    e.reanchor_accept_requested.connect(lambda claim_id: w.recheck.accept(claim_id))
    e.reanchor_keep_requested.connect(lambda claim_id: w.recheck.keep(claim_id))
    e.find_evidence_requested.connect(lambda claim_id: w.memory.find_evidence(claim_id))


def padded(widget: QWidget) -> QWidget:
    frame = QFrame()
    frame.setObjectName("sidePanel")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(10, 8, 4, 6)
    layout.addWidget(widget)
    return frame
