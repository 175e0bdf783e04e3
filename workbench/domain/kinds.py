"""The closed vocabularies of the domain: claim kinds, statuses, review states, origins, stances."""

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


class ReviewState(StrEnum):
    """Where a claim stands in the team's review (Meedan Check's workflow), beside its status.

    ``ClaimStatus`` says whether a claim is worth checking at all (a detector
    proposal accepted or dismissed); the review state says how far the check
    of its verdict has got. They stay separate so that neither meaning
    changes: an accepted claim starts unstarted, and only an approved one is
    locked (see ``domain.review``).
    """

    UNSTARTED = "unstarted"
    IN_PROGRESS = "in_progress"
    NEEDS_SECOND_CHECK = "needs_second_check"
    APPROVED = "approved"


class ClaimOrigin(StrEnum):
    DETECTED = "detected"
    MANUAL = "manual"


class Stance(StrEnum):
    SUPPORTS = "supports"
    REFUTES = "refutes"
    CONTEXT = "context"
