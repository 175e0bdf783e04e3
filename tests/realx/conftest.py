"""Fixtures for the real-X tests: one Xvfb per module, a prepared database per test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.realx import xsession


@pytest.fixture(scope="module")
def display() -> Iterator[xsession.Display]:
    missing = xsession.missing_tools()
    if missing:
        message = f"the real-X tests need {', '.join(missing)} (Debian: xvfb xdotool imagemagick x11-utils)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    started = xsession.start_display()
    yield started
    started.stop()


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """HOME and XDG folders for the app: its settings and recent list live here, not in the user's."""
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


@pytest.fixture
def long_read(tmp_path: Path) -> tuple[Path, int]:
    """A database with a ~10,000-word article and its detected claims, and how many claims."""
    path = tmp_path / "review.sqlite"
    return path, xsession.prepare_database(path)


@pytest.fixture
def running(display: xsession.Display, long_read: tuple[Path, int], home: Path) -> Iterator[xsession.App]:
    app = xsession.launch(display, long_read[0], home)
    yield app
    app.stop()
