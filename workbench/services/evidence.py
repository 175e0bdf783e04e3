"""The evidence finder: the passages of a source that bear most on a claim."""

from __future__ import annotations

from workbench.evidence.finder import EvidenceResult, find_evidence
from workbench.evidence.rank import Passage

__all__ = ["EvidenceResult", "Passage", "find_evidence"]
