"""A kind added as a spec in a registry, with no ``ClaimKind`` member, goes everywhere a kind goes.

Detected, stored, listed, filtered in an export and accepted in a session
file while its registry is installed; refused by each of those checks once
the workbench's own kinds are back.
"""

from __future__ import annotations

import csv
import io

import pytest

from tests.rumour_kind import RUMOUR_TEXT, TEXT, WITH_RUMOUR, rumour_review, rumours_known
from workbench.cli import main
from workbench.domain.errors import InvalidValueError, SessionFileError
from workbench.domain.kinds import ClaimKind, known_kinds
from workbench.domain.records import ClaimDraft
from workbench.domain.scales import get_scale
from workbench.export.json_export import session_document
from workbench.kinds import KINDS
from workbench.services import claim_edits, claims_read
from workbench.services.export import export_text, import_session
from workbench.services.export_formats import ExportFilter, ExportOptions
from workbench.services.kinds import kind_label, kind_names
from workbench.storage.database import Database, open_database


def _csv_kinds(db: Database, session_id: int, kinds: list[str]) -> list[tuple[str, str]]:
    claim_filter = ExportFilter.from_user(get_scale("default"), kinds=kinds)
    text, _outcome = export_text(db, session_id, ExportOptions("csv", claim_filter, bom=False))
    return [(row["kind"], row["quoted span"]) for row in csv.DictReader(io.StringIO(text, newline=""))]


def test_the_kind_is_a_spec_alone():
    assert "rumour" not in {kind.value for kind in ClaimKind}
    assert "rumour" not in known_kinds() and "rumour" not in kind_names()
    assert KINDS.names() == list(known_kinds())  # the workbench's registry is the one installed


def test_a_kind_added_as_a_spec_is_detected_stored_listed_filtered_and_imported(any_db):
    with rumours_known():
        found = WITH_RUMOUR.detect(TEXT)
        assert [(c.kind, c.text) for c in found if c.kind == "rumour"] == [("rumour", RUMOUR_TEXT)]
        assert kind_names() == [*KINDS.names(), "rumour"]
        assert kind_label("rumour") == "Rumour"

        session_id, article_id = rumour_review(any_db)
        stored = claims_read.claims_of_article(any_db, article_id)
        assert [(c.kind, c.text) for c in stored if c.kind == "rumour"] == [("rumour", RUMOUR_TEXT)]
        assert "figure" in {c.kind for c in stored}
        # A reviewer can also change a claim's kind to it.
        figure = next(c for c in stored if c.kind == "figure")
        changed = claim_edits.update_claim(any_db, figure.id, {"kind": "rumour"}, by="ana", expected_version=None)
        assert changed.kind == "rumour"
        claim_edits.update_claim(any_db, figure.id, {"kind": "figure"}, by="ana", expected_version=None)

        # The filter takes the name as a user types it; other kinds stay out.
        assert _csv_kinds(any_db, session_id, [" Rumour"]) == [("rumour", RUMOUR_TEXT)]
        assert ("figure", "About 32,000 troops") in _csv_kinds(any_db, session_id, [])

        document = session_document(any_db, session_id)
        copy = import_session(any_db, document, title="Rumour desk (copy)")
        copied = claims_read.claims_of_session(any_db, copy.id)
        assert sorted(c.kind for c in copied) == sorted(c.kind for c in stored)

    # The workbench's own kinds are back: every check refuses the unknown kind.
    assert "rumour" not in kind_names()
    with pytest.raises(InvalidValueError, match="'rumour' is not a kind of claim"):
        ExportFilter.from_user(get_scale("default"), kinds=["rumour"])
    with pytest.raises(InvalidValueError, match="not a kind"):
        claim_edits.add_claim(any_db, article_id, ClaimDraft("rumour", 0, 6), by="ana")
    with pytest.raises(SessionFileError, match="'rumour' is not one of figure, date"):
        import_session(any_db, document, title="Rumour desk (refused)")


def test_the_command_line_lists_and_filters_by_a_kind_added_as_a_spec(tmp_path, capsys):
    path = tmp_path / "review.sqlite"
    with rumours_known():
        db = open_database(path)
        try:
            session_id, _article_id = rumour_review(db)
        finally:
            db.close()
        with pytest.raises(SystemExit):
            main(["export", "--help"])
        assert "quote, statement, other, rumour" in " ".join(capsys.readouterr().out.split())
        assert main(["export", str(session_id), "--db", str(path), "--no-bom", "--kind", "rumour"]) == 0
        rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out, newline="")))
        assert [(row["kind"], row["quoted span"]) for row in rows] == [("rumour", RUMOUR_TEXT)]
    assert main(["export", str(session_id), "--db", str(path), "--kind", "rumour"]) == 2
    assert "'rumour' is not a kind of claim" in capsys.readouterr().err
