"""The whole session as JSON: articles with every version, claims, sources, evidence, history.

A documented, versioned shape (docs/session-json.md) that ``json_import``
reads back into any workbench database, so a review moves between machines
without loss. Ids in the file are the exporting database's ids; they tie the
parts together and are replaced by new ones on import.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any, TextIO

from sqlalchemy import Connection, Table, select

from workbench import __version__
from workbench.domain.errors import NotFoundError
from workbench.domain.scales import get_scale
from workbench.export import session_schema as schema
from workbench.export.filters import ExportFilter
from workbench.export.pace import NO_PACE, Pace
from workbench.storage.database import Database, translate_errors
from workbench.storage.models import (
    Article,
    ArticleVersion,
    Claim,
    ClaimHistory,
    Evidence,
    ReviewSession,
    Source,
    SourceSnapshot,
)

_session: Table = ReviewSession.__table__  # type: ignore[assignment]
_article: Table = Article.__table__  # type: ignore[assignment]
_version: Table = ArticleVersion.__table__  # type: ignore[assignment]
_claim: Table = Claim.__table__  # type: ignore[assignment]
_evidence: Table = Evidence.__table__  # type: ignore[assignment]
_history: Table = ClaimHistory.__table__  # type: ignore[assignment]
_source: Table = Source.__table__  # type: ignore[assignment]
_snapshot: Table = SourceSnapshot.__table__  # type: ignore[assignment]


def write_session_json(
    out: TextIO, db: Database, session_id: int, claim_filter: ExportFilter | None = None,
    *, pace: Pace = NO_PACE,
) -> dict[str, Any]:
    """Write the session document; returns it."""
    document = session_document(db, session_id, claim_filter, pace=pace)
    pace.writing()
    json.dump(document, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return document


def session_document(
    db: Database, session_id: int, claim_filter: ExportFilter | None = None, *, pace: Pace = NO_PACE
) -> dict[str, Any]:
    """The session as a JSON-ready dict. A filter narrows the articles and claims."""
    claim_filter = claim_filter or ExportFilter()
    pace.start()
    with translate_errors(db.location), db.engine.connect() as connection:
        session = connection.execute(
            select(*_columns(_session, schema.SESSION, "id")).where(_session.c.id == session_id)
        ).mappings().first()
        if session is None:
            raise NotFoundError(
                f"Session {session_id} does not exist (it may have been deleted).",
                "List the sessions with `workbench sessions`.",
            )
        articles = _articles(connection, session_id, claim_filter, pace)
        return {
            "format": schema.FORMAT,
            "version": schema.VERSION,
            "generator": f"workbench {__version__}",
            "exported_at": datetime.now(UTC).isoformat(),
            "filter": claim_filter.describe(),
            "session": _encode(session, schema.SESSION, "id"),
            "sources": _sources(connection, session_id),
            "articles": articles,
        }


def _sources(connection: Connection, session_id: int) -> list[dict[str, Any]]:
    """The session's sources, each with its archived copies, oldest first."""
    sources = {
        row["id"]: {**_encode(row, schema.SOURCE, "id"), "snapshots": []}
        for row in connection.execute(
            select(*_columns(_source, schema.SOURCE, "id"))
            .where(_source.c.session_id == session_id)
            .order_by(_source.c.id)
        ).mappings()
    }
    for row in connection.execute(
        select(*_columns(_snapshot, schema.SNAPSHOT, "source_id"))
        .join_from(_snapshot, _source, _source.c.id == _snapshot.c.source_id)
        .where(_source.c.session_id == session_id)
        .order_by(_snapshot.c.source_id, _snapshot.c.id)
    ).mappings():
        sources[row["source_id"]]["snapshots"].append(_encode(row, schema.SNAPSHOT))
    return list(sources.values())


def _articles(
    connection: Connection, session_id: int, claim_filter: ExportFilter, pace: Pace
) -> list[dict[str, Any]]:
    # A removed article (its tombstone) is in no export; its claims are deleted, so no filter lists them.
    query = select(*_columns(_article, schema.ARTICLE, "id")).where(
        _article.c.session_id == session_id, _article.c.removed_at.is_(None)
    )
    if claim_filter.article_id is not None:
        query = query.where(_article.c.id == claim_filter.article_id)
    articles = {
        row["id"]: {**_encode(row, schema.ARTICLE, "id"), "versions": [], "claims": []}
        for row in connection.execute(query.order_by(_article.c.position, _article.c.id)).mappings()
    }
    in_session = select(_article.c.id).where(_article.c.session_id == session_id)
    for row in connection.execute(
        select(*_columns(_version, schema.ARTICLE_VERSION, "id", "article_id"))
        .where(_version.c.article_id.in_(in_session))
        .order_by(_version.c.article_id, _version.c.number)
    ).mappings():
        if row["article_id"] in articles:
            articles[row["article_id"]]["versions"].append(
                _encode(row, schema.ARTICLE_VERSION, "id")
            )
    claims = _claims(connection, session_id, claim_filter, pace)
    for claim in claims.values():
        articles[claim.pop("article_id")]["claims"].append(claim)
    return list(articles.values())


def _claims(
    connection: Connection, session_id: int, claim_filter: ExportFilter, pace: Pace
) -> dict[int, dict[str, Any]]:
    query = (
        select(*_columns(_claim, schema.CLAIM, "id", "article_id", "article_version_id"))
        .join_from(_claim, _article, _article.c.id == _claim.c.article_id)
        .where(_article.c.session_id == session_id)
        .order_by(_claim.c.article_id, _claim.c.start, _claim.c.end.desc(), _claim.c.id)
    )
    # The unreviewed key only matters when filtering by verdict; the session's
    # scale is not needed otherwise.
    query = claim_filter.apply(query, _unreviewed_key(connection, session_id))
    claims = {
        row["id"]: {
            **_encode(row, schema.CLAIM, "id", "article_id", "article_version_id"),
            "evidence": [],
            "history": [],
        }
        for row in pace.each(connection.execute(query).mappings())
    }
    in_session = (
        select(_claim.c.id)
        .join_from(_claim, _article, _article.c.id == _claim.c.article_id)
        .where(_article.c.session_id == session_id)
    )
    for table, fields, key in (
        (_evidence, schema.EVIDENCE, "evidence"),
        (_history, schema.HISTORY, "history"),
    ):
        extra = ("claim_id", "source_id") if key == "evidence" else ("claim_id",)
        for row in connection.execute(
            select(*_columns(table, fields, *extra))
            .where(table.c.claim_id.in_(in_session))
            .order_by(table.c.id)
        ).mappings():
            if row["claim_id"] in claims:
                item = _encode(row, fields, *extra)
                del item["claim_id"]
                claims[row["claim_id"]][key].append(item)
    return claims


def _unreviewed_key(connection: Connection, session_id: int) -> str:
    scale = connection.execute(select(_session.c.scale).where(_session.c.id == session_id)).scalar_one()
    return get_scale(scale).levels[0].key


def _columns(table: Table, fields: dict[str, schema.Field], *ids: str) -> list[Any]:
    return [table.c[name] for name in (*ids, *fields)]


def _encode(row: Any, fields: dict[str, schema.Field], *ids: str) -> dict[str, Any]:
    item = {name: row[name] for name in ids}
    item.update({name: schema.encode(kind, row[name]) for name, kind in fields.items()})
    return item
