"""One error tree: every trouble a user can meet is a WorkbenchError with a message and a hint,
and every kind of cancel is caught by one ``except CancelledError``."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.domain.errors import (
    CancelledError,
    ExportCancelled,
    ExportError,
    FetchCancelledError,
    IngestError,
    SessionFileError,
    WorkbenchError,
)
from workbench.domain.progress import check


def test_a_cancelled_check_raises_the_shared_cancel_with_what_became_of_the_work() -> None:
    with pytest.raises(CancelledError) as stopped:
        check(lambda: True)
    assert (stopped.value.message, stopped.value.hint) == ("Cancelled.", "Nothing was stored.")


def test_a_cancelled_fetch_is_a_cancel_and_still_an_ingest_trouble() -> None:
    error = FetchCancelledError("Fetching was cancelled.", "Nothing was stored.")
    with pytest.raises(CancelledError):
        raise error
    assert isinstance(error, IngestError)
    assert str(error) == "Fetching was cancelled. Nothing was stored."


def test_a_cancelled_export_says_whether_an_older_file_was_kept(tmp_path: Path) -> None:
    kept = tmp_path / "report.csv"
    kept.write_text("old")
    assert isinstance(ExportCancelled(kept), CancelledError)
    assert ExportCancelled(kept).hint == f"{kept} was left as it was."
    assert ExportCancelled(tmp_path / "new.csv").hint == f"Nothing was saved to {tmp_path / 'new.csv'}."


def test_export_and_session_file_troubles_are_shown_like_any_other() -> None:
    for error in (ExportError("No such format.", "Choose csv."), SessionFileError("Not a session file.", "")):
        assert isinstance(error, WorkbenchError)
        assert not isinstance(error, CancelledError)


def test_a_bug_in_a_command_is_one_plain_line_then_its_traceback_in_the_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    import workbench.cli.sessions
    from workbench.cli import BUG_STATUS, main

    bug = RuntimeError("list index out of range")

    def broken(_args: object) -> int:
        raise bug

    monkeypatch.setattr(workbench.cli.sessions, "list_command", broken)
    status = main(["sessions", "--db", str(tmp_path / "review.sqlite")])
    err = capsys.readouterr().err.splitlines()
    assert status == BUG_STATUS != 2  # not the exit of a user's trouble
    assert err[:2] == [
        "workbench: error: Something went wrong: RuntimeError: list index out of range.",
        "  The details are in the traceback below; your saved work is safe.",
    ]
    assert any(record.exc_info and record.exc_info[1] is bug for record in caplog.records)
