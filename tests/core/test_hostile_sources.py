"""Hostile sources end in an article or a clear error, in bounded time and memory.

Codec names that are not text encodings (``rot13``, ``base64``, ``zlib``...)
declared as a page's charset are ignored with a note; local files are read
under the byte cap while reading, and only if they are regular files.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from workbench.domain.errors import NotFoundError, TooLargeError, UnsupportedSourceError
from workbench.ingest.charset import decode_html, normalise_label
from workbench.ingest.extract import extract_html
from workbench.ingest.load import load_source
from workbench.ingest.local_files import read_file_capped
from workbench.services import importing
from workbench.storage import articles, sessions

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"
TITLE = "Boil-water notice for 46,000 homes after reservoir tests"
# Every bytes-to-bytes codec Python knows, and text codecs no page is written in.
CODEC_NAMES = ["rot13", "base64", "zlib", "uu", "hex", "bz2", "quopri", "idna", "utf-7", "undefined", "punycode"]


def page_declaring(charset: str) -> bytes:
    page = (FIXTURES / "opengraph_only.html").read_bytes()
    assert b'<meta charset="utf-8">' in page
    return page.replace(b'<meta charset="utf-8">', f'<meta charset="{charset}">'.encode(), 1)


# --- charsets -------------------------------------------------------------------


@pytest.mark.parametrize("name", CODEC_NAMES)
def test_a_codec_name_in_meta_is_ignored_and_the_page_decoded_by_detection(name: str) -> None:
    article = extract_html(page_declaring(name))

    assert article.title == TITLE
    assert article.body.startswith("Residents of the northern districts")
    assert article.extra["encoding_source"] == "detected"
    assert f"declares the charset \u201c{name}\u201d" in article.extra["encoding_note"]
    assert "not a known text encoding" in article.extra["encoding_note"]


@pytest.mark.parametrize("name", ["rot13", "base64", "zlib", "ROT_13", '"hex"'])
def test_a_codec_name_in_the_header_gives_way_to_the_page_own_charset(name: str) -> None:
    raw = (FIXTURES / "cp1251_meta.html").read_bytes()

    decoded = decode_html(raw, headers_charset=name)

    assert (decoded.encoding, decoded.source) == ("cp1251", "meta")
    assert "Набережную" in decoded.text
    assert decoded.note is not None and decoded.note.startswith("The HTTP header declares the charset")


def test_real_charsets_are_still_used_without_a_note() -> None:
    assert [normalise_label(label) for label in ("windows-1251", "UTF-8", "latin1", "koi8-r")] == [
        "cp1251", "utf-8", "cp1252", "koi8-r"
    ]
    assert [normalise_label(label) for label in CODEC_NAMES] == [None] * len(CODEC_NAMES)
    assert decode_html((FIXTURES / "cp1251_meta.html").read_bytes()).note is None


# --- local files ----------------------------------------------------------------


@pytest.fixture
def zero_named_txt(tmp_path: Path) -> Path:
    link = tmp_path / "x.txt"
    link.symlink_to("/dev/zero")
    return link


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused_by_name(device: str) -> None:
    started = time.monotonic()
    with pytest.raises(UnsupportedSourceError, match=rf"^{device} is not a regular file \(it is a character device\)"):
        load_source(device)
    assert time.monotonic() - started < 2


def test_a_symlink_to_a_device_is_refused_whatever_its_name(zero_named_txt: Path) -> None:
    with pytest.raises(UnsupportedSourceError, match="x.txt is not a regular file"):
        load_source(str(zero_named_txt))


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "page.html"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(UnsupportedSourceError, match=r"page.html is not a regular file \(it is a named pipe\)"):
        read_file_capped(fifo)
    assert time.monotonic() - started < 2


def test_a_folder_and_a_missing_file_are_named(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedSourceError, match="is a folder, not a file"):
        load_source(str(tmp_path))
    with pytest.raises(NotFoundError, match="No such file"):
        load_source(str(tmp_path / "gone.html"))
    dangling = tmp_path / "dangling.html"
    dangling.symlink_to(tmp_path / "gone.html")
    with pytest.raises(NotFoundError, match="No such file"):
        load_source(str(dangling))


def test_a_symlink_to_a_regular_file_is_followed(tmp_path: Path) -> None:
    link = tmp_path / "saved.html"
    link.symlink_to(FIXTURES / "opengraph_only.html")
    assert load_source(str(link)).title == TITLE


def test_a_file_over_the_cap_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (4 * 1024 * 1024))  # 20 MB
    with pytest.raises(TooLargeError, match="big.txt is larger than 15 MB"):
        load_source(str(big))


def test_the_cap_holds_while_reading_a_file_that_reports_size_zero() -> None:
    maps = Path("/proc/self/maps")
    assert maps.stat().st_size == 0
    with pytest.raises(TooLargeError, match="larger than"):
        read_file_capped(maps, max_bytes=64)


def test_a_file_exactly_at_the_cap_is_read(tmp_path: Path) -> None:
    exact = tmp_path / "exact.txt"
    exact.write_bytes(b"x" * 3000)
    assert len(read_file_capped(exact, max_bytes=3000)) == 3000
    with pytest.raises(TooLargeError):
        read_file_capped(exact, max_bytes=2999)


def test_importing_a_device_stores_nothing(sqlite_db, zero_named_txt: Path) -> None:
    """The window's file import goes through the same service: a device is refused there too."""
    session = sessions.create_session(sqlite_db, "Desk")
    with pytest.raises(UnsupportedSourceError, match="not a regular file"):
        importing.import_source(sqlite_db, session.id, str(zero_named_txt), by="ana")
    assert articles.list_articles(sqlite_db, session.id) == []


# --- found by the fuzz run (make bench) ---------------------------------------------


def test_a_nul_in_the_header_charset_is_ignored_like_any_unknown_name() -> None:
    raw = (FIXTURES / "cp1251_meta.html").read_bytes()

    decoded = decode_html(raw, headers_charset="utf-8\x00")

    assert (decoded.encoding, decoded.source) == ("cp1251", "meta")


def test_json_ld_nested_thousands_deep_is_skipped_and_the_article_kept() -> None:
    page = (FIXTURES / "opengraph_only.html").read_bytes()
    deep = b'<script type="application/ld+json">' + b"[" * 5000 + b"]" * 5000 + b"</script>"
    article = extract_html(page.replace(b"</head>", deep + b"</head>", 1))

    assert article.title == TITLE
    assert article.body.startswith("Residents of the northern districts")
