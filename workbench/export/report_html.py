"""The printable report as HTML: article metadata, a summary of verdicts, each claim.

Self-contained: no scripts, no style sheets or images from elsewhere, so it
prints the same anywhere and opening it sends nothing over the network.
Everything that came from an article or a reviewer is escaped. The same HTML
feeds Qt's PDF printing (``workbench.gui.pdf_export``), so the styles stay
within what QTextDocument understands.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from html import escape
from typing import TextIO

from workbench.domain.scales import Level, Scale
from workbench.domain.written import as_written, published_day
from workbench.evidence.standing import standing_of
from workbench.export.filters import ExportFilter
from workbench.export.pace import NO_PACE, Pace
from workbench.export.query import ArticleInfo
from workbench.export.rows import ClaimRow, Report, SourceRef, open_report
from workbench.storage.database import Database

STYLE = """
body { font-family: "DejaVu Serif", Georgia, serif; font-size: 11pt; color: #111; margin: 2em; }
h1 { font-size: 20pt; margin-bottom: 0.2em; }
h2 { font-size: 15pt; margin-top: 1.5em; border-bottom: 1px solid #999; }
.meta { color: #444; font-size: 9.5pt; }
table.summary { border-collapse: collapse; }
table.summary td, table.summary th { border: 1px solid #bbb; padding: 3px 8px; text-align: left; }
.claim { margin: 0.8em 0 1.2em 0; page-break-inside: avoid; }
.verdict { font-weight: bold; }
blockquote { margin: 0.3em 0 0.3em 1.5em; font-style: italic; white-space: pre-wrap; }
.rationale { white-space: pre-wrap; margin: 0.3em 0; }
.sources { margin: 0.2em 0 0 1.5em; font-size: 9.5pt; }
.standing { font-size: 9.5pt; margin: 0.2em 0; }
.too-few { color: #c0571b; font-weight: bold; }
a { color: #1a4a8a; }
@media print { body { margin: 0; } a { color: #111; text-decoration: none; } }
@page { margin: 18mm; }
"""


def write_html(
    out: TextIO, db: Database, session_id: int, claim_filter: ExportFilter | None = None,
    *, pace: Pace = NO_PACE, anchors: bool = True,
) -> int:
    """Write the report; returns how many claims it shows.

    ``anchors``: each claim carries ``id="claim-N"``, so a link can point at
    it in a browser. The PDF leaves them out: Qt's text document handles
    named anchors in time that grows with the square of their number (2,800
    claims took 12 s to print with them, 2 s without).
    """
    html, count = render_report(db, session_id, claim_filter, pace=pace, anchors=anchors)
    out.write(html)
    return count


def render_report(
    db: Database, session_id: int, claim_filter: ExportFilter | None = None, *, pace: Pace = NO_PACE,
    anchors: bool = True,
) -> tuple[str, int]:
    """The report as one HTML document, and how many claims it shows."""
    with open_report(db, session_id, claim_filter) as report:
        pace.start()
        rows = list(pace.each(report.claims()))
        pace.writing()
        parts = [_head(report), _summary(report, rows)]
        by_article: dict[int, list[ClaimRow]] = {}
        for row in rows:
            by_article.setdefault(row.article_id, []).append(row)
        for article in report.articles.values():
            if report.claim_filter.article_id not in (None, article.id):
                continue
            parts.append(_article(article, by_article.get(article.id, []), anchors, report.scale))
    parts.append("</body>\n</html>\n")
    return "".join(parts), len(rows)


def _head(report: Report) -> str:
    session = report.session
    made = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    reviewer = f"Reviewer: {escape(session.reviewer)} · " if session.reviewer else ""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{escape(session.title)} — claim report</title>\n"
        f"<style>{STYLE}</style>\n</head>\n<body>\n"
        f"<h1>{escape(session.title)}</h1>\n"
        f"<p class=\"meta\">{reviewer}Verdict scale: {escape(report.scale.name)} · "
        f"Shows {escape(report.claim_filter.describe())} · Made {made}</p>\n"
        + (f"<p class=\"rationale\">{escape(session.notes)}</p>\n" if session.notes else "")
    )


def _summary(report: Report, rows: list[ClaimRow]) -> str:
    counts = Counter(row.level.key for row in rows)
    lines = [
        "<h2>Summary of verdicts</h2>\n<table class=\"summary\">\n"
        "<tr><th>Verdict</th><th>Claims</th></tr>\n"
    ]
    for level in report.scale.levels:
        if counts[level.key]:
            lines.append(f"<tr><td>{_badge(level)}</td><td>{counts[level.key]}</td></tr>\n")
    lines.append(f"<tr><th>All</th><th>{len(rows)}</th></tr>\n</table>\n")
    return "".join(lines)


def _article(article: ArticleInfo, rows: list[ClaimRow], anchors: bool, scale: Scale) -> str:
    facts = [
        ("Address", _link(article.url) if article.url else escape(article.source)),
        ("Published", escape(published_day(article.published) or "not stated")),
        ("By", escape(", ".join(article.authors)) if article.authors else ""),
        ("Site", escape(article.site_name)),
        ("Versions", str(article.version_count) if article.version_count > 1 else ""),
    ]
    parts = [f"<h2>{escape(article.title)}</h2>\n<p class=\"meta\">"]
    parts.append("<br>\n".join(f"{name}: {value}" for name, value in facts if value))
    parts.append("</p>\n")
    if not rows:
        parts.append("<p class=\"meta\">No claims match.</p>\n")
    for number, row in enumerate(rows, 1):
        parts.append(_claim(number, row, anchors, scale))
    return "".join(parts)


def _claim(number: int, row: ClaimRow, anchors: bool, scale: Scale) -> str:
    details = [row.kind, row.status]
    if row.value is not None and row.value != "":
        details.append(f"value {_value(as_written(row.value, row.unit))}{' ' + row.unit if row.unit else ''}")
    if row.speaker:
        details.append(f"speaker {row.speaker}")
    if row.paragraph is not None:
        details.append(f"paragraph {row.paragraph}")
    details.append(f"claim {row.claim_id}")
    if row.review_state != "unstarted":
        details.append(row.review_state)
    if row.assignee:
        details.append(f"assigned to {row.assignee}")
    details.append(f"{row.reviewer}, {row.updated}" if row.reviewer else row.updated)
    anchor = f" id=\"claim-{row.claim_id}\"" if anchors else ""
    parts = [
        f"<div class=\"claim\"{anchor}>\n"
        f"<p class=\"verdict\">{number}. {_badge(row.level, row.verdict)}</p>\n"
        f"<blockquote>{escape(row.text)}</blockquote>\n"
    ]
    if row.wording and row.wording != row.text:
        parts.append(f"<p class=\"rationale\">{escape(row.wording)}</p>\n")
    parts.append(f"<p class=\"meta\">{escape(' · '.join(details))}</p>\n")
    if row.rationale:
        parts.append(f"<div class=\"rationale\">{escape(row.rationale)}</div>\n")
    if row.level.key != scale.levels[0].key:  # a verdict: what it rests on
        parts.append(_standing(row, scale.min_independent_sources))
    if row.sources:
        parts.append("<ul class=\"sources\">\n")
        parts.extend(f"<li>{_source(ref)}</li>\n" for ref in row.sources)
        parts.append("</ul>\n")
    parts.append("</div>\n")
    return "".join(parts)


def _badge(level: Level, label: str | None = None) -> str:
    colour = escape(level.colour)
    return f"<span style=\"color: {colour}\">&#9632;</span> {escape(label or level.label)}"


def _standing(row: ClaimRow, minimum: int) -> str:
    standing = standing_of([(ref.stance, ref.final_url or ref.url, ref.publisher) for ref in row.sources], minimum)
    mark = (f" <span class=\"too-few\">&#9873; Rests on fewer than {minimum} independent sources.</span>"
            if standing.too_few else "")
    return f"<p class=\"standing\">{escape(standing.describe())}.{mark}</p>\n"


def _source(ref: SourceRef) -> str:
    title = f"{escape(ref.title)} — " if ref.title else ""
    quoted = f"<br>\n“{escape(ref.passage)}”" if ref.passage else ""
    # The date of the archived copy the evidence rests on: what a reader can ask to see.
    archived = f"Archived {escape(ref.archived[:10])}" if ref.archived else "Not archived"
    return f"{title}{_link(ref.url)} ({escape(ref.stance)}){quoted}<br>\n<span class=\"meta\">{archived}</span>"


def _link(url: str) -> str:
    """A link only for web addresses: never a javascript: or file: link from an article."""
    if url.lower().startswith(("http://", "https://")):
        return f"<a href=\"{escape(url, quote=True)}\">{escape(url)}</a>"
    return escape(url)


def _value(value: object) -> str:
    if isinstance(value, list):
        return "–".join(str(part) for part in value)
    return str(value)
