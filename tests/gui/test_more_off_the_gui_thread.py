"""The reviewer's actions that read or write once never wait on the database on the window's thread.

Keep mine after a conflict, the conflict's own read, copying a prior verdict,
quoting a found passage, reusing and retitling a source, setting one's
display name, What Changed, the PDF export and a first import (which makes
its session with its article) each send their statements from background
jobs; the window shows the result once it is back. Every statement is
recorded with the thread that sent it (``Sent``).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton
from sqlalchemy.engine import Engine
from werkzeug import Request, Response

from tests.gui.helpers import (
    Sent,
    claim_with_text,
    link_a_colleague_changed,
    search_for_evidence,
    table_text,
    wait_for_details,
)
from tests.gui.test_import import PAGE
from tests.gui.test_memory_and_evidence import SOURCE_PAGE, two_sessions  # noqa: F401 (a fixture)
from tests.gui.test_memory_and_evidence import _today as today_with_prior
from tests.gui.test_recheck_window import _imported
from tests.gui.test_session_articles import PASTED
from tests.integration import recheck_pages as pages
from workbench.domain.errors import ConflictError
from workbench.gui.claims_model import SOURCES
from workbench.gui.export_dialog import ExportDialog
from workbench.services import claim_edits
from workbench.storage import articles as article_store
from workbench.storage import claims as claim_store
from workbench.storage import sessions as session_store
from workbench.storage import sources as source_store
from workbench.storage.database import open_database

THEIR_RATIONALE = "The ministry confirmed 32,000 troops."


@pytest.fixture
def sent() -> Iterator[Sent]:
    watching = Sent(Engine)
    yield watching
    watching.stop()


def _button(window, text: str) -> QPushButton:  # noqa: ANN001
    bar = window.message_bar
    return next(b for b in bar.findChildren(QPushButton) if b.text() == text and b.isVisible())


def _on_claim(qtbot, window, text: str = "About 32,000 troops", kind: str = "figure"):  # noqa: ANN001, ANN202
    claim = claim_with_text(window, text, kind)
    window.select_claim(claim.id)
    wait_for_details(qtbot, window)
    return claim


def test_a_conflict_on_a_link_is_shown_and_keep_mine_stored_off_the_gui_thread(qtbot, open_window, seeded_db, sent):
    window = open_window(seeded_db)
    claim = _on_claim(qtbot, window)
    link_a_colleague_changed(qtbot, window, seeded_db, claim.id)
    sent.statements.clear()

    window.editor.stance.setCurrentIndex(window.editor.stance.findData("refutes"))
    window.editor.stance.activated.emit(window.editor.stance.currentIndex())
    qtbot.waitUntil(lambda: window.message_bar.isVisible() and "supports" in window.message_bar.text())
    qtbot.mouseClick(_button(window, "Keep mine"), Qt.MouseButton.LeftButton)
    # Shown once stored: the editor's link has my stance again.
    qtbot.waitUntil(lambda: [e.stance for e in window.editor.evidence] == ["refutes"]
                    and window.details.settled and not window.writes.busy)

    assert sent.statements and sent.from_gui() == []
    assert [e.stance for e in source_store.list_evidence(window.db, claim.id)] == ["refutes"]


def test_a_conflict_on_a_claim_is_read_off_the_gui_thread_and_the_focus_goes_back(
    qtbot, open_window, seeded_db, sent  # noqa: ANN001
):
    window = open_window(seeded_db)
    claim = _on_claim(qtbot, window)
    colleague = open_database(seeded_db)
    try:
        claim_edits.update_claim(colleague, claim.id, {"verdict": "true", "rationale": THEIR_RATIONALE},
                                 by="colleague", expected_version=claim.version)
    finally:
        colleague.close()
    rationale = window.editor.rationale
    rationale.setFocus()
    qtbot.waitUntil(rationale.hasFocus)
    sent.statements.clear()

    qtbot.keyClicks(rationale, "Satellite images show far fewer.")
    window.editor.commit_pending()
    qtbot.waitUntil(lambda: window.message_bar.isVisible()
                    and f"rationale: now {THEIR_RATIONALE}, yours Satellite images" in window.message_bar.text())
    assert "verdict: now True, yours Unreviewed" in window.message_bar.text()  # read as stored now
    qtbot.mouseClick(_button(window, "Keep mine"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.message_bar.isVisible() and window.editor.claim.version > claim.version + 1
                    and not window.writes.busy)  # mine stored on their version, and shown
    qtbot.waitUntil(lambda: QApplication.focusWidget() is rationale)  # back where it was

    assert sent.from_gui() == []
    stored = claim_store.get_claim(window.db, claim.id)
    assert (stored.verdict, stored.rationale) == (None, "Satellite images show far fewer.")  # all mine
    assert window.editor.rationale.toPlainText() == stored.rationale


def test_a_conflict_on_a_claim_deleted_meanwhile_still_shows_both_values(qtbot, open_window, seeded_db, sent):
    window = open_window(seeded_db)
    claim = _on_claim(qtbot, window)
    colleague = open_database(seeded_db)
    try:
        claim_edits.delete_claim(colleague, claim.id, by="colleague", expected_version=claim.version)
    finally:
        colleague.close()
    sent.statements.clear()

    window.report(ConflictError(claim.id, {"rationale": ("theirs", "mine")}, claim.version + 1, by="colleague"))
    qtbot.waitUntil(lambda: window.message_bar.isVisible() and "colleague" in window.message_bar.text())

    assert _button(window, "Keep mine").isVisible()
    assert sent.statements and sent.from_gui() == []


def test_copying_a_prior_verdict_and_its_sources_titles_off_the_gui_thread(qtbot, open_window, two_sessions,  # noqa: F811
                                                                           sent):
    window, claim = today_with_prior(qtbot, open_window, two_sessions)
    window.select_claim(claim.id)
    wait_for_details(qtbot, window)
    sent.statements.clear()

    window.claims_panel.table.setFocus()
    qtbot.keyClick(window.claims_panel.table, Qt.Key.Key_C)
    qtbot.waitUntil(lambda: table_text(window, claim.id, SOURCES) == "1"
                    and window.editor.verdict.currentData() == "mostly-true")
    wait_for_details(qtbot, window)

    assert [e.source.title for e in window.editor.evidence] == ["Briefing"]
    assert sent.statements and sent.from_gui() == []


def test_quoting_a_found_passage_reads_and_stores_off_the_gui_thread(qtbot, open_window, two_sessions,  # noqa: F811
                                                                    httpserver, sent):
    httpserver.expect_request("/briefing").respond_with_data(SOURCE_PAGE, content_type="text/html; charset=utf-8")
    window, claim = today_with_prior(qtbot, open_window, two_sessions)
    window.select_claim(claim.id)
    wait_for_details(qtbot, window)
    window.editor.setCurrentIndex(1)
    url = httpserver.url_for("/briefing")
    dialog = search_for_evidence(qtbot, window, url)
    sent.statements.clear()

    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: [(e.source.url, e.stance) for e in window.editor.evidence] == [(url, "supports")]
                    and window.editor.source_title.text() == "Ministry briefing", timeout=10_000)
    # The same source quoted again: its link is updated, not doubled.
    window.memory.quote(claim.id, url, "about 32,000 troops were deployed", "refutes")
    qtbot.waitUntil(lambda: [(e.source.url, e.stance) for e in window.editor.evidence] == [(url, "refutes")]
                    and window.details.settled and not window.writes.busy, timeout=10_000)

    assert sent.statements and sent.from_gui() == []
    [link] = source_store.list_evidence(window.db, claim.id)
    assert (link.stance, link.passage) == ("refutes", "about 32,000 troops were deployed")


def test_reusing_and_retitling_a_source_off_the_gui_thread(qtbot, open_window, seeded_db, sent):
    window = open_window(seeded_db)
    first = claim_with_text(window, "About 32,000 troops", "figure")
    second = claim_with_text(window, "S-400", "equipment")
    source = source_store.add_source(window.db, window.session_id, "https://example.org/report", title="Report")
    source_store.attach_source(window.db, first.id, source.id, by="tester")
    editor = window.editor
    _on_claim(qtbot, window, "S-400", "equipment")
    sent.statements.clear()

    editor.setCurrentIndex(1)
    editor.reuse.setCurrentIndex(editor.reuse.findData(source.id))
    qtbot.mouseClick(editor.reuse_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: [e.source.id for e in editor.evidence] == [source.id] and window.details.settled)
    editor.source_title.setFocus()
    editor.source_title.selectAll()
    qtbot.keyClicks(editor.source_title, "Border report, 20 February")
    qtbot.keyClick(editor.source_title, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: [e.source.title for e in editor.evidence] == ["Border report, 20 February"]
                    and not window.writes.busy)

    assert sent.statements and sent.from_gui() == []
    assert [link.source.title for link in source_store.list_evidence(window.db, second.id)] == [
        "Border report, 20 February"]


def test_setting_the_display_name_stores_it_off_the_gui_thread(qtbot, open_window, seeded_db, sent):
    window = open_window(seeded_db)
    label = window.review.identity_label
    sent.statements.clear()

    window.review.set_display_name("Ana Lima")
    qtbot.waitUntil(lambda: label.text() == "Reviewing as Ana Lima")
    assert window.reviewer == "Ana Lima"
    window.review.set_display_name("   ")  # refused, in the background too
    qtbot.waitUntil(lambda: "cannot be empty" in window.message_bar.text())
    assert label.text() == "Reviewing as Ana Lima"

    assert sent.statements and sent.from_gui() == []


def test_what_changed_is_read_off_the_gui_thread(qtbot, open_window, db_path, httpserver, sent):
    site, window = _imported(qtbot, open_window, db_path, httpserver)
    site.body = pages.VERSION_B
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.recheck.compare_view is not None and window.recheck.compare_view.isVisible(),
                    timeout=20_000)
    window.recheck.compare_view.close()
    sent.statements.clear()

    window.actions_by_name["show_changes"].trigger()
    compare = window.recheck.compare_view
    qtbot.waitUntil(compare.isVisible)

    assert "95,000 troops" in compare.new_view.toPlainText() and "90,000" in compare.old_view.toPlainText()
    assert sent.statements and sent.from_gui() == []


def test_a_pdf_export_reads_and_prints_off_the_gui_thread(qtbot, open_window, seeded_db, tmp_path: Path, sent):
    window = open_window(seeded_db)
    target = tmp_path / "report.pdf"
    sent.statements.clear()

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ExportDialog):
            QTimer.singleShot(20, fill)
            return
        dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
        dialog.include_unreviewed.setChecked(True)
        dialog.destination.setText(str(target))
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill)
    window.actions_by_name["export"].trigger()  # the dialog closes once the file is written

    assert target.read_bytes().startswith(b"%PDF-")
    assert "Exported" in window.message_bar.text() and str(target) in window.message_bar.text()
    assert sent.statements and sent.from_gui() == []


class HeldPage:
    """A page served once the test lets it go: a first import is still fetching meanwhile."""

    def __init__(self, httpserver, path: str, body: str, status: int = 200) -> None:  # noqa: ANN001
        self.go, self.asked = threading.Event(), threading.Event()
        self.body, self.status = body, status
        httpserver.expect_request(path).respond_with_handler(self._respond)
        self.url = httpserver.url_for(path)

    def _respond(self, _request: Request) -> Response:
        self.asked.set()
        self.go.wait(10)
        return Response(self.body, status=self.status, content_type="text/html; charset=utf-8")


def test_a_first_import_makes_its_session_with_its_article_and_the_next_one_joins_it(
    qtbot, open_window, db_path, httpserver, sent  # noqa: ANN001
):
    page = HeldPage(httpserver, "/world/drills", PAGE)
    window = open_window(db_path)  # a new database: no session yet
    sent.statements.clear()

    window.imports.import_source(page.url)
    assert page.asked.wait(10)
    window.imports.import_text(PASTED)  # started while the first fetches: it waits to go into the same session
    assert window.session_id is None
    page.go.set()
    qtbot.waitUntil(lambda: len(window.articles) == 2 and not window.jobs.running, timeout=20_000)
    qtbot.waitUntil(lambda: window.claims_settled)

    assert window.session_title == "Drills begin near the border"
    assert window.windowTitle().startswith("Drills begin near the border")
    assert sent.statements and sent.from_gui() == []
    assert session_store.session_ids(window.db) == [window.session_id]
    assert sorted(a.title for a in article_store.list_articles(window.db, window.session_id)) == [
        "Drills begin near the border", "Ministry sends troops north"]


def test_a_failed_first_import_makes_no_session_the_demo_stays_and_the_next_one_makes_it(
    qtbot, open_window, db_path, httpserver, sent  # noqa: ANN001
):
    gone = HeldPage(httpserver, "/gone", "Not here", status=404)
    window = open_window(db_path, first_run_demo=True)
    qtbot.waitUntil(lambda: window.claims_panel.model.rowCount() > 10 and not window.jobs.running, timeout=20_000)
    demo_id = window.session_id
    sent.statements.clear()

    window.address_bar.setText(gone.url)
    qtbot.keyClick(window.address_bar, Qt.Key.Key_Return)
    assert gone.asked.wait(10)
    window.imports.import_text(PASTED)  # waits for the first, which fails: then this one makes the session
    gone.go.set()
    qtbot.waitUntil(lambda: window.session_title == "Ministry sends troops north" and not window.jobs.running,
                    timeout=20_000)
    qtbot.waitUntil(lambda: window.claims_settled)

    assert "404" in window.message_bar.text() or "not found" in window.message_bar.text().lower()
    assert [a.title for a in window.articles] == ["Ministry sends troops north"]
    assert sent.statements and sent.from_gui() == []
    assert sorted(session_store.session_ids(window.db)) == sorted([demo_id, window.session_id])  # no empty one


def test_a_first_import_from_the_demo_leaves_the_demo_shown_until_its_session_is_made(
    qtbot, open_window, db_path, sent  # noqa: ANN001
):
    window = open_window(db_path, first_run_demo=True)
    qtbot.waitUntil(lambda: window.claims_panel.model.rowCount() > 10 and not window.jobs.running, timeout=20_000)
    demo_id = window.session_id
    sent.statements.clear()

    window.imports.import_text(PASTED)
    assert window.session_id == demo_id  # nothing made yet: the demo is what there is to see
    qtbot.waitUntil(lambda: window.article is not None and window.article.title == "Ministry sends troops north",
                    timeout=20_000)
    qtbot.waitUntil(lambda: window.claims_settled)

    assert window.session_id != demo_id and window.session_title == "Ministry sends troops north"
    assert sent.statements and sent.from_gui() == []
