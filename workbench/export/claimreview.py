"""schema.org ClaimReview JSON-LD, one object per reviewed claim.

The fields Google's fact-check markup expects: claimReviewed, reviewRating
(ratingValue, bestRating, worstRating, alternateName) from the session's
verdict scale, itemReviewed (a Claim with author, datePublished and the
article it appeared in), author (the publishing organisation), datePublished
and url. A claim is left out when it has no verdict, or when its verdict has
no rating on the scale (e.g. "Unverifiable"); how many is reported as a warning.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, TextIO

from workbench.export.filters import ExportFilter
from workbench.export.pace import NO_PACE, Pace
from workbench.export.query import ArticleInfo
from workbench.export.rows import ClaimRow, open_report
from workbench.storage.database import Database

DEFAULT_PUBLISHER = "Fact-Check Workbench"

# ClaimReview is pasted into a page inside <script type="application/ld+json">: a
# claim quoting "</script>" would end that tag early and the rest would run as
# HTML. These characters appear only inside JSON strings, so escaping them
# character by character keeps the JSON valid and equal when read back. (U+2028
# and U+2029 end a line in older JavaScript; escaped too, as is usual.)
SCRIPT_SAFE = str.maketrans({
    "<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029",
})


@dataclass
class ClaimReviewExport:
    reviews: list[dict[str, Any]] = field(default_factory=list)
    unreviewed: int = 0  # claims with no verdict
    unrated: int = 0  # claims whose verdict has no rating on the scale
    warnings: list[str] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        return self.unreviewed + self.unrated


def write_claimreview(
    out: TextIO,
    db: Database,
    session_id: int,
    claim_filter: ExportFilter | None = None,
    *,
    publisher: str | None = None,
    review_url: str | None = None,
    pace: Pace = NO_PACE,
) -> ClaimReviewExport:
    """Write a JSON array of ClaimReview objects; returns them with the warnings."""
    result = claim_reviews(db, session_id, claim_filter, publisher=publisher, review_url=review_url, pace=pace)
    pace.writing()
    for chunk in json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(result.reviews):
        out.write(chunk.translate(SCRIPT_SAFE))
    out.write("\n")
    return result


def claim_reviews(
    db: Database,
    session_id: int,
    claim_filter: ExportFilter | None = None,
    *,
    publisher: str | None = None,
    review_url: str | None = None,
    pace: Pace = NO_PACE,
) -> ClaimReviewExport:
    """ClaimReview objects for the session's reviewed claims.

    ``publisher`` names the fact-checking organisation (default: the session's
    reviewer, else "Fact-Check Workbench"). ``review_url`` is the page where
    the fact check is published; each review's url is it plus ``#claim-<id>``.
    """
    result = ClaimReviewExport()
    with open_report(db, session_id, claim_filter) as report:
        pace.start()
        organisation = publisher or report.session.reviewer or DEFAULT_PUBLISHER
        scale = report.scale
        for row in pace.each(report.claims()):
            if row.level == scale.levels[0]:
                result.unreviewed += 1
            elif row.level.rating is None:
                result.unrated += 1
            else:
                article = report.articles[row.article_id]
                result.reviews.append(
                    review(row, article, organisation, review_url, scale.best_rating, scale.worst_rating)
                )
    if result.skipped:
        result.warnings.append(
            f"{result.skipped} claim(s) left out of ClaimReview: {result.unreviewed} without a verdict, "
            f"{result.unrated} with a verdict that has no rating on the {scale.name} scale."
        )
    if result.reviews and not review_url:
        result.warnings.append(
            "No review URL given, so 'url' is left out; Google needs the address of the "
            "published fact check (give --review-url)."
        )
    return result


def review(
    row: ClaimRow,
    article: ArticleInfo,
    organisation: str,
    review_url: str | None,
    best: int,
    worst: int,
) -> dict[str, Any]:
    item: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": row.wording or row.text,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": row.level.rating,
            "bestRating": best,
            "worstRating": worst,
            "alternateName": row.level.label,
        },
        "itemReviewed": _claim(row, article),
        "author": {"@type": "Organization", "name": organisation},
        "datePublished": row.updated[:10],
    }
    if review_url:
        item["url"] = f"{review_url}#claim-{row.claim_id}"
    return item


def _claim(row: ClaimRow, article: ArticleInfo) -> dict[str, Any]:
    claim: dict[str, Any] = {"@type": "Claim"}
    author = _author(row, article)
    if author:
        claim["author"] = author
    if article.published:
        claim["datePublished"] = article.published
    if article.url:
        claim["appearance"] = {"@type": "CreativeWork", "url": article.url}
    return claim


def _author(row: ClaimRow, article: ArticleInfo) -> dict[str, str] | None:
    """Who made the claim: the speaker quoted, else the publication, else its writer."""
    if row.speaker:
        return {"@type": "Person", "name": row.speaker}
    if article.site_name:
        return {"@type": "Organization", "name": article.site_name}
    if article.authors:
        return {"@type": "Person", "name": article.authors[0]}
    return None
