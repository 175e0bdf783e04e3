"""The server goes away mid-review: edits are queued, shown as unsaved, and stored when it is back.

The outage is real: the window reaches PostgreSQL through a loopback proxy
that the test cuts (open connections closed, new ones refused) and restores.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from tests.factories import make_article
from tests.gui.helpers import claim_with_text, wait_for_details, wait_for_writes
from tests.tcp_proxy import TcpProxy
from workbench.domain.errors import DatabaseUnreachableError
from workbench.gui.outage_control import RETRY_MS
from workbench.services import claim_edits
from workbench.services.importing import store_extracted
from workbench.services.pending_edits import PendingEdits
from workbench.storage import claims as claim_store
from workbench.storage import sessions
from workbench.storage.database import Database, open_database

pytestmark = pytest.mark.postgres


@pytest.fixture
def server(postgres_server, postgres_url: str) -> Iterator[tuple[Database, TcpProxy, str]]:  # noqa: ANN001
    """The database seeded, a direct handle on it (the colleague's), and the proxy the window goes through."""
    direct = open_database(postgres_url)
    session = sessions.create_session(direct, "Border review", reviewer="tester")
    store_extracted(direct, session.id, make_article(), by="detector")
    proxy = TcpProxy(postgres_server.host, postgres_server.port)
    try:
        yield direct, proxy, proxy.url_for(postgres_url, postgres_server.host, postgres_server.port)
    finally:
        proxy.cut()
        direct.close()


def _down(qtbot, window, proxy: TcpProxy):  # noqa: ANN001, ANN202
    claim = claim_with_text(window, "About 32,000 troops", "figure")
    window.select_claim(claim.id)
    wait_for_details(qtbot, window)
    proxy.cut()
    return claim


def test_edits_made_while_the_server_is_down_are_queued_kept_and_stored_when_it_is_back(
        qtbot, open_window, server):
    direct, proxy, url = server
    window = open_window(url)
    claim = _down(qtbot, window, proxy)
    table, editor = window.claims_panel.table, window.editor

    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_5)  # False, while the server is down
    wait_for_writes(qtbot, window)  # tried in the background; the server did not answer
    assert isinstance(window.message_bar.error, DatabaseUnreachableError) and window.message_bar.isVisible()
    assert "Cannot reach" in window.message_bar.text() and "1 edit not saved yet" in window.message_bar.text()
    assert editor.verdict.currentData() == "false" and editor.verdict.property("unsaved") is True
    editor.wording.setFocus()
    qtbot.keyClicks(editor.wording, "Troops massed at the border")
    editor.commit_pending()
    assert window.outage.count.isVisible() and window.outage.count.text().startswith("2 edits not saved yet")
    assert claim_store.get_claim(direct, claim.id).verdict is None  # nothing reached the server

    # Typed wording survives moving away and back (the list still holds the old values).
    table.setFocus()
    other = next(c for c in window.claims_panel.model.claims if c.id != claim.id)
    window.select_claim(other.id)
    window.select_claim(claim.id)
    assert editor.wording.toPlainText() == "Troops massed at the border"
    assert editor.wording.property("unsaved") is True and editor.verdict.currentData() == "false"

    proxy.restore()
    qtbot.waitUntil(lambda: not window.outage.waiting, timeout=RETRY_MS * 3)
    stored = claim_store.get_claim(direct, claim.id)
    assert (stored.verdict, stored.wording) == ("false", "Troops massed at the border")
    history = [(h.field, h.new) for h in claim_store.claim_history(direct, claim.id)][-2:]
    assert history == [("verdict", "false"), ("wording", "Troops massed at the border")]  # in the order made
    assert not window.message_bar.isVisible()  # the "Cannot reach" bar went with the outage
    assert not window.outage.count.isVisible() and editor.wording.property("unsaved") is not True
    assert window.claims_panel.model.claim_by_id(claim.id).version == stored.version


def test_a_queued_edit_overtaken_by_a_colleague_raises_the_conflict_view(qtbot, open_window, server):
    direct, proxy, url = server
    window = open_window(url)
    claim = _down(qtbot, window, proxy)
    window.claims_panel.table.setFocus()
    qtbot.keyClick(window.claims_panel.table, Qt.Key.Key_5)
    wait_for_writes(qtbot, window)
    assert len(window.outage.queue) == 1
    # Meanwhile a colleague, whose connection still works, sets the verdict and argues it.
    claim_edits.update_claim(direct, claim.id, {"verdict": "true", "rationale": "Confirmed by the ministry."},
                             by="colleague", expected_version=claim.version)

    proxy.restore()
    bar = window.message_bar
    qtbot.waitUntil(lambda: not window.outage.waiting and bar.view is not None, timeout=RETRY_MS * 3)
    assert "verdict: now True, yours False" in bar.text() and "rationale: now Confirmed by the ministry." in bar.text()
    stored = claim_store.get_claim(direct, claim.id)
    assert (stored.verdict, stored.rationale) == ("true", "Confirmed by the ministry.")  # not overwritten


def test_edits_still_waiting_when_the_window_closes_are_stored_by_the_next_window(
        qtbot, open_window, server, user_data_folder):  # noqa: ANN001
    direct, proxy, url = server
    window = open_window(url)
    claim = _down(qtbot, window, proxy)
    window.claims_panel.table.setFocus()
    qtbot.keyClick(window.claims_panel.table, Qt.Key.Key_5)  # False, while the server is down
    wait_for_writes(qtbot, window)
    assert len(window.outage.queue) == 1
    window.close()  # at once: closing does not wait on the server that does not answer
    kept = list(user_data_folder.rglob("unsaved-edits/*.json"))
    assert len(kept) == 1 and claim_store.get_claim(direct, claim.id).verdict is None

    proxy.restore()
    again = open_window(url)
    assert "1 edit not saved yet when the window last closed" in again.message_bar.text()
    qtbot.waitUntil(lambda: claim_store.get_claim(direct, claim.id).verdict == "false", timeout=RETRY_MS * 3)
    qtbot.waitUntil(lambda: not again.outage.waiting)
    assert not kept[0].exists()  # stored: nothing is kept any more
    assert again.claims_panel.model.claim_by_id(claim.id).verdict == "false"


def test_the_waiting_edits_are_stored_off_the_window_s_thread_and_edits_made_meanwhile_follow(
        qtbot, open_window, server, monkeypatch):  # noqa: ANN001
    direct, proxy, url = server
    window = open_window(url)
    claim = _down(qtbot, window, proxy)
    table = window.claims_panel.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_5)  # False, while the server is down
    qtbot.waitUntil(lambda: len(window.outage.queue) == 1)

    threads, real_flush = [], PendingEdits.flush

    def flush(queue, db, *, by):  # noqa: ANN001, ANN202 - the real flush, noting where it runs
        threads.append(threading.current_thread())
        if len(threads) == 1:
            time.sleep(0.5)  # long enough for the edit below to be made while this one is under way
        return real_flush(queue, db, by=by)

    monkeypatch.setattr(PendingEdits, "flush", flush)
    proxy.restore()
    qtbot.waitUntil(lambda: bool(threads), timeout=RETRY_MS * 3)
    qtbot.keyClick(table, Qt.Key.Key_4)  # made while the waiting edit is being stored: it follows it
    qtbot.waitUntil(lambda: claim_store.get_claim(direct, claim.id).verdict == window.scale.by_digit(4).key,
                    timeout=RETRY_MS * 4)
    assert threads and threading.main_thread() not in threads  # the window never waited on the server
    history = [h.new for h in claim_store.claim_history(direct, claim.id) if h.field == "verdict"]
    assert history[-2:] == ["false", window.scale.by_digit(4).key]  # in the order made
