"""Import a session JSON file (``json_export``'s format) as a new session.

A file up to ``WHOLE_FILE_BYTES`` is read whole and checked before anything
is written; a larger one (up to ``MAX_FILE_BYTES``) is read, checked and
written part by part. Either way everything is written in one transaction: a
corrupt or hostile file, a newer format or some other JSON is refused with a
message naming its first problems, and the database is left as it was.
"""

from __future__ import annotations

import json
from typing import IO, Any

from sqlalchemy import Connection

from workbench.domain.errors import InvalidValueError, SessionFileError
from workbench.domain.records import SessionSummary
from workbench.export import session_rows as rows
from workbench.export import session_schema as schema
from workbench.export import session_values as values
from workbench.export.session_checks import check_document, check_header
from workbench.export.session_parts_import import import_parts
from workbench.export.session_schema import damaged, not_text, not_valid_json
from workbench.export.session_stream import Limits, too_large
from workbench.storage.database import Database, translate_errors
from workbench.storage.models import ReviewSession
from workbench.storage.sessions import get_session

# Up to this size a file is parsed whole, which costs up to ~70 bytes per
# value ("[]," is 3 bytes, its list 56 + 8), so at most ~300 MB here, and a
# syntax error is named by line and column. Larger files are read part by
# part (``session_stream``): memory then follows the largest part, not the file.
WHOLE_FILE_BYTES = 8 * 1024 * 1024
# The largest file read at all; reading it part by part takes a few minutes.
MAX_FILE_BYTES = 1024 * 1024 * 1024
# One part (the session, a source, an article's fields and versions, or one
# claim): the whole-file cap of earlier versions, so any file they exported
# still imports; 4 million values is about 300 MB once parsed.
MAX_PART_BYTES = 64 * 1024 * 1024
MAX_PART_VALUES = 4_000_000


def import_session_file(
    db: Database, file: IO[str] | IO[bytes], *, title: str | None = None, index: rows.IndexFn
) -> SessionSummary:
    """Read a session file and store it as a new session.

    A large file is checked and written part by part inside one transaction,
    which is rolled back at its first problem: the database is left as it was.
    """
    new_title = _new_title(title) if title is not None else None
    head = _read(file, WHOLE_FILE_BYTES + 1)
    if len(head) > MAX_FILE_BYTES:
        raise too_large(MAX_FILE_BYTES)
    if len(head) <= WHOLE_FILE_BYTES:
        return import_session(db, _parse(head), title=title, index=index)
    limits = Limits(MAX_FILE_BYTES, MAX_PART_BYTES, MAX_PART_VALUES)
    head_bytes = head.encode("utf-8", "surrogatepass") if isinstance(head, str) else head
    return import_parts(db, head_bytes, _Unreadable(file), limits, title=new_title, index=index)


def read_document(file: IO[str] | IO[bytes]) -> dict[str, Any]:
    """A file of at most ``WHOLE_FILE_BYTES`` as a session document this version can read."""
    head = _read(file, WHOLE_FILE_BYTES + 1)
    if len(head) > WHOLE_FILE_BYTES:
        raise too_large(WHOLE_FILE_BYTES)
    return _parse(head)


def _parse(content: str | bytes) -> dict[str, Any]:
    try:
        data = json.loads(content)
    except json.JSONDecodeError as error:
        raise not_valid_json(f"line {error.lineno}, column {error.colno}: {error.msg}") from None
    except UnicodeDecodeError:
        raise not_text() from None
    except RecursionError:
        # The C parser stops cleanly at Python's recursion limit; a session
        # file is never nested more than a few levels deep.
        raise damaged(f"it is nested more than {values.MAX_DEPTH} levels deep") from None
    except ValueError:
        # An integer of more than 4,300 digits (Python's guard against slow conversion).
        raise damaged("it holds a number with thousands of digits") from None
    return check_header(data)


def _read(file: IO[str] | IO[bytes], size: int) -> str | bytes:
    try:
        return file.read(size)
    except OSError as error:
        raise _cannot_read(error) from None


class _Unreadable:
    """The rest of a file, its read errors said as a session-file problem."""

    def __init__(self, file: IO[str] | IO[bytes]) -> None:
        self.file = file

    def read(self, size: int = -1) -> str | bytes:
        return _read(self.file, size)


def _cannot_read(error: OSError) -> SessionFileError:
    return SessionFileError(
        f"The session file could not be read: {error.strerror or error}.",
        "Check the file or the disk it is on, then import again; nothing was imported.",
    )


def import_session(
    db: Database, data: dict[str, Any], *, title: str | None = None, index: rows.IndexFn
) -> SessionSummary:
    """Store a session document as a new session; returns it.

    Everything is checked first (``session_checks``), so a bad file is refused
    before the first write; the write itself is one transaction.
    """
    data = check_header(data)
    new_title = _new_title(title) if title is not None else None
    check_document(data, postgres=db.engine.dialect.name == "postgresql")
    with translate_errors(db.location), db.engine.begin() as connection:
        session_id = _write_document(connection, data, new_title, index)
    return get_session(db, session_id)


def _new_title(title: str) -> str:
    problem = values.text_problem(title, None, nul_allowed=False)
    if problem:
        raise InvalidValueError(f"The new title {problem}.", "Give another --title; nothing was imported.")
    # Cut to the column's width, as a session created here is.
    return title[: ReviewSession.__table__.c.title.type.length]  # type: ignore[attr-defined]


def _write_document(connection: Connection, data: dict[str, Any], title: str | None, index: rows.IndexFn) -> int:
    """Write a checked document; returns the new session's id."""
    session = rows.decode(data["session"], schema.SESSION)
    if title is not None:
        session["title"] = title
    session_id = rows.write_session(connection, session)
    source_ids = rows.write_sources(connection, session_id, [rows.source_parts(item) for item in data["sources"]])
    for item in data["articles"]:
        article_id, version_ids = rows.write_article(
            connection,
            session_id,
            rows.decode(item, schema.ARTICLE),
            [(v["id"], rows.decode(v, schema.ARTICLE_VERSION)) for v in item["versions"]],
        )
        rows.write_claims(
            connection, article_id, version_ids, source_ids, [rows.claim_parts(c) for c in item["claims"]], index
        )
    return session_id
