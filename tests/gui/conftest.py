"""Fixtures for driving the real window offscreen, each test with its own database and settings."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import QSettings

from tests.factories import make_article
from workbench.domain.snapshots import ArchivedCopy
from workbench.gui.main_window import MainWindow
from workbench.services.importing import store_extracted
from workbench.storage import sessions
from workbench.storage.database import open_database


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Qt warnings fail GUI tests, except the offscreen platform's note that
    # it cannot pass size hints to (or raise windows for) a window manager it does not have.
    for item in items:
        if "tests/gui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore("propagateSizeHints", "QFont::setPointSize", "does not support raise"))


@pytest.fixture(autouse=True)
def user_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The window's own files (edits kept through an outage) go to the test's folder, not the home."""
    folder = tmp_path / "user-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "review.sqlite"


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture(autouse=True)
def sources_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """The window archives each source it attaches: in the tests only loopback pages and files are
    fetched; any other address is archived as a failed fetch, without the network."""
    from workbench.ingest import archive as archiver

    real = archiver.archive

    def loopback_only(location: str, **options: object) -> ArchivedCopy:
        host = urlsplit(location).hostname or ""
        if location.lower().startswith("file:") or host in ("127.0.0.1", "localhost", "::1"):
            return real(location, **options)
        return ArchivedCopy(location, datetime.now(UTC), error="No network in the tests.")

    monkeypatch.setattr(archiver, "archive", loopback_only)


def seed(location: Path | str) -> None:
    """One session holding the small test article and its detected claims."""
    db = open_database(location)
    try:
        session = sessions.create_session(db, "Border review", reviewer="tester")
        store_extracted(db, session.id, make_article(), by="detector")
    finally:
        db.close()


@pytest.fixture
def seeded_db(db_path: Path) -> Path:
    """A SQLite database, seeded (``seed``)."""
    seed(db_path)
    return db_path


@pytest.fixture
def seeded_postgres(postgres_url: str) -> str:
    """A database on the test PostgreSQL server, seeded (``seed``)."""
    seed(postgres_url)
    return postgres_url


@pytest.fixture
def open_window(qtbot, settings: QSettings) -> Iterator[Callable[..., MainWindow]]:  # noqa: ANN001
    windows: list[MainWindow] = []

    def factory(location: Path, **options: object) -> MainWindow:
        window = MainWindow(str(location), settings=settings, **{"reviewer": "tester", **options})
        qtbot.addWidget(window)
        # Window shortcuts (J, K, digits) need the window to be the active one.
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        qtbot.waitUntil(lambda: window.claims_settled)  # the claims are read in the background
        windows.append(window)
        return window

    yield factory
    for window in windows:
        if window.isVisible():
            window.close()
        window.jobs.wait()
