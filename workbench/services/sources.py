"""Sources of a session: reading them, where one points (a web page or a file), what its
page says of itself (title, publisher), and giving a source without a title that title."""

from __future__ import annotations

from pathlib import Path

from workbench.domain.progress import CancelFn
from workbench.domain.records import EvidenceRecord, LinkDetails, SourceRecord
from workbench.storage import sources as _sources
from workbench.storage.database import Database
from workbench.storage.models import Source
from workbench.storage.sessions import touch_session

__all__ = [
    "EvidenceRecord", "LinkDetails", "SourceRecord", "fetch_link_details", "evidence_of_claim", "file_path", "find_source", "give_title",
    "is_file_uri", "list_sources", "source_location",
]

list_sources = _sources.list_sources
source_location = _sources.source_location
is_file_uri = _sources.is_file_uri


def fetch_link_details(url: str, *, cancel: CancelFn | None = None) -> LinkDetails:
    """Fetch ``url`` and read its title and publisher; raises ``WorkbenchError`` on failure."""
    # Imported here: the page parser and the HTTP library are not needed to open a window.
    from workbench.ingest.link_details import fetch_link_details as fetch

    return fetch(url, cancel=cancel)


def file_path(url: str) -> Path:
    return _sources.file_path(url)


def evidence_of_claim(db: Database, claim_id: int) -> list[EvidenceRecord]:
    return _sources.list_evidence(db, claim_id)


def find_source(db: Database, session_id: int | None, source_id: int) -> SourceRecord | None:
    """The session's source with this id, or None (gone, or of another session)."""
    if session_id is None:
        return None
    return next((s for s in list_sources(db, session_id) if s.id == source_id), None)


def give_title(db: Database, source_id: int, title: str, publisher: str) -> bool:
    """The title and publisher its page states, for a source that still has no title.

    One transaction, so a title the reviewer types meanwhile is never overwritten, and a
    publisher the reviewer gave is kept. Says whether the source changed.
    """
    with db.session() as orm:
        source = orm.get(Source, source_id)
        if source is None or source.title:
            return False
        source.title = title
        source.publisher = source.publisher or publisher
        touch_session(orm, source.session_id)
        return True
