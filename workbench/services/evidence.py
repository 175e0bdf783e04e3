"""The evidence finder: the passages of a source that bear most on a claim."""

from __future__ import annotations

from workbench.evidence.finder import EvidenceResult, find_evidence

__all__ = ["EvidenceResult", "find_evidence"]
