"""Extraction and detection cost grow about linearly with size, and deep markup loses no article.

The heavy measures (a 4 MB page, 200,000 nested divs, detection on 15 MB)
are rows of ``make bench`` (tests/benchmark/scaling_bench.py); these tests
keep to sizes that run in seconds.
"""

from __future__ import annotations

import time

from tests.benchmark.scaling_bench import ARTICLE_SENTENCE, nested_page, paragraph_page, prose
from workbench.detect import pipeline
from workbench.ingest.extract import extract_html
from workbench.ingest.nesting import MAX_DEPTH, cap_nesting
from workbench.kinds import detect


def test_a_page_nested_within_the_limit_is_left_as_it_is():
    page = "<div><p>One<div><span>two</span></div><script>if (a<b) { x = '<div>' }</script></div>" * 50
    assert cap_nesting(page) is page


def test_tags_nested_past_the_limit_are_dropped_and_their_text_kept():
    page = "<div>" * 5 + "deep text" + "</div>" * 5 + "<p>after</p>"
    capped = cap_nesting(page, max_depth=2)
    assert capped.count("<div>") == 2 and capped.count("</div>") == 2
    assert "deep text" in capped and capped.endswith("<p>after</p>")


def test_tags_inside_comments_and_scripts_are_not_counted():
    inside = "<!-- " + "<div>" * 10 + " --><script>" + "'<div>'" * 10 + "</script>"
    page = "<div><div>" + inside + "<p>text</p></div></div>"
    assert cap_nesting(page, max_depth=2) is page


def test_the_article_after_50_000_nested_divs_is_kept():
    began = time.perf_counter()
    article = extract_html(nested_page(50_000))
    seconds = time.perf_counter() - began
    assert ARTICLE_SENTENCE.format(i=0) in article.text
    assert ARTICLE_SENTENCE.format(i=11) in article.text
    assert article.title == "Bridge costs rise again this year"
    assert seconds < 10, f"{seconds:.1f} s"


def test_the_article_inside_deep_markup_is_kept():
    sentence = "The ministry said 32,000 troops took part in the drills near Brest on Tuesday."
    page = "<html><body>" + "<div>" * (MAX_DEPTH + 400) + f"<p>{sentence}</p>" + "</div>" * (MAX_DEPTH + 400)
    assert sentence in extract_html((page + "</body></html>").encode()).text


def test_extraction_time_grows_about_linearly_with_page_size():
    extract_html(paragraph_page(0.005))  # first use loads trafilatura's tables
    small, large = paragraph_page(0.26), paragraph_page(1.04)  # the large one skips the fallbacks
    began = time.perf_counter()
    extract_html(small)
    small_seconds = time.perf_counter() - began
    began = time.perf_counter()
    extract_html(large)
    large_seconds = time.perf_counter() - began
    # Four times the page: linear is 4x, quadratic 16x. Twice linear, plus a second of noise.
    assert large_seconds <= 8 * small_seconds + 1, f"{small_seconds:.2f} s, then {large_seconds:.2f} s"


def test_a_long_text_detected_in_pieces_finds_what_the_whole_text_gives(monkeypatch):
    text = prose(0.03)
    whole = detect(text)
    monkeypatch.setattr(pipeline, "_PIECE", 2_000)
    pieces = detect(text)
    assert pieces == whole
    assert all(text[c.start : c.end] == c.text for c in pieces)


def test_a_long_text_without_blank_lines_is_still_cut_and_indexed(monkeypatch):
    monkeypatch.setattr(pipeline, "_PIECE", 1_000)
    text = " ".join(prose(0.02).split())  # one paragraph
    found = detect(text)
    assert found and found[-1].start > 15_000
    assert all(text[c.start : c.end] == c.text for c in found)
