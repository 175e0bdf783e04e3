"""The team's review in the window: review states, assignments, reopening, and who you are.

The window's side of ``services.review_edits`` and ``services.team``:

- the editor's review row (``review_row``) and the Claim > Review menu set a
  claim's review state or assignee, each as an undoable edit
  (``review_commands``);
- Reopen is offered only when the service says this reviewer may reopen;
  whatever the service refuses (a reopen, an edit of an approved verdict)
  is shown in the message bar by the window's one error path (``report``);
- the status bar says who you are: the database role on PostgreSQL and the
  display name your changes are shown under; "Set Display Name…" sets it
  through the same service as ``workbench team name`` (once per role), in
  the background: the status bar shows the new name once it is stored.

Whether this reviewer may reopen and whom claims can be assigned to are
read in the background when a database is opened, so start-up waits for
neither.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from workbench.domain.kinds import ReviewState
from workbench.gui import review_commands
from workbench.gui.deferred import deferred
from workbench.gui.workers import JobRunner, while_open

if TYPE_CHECKING:
    from workbench.domain.records import ClaimRecord
    from workbench.gui.main_window import MainWindow
    from workbench.services.team import Identity, Member

review_edits = deferred("workbench.services.review_edits")
team = deferred("workbench.services.team")


class ReviewControl(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.identity: Identity | None = None
        self.may_reopen = False
        self.members: list[Member] = []
        self.jobs = JobRunner(self)  # quiet: the team is read once per database, in the background
        self.naming = JobRunner(self, serial=True)  # quiet: a new display name, stored in the order given
        self._wanted = 0
        self.identity_label = QLabel()
        self.identity_label.setObjectName("identityLabel")
        window.statusBar().addPermanentWidget(self.identity_label)
        row = window.editor.review_row
        row.state_chosen.connect(self.set_state)
        row.assignee_chosen.connect(self.assign)
        row.reopen_clicked.connect(self.reopen)

    # --- who you are ------------------------------------------------------------
    def identity_known(self, identity: Identity) -> None:
        """A database was opened as ``identity``: show it, then read the team in the background."""
        self.identity = identity
        self._show_identity()
        self.may_reopen, self.members = False, []
        self._team_read(False, [])
        self.refresh_team()

    def refresh_team(self) -> None:
        w, identity = self.window, self.identity
        db = w.db
        if db is None or identity is None:
            return
        self._wanted += 1
        wanted, by = self._wanted, w.reviewer
        self.jobs.start(
            lambda _cancel, _progress: (review_edits.may_reopen(db, by), team.team_members(db, identity)),
            "reading the team",
            on_success=lambda found: self._team_read(*found) if wanted == self._wanted else None,
            on_error=w.report,
        )

    def _team_read(self, may_reopen: bool, members: list[Member]) -> None:
        self.may_reopen, self.members = may_reopen, members
        self.window.editor.review_row.set_team(members, may_reopen)
        self.update_actions()

    def _show_identity(self) -> None:
        identity = self.identity
        if identity is None:
            self.identity_label.setText("")
            return
        if identity.role is not None:
            self.identity_label.setText(f"Signed in as {identity.display_name} · database role {identity.role}")
        else:
            self.identity_label.setText(f"Reviewing as {identity.display_name}")
        self.identity_label.setToolTip("The name your changes are shown under in every claim's history "
                                       "(Set Display Name… in the File menu changes it)")

    def set_display_name(self, name: str | None = None) -> None:
        """The name one's changes are shown under, for every machine on this database (asked for when not given)."""
        w = self.window
        if w.db is None:
            return
        if name is None:
            current = self.identity.display_name if self.identity else w.reviewer
            # Where it is shown, not at the window's start (session_control.new_session).
            from PySide6.QtWidgets import QInputDialog

            name, ok = QInputDialog.getText(
                w, "Set Display Name", "The name your changes are shown under:", QLineEdit.EchoMode.Normal, current
            )
            if not ok:
                return
        db, wanted = w.db, name
        self.naming.call(lambda: team.set_display_name(db, wanted), "setting your display name",
                         then=self._named, on_error=w.report, still=while_open(w))

    def _named(self, identity: Identity) -> None:
        w = self.window
        if identity.role is None and w.chosen_reviewer:
            # On a SQLite file a name chosen on this machine wins (team.who_am_i): this is the new choice.
            w.chosen_reviewer = identity.display_name
            if w.settings.value("reviewer"):
                w.settings.setValue("reviewer", identity.display_name)
        w.reviewer = identity.display_name
        self.identity = identity
        self._show_identity()
        w.message_bar.show_info(f"Your changes are now shown as {identity.display_name}.",
                                "Colleagues see this name in each claim's history." if identity.role else "")
        self.refresh_team()

    # --- review edits (undoable) ---------------------------------------------------
    def set_state(self, state: str) -> None:
        claim = self._claim()
        if claim is not None and claim.review_state != state:
            self.window.push(review_commands.SetReviewState(self.window, claim, state))

    def approve(self) -> None:
        self.set_state(ReviewState.APPROVED.value)

    def assign(self, assignee: str) -> None:
        claim = self._claim()
        if claim is not None and claim.assignee != assignee.strip():
            self.window.push(review_commands.AssignClaim(self.window, claim, assignee))

    def reopen(self) -> None:
        """Reopen the approved claim; the service decides (its refusal goes to the message bar)."""
        claim = self._claim()
        if claim is not None:
            self.window.push(review_commands.Reopen(self.window, claim))

    def focus_assignee(self) -> None:
        """Assign To…: the cursor in the editor's assignee box, its name selected to type over."""
        w = self.window
        if w.editor.claim is None:
            return
        w.editor.setCurrentIndex(0)
        box = w.editor.review_row.assignee
        box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        box.lineEdit().selectAll()

    def update_actions(self) -> None:
        """Reopen is offered for an approved claim, and only to a reviewer who may reopen."""
        actions = getattr(self.window, "actions_by_name", None)
        if actions and "reopen_claim" in actions:
            actions["reopen_claim"].setEnabled(self.may_reopen)

    def _claim(self) -> ClaimRecord | None:
        self.window.editor.commit_pending()  # typed text first: it belongs to the state it was typed in
        return self.window.current_claim()

    def close(self) -> None:
        self.jobs.abandon()  # reads only: nothing is lost by not waiting
        self.naming.abandon()  # a name on its way is stored all the same; the window is not told
