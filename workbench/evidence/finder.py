"""Find the passages of a source that support or contradict a stored claim."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from workbench.domain.errors import NoArticleTextError
from workbench.domain.progress import CancelFn
from workbench.domain.records import ClaimRecord
from workbench.domain.snapshots import ArchivedCopy
from workbench.evidence.rank import Passage, claim_facts, rank_passages
from workbench.kinds import KINDS
from workbench.storage.articles import get_article
from workbench.storage.claims import get_claim
from workbench.storage.database import Database
from workbench.storage.sources import source_location

DEFAULT_TOP = 5


@dataclass(frozen=True, slots=True)
class EvidenceResult:
    claim_id: int
    source: str
    passages: list[Passage]
    # The source's own title and publisher, read from the page just searched:
    # quoting it stores them without fetching the page again.
    title: str = ""
    publisher: str = ""
    # The page as fetched for the search: quoting it archives this copy, the one the
    # reviewer read, instead of fetching the page again. None for a file or given text.
    copy: ArchivedCopy | None = None


def find_evidence(db: Database, claim_id: int, source: str, *, top: int = DEFAULT_TOP,
                  text: str | None = None, cancel: CancelFn | None = None) -> EvidenceResult:
    """Rank the passages of ``source`` (a URL or file, fetched and extracted, or ``text``).

    Raises ``NotFoundError`` for a missing claim and an ``IngestError`` for a
    source that cannot be fetched or has no text (``FetchCancelledError`` once
    ``cancel()`` is true); nothing is stored.
    """
    claim = get_claim(db, claim_id)
    published = _iso_date(get_article(db, claim.article_id).published)
    source_published = None
    details = None
    copy = None
    if text is None:
        from workbench.ingest.archive import copy_of_article
        from workbench.ingest.link_details import details_from_article
        from workbench.ingest.load import load_source

        extracted = load_source(source, cancel=cancel)
        text, source_published = extracted.text, _iso_date(extracted.published)
        details = details_from_article(extracted, source)
        if extracted.provenance.http_status is not None:  # fetched from the web, not read from a file
            copy = copy_of_article(source_location(source), extracted)
    if not text.strip():
        raise NoArticleTextError(
            f"{source} has no text to search.", "Try another link or file, or paste the passage."
        )
    passages = rank_claim(claim, text, top=top, published=published, source_published=source_published)
    if details is None:
        return EvidenceResult(claim_id, source, passages)
    return EvidenceResult(claim_id, source, passages, title=details.title, publisher=details.publisher, copy=copy)


def rank_claim(claim: ClaimRecord, text: str, *, top: int = DEFAULT_TOP, published: date | None = None,
               source_published: date | None = None) -> list[Passage]:
    """Each text's own date resolves its relative dates ("on Tuesday")."""
    facts = claim_facts(
        claim.wording or claim.text, kind=claim.kind, value=claim.value, unit=claim.unit,
        published=published, context="" if claim.wording else _context(claim),
    )
    return rank_passages(facts, text, top=top, published=source_published or published)


def _context(claim: ClaimRecord) -> str:
    """The whole words either side of a short span: "32,000 troops" is about Brest."""
    if not KINDS.states_value(claim.kind):
        return ""
    before = claim.prefix.split(maxsplit=1)[-1] if " " in claim.prefix.strip() else ""
    after = claim.suffix.rsplit(maxsplit=1)[0] if " " in claim.suffix.strip() else ""
    return f"{before} {after}".strip()


def _iso_date(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None
