"""Import a session JSON file (``json_export``'s format) as a new session.

The whole file is read and checked before anything is written, and
everything is written in one transaction: a corrupt file, a newer format or
some other JSON is refused with a message, and the database is left as it was.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from sqlalchemy import Connection, Table, insert

from workbench.domain.errors import NotFoundError
from workbench.domain.kinds import ClaimKind, ClaimStatus, Stance
from workbench.domain.scales import get_scale
from workbench.export import session_schema as schema
from workbench.export.errors import SessionFileError
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


def import_session_file(db: Database, file: IO[str] | IO[bytes], *, title: str | None = None) -> SessionSummary:
    """Read a session file and store it as a new session."""
    return import_session(db, read_document(file), title=title)


def read_document(file: IO[str] | IO[bytes]) -> dict[str, Any]:
    """The file's JSON, checked to be a session document this version can read."""
    try:
        data = json.load(file)
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
    return check_header(data)


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
    """Store a checked session document as a new session; returns it."""
    data = check_header(data)
    plan = _Plan(data)
    if title is not None:
        plan.session["title"] = title
    with translate_errors(db.location), db.engine.begin() as connection:
        session_id = plan.write(connection)
    return get_session(db, session_id)


class _Plan:
    """The document decoded and checked, ready to insert."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.session = _decode(_object(data, "session", "session"), schema.SESSION, "session")
        try:
            get_scale(self.session["scale"])
        except NotFoundError as error:
            raise SessionFileError(
                f"The session uses the verdict scale '{self.session['scale']}', which this workbench does not have.",
                error.hint + " Nothing was imported.",
            ) from None
        self.sources = [
            (_id(item, f"sources[{i}]"), _decode(item, schema.SOURCE, f"sources[{i}]"))
            for i, item in _items(data, "sources", "")
        ]
        self.articles = [
            self._article(item, f"articles[{i}]") for i, item in _items(data, "articles", "")
        ]
        source_ids = {source_id for source_id, _ in self.sources}
        for _article, _versions, claims in self.articles:
            for where, _claim_id, _version, _row, evidence, _history in claims:
                for n, (source_id, _row2) in enumerate(evidence):
                    if source_id not in source_ids:
                        raise damaged(f"{where}.evidence[{n}] names source {source_id}, which is not in the file")

    def _article(self, item: dict[str, Any], where: str) -> tuple[dict[str, Any], list[Any], list[Any]]:
        article = _decode(item, schema.ARTICLE, where)
        versions = [
            (_id(v, f"{where}.versions[{n}]"), _decode(v, schema.ARTICLE_VERSION, f"{where}.versions[{n}]"))
            for n, v in _items(item, "versions", where)
        ]
        if not versions:
            raise damaged(f"{where} has no versions (no text)")
        version_ids = {version_id for version_id, _ in versions}
        claims = []
        for n, claim in _items(item, "claims", where):
            at = f"{where}.claims[{n}]"
            row = _decode(claim, schema.CLAIM, at)
            _check_claim(row, at)
            version_id = claim.get("article_version_id")
            if version_id is not None and version_id not in version_ids:
                raise damaged(f"{at} refers to article version {version_id}, which is not in the file")
            evidence: list[tuple[Any, dict[str, Any]]] = []
            for k, link in _items(claim, "evidence", at):
                if any(link.get("source_id") == seen for seen, _ in evidence):
                    raise damaged(f"{at}.evidence[{k}] links source {link.get('source_id')} twice")
                link_row = _decode(link, schema.EVIDENCE, f"{at}.evidence[{k}]")
                if link_row["stance"] not in {s.value for s in Stance}:
                    raise damaged(f"{at}.evidence[{k}].stance '{link_row['stance']}' is not a stance")
                evidence.append((link.get("source_id"), link_row))
            history = [
                _decode(h, schema.HISTORY, f"{at}.history[{k}]") for k, h in _items(claim, "history", at)
            ]
            claims.append((at, _id(claim, at), version_id, row, evidence, history))
        return article, versions, claims

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
                    for _, _, version_id, row, _, _ in claims
                ],
            )
            evidence = [
                {**row, "claim_id": claim_id, "source_id": source_ids[source_id]}
                for claim_id, claim in zip(claim_ids, claims, strict=True)
                for source_id, row in claim[4]
            ]
            history = [
                {**row, "claim_id": claim_id}
                for claim_id, claim in zip(claim_ids, claims, strict=True)
                for row in claim[5]
            ]
            _insert(connection, Evidence, evidence)
            _insert(connection, ClaimHistory, history)
            # Core inserts bypass the ORM listener that keeps claim memory
            # current, so imported claims are indexed here, in the same transaction.
            write_index(
                connection,
                [
                    (claim_id, row["kind"], row["value"], row["unit"], row["wording"], row["text"])
                    for claim_id, (_, _, _, row, _, _) in zip(claim_ids, claims, strict=True)
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


def _check_claim(row: dict[str, Any], where: str) -> None:
    if row["kind"] not in {k.value for k in ClaimKind}:
        raise damaged(f"{where}.kind '{row['kind']}' is not a kind of claim")
    if row["status"] not in {s.value for s in ClaimStatus}:
        raise damaged(f"{where}.status '{row['status']}' is not a claim status")
    if not 0 <= row["start"] < row["end"]:
        raise damaged(f"{where} has an empty or reversed span ({row['start']}–{row['end']})")


def _decode(item: dict[str, Any], fields: dict[str, schema.Field], where: str) -> dict[str, Any]:
    return {name: schema.decode(kind, item.get(name), f"{where}.{name}") for name, kind in fields.items()}


def _id(item: dict[str, Any], where: str) -> int:
    value = item.get("id")
    if not isinstance(value, int) or isinstance(value, bool):
        raise damaged(f"{where}.id should be a whole number")
    return value


def _object(data: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise damaged(f"'{where}' is missing or not an object")
    return value


def _items(data: dict[str, Any], key: str, where: str) -> Iterator[tuple[int, dict[str, Any]]]:
    value = data.get(key)
    path = f"{where}.{key}" if where else key
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise damaged(f"'{path}' is missing or not a list of objects")
    return iter(enumerate(value))

