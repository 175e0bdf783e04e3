"""Snapshots of sources: every fetch kept, and what a re-check found for each link citing one.

Storage only writes and reads; ``services.snapshots`` and
``services.source_watch`` decide what to fetch and what a result means.
A snapshot is never updated or replaced: a new fetch is a new row, a failed
one a row with its error.
"""

from __future__ import annotations

import zlib

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, defer

from workbench.domain.errors import NotFoundError
from workbench.domain.snapshots import ArchivedCopy, SnapshotRecord
from workbench.storage.claims import LIVE, record_history
from workbench.storage.database import Database
from workbench.storage.models import Claim, Evidence, Source, SourceSnapshot
from workbench.storage.sessions import touch_session

# A list of snapshots reads neither the bytes nor the text.
_NO_CONTENT = (defer(SourceSnapshot.raw_zlib), defer(SourceSnapshot.text))


def add_snapshot_in(session: Session, source_id: int, copy: ArchivedCopy, *, by: str) -> SnapshotRecord:
    """Keep ``copy`` as the source's newest snapshot; a source without a title takes the page's."""
    source = load_source(session, source_id)
    row = SourceSnapshot(
        source_id=source_id, fetched_at=copy.fetched_at, fetched_by=by, http_status=copy.http_status,
        content_type=copy.content_type, final_url=copy.final_url, sha256=copy.sha256,
        raw_zlib=zlib.compress(copy.raw, 6) if copy.raw else b"", text=copy.text, title=copy.title,
        publisher=copy.publisher, published=copy.published, text_missing=copy.text_missing, error=copy.error,
    )
    session.add(row)
    if not copy.failed:
        # What the page says of itself fills what the reviewer left empty, never more.
        source.title = source.title or copy.title
        source.publisher = source.publisher or copy.publisher
        source.published = source.published or copy.published
    touch_session(session, source.session_id)
    session.flush()
    return snapshot_record(row)


def latest_in(session: Session, source_id: int, *, fetched: bool = False) -> SourceSnapshot | None:
    """The newest snapshot of a source (``fetched``: the newest that holds the page)."""
    query = select(SourceSnapshot).where(SourceSnapshot.source_id == source_id)
    if fetched:
        query = query.where(SourceSnapshot.error.is_(None))
    return session.scalars(query.order_by(SourceSnapshot.id.desc()).limit(1)).first()


def latest_snapshots(db: Database, session_id: int, *, fetched: bool = False) -> dict[int, SnapshotRecord]:
    """Per source of a session, its newest snapshot (``fetched``: the newest that holds the
    page), without the text."""
    with db.reading() as session:
        newest = (
            select(func.max(SourceSnapshot.id))
            .join(Source, Source.id == SourceSnapshot.source_id)
            .where(Source.session_id == session_id)
            .group_by(SourceSnapshot.source_id)
        )
        if fetched:
            newest = newest.where(SourceSnapshot.error.is_(None))
        rows = session.scalars(
            select(SourceSnapshot).where(SourceSnapshot.id.in_(newest)).options(*_NO_CONTENT)
        ).all()
        return {row.source_id: snapshot_record(row, text=False) for row in rows}


def list_snapshots(db: Database, source_id: int) -> list[SnapshotRecord]:
    """Every snapshot of a source, oldest first, without their text."""
    with db.reading() as session:
        load_source(session, source_id)
        rows = session.scalars(
            select(SourceSnapshot).where(SourceSnapshot.source_id == source_id)
            .order_by(SourceSnapshot.id).options(*_NO_CONTENT)
        ).all()
        return [snapshot_record(row, text=False) for row in rows]


def get_snapshot(db: Database, source_id: int, snapshot_id: int | None = None) -> SnapshotRecord | None:
    """One snapshot with its text: the one named, else the newest that holds the page, else the
    newest attempt (a failure); None when the source was never archived."""
    with db.reading() as session:
        load_source(session, source_id)
        if snapshot_id is None:
            row = latest_in(session, source_id, fetched=True) or latest_in(session, source_id)
        else:
            row = session.get(SourceSnapshot, snapshot_id)
            if row is None or row.source_id != source_id:
                raise NotFoundError(f"Source {source_id} has no snapshot {snapshot_id}.",
                                    "List its snapshots with `workbench sources SESSION`.")
        return snapshot_record(row) if row is not None else None


def snapshot_bytes(db: Database, snapshot_id: int) -> bytes:
    """The bytes of a snapshot as they were fetched."""
    with db.reading() as session:
        row = session.get(SourceSnapshot, snapshot_id)
        if row is None:
            raise NotFoundError(f"Snapshot {snapshot_id} does not exist.", "Choose another snapshot.")
        return zlib.decompress(row.raw_zlib) if row.raw_zlib else b""


def citations_in(session: Session, source_id: int) -> list[Evidence]:
    """The links of live claims to a source, by claim."""
    return list(session.scalars(
        select(Evidence).join(Claim, Claim.id == Evidence.claim_id)
        .where(Evidence.source_id == source_id, LIVE).order_by(Evidence.claim_id)
    ))


def record_check_in(
    session: Session, link: Evidence, *, source_check: str | None, passage_found: bool | None, by: str
) -> None:
    """What a re-check found for one link, with a row in its claim's history for what changed.

    Written without touching the link's edit counter: a re-check is no edit
    of the stance or passage, and must not make a reviewer's edit a conflict.
    """
    changed = {}
    if source_check != link.source_check:
        record_history(session, link.claim, by, "source_check", link.source_check, source_check,
                       note=link.source.url)
        changed["source_check"] = source_check
    if passage_found != link.passage_found:
        record_history(session, link.claim, by, "passage_found", link.passage_found, passage_found,
                       note=link.source.url)
        changed["passage_found"] = passage_found
    if changed:
        session.execute(update(Evidence).where(Evidence.id == link.id).values(**changed))
        session.expire(link, list(changed))


def load_source(session: Session, source_id: int) -> Source:
    source = session.get(Source, source_id)
    if source is None:
        raise NotFoundError(f"Source {source_id} does not exist.",
                            "List the sources of the session with `workbench sources SESSION`.")
    return source


def snapshot_record(row: SourceSnapshot, *, text: bool = True) -> SnapshotRecord:
    return SnapshotRecord(
        id=row.id, source_id=row.source_id, fetched_at=row.fetched_at, fetched_by=row.fetched_by,
        http_status=row.http_status, content_type=row.content_type, final_url=row.final_url,
        sha256=row.sha256, title=row.title, publisher=row.publisher,
        published=row.published, text_missing=row.text_missing, error=row.error,
        text=row.text if text else "",
    )
