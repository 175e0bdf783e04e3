"""The evidence ledger in the window: a source the window attaches is archived in the background;
its archived copy is read (offline, in the background) into the reader pane; the claims whose
cited sources a re-check flagged are marked in the list; and a flagged link is confirmed as an
undoable edit. The GUI thread never waits on the database or the network here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from workbench.domain.errors import WorkbenchError
from workbench.gui.deferred import deferred
from workbench.gui.edit_commands import ConfirmSource
from workbench.gui.workers import JobRunner

if TYPE_CHECKING:
    from workbench.domain.records import EvidenceRecord
    from workbench.domain.snapshots import ArchivedCopy, SnapshotRecord
    from workbench.gui.main_window import MainWindow
    from workbench.services.claim_ledger import ClaimLedger
    from workbench.services.snapshots import SnapshotText

claim_ledger = deferred("workbench.services.claim_ledger")
snapshots = deferred("workbench.services.snapshots")
source_watch = deferred("workbench.services.source_watch")

log = logging.getLogger(__name__)


class LedgerControl(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.reads = JobRunner(self)  # quiet: reading a stored copy or the flags is quick
        # Quiet too: the Sources tab says "Archiving the page…" and then what came of it.
        self.archives = JobRunner(self)
        editor = window.editor.ledger
        editor.read_requested.connect(self.read_archived)
        editor.confirm_requested.connect(self.confirm)
        window.claims_panel.claim_selected.connect(self._claim_selected)
        self._flags_wanted = 0
        self._copy_of: int | None = None  # the claim whose source's copy is in the reader's place

    # --- archiving a source the window attached --------------------------------
    def archive(self, link: EvidenceRecord, copy: ArchivedCopy | None = None) -> None:
        """Archive the source of a link just stored, unless the session holds a copy of its page.

        ``copy``: the page as the window fetched it already (the evidence finder's
        search): kept as it is, so the archive holds what the reviewer quoted from.
        """
        w = self.window
        db, source_id = w.db, link.source.id
        if db is None or w.closed:
            return
        shown = w.editor.ledger
        shown.archiving.add(source_id)
        shown.show_link(shown.link)

        def done(_snapshot: SnapshotRecord) -> None:
            shown.archiving.discard(source_id)
            w.details.request(w.claims_panel.current_id())  # its archive state, and a title the page gave

        def failed(error: WorkbenchError) -> None:
            shown.archiving.discard(source_id)
            shown.show_link(shown.link)
            # Removed meanwhile (the attach undone): nothing to archive, nothing to say.
            log.info("archiving source %s: %s", source_id, error.message)

        reviewer = w.reviewer
        self.archives.start(
            lambda cancel, _progress: claim_ledger.archive_if_missing(db, source_id, by=reviewer, cancel=cancel,
                                                                      fetcher=_handing_over(copy, link.source.url)),
            "archiving the source", on_success=done, on_error=failed,
        )

    # --- reading an archived copy -----------------------------------------------
    def read_archived(self, link: EvidenceRecord) -> None:
        w = self.window
        db = w.db
        if db is None:
            return
        self.reads.start(
            lambda _cancel, _progress: snapshots.read_snapshot(db, link.source.id),
            "reading the archived copy", on_success=lambda copy: self._show_copy(link, copy),
            on_error=w.report,
        )

    def _show_copy(self, link: EvidenceRecord, copy: SnapshotText | None) -> None:
        w = self.window
        if copy is None:
            w.message_bar.show_info(f"There is no archived copy of {link.source.url} yet.",
                                    "It is archived when it is attached; re-check the sources to try again.")
            return
        if copy.snapshot.failed:
            w.message_bar.show_info(f"{link.source.url} could not be archived: {copy.snapshot.error}",
                                    "Re-check the sources to try again once the page is back.")
            return
        w.archived_view.show_copy(copy, link.source.url, link.claim_id)
        w.reader_stack.setCurrentWidget(w.archived_view)
        self._copy_of = link.claim_id

    def _claim_selected(self, claim_id: int | None) -> None:
        """Another claim chosen: the article comes back, with that claim in it."""
        w = self.window
        if claim_id != self._copy_of and w.reader_stack.currentWidget() is w.archived_view:
            w.reader_stack.setCurrentWidget(w.reader)

    # --- flags and confirming ---------------------------------------------------
    def claims_loaded(self) -> None:
        """Mark the listed claims whose cited sources a re-check flagged."""
        w = self.window
        db, session_id = w.db, w.session_id
        if db is None or session_id is None or w.closed:
            return
        self._flags_wanted += 1
        wanted = self._flags_wanted
        self.reads.start(
            lambda _cancel, _progress: frozenset(source_watch.flagged_citations(db, session_id)),
            "reading the flagged sources", on_success=lambda flagged: self._flags_read(wanted, flagged),
            on_error=lambda error: log.info("no source flags: %s", error.message),
        )

    def _flags_read(self, wanted: int, flagged: frozenset[int]) -> None:
        if wanted == self._flags_wanted:
            self.window.claims_panel.model.set_source_flags(flagged)

    def ledger_read(self, claim_id: int, ledger: ClaimLedger) -> None:
        """A claim's ledger was read with its details: show it, and keep its mark in the list current."""
        w = self.window
        w.editor.ledger.set_ledger(ledger)
        model = w.claims_panel.model
        flagged = bool(ledger.flagged)
        if flagged != (claim_id in model.source_flags):
            model.set_source_flags(model.source_flags | {claim_id} if flagged else model.source_flags - {claim_id})

    def confirm(self, link: EvidenceRecord) -> None:
        if self.window.db is not None:
            self.window.push(ConfirmSource(self.window, link))

    def close(self) -> None:
        self.reads.abandon()
        self.archives.abandon()  # a fetch ends at once; a source not archived is archived by a re-check


def _handing_over(copy: ArchivedCopy | None, url: str) -> Callable[..., ArchivedCopy] | None:
    """A fetcher that gives the copy already fetched of ``url``; None (fetch it) for another address."""
    if copy is None or copy.location != url:
        return None
    return lambda _url, cancel=None: copy
