"""The window's view and session chores: appearance kept between runs, scroll position,
drag and drop, Switch database, Open Recent, find in article, zoom, undoable source edits."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from tests.factories import make_article
from tests.gui.helpers import claim_with_text, wait_for_details, wait_for_writes
from tests.gui.test_import import PAGE
from workbench.gui.app import DARK, LIGHT, apply_appearance
from workbench.gui.session_dialogs import SwitchDatabaseDialog
from workbench.services.importing import store_extracted
from workbench.storage import sessions
from workbench.storage import sources as source_store
from workbench.storage.database import open_database

LONG_TEXT = "A long read\n\n" + "\n\n".join(
    f"Paragraph {n}: about {n * 1000:,} troops were counted near the border by observers on the ground."
    for n in range(1, 80)
)


def _window_colour() -> str:
    return QGuiApplication.palette().window().color().name()


def test_the_dark_appearance_chosen_last_time_is_applied_at_start(qtbot, open_window, seeded_db, settings):
    settings.setValue("appearance", "dark")
    try:
        window = open_window(seeded_db)
        assert _window_colour() == DARK["window"]
        checked = [a.data() for a in window.appearance_menu.actions() if a.isChecked()]
        assert checked == ["dark"]
        window.sessions.set_appearance("light")
        window.close()
        assert settings.value("appearance") == "light"
        open_window(seeded_db)
        assert _window_colour() == LIGHT["window"]
    finally:
        apply_appearance(QApplication.instance(), "system")


def test_reopening_restores_the_scroll_position(qtbot, open_window, db_path):
    db = open_database(db_path)
    session = sessions.create_session(db, "Long read", reviewer="tester")
    store_extracted(db, session.id, make_article(LONG_TEXT, title="A long read"), by="detector")
    db.close()
    window = open_window(db_path)
    bar = window.reader.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 500)
    window.select_claim(None)
    bar.setValue(bar.maximum() // 2)
    position = bar.value()
    window.close()

    again = open_window(db_path)
    again_bar = again.reader.verticalScrollBar()
    qtbot.waitUntil(lambda: again_bar.value() == position)
    assert "Paragraph 40" in again.reader.toPlainText()


def _drop(window, mime: QMimeData) -> bool:  # noqa: ANN001
    point = QPointF(window.width() / 2, window.height() / 2)
    enter = QDragEnterEvent(point.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    return True


def test_dropping_a_file_imports_it(qtbot, open_window, db_path, tmp_path: Path):
    page = tmp_path / "drills.html"
    page.write_text(PAGE, encoding="utf-8")
    window = open_window(db_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(page))])
    assert _drop(window, mime)
    qtbot.waitUntil(lambda: window.claims_panel.model.rowCount() > 0, timeout=20_000)
    assert "340 armoured vehicles" in window.reader.toPlainText()
    assert window.article is not None and window.article.source == str(page)


def test_dropping_a_link_imports_the_page(qtbot, open_window, db_path, httpserver):
    httpserver.expect_request("/world/drills").respond_with_data(PAGE, content_type="text/html; charset=utf-8")
    window = open_window(db_path)
    mime = QMimeData()
    mime.setText(httpserver.url_for("/world/drills"))  # a link dragged from a browser's address bar
    assert _drop(window, mime)
    qtbot.waitUntil(lambda: window.claims_panel.model.rowCount() > 0, timeout=20_000)
    assert "Drills begin near the border" in window.reader.toPlainText()
    assert window.article.source == httpserver.url_for("/world/drills")


def _answer_dialog(kind: type, answer) -> None:  # noqa: ANN001
    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            answer(dialog)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def test_switch_database_opens_the_other_file_and_open_recent_comes_back(qtbot, open_window, seeded_db, tmp_path):
    window = open_window(seeded_db)
    first_session = window.session_id
    other = tmp_path / "other.sqlite"
    db = open_database(other)
    elsewhere = sessions.create_session(db, "Elsewhere", reviewer="tester")
    db.close()

    def choose(dialog: QDialog) -> None:
        dialog.location_edit.setText(str(other))
        dialog.accept()

    _answer_dialog(SwitchDatabaseDialog, choose)
    window.actions_by_name["switch_database"].trigger()
    # The other database is opened off the GUI thread; the window shows it when it is ready.
    qtbot.waitUntil(lambda: window.db.location == str(other) and window.session_id == elsewhere.id)
    assert window.session_id == elsewhere.id and "Elsewhere" in window.windowTitle()
    assert window.settings.value("database") == str(other)

    window.recent_menu.aboutToShow.emit()
    entries = {a.text(): a for a in window.recent_menu.actions()}
    back = next(action for text, action in entries.items() if text.startswith("Border review"))
    assert str(seeded_db) in back.text()  # another database: the menu says which
    back.trigger()
    qtbot.waitUntil(lambda: window.db.location == str(seeded_db) and window.session_id == first_session)
    wait_for_details(qtbot, window)
    assert window.db.location == str(seeded_db) and window.session_id == first_session
    assert "Border review" in window.windowTitle()
    assert window.claims_panel.model.rowCount() > 0


def test_find_in_article_highlights_matches_and_escape_closes(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    qtbot.keyClicks(bar.field, "s-400")
    assert window.reader.textCursor().selectedText() == "S-400"
    assert bar.status.text() == ""
    bar.field.setText("no such words")
    assert bar.status.text() == "Not found"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible() and window.claims_panel.table.hasFocus()  # back where J, K and the digits work


def test_zoom_keys_change_the_text_size_and_it_is_kept(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    height = window.reader.document().size().height()
    before = window.reader.zoom
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.zoom == before + 1
    assert window.reader.document().size().height() > height  # larger text, a taller page
    window.close()
    again = open_window(seeded_db)
    assert again.reader.zoom == before + 1


def test_editing_a_source_title_can_be_undone(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    claim = claim_with_text(window, "About 32,000 troops", "figure")
    window.select_claim(claim.id)
    window.attach_link(claim.id, "https://ministry.example/briefing", "Briefing", "Ministry")
    wait_for_details(qtbot, window)
    editor = window.editor
    editor.setCurrentIndex(1)
    editor.source_title.setFocus()
    editor.source_title.selectAll()
    qtbot.keyClicks(editor.source_title, "Defence ministry briefing, 20 February")
    qtbot.keyClick(editor.source_title, Qt.Key.Key_Return)
    wait_for_writes(qtbot, window)
    [link] = source_store.list_evidence(window.db, claim.id)
    assert link.source.title == "Defence ministry briefing, 20 February"

    window.claims_panel.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_for_writes(qtbot, window)
    [link] = source_store.list_evidence(window.db, claim.id)
    assert (link.source.title, link.source.publisher) == ("Briefing", "Ministry")
    wait_for_details(qtbot, window)
    assert editor.source_title.text() == "Briefing"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    wait_for_writes(qtbot, window)
    assert source_store.list_evidence(window.db, claim.id)[0].source.title == "Defence ministry briefing, 20 February"


def test_help_about_opens_over_the_window_with_the_versions(qtbot, open_window, seeded_db, monkeypatch):
    window = open_window(seeded_db)
    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append((parent, title, text)))
    window.actions_by_name["about"].trigger()
    assert [(parent, title) for parent, title, _text in shown] == [(window, "About Fact-Check Workbench")]
    assert "SQLAlchemy" in shown[0][2] and "PySide6" in shown[0][2]
