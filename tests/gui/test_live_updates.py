"""Two reviewers' windows on one database: each sees the other's changes within seconds, untouched.

Both windows run in this process, each with its own database handle, as two
reviewers' programs would; nothing is done in window B but waiting.
"""

from __future__ import annotations

import time

import pytest

from tests.factories import DEMO_TEXT, make_article
from tests.gui.helpers import claim_with_text, wait_for_details, wait_for_writes
from workbench.recheck import carry_over
from workbench.services.claim_edits import set_verdict
from workbench.services.edits import apply
from workbench.services.importing import store_extracted
from workbench.storage import claims as claim_store
from workbench.storage.database import open_database

SECONDS = 5_000  # the promise: a colleague's change shows within 5 s


def test_a_verdict_set_in_one_window_shows_in_the_other_without_any_action(qtbot, open_window, seeded_db):
    a, b = open_window(seeded_db), open_window(seeded_db)
    claim = claim_with_text(a, "About 32,000 troops", "figure")
    b.select_claim(claim.id)
    wait_for_details(qtbot, b)
    level = a.scale.by_digit(2)
    assert level is not None

    started = time.monotonic()
    a.select_claim(claim.id)
    a.set_verdict_digit(2)

    qtbot.waitUntil(lambda: b.claims_panel.model.claim_by_id(claim.id).verdict == level.key, timeout=SECONDS)
    assert time.monotonic() - started < 5
    qtbot.waitUntil(lambda: b.editor.verdict.currentData() == level.key, timeout=1000)  # the verdict box too
    b.set_verdict_digit(3)  # B's next edit is made on the version it now shows: no conflict
    wait_for_writes(qtbot, b)
    assert claim_store.get_claim(b.db, claim.id).verdict == b.scale.by_digit(3).key
    assert "changed" not in b.message_bar.text().lower()


def test_a_claim_being_typed_in_shows_a_notice_and_keeps_the_text(qtbot, open_window, seeded_db):
    a, b = open_window(seeded_db), open_window(seeded_db)
    claim = claim_with_text(a, "About 32,000 troops", "figure")
    b.select_claim(claim.id)
    wait_for_details(qtbot, b)
    b.editor.setCurrentIndex(0)
    b.editor.rationale.setFocus()
    qtbot.keyClicks(b.editor.rationale, "The ministry")

    a.select_claim(claim.id)
    a.set_verdict_digit(2)
    wait_for_writes(qtbot, a)  # A's verdict is stored in the background

    # B keeps typing (each key holds the save back) until the notice comes.
    notice = b.editor.changed_notice
    deadline = time.monotonic() + 5
    while not notice.isVisible() and time.monotonic() < deadline:
        qtbot.keyClicks(b.editor.rationale, " x")
        qtbot.wait(150)
    assert "Changed by tester just now" in notice.text.text()
    assert b.editor.rationale.toPlainText().startswith("The ministry x")
    assert b.claims_panel.model.claim_by_id(claim.id).verdict is None  # not replaced under the reviewer
    b.editor.commit_pending()
    wait_for_writes(qtbot, b)
    # Saved on the version B had: met as a conflict, never written over A's verdict.
    assert claim_store.get_claim(a.db, claim.id).verdict == a.scale.by_digit(2).key
    assert "rationale" in b.message_bar.text()


def test_a_colleagues_new_article_and_recheck_reach_the_window(qtbot, open_window, seeded_db):
    b = open_window(seeded_db)
    claim = claim_with_text(b, "About 32,000 troops", "figure")
    b.select_claim(claim.id)
    wait_for_details(qtbot, b)
    colleague = open_database(seeded_db)
    try:
        store_extracted(colleague, b.session_id, make_article(title="Second report"), by="bob")
        qtbot.waitUntil(lambda: b.article_switcher.count() == 2, timeout=SECONDS)

        carry_over.store_version(colleague, b.article.id, make_article("Breaking. " + DEMO_TEXT), by="bob")
        moved = claim.start + len("Breaking. ")
        qtbot.waitUntil(lambda: b.article.version_number == 2 and b.claims_settled
                        and b.claims_panel.model.claim_by_id(claim.id).start == moved, timeout=SECONDS)
        assert b.reader.toPlainText().count("Breaking.") == 1
        assert b.claims_panel.current_id() == claim.id  # still on the claim the reviewer was on
    finally:
        colleague.close()


def test_reload_reads_the_session_again(qtbot, open_window, seeded_db):
    b = open_window(seeded_db)
    b.live.close()  # no watch: only the command brings the change
    claim = claim_with_text(b, "About 32,000 troops", "figure")
    b.select_claim(claim.id)
    wait_for_details(qtbot, b)
    colleague = open_database(seeded_db)
    try:
        apply(colleague, set_verdict(claim.id, "false"), by="bob")
    finally:
        colleague.close()
    qtbot.wait(1500)
    assert b.claims_panel.model.claim_by_id(claim.id).verdict is None

    b.actions_by_name["reload"].trigger()  # F5

    qtbot.waitUntil(lambda: b.claims_panel.model.claim_by_id(claim.id).verdict == "false", timeout=SECONDS)
    assert b.claims_panel.current_id() == claim.id


def test_reselecting_a_claim_shows_a_colleagues_verdict_in_the_box_and_the_list(qtbot, open_window, seeded_db):
    b = open_window(seeded_db)
    b.live.close()  # no watch: what re-selecting shows on its own
    claim = claim_with_text(b, "About 32,000 troops", "figure")
    other = claim_with_text(b, "Tuesday", "date")
    colleague = open_database(seeded_db)
    try:
        apply(colleague, set_verdict(claim.id, "false"), by="bob")
    finally:
        colleague.close()

    b.select_claim(other.id)
    wait_for_details(qtbot, b)
    b.select_claim(claim.id)

    qtbot.waitUntil(lambda: b.editor.verdict.currentData() == "false", timeout=SECONDS)
    assert b.claims_panel.model.claim_by_id(claim.id).verdict == "false"


@pytest.mark.postgres
def test_on_postgresql_a_verdict_reaches_the_other_window_by_notify(qtbot, open_window, seeded_postgres):
    a, b = open_window(seeded_postgres), open_window(seeded_postgres)
    claim = claim_with_text(a, "About 32,000 troops", "figure")
    qtbot.waitUntil(lambda: b.live.watching, timeout=SECONDS)  # listening on its own connection

    started = time.monotonic()
    a.select_claim(claim.id)
    a.set_verdict_digit(2)

    key = a.scale.by_digit(2).key
    qtbot.waitUntil(lambda: b.claims_panel.model.claim_by_id(claim.id).verdict == key, timeout=SECONDS)
    assert time.monotonic() - started < 3  # woken by the NOTIFY (a poll would wait longer)


@pytest.mark.postgres
def test_changes_keep_showing_when_a_watch_job_is_slow_to_leave_its_thread(qtbot, open_window, seeded_postgres,
                                                                        monkeypatch):
    """The watch job's answer can reach the window before its thread says it has finished
    (two signals, and the thread may be put aside between them). On PostgreSQL the next watch
    is asked for at once, while the last still counts as running: the watch goes on all the same."""
    from workbench.gui import workers

    emit = workers.Worker._emit

    def slow_finish(self, name, *args):  # noqa: ANN001, ANN202
        if name == "finished" and self.handle.name == "watching for colleagues' changes":
            time.sleep(0.05)  # the answer is handled while this thread waits here
        emit(self, name, *args)

    monkeypatch.setattr(workers.Worker, "_emit", slow_finish)
    a, b = open_window(seeded_postgres), open_window(seeded_postgres)
    claim = claim_with_text(a, "About 32,000 troops", "figure")
    qtbot.waitUntil(lambda: b.live.watching, timeout=SECONDS)
    qtbot.wait(1500)  # several watch jobs have come and gone

    a.select_claim(claim.id)
    a.set_verdict_digit(2)
    key = a.scale.by_digit(2).key
    qtbot.waitUntil(lambda: b.claims_panel.model.claim_by_id(claim.id).verdict == key, timeout=SECONDS)
