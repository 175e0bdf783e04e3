"""The session JSON format: its name, version and the fields of each part.

Export and import both read these lists, so the two cannot drift apart; a
test checks that every stored column is either listed here, is an id the
format expresses as a reference, or is left out on purpose (``NOT_EXPORTED``). Documented in docs/session-json.md.

The importer checks a whole document against these lists and the rules of
``session_checks`` before it decodes anything, so ``decode`` refusing a value
is only a backstop.
"""

from __future__ import annotations

import base64
import binascii
from datetime import datetime
from enum import Enum
from typing import Any

from workbench.domain.errors import SessionFileError

FORMAT = "factcheck-workbench-session"
VERSION = 1


class Field(Enum):
    TEXT = "text"
    OPTIONAL_TEXT = "text or null"
    INT = "a whole number"
    OPTIONAL_INT = "a whole number or null"
    OPTIONAL_NUMBER = "a number or null"
    OPTIONAL_BOOL = "true, false or null"
    TIME = "an ISO 8601 date and time with time zone"
    JSON = "any JSON value"
    TEXT_LIST = "a list of texts"
    OBJECT = "an object"
    OBJECT_LIST = "a list of objects"
    BYTES = "base64 text"


SESSION = {
    "title": Field.TEXT,
    "reviewer": Field.TEXT,
    "notes": Field.TEXT,
    "scale": Field.TEXT,
    "ui_state": Field.OBJECT,
    "created_at": Field.TIME,
    "updated_at": Field.TIME,
}
SOURCE = {
    "url": Field.TEXT,
    "title": Field.TEXT,
    "publisher": Field.TEXT,
    "published": Field.OPTIONAL_TEXT,
    "accessed_at": Field.TIME,
}
# Archived copies of a source, oldest first, as ``sources[].snapshots`` (absent in older files).
SNAPSHOT = {
    "fetched_at": Field.TIME,
    "fetched_by": Field.TEXT,
    "http_status": Field.OPTIONAL_INT,
    "content_type": Field.OPTIONAL_TEXT,
    "final_url": Field.OPTIONAL_TEXT,
    "sha256": Field.OPTIONAL_TEXT,
    "raw_zlib": Field.BYTES,
    "text": Field.TEXT,
    "title": Field.TEXT,
    "publisher": Field.TEXT,
    "published": Field.OPTIONAL_TEXT,
    "text_missing": Field.OPTIONAL_TEXT,
    "error": Field.OPTIONAL_TEXT,
}
ARTICLE = {
    "position": Field.INT,
    "source": Field.TEXT,
    "assignee": Field.TEXT,
    "created_at": Field.TIME,
    "updated_at": Field.TIME,
}
ARTICLE_VERSION = {
    "number": Field.INT,
    "final_url": Field.OPTIONAL_TEXT,
    "title": Field.OPTIONAL_TEXT,
    "authors": Field.TEXT_LIST,
    "published": Field.OPTIONAL_TEXT,
    "site_name": Field.OPTIONAL_TEXT,
    "language": Field.OPTIONAL_TEXT,
    "text": Field.TEXT,
    "structure": Field.OBJECT_LIST,
    "raw_zlib": Field.BYTES,
    "raw_sha256": Field.TEXT,
    "http_status": Field.OPTIONAL_INT,
    "content_type": Field.OPTIONAL_TEXT,
    "fetched_at": Field.TIME,
    "extractor": Field.TEXT,
}
CLAIM = {
    "kind": Field.TEXT,
    "start": Field.INT,
    "end": Field.INT,
    "text": Field.TEXT,
    "prefix": Field.TEXT,
    "suffix": Field.TEXT,
    "wording": Field.TEXT,
    "value": Field.JSON,
    "unit": Field.OPTIONAL_TEXT,
    "speaker": Field.OPTIONAL_TEXT,
    "origin": Field.TEXT,
    "status": Field.TEXT,
    "verdict": Field.OPTIONAL_TEXT,
    "rationale": Field.TEXT,
    "tags": Field.TEXT_LIST,
    "score": Field.OPTIONAL_NUMBER,
    "created_by": Field.TEXT,
    "created_at": Field.TIME,
    "updated_by": Field.TEXT,
    "updated_at": Field.TIME,
    "version": Field.INT,
    "anchor_outcome": Field.OPTIONAL_TEXT,
    "anchor_confidence": Field.OPTIONAL_NUMBER,
    "anchor_detail": Field.JSON,
    "assignee": Field.TEXT,
    "review_state": Field.TEXT,
}
EVIDENCE = {
    "stance": Field.TEXT,
    "passage": Field.TEXT,
    "created_by": Field.TEXT,
    "created_at": Field.TIME,
    # What the last re-check of the source found for the link; null in older files.
    "source_check": Field.OPTIONAL_TEXT,
    "passage_found": Field.OPTIONAL_BOOL,
}
# Stored columns the format leaves out on purpose, by table: a deleted claim,
# a removed article or a deleted session (their tombstones) is in no export, and a source link's edit counter starts
# again with the link in the database it is imported into.
NOT_EXPORTED = {
    "claim": {"deleted_at", "deleted_by"}, "article": {"removed_at", "removed_by"},
    "review_session": {"deleted_at", "deleted_by"}, "evidence": {"version"},
}
HISTORY = {
    "at": Field.TIME,
    "by": Field.TEXT,
    "field": Field.TEXT,
    "old": Field.JSON,
    "new": Field.JSON,
    "note": Field.TEXT,
    # The database role that wrote the row (PostgreSQL); null on SQLite and in older files.
    "db_role": Field.OPTIONAL_TEXT,
}


# Fields added to version 1 after files were written without them: a file
# that lacks one gets this value (so older files import, with no version bump).
ADDED_LATER: dict[str, Any] = {
    "assignee": "",  # article and claim: nobody
    "review_state": "unstarted",  # claim
}


def given(item: dict[str, Any], name: str) -> Any:
    """A field's value in a file: as given, else its value for files made before it existed, else None."""
    return item[name] if name in item else ADDED_LATER.get(name)


def encode(kind: Field, value: Any) -> Any:
    """A stored value as JSON."""
    if value is None:
        return None
    if kind is Field.TIME:
        return value.isoformat()
    if kind is Field.BYTES:
        return base64.b64encode(value).decode("ascii")
    return value


def decode(kind: Field, value: Any, where: str) -> Any:
    """A JSON value as stored; a ``SessionFileError`` naming ``where`` if it is wrong."""
    if value is None and kind in (
        Field.OPTIONAL_TEXT, Field.OPTIONAL_INT, Field.OPTIONAL_NUMBER, Field.OPTIONAL_BOOL, Field.JSON
    ):
        return None
    if kind is Field.OPTIONAL_BOOL and isinstance(value, bool):
        return value
    if kind in (Field.TEXT, Field.OPTIONAL_TEXT) and isinstance(value, str):
        return value
    if kind in (Field.INT, Field.OPTIONAL_INT) and _is_int(value):
        return value
    if kind is Field.OPTIONAL_NUMBER and (_is_int(value) or isinstance(value, float)):
        return value
    if kind is Field.JSON:
        return value
    if kind is Field.TEXT_LIST and isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    if kind is Field.OBJECT and isinstance(value, dict):
        return value
    if kind is Field.OBJECT_LIST and isinstance(value, list) and all(isinstance(v, dict) for v in value):
        return value
    if kind is Field.TIME and isinstance(value, str):
        return _time(value, where)
    if kind is Field.BYTES and isinstance(value, str):
        try:
            return base64.b64decode(value.encode("ascii"), validate=True)
        except (binascii.Error, UnicodeEncodeError):
            pass
    raise damaged(f"{where} should be {kind.value}, not {_describe(value)}")


def damaged(detail: str) -> SessionFileError:
    return SessionFileError(
        f"The session file is damaged: {detail}.",
        "Export the session again from the workbench that made it; nothing was imported.",
    )


def not_valid_json(where: str) -> SessionFileError:
    """The file does not parse; ``where`` says where, as its parser tells it."""
    return SessionFileError(
        f"The file is not valid JSON ({where}); it may be damaged or cut short.",
        "Export the session again; nothing was imported.",
    )


def not_text() -> SessionFileError:
    return SessionFileError(
        "The file is not a text (JSON) file.",
        "Choose a .json file exported by the workbench; nothing was imported.",
    )


def _time(value: str, where: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise damaged(f"{where} is not a date and time ('{value[:40]}')") from None
    if moment.tzinfo is None:
        raise damaged(f"{where} has no time zone ('{value[:40]}')")
    return moment


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _describe(value: Any) -> str:
    if value is None:
        return "missing or null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return f"the text '{value[:40]}'"
    return type(value).__name__.replace("dict", "an object").replace("list", "a list")
