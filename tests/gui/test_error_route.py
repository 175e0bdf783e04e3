"""Any error no code caught, in a slot or a thread, is shown in the window's message bar."""

from __future__ import annotations

import logging
import sys
import threading

import pytest
from PySide6.QtWidgets import QInputDialog, QPushButton

from workbench.domain.errors import WorkbenchError
from workbench.storage import sessions
from workbench.storage.database import open_database


class Heard:
    """A stand-in for the hooks that were there before the window (stderr, a test harness)."""

    def __init__(self) -> None:
        self.errors: list[BaseException] = []

    def excepthook(self, _kind: object, error: BaseException, _trace: object) -> None:
        self.errors.append(error)

    def threading_excepthook(self, args: threading.ExceptHookArgs) -> None:
        self.errors.append(args.exc_value)


@pytest.fixture
def heard(monkeypatch: pytest.MonkeyPatch) -> Heard:
    before = Heard()
    monkeypatch.setattr(sys, "excepthook", before.excepthook)
    monkeypatch.setattr(threading, "excepthook", before.threading_excepthook)
    return before


def _slot_raising(window, error: Exception) -> QPushButton:  # noqa: ANN001
    def fail() -> None:
        raise error

    button = QPushButton("Go", window)
    button.clicked.connect(fail)
    return button


@pytest.mark.qt_no_exception_capture
def test_a_workbench_error_in_a_slot_shows_its_message_and_hint(qtbot, open_window, seeded_db, heard):
    window = open_window(seeded_db)
    _slot_raising(window, WorkbenchError("The database is locked.", "Try again in a moment.")).click()
    assert window.message_bar.isVisible()
    assert "The database is locked." in window.message_bar.text()
    assert "Try again in a moment." in window.message_bar.text()
    assert heard.errors == []  # the user's trouble, not a bug: nobody else is told


@pytest.mark.qt_no_exception_capture
def test_a_bug_in_a_slot_says_something_went_wrong_and_logs_the_traceback(
    qtbot, open_window, seeded_db, heard, caplog
):
    window = open_window(seeded_db)
    bug = RuntimeError("list index out of range")
    with caplog.at_level(logging.ERROR, logger="workbench"):
        _slot_raising(window, bug).click()
    text = window.message_bar.text()
    assert "Something went wrong: RuntimeError: list index out of range." in text
    assert "The details are in the log" in text and "your saved work is safe" in text
    assert any(record.exc_info and record.exc_info[1] is bug for record in caplog.records)
    assert heard.errors == [bug]  # the hook found before hears of a bug too


@pytest.mark.qt_no_exception_capture
def test_an_uncaught_error_in_a_thread_reaches_the_message_bar(qtbot, open_window, seeded_db, heard):
    window = open_window(seeded_db)

    def work() -> None:
        raise ValueError("bad sector")

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: "Something went wrong: ValueError: bad sector." in window.message_bar.text())
    assert [type(e) for e in heard.errors] == [ValueError]


@pytest.mark.qt_no_exception_capture
def test_closing_the_window_puts_back_the_hooks_it_found(qtbot, open_window, seeded_db, heard):
    window = open_window(seeded_db)
    assert sys.excepthook != heard.excepthook
    window.close()
    assert sys.excepthook == heard.excepthook
    assert threading.excepthook == heard.threading_excepthook


@pytest.mark.qt_no_exception_capture
def test_renaming_a_session_deleted_elsewhere_says_so_in_the_window(
    qtbot, open_window, seeded_db, heard, monkeypatch
):
    window = open_window(seeded_db)
    other = open_database(seeded_db)  # a colleague, on another connection
    try:
        sessions.delete_session(other, window.session_id)
    finally:
        other.close()
    monkeypatch.setattr(QInputDialog, "getText", lambda *_args, **_kwargs: ("Border review, day 2", True))
    window.actions_by_name["rename_session"].trigger()
    # The rename is stored off the GUI thread: the message follows when it is refused.
    qtbot.waitUntil(lambda: "deleted by another reviewer" in window.message_bar.text())
    assert "Open another session from the list." in window.message_bar.text()
    assert window.windowTitle().startswith("Border review —")  # the old title stays: nothing was renamed
    assert heard.errors == []
