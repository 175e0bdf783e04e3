"""What every detector returns, and the context it works in."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True)
class Candidate:
    """A proposed claim: a span of the text and the attributes of its kind.

    ``start``/``end`` are Python ``str`` indices into the text (end exclusive)
    and ``text == source[start:end]`` always holds.
    ``value`` is a JSON value: a number or ``[low, high]`` for figures, an
    ISO 8601 (partial) date string for dates, the canonical name for
    equipment; ``None`` where the rules say so.
    """

    kind: str
    start: int
    end: int
    text: str
    value: Any = None
    unit: str | None = None
    speaker: str | None = None
    score: float = 0.5
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "unit": self.unit,
            "speaker": self.speaker,
            "score": round(self.score, 3),
        }


@dataclass(frozen=True, slots=True)
class DetectContext:
    """What detectors may know beyond the text.

    The publication date resolves relative dates; ``language`` is the code of the
    text's language, whose folder in ``detect/lang/`` the detectors read their
    words from (English when it has none, see ``language_scope.detection_language``).
    """

    published: date | None = None
    language: str = "en"
