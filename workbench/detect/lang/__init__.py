"""The words detection reads, one folder per language, found by language code.

As spaCy keeps ``spacy/lang/xx/``, each language is a package here
(``en/``) holding data modules named for what they hold: ``numbers``,
``dates``, ``units``... The detectors hold the logic and take their words
from the language of the call (``DetectContext.language``, made current by
``detect.language_scope``), so a second language is a second folder, not a
fork of the detectors. A folder is found by its code: dropping ``xx/`` into
this package (or onto its ``__path__``) is all it takes to register it.
Detection falls back to English for a code with no folder; ``language``
itself refuses one, for callers that must know.
"""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
import re
from dataclasses import dataclass, fields
from functools import cache
from types import ModuleType

from workbench.domain.errors import UnknownLanguageError

DEFAULT = "en"
# ISO 639-1/-3 codes, optionally with a region (``pt_br``): also keeps a code from
# naming anything but a direct subpackage (no dots, no path tricks).
_CODE_RE = re.compile(r"[a-z]{2,3}(?:_[a-z]{2})?")


@dataclass(frozen=True, eq=False)
class LanguageData:
    """One language's data modules; every field is a module of that language's folder.

    Compared and hashed by identity (one instance per code, see ``_load``): the
    detectors key their per-language caches on it, and hashing twelve modules
    on every look-up would cost more than the look-up.
    """

    code: str
    numbers: ModuleType  # number words, scales, ordinals, fractions, plurals
    dates: ModuleType  # month and weekday names, seasons, relative-date words, tense cues
    units: ModuleType  # currencies, measure units, counted nouns
    figures: ModuleType  # approximators, labels, adverbs: what surrounds a number
    stop_words: ModuleType  # words that carry no claim of their own
    titles: ModuleType  # person titles, honorifics, name particles
    people: ModuleType  # bodies, leaders, anonymous people, function words of names
    speech: ModuleType  # speech verbs and attribution words
    sentences: ModuleType  # abbreviations that do not end a sentence
    statements: ModuleType  # cue words that make a sentence a checkable statement
    equipment: ModuleType  # words around a weapon's name
    inscriptions: ModuleType  # words that make a quotation a title or an inscription


def language(code: str = DEFAULT) -> LanguageData:
    """The data of the language ``code`` (``"en"``); raises UnknownLanguageError if none."""
    return _load(code.strip().lower().replace("-", "_"))


def available() -> list[str]:
    """The codes of the language folders present."""
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if m.ispkg)


@cache
def _load(code: str) -> LanguageData:
    if not _CODE_RE.fullmatch(code) or importlib.util.find_spec(f"{__name__}.{code}") is None:
        raise UnknownLanguageError(
            f"No word lists for the language {code!r}.",
            f"Known languages: {', '.join(available())}. A new one is a folder in workbench/detect/lang/.",
        )
    modules = {}
    for field in fields(LanguageData):
        if field.name == "code":
            continue
        name = f"{__name__}.{code}.{field.name}"
        try:
            modules[field.name] = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
            raise UnknownLanguageError(
                f"The language {code!r} lacks its {field.name} module.",
                f"Add {field.name}.py to its folder, as en/ has.",
            ) from None
    return LanguageData(code=code, **modules)
