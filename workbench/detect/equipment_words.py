"""The patterns the equipment detector builds from a language's words around a weapon's name.

The words are language data (``lang/en/equipment.py``); ``equipment_patterns()``
compiles the current language's once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.detect.first_chars import skipping
from workbench.detect.lang import LanguageData
from workbench.detect.language_scope import per_language


@dataclass(frozen=True)
class EquipmentPatterns:
    """One language's patterns around a system's name."""

    context: re.Pattern[str]  # a military word anywhere around an ambiguous name
    context_next: re.Pattern[str]  # ... right after it
    family: re.Pattern[str]  # a bare family name before a family word: "AK-platform"


@per_language
def equipment_patterns(lang: LanguageData) -> EquipmentPatterns:
    """The equipment patterns of the language detection runs in."""
    words = lang.equipment
    return EquipmentPatterns(
        context=re.compile(rf"\b(?:{words.CONTEXT_WORDS})\b", re.IGNORECASE),
        context_next=re.compile(rf"(?:{words.CONTEXT_WORDS})\b", re.IGNORECASE),
        family=skipping(re.compile(
            rf"\b(?:{'|'.join(words.FAMILY_PREFIXES)})(?={words.FAMILY_SUFFIX.pattern})"
        )),
    )
