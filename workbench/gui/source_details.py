"""A source added without a title gets the one its page states, however it was added;
a source of the session reused or retitled; and a source opened where the reviewer reads it.

Add link, reusing a source, quoting a found passage and copying a prior
verdict's sources all end here. Details already read (the evidence finder
fetched the page to search it) are stored at once; otherwise the page is
fetched in the background. A title the reviewer typed meanwhile is kept.
Nothing here waits on the database on the GUI thread: what the editor shows
is used where it is what the reviewer acted on, the rest is read in the background.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from workbench.gui import undo
from workbench.gui.deferred import deferred
from workbench.gui.edit_commands import EditSource
from workbench.gui.workers import while_open

if TYPE_CHECKING:
    from workbench.domain.records import SourceRecord
    from workbench.gui.main_window import MainWindow
    from workbench.services.sources import LinkDetails

source_service = deferred("workbench.services.sources")


def fill_in(window: MainWindow, source: SourceRecord, known: LinkDetails | None = None) -> None:
    """Give ``source`` the title and publisher of its page, if it has no title yet."""
    if source.title or source_service.is_file_uri(source.url):
        return  # the reviewer's (or the file's name) stays
    if known is not None:  # what the page says, read already: fetching it again would say the same
        store(window, source.id, known)
    else:
        fetch_in_background(window, source.id, source.url)


def open_source(window: MainWindow, url: str) -> None:
    """A web source in the browser, a file source in the system's viewer; nothing else is opened."""
    # One stored before sources were checked raises here: the error route says why, nothing runs.
    location = source_service.source_location(url)
    if source_service.is_file_uri(location) and not source_service.file_path(location).is_file():
        window.message_bar.show_info(f"The file {source_service.file_path(location)} is no longer there.",
                                     "It may have been moved or deleted; attach it again from its new place.")
        return
    QDesktopServices.openUrl(QUrl(location))


def fetch_in_background(window: MainWindow, source_id: int, url: str) -> None:
    from workbench.services.sources import fetch_link_details

    window.jobs.start(
        lambda cancel, _progress: fetch_link_details(url, cancel=cancel),
        "reading the source's title", on_success=lambda details: store(window, source_id, details),
        on_error=lambda error: window.message_bar.show_info(
            f"Could not read the title of {url}: {error.message}", "Type the title and publisher yourself."
        ),
    )


def store(window: MainWindow, source_id: int, details: LinkDetails) -> None:
    """The page's title and publisher stored off the GUI thread; the editor shows them once stored."""
    db = window.db
    if db is None or window.session_id is None:
        return

    def stored(changed: bool) -> None:
        if changed:  # (not when gone, or when the reviewer typed a title meanwhile)
            window.show_claim(window.claims_panel.model.claim_by_id(window.claims_panel.current_id()))

    window.background.call(lambda: source_service.give_title(db, source_id, details.title, details.publisher),
                           "storing the source's title", then=stored, on_error=window.report,
                           still=while_open(window))


def reuse(window: MainWindow, claim_id: int, source_id: int) -> None:
    """A source of the session linked to the claim: the one the editor offered (read with the
    claim's details), or, not among them, read off the GUI thread."""
    def link(source: SourceRecord | None) -> None:
        if source is not None and window.session_id is not None:
            window.push(undo.AttachSource(window, window.session_id, claim_id, source.url))
            fill_in(window, source)  # one added before titles were read gets one now

    _with_source(window, source_id, window.details.known(claim_id)[2], link)


def edit(window: MainWindow, source_id: int, title: str, publisher: str) -> None:
    """The reviewer's edit of a source's title or publisher (undoable), compared with the
    source as the editor shows it (read off the GUI thread if it does not)."""
    current = window.claims_panel.current_id()

    def change(source: SourceRecord | None) -> None:
        if source is None:
            return
        old = {"title": source.title, "publisher": source.publisher}
        new = {"title": title, "publisher": publisher}
        if old != new:
            window.push(EditSource(window, source_id, current, old, new))

    _with_source(window, source_id, [link.source for link in window.editor.evidence], change)


def _with_source(window: MainWindow, source_id: int, shown: list[SourceRecord],
                 then: Callable[[SourceRecord | None], None]) -> None:
    """``then`` with the session's source ``source_id``: as shown, or read in the background."""
    source = next((s for s in shown if s.id == source_id), None)
    db, session_id = window.db, window.session_id
    if source is not None or db is None:
        then(source)
        return
    window.background.call(lambda: source_service.find_source(db, session_id, source_id), "reading the source",
                           then=then, on_error=window.report,
                           still=while_open(window, lambda: session_id == window.session_id))
