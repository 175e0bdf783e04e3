"""Re-check articles: fetch or read them again, store what changed, re-anchor the claims.

One article's trouble (page gone, redirected to a home page, paywalled,
host unreachable) is a ``failed`` result for that article with the stored
versions untouched; the rest of the session is still re-checked.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from workbench.domain.anchors import Reanchored
from workbench.domain.articles import ExtractedArticle
from workbench.domain.errors import CancelledError, FetchCancelledError, WorkbenchError
from workbench.domain.progress import CancelFn, ProgressFn, check, no_progress
from workbench.domain.records import AnchorState, ArticleRecord, ClaimRecord, VersionRecord
from workbench.recheck import carry_over
from workbench.recheck.diff import ClaimChange, Comparison, metadata_changes, text_changes
from workbench.recheck.textmap import TextMap
from workbench.storage import articles, versions
from workbench.storage.database import Database

log = logging.getLogger(__name__)

# A loader is ``load_source(source, cancel=..., progress=...)``; tests may pass another.
Loader = Callable[..., ExtractedArticle]

UNCHANGED, CHANGED, FAILED = "unchanged", "changed", "failed"
# Sources with nothing to fetch again: pasted text and standard input.
NOT_REFETCHABLE = ("pasted text", "-")
# Below this share of shared text a different address means another page.
SAME_PAGE_SIMILARITY = 0.5
# A page that kept less than this share of its text is likely a paywall or error page.
SHRUNK_TO = 0.3


@dataclass(frozen=True, slots=True)
class ClaimOutcome:
    id: int
    outcome: str
    confidence: float
    old_text: str
    new_text: str | None


@dataclass(frozen=True, slots=True)
class RecheckResult:
    article_id: int
    url: str
    status: str  # unchanged, changed or failed
    error: str | None = None
    metadata_changes: dict[str, list[Any]] = field(default_factory=dict)
    claims: list[ClaimOutcome] = field(default_factory=list)
    version_number: int | None = None  # the newest version after the re-check

    def as_json(self) -> dict[str, Any]:
        """The command line's contract, one object per article."""
        return {
            "article": self.article_id,
            "url": self.url,
            "status": self.status,
            "error": self.error,
            "metadata_changes": self.metadata_changes,
            "claims": [
                {
                    "id": c.id,
                    "outcome": c.outcome,
                    "confidence": c.confidence,
                    "old_text": c.old_text,
                    "new_text": c.new_text,
                }
                for c in self.claims
            ],
        }


def recheck_article(
    db: Database,
    article_id: int,
    *,
    by: str,
    cancel: CancelFn | None = None,
    progress: ProgressFn = no_progress,
    loader: Loader | None = None,
    force: bool = False,
) -> RecheckResult:
    """Fetch the article's source again; store a new version only if text or metadata differ.

    ``force`` stores the new text even when it looks like another page (a
    redirect elsewhere, a paywall stub); the reviewer decides that.
    """
    article = articles.get_article(db, article_id)
    url = article.final_url or article.source
    progress(0.05, f"Reading {article.source}")
    try:
        extracted = _load(article, cancel, progress, loader)
        problem = None if force else _looks_like_another_page(article, extracted)
        if problem is not None:
            raise problem
    except (CancelledError, FetchCancelledError):
        raise
    except WorkbenchError as error:
        return RecheckResult(article_id, url, FAILED, error=str(error))
    check(cancel)
    meta = metadata_changes(_metadata(article), _metadata(extracted))
    if extracted.text == article.text and not meta:
        progress(1.0, "Unchanged")
        return RecheckResult(article_id, url, UNCHANGED, version_number=article.version_number)
    progress(0.8, "Saving the new version")
    version, results = carry_over.store_version(db, article_id, extracted, by=by)
    progress(1.0, "Done")
    return RecheckResult(
        article_id,
        version.final_url or url,
        CHANGED,
        metadata_changes=meta,
        claims=[_outcome(r) for r in results],
        version_number=version.number,
    )


def recheck_session(
    db: Database,
    session_id: int,
    *,
    by: str,
    article_ids: list[int] | None = None,
    cancel: CancelFn | None = None,
    progress: ProgressFn = no_progress,
    loader: Loader | None = None,
) -> list[RecheckResult]:
    """Re-check every article of a session (or those named), one after another.

    A cancel stops before the next article and returns what was done; each
    article is stored in its own transaction, so finished ones stay.
    """
    chosen = [a for a in articles.list_articles(db, session_id) if article_ids is None or a.id in article_ids]
    results: list[RecheckResult] = []
    for index, article in enumerate(chosen):
        step = _scaled(progress, index, len(chosen))
        try:
            check(cancel)
            results.append(recheck_article(db, article.id, by=by, cancel=cancel, progress=step, loader=loader))
        except (CancelledError, FetchCancelledError):
            break
        except Exception as error:  # a bug must not stop the rest of the session
            log.exception("re-checking article %s failed", article.id)
            results.append(
                RecheckResult(article.id, article.final_url or article.source, FAILED,
                              error=f"Internal error ({type(error).__name__}); see the log.")
            )
    progress(1.0, "Re-check finished")
    return results


def _scaled(progress: ProgressFn, index: int, count: int) -> ProgressFn:
    """One article's progress as its share of the whole session's."""
    share = 1.0 / max(1, count)

    def step(fraction: float, message: str) -> None:
        progress((index + fraction) * share, f"{index + 1}/{count}: {message}")

    return step


def accept_reanchor(db: Database, claim_id: int, by: str, *, start: int | None = None, end: int | None = None) -> ClaimRecord:
    """Accept the new wording of a changed claim (recorded in its history)."""
    return carry_over.accept_reanchor(db, claim_id, by=by, start=start, end=end)


def dismiss_reanchor(db: Database, claim_id: int, by: str) -> None:
    """Keep a changed or gone claim on the version it was made on (recorded in its history)."""
    versions.keep_old_anchor(db, claim_id, by=by)


def comparison(db: Database, article_id: int, old_number: int | None = None, new_number: int | None = None) -> Comparison:
    """Two versions side by side (default: the last two) and the claims re-anchored between them."""
    new = versions.get_version(db, article_id, new_number)
    old = versions.get_version(db, article_id, old_number if old_number is not None else max(1, new.number - 1))
    affected = [_claim_change(state, old, new) for state in versions.anchor_states(db, article_id)]
    return Comparison(
        old_number=old.number,
        new_number=new.number,
        old_text=old.text,
        new_text=new.text,
        changes=text_changes(old.text, new.text) if old.number != new.number else [],
        metadata_changes=metadata_changes(old.metadata(), new.metadata()),
        claims=[c for c in affected if c is not None],
    )


def _load(article: ArticleRecord, cancel: CancelFn | None, progress: ProgressFn, loader: Loader | None) -> ExtractedArticle:
    if article.source in NOT_REFETCHABLE:
        raise WorkbenchError(
            "This article was pasted in (or read from standard input): there is nothing to fetch again.",
            "Paste the new text as another article to compare by eye.",
        )
    if loader is None:
        from workbench.ingest.load import load_source as loader
    return loader(article.source, cancel=cancel, progress=lambda *_: progress(0.3, "Fetching"))


def _looks_like_another_page(article: ArticleRecord, extracted: ExtractedArticle) -> WorkbenchError | None:
    if extracted.text == article.text:
        return None
    similarity = TextMap(article.text, extracted.text).similarity
    if similarity >= SAME_PAGE_SIMILARITY:
        return None
    new_url = extracted.provenance.final_url or extracted.url
    if new_url and article.final_url and _page_key(new_url) != _page_key(article.final_url):
        return WorkbenchError(
            f"The address now leads to another page ({new_url}).",
            "The article may have been taken down or moved; open the address in a browser. "
            "The stored versions are unchanged.",
        )
    if len(extracted.text) < SHRUNK_TO * len(article.text):
        return WorkbenchError(
            "The page now holds much less text than the stored article "
            f"({len(extracted.text)} characters instead of {len(article.text)}).",
            "It may be behind a paywall or show an error page; open it in a browser. "
            "The stored versions are unchanged.",
        )
    return None


def _page_key(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return (parts.hostname or "").removeprefix("www."), parts.path.rstrip("/")


def _metadata(article: ArticleRecord | ExtractedArticle) -> dict[str, Any]:
    return {
        "title": article.title,
        "published": article.published,
        "authors": list(article.authors),
        "site_name": article.site_name,
    }


def _outcome(result: Reanchored) -> ClaimOutcome:
    return ClaimOutcome(result.claim_id, result.outcome.value, result.confidence, result.old_text, result.new_text)


def _claim_change(state: AnchorState, old: VersionRecord, new: VersionRecord) -> ClaimChange | None:
    """A claim as the comparison shows it, from what the re-check between these versions recorded."""
    detail = state.detail
    if detail.get("to_version") != new.number or detail.get("from_version") != old.number:
        return None
    return ClaimChange(
        claim_id=state.claim_id,
        outcome=state.outcome or "",
        confidence=state.confidence or 0.0,
        old_start=detail["old_start"],
        old_end=detail["old_end"],
        old_text=detail["old_text"],
        new_start=detail.get("start"),
        new_end=detail.get("end"),
        new_text=detail.get("new_text"),
        verdict=state.verdict,
    )
