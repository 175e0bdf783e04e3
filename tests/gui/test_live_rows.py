"""A colleague's claims come and go as rows; the claim being typed in is never replaced under the reviewer.

Two reviewers' windows on one SQLite file, in this process: "tester" (mine)
and "bob" (theirs). Nothing is done in my window but typing and answering.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPushButton
from sqlalchemy import text
from sqlalchemy.engine import make_url

from tests.factories import make_article
from tests.gui.helpers import Watch, claim_with_text, wait_for_details, wait_for_writes
from workbench.domain.records import ClaimDraft
from workbench.gui import undo
from workbench.gui.conflict_view import ConflictView
from workbench.services import claim_edits, team
from workbench.services.importing import store_extracted
from workbench.storage import claims as claim_store
from workbench.storage import sessions
from workbench.storage.database import open_database

SECONDS = 5_000  # the promise: a colleague's change shows within 5 s


def _on_claim(qtbot, window, text: str, kind: str | None = None):  # noqa: ANN001, ANN202
    claim = claim_with_text(window, text, kind)
    window.select_claim(claim.id)
    wait_for_details(qtbot, window)
    return claim


def _selected_rows(window) -> list[int]:  # noqa: ANN001
    panel = window.claims_panel
    return sorted({panel.proxy.mapToSource(i).row() for i in panel.table.selectionModel().selectedRows()})


def _button(parent, text: str) -> QPushButton:  # noqa: ANN001
    return next(b for b in parent.findChildren(QPushButton) if b.text() == text and b.isVisible())


def _type_until_asked(qtbot, window, words: str) -> None:  # noqa: ANN001
    """Type in the rationale, and keep typing (each key holds the save back) until the notice asks."""
    window.editor.setCurrentIndex(0)
    window.editor.rationale.setFocus()
    qtbot.keyClicks(window.editor.rationale, words)
    deadline = time.monotonic() + SECONDS / 1000
    while not window.editor.changed_notice.isVisible() and time.monotonic() < deadline:
        qtbot.keyClicks(window.editor.rationale, ".")
        qtbot.wait(150)
    assert window.editor.changed_notice.isVisible()


def test_a_colleagues_new_claim_is_inserted_and_a_deleted_one_removed_as_rows(qtbot, open_window, seeded_db,
                                                                               monkeypatch):
    mine, theirs = open_window(seeded_db), open_window(seeded_db, reviewer="bob")
    claim = _on_claim(qtbot, mine, "About 32,000 troops", "figure")
    row = mine.claims_panel.model.row_of(claim.id)
    qtbot.waitUntil(lambda: mine.live.watching, timeout=SECONDS)
    watch = Watch(monkeypatch, mine)
    count = mine.claims_panel.model.rowCount()

    start = theirs.article.text.index("officials said")
    theirs.push(undo.AddClaim(theirs, theirs.article.id, ClaimDraft(kind="quote", start=start, end=start + 14)))
    wait_for_writes(qtbot, theirs)  # their edit is stored in the background

    qtbot.waitUntil(lambda: mine.claims_panel.model.rowCount() == count + 1, timeout=SECONDS)
    added = claim_with_text(mine, "officials said")
    assert watch.rows_only(inserted=1)  # one row inserted: no list read, no reset
    assert added.id in {c.id for c in mine.reader.painter.shown()}  # highlighted in the article too
    assert mine.claims_panel.current_id() == claim.id
    assert _selected_rows(mine) == [mine.claims_panel.model.row_of(claim.id)]

    gone = claim_with_text(theirs, "Tuesday", "date")
    theirs.select_claim(gone.id)
    theirs.delete_claim()

    qtbot.waitUntil(lambda: mine.claims_panel.model.row_of(gone.id) is None, timeout=SECONDS)
    assert watch.rows_only(inserted=1, removed=1)
    assert gone.id not in {c.id for c in mine.reader.painter.shown()}
    assert mine.claims_panel.current_id() == claim.id
    assert mine.claims_panel.model.row_of(claim.id) in (row, row + 1)  # it kept its place (one row may come before)

    theirs.undo_stack.undo()  # their delete undone: the claim comes back as a row
    qtbot.waitUntil(lambda: mine.claims_panel.model.row_of(gone.id) is not None, timeout=SECONDS)
    assert watch.rows_only(inserted=2, removed=1)
    assert mine.claims_panel.current_id() == claim.id


def test_a_colleagues_edit_of_the_claim_i_type_in_asks_first_and_reload_takes_theirs(qtbot, open_window, seeded_db):
    mine, theirs = open_window(seeded_db), open_window(seeded_db, reviewer="bob")
    claim = _on_claim(qtbot, mine, "About 32,000 troops", "figure")
    _on_claim(qtbot, theirs, "About 32,000 troops", "figure")
    qtbot.waitUntil(lambda: mine.live.watching, timeout=SECONDS)

    mine.editor.setCurrentIndex(0)
    mine.editor.rationale.setFocus()
    qtbot.keyClicks(mine.editor.rationale, "My reading")
    theirs.push(undo.UpdateClaim(theirs, claim, {"rationale": "Bob's reading", "verdict": "false"}, "Edit"))
    wait_for_writes(qtbot, theirs)  # their edit is stored in the background
    _type_until_asked(qtbot, mine, "")

    notice = mine.editor.changed_notice
    assert "Changed by bob just now" in notice.text.text()
    assert mine.editor.rationale.toPlainText().startswith("My reading")
    shown = mine.claims_panel.model.claim_by_id(claim.id)
    assert (shown.rationale, shown.verdict) == ("", None)  # the row is not replaced under me either
    qtbot.wait(1500)  # well past the pause that saves typing: while the notice asks, nothing is saved
    stored = claim_store.get_claim(theirs.db, claim.id)
    assert (stored.rationale, stored.verdict) == ("Bob's reading", "false")
    assert mine.editor.rationale.toPlainText().startswith("My reading")

    qtbot.mouseClick(notice.reload_button, Qt.MouseButton.LeftButton)

    assert not notice.isVisible()
    assert mine.editor.rationale.toPlainText() == "Bob's reading"
    assert mine.editor.verdict.currentData() == "false"
    assert mine.claims_panel.model.claim_by_id(claim.id).rationale == "Bob's reading"
    assert mine.focusWidget() is mine.editor.rationale  # back where I was typing
    mine.editor.rationale.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(mine.editor.rationale, ", confirmed")  # typing on their version is saved, no conflict
    mine.editor.commit_pending()
    wait_for_writes(qtbot, mine)
    assert claim_store.get_claim(theirs.db, claim.id).rationale == "Bob's reading, confirmed"
    assert not mine.message_bar.isVisible()


def test_keep_editing_keeps_my_text_and_saving_it_shows_the_conflict(qtbot, open_window, seeded_db):
    mine, theirs = open_window(seeded_db), open_window(seeded_db, reviewer="bob")
    claim = _on_claim(qtbot, mine, "About 32,000 troops", "figure")
    _on_claim(qtbot, theirs, "About 32,000 troops", "figure")
    qtbot.waitUntil(lambda: mine.live.watching, timeout=SECONDS)

    mine.editor.setCurrentIndex(0)
    mine.editor.rationale.setFocus()
    qtbot.keyClicks(mine.editor.rationale, "My reading")
    theirs.push(undo.UpdateClaim(theirs, claim, {"rationale": "Bob's reading", "verdict": "false"}, "Edit"))
    wait_for_writes(qtbot, theirs)  # their edit is stored in the background
    _type_until_asked(qtbot, mine, "")
    typed = mine.editor.rationale.toPlainText()

    qtbot.mouseClick(mine.editor.changed_notice.keep_button, Qt.MouseButton.LeftButton)

    assert not mine.editor.changed_notice.isVisible()
    assert mine.focusWidget() is mine.editor.rationale
    qtbot.keyClicks(mine.editor.rationale, " on")
    # The pause saves it, on the version I started from: a conflict, with every field that differs.
    qtbot.waitUntil(lambda: isinstance(mine.message_bar.view, ConflictView), timeout=SECONDS)
    view = mine.message_bar.view
    assert {f.field for f in view.conflict.fields} == {"rationale", "verdict"}
    assert view.conflict.by == "bob"
    stored = claim_store.get_claim(theirs.db, claim.id)
    assert (stored.rationale, stored.verdict) == ("Bob's reading", "false")  # nothing written over theirs
    assert mine.editor.rationale.toPlainText() == typed + " on"  # and my text is still there

    view.choose("rationale", "mine")  # my rationale, their verdict
    qtbot.mouseClick(_button(mine.message_bar, "Save choices"), Qt.MouseButton.LeftButton)
    wait_for_writes(qtbot, mine)
    stored = claim_store.get_claim(theirs.db, claim.id)
    assert (stored.rationale, stored.verdict) == (typed + " on", "false")


def test_a_claim_deleted_while_i_type_in_it_stays_until_i_answer(qtbot, open_window, seeded_db):
    mine, theirs = open_window(seeded_db), open_window(seeded_db, reviewer="bob")
    claim = _on_claim(qtbot, mine, "About 32,000 troops", "figure")
    _on_claim(qtbot, theirs, "About 32,000 troops", "figure")
    qtbot.waitUntil(lambda: mine.live.watching, timeout=SECONDS)

    mine.editor.setCurrentIndex(0)
    mine.editor.rationale.setFocus()
    qtbot.keyClicks(mine.editor.rationale, "My reading")
    theirs.delete_claim()
    _type_until_asked(qtbot, mine, "")

    assert "Deleted by bob just now" in mine.editor.changed_notice.text.text()
    assert mine.claims_panel.current_id() == claim.id  # the row and my text stay, to copy from
    assert mine.editor.rationale.toPlainText().startswith("My reading")

    qtbot.mouseClick(mine.editor.changed_notice.reload_button, Qt.MouseButton.LeftButton)

    assert mine.claims_panel.model.row_of(claim.id) is None
    assert mine.claims_panel.current_id() is None
    assert not mine.message_bar.isVisible()  # nothing tried to save on the deleted claim


def test_a_list_read_while_i_type_does_not_take_the_colleagues_version_silently(qtbot, open_window, seeded_db):
    mine = open_window(seeded_db)
    mine.live.close()  # no watch: only the list read brings the change
    claim = _on_claim(qtbot, mine, "About 32,000 troops", "figure")
    colleague = open_database(seeded_db)
    try:
        claim_edits.update_claim(colleague, claim.id, {"rationale": "Bob's reading"}, by="bob",
                                 expected_version=claim.version)
    finally:
        colleague.close()

    mine.editor.setCurrentIndex(0)
    mine.editor.rationale.setFocus()
    qtbot.keyClicks(mine.editor.rationale, "My reading")
    mine.reload_claims()  # the list read again (as after a colleague's many changes)
    _type_until_asked(qtbot, mine, "")

    assert "Changed by bob" in mine.editor.changed_notice.text.text()
    assert mine.claims_panel.model.claim_by_id(claim.id).rationale == ""
    mine.editor.commit_pending()  # saved on the version I started from: the conflict, not an overwrite
    wait_for_writes(qtbot, mine)
    assert isinstance(mine.message_bar.view, ConflictView)
    assert claim_store.get_claim(mine.db, claim.id).rationale == "Bob's reading"


def test_a_colleagues_display_name_and_assignee_reach_the_assignee_box(qtbot, open_window, seeded_db):
    mine, theirs = open_window(seeded_db), open_window(seeded_db, reviewer="bob")
    claim = _on_claim(qtbot, theirs, "About 32,000 troops", "figure")
    qtbot.waitUntil(lambda: mine.live.watching, timeout=SECONDS)

    theirs.review.assign("carol")
    qtbot.waitUntil(lambda: "carol" in {m.assignee for m in mine.review.members}, timeout=SECONDS)
    assert mine.claims_panel.model.claim_by_id(claim.id).assignee == "carol"

    theirs.review.set_display_name("Robert Roe")
    qtbot.waitUntil(lambda: "Robert Roe" in {m.display_name for m in mine.review.members}, timeout=SECONDS)


@pytest.fixture
def two_roles(postgres_url: str) -> Iterator[tuple[str, str]]:
    """URLs for two reviewers' roles on a database with one article; the second is shown as "Bob Roe"."""
    owner = open_database(postgres_url)
    roles = [f"ann_rows_{os.getpid()}", f"bob_rows_{os.getpid()}"]
    with owner.engine.begin() as connection:
        for role in roles:
            connection.execute(text(f"CREATE ROLE {role} LOGIN"))
    session = sessions.create_session(owner, "Desk", reviewer="owner")
    store_extracted(owner, session.id, make_article(), by="detector")
    team.grant_reviewers(owner, roles)
    url = make_url(postgres_url)
    ann, bob = (url.set(username=role).render_as_string(hide_password=False) for role in roles)
    named = open_database(bob)
    try:
        team.set_display_name(named, "Bob Roe")
    finally:
        named.close()
    try:
        yield ann, bob
    finally:
        with owner.engine.begin() as connection:
            for role in roles:
                connection.execute(text(f"DROP OWNED BY {role}"))
                connection.execute(text(f"DROP ROLE {role}"))
        owner.close()


@pytest.mark.postgres
def test_on_postgresql_a_colleagues_edit_of_the_claim_i_type_in_asks_first(qtbot, open_window, two_roles):
    ann, bob = two_roles
    mine, theirs = open_window(ann), open_window(bob)
    claim = _on_claim(qtbot, mine, "About 32,000 troops", "figure")
    qtbot.waitUntil(lambda: mine.live.watching, timeout=SECONDS)

    mine.editor.setCurrentIndex(0)
    mine.editor.rationale.setFocus()
    qtbot.keyClicks(mine.editor.rationale, "My reading")
    theirs.push(undo.UpdateClaim(theirs, claim, {"rationale": "Bob's reading"}, "Edit"))
    wait_for_writes(qtbot, theirs)  # their edit is stored in the background
    _type_until_asked(qtbot, mine, "")

    assert "Changed by Bob Roe just now" in mine.editor.changed_notice.text.text()
    assert mine.claims_panel.model.claim_by_id(claim.id).rationale == ""
    qtbot.mouseClick(mine.editor.changed_notice.keep_button, Qt.MouseButton.LeftButton)
    mine.editor.commit_pending()
    wait_for_writes(qtbot, mine)
    assert isinstance(mine.message_bar.view, ConflictView)
    assert claim_store.get_claim(theirs.db, claim.id).rationale == "Bob's reading"
    assert mine.editor.rationale.toPlainText().startswith("My reading")
