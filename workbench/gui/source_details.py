"""A source added without a title gets the one its page states, however it was added.

Add link, reusing a source, quoting a found passage and copying a prior
verdict's sources all end here. Details already read (the evidence finder
fetched the page to search it) are stored at once; otherwise the page is
fetched in the background. A title the reviewer typed meanwhile is kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.domain.errors import WorkbenchError
from workbench.domain.records import SourceRecord
from workbench.ingest.link_details import LinkDetails
from workbench.storage import sources as source_store

if TYPE_CHECKING:
    from workbench.gui.main_window import MainWindow


def fill_in(window: MainWindow, source: SourceRecord, known: LinkDetails | None = None) -> None:
    """Give ``source`` the title and publisher of its page, if it has no title yet."""
    if source.title or source_store.is_file_uri(source.url):
        return  # the reviewer's (or the file's name) stays
    if known is not None:  # what the page says, read already: fetching it again would say the same
        store(window, source.id, known)
    else:
        fetch_in_background(window, source.id, source.url)


def fetch_in_background(window: MainWindow, source_id: int, url: str) -> None:
    from workbench.ingest.link_details import fetch_link_details

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
    try:
        current = next((s for s in source_store.list_sources(window.db, window.session_id) if s.id == source_id), None)
        if current is None or current.title:  # gone, or the reviewer typed a title meanwhile
            return
        source_store.update_source(window.db, source_id, title=details.title,
                                   publisher=current.publisher or details.publisher)
    except WorkbenchError as error:
        window.report(error)
        return
    window._claim_selected(window.claims_panel.current_id())  # the editor shows the new title
