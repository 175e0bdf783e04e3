"""schema.org ClaimReview JSON-LD, one object per reviewed claim.

The fields Google's fact-check markup expects: claimReviewed, reviewRating
(ratingValue, bestRating, worstRating, alternateName) from the session's
verdict scale, itemReviewed (a Claim with author, datePublished and the
article it appeared in), author (the publishing organisation), datePublished
and url. A claim is left out when it has no verdict, or when its verdict has
no rating on the scale (e.g. "Unverifiable"); how many is reported as a warning.

Google's rules for the markup are checked, and the claims that break them
are named in the warnings: ``claimReviewed`` must be under 75 characters and
must not state the rating; every numeric rating needs its text rating
(``alternateName``); ``url`` must be a web address on the publisher's own
site, not on the site of an article it reviews; and ``author`` needs the
publisher's name, which is a preference (``--publisher`` or the dialog),
empty until set.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, TextIO
from urllib.parse import urlsplit

from workbench.export.filters import ExportFilter
from workbench.export.pace import NO_PACE, Pace
from workbench.export.query import ArticleInfo
from workbench.export.rows import ClaimRow, open_report
from workbench.storage.database import Database

# Google shows claimReviewed up to this many characters.
CLAIM_REVIEWED_LIMIT = 75
LISTED = 10  # claim ids named in one warning before "and N more"

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

    ``publisher`` names the fact-checking organisation (no default: without it
    ``author`` is left out, with a warning). ``review_url`` is the page where
    the fact check is published; each review's url is it plus ``#claim-<id>``.
    """
    result = ClaimReviewExport()
    with open_report(db, session_id, claim_filter) as report:
        pace.start()
        organisation = (publisher or "").strip()
        scale = report.scale
        hosts: set[str] = set()
        for row in pace.each(report.claims()):
            if row.level == scale.levels[0]:
                result.unreviewed += 1
            elif row.level.rating is None:
                result.unrated += 1
            else:
                article = report.articles[row.article_id]
                hosts.add(_host(article.url))
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
    if result.reviews:
        result.warnings += rule_warnings(result.reviews, organisation, review_url, hosts - {""})
    return result


def rule_warnings(reviews: list[dict[str, Any]], organisation: str, review_url: str | None,
                  reviewed_hosts: set[str]) -> list[str]:
    """Google's rules the reviews break, each naming the claims that break it."""
    long, rated, unnamed = [], [], []
    for item in reviews:
        claim_id = item["identifier"]
        said = item["claimReviewed"]
        rating = item["reviewRating"]
        if len(said) >= CLAIM_REVIEWED_LIMIT:
            long.append(claim_id)
        label = str(rating.get("alternateName") or "")
        if label and re.search(rf"(?<!\w){re.escape(label)}(?!\w)", said, re.IGNORECASE):
            rated.append(claim_id)
        if rating.get("ratingValue") is not None and not label:
            unnamed.append(claim_id)
    warnings = []
    if long:
        warnings.append(f"claimReviewed is {CLAIM_REVIEWED_LIMIT} characters or more (Google wants it shorter; "
                        f"set a shorter wording): {_claims(long)}.")
    if rated:
        warnings.append(f"claimReviewed states its own rating (Google forbids it; reword the claim): {_claims(rated)}.")
    if unnamed:
        warnings.append(f"A numeric rating without its text rating (alternateName): {_claims(unnamed)}.")
    if not organisation:
        warnings.append("No publisher set, so 'author' is left out; Google needs the fact-checking organisation "
                        "(give --publisher, or the Publisher field of the export dialog).")
    if review_url:
        host = _host(review_url)
        if not review_url.lower().startswith(("http://", "https://")) or not host:
            warnings.append(f"The review URL {review_url!r} is not a web address; Google needs the published "
                            "fact check's page.")
        elif host in reviewed_hosts:
            warnings.append(f"The review URL is on {host}, the site of an article reviewed, not the publisher's own "
                            "site; Google needs the fact check on the publisher's domain.")
    return warnings


def _claims(ids: list[Any]) -> str:
    shown = ", ".join(str(claim_id).removeprefix("claim-") for claim_id in ids[:LISTED])
    more = f" and {len(ids) - LISTED} more" if len(ids) > LISTED else ""
    return f"claim{'s' if len(ids) > 1 else ''} {shown}{more}"


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower() if url else ""
    return host.removeprefix("www.")


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
        "datePublished": row.updated[:10],
        "identifier": f"claim-{row.claim_id}",
    }
    if organisation:
        item["author"] = {"@type": "Organization", "name": organisation}
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
