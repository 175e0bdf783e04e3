"""Claim memory and the evidence finder in the window.

- The selected claim's prior matches fill the "Checked before" tab, read
  in the background once the reviewer pauses on a claim (never on the GUI
  thread: J held down selects ~30 claims a second).
- The claims list gets its "checked before" marker from a quiet background
  job that looks up every claim not seen yet; results are kept per claim and
  its words, so edits and reloads do not repeat the work.
- Copying a prior verdict and quoting a found passage are undoable commands;
  a source either one adds without a title gets its page's title and publisher.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

from workbench.domain.errors import WorkbenchError
from workbench.domain.progress import CancelFn, ProgressFn
from workbench.gui import source_details, undo
from workbench.gui.deferred import deferred
from workbench.gui.edit_commands import CopyPrior
from workbench.gui.workers import JobRunner, while_open

if TYPE_CHECKING:
    from workbench.domain.records import ClaimRecord, EvidenceRecord
    from workbench.domain.snapshots import ArchivedCopy
    from workbench.gui.evidence_dialog import EvidenceDialog
    from workbench.gui.main_window import MainWindow
    from workbench.gui.memory_panel import MemoryPanel
    from workbench.services.database import Database
    from workbench.services.evidence import EvidenceResult
    from workbench.services.memory import Match
    from workbench.services.sources import LinkDetails

source_service = deferred("workbench.services.sources")
evidence = deferred("workbench.services.evidence")
memory = deferred("workbench.services.memory")
sources = deferred("workbench.services.sources")

log = logging.getLogger(__name__)
TAB_TITLE = "Checked before"
Key = tuple[Any, ...]


def claim_key(claim: ClaimRecord) -> Key:
    """What a prior lookup depends on: a claim's words and value (not its verdict)."""
    return (claim.id, claim.kind, repr(claim.value), claim.unit, claim.text, claim.wording)


class MemoryControl(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.page = QWidget()
        self.page.setObjectName("checkedBeforeTab")
        QVBoxLayout(self.page).setContentsMargins(12, 12, 12, 12)
        window.editor.addTab(self.page, TAB_TITLE)
        self._panel: MemoryPanel | None = None  # built on first use, not for the first paint (panel)
        self.jobs = JobRunner(self)  # quiet: no progress row for a background lookup
        self.selected_jobs = JobRunner(self)  # the current claim's lookup, apart from the list's
        self._selected: ClaimRecord | None = None
        self._pause = QTimer(self, singleShot=True, interval=80)
        self._pause.timeout.connect(self._look_up_selected)
        self.known: dict[Key, tuple[int, str]] = {}  # claim key -> (matches, best verdict label)
        self._generation = 0
        self.evidence_dialog: EvidenceDialog | None = None

    @property
    def panel(self) -> MemoryPanel:
        """The tab's list of prior matches, built when first needed (behind a tab, it need not be at start)."""
        if self._panel is None:
            from workbench.gui.memory_panel import MemoryPanel

            panel = self._panel = MemoryPanel()
            panel.setObjectName("memoryPanel")
            # The window's "copy prior" action owns the key; two would be ambiguous.
            panel.removeAction(panel.copy_action)
            panel.copy_requested.connect(self.copy)
            layout = self.page.layout()
            assert layout is not None
            layout.addWidget(panel)
        return self._panel

    # --- the selected claim -------------------------------------------------
    def claim_selected(self, claim: ClaimRecord | None) -> None:
        self._selected = claim
        self._show_selected(claim, [])
        if claim is not None and self.window.db is not None:
            self._pause.start()
        else:
            self._pause.stop()

    def _look_up_selected(self) -> None:
        claim, db = self._selected, self.window.db
        if claim is None or db is None:
            return

        def done(matches: list[Match]) -> None:
            if self._selected is not None and self._selected.id == claim.id:
                self._show_selected(claim, matches)
                self._remember(claim_key(claim), matches)

        self.selected_jobs.start(
            lambda _cancel, _progress: memory.find_prior(db, claim.id), "looking up the claim checked before",
            on_success=done, on_error=lambda error: log.info("no prior lookup for claim %s: %s", claim.id, error),
        )

    def _show_selected(self, claim: ClaimRecord | None, matches: list[Match]) -> None:
        w = self.window
        self.panel.show_matches([replace(m, verdict=self._label(m.verdict)) for m in matches])
        count = len(matches) or (self.known.get(claim_key(claim), (0, ""))[0] if claim is not None else 0)
        w.editor.setTabText(w.editor.indexOf(self.page), f"{TAB_TITLE} ({count})" if count else TAB_TITLE)

    def _label(self, verdict: str) -> str:
        """A prior verdict as this session's scale names it (another scale's key as it is)."""
        try:
            return self.window.scale.level(verdict).label
        except WorkbenchError:
            return verdict

    def copy_best(self) -> None:
        """Copy the prior verdict chosen in the panel (the best one unless the reviewer picked another)."""
        prior = self.panel.selected_claim_id()
        if prior is None:
            self.window.message_bar.show_info(
                "This claim was not checked before in another session.",
                "Prior verdicts appear in the Checked before tab when a claim says the same thing.",
            )
            return
        self.copy(prior)

    def copy(self, prior_claim_id: int) -> None:
        w = self.window
        claim = w.current_claim()
        match = next((m for m in self.panel.matches if m.claim_id == prior_claim_id), None)
        if claim is None or match is None:
            return
        command = CopyPrior(w, claim.id, prior_claim_id, f"{match.verdict} from {match.session}")
        w.push(command)
        command.then(lambda: self._titles_copied(claim.id, command.added_evidence))

    def _titles_copied(self, claim_id: int, added_evidence: list[int]) -> None:
        w = self.window
        db = w.db
        if db is None or not added_evidence:
            return

        def copied(links: list[EvidenceRecord]) -> None:
            for link in links:  # sources the prior review stored without a title get one now
                if link.id in added_evidence:
                    source_details.fill_in(w, link.source)

        w.background.call(lambda: source_service.evidence_of_claim(db, claim_id), "reading the copied sources",
                          then=copied, on_error=w.report, still=while_open(w))

    # --- the list's markers ---------------------------------------------------
    def claims_loaded(self, claims: list[ClaimRecord]) -> None:
        """Show what is known now; look up the rest in the background."""
        w = self.window
        self._show_markers(claims)
        missing = [c for c in claims if claim_key(c) not in self.known]
        if not missing or w.db is None:
            return
        self._generation += 1
        generation, db = self._generation, w.db
        self.jobs.cancel_all()  # an older list's lookups are not wanted any more
        wanted = [(claim_key(c), c.id) for c in missing]

        def start() -> None:
            if generation != self._generation:
                return  # another list came meanwhile
            self.jobs.start(
                _lookup_job(db, wanted), "looking up claims checked before",
                on_success=lambda found: self._looked_up(generation, found),
                on_error=lambda error: log.info("claim memory lookup failed: %s", error),
            )

        # Once the window has drawn the list: a lookup thread started now would
        # compete with the first paint for the interpreter.
        QTimer.singleShot(0, start)

    def _looked_up(self, generation: int, found: dict[Key, list[Match]]) -> None:
        for key, matches in found.items():
            self._remember(key, matches)
        if generation == self._generation:
            self._show_markers(self.window.claims_panel.model.claims)

    def _remember(self, key: Key, matches: list[Match]) -> None:
        self.known[key] = (len(matches), matches[0].verdict if matches else "")  # the key, not the label

    def _show_markers(self, claims: list[ClaimRecord]) -> None:
        hints = {c.id: self.known[claim_key(c)] for c in claims if self.known.get(claim_key(c), (0, ""))[0]}
        self.window.claims_panel.model.set_prior(hints)

    def forget(self) -> None:
        """Another database: nothing known carries over."""
        self.jobs.cancel_all()
        self.known.clear()

    def close(self) -> None:
        self._pause.stop()
        for jobs in (self.jobs, self.selected_jobs):
            jobs.abandon()  # lookups only read: nothing is lost by not waiting for them
        if self.evidence_dialog is not None:
            self.evidence_dialog.close()

    # --- evidence finder --------------------------------------------------------
    def find_evidence(self, claim_id: int) -> None:
        w = self.window
        claim = w.current_claim()
        if claim is None or claim.id != claim_id or w.db is None:
            return
        from workbench.gui.evidence_dialog import EvidenceDialog

        dialog = EvidenceDialog(claim.display_text, self._search(claim_id), w)
        dialog.setObjectName("evidenceDialog")
        dialog.resize(760, 620)
        dialog.passage_chosen.connect(
            lambda source, passage, stance: self.quote(claim_id, source, passage, stance, _details(dialog.result),
                                                       _copy(dialog.result, source))
        )
        self.evidence_dialog = dialog
        dialog.open()

    def _search(self, claim_id: int) -> Callable[..., None]:
        w = self.window

        def search(source: str, done: Callable[[EvidenceResult], None],
                   failed: Callable[[WorkbenchError], None]) -> None:
            db = w.db
            assert db is not None
            w.start_progress(f"Reading {source}…")
            w.jobs.start(lambda cancel, _progress: evidence.find_evidence(db, claim_id, source, cancel=cancel),
                         f"finding evidence in {source}", on_success=done, on_error=failed)

        return search

    def quote(self, claim_id: int, source: str, passage: str, stance: str, details: LinkDetails | None = None,
              copy: ArchivedCopy | None = None) -> None:
        """Store the chosen passage as the claim's link to the source (undoable).

        ``details``: the source's title and publisher as the page searched
        states them; a source without a title gets them (without them, its
        page is fetched for them in the background). ``copy``: the page as
        fetched for the search, archived as it is (the reviewer quoted from it).
        """
        w = self.window
        db, session_id = w.db, w.session_id
        if db is None or session_id is None:
            return
        stored_as = source_service.source_location(source)  # a file is stored as its file:// URI: compare like with like

        def store(links: list[EvidenceRecord]) -> None:
            existing = next((e for e in links if e.source.url == stored_as), None)
            if existing is not None:
                w.push(undo.UpdateEvidence(w, existing, stance=stance, passage=passage))
                source_details.fill_in(w, existing.source, details)
                return
            # A file keeps its name as its title (storage's default), which is how the reviewer knows it.
            web = details is not None and not source_service.is_file_uri(stored_as)
            title, publisher = (details.title, details.publisher) if web and details else ("", "")
            command = undo.AttachSource(w, session_id, claim_id, source, stance=stance, passage=passage,
                                        title=title, publisher=publisher, copy=copy)
            w.push(command)
            # the session may have had the source already, without a title
            command.then(lambda: None if command.evidence is None else
                         source_details.fill_in(w, command.evidence.source, details))

        # The claim's links are read off the GUI thread: a link to this source already is updated, not doubled.
        w.background.call(lambda: source_service.evidence_of_claim(db, claim_id), "reading the claim's sources",
                          then=store, on_error=w.report, still=while_open(w, lambda: session_id == w.session_id))


def _details(result: EvidenceResult | None) -> LinkDetails | None:
    """What the page just searched says of itself (None when the passage came from elsewhere)."""
    if result is None or not (result.title or result.publisher):
        return None  # nothing known: the page is fetched for them
    return sources.LinkDetails(result.source, result.title, result.publisher)


def _copy(result: EvidenceResult | None, source: str) -> ArchivedCopy | None:
    """The copy of the page the chosen passage was read from, if the search fetched one."""
    return result.copy if result is not None and result.source == source else None


def _lookup_job(db: Database, claims: list[tuple[Key, int]]) -> Callable[[CancelFn, ProgressFn], dict[Key, list[Match]]]:
    def job(cancel: CancelFn, _progress: ProgressFn) -> dict[Key, list[Match]]:
        # All claims in a few statements: one lookup each cost minutes on a server 20 ms away.
        found = memory.prior_markers(db, [claim_id for _key, claim_id in claims], cancel=cancel)
        return {key: found[claim_id] for key, claim_id in claims if claim_id in found}  # deleted meanwhile: no marker

    return job
