"""`workbench export` and `workbench import-session` as a user runs them."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.export_session import review_file
from workbench.cli import main
from workbench.storage import sessions
from workbench.storage.database import open_database

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return review_file(tmp_path / "review.sqlite")


def test_csv_to_a_file_with_filters(db_path: Path, tmp_path: Path, capsys):
    out = tmp_path / "claims.csv"
    status = main([
        "export", "1", "--db", str(db_path), "--out", str(out),
        "--kind", "figure", "quote", "--verdict", "False", "true", "--accepted-only",
    ])
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    assert [(row["kind"], row["verdict"]) for row in rows] == [("figure", "False"), ("quote", "True")]
    assert "Wrote 2 claim(s)" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.part"))


def test_csv_to_stdout_by_title_without_bom(db_path: Path, capsys):
    assert main(["export", 'Border desk <b>"A"</b>', "--db", str(db_path), "--no-bom"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("session,article title,")
    assert len(list(csv.reader(io.StringIO(text, newline="")))) == 6


def test_claimreview_warns_about_skipped_claims(db_path: Path, capsys):
    status = main([
        "export", "1", "--db", str(db_path), "--format", "claimreview",
        "--publisher", "Example Fact Check", "--review-url", "https://factcheck.example/x",
    ])
    captured = capsys.readouterr()
    assert status == 0
    items = json.loads(captured.out)
    assert len(items) == 3 and items[0]["author"]["name"] == "Example Fact Check"
    assert "warning: 2 claim(s) left out of ClaimReview" in captured.err


def test_html_for_one_article(db_path: Path, tmp_path: Path):
    out = tmp_path / "report.html"
    assert main(["export", "1", "--db", str(db_path), "--format", "html", "--article", "2", "--out", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "<h2>Prices</h2>" in html and "About 32,000 troops" not in html


def test_json_export_then_import_session(db_path: Path, tmp_path: Path, capsys):
    out = tmp_path / "session.json"
    assert main(["export", "1", "--db", str(db_path), "--format", "json", "--out", str(out)]) == 0
    other = tmp_path / "other.sqlite"
    assert main(["import-session", str(out), "--db", str(other)]) == 0
    assert "2 article(s), 5 claim(s)" in capsys.readouterr().out
    db = open_database(other)
    try:
        assert [(s.title, s.claim_count) for s in sessions.list_sessions(db)] == [('Border desk <b>"A"</b>', 5)]
    finally:
        db.close()


def test_errors_go_to_stderr_with_a_non_zero_status(db_path: Path, tmp_path: Path, capsys):
    assert main(["export", "No such desk", "--db", str(db_path)]) == 2
    assert "There is no session 'No such desk'" in capsys.readouterr().err
    assert main(["export", "1", "--db", str(db_path), "--format", "pdf"]) == 2
    assert "--out" in capsys.readouterr().err
    assert main(["export", "1", "--db", str(db_path), "--verdict", "maybe"]) == 2
    assert "'maybe' is not a verdict" in capsys.readouterr().err
    assert main(["export", "1", "--db", str(db_path), "--out", str(tmp_path / "no" / "x.csv")]) == 2
    assert "Cannot write" in capsys.readouterr().err

    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "factcheck-workbench-session", "version": 1, "session": {', encoding="utf-8")
    assert main(["import-session", str(broken), "--db", str(db_path)]) == 2
    err = capsys.readouterr().err
    assert "not valid JSON" in err and "Traceback" not in err
    newer = tmp_path / "newer.json"
    newer.write_text('{"format": "factcheck-workbench-session", "version": 7}', encoding="utf-8")
    assert main(["import-session", str(newer), "--db", str(db_path)]) == 2
    assert "format version 7" in capsys.readouterr().err
    assert main(["import-session", str(tmp_path / "missing.json"), "--db", str(db_path)]) == 2
    assert "Cannot read" in capsys.readouterr().err
    db = open_database(db_path)
    try:
        assert len(sessions.list_sessions(db)) == 1  # nothing was imported
    finally:
        db.close()


def test_pdf_from_the_command_line_without_a_display(db_path: Path, tmp_path: Path):
    out = tmp_path / "report.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "-m", "workbench", "export", "1", "--db", str(db_path), "--format", "pdf", "--out", str(out)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    assert "Wrote 3 claim(s)" in result.stderr  # the reviewed ones: a report leaves out unreviewed and dismissed


def test_out_refuses_a_device_a_fifo_and_a_folder(db_path: Path, tmp_path: Path, capsys):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    targets = [(fifo, "a pipe (FIFO)"), (folder, "a folder")]
    if Path("/dev/null").is_char_device():
        targets.append((Path("/dev/null"), "a device"))
    for target, kind in targets:
        assert main(["export", "1", "--db", str(db_path), "--out", str(target)]) == 2
        err = capsys.readouterr().err
        assert f"error: Cannot export to {target}: it is {kind}" in err and "Traceback" not in err
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and folder.is_dir() and not any(folder.iterdir())
    assert not list(tmp_path.glob("*.part"))
    if Path("/dev/null").exists():
        assert Path("/dev/null").is_char_device()


def test_out_through_a_symlink_keeps_the_link(db_path: Path, tmp_path: Path, capsys):
    real = tmp_path / "real.json"
    real.write_text("[]", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    assert main(["export", "1", "--db", str(db_path), "--format", "claimreview", "--out", str(link)]) == 0
    assert link.is_symlink() and len(json.loads(real.read_text(encoding="utf-8"))) == 3
    assert f"to {link}" in capsys.readouterr().err


def _export_to_stdout(db_path: Path, stdout: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workbench", "export", "1", "--db", str(db_path), "--format", "json"],
        cwd=REPO, stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=120,
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_stdout_is_a_clear_error(db_path: Path):
    with open("/dev/full", "w") as full:
        result = _export_to_stdout(db_path, full)
    assert result.returncode == 2
    assert result.stderr == "workbench: error: Cannot write the export to standard output: no space left on device.\n"


def test_a_closed_stdout_pipe_is_a_clear_error(db_path: Path):
    reader, writer = os.pipe()
    os.close(reader)  # nobody reads: like `| head -c 10` once head has had its bytes
    try:
        result = _export_to_stdout(db_path, writer)
    finally:
        os.close(writer)
    assert result.returncode == 2
    assert result.stderr == (
        "workbench: error: Cannot write the export to standard output: "
        "the reader closed it before the end (broken pipe).\n"
    )
