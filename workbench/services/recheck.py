"""Re-checking articles: fetch them again, store new versions, re-anchor the claims;
what changed, and the reviewer's answer to a claim the re-check flagged."""

from __future__ import annotations

from workbench.recheck.diff import ClaimChange, Comparison
from workbench.recheck.jobs import RecheckJob, recheck_article_job, recheck_session_job
from workbench.recheck.service import (
    FAILED,
    RecheckResult,
    accept_reanchor,
    comparison,
    dismiss_reanchor,
    recheck_session,
)
from workbench.storage.versions import ChangeSummary, change_summary

__all__ = [
    "FAILED", "ChangeSummary", "ClaimChange", "Comparison", "RecheckJob", "RecheckResult", "accept_reanchor", "change_summary",
    "comparison", "dismiss_reanchor", "recheck_article_job", "recheck_session", "recheck_session_job",
]
