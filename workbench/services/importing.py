"""Import an article into a session: ingest, store, detect claims, store them as proposed."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from workbench.detect.candidate import Candidate
from workbench.domain.articles import HEADLINE_TAG, ExtractedArticle, headline_span, set_apart_spans
from workbench.domain.errors import NoArticleTextError
from workbench.domain.progress import CancelFn, ProgressFn, check, no_progress
from workbench.domain.records import ArticleRecord, ClaimDraft
from workbench.ingest.article_text import page_without_text
from workbench.memory.indexing import index_claims
from workbench.services import claim_edits
from workbench.storage import articles, claims, sessions
from workbench.storage.convert import article_record
from workbench.storage.database import Database

DETECTOR = "detector"
# The source the demo article is stored under; defined here, not in
# ``services.demo``, so that the window can recognise the demo without loading ingest.
DEMO_SOURCE = "demo article"


@dataclass(frozen=True, slots=True)
class ImportResult:
    article: ArticleRecord
    claims_added: int
    # Why the page holds no article text ("a list of files"), or None for an article.
    no_text_reason: str | None = None
    # The title the session took from this, its first article (``name_session``), or None.
    session_title: str | None = None


def import_source(
    db: Database,
    session_id: int | None,
    source: str,
    *,
    by: str,
    cancel: CancelFn | None = None,
    progress: ProgressFn = no_progress,
    refuse_without_text: bool = False,
    name_session: str | None = None,
    new_session: str | None = None,
) -> ImportResult:
    """Fetch or read ``source`` (URL or path), store it and its proposed claims."""
    from workbench.ingest.load import load_source

    progress(0.05, f"Reading {source}")
    extracted = load_source(source, cancel=cancel)
    check(cancel)
    return store_extracted(
        db, session_id, extracted, by=by, cancel=cancel, progress=progress,
        refuse_without_text=refuse_without_text, name_session=name_session, new_session=new_session,
    )


def import_text(
    db: Database,
    session_id: int | None,
    text: str,
    *,
    by: str,
    source: str = "pasted text",
    cancel: CancelFn | None = None,
    progress: ProgressFn = no_progress,
    name_session: str | None = None,
    new_session: str | None = None,
) -> ImportResult:
    """Store pasted text as an article (first line as title when it looks like one)."""
    from workbench.ingest.text import extract_text

    extracted = extract_text(text, source=source)
    return store_extracted(
        db, session_id, extracted, by=by, cancel=cancel, progress=progress, name_session=name_session,
        new_session=new_session,
    )


def store_extracted(
    db: Database,
    session_id: int | None,
    extracted: ExtractedArticle,
    *,
    by: str,
    cancel: CancelFn | None = None,
    progress: ProgressFn = no_progress,
    refuse_without_text: bool = False,
    name_session: str | None = None,
    new_session: str | None = None,
) -> ImportResult:
    """Store an extracted article and its proposed claims.

    A page without article text is stored all the same, with no claims
    proposed (the window asks the reviewer whether to keep it), unless
    ``refuse_without_text``, when it raises ``NoArticleTextError`` before
    anything is written.

    ``name_session``: the makeshift title a session started for this import
    was given (named after its source). While the session still bears it, it
    takes the article's title in the same transaction, so a quit right after
    the import never leaves the makeshift name; a reviewer's rename or an
    earlier import's title stays.

    ``new_session`` (with ``session_id`` None): no session yet; this import
    makes one, in its own transaction, titled after the article (a page
    without article text: this makeshift title, after its source). A failed
    or cancelled import so leaves no session behind, not even for a moment.
    """
    if (session_id is None) == (new_session is None):
        raise ValueError("store into a session, or make a new one: one of session_id and new_session")
    check(cancel)
    reason = page_without_text(extracted)
    if reason is not None and refuse_without_text:
        raise no_article_text_error(reason)
    progress(0.5, "Finding claims")
    # File names, sizes and dates of a list of files are no claims to review.
    drafts = [] if reason is not None else detect_drafts(
        extracted.text, extracted.published, extracted.blocks, extracted.language
    )
    check(cancel)  # last chance: after this the article is stored
    progress(0.8, "Saving")
    # One transaction: the article, its version, its claims and their memory
    # index are committed together or not at all (a kill, a full disk or a
    # refused claim leaves no article without its claims).
    with db.session() as session:
        if new_session is not None:  # named after its source until the article gives it a title, below
            made = sessions.create_session_in(session, new_session, reviewer=by)
            session_id, name_session = made.id, made.title
        assert session_id is not None
        stored = articles.add_article_in(session, session_id, extracted)
        added = claims.store_detected_in(session, stored.id, drafts, by=DETECTOR)
        index_claims(session, added, new=True)
        article = article_record(stored)
        session_title = None
        if name_session is not None and reason is None:
            title = " ".join(article.display_title.split())[:120]
            if title and sessions.rename_session_in(session, session_id, title, only_from=name_session):
                session_title = title
    progress(1.0, "Done")
    return ImportResult(
        article=article, claims_added=len(added), no_text_reason=reason, session_title=session_title
    )


def no_article_text_error(reason: str) -> NoArticleTextError:
    return NoArticleTextError(
        f"This page has no article text ({reason}).",
        "Open the article's own page, or copy its text in a browser and paste it.",
    )


def redetect(db: Database, article_id: int) -> int:
    """Run detection again on an article; only claims the reviewer does not have are added."""
    article = articles.get_article(db, article_id)
    return claim_edits.store_detected(
        db,
        article_id,
        detect_drafts(article.text, article.published, article.structure, article.language),
        by=DETECTOR,
    )


def detect_drafts(
    text: str, published: str | None, structure: object = (), language: str | None = None
) -> list[ClaimDraft]:
    """Proposed claims; none in captions or bylines, those in the headline tagged as such.

    ``structure``: the text's blocks (``Block``s or stored dicts), when known.
    ``language``: the article's language tag (``en-GB``) when the page gave one;
    detection reads that language's word lists, and English when there are none
    for it or no tag is known.
    """
    from workbench.kinds import detect

    apart = set_apart_spans(structure)
    headline = headline_span(structure)
    drafts = []
    for candidate in detect(text, parse_published(published), language):
        if any(start <= candidate.start < end for start, end in apart):
            continue
        draft = draft_from(candidate)
        if headline and headline[0] <= candidate.start < headline[1]:
            draft = replace(draft, tags=[*draft.tags, HEADLINE_TAG])
        drafts.append(draft)
    return drafts


def draft_from(candidate: Candidate) -> ClaimDraft:
    return ClaimDraft(
        kind=candidate.kind,
        start=candidate.start,
        end=candidate.end,
        value=candidate.value,
        unit=candidate.unit,
        speaker=candidate.speaker,
        score=candidate.score,
    )


def parse_published(published: str | None) -> date | None:
    """The publication day of an ISO 8601 date or datetime, for resolving relative dates."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None
