"""Exports report progress and stop when cancelled, leaving no file behind."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.benchmark.export_bench import build_database
from workbench.domain.errors import CancelledError, ExportCancelled
from workbench.export.run import TEXT_FORMATS, ExportOptions, export, export_to_path

CLAIMS = 1_200  # more than two of the writers' check intervals


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory):
    db, session_id = build_database(tmp_path_factory.mktemp("big") / "big.sqlite", claims=CLAIMS, articles=3)
    yield db, session_id
    db.close()


class CancelAfter:
    """A reviewer who presses Cancel once the export has been asked ``polls`` times."""

    def __init__(self, polls: int) -> None:
        self.polls = polls
        self.asked = 0

    def __call__(self) -> bool:
        self.asked += 1
        return self.asked > self.polls


@pytest.mark.parametrize("kind", TEXT_FORMATS)
def test_a_cancelled_export_leaves_no_file_and_keeps_an_older_one(big, kind: str, tmp_path: Path):
    db, session_id = big
    fresh = tmp_path / f"new.{kind}"
    older = tmp_path / f"older.{kind}"
    older.write_text("yesterday's export", encoding="utf-8")

    for target, polls in ((fresh, 0), (fresh, 2), (older, 1)):
        cancel = CancelAfter(polls)
        with pytest.raises(ExportCancelled) as stopped:
            export_to_path(db, session_id, ExportOptions(kind), target, cancel=cancel)
        assert isinstance(stopped.value, CancelledError)
        assert stopped.value.message == "Export cancelled: no file was written."
        assert cancel.asked == polls + 1  # it stopped at the first check after the press
    assert not fresh.exists()
    assert older.read_text(encoding="utf-8") == "yesterday's export"
    assert sorted(p.name for p in tmp_path.iterdir()) == [older.name]  # no .part left


@pytest.mark.parametrize("kind", TEXT_FORMATS)
def test_progress_rises_while_exporting_and_the_file_is_the_same(big, kind: str, tmp_path: Path):
    db, session_id = big
    seen: list[tuple[float, str]] = []
    watched = tmp_path / "watched"
    plain = io.StringIO(newline="")
    everything = ExportOptions(kind, include_unreviewed=True)  # a report would leave unreviewed claims out
    outcome = export_to_path(db, session_id, everything, watched,
                             cancel=lambda: False, progress=lambda f, m: seen.append((f, m)))
    export(db, session_id, everything, plain)

    fractions = [fraction for fraction, _message in seen]
    assert fractions == sorted(fractions) and fractions[0] == 0.0
    assert len(seen) >= 3 and 0.5 < fractions[-1] < 1.0
    assert f"of {CLAIMS:,} claim(s)" in " ".join(message for _f, message in seen)
    text = watched.read_bytes().decode("utf-8")  # as written: CRLF row ends kept
    if kind == "csv":
        assert len(list(csv.reader(io.StringIO(text, newline="")))) == CLAIMS + 1
        assert text == plain.getvalue()
    elif kind == "json":
        assert sum(len(a["claims"]) for a in json.loads(text)["articles"]) == CLAIMS == outcome.count
    elif kind == "claimreview":
        assert len(json.loads(text)) == outcome.count > 0
    else:
        assert text.count('class="claim"') == CLAIMS == outcome.count
