"""A claim's part of the ledger as the window shows it, and archiving a source the window attached
(against a loopback server)."""

from __future__ import annotations

import re
from functools import partial

import pytest
from werkzeug import Response

from tests.factories import make_article
from tests.integration import ledger_pages as pages
from workbench.domain.records import ClaimDraft
from workbench.ingest.archive import archive
from workbench.services import claim_edits
from workbench.services.claim_ledger import archive_if_missing, claim_ledger
from workbench.services.snapshots import cite_source
from workbench.services.source_watch import recheck_sources
from workbench.storage import articles
from workbench.storage import sources as source_store
from workbench.storage.sessions import create_session, get_session

FAST = partial(archive, timeout=(1.0, 1.0), deadline=1.5)
NOTICE = b"""<!doctype html><html><head><title>Notice</title>
<meta property="og:title" content="Border notice"><meta property="og:site_name" content="Ministry Example">
</head><body><p>Closed.</p></body></html>"""


@pytest.fixture
def site(httpserver):
    pages_by_path = {"/troops": (200, "text/html; charset=utf-8", pages.ORIGINAL),
                     "/notice": (200, "text/html; charset=utf-8", NOTICE)}

    def answer(request):  # noqa: ANN001, ANN202
        status, media, body = pages_by_path.get(request.path, (404, "text/plain", b"no such page"))
        return Response(body, status=status, content_type=media)

    httpserver.expect_request(re.compile(".*")).respond_with_handler(answer)
    return {"pages": pages_by_path, "url": httpserver.url_for, "log": httpserver.log}


@pytest.fixture
def review(sqlite_db):
    session = create_session(sqlite_db, "Border watch")
    article = articles.add_article(sqlite_db, session.id, make_article())
    claim = claim_edits.add_claim(sqlite_db, article.id, ClaimDraft(kind="figure", start=26, end=46), by="ana")
    return {"db": sqlite_db, "session": get_session(sqlite_db, session.id), "claim": claim.id}


def test_a_claims_ledger_tells_each_links_archive_and_flags_a_changed_source(review, site):
    db = review["db"]
    cited = cite_source(db, review["session"], review["claim"], site["url"]("/troops"), by="ana",
                        stance="supports", passage=pages.PASSAGE, fetcher=FAST)
    ledger = claim_ledger(db, review["claim"])
    link = ledger.links[cited.link.id]
    assert link.archived_at == cited.snapshot.fetched_at and link.error is None and not link.flagged
    assert "Archived" in link.describe()
    assert (ledger.standing.supports, ledger.standing.independent, ledger.standing.too_few) == (1, 1, True)

    site["pages"]["/troops"] = (200, "text/html; charset=utf-8", pages.REMOVED)
    recheck_sources(db, review["session"].id, by="ana", fetcher=FAST)
    link = claim_ledger(db, review["claim"]).links[cited.link.id]
    assert link.flagged and "no longer on the page" in link.describe()
    newest_copy = link.archived_at
    assert newest_copy > cited.snapshot.fetched_at  # the new version is kept

    site["pages"]["/troops"] = (500, "text/plain", b"down")
    recheck_sources(db, review["session"].id, by="ana", fetcher=FAST)
    link = claim_ledger(db, review["claim"]).links[cited.link.id]
    assert link.archived_at == newest_copy  # the copy kept still backs the evidence
    assert link.error is not None and "500" in link.error and "last fetch failed" in link.describe()


def test_archiving_an_attached_source_fetches_once_per_session_and_keeps_a_short_pages_title(review, site):
    db = review["db"]
    source = source_store.add_source(db, review["session"].id, site["url"]("/notice"))
    first = archive_if_missing(db, source.id, by="ana", fetcher=FAST)
    assert first.error is None and first.title == "Border notice" and first.publisher == "Ministry Example"
    again = archive_if_missing(db, source.id, by="ana", fetcher=FAST)
    assert again.id == first.id and len(site["log"]) == 1  # the copy kept serves
    stored = source_store.list_sources(db, review["session"].id)[0]
    assert (stored.title, stored.publisher) == ("Border notice", "Ministry Example")

    missing = source_store.add_source(db, review["session"].id, site["url"]("/gone"))
    failed = archive_if_missing(db, missing.id, by="ana", fetcher=FAST)
    assert failed.error is not None and "404" in failed.error
    site["pages"]["/gone"] = (200, "text/html; charset=utf-8", pages.ORIGINAL)
    retried = archive_if_missing(db, missing.id, by="ana", fetcher=FAST)  # a failure is tried again
    assert retried.error is None and pages.PASSAGE in retried.text
