"""Re-checking from the window: a page edited after import is compared, its claims flagged and answered."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from werkzeug import Request, Response

from tests.gui.helpers import table_text, wait_for_details
from tests.integration import recheck_pages as pages
from workbench.gui.claims_model import STATUS, VERDICT
from workbench.storage import claims as claim_store
from workbench.storage import versions as version_store


class Site:
    """Serves whatever page is current; a test swaps it between fetches, or holds a fetch."""

    def __init__(self, httpserver) -> None:  # noqa: ANN001
        self.body = pages.VERSION_A
        self.hold: threading.Event | None = None
        self.requests = 0
        httpserver.expect_request("/belarus").respond_with_handler(self._respond)
        self.url = httpserver.url_for("/belarus")

    def _respond(self, _request: Request) -> Response:
        self.requests += 1
        if self.hold is not None:
            self.hold.wait(10)
        return Response(self.body, content_type="text/html; charset=utf-8")


def _imported(qtbot, open_window, db_path, httpserver):  # noqa: ANN001, ANN202
    site = Site(httpserver)
    window = open_window(db_path)
    window.address_bar.setText(site.url)
    qtbot.keyClick(window.address_bar, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.claims_panel.model.rowCount() > 0 and not window.jobs.running, timeout=20_000)
    return site, window


def _claim_containing(window, words: str):  # noqa: ANN001, ANN202
    return next(c for c in window.claims_panel.model.claims if words in c.text)


def test_recheck_shows_what_changed_and_the_reviewer_answers_each_flag(qtbot, open_window, db_path, httpserver):
    site, window = _imported(qtbot, open_window, db_path, httpserver)
    figure = _claim_containing(window, "90,000 troops")
    quote = _claim_containing(window, "We must be prepared")
    window.select_claim(figure.id)
    window.claims_panel.table.setFocus()
    qtbot.keyClick(window.claims_panel.table, Qt.Key.Key_4)
    verdict_before = table_text(window, figure.id, VERDICT)

    site.body = pages.VERSION_B
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.recheck.compare_view is not None and window.recheck.compare_view.isVisible(),
                    timeout=20_000)

    compare = window.recheck.compare_view
    assert "Version 1 → version 2" in compare.heading.text()
    metadata = [compare.metadata_list.item(i).text() for i in range(compare.metadata_list.count())]
    assert any(pages.TITLE_B in line for line in metadata)
    assert "95,000 troops" in compare.new_view.toPlainText() and "90,000" in compare.old_view.toPlainText()
    assert "to review" in window.article_switcher.currentText()
    assert "95,000 troops" in window.reader.toPlainText()  # the reader shows the newest text

    # Flagged claims are marked in the table and keep their verdicts.
    wait_for_details(qtbot, window)
    assert table_text(window, figure.id, STATUS) == "⚑ Changed"
    assert table_text(window, figure.id, VERDICT) == verdict_before
    assert table_text(window, quote.id, STATUS) == "⚑ Gone"
    panel = window.claims_panel
    panel.status_box.setCurrentIndex(panel.status_box.findData("flagged"))
    flagged = set(panel.proxy.claim_ids())
    assert {figure.id, quote.id} <= flagged
    assert all(table_text(window, claim_id, STATUS).startswith("⚑") for claim_id in flagged)

    # Accept the figure's new text from the editor: the claim moves, the history says so.
    window.select_claim(figure.id)
    assert window.editor.reanchor_banner.isVisibleTo(window.editor)
    assert "95,000 troops" in window.editor.reanchor_text.text()
    qtbot.mouseClick(window.editor.reanchor_accept, Qt.MouseButton.LeftButton)
    wait_for_details(qtbot, window)
    moved = claim_store.get_claim(window.db, figure.id)
    assert "95,000 troops" in moved.text and not moved.flagged
    assert moved.verdict is not None and table_text(window, figure.id, VERDICT) == verdict_before
    assert ("anchor_outcome", "changed", "accepted") in [
        (h.field, h.old, h.new) for h in claim_store.claim_history(window.db, figure.id)]
    assert not window.editor.reanchor_banner.isVisibleTo(window.editor)

    # Keep the removed quote on the version it was made on.
    window.select_claim(quote.id)
    qtbot.mouseClick(window.editor.reanchor_keep, Qt.MouseButton.LeftButton)
    wait_for_details(qtbot, window)
    assert claim_store.get_claim(window.db, quote.id).anchor_outcome == "kept"
    remaining = flagged - {figure.id, quote.id}
    assert set(panel.proxy.claim_ids()) == remaining
    badge = f"● {len(remaining)} to review" if remaining else "(v2)"
    assert window.article_switcher.currentText().endswith(badge)


def test_a_recheck_runs_in_the_background_and_can_be_cancelled(qtbot, open_window, db_path, httpserver):
    site, window = _imported(qtbot, open_window, db_path, httpserver)
    article_id = window.article.id
    site.body = pages.VERSION_B
    site.hold = threading.Event()
    try:
        window.actions_by_name["recheck_session"].trigger()
        qtbot.waitUntil(lambda: site.requests == 2, timeout=10_000)
        assert window.progress_row.isVisible() and window.cancel_button.isVisible()
        window.claims_panel.move(1)  # the window stays usable while the page is fetched
        assert window.claims_panel.current_id() is not None
        qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    finally:
        site.hold.set()
    qtbot.waitUntil(lambda: not window.jobs.running, timeout=20_000)
    assert len(version_store.list_versions(window.db, article_id)) == 1
    assert window.recheck.compare_view is None
    assert not any(c.flagged for c in window.claims_panel.model.claims)
