"""Which claims an export includes: all, only accepted or only approved, by verdict, by kind, by article."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, or_

from workbench.domain.kinds import ClaimStatus, ReviewState, known_kinds, unknown_kind
from workbench.domain.scales import Scale
from workbench.storage.models import Claim


@dataclass(frozen=True, slots=True)
class ExportFilter:
    """Empty sets mean "any". Verdicts are scale keys; the scale's first
    (unreviewed) level stands for claims with no verdict."""

    accepted_only: bool = False
    verdicts: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    article_id: int | None = None
    # Only claims whose review is approved (their verdict is locked): what a desk publishes.
    approved_only: bool = False
    # Only claims with a verdict that were not dismissed: what a printed report shows by default.
    reviewed_only: bool = False

    @classmethod
    def from_user(
        cls,
        scale: Scale,
        *,
        accepted_only: bool = False,
        verdicts: Iterable[str] = (),
        kinds: Iterable[str] = (),
        article_id: int | None = None,
        approved_only: bool = False,
    ) -> ExportFilter:
        """A filter from what a user typed: verdict keys, labels or digits; kind names."""
        return cls(
            accepted_only=accepted_only,
            verdicts=frozenset(scale.resolve(v).key for v in verdicts),
            kinds=frozenset(_kind(k) for k in kinds),
            article_id=article_id,
            approved_only=approved_only,
        )

    def apply(self, query: Select[Any], unreviewed_key: str) -> Select[Any]:
        """Add the filter's conditions to a select over the claim table."""
        claim = Claim.__table__.c
        query = query.where(claim.deleted_at.is_(None))  # a deleted claim (a tombstone) is in no export
        if self.accepted_only:
            query = query.where(claim.status == ClaimStatus.ACCEPTED.value)
        if self.approved_only:
            query = query.where(claim.review_state == ReviewState.APPROVED.value)
        if self.reviewed_only:
            query = query.where(claim.verdict.is_not(None), claim.status != ClaimStatus.DISMISSED.value)
        if self.kinds:
            query = query.where(claim.kind.in_(sorted(self.kinds)))
        if self.article_id is not None:
            query = query.where(claim.article_id == self.article_id)
        if self.verdicts:
            keys = sorted(self.verdicts - {unreviewed_key})
            conditions = [claim.verdict.in_(keys)] if keys else []
            if unreviewed_key in self.verdicts:
                conditions.append(claim.verdict.is_(None))
            query = query.where(or_(*conditions))
        return query

    def describe(self) -> str:
        """For report headers: which claims are shown."""
        parts = ["accepted claims" if self.accepted_only else "all claims"]
        if self.approved_only:
            parts[0] = "approved " + parts[0].removeprefix("all ")
        if self.reviewed_only:
            parts.append("unreviewed and dismissed left out")
        if self.verdicts:
            parts.append("verdict " + ", ".join(sorted(self.verdicts)))
        if self.kinds:
            parts.append("kind " + ", ".join(sorted(self.kinds)))
        if self.article_id is not None:
            parts.append(f"article {self.article_id} only")
        return "; ".join(parts)


def _kind(kind: str) -> str:
    name = kind.strip().lower()
    if name not in known_kinds():  # the kind registry's names
        raise unknown_kind(kind)
    return name
