"""Exports and the team's review: only approved claims on request, assignee and review state shown and kept."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.export_session import Review, build_review
from workbench.cli import main
from workbench.domain.errors import SessionFileError
from workbench.export.filters import ExportFilter
from workbench.export.formats.base import ExportOptions
from workbench.export.json_export import session_document
from workbench.export.run import export_text
from workbench.services.edits import apply
from workbench.services.export import import_session, import_session_file
from workbench.services.review_edits import AssignArticle, AssignClaim, SetReviewState
from workbench.storage import articles, claims
from workbench.storage.database import Database, open_database


def _team_review(db: Database) -> Review:
    """Troops (accepted) and prices (not accepted) approved; troops with bo, the first article with cy."""
    review = build_review(db)
    for claim_id in (review.troops, review.prices):
        apply(db, SetReviewState(claim_id, "approved"), by="ed")
    apply(db, SetReviewState(review.quote, "needs-second-check"), by="ana")
    apply(db, AssignClaim(review.troops, "bo"), by="ed")
    apply(db, AssignArticle(review.article_id, "cy"), by="ed")
    return review


def _text(db: Database, review: Review, name: str, claim_filter: ExportFilter) -> str:
    text, _outcome = export_text(db, review.session_id, ExportOptions(name, claim_filter))
    return text


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def test_approved_only_limits_every_format_to_the_approved_claims(any_db):
    review = _team_review(any_db)
    approved = ExportFilter(approved_only=True)
    both = {review.troops, review.prices}
    assert {int(row["claim id"]) for row in _csv_rows(_text(any_db, review, "csv", approved))} == both
    document = json.loads(_text(any_db, review, "json", approved))
    assert {c["id"] for a in document["articles"] for c in a["claims"]} == both
    html = _text(any_db, review, "html", approved)
    assert {f'id="claim-{n}"' in html for n in both} == {True}
    assert f'id="claim-{review.quote}"' not in html and "approved claims" in html
    reviews = json.loads(_text(any_db, review, "claimreview", approved))
    everything = json.loads(_text(any_db, review, "claimreview", ExportFilter()))
    assert len(reviews) == 2 and len(everything) == 3  # the quote (True) is rated but not approved


def test_approved_only_with_accepted_only_needs_both(any_db):
    review = _team_review(any_db)
    rows = _csv_rows(_text(any_db, review, "csv", ExportFilter(accepted_only=True, approved_only=True)))
    assert [int(row["claim id"]) for row in rows] == [review.troops]


def test_csv_and_html_show_the_review_state_and_assignee(any_db):
    review = _team_review(any_db)
    rows = {int(row["claim id"]): row for row in _csv_rows(_text(any_db, review, "csv", ExportFilter()))}
    assert (rows[review.troops]["review state"], rows[review.troops]["assigned to"]) == ("approved", "bo")
    assert (rows[review.quote]["review state"], rows[review.quote]["assigned to"]) == ("needs second check", "")
    assert rows[review.systems]["review state"] == "unstarted"
    html = _text(any_db, review, "html", ExportFilter())
    assert "approved · assigned to bo" in html and "needs second check" in html


def test_the_session_file_keeps_assignments_and_review_states(any_db, tmp_path: Path):
    review = _team_review(any_db)
    document = session_document(any_db, review.session_id)
    elsewhere = open_database(tmp_path / "elsewhere.sqlite")
    try:
        moved = import_session_file(elsewhere, io.BytesIO(json.dumps(document).encode("utf-8")))
        by_text = {c.text: c for c in claims.list_claims(elsewhere, session_id=moved.id)}
        troops = by_text["About 32,000 troops"]
        assert (troops.assignee, troops.review_state) == ("bo", "approved")
        assert by_text["We must be prepared as much as possible"].review_state == "needs_second_check"
        assert [a.assignee for a in articles.list_articles(elsewhere, moved.id)] == ["cy", ""]
    finally:
        elsewhere.close()


def test_a_session_file_made_before_the_review_fields_imports_unstarted_and_unassigned(sqlite_db):
    review = _team_review(sqlite_db)
    document = session_document(sqlite_db, review.session_id)
    for article in document["articles"]:
        del article["assignee"]
        for claim in article["claims"]:
            del claim["assignee"], claim["review_state"]
    imported = import_session(sqlite_db, document)
    shown = claims.list_claims(sqlite_db, session_id=imported.id)
    assert {(c.assignee, c.review_state) for c in shown} == {("", "unstarted")}


def test_a_review_state_the_workbench_does_not_know_is_refused(sqlite_db):
    review = _team_review(sqlite_db)
    document = session_document(sqlite_db, review.session_id)
    document["articles"][0]["claims"][0]["review_state"] = "published"
    document["articles"][1]["assignee"] = 7
    with pytest.raises(SessionFileError) as refused:
        import_session(sqlite_db, document)
    assert "articles[0].claims[0].review_state 'published' is not one of" in str(refused.value)
    assert "articles[1].assignee should be text" in str(refused.value)


def test_the_cli_exports_only_approved_claims(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    path = tmp_path / "review.sqlite"
    db = open_database(path)
    review = _team_review(db)
    db.close()
    assert main(["export", str(review.session_id), "--db", str(path), "--approved-only"]) == 0
    rows = _csv_rows(capsys.readouterr().out)
    assert sorted(int(row["claim id"]) for row in rows) == sorted([review.troops, review.prices])
