"""A language is a folder under ``workbench/detect/lang/``, found by its code.

The detectors take every word they read from ``language(code)``; adding a
language means adding a folder with the same data modules as ``en/``, and a
code with no folder is refused with a message the user can act on.
"""

from __future__ import annotations

import sys
from dataclasses import fields
from pathlib import Path

import pytest

import workbench.detect.lang as lang_package
from workbench.detect.lang import LanguageData, available, language
from workbench.domain.errors import UnknownLanguageError, WorkbenchError

DATA_MODULES = [f.name for f in fields(LanguageData) if f.name != "code"]


def _write_language(root: Path, code: str, skip: str | None = None) -> None:
    """A tiny language: every data module of ``en/``, holding a handful of number words."""
    folder = root / code
    folder.mkdir()
    (folder / "__init__.py").write_text('"""A made-up language for the test."""\n')
    for name in DATA_MODULES:
        if name != skip:
            (folder / f"{name}.py").write_text(f"KIND = {name!r}\n")
    if skip != "numbers":
        (folder / "numbers.py").write_text('SMALL = {"uno": 1, "due": 2}\n')


@pytest.fixture
def lang_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A directory searched for language folders, as ``workbench/detect/lang/`` itself is."""
    monkeypatch.setattr(lang_package, "__path__", [*lang_package.__path__, str(tmp_path)])
    before = set(sys.modules)
    yield tmp_path
    for name in set(sys.modules) - before:
        if name.startswith("workbench.detect.lang."):
            del sys.modules[name]


def test_english_is_the_default_and_holds_the_words_the_detectors_read():
    english = language()
    assert english is language("en")
    assert english.code == "en"
    assert english.numbers.SMALL["seven"] == 7
    assert english.dates.MONTHS["sept"] == 9
    assert "spokeswoman" in english.titles.TITLES
    assert "en" in available()


def test_a_code_is_read_as_people_write_it():
    assert language(" EN ") is language("en")


def test_a_new_folder_is_a_new_language(lang_folder: Path):
    _write_language(lang_folder, "xq")
    found = language("xq")
    assert found.code == "xq"
    assert found.numbers.SMALL == {"uno": 1, "due": 2}
    assert found.speech.KIND == "speech"
    assert "xq" in available()
    assert language("en").numbers.SMALL["two"] == 2  # English is untouched


def test_a_folder_missing_a_data_module_is_refused_by_name(lang_folder: Path):
    _write_language(lang_folder, "xr", skip="speech")
    with pytest.raises(UnknownLanguageError, match="lacks its speech module"):
        language("xr")


def test_an_unknown_code_raises_a_clear_error():
    with pytest.raises(UnknownLanguageError) as raised:
        language("xx")
    error = raised.value
    assert isinstance(error, WorkbenchError)  # shown to the user, not logged as a bug
    assert "'xx'" in error.message
    assert "en" in error.hint


@pytest.mark.parametrize("code", ["", "en.numbers", "../en", "english", "e n"])
def test_a_code_that_names_no_folder_is_refused(code: str):
    with pytest.raises(UnknownLanguageError):
        language(code)
