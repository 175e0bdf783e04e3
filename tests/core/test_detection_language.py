"""Detection runs in the article's language: a new language is a folder, not a detector change.

A made-up language ``xt`` is English with one month renamed (``Zorbal`` for March)
and another indefinite article (``zu hundred`` for "a hundred"). Dropping its folder
onto ``workbench.detect.lang``'s path is all it takes for every entry point (the
pipeline, one detector, the import service, the guess of a selected span, evidence
ranking, the claim memory's keys) to read dates and numbers with its words, while
English detection, run on the same text, stays as it was.
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import replace
from pathlib import Path

import pytest

import workbench.detect.lang as lang_package
from workbench.detect.candidate import DetectContext
from workbench.detect.dates import detect_dates
from workbench.domain.errors import UnknownLanguageError
from workbench.evidence.rank import claim_facts, rank_passages
from workbench.ingest.text import extract_text
from workbench.kinds import detect, guess_kind
from workbench.memory.normalise import names_absolute_date, number_key
from workbench.services.importing import detect_drafts, redetect, store_extracted
from workbench.storage import claims, sessions

# Not "xx": another test asks for that code expecting no folder, and loaded languages are cached.
TOY = "xt"
TEXT = "The bridge over the river reopened on Zorbal 14, 2021, after repairs."
TOY_DATE = "Zorbal 14, 2021"
TROOPS = "The ministry sent zu hundred soldiers to the border."


@pytest.fixture
def toy_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """English's folder copied as ``xt``, with March called Zorbal (and "mar" no abbreviation),
    and "zu" its only indefinite article: the number words and the figure cores say so,
    not the detectors."""
    english = Path(lang_package.__path__[0]) / "en"
    folder = tmp_path / TOY
    shutil.copytree(english, folder, ignore=shutil.ignore_patterns("__pycache__"))
    dates = folder / "dates.py"
    source = dates.read_text(encoding="utf-8")
    renamed = (
        source.replace('"march": 3', '"zorbal": 3')
        .replace('"mar": 3, ', "")
        .replace("|March|", "|Zorbal|")
        .replace("Feb|Mar|Apr", "Feb|Apr")
    )
    assert renamed.count("orbal") == 2  # the month table and the month pattern
    dates.write_text(renamed, encoding="utf-8")
    with (folder / "numbers.py").open("a", encoding="utf-8") as numbers:
        numbers.write('\nINDEFINITE_ARTICLES = frozenset({"zu"})\n')
    with (folder / "figures.py").open("a", encoding="utf-8") as figures:
        figures.write(
            '\nWORD_CORE = WORD_CORE.replace(r"an?\\s+(?=", r"zu\\s+(?=")\n'
            'CORE_START_WORDS = (CORE_START_WORDS - {"a", "an"}) | {"zu"}\n'
        )
    monkeypatch.setattr(lang_package, "__path__", [*lang_package.__path__, str(tmp_path)])
    before = set(sys.modules)
    yield TOY
    for name in set(sys.modules) - before:
        if name.startswith(f"workbench.detect.lang.{TOY}"):
            del sys.modules[name]


def _dates(found) -> dict[str, object]:
    return {c.text: c.value for c in found if c.kind == "date"}


def test_a_new_language_folder_is_read_by_the_detectors(toy_language: str):
    assert _dates(detect(TEXT, None, language=toy_language))[TOY_DATE] == "2021-03-14"
    assert _dates(detect_dates(TEXT, DetectContext(language=toy_language)))[TOY_DATE] == "2021-03-14"
    # English does not know the month: only the bare year is a date there
    assert _dates(detect(TEXT, None)) == {"2021": "2021"}
    # ... and the toy language no longer knows March
    march = "The bridge reopened on March 14, 2021."
    assert "March 14, 2021" in _dates(detect(march, None, language="en"))
    assert "March 14, 2021" not in _dates(detect(march, None, language=toy_language))


def _figures(found) -> dict[str, object]:
    return {c.text: c.value for c in found if c.kind == "figure"}


def test_the_indefinite_article_is_the_languages_own(toy_language: str):
    """ "zu hundred" is one hundred in the toy language: the number reader takes its article
    from the language's numbers module, so "a" means nothing there."""
    assert _figures(detect(TROOPS, None, language=toy_language)) == {"zu hundred soldiers": 100}
    assert _figures(detect(TROOPS, None)) == {"hundred soldiers": 100}  # English: "zu" is no article
    english = TROOPS.replace("zu", "a")
    assert _figures(detect(english, None)) == {"a hundred soldiers": 100}
    assert _figures(detect(english, None, language=toy_language)) == {"hundred soldiers": 100}
    assert number_key("zu hundred", language=toy_language) == "100"
    assert number_key("zu hundred") is None


def test_guesses_ranking_and_memory_read_the_claims_language(toy_language: str):
    start = TEXT.index(TOY_DATE)
    end = start + len(TOY_DATE)
    assert guess_kind(TEXT, start, end, language=toy_language) == "date"
    assert guess_kind(TEXT, start, end) != "date"  # English sees a year and a stray word
    assert names_absolute_date("on Zorbal 14", language=toy_language)
    assert not names_absolute_date("on Zorbal 14")

    facts = claim_facts(TEXT, language=toy_language)
    assert facts.dates == {"2021-03-14"}
    assert claim_facts(TEXT).dates == {"2021"}
    source = "Traffic was light. The bridge carried cars again from Zorbal 14, 2021."
    passages = rank_passages(facts, source, language=toy_language)
    assert passages[0].text.startswith("The bridge") and TOY_DATE in passages[0].matched
    assert TOY_DATE not in rank_passages(facts, source)[0].matched  # English finds no such day


def test_english_detection_is_untouched_after_another_language_ran(toy_language: str):
    english_first = detect(TEXT, None)
    detect(TEXT, None, language=toy_language)  # the per-text caches must not leak across languages
    assert detect(TEXT, None) == english_first
    assert _dates(detect(TEXT, None, language=toy_language))[TOY_DATE] == "2021-03-14"


def test_a_regional_tag_reads_its_language_and_an_unknown_one_reads_english(toy_language: str):
    assert TOY_DATE in _dates(detect(TEXT, None, language=f"{toy_language}-GB"))
    english = detect(TEXT, None, language="en")
    assert detect(TEXT, None, language="qq") == english  # no folder for "qq": English, no error
    assert detect(TEXT, None, language="not a tag") == english
    assert detect(TEXT, None, language=None) == english


def test_a_half_made_language_folder_is_refused_not_skipped(tmp_path: Path, monkeypatch):
    """A folder without its data modules is a mistake to see, not a language to read as English."""
    folder = tmp_path / "xu"
    folder.mkdir()
    (folder / "__init__.py").write_text('"""A language begun and not finished."""\n')
    monkeypatch.setattr(lang_package, "__path__", [*lang_package.__path__, str(tmp_path)])
    with pytest.raises(UnknownLanguageError, match="lacks its"):
        detect(TEXT, None, language="xu")
    sys.modules.pop("workbench.detect.lang.xu", None)


def test_import_detects_in_the_language_the_page_declares(toy_language: str, sqlite_db):
    assert TOY_DATE in {d for d in _draft_texts(detect_drafts(TEXT, None, (), toy_language))}
    assert TOY_DATE not in _draft_texts(detect_drafts(TEXT, None))

    article = replace(extract_text(TEXT), language=f"{toy_language}-GB")
    session = sessions.create_session(sqlite_db, "Bridges", reviewer="ana")
    result = store_extracted(sqlite_db, session.id, article, by="ana")
    stored = claims.list_claims(sqlite_db, session_id=session.id)
    assert {c.text: c.value for c in stored if c.kind == "date"}[TOY_DATE] == "2021-03-14"
    assert redetect(sqlite_db, result.article.id) == 0  # redetection reads the same language


def _draft_texts(drafts) -> set[str]:
    return {TEXT[d.start : d.end] for d in drafts if d.kind == "date"}
