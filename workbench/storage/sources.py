"""Sources (evidence): links and local files checked by the reviewer, and how each bears on a claim.

A source is a web page (http or https) or a file on the reviewer's computer
(a saved ministry statement, a report), stored as a ``file://`` URI with its
absolute path. Nothing else is a source: a ``javascript:`` or ``data:`` link
would run or hide content when opened, and ``ftp:`` cannot be opened safely.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.errors import ConflictError, InvalidValueError, NotFoundError
from workbench.domain.kinds import Stance
from workbench.domain.records import EvidenceRecord, SourceRecord
from workbench.storage.base import utcnow
from workbench.storage.change_log import note_insert
from workbench.storage.claims import LIVE, load_claim, record_history
from workbench.storage.convert import evidence_record, source_record
from workbench.storage.database import Database
from workbench.storage.models import Claim, Evidence, ReviewSession, Source
from workbench.storage.sessions import touch_session
from workbench.storage.upsert import dialect_insert


def add_source(
    db: Database,
    session_id: int,
    url: str,
    *,
    title: str = "",
    publisher: str = "",
    published: str | None = None,
) -> SourceRecord:
    """A source in the session; the same URL (or file) twice gives the existing source.

    ``url`` is an http(s) link, a ``file://`` URI or a path to an existing
    file (stored as its ``file://`` URI). A file's title defaults to its name.
    """
    with db.session() as session:
        return add_source_in(session, session_id, url, title=title, publisher=publisher, published=published)


def add_source_in(
    session: Session, session_id: int, url: str, *, title: str = "", publisher: str = "",
    published: str | None = None,
) -> SourceRecord:
    """``add_source`` inside the caller's transaction."""
    url = source_location(url)
    if not title and is_file_uri(url):
        title = file_name(url)
    if session.get(ReviewSession, session_id) is None:
        raise NotFoundError(f"Session {session_id} does not exist.", "Open another session.")
    # Insert-if-absent in one statement: two reviewers adding the same link at
    # once get one row (the unique (session, url) constraint decides, not a read).
    added = _insert_if_absent(session, Source, dict(
        session_id=session_id, url=url, title=title, publisher=publisher, published=published,
        accessed_at=utcnow(),
    ))
    if added:
        touch_session(session, session_id)
    source = session.scalars(
        select(Source).where(Source.session_id == session_id, Source.url == url)
    ).one()
    return source_record(source)


def _insert_if_absent(session: Session, model: Any, values: dict[str, Any]) -> bool:
    """``INSERT ... ON CONFLICT DO NOTHING`` on either database; False when the row was there already.

    A unique constraint decides, so a row a concurrent transaction is adding
    makes this wait for it and then insert nothing.
    """
    table = model.__table__
    statement = dialect_insert(session, table).values(**values).on_conflict_do_nothing().returning(table.c.id)
    row = session.execute(statement).first()
    if row is None:
        return False
    note_insert(session, model, values, row[0])  # other windows hear of the new row too
    return True


def update_source(db: Database, source_id: int, **fields: str | None) -> SourceRecord:
    with db.session() as session:
        return update_source_in(session, source_id, **fields)


def update_source_in(session: Session, source_id: int, **fields: str | None) -> SourceRecord:
    """``update_source`` inside the caller's transaction."""
    allowed = {"title", "publisher", "published", "url"}
    if unknown := set(fields) - allowed:
        raise ValueError(f"cannot update {sorted(unknown)}")
    source = _load_source(session, source_id)
    for name, value in fields.items():
        setattr(source, name, source_location(value or "") if name == "url" else value)
    touch_session(session, source.session_id)
    session.flush()
    return source_record(source)


def list_sources(db: Database, session_id: int) -> list[SourceRecord]:
    with db.session() as session:
        rows = session.scalars(
            select(Source).where(Source.session_id == session_id).order_by(Source.id)
        ).all()
        return [source_record(row) for row in rows]


def attach_source(
    db: Database,
    claim_id: int,
    source_id: int,
    *,
    by: str,
    stance: str = Stance.CONTEXT,
    passage: str = "",
) -> EvidenceRecord:
    """Link a source to a claim (recorded in the claim's history)."""
    with db.session() as session:
        return attach_source_in(session, claim_id, source_id, by=by, stance=stance, passage=passage)


def attach_source_in(
    session: Session, claim_id: int, source_id: int, *, by: str, stance: str = Stance.CONTEXT,
    passage: str = "", note: str | None = None,
) -> EvidenceRecord:
    """``attach_source`` inside the caller's transaction; a link already there is returned as it is.

    ``note``: the history row's note (the stance when not given).
    """
    stance = _stance(stance)
    claim = load_claim(session, claim_id)
    source = _load_source(session, source_id)
    if source.session_id != claim.article.session_id:
        raise InvalidValueError(
            "That source belongs to another session.", "Add the link to this session first."
        )
    session.flush()
    # One link per claim and source, even when two reviewers add it at once: the
    # unique (claim, source) constraint decides; the second gets the first's link.
    added = _insert_if_absent(session, Evidence, dict(
        claim_id=claim_id, source_id=source_id, stance=stance, passage=passage, created_by=by,
        created_at=utcnow(), version=1,
    ))
    if added:
        session.expire(claim, ["evidence"])
        record_history(session, claim, by, "source", None, source.url, note=stance if note is None else note)
    touch_session(session, source.session_id)
    session.flush()
    evidence = find_link_in(session, claim_id, source_id)
    assert evidence is not None  # inserted above, or there already
    return evidence_record(evidence)


def find_link_in(session: Session, claim_id: int, source_id: int) -> Evidence | None:
    return session.scalars(
        select(Evidence).where(Evidence.claim_id == claim_id, Evidence.source_id == source_id)
    ).first()


def update_evidence(
    db: Database, evidence_id: int, *, by: str, stance: str | None = None, passage: str | None = None,
    expected_version: int | None = None,
) -> EvidenceRecord:
    with db.session() as session:
        return update_evidence_in(
            session, evidence_id, by=by, stance=stance, passage=passage, expected_version=expected_version
        )


def update_evidence_in(
    session: Session, evidence_id: int, *, by: str, stance: str | None = None, passage: str | None = None,
    expected_version: int | None = None, expected_values: dict[str, str] | None = None,
) -> EvidenceRecord:
    """``update_evidence`` inside the caller's transaction, checked like a claim edit.

    ``expected_version`` is the link's version the reviewer saw (None forces);
    an undo names ``expected_values`` instead, what the edit it takes back
    wrote. A link changed by someone else since is a ``ConflictError`` naming
    the claim, and nothing is written.
    """
    evidence = _load_evidence(session, evidence_id)
    wanted = {name: value for name, value in (("stance", stance), ("passage", passage)) if value is not None}
    if "stance" in wanted:
        wanted["stance"] = _stance(wanted["stance"])
    _check_link(evidence, wanted, expected_version, expected_values)
    if stance is not None and _stance(stance) != evidence.stance:
        record_history(session, evidence.claim, by, "stance", evidence.stance, stance, note=evidence.source.url)
        evidence.stance = _stance(stance)
    if passage is not None and passage != evidence.passage:
        record_history(session, evidence.claim, by, "passage", evidence.passage, passage, note=evidence.source.url)
        evidence.passage = passage
    touch_session(session, evidence.source.session_id)
    session.flush()
    return evidence_record(evidence)


def detach_source(db: Database, evidence_id: int, *, by: str) -> EvidenceRecord:
    """Unlink a source from a claim; returns the link as it was, for undo."""
    with db.session() as session:
        return detach_source_in(session, evidence_id, by=by)


def detach_source_in(
    session: Session, evidence_id: int, *, by: str, expected_values: dict[str, str] | None = None
) -> EvidenceRecord:
    """``detach_source`` inside the caller's transaction.

    ``expected_values`` (an undo of the link): the stance and passage it was
    made with; a link someone changed since is a ``ConflictError``.
    """
    evidence = _load_evidence(session, evidence_id)
    _check_link(evidence, {}, None, expected_values)
    record = evidence_record(evidence)
    record_history(session, evidence.claim, by, "source", evidence.source.url, None)
    touch_session(session, evidence.source.session_id)
    session.delete(evidence)
    session.flush()
    return record


def list_evidence(db: Database, claim_id: int) -> list[EvidenceRecord]:
    with db.session() as session:
        return list_evidence_in(session, claim_id)


def list_evidence_in(session: Session, claim_id: int) -> list[EvidenceRecord]:
    claim = load_claim(session, claim_id)
    return [evidence_record(e) for e in claim.evidence]


def claims_citing_in(session: Session, source_id: int) -> list[int]:
    """The claims a source backs: a change to the source shows on each of them."""
    return list(session.scalars(
        select(Evidence.claim_id).join(Claim, Claim.id == Evidence.claim_id).where(Evidence.source_id == source_id, LIVE)
    ))


def source_in(session: Session, source_id: int) -> SourceRecord:
    return source_record(_load_source(session, source_id))


def evidence_in(session: Session, evidence_id: int) -> EvidenceRecord:
    return evidence_record(_load_evidence(session, evidence_id))


def _load_source(session: Session, source_id: int) -> Source:
    source = session.get(Source, source_id)
    if source is None:
        raise NotFoundError(f"Source {source_id} does not exist.", "Choose another source.")
    return source


def _check_link(
    evidence: Evidence, wanted: dict[str, str], expected_version: int | None, expected_values: dict[str, str] | None
) -> None:
    if expected_values is not None:  # an undo: each field must hold what the edit it takes back wrote
        stale = any(getattr(evidence, k) not in (v, wanted.get(k, v)) for k, v in expected_values.items())
    else:  # someone making the very same change is no conflict
        stale = expected_version not in (None, evidence.version) and (
            not wanted or any(getattr(evidence, k) != v for k, v in wanted.items())
        )
    if stale:
        raise link_conflict(evidence, wanted)


def link_conflict(evidence: Evidence, wanted: dict[str, str]) -> ConflictError:
    """The conflict on a source link: named by its claim, with the link's fields, theirs and mine."""
    changes = {k: (getattr(evidence, k), v) for k, v in wanted.items()} or {"source": (evidence.source.url, None)}
    return ConflictError(evidence.claim_id, changes, evidence.version, evidence_id=evidence.id)


def stale_link_conflict(db: Database, evidence_id: int, wanted: dict[str, str]) -> ConflictError:
    """The conflict to show when another writer committed the link between our read and our write."""
    with db.session() as session:
        return link_conflict(_load_evidence(session, evidence_id), wanted)


def _load_evidence(session: Session, evidence_id: int) -> Evidence:
    evidence = session.get(Evidence, evidence_id)
    if evidence is None or evidence.claim.deleted_at is not None:
        raise NotFoundError(
            f"That source link ({evidence_id}) no longer exists.", "Reload the claim."
        )
    return evidence


def _stance(stance: str) -> str:
    try:
        return Stance(stance).value
    except ValueError:
        raise InvalidValueError(
            f"'{stance}' is not a stance.", "Use supports, refutes or context."
        ) from None


# A scheme is two or more letters before ':' (one letter is a Windows drive, C:\\).
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]+):")
WEB_SCHEMES = ("http", "https")


def source_location(text: str) -> str:
    """What a source is stored as: its http(s) link, or a local file's ``file://`` URI.

    Raises ``InvalidValueError`` for any other scheme, and ``NotFoundError``
    for a path that names no file.
    """
    text = text.strip()
    scheme = _SCHEME.match(text)
    if scheme is None:
        return _file_uri(Path(text).expanduser(), text)
    name = scheme.group(1).lower()
    if name in WEB_SCHEMES and text[len(name) + 1:].startswith("//"):
        return text
    if name == "file":
        parts = urlsplit(text)
        if parts.netloc not in ("", "localhost") or not Path(unquote(parts.path)).is_absolute():
            raise InvalidValueError(
                f"'{text}' is not a file on this computer.",
                "Copy the file to this computer and choose it, or paste its http:// or https:// link.",
            )
        return Path(unquote(parts.path)).as_uri()
    raise InvalidValueError(
        f"'{text}' is not a web link or a file.",
        "A source is a link that starts with http:// or https://, or a file on this computer.",
    )


def is_file_uri(url: str) -> bool:
    return url.lower().startswith("file:")


def file_path(url: str) -> Path:
    """The local path a ``file://`` URI names."""
    return Path(unquote(urlsplit(url).path))


def file_name(url: str) -> str:
    """The file name of a ``file://`` URI, as the reviewer knows it."""
    return file_path(url).name


def _file_uri(path: Path, text: str) -> str:
    if not text:
        raise InvalidValueError("The source is empty.", "Paste a web link, or choose a file.")
    if not path.is_file():
        raise InvalidValueError(
            f"'{text}' is neither a web link nor a file on this computer.",
            "Paste a link that starts with http:// or https://, or choose an existing file.",
        )
    return path.resolve().as_uri()
