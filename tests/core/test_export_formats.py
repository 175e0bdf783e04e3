"""Export formats come from one registry: a new format is one module and one line there.

The tally format (tests/tally_format.py) is registered the way a real one is,
by adding it to ``formats.FORMATS``; the CLI offers it and writes through it,
and ``export.run`` finds it, with no other change.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests import tally_format
from tests.export_session import build_review, review_file
from workbench.cli import main
from workbench.domain.errors import ExportError
from workbench.export import formats
from workbench.export.filters import ExportFilter
from workbench.export.formats.base import ExportFormat, ExportOptions
from workbench.export.run import export, export_text
from workbench.storage.database import Database


@pytest.fixture
def tally_registered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(formats, "FORMATS", (*formats.FORMATS, tally_format.FORMAT))  # the one line


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return review_file(tmp_path / "review.sqlite")


def test_the_cli_offers_a_registered_format_and_writes_through_it(
    tally_registered: None, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    help_text = capsys.readouterr().out
    assert "{csv,json,claimreview,html,pdf,tally}" in help_text
    assert "Tally: the fact-checking organisation" in help_text  # the options it reads, named in the help

    out = tmp_path / "claims.tally"
    status = main([
        "export", "1", "--db", str(db_path), "--format", "tally", "--publisher", "Desk",
        "--article", "2", "--out", str(out),
    ])
    err = capsys.readouterr().err
    assert status == 0
    assert out.read_text(encoding="utf-8") == "Desk\t5\n"  # only the second article's claim
    assert "workbench: warning: tallies are not reviewed" in err
    assert "Wrote 1 claim(s)" in err


def test_without_the_registry_line_the_cli_refuses_the_name(db_path: Path, capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as refused:
        main(["export", "1", "--db", str(db_path), "--format", "tally"])
    assert refused.value.code == 2
    assert "invalid choice: 'tally'" in capsys.readouterr().err


def test_run_finds_a_registered_format_and_names_it_when_refusing_another(
    tally_registered: None, sqlite_db: Database
):
    review = build_review(sqlite_db)
    out = io.StringIO()
    options = ExportOptions("tally", ExportFilter(kinds=frozenset({"quote"})), publisher="Desk")
    outcome = export(sqlite_db, review.session_id, options, out)
    assert (out.getvalue(), outcome.count) == (f"Desk\t{review.quote}\n", 1)

    with pytest.raises(ExportError) as refused:
        export(sqlite_db, review.session_id, ExportOptions("xlsx"), io.StringIO())
    assert refused.value.message == "'xlsx' is not an export format this can write."
    assert refused.value.hint == "Use one of: csv, json, claimreview, html, pdf, tally."


def test_a_printed_format_is_rendered_as_html_for_qt_not_written_as_text(sqlite_db: Database):
    review = build_review(sqlite_db)
    with pytest.raises(ExportError, match="printed by Qt"):
        export(sqlite_db, review.session_id, ExportOptions("pdf"), io.StringIO())
    html, outcome = export_text(sqlite_db, review.session_id, ExportOptions("pdf"))
    assert html.startswith("<!DOCTYPE html>") and outcome.count == 3  # unreviewed and dismissed left out
    html, outcome = export_text(sqlite_db, review.session_id, ExportOptions("pdf", include_unreviewed=True))
    assert outcome.count == 5 and "unreviewed and dismissed left out" not in html


def test_a_format_declaring_an_option_nobody_offers_is_refused():
    with pytest.raises(ValueError, match="unknown options \\['colour'\\]"):
        ExportFormat("tally", "Tally", "Tally", ".tally", tally_format.write, frozenset({"colour"}))
    with pytest.raises(ValueError, match="must start with a dot"):
        ExportFormat("tally", "Tally", "Tally", "tally", tally_format.write)
