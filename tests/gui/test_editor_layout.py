"""The claim being reviewed, its verdict and its rationale are in view together, without scrolling."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QScrollArea, QWidget

from tests.factories import make_article
from workbench.domain.records import ClaimDraft
from workbench.services import claim_edits
from workbench.services.importing import store_extracted
from workbench.storage import sessions
from workbench.storage.database import open_database

LONG_QUOTE = (
    "\u201cWe must be prepared as much as possible, because the troops massing on the other side of the "
    "border are not there for exercises, whatever the ministry in the neighbouring capital says in its "
    "statements to foreign journalists and to the diplomats it invites to watch the drills,\u201d Alexander "
    "Lukashenko told a meeting of the security council on Tuesday evening."
)
TEXT = f"Belarus prepares for war\n\n{LONG_QUOTE}\n\nTwo new divisions of S-400 systems are in service."


@pytest.fixture
def long_claim_db(db_path: Path) -> tuple[Path, str]:
    db = open_database(db_path)
    try:
        session = sessions.create_session(db, "Border review", reviewer="tester")
        article = store_extracted(db, session.id, make_article(TEXT), by="detector").article
        start = TEXT.index(LONG_QUOTE)
        claim_edits.add_claim(db, article.id, ClaimDraft(kind="quote", start=start, end=start + len(LONG_QUOTE)),
                              by="tester")
    finally:
        db.close()
    return db_path, LONG_QUOTE


def _fully_shown(widget: QWidget, window: QWidget) -> bool:
    """The widget is painted whole: not clipped by the scroll area, the splitter or the window."""
    if widget.visibleRegion().boundingRect() != widget.rect():
        return False
    scroll = next(p for p in _parents(widget) if isinstance(p, QScrollArea))
    viewport = scroll.viewport()
    in_viewport = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
    in_window = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    return viewport.rect().contains(in_viewport) and window.rect().contains(in_window)


def _parents(widget: QWidget) -> list[QWidget]:
    found = []
    parent = widget.parentWidget()
    while parent is not None:
        found.append(parent)
        parent = parent.parentWidget()
    return found


@pytest.mark.parametrize("size", [(1280, 720), (1400, 900)])
def test_quote_verdict_and_rationale_fit_without_scrolling(qtbot, open_window, long_claim_db, size):
    path, quote = long_claim_db
    window = open_window(path)
    window.resize(*size)
    claim = next(c for c in window.claims_panel.model.claims if c.text == quote)
    window.select_claim(claim.id)
    editor = window.editor
    qtbot.waitUntil(lambda: editor.quoted.text() == f"\u201c{quote}\u201d")
    qtbot.wait(50)  # the layout settles after the event loop runs
    assert editor.currentIndex() == 0  # the Claim tab

    assert editor.quoted.height() >= 3 * editor.quoted.fontMetrics().lineSpacing()  # wrapped over lines, not cut
    for widget in (editor.quoted, editor.verdict, editor.rationale):
        assert _fully_shown(widget, window), widget
    scroll = next(p for p in _parents(editor.quoted) if isinstance(p, QScrollArea))
    assert scroll.verticalScrollBar().value() == 0
    # The rationale has room for a few lines of writing.
    assert editor.rationale.height() >= 4 * editor.rationale.fontMetrics().lineSpacing()
