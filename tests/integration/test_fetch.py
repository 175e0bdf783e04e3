"""Fetching against a local HTTP server: success paths, every bad input, redirects, charsets, CLI.

No test touches the internet: DNS failures use the reserved ``.invalid``
domain, refused connections a closed loopback port.
"""

from __future__ import annotations

import gzip
import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from workbench.cli import main
from workbench.domain.errors import (
    ConnectionFailedError,
    EmptyPageError,
    FetchCancelledError,
    FetchTimeoutError,
    HostNotFoundError,
    HttpStatusError,
    NoArticleTextError,
    RedirectError,
    TooLargeError,
    UnsupportedContentError,
    UnsupportedSourceError,
)
from workbench.ingest.fetch import USER_AGENT, fetch
from workbench.ingest.load import load_source

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"
REPO = Path(__file__).resolve().parents[2]
HTML = "text/html; charset=utf-8"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- success paths ------------------------------------------------------------


def test_fetches_and_extracts_with_provenance(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/news/bridge", headers={"User-Agent": USER_AGENT}).respond_with_data(
        fixture("jsonld_newsarticle.html"), content_type=HTML
    )
    url = httpserver.url_for("/news/bridge")
    article = load_source(url)
    assert article.title == "Bridge repairs to cost twice the estimate"
    assert article.url == url
    provenance = article.provenance
    assert provenance.source == url and provenance.final_url == url
    assert provenance.http_status == 200 and provenance.content_type == "text/html"
    assert provenance.raw == fixture("jsonld_newsarticle.html")
    assert provenance.fetched_at.tzinfo is not None
    assert provenance.extractor.startswith("trafilatura ")


def test_gzip_bodies_are_decompressed(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/gz").respond_with_data(
        gzip.compress(fixture("opengraph_only.html")),
        headers={"Content-Encoding": "gzip", "Content-Type": HTML},
    )
    assert load_source(httpserver.url_for("/gz")).title.startswith("Boil-water notice")


def test_progress_is_reported_and_cancel_stops_the_fetch(httpserver: HTTPServer) -> None:
    body = fixture("structure.html") * 40
    httpserver.expect_request("/big").respond_with_data(body, content_type=HTML)
    seen: list[tuple[int, int | None]] = []
    page = fetch(httpserver.url_for("/big"), progress=lambda got, total: seen.append((got, total)))
    assert page.body == body and seen[-1] == (len(body), len(body))
    with pytest.raises(FetchCancelledError):
        fetch(httpserver.url_for("/big"), cancel=lambda: True)


def test_plain_text_urls_are_read_as_text(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/t.txt").respond_with_data("Headline\n\nBody of the story.", content_type="text/plain")
    article = load_source(httpserver.url_for("/t.txt"))
    assert article.text == "Headline\n\nBody of the story." and article.title == "Headline"


# --- charsets -----------------------------------------------------------------


def test_charset_from_the_http_header(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/ru").respond_with_data(
        fixture("cp1251_header_only.html"), content_type="text/html; charset=windows-1251"
    )
    article = load_source(httpserver.url_for("/ru"))
    assert article.extra["encoding_source"] == "header"
    assert "Городской совет утвердил план" in article.text


def test_byte_order_mark_beats_the_header(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/bom").respond_with_data(
        fixture("utf8_bom_wrong_meta.html"), content_type="text/html; charset=iso-8859-1"
    )
    article = load_source(httpserver.url_for("/bom"))
    assert "Zoë Müller" in article.text and article.extra["encoding_source"] == "bom"


def test_meta_charset_when_the_header_names_none(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/sjis").respond_with_data(fixture("shift_jis_meta.html"), content_type="text/html")
    assert "図書館" in load_source(httpserver.url_for("/sjis")).text


def test_undecodable_bytes_are_refused(httpserver: HTTPServer) -> None:
    from workbench.domain.errors import DecodeError

    noise = bytes(range(256)) * 64
    httpserver.expect_request("/noise").respond_with_data(b"<html><body>" + noise, content_type="text/html")
    with pytest.raises(DecodeError, match="cannot be read as text"):
        load_source(httpserver.url_for("/noise"))


# --- redirects ------------------------------------------------------------------


def test_a_redirect_chain_is_followed_and_the_final_url_kept(httpserver: HTTPServer) -> None:
    for hop in range(3):
        httpserver.expect_request(f"/hop{hop}").respond_with_response(
            Response(status=301, headers={"Location": f"/hop{hop + 1}"})
        )
    httpserver.expect_request("/hop3").respond_with_data(fixture("jsonld_graph.html"), content_type=HTML)
    article = load_source(httpserver.url_for("/hop0"))
    assert article.provenance.final_url == httpserver.url_for("/hop3")
    assert article.provenance.source == httpserver.url_for("/hop0")


def test_a_redirect_loop_is_named(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/a").respond_with_response(Response(status=302, headers={"Location": "/b"}))
    httpserver.expect_request("/b").respond_with_response(Response(status=302, headers={"Location": "/a"}))
    with pytest.raises(RedirectError, match="redirects in a loop"):
        fetch(httpserver.url_for("/a"))


def test_more_than_ten_redirects_is_refused(httpserver: HTTPServer) -> None:
    for hop in range(12):
        httpserver.expect_request(f"/r{hop}").respond_with_response(Response(status=302, headers={"Location": f"/r{hop + 1}"}))
    with pytest.raises(RedirectError, match="more than 10 times"):
        fetch(httpserver.url_for("/r0"))


def test_a_redirect_to_another_scheme_is_refused(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/ftp").respond_with_response(Response(status=302, headers={"Location": "ftp://example.com/x"}))
    with pytest.raises(RedirectError, match="cannot fetch"):
        fetch(httpserver.url_for("/ftp"))


# --- bad input ------------------------------------------------------------------


def test_dns_failure() -> None:
    with pytest.raises(HostNotFoundError, match="no-such-newsroom.invalid could not be found"):
        fetch("https://no-such-newsroom.invalid/story")


def test_refused_connection_is_retried_once_then_reported() -> None:
    with pytest.raises(ConnectionFailedError, match="refused the connection"):
        fetch(f"http://127.0.0.1:{closed_port()}/story", retry_backoff=0.01)


def test_timeout_while_waiting_for_the_page(httpserver: HTTPServer) -> None:
    def slow(request: Request) -> Response:
        time.sleep(0.6)
        return Response("late", content_type=HTML)

    httpserver.expect_request("/slow").respond_with_handler(slow)
    with pytest.raises(FetchTimeoutError, match="did not answer in time"):
        fetch(httpserver.url_for("/slow"), timeout=(1.0, 0.2))


@pytest.mark.parametrize(
    ("status", "words"),
    [(404, "404 Not Found.*not found"), (403, "403 Forbidden.*refused access"), (410, "410 Gone"), (451, "legal reasons")],
)
def test_client_errors_say_which_status_and_what_it_means(httpserver: HTTPServer, status: int, words: str) -> None:
    httpserver.expect_request("/x").respond_with_data("no", status=status, content_type=HTML)
    with pytest.raises(HttpStatusError, match=words) as caught:
        fetch(httpserver.url_for("/x"))
    assert caught.value.status == status and caught.value.hint


def test_server_errors_are_retried_once(httpserver: HTTPServer) -> None:
    httpserver.expect_ordered_request("/flaky").respond_with_data("oops", status=503)
    httpserver.expect_ordered_request("/flaky").respond_with_data(fixture("opengraph_only.html"), content_type=HTML)
    assert fetch(httpserver.url_for("/flaky"), retry_backoff=0.01).status == 200


def test_a_persistent_server_error_is_reported(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/down").respond_with_data("oops", status=500)
    with pytest.raises(HttpStatusError, match="HTTP 500 Internal Server Error"):
        fetch(httpserver.url_for("/down"), retry_backoff=0.01)
    assert len(httpserver.log) == 2


@pytest.mark.parametrize(
    ("content_type", "body", "named"),
    [
        ("application/pdf", b"%PDF-1.7", "is a PDF document"),
        ("image/png", b"\x89PNG\r\n\x1a\n", r"an image \(image/png\)"),
        ("application/octet-stream", b"%PDF-1.4 mislabelled", "is a PDF document"),
    ],
)
def test_non_html_content_is_named(httpserver: HTTPServer, content_type: str, body: bytes, named: str) -> None:
    httpserver.expect_request("/file").respond_with_data(body, content_type=content_type)
    with pytest.raises(UnsupportedContentError, match=named):
        load_source(httpserver.url_for("/file"))


def test_an_oversized_body_is_refused_while_streaming(httpserver: HTTPServer) -> None:
    def endless(request: Request) -> Response:
        return Response((b"<p>" + b"x" * 1000 for _ in range(5000)), content_type=HTML)  # chunked: no length

    httpserver.expect_request("/huge").respond_with_handler(endless)
    with pytest.raises(TooLargeError, match="larger than 1 MB"):
        fetch(httpserver.url_for("/huge"), max_bytes=1024 * 1024)


def test_a_declared_length_over_the_cap_is_refused_before_reading(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/big").respond_with_data(b"x" * 3000, content_type=HTML)
    with pytest.raises(TooLargeError):
        fetch(httpserver.url_for("/big"), max_bytes=2000)


def test_an_empty_page_is_refused(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/empty").respond_with_data(b"", content_type=HTML)
    with pytest.raises(EmptyPageError, match="is empty"):
        load_source(httpserver.url_for("/empty"))


def test_a_page_without_an_article(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/front").respond_with_data(fixture("no_article.html"), content_type=HTML)
    with pytest.raises(NoArticleTextError, match="No article text found"):
        load_source(httpserver.url_for("/front"))


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/story.html", "javascript://alert(1)"])
def test_other_schemes_are_refused(url: str) -> None:
    with pytest.raises(UnsupportedSourceError):
        load_source(url)


# --- the CLI contract -------------------------------------------------------------

KEYS = ["source", "url", "title", "authors", "published", "site_name", "language", "text", "error"]


def test_cli_jsonl_one_record_per_source_in_order(httpserver: HTTPServer, tmp_path: Path, capsys) -> None:
    httpserver.expect_request("/ok").respond_with_data(fixture("jsonld_graph.html"), content_type=HTML)
    httpserver.expect_request("/gone").respond_with_data("gone", status=404)
    text_file = tmp_path / "note.txt"
    text_file.write_text("Кто виноват\n\nТекст статьи.", encoding="utf-8")
    sources = [httpserver.url_for("/ok"), httpserver.url_for("/gone"), str(text_file), str(FIXTURES / "latin1_meta.html")]
    status = main(["extract", *sources])
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert status == 1
    assert [r["source"] for r in records] == sources
    assert all(list(r) == KEYS for r in records)
    ok, gone, note, latin = records
    assert ok["title"] == "Smallest autumn catch in a decade as cod moves north" and ok["error"] is None
    assert ok["authors"] == ["Ingrid Solberg"] and ok["published"] == "2022-10-28"
    assert "\n\n" in ok["text"] and ok["url"] == sources[0]
    assert gone["error"].startswith("HTTP 404") and gone["text"] is None and gone["authors"] == []
    assert note["text"] == "Кто виноват\n\nТекст статьи." and note["title"] == "Кто виноват"
    assert "Кто виноват" in out  # not \u-escaped
    assert latin["language"] == "fr" and "régional" in latin["text"]
    assert "HTTP 404" in err and sources[1] in err


def test_cli_json_is_one_list_and_exit_status_zero_when_all_succeed(capsys) -> None:
    status = main(["extract", "--format", "json", str(FIXTURES / "structure.html"), str(FIXTURES / "table.html")])
    records = json.loads(capsys.readouterr().out)
    assert status == 0 and [r["title"] for r in records] == ["What the audit says about the bridge", "Where the festival money went"]


def test_cli_text_prints_title_then_body(capsys) -> None:
    assert main(["extract", "--format", "text", str(FIXTURES / "opengraph_only.html")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Boil-water notice for 46,000 homes after reservoir tests\n\nResidents of the northern districts")


def test_cli_subprocess_reads_stdin_and_prints_utf8_under_a_c_locale() -> None:
    workbench = REPO / ".venv" / "bin" / "workbench"
    command = [str(workbench)] if workbench.exists() else [sys.executable, "-m", "workbench"]
    result = subprocess.run(
        [*command, "extract", "-", "missing-file.html"],
        input=fixture("cp1251_meta.html"),
        capture_output=True,
        env={"LC_ALL": "C", "PATH": "/usr/bin:/bin", "PYTHONIOENCODING": ""},
        timeout=60,
        check=False,
    )
    lines = result.stdout.decode("utf-8").splitlines()
    assert result.returncode == 1
    first, second = (json.loads(line) for line in lines)
    assert first["title"] == "Набережную отремонтируют за 320 миллионов рублей" and first["error"] is None
    assert second["error"] == "No such file: missing-file.html"
    assert b"Traceback" not in result.stderr and b"missing-file.html" in result.stderr
