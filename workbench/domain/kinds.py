"""The closed vocabularies of the domain: claim kinds, statuses, origins, stances."""

from __future__ import annotations

from enum import StrEnum


class ClaimKind(StrEnum):
    FIGURE = "figure"
    DATE = "date"
    EQUIPMENT = "equipment"
    QUOTE = "quote"
    STATEMENT = "statement"
    OTHER = "other"


class ClaimStatus(StrEnum):
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    DISMISSED = "dismissed"


class ClaimOrigin(StrEnum):
    DETECTED = "detected"
    MANUAL = "manual"


class Stance(StrEnum):
    SUPPORTS = "supports"
    REFUTES = "refutes"
    CONTEXT = "context"
