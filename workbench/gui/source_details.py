"""A source added without a title gets the one its page states, however it was added;
and a source opened where the reviewer reads it.

Add link, reusing a source, quoting a found passage and copying a prior
verdict's sources all end here. Details already read (the evidence finder
fetched the page to search it) are stored at once; otherwise the page is
fetched in the background. A title the reviewer typed meanwhile is kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from workbench.gui.deferred import deferred

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
    if window.db is None or window.session_id is None:
        return
    # Not when gone, or when the reviewer typed a title meanwhile.
    if not source_service.give_title(window.db, source_id, details.title, details.publisher):
        return
    window.show_claim(window.claims_panel.model.claim_by_id(window.claims_panel.current_id()))  # with the new title
