"""The printable HTML report, read back with html.parser."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from html.parser import HTMLParser

from sqlalchemy import select

from tests.export_session import HOSTILE_TITLE, build_review
from workbench.domain.snapshots import ArchivedCopy
from workbench.export.filters import ExportFilter
from workbench.export.report_html import write_html
from workbench.storage import snapshots as snapshot_store
from workbench.storage import sources
from workbench.storage.models import Source


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self._open: list[str] = []
        self.headings: list[str] = []
        self.claims: list[str] = []
        self.rows: list[list[str]] = []
        self._claim_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._open.append(tag)
        if tag == "tr":
            self.rows.append([])
        if tag in ("td", "th"):
            self.rows[-1].append("")
        if tag == "div" and dict(attrs).get("class") == "claim":
            self.claims.append("")
            self._claim_depth = len(self._open)

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1] == tag:
            if len(self._open) == self._claim_depth:
                self._claim_depth = 0
            self._open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._open and self._open[-1] in ("h1", "h2"):
            self.headings.append(data)
        if self._claim_depth:
            self.claims[-1] += data
        if "td" in self._open or "th" in self._open:
            self.rows[-1][-1] += data


def render(db, session_id, claim_filter=None) -> tuple[str, Page]:
    out = io.StringIO()
    write_html(out, db, session_id, claim_filter)
    page = Page()
    page.feed(out.getvalue())
    page.close()
    return out.getvalue(), page


def test_report_shows_metadata_summary_and_claims(any_db):
    review = build_review(any_db)
    _html, page = render(any_db, review.session_id)
    assert page.headings == [
        'Border desk <b>"A"</b>', "Summary of verdicts", HOSTILE_TITLE, "Prices"
    ]
    text = "".join(page.text)
    assert "Published: 2024-02-20" in text and "By: Ana Reporter" in text
    # Summary: one row per verdict present, and the total.
    rows = [[cell.replace("\u25a0", "").strip() for cell in row] for row in page.rows]
    assert ["False", "1"] in rows and ["True", "1"] in rows and ["Unreviewed", "1"] in rows
    assert ["All", "5"] in rows
    assert len(page.claims) == 5
    troops = next(c for c in page.claims if "About 32,000 troops" in c)
    assert "False" in troops and '=HYPERLINK("http://evil.example","click")' in troops
    assert 'Ministry <script>x</script> "figures"' in troops
    assert "https://gov.example/figures?a=1&b=2" in troops and "(refutes)" in troops


def test_everything_from_articles_is_escaped_and_nothing_runs_or_loads(sqlite_db):
    review = build_review(sqlite_db)
    html, page = render(sqlite_db, review.session_id)
    tags = [tag for tag, _ in page.tags]
    assert "script" not in tags and "iframe" not in tags and "img" not in tags
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert all(tag != "b" for tag in tags)  # a title's <b> is text, not bold
    assert not any("src" in attrs for _, attrs in page.tags)
    assert not any(tag == "link" for tag in tags)
    hrefs = [attrs["href"] for tag, attrs in page.tags if tag == "a"]
    assert "https://gov.example/figures?a=1&b=2" in hrefs
    assert all(href and href.startswith("https://") for href in hrefs)
    assert "@media print" in html  # printable


def test_report_follows_the_filter(sqlite_db):
    review = build_review(sqlite_db)
    _html, page = render(sqlite_db, review.session_id, ExportFilter(article_id=review.second_article_id))
    assert page.headings[-1] == "Prices" and HOSTILE_TITLE not in page.headings
    assert len(page.claims) == 1 and "fell by 5 percent" in page.claims[0]
    _html, page = render(sqlite_db, review.session_id, ExportFilter(accepted_only=True))
    assert len(page.claims) == 2
    assert "No claims match." in "".join(page.text)  # the second article has no accepted claim


def _archive(db, url: str, at: datetime) -> None:  # noqa: ANN001
    """Keep an archived copy of the session's source at ``url``, as fetched at ``at`` (no network)."""
    source = next(s for s in sources.list_sources(db, sources_session(db, url)) if s.url == url)
    copy = ArchivedCopy(url, at, raw=b"<p>30,000</p>", sha256="ab" * 32, http_status=200,
                        content_type="text/html", final_url=url, text="30,000")
    with db.session() as orm:
        snapshot_store.add_snapshot_in(orm, source.id, copy, by="ana")


def sources_session(db, url: str) -> int:  # noqa: ANN001
    with db.reading() as orm:
        return orm.scalars(select(Source.session_id).where(Source.url == url)).one()


def test_each_source_shows_its_stance_passage_and_archive_date_and_a_thin_verdict_is_marked(sqlite_db):
    review = build_review(sqlite_db)
    _archive(sqlite_db, "https://gov.example/figures?a=1&b=2", datetime(2026, 3, 4, 10, 0, tzinfo=UTC))
    html, page = render(sqlite_db, review.session_id)
    troops = next(c for c in page.claims if "About 32,000 troops" in c)
    assert "(refutes)\n“30,000”\nArchived 2026-03-04" in troops
    assert "https://archive.example/page (context)\nNot archived" in troops
    # False on one refuting publisher (context does not count): marked against the scale's two.
    assert "Supports 0 · Refutes 1 · Context 1 — 1 independent publisher." in troops
    assert "Rests on fewer than 2 independent sources." in troops
    systems = next(c for c in page.claims if "S-400" in c)
    assert "independent publisher" not in systems  # no verdict: nothing stands or falls

    other = sources.add_source(sqlite_db, review.session_id, "https://news.example/border", title="Border news")
    sources.attach_source(sqlite_db, review.troops, other.id, by="ana", stance="refutes")
    _html, page = render(sqlite_db, review.session_id)
    troops = next(c for c in page.claims if "About 32,000 troops" in c)
    assert "Supports 0 · Refutes 2 · Context 1 — 2 independent publishers." in troops
    assert "Rests on fewer than" not in troops
