"""Claim memory index: normalised keys and wording tokens of every claim.

Both tables are derived data, rebuilt from a claim whenever its kind, value,
unit, wording or text changes: ``workbench.memory.indexing`` computes the
rows, and its callers write them in the transaction that changed the claim.
They exist so that "has this been checked before?" is an index lookup, not
a scan of every claim, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from workbench.storage.base import Base

KEY_LENGTH = 200
TOKEN_LENGTH = 100


class ClaimKey(Base):
    """A value a claim states, normalised: ``figure:32000:troop``, ``date:2024-03-05``."""

    __tablename__ = "claim_key"

    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claim.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(KEY_LENGTH), primary_key=True, index=True)


class ClaimToken(Base):
    """A content word of a claim's wording (numbers and equipment normalised)."""

    __tablename__ = "claim_token"

    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claim.id", ondelete="CASCADE"), primary_key=True
    )
    token: Mapped[str] = mapped_column(String(TOKEN_LENGTH), primary_key=True, index=True)
