"""An export replaces only a regular file or makes a new one: devices, FIFOs and folders are refused.

The file is written to ``<name>.part`` and renamed over the destination, and a
rename replaces whatever has the name; renaming over /dev/full as root once
replaced the system's device. A symlink is written through: the link stays.
"""

from __future__ import annotations

import csv
import io
import os
import stat
from pathlib import Path

import pytest

from tests.export_session import build_review
from workbench.domain.errors import ExportError
from workbench.export.run import ExportOptions, export_to_path

CSV = ExportOptions("csv", bom=False)


@pytest.fixture
def review_db(sqlite_db):
    return sqlite_db, build_review(sqlite_db).session_id


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of its own for the exports (the database's files sit in tmp_path)."""
    path = tmp_path / "exports"
    path.mkdir()
    return path


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def test_a_device_is_refused_and_left_a_device(review_db):
    db, session_id = review_db
    null = Path("/dev/null")
    if not null.is_char_device():
        pytest.skip("no /dev/null character device here")
    before = os.stat(null)
    with pytest.raises(ExportError) as refused:
        export_to_path(db, session_id, CSV, null)
    assert refused.value.message == (
        "Cannot export to /dev/null: it is a device, and an export only writes regular files."
    )
    after = os.stat(null)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev and after.st_ino == before.st_ino
    assert not Path("/dev/null.part").exists()


def test_a_fifo_is_refused_without_opening_it(review_db, folder: Path):
    db, session_id = review_db
    fifo = folder / "claims.csv"
    os.mkfifo(fifo)  # opening it to write would block: the refusal must come first
    with pytest.raises(ExportError) as refused:
        export_to_path(db, session_id, CSV, fifo)
    assert "it is a pipe (FIFO)" in refused.value.message
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert [p.name for p in folder.iterdir()] == ["claims.csv"]


def test_a_folder_is_refused_and_keeps_its_files(review_db, folder: Path):
    db, session_id = review_db
    (folder / "old.csv").write_text("kept", encoding="utf-8")
    with pytest.raises(ExportError) as refused:
        export_to_path(db, session_id, CSV, folder)
    assert "it is a folder" in refused.value.message
    assert refused.value.hint == "Give a file name inside that folder."
    assert (folder / "old.csv").read_text(encoding="utf-8") == "kept"
    assert not (folder.parent / "exports.part").exists()


def test_a_symlink_is_written_through_and_stays_a_link(review_db, folder: Path):
    db, session_id = review_db
    real = folder / "archive" / "claims.csv"
    real.parent.mkdir()
    real.write_text("yesterday's export", encoding="utf-8")
    link = folder / "latest.csv"
    link.symlink_to(real)

    outcome = export_to_path(db, session_id, CSV, link)

    assert link.is_symlink() and os.readlink(link) == str(real)
    assert outcome.count == 5 and len(_rows(real)) == 5
    assert sorted(p.name for p in real.parent.iterdir()) == ["claims.csv"]  # its .part was renamed
    assert sorted(p.name for p in folder.iterdir()) == ["archive", "latest.csv"]


def test_a_symlink_to_a_device_is_refused(review_db, tmp_path: Path):
    db, session_id = review_db
    if not Path("/dev/null").is_char_device():
        pytest.skip("no /dev/null character device here")
    link = tmp_path / "claims.csv"
    link.symlink_to("/dev/null")
    with pytest.raises(ExportError) as refused:
        export_to_path(db, session_id, CSV, link)
    assert refused.value.message == (
        f"Cannot export to {link} (a link to /dev/null): it is a device, and an export only writes regular files."
    )
    assert link.is_symlink() and Path("/dev/null").is_char_device()


def test_a_link_to_a_new_name_makes_that_file(review_db, tmp_path: Path):
    db, session_id = review_db
    link = tmp_path / "latest.csv"
    link.symlink_to(tmp_path / "made.csv")
    export_to_path(db, session_id, CSV, link)
    assert link.is_symlink() and len(_rows(tmp_path / "made.csv")) == 5


def test_a_leftover_part_that_is_a_link_is_not_written_through(review_db, tmp_path: Path):
    db, session_id = review_db
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("not an export", encoding="utf-8")
    (tmp_path / "claims.csv.part").symlink_to(elsewhere)
    export_to_path(db, session_id, CSV, tmp_path / "claims.csv")
    assert elsewhere.read_text(encoding="utf-8") == "not an export"
    assert len(_rows(tmp_path / "claims.csv")) == 5
    assert not (tmp_path / "claims.csv.part").exists()


def test_a_link_loop_is_refused_with_a_message(review_db, folder: Path):
    db, session_id = review_db
    loop = folder / "loop.csv"
    loop.symlink_to(loop)
    with pytest.raises(ExportError) as refused:
        export_to_path(db, session_id, CSV, loop)
    assert refused.value.message.startswith(f"Cannot write to {loop}:")
    assert loop.is_symlink() and [p.name for p in folder.iterdir()] == ["loop.csv"]
