"""Snapshots of sources in storage: a duplicated session keeps the archive, a deleted one takes it."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from tests.factories import make_article
from workbench.domain.records import ClaimDraft
from workbench.domain.snapshots import ArchivedCopy
from workbench.services import claim_edits
from workbench.services.edits import apply
from workbench.services.evidence_edits import AttachSource
from workbench.services.snapshots import read_snapshot
from workbench.services.source_watch import flagged_citations
from workbench.storage import articles, claims, sessions, sources
from workbench.storage.models import SourceSnapshot
from workbench.storage.snapshots import (
    add_snapshot_in,
    citations_in,
    list_snapshots,
    record_check_in,
)

PAGE = b"<p>The ministry counted 32,000 soldiers.</p>"
TEXT = "The ministry counted 32,000 soldiers."


def cited_and_archived(db):
    session = sessions.create_session(db, "Archive")
    article = articles.add_article(db, session.id, make_article())
    claim = claim_edits.add_claim(db, article.id, ClaimDraft(kind="figure", start=26, end=46), by="ana")
    link = apply(db, AttachSource(session.id, claim.id, "https://ministry.example/t", passage="32,000 soldiers"),
                 by="ana").links[0]
    with db.session() as orm:
        add_snapshot_in(orm, link.source.id, ArchivedCopy(
            link.source.url, datetime.now(UTC), raw=PAGE, sha256=hashlib.sha256(PAGE).hexdigest(), http_status=200,
            text=TEXT, title="Troops", publisher="Ministry"), by="ana")
        (stored,) = citations_in(orm, link.source.id)
        record_check_in(orm, stored, source_check="changed", passage_found=False, by="bo")
    return session, claim, link


def test_a_snapshot_fills_only_what_the_source_lacks(any_db):
    _session, _claim, link = cited_and_archived(any_db)
    source = sources.list_sources(any_db, link.source.session_id)[0]
    assert (source.title, source.publisher) == ("Troops", "Ministry")


def test_a_duplicated_session_keeps_the_archive_and_the_flags(any_db):
    session, _claim, _link = cited_and_archived(any_db)
    copy = sessions.duplicate_session(any_db, session.id)
    (source,) = sources.list_sources(any_db, copy.id)
    (snapshot,) = list_snapshots(any_db, source.id)
    assert snapshot.sha256 == hashlib.sha256(PAGE).hexdigest()
    assert read_snapshot(any_db, source.id).snapshot.text == TEXT
    (copied_claim,) = claims.list_claims(any_db, session_id=copy.id)
    assert list(flagged_citations(any_db, copy.id)) == [copied_claim.id]  # the flag waits in the copy too


def test_deleting_a_session_without_history_takes_its_archive(sqlite_db):
    session = sessions.create_session(sqlite_db, "Empty")
    source = sources.add_source(sqlite_db, session.id, "https://ministry.example/t")
    with sqlite_db.session() as orm:
        add_snapshot_in(orm, source.id, ArchivedCopy(source.url, datetime.now(UTC), error="HTTP 404"), by="ana")
    sessions.delete_session(sqlite_db, session.id)
    with sqlite_db.reading() as orm:
        assert orm.query(SourceSnapshot).count() == 0

