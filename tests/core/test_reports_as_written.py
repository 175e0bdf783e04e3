"""Reports people read show what the article wrote: "30%" as 30 percent, one date format,
the passages quoted from sources; the machine formats keep the stored values."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.export_session import build_review
from tests.factories import make_article
from workbench.domain.records import ClaimDraft
from workbench.domain.written import as_written, published_day
from workbench.export.formats.base import ExportOptions
from workbench.export.run import export
from workbench.services import claim_edits
from workbench.storage import articles, sessions
from workbench.storage.database import Database

TEXT = "Inflation rose 30% last year.\n\nThe party took 4.5 percent, up from 10-15 per cent."


def _text(db: Database, session_id: int, kind: str, **options: object) -> str:
    out = io.StringIO(newline="")
    export(db, session_id, ExportOptions(kind, **options), out)  # type: ignore[arg-type]
    return out.getvalue()


def _percent_session(db: Database) -> int:
    session = sessions.create_session(db, "Polls", reviewer="ana")
    article = articles.add_article(db, session.id, make_article(TEXT, title="Polls", published="2019-11-20T08:02:00+00:00"))
    for needle, value in (("30%", 0.3), ("4.5 percent", 0.045), ("10-15 per cent", [0.1, 0.15])):
        start = TEXT.index(needle)
        claim = claim_edits.add_claim(db, article.id, ClaimDraft("figure", start, start + len(needle), value=value,
                                                                  unit="percent"), by="ana")
        claim_edits.update_claim(db, claim.id, {"verdict": "true"}, by="ana", expected_version=None)
    return session.id


def test_a_share_in_percent_reads_as_the_percentage_in_csv_and_the_report(sqlite_db: Database):
    session_id = _percent_session(sqlite_db)
    rows = list(csv.DictReader(io.StringIO(_text(sqlite_db, session_id, "csv").lstrip("\ufeff"))))
    assert [(row["value"], row["unit"]) for row in rows] == [("30", "percent"), ("4.5", "percent"),
                                                           ("10–15", "percent")]
    html = _text(sqlite_db, session_id, "html")
    assert "value 30 percent" in html and "value 4.5 percent" in html and "value 10–15 percent" in html
    # The machine contract keeps the stored share.
    document = json.loads(_text(sqlite_db, session_id, "json"))
    assert [c["value"] for a in document["articles"] for c in a["claims"]] == [0.3, 0.045, [0.1, 0.15]]


def test_every_publication_date_in_a_report_has_one_format(sqlite_db: Database):
    session_id = _percent_session(sqlite_db)
    rows = list(csv.DictReader(io.StringIO(_text(sqlite_db, session_id, "csv").lstrip("\ufeff"))))
    assert {row["publication date"] for row in rows} == {"2019-11-20"}
    assert "Published: 2019-11-20<" in _text(sqlite_db, session_id, "html")


def test_the_report_quotes_each_source_with_its_stance_and_passage(sqlite_db: Database):
    review = build_review(sqlite_db)
    html = _text(sqlite_db, review.session_id, "html")
    assert "(refutes)<br>\n“30,000”" in html  # the passage the reviewer quoted from the ministry


@pytest.mark.parametrize("value, unit, shown", [
    (0.3, "percent", 30), (0.045, "percent", 4.5), ([0.1, 0.15], "percent", [10, 15]),
    (32000, "troop", 32000), ("2024-02-20", None, "2024-02-20"), (True, "percent", True),
])
def test_values_as_written(value, unit, shown):  # noqa: ANN001
    assert as_written(value, unit) == shown


@pytest.mark.parametrize("published, day", [
    ("2024-02-20", "2024-02-20"), ("2019-11-20T08:02:00+00:00", "2019-11-20"), ("2019-11-20T08:02:00Z", "2019-11-20"),
    ("2019-11-20 08:02", "2019-11-20"), ("", ""), (None, ""), ("February 2024", "February 2024"),
])
def test_publication_days(published, day):  # noqa: ANN001
    assert published_day(published) == day
