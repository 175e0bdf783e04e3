"""A small review session for the export tests: hostile text, every verdict case, sources."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tests.factories import DEMO_TEXT, make_article
from workbench.domain.records import ClaimDraft
from workbench.services import claim_edits
from workbench.storage import articles, sessions, sources
from workbench.storage.database import Database, open_database

HOSTILE_TITLE = 'Belarus <script>alert("x")</script> & "war"'
SECOND_TEXT = "Prices rose\n\nPrices fell by 5 percent in March, the ministry said."
FORMULA_RATIONALE = '=HYPERLINK("http://evil.example","click")\nSecond line of the rationale.'


@dataclass(frozen=True)
class Review:
    session_id: int
    article_id: int
    second_article_id: int
    troops: int  # figure, accepted, False, two sources, formula rationale
    quote: int  # quote with speaker, accepted, True
    systems: int  # equipment, proposed, no verdict
    unverifiable: int  # statement, dismissed, Unverifiable (no ClaimReview rating)
    prices: int  # figure in the second article, value -3, wording starting with "-"


def _span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def build_review(db: Database) -> Review:
    session = sessions.create_session(db, 'Border desk <b>"A"</b>', reviewer="ana")
    article = articles.add_article(db, session.id, make_article(title=HOSTILE_TITLE))
    second = articles.add_article(
        db, session.id,
        make_article(SECOND_TEXT, title="Prices", source="https://news.example/prices", published=None),
    )

    def add(article_id: int, text: str, needle: str, kind: str, **draft: object) -> int:
        start, end = _span(text, needle)
        return claim_edits.add_claim(db, article_id, ClaimDraft(kind, start, end, **draft), by="ana").id  # type: ignore[arg-type]

    troops = add(article.id, DEMO_TEXT, "About 32,000 troops", "figure", value=32000, unit="troop")
    quote = add(article.id, DEMO_TEXT, "We must be prepared as much as possible", "quote",
                speaker="Alexander Lukashenko")
    systems = add(article.id, DEMO_TEXT, "S-400 systems", "equipment", value="S-400")
    unverifiable = add(article.id, DEMO_TEXT, "officials said", "statement",
                       wording="Officials said troops\nwere deployed")
    prices = add(second.id, SECOND_TEXT, "fell by 5 percent", "figure", value=-3, unit="%",
                 wording="-5 percent, says the ministry")

    def edit(claim_id: int, **changes: object) -> None:
        claim_edits.update_claim(db, claim_id, dict(changes), by="bob", expected_version=None)

    edit(troops, status="accepted", verdict="false", rationale=FORMULA_RATIONALE)
    edit(quote, status="accepted", verdict="true", rationale='He said "prepared" <b>twice</b>.')
    edit(unverifiable, status="dismissed", verdict="unverifiable", rationale="@SUM(1,2)")
    edit(prices, verdict="mostly-false", rationale="+5 is what the table shows")
    ministry = sources.add_source(db, session.id, "https://gov.example/figures?a=1&b=2",
                                  title='Ministry <script>x</script> "figures"')
    plain = sources.add_source(db, session.id, "https://archive.example/page")
    sources.attach_source(db, troops, ministry.id, by="ana", stance="refutes", passage="30,000")
    sources.attach_source(db, troops, plain.id, by="ana")
    sources.attach_source(db, prices, ministry.id, by="bob", stance="supports")
    return Review(session.id, article.id, second.id, troops, quote, systems, unverifiable, prices)


def review_file(path: Path) -> Path:
    """A SQLite file at ``path`` holding the review (``build_review``); returns the path."""
    db = open_database(path)
    try:
        build_review(db)
    finally:
        db.close()
    return path
