"""Does an extracted page hold article text, or only links, file names and labels?

The extractor refuses a page with no line long enough to be prose. Some
pages pass that test and still hold no article: a web server's listing of
files (``Index of /reports``) whose lines are long file names with dates
and sizes, or a front page of headlines. Their text has no sentence, so
detection finds nothing in it, and the reviewer should hear why rather
than meet an article with no claims.
"""

from __future__ import annotations

import re

from workbench.domain.articles import ExtractedArticle

# What a server's directory listing is titled (Apache, nginx, Python's http.server, IIS).
_LISTING_TITLE = re.compile(r"^\s*(index of\b|directory listing for\b|\S+ - /)", re.IGNORECASE)
# A word of prose: letters (with inner apostrophes or hyphens), then punctuation at most.
_WORD = re.compile(r"^[(\"“‘'\[]*[^\W\d_]+(?:[-'’][^\W\d_]+)*[.,;:!?\"”’')\]]*$")
# A file or folder name: ``report-2024.html``, ``notes.txt``, ``sub/``, ``../``.
_FILE_NAME = re.compile(r"^(?:\.\./|[\w.~%+-]+/|[\w~%+-][\w.~%+-]*\.[A-Za-z0-9]{1,5})$")
# A sentence has this many prose words, most of its tokens are words, and it ends like one.
_SENTENCE_WORDS = 6
_WORD_SHARE = 0.6
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*(?:\s|$)|[:;]\s|[。！？]")
# Scripts written without spaces (Chinese, Japanese, Thai): letters per line instead of words.
_UNSPACED_LETTERS = 20


def page_without_text(article: ExtractedArticle) -> str | None:
    """Why an extracted web page holds no article text, or None.

    Text the reviewer pasted or saved as a file is taken as given: even a
    single short sentence is what they want to check.
    """
    if "html" not in (article.provenance.content_type or "").lower():
        return None
    return missing_text_reason(article.title, article.body)  # the headline is no article text


def missing_text_reason(title: str | None, text: str) -> str | None:
    """Why ``text`` (with its page ``title``) is no article, in a few words; None if it is one.

    The reason reads inside a sentence: "This page has no article text (a list of files)."
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return "it is empty"
    if any(_is_sentence(line) for line in lines):
        return None
    if _LISTING_TITLE.match(title or "") or _mostly_file_names(lines):
        return "a list of files"
    return "only links or short labels, no sentences"


def _is_sentence(line: str) -> bool:
    tokens = line.split()
    if len(tokens) <= 3:
        letters = sum(1 for char in line if char.isalpha())
        return letters >= _UNSPACED_LETTERS and letters >= _WORD_SHARE * len("".join(tokens)) and (
            _SENTENCE_END.search(line) is not None
        )
    words = sum(1 for token in tokens if _WORD.match(token))
    return (
        words >= _SENTENCE_WORDS
        and words >= _WORD_SHARE * len(tokens)
        and _SENTENCE_END.search(line) is not None
    )


def _mostly_file_names(lines: list[str]) -> bool:
    named = sum(1 for line in lines if any(_FILE_NAME.match(token) for token in line.split()))
    return named * 2 >= len(lines)
