"""ORM rows to records."""

from __future__ import annotations

from workbench.domain.records import (
    ArticleRecord,
    ClaimRecord,
    EvidenceRecord,
    HistoryRecord,
    SourceRecord,
)
from workbench.storage.models import Article, Claim, ClaimHistory, Evidence, Source


def article_record(article: Article) -> ArticleRecord:
    version = article.current
    return ArticleRecord(
        id=article.id,
        session_id=article.session_id,
        position=article.position,
        source=article.source,
        version_id=version.id,
        version_number=version.number,
        version_count=len(article.versions),
        final_url=version.final_url,
        title=version.title,
        authors=list(version.authors or []),
        published=version.published,
        site_name=version.site_name,
        language=version.language,
        text=version.text,
        structure=list(version.structure or []),
        raw_sha256=version.raw_sha256,
        http_status=version.http_status,
        content_type=version.content_type,
        fetched_at=version.fetched_at,
        extractor=version.extractor,
        assignee=article.assignee or "",
    )


def claim_record(claim: Claim, source_count: int | None = None) -> ClaimRecord:
    return ClaimRecord(
        id=claim.id,
        article_id=claim.article_id,
        article_version_id=claim.article_version_id,
        kind=claim.kind,
        start=claim.start,
        end=claim.end,
        text=claim.text,
        prefix=claim.prefix,
        suffix=claim.suffix,
        wording=claim.wording,
        value=claim.value,
        unit=claim.unit,
        speaker=claim.speaker,
        origin=claim.origin,
        status=claim.status,
        verdict=claim.verdict,
        rationale=claim.rationale,
        tags=list(claim.tags or []),
        score=claim.score,
        created_by=claim.created_by,
        created_at=claim.created_at,
        updated_by=claim.updated_by,
        updated_at=claim.updated_at,
        version=claim.version,
        source_count=len(claim.evidence) if source_count is None else source_count,
        anchor_outcome=claim.anchor_outcome,
        anchor_confidence=claim.anchor_confidence,
        anchor_detail=dict(claim.anchor_detail) if claim.anchor_detail else None,
        assignee=claim.assignee or "",
        review_state=claim.review_state or "unstarted",
    )


def source_record(source: Source) -> SourceRecord:
    return SourceRecord(
        id=source.id,
        session_id=source.session_id,
        url=source.url,
        title=source.title,
        publisher=source.publisher,
        published=source.published,
        accessed_at=source.accessed_at,
    )


def evidence_record(evidence: Evidence) -> EvidenceRecord:
    return EvidenceRecord(
        id=evidence.id,
        claim_id=evidence.claim_id,
        source=source_record(evidence.source),
        stance=evidence.stance,
        passage=evidence.passage,
        created_by=evidence.created_by,
        created_at=evidence.created_at,
        version=evidence.version,
    )


def history_record(row: ClaimHistory) -> HistoryRecord:
    return HistoryRecord(
        id=row.id,
        claim_id=row.claim_id,
        at=row.at,
        by=row.by,
        field=row.field,
        old=row.old,
        new=row.new,
        note=row.note,
        db_role=row.db_role,
    )
