"""Two reviewers' windows on one PostgreSQL database: an editor approves, a reviewer sees the lock.

Real roles on the test server, set up as a newsroom would: the owner runs
``team grant`` for both and makes one a member of ``workbench_editor``. The
editor's window offers Reopen; the reviewer's, once the approval reaches it
(live updates), shows the verdict locked, no Reopen, and a clear refusal
when the reviewer tries to move the claim out of approved anyway.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from sqlalchemy.engine import make_url

from tests.factories import make_article
from tests.gui.helpers import claim_with_text, wait_for_details, wait_for_writes
from tests.pg_roles import login_roles
from workbench.domain.review import EDITOR_ROLE
from workbench.services import team
from workbench.services.importing import store_extracted
from workbench.storage import claims as claim_store
from workbench.storage import sessions
from workbench.storage.database import open_database

pytestmark = pytest.mark.postgres

SECONDS = 5000  # the bound for a colleague's change to show


@pytest.fixture
def desk(postgres_url: str) -> Iterator[tuple[str, str, str, str]]:
    """URLs for the editor's and the reviewer's roles on a database with one article, and the roles."""
    owner = open_database(postgres_url)
    suffix = os.getpid()
    editor, reviewer = f"ed_ui_{suffix}", f"rev_ui_{suffix}"
    with login_roles(owner, (editor, reviewer), editors=(editor,)):
        session = sessions.create_session(owner, "Desk", reviewer="owner")
        store_extracted(owner, session.id, make_article(), by="detector")
        team.grant_reviewers(owner, [editor, reviewer])
        url = make_url(postgres_url)
        as_role = {role: url.set(username=role).render_as_string(hide_password=False) for role in (editor, reviewer)}
        yield as_role[editor], as_role[reviewer], editor, reviewer
    owner.close()


def test_the_editor_approves_and_the_reviewer_sees_the_lock_and_a_clear_refusal(qtbot, open_window, desk):
    editor_url, reviewer_url, editor_role, reviewer_role = desk
    ed, rev = open_window(editor_url), open_window(reviewer_url)
    try:
        assert ed.review.identity_label.text() == f"Signed in as {editor_role} · database role {editor_role}"
        assert f"database role {reviewer_role}" in rev.review.identity_label.text()
        ed.review.set_display_name("Eda Editor")  # stored in the background: shown once stored
        qtbot.waitUntil(lambda: ed.review.identity_label.text()
                        == f"Signed in as Eda Editor · database role {editor_role}", timeout=SECONDS)
        claim = claim_with_text(ed, "About 32,000 troops", "figure")
        for window in (ed, rev):
            window.select_claim(claim.id)
            wait_for_details(qtbot, window)
        qtbot.waitUntil(lambda: ed.review.may_reopen, timeout=SECONDS)
        assert not rev.review.may_reopen
        # The team is offered by role, with the names the roles chose (read in the background).
        rev.review.refresh_team()
        box = rev.editor.review_row.assignee
        qtbot.waitUntil(lambda: box.itemText(box.findData(editor_role)) == f"Eda Editor ({editor_role})",
                        timeout=SECONDS)
        assert box.itemText(box.findData(reviewer_role)) == reviewer_role

        ed.set_verdict_digit(5)
        ed.review.approve()
        wait_for_writes(qtbot, ed)
        assert ed.editor.review_row.reopen_button.isVisible()

        row = rev.editor.review_row
        qtbot.waitUntil(lambda: row.lock.isVisible(), timeout=SECONDS)  # the approval reached the other window
        assert "Approved by Eda Editor" in row.lock_text.text()
        assert "Only an editor can reopen it" in row.lock_text.text()
        assert not rev.editor.verdict.isEnabled() and rev.editor.rationale.isReadOnly()
        assert not row.reopen_button.isVisible() and not rev.actions_by_name["reopen_claim"].isEnabled()

        # Trying anyway (Mark In Progress): refused by the server's rule, named clearly, nothing changed.
        rev.claims_panel.table.setFocus()
        qtbot.keyClick(rev.claims_panel.table, Qt.Key.Key_I,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        wait_for_writes(qtbot, rev)
        message = rev.message_bar.text()
        assert f"{reviewer_role} may not reopen the approved claim {claim.id}" in message
        assert f"GRANT {EDITOR_ROLE} TO {reviewer_role}" in message
        assert claim_store.get_claim(rev.db, claim.id).review_state == "approved"

        # The editor may: Reopen unlocks it in both windows.
        qtbot.mouseClick(ed.editor.review_row.reopen_button, Qt.MouseButton.LeftButton)
        wait_for_writes(qtbot, ed)
        assert claim_store.get_claim(ed.db, claim.id).review_state == "in_progress"
        qtbot.waitUntil(lambda: rev.editor.verdict.isEnabled() and not row.lock.isVisible(), timeout=SECONDS)
    finally:
        for window in (ed, rev):
            window.close()
            window.jobs.wait()
