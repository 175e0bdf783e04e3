"""The CSV claim report: one row per claim, ready for a spreadsheet.

Spreadsheets open it correctly: UTF-8 with a byte order mark by default
(Excel needs it to read UTF-8), RFC 4180 quoting with CRLF row ends, and
newlines inside cells kept. Text that a spreadsheet would run as a formula
is neutralised with a leading apostrophe (OWASP's advice for CSV injection);
numbers are written as numbers, so a value of -3 stays a number. Values and
dates read as the article wrote them (``domain.written``): "30%" is 30 with
the unit percent (the session file keeps 0.3), and every publication date is
``YYYY-MM-DD``.

The caller opens the file with ``newline=""`` (the csv module's rule), e.g.
``open(path, "w", encoding="utf-8", newline="")``.
"""

from __future__ import annotations

import csv
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

from workbench.domain.kinds import ReviewState
from workbench.domain.review import state_label
from workbench.domain.written import PERCENT, as_written, published_day
from workbench.export.filters import ExportFilter
from workbench.export.pace import NO_PACE, Pace
from workbench.export.rows import COLUMNS, ClaimRow, Report, open_report
from workbench.storage.database import Database

BOM = "\ufeff"
# What a spreadsheet treats as the start of a formula (tab and CR too: some
# programs strip them and then see the formula behind).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBERS = frozenset({int, float})


class _Dialect(csv.Dialect):
    """RFC 4180: comma, double quotes doubled, CRLF between records."""

    delimiter = ","
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\r\n"
    quoting = csv.QUOTE_MINIMAL


def write_csv(
    out: TextIO,
    db: Database,
    session_id: int,
    claim_filter: ExportFilter | None = None,
    *,
    bom: bool = True,
    pace: Pace = NO_PACE,
) -> int:
    """Write the session's claims; returns how many rows were written."""
    with open_report(db, session_id, claim_filter) as report:
        pace.start()
        if bom:
            out.write(BOM)
        writer = csv.writer(out, dialect=_Dialect)
        writer.writerow(COLUMNS)
        cells = _Cells(report, pace)
        # writerows drives the generator from C: cheaper than a writerow call per row.
        writer.writerows(cells)
        return cells.count


class _Cells:
    """The report's claims as CSV cells: text neutralised, numbers left as numbers.

    One pass from the query's tuples to cells, written for speed (100,000
    claims must cost little more than the csv module reading straight from
    SQL): the article's cells are made when the rows move to the next
    article, the formula check is done by the query, and what stays alive
    while claims stream is plain text, which the garbage collector skips.
    """

    def __init__(self, report: Report, pace: Pace = NO_PACE) -> None:
        self.report = report
        self.pace = pace
        self.count = 0

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        report = self.report
        decode, iso, blocks, articles = report.decode, report.iso, report.blocks, report.articles
        # Text alone stays alive while claims stream: a string per claim with sources.
        evidence = report.source_tuples()
        source_cells = {claim_id: safe(sources_cell(refs)) for claim_id, refs in evidence.items()}
        evidence_cells = {claim_id: evidence_columns(refs) for claim_id, refs in evidence.items()}
        verdicts = {key: safe(label) for key, label in report.labels.items()}
        reviewer_default = safe(report.session.reviewer)
        session_title = safe(report.session.title)
        states = {state.value: state_label(state) for state in ReviewState}
        # Values stored as text (dates, names, ranges as JSON on SQLite) repeat
        # within a session: each distinct one is decoded and neutralised once.
        text_values: dict[str, Any] = {}
        last_article: int | None = None
        last_version: int | None = -1
        title = url = published = ""
        starts: list[int] = []
        # The free-text columns arrive neutralised by the query.
        for batch in report.raw_batches(neutralise=FORMULA_STARTS):
            self.pace.claims(self.count)  # once a batch: cancel stops before the next rows
            self.count += len(batch)
            for (claim_id, article_id, version_id, kind, start, end, text, wording, value, unit,
                 speaker, status, verdict, rationale, reviewer, updated_at, review_state, assignee) in batch:
                if article_id != last_article or version_id != last_version:  # rows come article by article
                    last_article, last_version = article_id, version_id
                    info = articles[article_id]
                    title, url, published = safe(info.title), safe(info.url), safe(published_day(info.published))
                    starts = blocks.starts(article_id, version_id)
                if value is None:
                    value = ""
                elif unit == PERCENT:  # as the article wrote it: 30, not 0.3
                    value = value_cell(as_written(decode(value) if type(value) is str else value, unit))
                elif type(value) is str:  # JSON text on SQLite; numbers arrive as numbers
                    cell = text_values.get(value)
                    if cell is None:
                        cell = text_values[value] = value_cell(decode(value))
                    value = cell
                elif type(value) not in NUMBERS:
                    value = value_cell(value)
                yield (
                    session_title,
                    title,
                    url,
                    published,
                    claim_id,
                    kind,
                    text,
                    wording,
                    value,
                    unit,
                    speaker,
                    status,
                    verdicts.get(verdict) or safe(str(verdict)),
                    rationale,
                    source_cells.get(claim_id, ""),
                    reviewer or reviewer_default,
                    iso(updated_at),
                    bisect_right(starts, start) or "",
                    start,
                    end,
                    states.get(review_state) or state_label(review_state or "unstarted"),
                    assignee or "",
                    *evidence_cells.get(claim_id, NO_EVIDENCE),
                )
        self.pace.claims(self.count)


def cells(row: ClaimRow) -> tuple[Any, ...]:
    """One ``ClaimRow`` as CSV cells, the same as ``write_csv`` writes them."""
    return (
        safe(row.session),
        safe(row.article_title),
        safe(row.article_url),
        safe(published_day(row.published)),
        row.claim_id,
        row.kind,
        safe(row.text),
        safe(row.wording),
        value_cell(as_written(row.value, row.unit)),
        safe(row.unit),
        safe(row.speaker),
        row.status,
        safe(row.verdict),
        safe(row.rationale),
        safe(sources_cell(row.sources)) if row.sources else "",
        safe(row.reviewer),
        row.updated,
        "" if row.paragraph is None else row.paragraph,
        row.start,
        row.end,
        row.review_state,
        safe(row.assignee),
        *(evidence_columns(row.sources) if row.sources else NO_EVIDENCE),
    )


NO_EVIDENCE = ("", "", "", "")


def evidence_columns(sources: Sequence[tuple[str, ...]]) -> tuple[str, str, str, str]:
    """The source URLs, stances, quoted passages and snapshot hashes, one line per source.

    A passage's own line breaks become spaces, so line n of each cell is source n.
    """
    return (
        safe("\n".join(ref[1] for ref in sources)),
        "\n".join(ref[2] for ref in sources),
        safe("\n".join(" ".join(ref[3].split()) for ref in sources)),
        "\n".join(ref[4] if len(ref) > 4 else "" for ref in sources),
    )


def safe(text: str) -> str:
    """Text a spreadsheet will show, never run: formulas get a leading apostrophe."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def value_cell(value: Any) -> Any:
    """A claim's value: numbers stay numbers; a range reads "low–high"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return safe(str(value).lower())
    if isinstance(value, int | float):
        return value
    if isinstance(value, list):
        return safe("–".join(str(part) for part in value))
    return safe(str(value))


def sources_cell(sources: Sequence[tuple[str, ...]]) -> str:
    """All sources in one cell, one per line: ``title <url>``.

    ``sources`` are ``SourceRef`` objects or the plain (title, url, stance, passage) tuples they are made of.
    """
    return "\n".join(f"{ref[0]} <{ref[1]}>" if ref[0] else f"<{ref[1]}>" for ref in sources)
