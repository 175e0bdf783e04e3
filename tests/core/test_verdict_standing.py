"""Where a verdict stands: stances counted, and sources from one publisher counted once."""

from __future__ import annotations

from tests.factories import make_article
from workbench.domain.records import ClaimDraft
from workbench.evidence.publishers import publisher_count, registered_domain
from workbench.services import claim_edits
from workbench.services.edits import apply
from workbench.services.evidence_edits import AttachSource
from workbench.services.verdict_standing import verdict_standing
from workbench.storage import articles
from workbench.storage.sessions import create_session


def test_registered_domains():
    assert registered_domain("https://news.example.co.uk/a") == "example.co.uk"
    assert registered_domain("https://www.example.com/a") == "example.com"
    assert registered_domain("http://127.0.0.1:8000/a") == "127.0.0.1"
    assert registered_domain("file:///home/ana/statement.pdf") == ""


def test_one_publisher_on_two_domains_or_two_hosts_is_one():
    assert publisher_count([("https://www.bbc.co.uk/x", "BBC"), ("https://bbc.com/y", "bbc")]) == 1
    assert publisher_count([("https://a.example.org/x", ""), ("https://b.example.org/y", "")]) == 1
    assert publisher_count([("https://one.example/x", ""), ("https://two.example/y", "")]) == 2
    assert publisher_count([("file:///a.pdf", ""), ("file:///b.pdf", "")]) == 2


def test_a_verdict_on_one_publisher_is_marked(sqlite_db):
    session = create_session(sqlite_db, "Standing")
    article = articles.add_article(sqlite_db, session.id, make_article())
    claim = claim_edits.add_claim(sqlite_db, article.id, ClaimDraft(kind="figure", start=26, end=46), by="ana")

    def cite(url: str, stance: str, publisher: str = "") -> None:
        apply(sqlite_db, AttachSource(session.id, claim.id, url, publisher=publisher, stance=stance), by="ana")

    cite("https://news.example.com/a", "supports")
    cite("https://www.example.com/b", "supports")
    cite("https://other.example/c", "context")
    standing = verdict_standing(sqlite_db, claim.id)
    assert (standing.supports, standing.refutes, standing.context) == (2, 0, 1)
    assert standing.independent == 1 and standing.too_few

    cite("https://ministry.example/d", "refutes")
    standing = verdict_standing(sqlite_db, claim.id)
    assert standing.independent == 2 and not standing.too_few
    assert verdict_standing(sqlite_db, claim.id, minimum=3).too_few


def test_the_threshold_is_a_setting_of_the_rating_scale():
    from workbench.domain.scales import _parse, get_scale

    assert get_scale("default").min_independent_sources == 2
    stricter = _parse({"key": "strict", "name": "Strict", "best_rating": 1, "worst_rating": 0, "levels": [],
                       "min_independent_sources": 3})
    assert stricter.min_independent_sources == 3
