"""Checked session-file parts written as rows: the session, its sources, an
article with its versions, and claims with their evidence, history and memory
index. Both the whole-file import and the part-by-part import write through
these, inside the caller's one transaction."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection, Table, insert

from workbench.export import session_schema as schema
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

# Writes the claim-memory index of stored claims inside the same transaction:
# given by the use case (services), since indexing is memory's, not export's.
IndexFn = Callable[[Connection, list[tuple[Any, ...]]], None]

# A claim as the file gives it: its old id, its version's old id (or None),
# its row, its evidence (old source id, row) and its history rows.
ClaimParts = tuple[Any, Any, dict[str, Any], list[tuple[Any, dict[str, Any]]], list[dict[str, Any]]]


def decode(item: dict[str, Any], fields: dict[str, schema.Field]) -> dict[str, Any]:
    return {name: schema.decode(kind, schema.given(item, name), name) for name, kind in fields.items()}


def claim_parts(claim: dict[str, Any]) -> ClaimParts:
    return (
        claim["id"],
        claim.get("article_version_id"),
        decode(claim, schema.CLAIM),
        [(link["source_id"], decode(link, schema.EVIDENCE)) for link in claim["evidence"]],
        [decode(entry, schema.HISTORY) for entry in claim["history"]],
    )


# A source as the file gives it: its old id, its row and its archived copies' rows.
SourceParts = tuple[Any, dict[str, Any], list[dict[str, Any]]]


def source_parts(source: dict[str, Any]) -> SourceParts:
    """A checked source; a file made before sources were archived has no ``snapshots``."""
    return (source["id"], decode(source, schema.SOURCE),
            [decode(snapshot, schema.SNAPSHOT) for snapshot in source.get("snapshots") or []])


def write_session(connection: Connection, row: dict[str, Any]) -> int:
    return insert_rows(connection, ReviewSession, [row])[0]


def write_sources(connection: Connection, session_id: int, sources: Sequence[SourceParts]) -> dict[Any, int]:
    """Store sources and their archived copies; returns their new ids by their ids in the file.

    A session holds one source per address: a file made when the same link
    could be stored twice gets one source, which both ids in the file name,
    and which keeps the archived copies of both.
    """
    first: dict[str, Any] = {}
    for old, row, _ in sources:
        first.setdefault(row["url"], old)
    kept = [(old, row) for old, row, _ in sources if first[row["url"]] == old]
    new_ids = dict(zip(
        [old for old, _ in kept],
        insert_rows(connection, Source, [{**row, "session_id": session_id} for _, row in kept]),
        strict=True,
    ))
    ids = {old: new_ids[first[row["url"]]] for old, row, _ in sources}
    snapshots = [{**snapshot, "source_id": ids[old]} for old, _, copies in sources for snapshot in copies]
    if snapshots:
        insert_rows(connection, SourceSnapshot, snapshots)
    return ids


def write_article(
    connection: Connection, session_id: int, article: dict[str, Any], versions: Sequence[tuple[Any, dict[str, Any]]]
) -> tuple[int, dict[Any, int]]:
    """Store an article and its versions; returns its id and its versions' new ids by old id."""
    article_id = insert_rows(connection, Article, [{**article, "session_id": session_id}])[0]
    new_versions = insert_rows(connection, ArticleVersion, [{**row, "article_id": article_id} for _, row in versions])
    return article_id, dict(zip([old for old, _ in versions], new_versions, strict=True))


def write_claims(
    connection: Connection,
    article_id: int,
    version_ids: dict[Any, int],
    source_ids: dict[Any, int],
    claims: Sequence[ClaimParts],
    index: IndexFn,
) -> None:
    """Store an article's claims with their evidence and history, and index them in claim memory."""
    claim_ids = insert_rows(
        connection,
        Claim,
        [
            {**row, "article_id": article_id, "article_version_id": version_ids.get(version_id)}
            for _, version_id, row, _, _ in claims
        ],
    )
    links: dict[tuple[int, int], dict[str, Any]] = {}
    for claim_id, claim in zip(claim_ids, claims, strict=True):
        for source_id, row in claim[3]:  # a claim citing two copies of one source keeps one link
            links.setdefault((claim_id, source_ids[source_id]), {**row, "claim_id": claim_id, "source_id": source_ids[source_id]})
    insert_rows(connection, Evidence, list(links.values()))
    insert_rows(
        connection,
        ClaimHistory,
        [{**row, "claim_id": claim_id} for claim_id, claim in zip(claim_ids, claims, strict=True) for row in claim[4]],
    )
    index(
        connection,
        [
            (claim_id, row["kind"], row["value"], row["unit"], row["wording"], row["text"])
            for claim_id, (_, _, row, _, _) in zip(claim_ids, claims, strict=True)
        ],
    )


def insert_rows(connection: Connection, model: type, rows: list[dict[str, Any]]) -> list[int]:
    """Insert rows in order; returns their new ids in the same order."""
    if not rows:
        return []
    table: Table = model.__table__  # type: ignore[attr-defined]
    result = connection.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows)
    return [row[0] for row in result]
