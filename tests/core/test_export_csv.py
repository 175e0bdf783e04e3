"""The CSV claim report, parsed back with the csv module as a spreadsheet user would see it."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import pytest

from tests.export_session import FORMULA_RATIONALE, HOSTILE_TITLE, build_review
from workbench.domain.errors import InvalidValueError, NotFoundError
from workbench.domain.scales import get_scale
from workbench.export.csv_report import write_csv
from workbench.export.filters import ExportFilter
from workbench.export.rows import COLUMNS
from workbench.services import claim_edits


def export(db, session_id, claim_filter=None, *, bom=True) -> bytes:
    buffer = io.BytesIO()
    text = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
    write_csv(text, db, session_id, claim_filter, bom=bom)
    text.flush()
    return buffer.getvalue()


def parse(data: bytes) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    assert tuple(reader.fieldnames or ()) == COLUMNS
    return list(reader)


def by_id(rows: list[dict[str, str]]) -> dict[int, dict[str, str]]:
    return {int(row["claim id"]): row for row in rows}


def test_one_row_per_claim_with_every_column(any_db):
    review = build_review(any_db)
    data = export(any_db, review.session_id)
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM spreadsheet programs need for UTF-8
    rows = by_id(parse(data))
    assert set(rows) == {review.troops, review.quote, review.systems, review.unverifiable, review.prices}
    troops = rows[review.troops]
    assert troops["session"] == 'Border desk <b>"A"</b>'
    assert troops["article title"] == HOSTILE_TITLE
    assert troops["article URL"] == "https://news.example/belarus"
    assert troops["publication date"] == "2024-02-20"
    assert (troops["kind"], troops["quoted span"]) == ("figure", "About 32,000 troops")
    assert (troops["value"], troops["unit"]) == ("32000", "troop")
    assert (troops["status"], troops["verdict"]) == ("accepted", "False")
    assert troops["rationale"] == "'" + FORMULA_RATIONALE  # neutralised on every database
    assert rows[review.prices]["value"] == "-3" and rows[review.prices]["wording"].startswith("'-5")
    assert troops["sources"].split("\n") == [
        'Ministry <script>x</script> "figures" <https://gov.example/figures?a=1&b=2>',
        "<https://archive.example/page>",
    ]
    assert troops["reviewer"] == "bob"
    updated = datetime.fromisoformat(troops["last updated"])
    assert updated.tzinfo is not None and "T" in troops["last updated"]
    assert (troops["paragraph"], troops["start"], troops["end"]) == ("2", "26", "45")
    quote = rows[review.quote]
    assert (quote["speaker"], quote["verdict"], quote["paragraph"]) == ("Alexander Lukashenko", "True", "3")
    assert rows[review.systems]["verdict"] == "Unreviewed"
    assert rows[review.systems]["value"] == "S-400"
    prices = rows[review.prices]
    assert (prices["article title"], prices["publication date"], prices["paragraph"]) == ("Prices", "", "2")


def test_rows_follow_reading_order(sqlite_db):
    review = build_review(sqlite_db)
    ids = [int(row["claim id"]) for row in parse(export(sqlite_db, review.session_id))]
    assert ids == [review.troops, review.unverifiable, review.quote, review.systems, review.prices]


def test_plain_utf8_option_has_no_bom(sqlite_db):
    review = build_review(sqlite_db)
    data = export(sqlite_db, review.session_id, bom=False)
    assert not data.startswith(b"\xef\xbb\xbf")
    assert data.startswith(b"session,article title,")
    assert len(parse(data)) == 5


def test_rfc4180_quoting_and_newlines_kept(sqlite_db):
    review = build_review(sqlite_db)
    data = export(sqlite_db, review.session_id, bom=False)
    # CRLF between records; a newline inside a cell stays, inside quotes.
    assert data.split(b"\r\n")[0] == ",".join(COLUMNS).encode()
    rows = by_id(parse(data))
    assert rows[review.unverifiable]["wording"] == "Officials said troops\nwere deployed"
    assert rows[review.troops]["rationale"] == "'" + FORMULA_RATIONALE
    assert '"He said ""prepared"" <b>twice</b>."' in data.decode()


def test_formulas_are_neutralised_but_numbers_stay_numbers(sqlite_db):
    review = build_review(sqlite_db)
    data = export(sqlite_db, review.session_id, bom=False)
    rows = by_id(parse(data))
    assert rows[review.troops]["rationale"].startswith("'=HYPERLINK(")
    assert rows[review.unverifiable]["rationale"] == "'@SUM(1,2)"
    assert rows[review.prices]["rationale"] == "'+5 is what the table shows"
    assert rows[review.prices]["wording"] == "'-5 percent, says the ministry"
    # The value -3 is a number: written bare, so a spreadsheet reads it as one.
    assert rows[review.prices]["value"] == "-3"
    line = next(row for row in data.decode().split("\r\n") if "fell by 5 percent" in row)
    assert """,fell by 5 percent,"'-5 percent, says the ministry",-3,%,""" in line


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_is_neutralised(sqlite_db, start):
    review = build_review(sqlite_db)
    claim_edits.update_claim(
        sqlite_db, review.systems, {"rationale": f"{start}1+1", "wording": f"{start}cmd|' /C calc'!A0"},
        by="eve", expected_version=None,
    )
    row = by_id(parse(export(sqlite_db, review.session_id)))[review.systems]
    assert row["rationale"] == f"'{start}1+1"
    assert row["wording"] == f"'{start}cmd|' /C calc'!A0"


def test_filters(sqlite_db):
    review = build_review(sqlite_db)
    scale = get_scale("default")

    def ids(**options) -> set[int]:
        claim_filter = ExportFilter.from_user(scale, **options)
        return set(by_id(parse(export(sqlite_db, review.session_id, claim_filter))))

    assert ids(accepted_only=True) == {review.troops, review.quote}
    assert ids(verdicts=["False", "true"]) == {review.troops, review.quote}
    assert ids(verdicts=["unreviewed"]) == {review.systems}
    assert ids(verdicts=["0", "mostly-false"]) == {review.systems, review.prices}
    assert ids(kinds=["figure"]) == {review.troops, review.prices}
    assert ids(article_id=review.second_article_id) == {review.prices}
    assert ids(kinds=["figure"], accepted_only=True, article_id=review.article_id) == {review.troops}
    assert ids(kinds=["date"]) == set()


def test_bad_filters_are_user_errors(sqlite_db):
    review = build_review(sqlite_db)
    scale = get_scale("default")
    with pytest.raises(InvalidValueError, match="not a verdict"):
        ExportFilter.from_user(scale, verdicts=["pants on fire"])
    with pytest.raises(InvalidValueError, match="not a kind"):
        ExportFilter.from_user(scale, kinds=["rumour"])
    with pytest.raises(NotFoundError, match="not in session"):
        export(sqlite_db, review.session_id, ExportFilter(article_id=review.second_article_id + 100))
    with pytest.raises(NotFoundError):
        export(sqlite_db, review.session_id + 100)
