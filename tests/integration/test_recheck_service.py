"""Re-checking against a local server whose page is edited between fetches."""

from __future__ import annotations

import pytest
from werkzeug import Request, Response

from tests.integration import recheck_pages as pages
from workbench.domain.errors import InvalidValueError
from workbench.domain.records import ChangeSummary, ClaimDraft
from workbench.ingest.load import load_source
from workbench.recheck import service
from workbench.services import claim_edits
from workbench.storage import articles, claims, versions
from workbench.storage.sessions import create_session

REVIEWER = "ana"


class Site:
    """Serves whatever page is current; tests swap it between fetches."""

    def __init__(self, httpserver) -> None:
        self.body = pages.VERSION_A
        self.status = 200
        self.content_type = "text/html; charset=utf-8"
        httpserver.expect_request("/belarus").respond_with_handler(self._respond)
        self.url = httpserver.url_for("/belarus")

    def _respond(self, _request: Request) -> Response:
        return Response(self.body, status=self.status, content_type=self.content_type)


@pytest.fixture
def site(httpserver) -> Site:
    return Site(httpserver)


def imported(db, site: Site) -> tuple[int, dict[str, int]]:
    """The article as first fetched, with four claims (one with a verdict)."""
    session = create_session(db, "Belarus")
    article = articles.add_article(db, session.id, load_source(site.url))
    ids = {}
    for name, words in [
        ("figure", pages.FIGURE_A),
        ("quote", pages.QUOTE),
        ("systems", pages.SYSTEMS),
        ("drills", pages.DRILLS_A),
    ]:
        start = article.text.index(words)
        draft = ClaimDraft(kind="statement", start=start, end=start + len(words))
        ids[name] = claim_edits.add_claim(db, article.id, draft, by=REVIEWER).id
    for name in ("figure", "quote"):
        claim_edits.update_claim(db, ids[name], {"verdict": "mostly-true"}, by=REVIEWER, expected_version=None)
    return article.id, ids


def test_edited_page_is_stored_as_a_new_version_and_each_claim_is_reanchored(any_db, site):
    article_id, ids = imported(any_db, site)
    site.body = pages.VERSION_B

    result = service.recheck_article(any_db, article_id, by=REVIEWER)

    assert result.status == "changed" and result.error is None
    assert result.metadata_changes == {"title": [pages.TITLE_A, pages.TITLE_B]}
    outcomes = {c.id: c for c in result.claims}
    assert outcomes[ids["figure"]].outcome == "changed"
    assert outcomes[ids["figure"]].new_text == pages.FIGURE_B
    assert outcomes[ids["quote"]].outcome == "gone"
    assert outcomes[ids["systems"]].outcome == "moved"
    assert outcomes[ids["drills"]].outcome == "moved"

    stored = versions.list_versions(any_db, article_id)
    assert [v.number for v in stored] == [1, 2]
    assert pages.FIGURE_A in stored[0].text and pages.QUOTE in stored[0].text
    assert stored[1].title == pages.TITLE_B
    assert articles.raw_bytes(any_db, article_id, 1) == pages.VERSION_A.encode()

    new_version = stored[1]
    moved = claims.get_claim(any_db, ids["systems"])
    assert moved.article_version_id == new_version.id
    assert new_version.text[moved.start : moved.end] == pages.SYSTEMS
    drills = claims.get_claim(any_db, ids["drills"])
    assert drills.text == pages.DRILLS_B

    # Flagged claims stay on the version they were made on, verdict kept.
    for name in ("figure", "quote"):
        flagged = claims.get_claim(any_db, ids[name])
        assert flagged.article_version_id == stored[0].id
        assert flagged.verdict == "mostly-true"
    assert versions.change_summary(any_db, articles.get_article(any_db, article_id).session_id) == {
        article_id: ChangeSummary(version_count=2, flagged_claims=2)
    }

    history = claims.claim_history(any_db, ids["systems"])
    assert [h.field for h in history][-2:] == ["anchor_outcome", "span"]
    assert history[-1].new["text"] == pages.SYSTEMS


def test_accepting_a_changed_claim_moves_it_and_is_recorded(any_db, site):
    article_id, ids = imported(any_db, site)
    site.body = pages.VERSION_B
    service.recheck_article(any_db, article_id, by=REVIEWER)

    accepted = service.accept_reanchor(any_db, ids["figure"], "ben")

    current = articles.get_article(any_db, article_id)
    assert accepted.text == pages.FIGURE_B
    assert accepted.article_version_id == current.version_id
    assert accepted.verdict == "mostly-true"
    history = claims.claim_history(any_db, ids["figure"])
    assert history[-1].field == "anchor_outcome" and history[-1].new == "accepted"
    assert history[-2].field == "span" and history[-2].by == "ben"
    assert history[-2].old["text"] == pages.FIGURE_A
    with pytest.raises(InvalidValueError):
        service.accept_reanchor(any_db, ids["quote"], "ben")  # gone: nothing to accept
    service.dismiss_reanchor(any_db, ids["quote"], "ben")
    assert versions.change_summary(any_db, current.session_id)[article_id].flagged_claims == 0


def test_unchanged_page_stores_nothing(any_db, site):
    article_id, ids = imported(any_db, site)
    result = service.recheck_article(any_db, article_id, by=REVIEWER)
    assert result.status == "unchanged" and result.claims == []
    assert len(versions.list_versions(any_db, article_id)) == 1
    assert claims.claim_history(any_db, ids["systems"])[-1].field == "created"


@pytest.mark.parametrize(
    ("status", "body", "content_type", "words"),
    [
        (404, "<html><body>Not found</body></html>", "text/html", "404"),
        (410, "<html><body>Gone</body></html>", "text/html", "410"),
        (200, "", "text/html", "empty"),
        (200, "%PDF-1.7 binary", "application/pdf", "PDF"),
    ],
)
def test_a_failed_fetch_is_reported_and_stores_nothing(sqlite_db, site, status, body, content_type, words):
    article_id, ids = imported(sqlite_db, site)
    site.status, site.body, site.content_type = status, body, content_type

    result = service.recheck_article(sqlite_db, article_id, by=REVIEWER)

    assert result.status == "failed"
    assert words.lower() in result.error.lower()
    assert len(versions.list_versions(sqlite_db, article_id)) == 1
    assert claims.get_claim(sqlite_db, ids["figure"]).text == pages.FIGURE_A


def test_a_page_replaced_by_a_stub_is_not_taken_for_an_edit(sqlite_db, site):
    article_id, _ = imported(sqlite_db, site)
    site.body = pages.page(
        "Subscribe to continue reading",
        [
            "Belarus has moved troops closer to its border with Ukraine. This article is for "
            "subscribers only; subscribe to continue reading.",
            "Subscribers get unlimited access to every story on News Example, our newsletters "
            "and the daily crossword, from one dollar a week for the first year.",
        ],
    )
    result = service.recheck_article(sqlite_db, article_id, by=REVIEWER)
    assert result.status == "failed"
    assert "paywall" in result.error
    assert len(versions.list_versions(sqlite_db, article_id)) == 1


def test_session_recheck_goes_on_after_an_unreachable_host(sqlite_db, site):
    article_id, _ = imported(sqlite_db, site)
    session_id = articles.get_article(sqlite_db, article_id).session_id
    extra = articles.add_article(sqlite_db, session_id, load_source(site.url))
    unreachable = articles.add_article(sqlite_db, session_id, load_source(site.url))
    # The third article's address now points at a closed port.
    with sqlite_db.session() as session:
        from workbench.storage.models import Article

        session.get(Article, unreachable.id).source = "http://127.0.0.1:9/belarus"
    site.body = pages.VERSION_B
    seen: list[float] = []

    results = service.recheck_session(
        sqlite_db, session_id, by=REVIEWER, progress=lambda f, _m: seen.append(f)
    )

    assert [r.status for r in results] == ["changed", "changed", "failed"]
    assert results[2].article_id == unreachable.id and results[2].error
    assert len(versions.list_versions(sqlite_db, extra.id)) == 2
    assert len(versions.list_versions(sqlite_db, unreachable.id)) == 1
    assert seen == sorted(seen) and seen[-1] == 1.0


def test_cancel_stops_before_the_next_article(sqlite_db, site):
    article_id, _ = imported(sqlite_db, site)
    session_id = articles.get_article(sqlite_db, article_id).session_id
    articles.add_article(sqlite_db, session_id, load_source(site.url))
    site.body = pages.VERSION_B
    calls = {"n": 0}

    def loader(source, **kwargs):
        calls["n"] += 1
        return load_source(source, **kwargs)

    state = {"cancelled": False}

    def progress(fraction: float, _message: str) -> None:
        state["cancelled"] = fraction >= 0.5  # the first of two articles is done

    results = service.recheck_session(
        sqlite_db, session_id, by=REVIEWER, loader=loader, progress=progress,
        cancel=lambda: state["cancelled"],
    )
    assert calls["n"] == 1
    assert [r.status for r in results] == ["changed"]


def test_a_redirect_to_the_home_page_is_reported_not_stored(sqlite_db, site, httpserver):
    article_id, _ = imported(sqlite_db, site)
    httpserver.clear_all_handlers()
    httpserver.expect_request("/belarus").respond_with_data("", status=301, headers={"Location": "/"})
    home = pages.page(
        "News Example: home",
        [
            "Markets rallied on Monday as investors welcomed the central bank's decision to hold "
            "interest rates, while the weather service warned of storms along the coast.",
            "In sport, the national team won its qualifier in extra time and the league announced "
            "a new schedule for next season, with the final moved to a larger stadium.",
        ],
    )
    httpserver.expect_request("/").respond_with_data(home, content_type="text/html")

    result = service.recheck_article(sqlite_db, article_id, by=REVIEWER)

    assert result.status == "failed"
    assert "another page" in result.error
    assert len(versions.list_versions(sqlite_db, article_id)) == 1
