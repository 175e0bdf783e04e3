"""Whatever the world hands us, extraction and detection end in a result or a clear error.

Malformed, truncated, deeply nested, huge and mis-encoded HTML and text:
nothing raises past the error boundary (``WorkbenchError``), memory stays
bounded and every call ends (a generous alarm guards against hangs; speed
itself is measured in the benchmark, not here).
"""

from __future__ import annotations

import signal
import tracemalloc
from contextlib import contextmanager
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.domain.errors import WorkbenchError
from workbench.ingest.extract import extract_html
from workbench.kinds import detect

HANG_GUARD_SECONDS = 60
fuzz = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@contextmanager
def must_end():
    def hung(_signum, _frame):
        raise AssertionError(f"did not finish within {HANG_GUARD_SECONDS} s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(HANG_GUARD_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def extract_or_error(raw: bytes) -> None:
    with must_end():
        try:
            article = extract_html(raw)
        except WorkbenchError as error:
            assert error.message
            return
    assert article.text.strip()
    for block in article.blocks:
        assert 0 <= block.start <= block.end <= len(article.text)


TAGS = st.sampled_from(["p", "div", "span", "article", "script", "style", "h1", "blockquote", "li", "table", "td", "a", "!--", "meta", "time"])
FRAGMENTS = st.one_of(
    st.text(max_size=80),
    TAGS.map(lambda t: f"<{t}>"),
    TAGS.map(lambda t: f"</{t}>"),
    st.just('<meta charset="koi8-r">'),
    st.just('<script type="application/ld+json">{"@type": "NewsArticle", "headline": '),
    st.just("&#x110000;&#0;&bogus;"),
    st.just("\x00\ufeff\udcff"),
)


@fuzz
@given(st.lists(FRAGMENTS, max_size=60))
def test_malformed_html_fragments(parts):
    extract_or_error("".join(parts).encode("utf-8", "surrogatepass"))


@fuzz
@given(st.binary(max_size=4000))
def test_arbitrary_bytes(raw):
    extract_or_error(raw)


@fuzz
@given(st.integers(min_value=0, max_value=3000))
def test_truncated_article(cut):
    page = (
        "<html><head><title>Troops move</title><meta charset='utf-8'></head><body><article>"
        + "<p>About 32,000 troops were deployed on Tuesday, the ministry said.</p>" * 40
        + "</article></body></html>"
    ).encode()
    extract_or_error(page[:cut])


@pytest.mark.parametrize("depth", [10, 1_000, 20_000])
def test_deeply_nested_markup(depth):
    body = "<div>" * depth + "<p>" + "Officials said 40 tanks crossed the border. " * 30 + "</p>" + "</div>" * depth
    extract_or_error(f"<html><body>{body}</body></html>".encode())


@pytest.mark.parametrize("encoding", ["utf-16", "cp1251", "shift_jis", "latin-1"])
def test_mis_declared_encodings(encoding):
    text = "Сообщается, что 32 000 военнослужащих — «готовы». Ünïcödé ✓ 日本語 " * 40
    raw = f"<html><head><meta charset='utf-8'></head><body><article><p>{text}</p></article></body></html>"
    extract_or_error(raw.encode(encoding, errors="replace"))


def test_huge_page_stays_within_memory():
    paragraph = "<p>" + "The ministry said 32,000 troops took part in the drills near Brest. " * 20 + "</p>\n"
    raw = ("<html><body><article>" + paragraph * 3_000 + "</article></body></html>").encode()
    assert len(raw) > 4_000_000
    tracemalloc.start()
    try:
        extract_or_error(raw)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 400 * 1024 * 1024, f"peak {peak / 1e6:.0f} MB for a {len(raw) / 1e6:.0f} MB page"


@fuzz
@given(st.text(max_size=3000), st.one_of(st.none(), st.dates()))
def test_detection_never_raises_and_spans_index_the_text(text, published):
    with must_end():
        claims = detect(text, published)
    for claim in claims:
        assert 0 <= claim.start < claim.end <= len(text)
        assert text[claim.start : claim.end] == claim.text


QUOTEY = st.lists(
    st.sampled_from(['"', "\u201c", "\u201d", "\u00ab", "\u00bb", "\u201e", " he said", "32,000 troops",
                     "\n\n", "Tuesday", "S-400", "Mr.", ". ", "1990s", "$1.2bn", "half a million", "’"]),
    max_size=200,
).map("".join)


@fuzz
@given(QUOTEY)
def test_detection_on_quote_and_number_soup(text):
    with must_end():
        claims = detect(text, date(2024, 2, 20))
    assert all(text[c.start : c.end] == c.text for c in claims)


def test_detection_on_a_huge_text_ends():
    text = ("“We are ready,” he said on Tuesday. About 32,000 troops and two S-400 divisions. " * 20_000)
    with must_end():
        claims = detect(text, date(2024, 2, 20))
    assert len(claims) > 20_000
