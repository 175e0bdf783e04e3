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
from workbench.services.progress import check


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
