"""Import a session JSON file (``json_export``'s format) as a new session.

The whole file is read (up to ``MAX_FILE_BYTES``) and checked before
anything is written, and everything is written in one transaction: a corrupt
or hostile file, a newer format or some other JSON is refused with a message
naming its first problems, and the database is left as it was.
"""

from __future__ import annotations

import json
import re
from typing import IO, Any

from sqlalchemy import Connection, Table, insert

from workbench.domain.errors import InvalidValueError, SessionFileError
from workbench.export import session_schema as schema
from workbench.export import session_values as values
from workbench.export.session_checks import check_document
from workbench.export.session_schema import damaged
from workbench.memory.indexing import write_index
from workbench.storage.database import Database, translate_errors
from workbench.storage.models import (
    Article,
    ArticleVersion,
    Claim,
    ClaimHistory,
    Evidence,
    ReviewSession,
    Source,
)
from workbench.storage.records import SessionSummary
from workbench.storage.sessions import get_session

# A session of a few dozen articles with their original pages is a few MB;
# reading a file means holding it, its parsed form and its rows in memory at
# once (several times its size), so larger files are refused up front.
MAX_FILE_BYTES = 64 * 1024 * 1024
# Parsed JSON costs up to ~70 bytes per value whatever its size in the file
# ("[]," is 3 bytes, its list 56 + 8), so 64 MB of empty lists would need
# 1.5 GB. A real export near the size cap holds about 2.5 million values;
# larger files have their values counted before parsing (below that size the
# parse itself stays under ~300 MB).
MAX_VALUES = 4_000_000
COUNT_VALUES_ABOVE = 8 * 1024 * 1024
# A JSON string, escapes included: removed before counting the structure's
# commas and brackets, so the text of an article does not count.
_STRING_BYTES = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
_STRING_TEXT = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')


def import_session_file(db: Database, file: IO[str] | IO[bytes], *, title: str | None = None) -> SessionSummary:
    """Read a session file and store it as a new session."""
    return import_session(db, read_document(file), title=title)


def read_document(file: IO[str] | IO[bytes]) -> dict[str, Any]:
    """The file's JSON, checked to be a session document this version can read.

    At most ``MAX_FILE_BYTES`` are read, so a huge file or a device is refused
    before it fills memory.
    """
    content = file.read(MAX_FILE_BYTES + 1)
    if len(content) > MAX_FILE_BYTES:
        raise SessionFileError(
            f"The session file is larger than {_size(MAX_FILE_BYTES)}, "
            "more than this workbench imports at once.",
            "Export the session in parts (`workbench export SESSION --format json --article ID`) "
            "and import each; nothing was imported.",
        )
    if len(content) > COUNT_VALUES_ABOVE and _count_values(content) > MAX_VALUES:
        raise SessionFileError(
            f"The session file holds more than {MAX_VALUES:,} values (numbers, texts, lists "
            "and objects), more than this workbench imports at once.",
            "Export the session in parts (`workbench export SESSION --format json --article ID`) "
            "and import each; nothing was imported.",
        )
    try:
        data = json.loads(content)
    except json.JSONDecodeError as error:
        raise SessionFileError(
            f"The file is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg}); "
            "it may be damaged or cut short.",
            "Export the session again; nothing was imported.",
        ) from None
    except UnicodeDecodeError:
        raise SessionFileError(
            "The file is not a text (JSON) file.",
            "Choose a .json file exported by the workbench; nothing was imported.",
        ) from None
    except RecursionError:
        # The C parser stops cleanly at Python's recursion limit; a session
        # file is never nested more than a few levels deep.
        raise damaged(f"it is nested more than {values.MAX_DEPTH} levels deep") from None
    except ValueError:
        # An integer of more than 4,300 digits (Python's guard against slow conversion).
        raise damaged("it holds a number with thousands of digits") from None
    return check_header(data)


def _count_values(content: str | bytes) -> int:
    """About how many values the JSON holds: its commas and opening brackets outside strings."""
    if isinstance(content, bytes):
        bare_bytes = _STRING_BYTES.sub(b"", content)
        return bare_bytes.count(b",") + bare_bytes.count(b"[") + bare_bytes.count(b"{")
    bare = _STRING_TEXT.sub("", content)
    return bare.count(",") + bare.count("[") + bare.count("{")


def check_header(data: Any) -> dict[str, Any]:
    if not isinstance(data, dict) or data.get("format") != schema.FORMAT:
        raise SessionFileError(
            "This JSON file is not a workbench session export"
            + (f" (its format is '{data['format']}')." if isinstance(data, dict) and isinstance(data.get("format"), str) else "."),
            "Choose a file made with `workbench export SESSION --format json` "
            "(ClaimReview and CSV exports cannot be imported); nothing was imported.",
        )
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise damaged(f"its format version is {version!r}")
    if version > schema.VERSION:
        raise SessionFileError(
            f"The session file uses format version {version}, newer than this workbench reads "
            f"(version {schema.VERSION}).",
            "Update the workbench on this machine, then import again; nothing was imported.",
        )
    return data


def import_session(db: Database, data: dict[str, Any], *, title: str | None = None) -> SessionSummary:
    """Store a session document as a new session; returns it.

    Everything is checked first (``session_checks``), so a bad file is refused
    before the first write; the write itself is one transaction.
    """
    data = check_header(data)
    check_document(data, postgres=db.engine.dialect.name == "postgresql")
    plan = _Plan(data)
    if title is not None:
        plan.session["title"] = _new_title(title)
    with translate_errors(db.location), db.engine.begin() as connection:
        session_id = plan.write(connection)
    return get_session(db, session_id)


def _new_title(title: str) -> str:
    problem = values.text_problem(title, None, nul_allowed=False)
    if problem:
        raise InvalidValueError(f"The new title {problem}.", "Give another --title; nothing was imported.")
    # Cut to the column's width, as a session created here is.
    return title[: ReviewSession.__table__.c.title.type.length]  # type: ignore[attr-defined]


class _Plan:
    """A checked document as rows, ready to insert."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.session = _decode(data["session"], schema.SESSION)
        self.sources = [(item["id"], _decode(item, schema.SOURCE)) for item in data["sources"]]
        self.articles = [self._article(item) for item in data["articles"]]

    @staticmethod
    def _article(item: dict[str, Any]) -> tuple[dict[str, Any], list[Any], list[Any]]:
        versions = [(v["id"], _decode(v, schema.ARTICLE_VERSION)) for v in item["versions"]]
        claims = [
            (
                claim["id"],
                claim.get("article_version_id"),
                _decode(claim, schema.CLAIM),
                [(link["source_id"], _decode(link, schema.EVIDENCE)) for link in claim["evidence"]],
                [_decode(entry, schema.HISTORY) for entry in claim["history"]],
            )
            for claim in item["claims"]
        ]
        return _decode(item, schema.ARTICLE), versions, claims

    def write(self, connection: Connection) -> int:
        session_id = _insert(connection, ReviewSession, [self.session])[0]
        source_ids = dict(
            zip(
                [old for old, _ in self.sources],
                _insert(connection, Source, [{**row, "session_id": session_id} for _, row in self.sources]),
                strict=True,
            )
        )
        for article, versions, claims in self.articles:
            article_id = _insert(connection, Article, [{**article, "session_id": session_id}])[0]
            new_versions = _insert(
                connection, ArticleVersion, [{**row, "article_id": article_id} for _, row in versions]
            )
            version_ids = dict(zip([old for old, _ in versions], new_versions, strict=True))
            claim_ids = _insert(
                connection,
                Claim,
                [
                    {**row, "article_id": article_id, "article_version_id": version_ids.get(version_id)}
                    for _, version_id, row, _, _ in claims
                ],
            )
            evidence = [
                {**row, "claim_id": claim_id, "source_id": source_ids[source_id]}
                for claim_id, claim in zip(claim_ids, claims, strict=True)
                for source_id, row in claim[3]
            ]
            history = [
                {**row, "claim_id": claim_id}
                for claim_id, claim in zip(claim_ids, claims, strict=True)
                for row in claim[4]
            ]
            _insert(connection, Evidence, evidence)
            _insert(connection, ClaimHistory, history)
            # Core inserts bypass the ORM listener that keeps claim memory
            # current, so imported claims are indexed here, in the same transaction.
            write_index(
                connection,
                [
                    (claim_id, row["kind"], row["value"], row["unit"], row["wording"], row["text"])
                    for claim_id, (_, _, row, _, _) in zip(claim_ids, claims, strict=True)
                ],
                replace=False,
            )
        return session_id


def _insert(connection: Connection, model: type, rows: list[dict[str, Any]]) -> list[int]:
    """Insert rows in order; returns their new ids in the same order."""
    if not rows:
        return []
    table: Table = model.__table__  # type: ignore[attr-defined]
    result = connection.execute(
        insert(table).returning(table.c.id, sort_by_parameter_order=True), rows
    )
    return [row[0] for row in result]


def _decode(item: dict[str, Any], fields: dict[str, schema.Field]) -> dict[str, Any]:
    return {name: schema.decode(kind, item.get(name), name) for name, kind in fields.items()}


def _size(count: int) -> str:
    return f"{count // (1024 * 1024)} MB" if count >= 1024 * 1024 else f"{count} bytes"
