"""Every command, not only `export`, says so plainly when standard output is full or closed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.export_session import review_file

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return review_file(tmp_path / "review.sqlite")


def _run(args: list[str], stdout: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workbench", *args],
        cwd=REPO, stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=120,
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_listing_sessions_to_a_full_disk_is_a_clear_error(db_path: Path):
    with open("/dev/full", "w") as full:
        result = _run(["sessions", "--db", str(db_path)], full)
    assert result.returncode == 2
    assert result.stderr == "workbench: error: Cannot write to standard output: no space left on device.\n"


def test_claims_into_a_closed_pipe_is_a_clear_error(tmp_path: Path):
    text = tmp_path / "long.txt"
    # More output than a pipe holds, so the write meets the closed end.
    text.write_text("About 32,000 troops crossed on March 3, 2024.\n\n" * 3000, encoding="utf-8")
    reader, writer = os.pipe()
    os.close(reader)
    try:
        result = _run(["claims", str(text)], writer)
    finally:
        os.close(writer)
    assert result.returncode == 2
    assert result.stderr == (
        "workbench: error: Cannot write to standard output: "
        "the reader closed it before the end (broken pipe).\n"
    )
