"""Store a new version of an article and carry its claims over to it, in one transaction.

Storage writes, this module decides: it reads each claim where it was
made, re-anchors it in the new text (``workbench.recheck.anchor``), has
storage record the outcomes, and re-indexes in the claim memory every claim
whose words changed, before the transaction commits.
"""

from __future__ import annotations

from workbench.domain.anchors import Reanchored
from workbench.domain.articles import ExtractedArticle
from workbench.domain.records import ClaimRecord, VersionRecord
from workbench.memory.indexing import index_claims
from workbench.recheck.anchor import reanchor_all
from workbench.storage import versions
from workbench.storage.database import Database


def store_version(
    db: Database, article_id: int, extracted: ExtractedArticle, *, by: str
) -> tuple[VersionRecord, list[Reanchored]]:
    """Add ``extracted`` as the next version and re-anchor every claim of the article on it."""
    with db.session() as session:
        version = versions.add_version_in(session, article_id, extracted)
        results: list[Reanchored] = []
        for made_on in versions.claims_by_version_in(session, article_id, version.id):
            results.extend(reanchor_all(made_on.text, version.text, made_on.anchors))
        versions.record_reanchoring_in(session, article_id, version.id, results, by=by)
        index_claims(session, [r.claim_id for r in results if _words_moved_with(r)])
    return version, sorted(results, key=lambda r: (r.old_start, r.claim_id))


def accept_reanchor(
    db: Database, claim_id: int, *, by: str, start: int | None = None, end: int | None = None
) -> ClaimRecord:
    """The reviewer takes the new wording of a changed claim; its memory keys follow the words."""
    with db.session() as session:
        record = versions.accept_reanchor_in(session, claim_id, by=by, start=start, end=end)
        index_claims(session, [claim_id])
        return record


def _words_moved_with(result: Reanchored) -> bool:
    """The claim follows to the new version with other words (whitespace, quotation marks)."""
    placed = not result.needs_review and result.start is not None
    return placed and result.new_text != result.old_text

