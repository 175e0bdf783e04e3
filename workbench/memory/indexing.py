"""Keep the claim memory index current: keys and tokens written with the claim.

Indexing is explicit, never a hook on every session of the process. Storage
owns the tables (``workbench.storage.memory_models``) but not the
normaliser, which needs the detector's number and equipment parsers; so the
layer above storage calls ``index_claims`` after each write that changes
what a claim says, in the same session, before it commits: the index can
never disagree with a committed claim. The write paths:

- import and re-detection (``services.importing``), claim add, edit, move and
  restore (``services.claim_edits``), re-check and accepting a re-anchoring
  (``recheck.carry_over``), session-file import (``export.session_rows``);
- a duplicated session copies its claims' index rows, and a removed article
  comes back with its rows (storage does both: the rows are copied, not
  computed); a deleted claim takes its rows along (``ON DELETE CASCADE``);
- a database upgraded from before the memory existed is indexed when it is
  opened (``services.database``).

Rows go out as multi-row inserts of a few hundred claims each, so storing
thousands of detected claims takes a handful of round trips.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from workbench.kinds import KINDS
from workbench.memory.normalise import token_set
from workbench.storage.memory_models import KEY_LENGTH, TOKEN_LENGTH, ClaimKey, ClaimToken
from workbench.storage.models import Claim

# A change to any of these changes what the claim says.
INDEXED_FIELDS = ("kind", "value", "unit", "wording", "text")


def claim_index_rows(kind: str, value: Any, unit: str | None, wording: str, text: str) -> tuple[set[str], set[str]]:
    """The keys and tokens one claim is indexed under."""
    said = wording or text
    keys = {k[:KEY_LENGTH] for k in KINDS.claim_keys(kind, value, unit, said)}
    if wording and wording != text:
        keys |= {k[:KEY_LENGTH] for k in KINDS.claim_keys(kind, value, unit, text)}
    return keys, {t[:TOKEN_LENGTH] for t in token_set(said)}


def write_index(connection: Connection, claims: Iterable[tuple[int, str, Any, str | None, str, str]], *, replace: bool) -> None:
    """Index ``(id, kind, value, unit, wording, text)`` rows; ``replace`` drops old rows first."""
    key_rows: list[dict[str, Any]] = []
    token_rows: list[dict[str, Any]] = []
    ids: list[int] = []
    for claim_id, kind, value, unit, wording, text in claims:
        ids.append(claim_id)
        keys, words = claim_index_rows(kind, value, unit, wording, text)
        key_rows.extend({"claim_id": claim_id, "key": k} for k in sorted(keys))
        token_rows.extend({"claim_id": claim_id, "token": t} for t in sorted(words))
    if not ids:
        return
    if replace:
        for chunk in _chunks(ids, 500):
            connection.execute(delete(ClaimKey).where(ClaimKey.claim_id.in_(chunk)))
            connection.execute(delete(ClaimToken).where(ClaimToken.claim_id.in_(chunk)))
    if key_rows:
        connection.execute(insert(ClaimKey), key_rows)
    if token_rows:
        connection.execute(insert(ClaimToken), token_rows)


def index_claims(session: Session, claim_ids: Iterable[int], *, new: bool = False) -> None:
    """(Re)index the given claims inside an open ORM session; ``new``: they have no rows yet."""
    ids = sorted(set(claim_ids))
    # A few hundred claims per insert: one insert of a whole long read's rows
    # runs in SQLite's C loop and keeps the window's thread waiting for the
    # interpreter lock (see storage.claims.FLUSH_EVERY).
    for chunk in _chunks(ids, 250):
        rows = session.execute(
            select(Claim.id, Claim.kind, Claim.value, Claim.unit, Claim.wording, Claim.text).where(
                Claim.id.in_(chunk)
            )
        )
        write_index(session.connection(), rows, replace=not new)


def index_unindexed(session: Session, limit: int | None = None) -> int:
    """Index claims stored before the memory existed (no token rows yet); returns how many."""
    has_tokens = select(ClaimToken.claim_id).where(ClaimToken.claim_id == Claim.id).exists()
    query = select(Claim.id).where(~has_tokens).order_by(Claim.id)
    if limit is not None:
        query = query.limit(limit)
    ids = list(session.scalars(query))
    if ids:
        index_claims(session, ids)
    return len(ids)


def _chunks(items: list[int], size: int) -> Iterable[list[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
