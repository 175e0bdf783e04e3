"""ClaimReview JSON-LD: the fields Google's fact-check markup expects, and what is left out."""

from __future__ import annotations

import io
import json

from tests.export_session import build_review
from tests.factories import make_article
from workbench.domain.records import ClaimDraft
from workbench.domain.scales import get_scale
from workbench.export.claimreview import write_claimreview
from workbench.export.filters import ExportFilter
from workbench.services import claim_edits
from workbench.storage import articles, sessions


def test_reviewed_claims_become_claimreview_objects(any_db):
    review = build_review(any_db)
    out = io.StringIO()
    result = write_claimreview(
        out, any_db, review.session_id, publisher="Example Fact Check", review_url="https://factcheck.example/belarus"
    )
    items = json.loads(out.getvalue())
    assert len(items) == 3  # false, true, mostly-false; not the unreviewed or unverifiable claim
    by_claim = {item["url"].rsplit("#claim-", 1)[1]: item for item in items}
    troops = by_claim[str(review.troops)]
    assert troops["@context"] == "https://schema.org"
    assert troops["@type"] == "ClaimReview"
    assert troops["claimReviewed"] == "About 32,000 troops"
    assert troops["reviewRating"] == {
        "@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1, "alternateName": "False",
    }
    assert troops["itemReviewed"] == {
        "@type": "Claim",
        "author": {"@type": "Organization", "name": "News Example"},
        "datePublished": "2024-02-20",
        "appearance": {"@type": "CreativeWork", "url": "https://news.example/belarus"},
    }
    assert troops["author"] == {"@type": "Organization", "name": "Example Fact Check"}
    assert len(troops["datePublished"]) == 10 and troops["datePublished"][4] == "-"
    assert troops["url"] == f"https://factcheck.example/belarus#claim-{review.troops}"
    quote = by_claim[str(review.quote)]
    assert quote["itemReviewed"]["author"] == {"@type": "Person", "name": "Alexander Lukashenko"}
    assert quote["reviewRating"]["ratingValue"] == 5
    prices = by_claim[str(review.prices)]
    assert prices["claimReviewed"] == "-5 percent, says the ministry"  # the reviewer's wording
    assert "datePublished" not in prices["itemReviewed"]  # the article states no date
    assert result.unreviewed == 1 and result.unrated == 1
    assert result.warnings == [
        "2 claim(s) left out of ClaimReview: 1 without a verdict, 1 with a verdict that has no "
        "rating on the Workbench standard scale."
    ]


def test_no_publisher_is_made_up_and_a_missing_publisher_or_url_is_warned(sqlite_db):
    review = build_review(sqlite_db)
    out = io.StringIO()
    result = write_claimreview(
        out, sqlite_db, review.session_id, ExportFilter.from_user(get_scale("default"), accepted_only=True)
    )
    items = json.loads(out.getvalue())
    assert all("author" not in item for item in items)  # never the reviewer's login name ("root")
    assert all("url" not in item for item in items)
    assert len(items) == 2 and result.skipped == 0
    assert any("--review-url" in warning for warning in result.warnings)
    assert any("No publisher set" in warning and "--publisher" in warning for warning in result.warnings)


def test_no_reviewed_claims_gives_an_empty_list_and_a_warning(sqlite_db):
    review = build_review(sqlite_db)
    out = io.StringIO()
    result = write_claimreview(out, sqlite_db, review.session_id, ExportFilter(kinds=frozenset({"equipment"})))
    assert json.loads(out.getvalue()) == []
    assert result.skipped == 1 and "1 without a verdict" in result.warnings[0]


def test_claim_text_cannot_end_the_script_tag_it_is_pasted_into(sqlite_db):
    hostile = "</script><script>alert(1)</script> & <!-- more"
    text = f"The minister wrote {hostile} on Monday."
    session = sessions.create_session(sqlite_db, "Hostile", reviewer="ana")
    article = articles.add_article(
        sqlite_db, session.id, make_article(text, title="T", source="https://news.example/a?x=1&y=</script>")
    )
    start = text.index(hostile)
    claim = claim_edits.add_claim(
        sqlite_db, article.id, ClaimDraft("quote", start, start + len(hostile), speaker="<b>Spy</b>"), by="ana"
    )
    claim_edits.update_claim(sqlite_db, claim.id, {"verdict": "false"}, by="ana", expected_version=None)
    out = io.StringIO()
    write_claimreview(out, sqlite_db, session.id, review_url="https://factcheck.example/a?b=1&c=2")
    written = out.getvalue()

    page = f'<script type="application/ld+json">\n{written}</script>'
    assert page.lower().count("</script") == 1  # only the tag's own end
    assert not set("<>&") & set(written)
    assert "\\u003c/script\\u003e" in written
    [item] = json.loads(written)  # still valid JSON, and it reads back as written
    assert item["claimReviewed"] == hostile
    assert item["itemReviewed"]["author"]["name"] == "<b>Spy</b>"
    assert item["itemReviewed"]["appearance"]["url"] == "https://news.example/a?x=1&y=</script>"
    assert item["url"] == f"https://factcheck.example/a?b=1&c=2#claim-{claim.id}"


def test_google_rules_each_name_the_claims_that_break_them(sqlite_db):
    session = sessions.create_session(sqlite_db, "Rules", reviewer="ana")
    text = "It is false that 32,000 troops massed at the border near Brest in the week before the vote."
    article = articles.add_article(sqlite_db, session.id, make_article(text, source="https://news.example/a"))
    whole = claim_edits.add_claim(sqlite_db, article.id, ClaimDraft("statement", 0, len(text) - 1), by="ana")
    short = claim_edits.add_claim(sqlite_db, article.id, ClaimDraft("figure", 17, 30, value=32000, unit="troop"),
                                  by="ana")
    for claim in (whole, short):
        claim_edits.update_claim(sqlite_db, claim.id, {"verdict": "false"}, by="ana", expected_version=None)

    result = write_claimreview(io.StringIO(), sqlite_db, session.id, publisher="Example Fact Check",
                               review_url="https://news.example/fact-check")
    warnings = "\n".join(result.warnings)
    assert f"75 characters or more (Google wants it shorter; set a shorter wording): claim {whole.id}." in warnings
    assert f"states its own rating (Google forbids it; reword the claim): claim {whole.id}." in warnings
    assert "on news.example, the site of an article reviewed" in warnings
    assert "No publisher set" not in warnings

    fine = write_claimreview(io.StringIO(), sqlite_db, session.id, ExportFilter(kinds=frozenset({"figure"})),
                             publisher="Example Fact Check", review_url="https://factcheck.example/belarus")
    assert fine.warnings == []
