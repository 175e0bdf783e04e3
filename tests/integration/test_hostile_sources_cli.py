"""Hostile sources from the command line: each ends quickly, in bounded memory, with a clear
message, and one bad SOURCE never stops a batch in ``extract``, ``claims`` or ``import``.

Each run is a real ``python -m workbench`` process under a timeout; a small
wrapper process reports the command's peak memory (``ru_maxrss`` of its child).
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from workbench.ingest.load import load_source

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "html"
TITLE = "Boil-water notice for 46,000 homes after reservoir tests"
TIMEOUT_SECONDS = 20
MAX_RSS_MB = 300
# Runs argv[1:] and prints the child's peak resident memory (KiB on Linux) as its last stderr line.
PEAK_MEMORY_WRAPPER = (
    "import resource, subprocess, sys\n"
    "status = subprocess.run(sys.argv[1:]).returncode\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
    "sys.exit(status)\n"
)


@dataclass
class Run:
    status: int
    stdout: str
    stderr: str
    peak_mb: float


def workbench(*args: str, stdin: Path | None = None) -> Run:
    with open(stdin or "/dev/null", "rb") as source:
        result = subprocess.run(
            [sys.executable, "-c", PEAK_MEMORY_WRAPPER, sys.executable, "-m", "workbench", *args],
            cwd=REPO, stdin=source, capture_output=True, text=True, encoding="utf-8", timeout=TIMEOUT_SECONDS,
        )
    *lines, peak = result.stderr.rstrip("\n").split("\n")
    return Run(result.returncode, result.stdout, "\n".join(lines), int(peak) / 1024)


def page_declaring(charset: str) -> bytes:
    page = (FIXTURES / "opengraph_only.html").read_bytes()
    return page.replace(b'<meta charset="utf-8">', f'<meta charset="{charset}">'.encode(), 1)


@pytest.fixture
def zero_named_txt(tmp_path: Path) -> Path:
    link = tmp_path / "x.txt"
    link.symlink_to("/dev/zero")
    return link


@pytest.fixture
def good_pages(tmp_path: Path) -> tuple[Path, Path]:
    rot13 = tmp_path / "rot13.html"
    rot13.write_bytes(page_declaring("rot13"))
    text = tmp_path / "statement.txt"
    text.write_text(
        "Water notice\n\nThe council said on Monday that 46,000 homes must boil their water.\n",
        encoding="utf-8",
    )
    return rot13, text


# --- charsets -------------------------------------------------------------------


@pytest.mark.parametrize("charset", ["rot13", "base64", "zlib"])
def test_a_codec_name_in_the_content_type_header_is_ignored(httpserver: HTTPServer, charset: str) -> None:
    page = (FIXTURES / "opengraph_only.html").read_bytes().replace(b'<meta charset="utf-8">', b"", 1)
    httpserver.expect_request("/page").respond_with_data(page, content_type=f"text/html; charset={charset}")

    article = load_source(httpserver.url_for("/page"))

    assert article.title == TITLE
    assert article.extra["encoding_source"] == "detected"
    assert f"The HTTP header declares the charset \u201c{charset}\u201d" in article.extra["encoding_note"]


def test_claims_reads_a_page_served_with_charset_rot13(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/page").respond_with_data(
        page_declaring("base64"), content_type="text/html; charset=rot13"
    )
    run = workbench("claims", httpserver.url_for("/page"))
    assert run.status == 0, run.stderr
    assert json.loads(run.stdout)["claims"]
    assert "Traceback" not in run.stderr


# --- bounded reads --------------------------------------------------------------


def test_extract_dev_zero_is_refused_quickly_in_bounded_memory() -> None:
    run = workbench("extract", "/dev/zero")
    assert run.status == 1
    assert "/dev/zero is not a regular file (it is a character device)" in run.stderr
    assert json.loads(run.stdout)["error"].startswith("/dev/zero is not a regular file")
    assert run.peak_mb < MAX_RSS_MB


def test_claims_on_a_symlink_to_dev_zero_named_txt_is_refused(zero_named_txt: Path) -> None:
    run = workbench("claims", str(zero_named_txt))
    assert run.status == 1
    assert "x.txt is not a regular file (it is a character device)" in run.stderr
    assert run.peak_mb < MAX_RSS_MB


def test_endless_standard_input_is_cut_at_the_cap() -> None:
    run = workbench("extract", "-", stdin=Path("/dev/zero"))
    assert run.status == 1
    assert "The text on standard input is larger than 15 MB" in run.stderr
    assert run.peak_mb < MAX_RSS_MB


def test_a_20_mb_text_is_refused_by_claims_and_extract(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (4 * 1024 * 1024))
    for command in ("claims", "extract"):
        run = workbench(command, str(big))
        assert run.status == 1, command
        assert "big.txt is larger than 15 MB" in run.stderr, command
        assert "Traceback" not in run.stderr


# --- one bad SOURCE, the batch goes on ------------------------------------------


def test_extract_batch_goes_on_past_a_bad_source(good_pages: tuple[Path, Path], zero_named_txt: Path) -> None:
    rot13, text = good_pages
    run = workbench("extract", str(rot13), str(zero_named_txt), str(text))

    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert run.status == 1
    assert [r["title"] for r in records] == [TITLE, None, "Water notice"]
    assert "x.txt is not a regular file" in records[1]["error"]
    assert "x.txt is not a regular file" in run.stderr and "Traceback" not in run.stderr


def test_claims_batch_goes_on_past_a_bad_source(good_pages: tuple[Path, Path], zero_named_txt: Path) -> None:
    rot13, text = good_pages
    run = workbench("claims", str(rot13), str(zero_named_txt), str(text))

    results = [json.loads(line) for line in run.stdout.splitlines()]
    assert run.status == 1
    assert [bool(r["claims"]) for r in results] == [True, False, True]
    assert [r["error"] is None for r in results] == [True, False, True]
    assert "x.txt is not a regular file" in run.stderr and "Traceback" not in run.stderr


def test_import_batch_goes_on_past_a_bad_source(
    good_pages: tuple[Path, Path], zero_named_txt: Path, tmp_path: Path
) -> None:
    rot13, text = good_pages
    db = str(tmp_path / "review.sqlite")
    run = workbench("import", "--db", db, "--session", "Desk", str(rot13), str(zero_named_txt), str(text))

    assert run.status == 1
    assert f"rot13.html: article 1 \u201c{TITLE}\u201d" in run.stdout
    assert "statement.txt: article 2" in run.stdout
    assert "x.txt: not imported" in run.stderr and "x.txt is not a regular file" in run.stderr
    assert "Traceback" not in run.stderr


def test_import_of_only_bad_sources_leaves_no_empty_session(zero_named_txt: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "review.sqlite")
    run = workbench("import", "--db", db, "--session", "Desk", "/dev/zero", str(zero_named_txt))
    assert run.status == 1
    assert run.stderr.count("not a regular file") == 2
    listing = workbench("sessions", "--db", db, "--format", "json")
    assert json.loads(listing.stdout) == []
