"""Reading sources without storing them: what `workbench extract` and
`workbench claims` print, and the kind a hand-selected span is guessed as."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from workbench.detect.candidate import Candidate
from workbench.domain.articles import ExtractedArticle
from workbench.domain.errors import WorkbenchError
from workbench.ingest.local_files import read_file_capped
from workbench.kinds import detect, guess_kind


def load_article(source: str) -> ExtractedArticle:
    """The article at a URL or in a file, fetched or read under the ingest caps."""
    # Imported here: fetching and extraction load requests and trafilatura, which
    # every other command (all register through the same parser) can do without.
    from workbench.ingest.load import load_source

    return load_source(source)


def detect_claims(
    text: str, published: date | None = None, language: str | None = None
) -> list[Candidate]:
    """The claims the workbench would propose in ``text``, written in ``language`` if known
    (detected as English when that language has no word lists)."""
    return detect(text, published, language)


def guess_claim_kind(text: str, start: int, end: int) -> str:
    """The kind a span selected by hand most likely is."""
    return guess_kind(text, start, end)


def read_source(source: str) -> tuple[str, date | None, str | None]:
    """The text that offsets index, the article's own publication date if known, and
    why a page holds no article text (None for an article, and for a text file, taken as given)."""
    path = Path(source)
    if path.suffix.lower() == ".txt" and "://" not in source:
        return _read_text_file(path), None, None
    return _extract(source)


def _read_text_file(path: Path) -> str:
    # Read under the byte cap, regular files only: /dev/zero named x.txt ends here.
    raw = read_file_capped(path)
    try:
        # Exactly the decoded contents: no newline or BOM normalisation, so offsets match.
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise WorkbenchError(
            f"{path} is not UTF-8 text (byte {error.start}).",
            "Save it as UTF-8, or give the HTML page instead.",
        ) from None


def _extract(source: str) -> tuple[str, date | None, str | None]:
    """HTML files and URLs go through ingest, which owns fetching and extraction."""
    from workbench.ingest.article_text import page_without_text

    article = load_article(source)
    return article.text, _date_or_none(article.published), page_without_text(article)


def _date_or_none(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


