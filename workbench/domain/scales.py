"""Verdict scales: data in resources/scales, read once."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from workbench.domain.errors import InvalidValueError, NotFoundError
from workbench.paths import resource


@dataclass(frozen=True, slots=True)
class Level:
    key: str
    label: str
    digit: int
    colour: str
    rating: int | None  # ClaimReview ratingValue; None = not rated
    description: str


@dataclass(frozen=True, slots=True)
class Scale:
    key: str
    name: str
    description: str
    best_rating: int
    worst_rating: int
    levels: tuple[Level, ...]
    # A verdict resting on fewer independent sources than this is marked (AFP asks for two).
    min_independent_sources: int = 2

    def level(self, key: str | None) -> Level:
        """The level for a stored verdict; no verdict is the scale's first (unreviewed) level."""
        if key is None:
            return self.levels[0]
        for level in self.levels:
            if level.key == key:
                return level
        raise InvalidValueError(
            f"'{key}' is not a verdict on the {self.name} scale.",
            "Use one of: " + ", ".join(lv.label for lv in self.levels) + ".",
        )

    def resolve(self, text: str) -> Level:
        """A verdict as a user types it: key, label (any case) or keyboard digit."""
        wanted = text.strip().casefold()
        for level in self.levels:
            if wanted in (level.key, level.label.casefold(), str(level.digit)):
                return level
        raise InvalidValueError(
            f"'{text}' is not a verdict on the {self.name} scale.",
            "Use one of: "
            + ", ".join(f"{lv.label} ({lv.key}, key {lv.digit})" for lv in self.levels)
            + ".",
        )

    def by_digit(self, digit: int) -> Level | None:
        return next((lv for lv in self.levels if lv.digit == digit), None)


@cache
def available_scales() -> dict[str, Scale]:
    scales = {}
    for path in sorted(resource("scales").glob("*.json")):
        scale = _parse(json.loads(path.read_text(encoding="utf-8")))
        scales[scale.key] = scale
    return scales


def get_scale(key: str) -> Scale:
    try:
        return available_scales()[key]
    except KeyError:
        raise NotFoundError(
            f"There is no verdict scale called '{key}'.",
            "Known scales: " + ", ".join(available_scales()) + ".",
        ) from None


def _parse(data: dict) -> Scale:
    return Scale(
        key=data["key"],
        name=data["name"],
        description=data.get("description", ""),
        best_rating=data["best_rating"],
        worst_rating=data["worst_rating"],
        levels=tuple(Level(**lv) for lv in data["levels"]),
        min_independent_sources=data.get("min_independent_sources", 2),
    )
