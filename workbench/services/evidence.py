"""The evidence finder: the passages of a source that bear most on a claim.

The finder ranks passages with the detectors, which a window needs only when
a reviewer first searches a source: they are imported then, not at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.domain.progress import CancelFn
from workbench.services.database import Database

if TYPE_CHECKING:
    from workbench.evidence.finder import EvidenceResult
    from workbench.evidence.rank import Passage

__all__ = ["EvidenceResult", "Passage", "find_evidence"]


def find_evidence(db: Database, claim_id: int, source: str, *, top: int | None = None,
                  text: str | None = None, cancel: CancelFn | None = None) -> EvidenceResult:
    """Rank the passages of ``source`` (a URL or file, fetched and extracted, or ``text``)."""
    from workbench.evidence import finder

    return finder.find_evidence(db, claim_id, source, top=finder.DEFAULT_TOP if top is None else top,
                                text=text, cancel=cancel)
