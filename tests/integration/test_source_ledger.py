"""The evidence ledger against a loopback server: a source archived when cited, re-checked, and
every bad input (HTTP errors, a login, a timeout, a PDF, an image, a body too large).

No test touches the internet.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from functools import partial

import pytest
from sqlalchemy import select
from werkzeug import Response

from tests.factories import make_article
from tests.integration import ledger_pages as pages
from tests.integration.slow_server import SlowServer
from workbench.domain.records import ClaimDraft
from workbench.ingest.archive import archive
from workbench.services import claim_edits
from workbench.services.edits import apply
from workbench.services.snapshots import archive_source, cite_source, ledger, read_snapshot
from workbench.services.source_watch import ConfirmCitation, flagged_citations, recheck_sources
from workbench.storage import articles
from workbench.storage.claims import claim_history
from workbench.storage.models import SourceSnapshot
from workbench.storage.sessions import create_session, get_session

FAST = partial(archive, timeout=(1.0, 1.0), deadline=1.5)


@pytest.fixture
def site(httpserver):
    """A server whose pages the test changes: path -> (status, content type, body)."""
    pages_by_path = {"/troops": (200, "text/html; charset=utf-8", pages.ORIGINAL)}

    def answer(request):
        status, media, body = pages_by_path.get(request.path, (404, "text/plain", b"no such page"))
        return Response(body, status=status, content_type=media)

    httpserver.expect_request(re.compile(".*")).respond_with_handler(answer)
    return {"pages": pages_by_path, "url": httpserver.url_for}


@pytest.fixture
def review(sqlite_db):
    session = create_session(sqlite_db, "Border watch")
    article = articles.add_article(sqlite_db, session.id, make_article())
    claims = [
        claim_edits.add_claim(sqlite_db, article.id, ClaimDraft(kind="figure", start=start, end=start + 20), by="ana")
        for start in (26, 60)
    ]
    return {"db": sqlite_db, "session": get_session(sqlite_db, session.id), "claims": [c.id for c in claims]}


def cite(review, url, *, claim=0, **kwargs):
    return cite_source(review["db"], review["session"], review["claims"][claim], url, by="ana",
                       fetcher=FAST, **kwargs)


def snapshots(db, source_id):
    with db.reading() as orm:
        return list(orm.scalars(select(SourceSnapshot).where(SourceSnapshot.source_id == source_id)
                                .order_by(SourceSnapshot.id)))


def test_citing_a_page_archives_its_bytes_text_and_details(review, site):
    cited = cite(review, site["url"]("/troops"), stance="supports", passage=pages.PASSAGE)
    snapshot = cited.snapshot
    assert cited.fetched and snapshot is not None and snapshot.error is None
    assert snapshot.http_status == 200 and snapshot.content_type == "text/html"
    assert snapshot.final_url == site["url"]("/troops")
    assert snapshot.sha256 == hashlib.sha256(pages.ORIGINAL).hexdigest()
    assert pages.PASSAGE in snapshot.text
    assert snapshot.title == "Troop numbers at the border" and snapshot.publisher == "Ministry Example"
    assert snapshot.published.startswith("2024-02-20")
    (row,) = snapshots(review["db"], cited.link.source.id)
    assert zlib.decompress(row.raw_zlib) == pages.ORIGINAL
    # The source row takes the page's title and publisher.
    assert cited.link.source.title == "Troop numbers at the border"


def test_one_snapshot_serves_every_claim_citing_the_source(review, site):
    first = cite(review, site["url"]("/troops"), claim=0)
    site["pages"]["/troops"] = (200, "text/html", pages.CHANGED)
    second = cite(review, site["url"]("/troops"), claim=1, stance="refutes")
    assert not second.fetched and second.link.source.id == first.link.source.id
    assert second.snapshot.id == first.snapshot.id and len(snapshots(review["db"], first.link.source.id)) == 1
    (entry,) = ledger(review["db"], review["session"].id)
    assert [(c.claim_id, c.stance) for c in entry.citations] == [(review["claims"][0], "context"),
                                                                  (review["claims"][1], "refutes")]


def test_the_archived_text_is_read_offline_with_the_passage_found(review, site):
    cited = cite(review, site["url"]("/troops"), passage=pages.PASSAGE.replace("32,000 soldiers", "32,000\nsoldiers"))
    site["pages"].clear()  # the page is gone: what is read now comes from the database
    archived = read_snapshot(review["db"], cited.link.source.id)
    start, end = archived.passages[review["claims"][0]]
    assert archived.snapshot.text[start:end] == pages.PASSAGE


@pytest.mark.parametrize(("status", "words"), [
    (404, "not found"), (500, "internal error"), (401, "requires a login"), (403, "refused access"),
])
def test_an_http_error_keeps_the_citation_and_the_error(review, site, status, words):
    site["pages"]["/troops"] = (status, "text/html", b"<p>nope</p>")
    cited = cite(review, site["url"]("/troops"), passage=pages.PASSAGE)
    assert cited.link.passage == pages.PASSAGE
    assert cited.snapshot.http_status == status and words in cited.snapshot.error
    assert cited.snapshot.sha256 is None and cited.snapshot.text == ""
    # The failure can be retried: the next citation fetches again and the first attempt stays.
    site["pages"]["/troops"] = (200, "text/html", pages.ORIGINAL)
    again = cite(review, site["url"]("/troops"), claim=1)
    assert again.fetched and again.snapshot.error is None
    assert [r.error is None for r in snapshots(review["db"], cited.link.source.id)] == [False, True]


def test_a_source_that_times_out_is_kept_with_its_error(review):
    with SlowServer("silent", hold=5) as server:
        cited = cite(review, server.url)
    assert "did not answer in time" in cited.snapshot.error and cited.snapshot.sha256 is None
    (entry,) = ledger(review["db"], review["session"].id)
    assert entry.citations[0].claim_id == review["claims"][0]


def test_a_pdf_is_archived_as_bytes_and_says_why_it_has_no_text(review, site):
    site["pages"]["/report.pdf"] = (200, "application/pdf", pages.PDF)
    cited = cite(review, site["url"]("/report.pdf"))
    snapshot = cited.snapshot
    assert snapshot.error is None and snapshot.sha256 == hashlib.sha256(pages.PDF).hexdigest()
    assert snapshot.content_type == "application/pdf" and snapshot.title == "report.pdf"
    assert "PDF" in snapshot.text_missing and "pypdf" in snapshot.text_missing
    (row,) = snapshots(review["db"], cited.link.source.id)
    assert zlib.decompress(row.raw_zlib) == pages.PDF


def test_an_image_is_archived_and_says_it_holds_no_text(review, site):
    site["pages"]["/chart"] = (200, "image/png", pages.PNG)
    snapshot = cite(review, site["url"]("/chart")).snapshot
    assert snapshot.error is None and snapshot.text == ""
    assert "an image (image/png)" in snapshot.text_missing


def test_a_body_too_large_is_refused_with_a_clear_error(review, site):
    site["pages"]["/huge"] = (200, "text/html", b"<p>" + b"x" * 5000 + b"</p>")
    small = partial(archive, max_bytes=1000)
    cited = cite_source(review["db"], review["session"], review["claims"][0], site["url"]("/huge"),
                        by="ana", fetcher=small)
    assert "larger than" in cited.snapshot.error and cited.snapshot.sha256 is None


def test_a_local_file_is_archived(review, tmp_path):
    path = tmp_path / "statement.html"
    path.write_bytes(pages.ORIGINAL)
    cited = cite(review, str(path), passage=pages.PASSAGE)
    assert cited.link.source.url == path.as_uri()
    assert pages.PASSAGE in cited.snapshot.text and cited.snapshot.http_status is None


def test_recheck_reports_unchanged_moved_changed_and_gone_passages(review, site):
    db = review["db"]
    cited = cite(review, site["url"]("/troops"), passage=pages.PASSAGE, stance="supports")
    claim = review["claims"][0]

    (result,) = recheck_sources(db, review["session"].id, by="bo", fetcher=FAST)
    assert result.status == "unchanged" and result.citations[0].passage_found is True
    assert len(snapshots(db, cited.link.source.id)) == 1  # the same bytes: no second copy
    assert flagged_citations(db, review["session"].id) == {}

    site["pages"]["/troops"] = (200, "text/html", pages.MOVED)
    (result,) = recheck_sources(db, review["session"].id, by="bo", fetcher=FAST)
    assert result.status == "changed" and result.citations[0].passage_found is True
    assert flagged_citations(db, review["session"].id) == {claim: [cited.link.id]}

    apply(db, ConfirmCitation(cited.link.id), by="ana")
    assert flagged_citations(db, review["session"].id) == {}

    site["pages"]["/troops"] = (200, "text/html", pages.CHANGED)
    (result,) = recheck_sources(db, review["session"].id, by="bo", fetcher=FAST)
    assert result.status == "changed" and result.citations[0].passage_found is False

    site["pages"]["/troops"] = (200, "text/html", pages.REMOVED)
    (result,) = recheck_sources(db, review["session"].id, by="bo", fetcher=FAST)
    assert result.citations[0].passage_found is False
    # Every version is kept, oldest first, and the claim's history says what the re-checks found.
    assert [r.sha256 for r in snapshots(db, cited.link.source.id)] == [
        hashlib.sha256(body).hexdigest() for body in (pages.ORIGINAL, pages.MOVED, pages.CHANGED, pages.REMOVED)
    ]
    fields = [(h.field, h.new) for h in claim_history(db, claim) if h.field in ("source_check", "passage_found")]
    assert ("source_check", "changed") in fields and ("passage_found", False) in fields
    assert flagged_citations(db, review["session"].id) == {claim: [cited.link.id]}


def test_a_failed_recheck_keeps_earlier_snapshots_and_the_citation(review, site):
    db = review["db"]
    cited = cite(review, site["url"]("/troops"), passage=pages.PASSAGE)
    site["pages"]["/troops"] = (404, "text/html", b"gone")
    (result,) = recheck_sources(db, review["session"].id, by="bo", fetcher=FAST)
    assert result.status == "failed" and "404" in result.error and result.http_status == 404
    assert result.citations[0].passage_found is None
    archived = read_snapshot(db, cited.link.source.id)  # the newest copy that holds the page
    assert archived.snapshot.sha256 == hashlib.sha256(pages.ORIGINAL).hexdigest()
    assert [r.error is None for r in snapshots(db, cited.link.source.id)] == [True, False]
    # The ledger shows the copy the evidence rests on, and that the last fetch failed.
    (entry,) = ledger(db, review["session"].id)
    assert entry.citations[0].passage == pages.PASSAGE
    assert entry.snapshot.sha256 == hashlib.sha256(pages.ORIGINAL).hexdigest() and "404" in entry.last_error


def test_a_source_attached_without_a_snapshot_is_archived_on_request(review, site):
    from workbench.services.evidence_edits import AttachSource

    done = apply(review["db"], AttachSource(review["session"].id, review["claims"][0], site["url"]("/troops")), by="ana")
    (link,) = done.links
    assert read_snapshot(review["db"], link.source.id) is None
    snapshot = archive_source(review["db"], link.source.id, by="ana", fetcher=FAST)
    assert snapshot.error is None and pages.PASSAGE in read_snapshot(review["db"], link.source.id).snapshot.text


def test_a_bug_on_one_source_does_not_stop_the_recheck_of_the_others(review, site):
    site["pages"]["/other"] = (200, "text/html", pages.page(pages.OTHER))
    cite(review, site["url"]("/troops"))
    cite(review, site["url"]("/other"))

    def broken_on_troops(url, **kwargs):
        if url.endswith("/troops"):
            raise RuntimeError("a bug")
        return FAST(url, **kwargs)

    first, second = recheck_sources(review["db"], review["session"].id, by="bo", fetcher=broken_on_troops)
    assert first.status == "failed" and "Internal error (RuntimeError)" in first.error
    assert second.status == "unchanged" and second.error is None
