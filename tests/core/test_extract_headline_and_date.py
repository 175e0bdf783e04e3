"""Title and date rules that must hold on pages the extractor was not tuned on.

Each page is made up, in the shape of a failure seen on unseen pages: the
rule under test is what a reader of that page would call its headline or
its publication date.
"""

from __future__ import annotations

from workbench.ingest.dates import normalise_date
from workbench.ingest.extract import extract_html

_BODY = (
    "<p>The committee met on a rainy morning and heard from eleven witnesses about the plan.</p>"
    "<p>Several residents said the new road would cut their journey to the hospital by half.</p>"
    "<p>The council will vote on the proposal at its next meeting, officials said on Monday.</p>"
)


def _page(head: str = "", before_body: str = "", body: str = _BODY) -> bytes:
    return (
        f"<html><head>{head}</head><body><header><a href='/'>Home</a></header>"
        f"<article>{before_body}{body}</article><footer>Contact us</footer></body></html>"
    ).encode()


def test_a_chinese_title_keeps_the_space_its_writer_put_in() -> None:
    head = '<meta property="og:title" content="港口扩建计划公布 居民担忧交通压力"><title>港口扩建计划公布 居民担忧交通压力-某某网</title>'
    body = "<p>" + "港口管理局周一公布了扩建计划，预计工程将持续三年，周边居民对交通压力表示担忧。" * 3 + "</p>"
    article = extract_html(_page(head, "<h1>港口扩建计划公布 居民担忧交通压力</h1>", body))
    assert article.title == "港口扩建计划公布 居民担忧交通压力"


def test_a_japanese_title_is_not_cut_at_a_hyphen_inside_a_word() -> None:
    head = '<meta property="og:title" content="駅で無料Wi-Fi"><title>駅で無料Wi-Fi</title>'
    body = "<p>" + "鉄道会社は来月から主要な駅で無料の無線通信を提供すると発表した。利用者の声を受けた。" * 3 + "</p>"
    article = extract_html(_page(head, "", body))
    assert article.title == "駅で無料Wi-Fi"


def test_a_cjk_site_suffix_after_a_hyphen_is_still_dropped() -> None:
    head = '<title>港口扩建计划公布-某某网</title>'
    body = "<p>" + "港口管理局周一公布了扩建计划，预计工程将持续三年，周边居民对交通压力表示担忧。" * 3 + "</p>"
    assert extract_html(_page(head, "", body)).title == "港口扩建计划公布"


def test_a_site_name_the_pages_own_headline_keeps_stays() -> None:
    head = (
        '<meta property="og:site_name" content="Harbour Times">'
        '<meta property="og:title" content="Ten years on - Harbour Times">'
    )
    article = extract_html(_page(head, "<h1>Ten years on - Harbour Times</h1>"))
    assert article.title == "Ten years on - Harbour Times"


def test_a_section_title_inside_the_declared_headline_does_not_replace_it() -> None:
    head = '<meta property="og:title" content="Local roads and transport: Council backs the new bypass after a long public inquiry into it">'
    article = extract_html(_page(head, "<h1>Local roads and transport</h1>"))
    assert article.title == "Local roads and transport: Council backs the new bypass after a long public inquiry into it"


def test_a_site_name_around_the_headline_is_still_dropped() -> None:
    head = (
        '<meta property="og:site_name" content="Harbour Times">'
        '<meta property="og:title" content="Council backs the new bypass | Harbour Times">'
    )
    article = extract_html(_page(head, "<h1>Council backs the new bypass</h1>"))
    assert article.title == "Council backs the new bypass"


def test_a_photo_caption_date_is_not_the_articles_date() -> None:
    head = '<meta property="article:published_time" content="2023-05-02T09:30:00+00:00">'
    before = (
        "<h1>Council backs the new bypass after inquiry</h1>"
        "<figure><img src='x.jpg'><figcaption><span class='text-time'>Traffic on the old road "
        "on March 4, 2014 near the harbour.</span></figcaption></figure>"
    )
    assert extract_html(_page(head, before)).published == "2023-05-02T09:30:00+00:00"


def test_an_unmarked_sidebar_time_does_not_beat_the_dated_byline() -> None:
    # The first <time> on the page dates a sidebar teaser; the article's date
    # is written in its byline, where trafilatura finds it.
    page = (
        "<html><head></head><body><aside><time datetime='2023-07-30'>30 July 2023</time>"
        "<a href='/other'>Another story</a></aside><div class='post'>"
        "<h2>Council backs the new bypass after inquiry</h2>"
        "<p class='byline'>Posted on 27 June 2023</p>" + _BODY + "</div></body></html>"
    ).encode()
    assert (extract_html(page).published or "")[:10] == "2023-06-27"


def test_the_published_date_wins_over_the_modified_one() -> None:
    head = (
        '<meta property="article:modified_time" content="2023-06-01T10:00:00+00:00">'
        '<meta property="article:published_time" content="2023-05-02T09:30:00+00:00">'
    )
    assert extract_html(_page(head, "<h1>Council backs the new bypass after inquiry</h1>")).published[:10] == "2023-05-02"


def test_a_midnight_filled_in_by_the_cms_is_not_a_time_of_day() -> None:
    assert normalise_date("2023-11-17T00:00:00") == "2023-11-17"
    assert normalise_date("2023-11-17T00:00:00Z") == "2023-11-17"
    assert normalise_date("2023-11-17T00:00:00+09:00") == "2023-11-17T00:00:00+09:00"  # a stated local midnight
    assert normalise_date("2023-11-17T00:05:00") == "2023-11-17T00:05:00"


def test_a_section_between_headline_and_site_name_is_dropped_with_it() -> None:
    head = (
        '<meta property="og:site_name" content="Harbour Times">'
        '<meta property="og:title" content="Council backs the new bypass | Local news | Harbour Times">'
    )
    article = extract_html(_page(head))
    assert article.title == "Council backs the new bypass"
