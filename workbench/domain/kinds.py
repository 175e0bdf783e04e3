"""The vocabularies of the domain: claim kinds, statuses, review states, origins, stances.

Statuses, review states, origins and stances are closed: the code decides
what each one means. Claim kinds are open: a kind is a spec in
``workbench.kinds``, and the names storage and the file checks accept are the
kind registry's (see ``known_kinds``).
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from workbench.domain.errors import InvalidValueError


class ClaimKind(StrEnum):
    """The names of the built-in kinds, for code that means one of them.

    Not the list of kinds the workbench knows: a kind added as a spec needs
    no member here (``known_kinds`` is that list).
    """

    FIGURE = "figure"
    DATE = "date"
    EQUIPMENT = "equipment"
    QUOTE = "quote"
    STATEMENT = "statement"
    OTHER = "other"


class _KindNames:
    """The names of the claim kinds the workbench knows, in the kind registry's order.

    Why the names live here rather than being passed down: the kinds are
    specs in ``workbench.kinds``, which sits above storage (a spec holds a
    detector), while storage, which refuses a claim of an unknown kind, may
    import only the domain. Handing the names from the services to every
    storage write, filter and session-file check would thread one argument
    through each of those signatures and leave a check that forgets it
    unprotected. So the registry installs its names here (``workbench.kinds``
    does when it is imported, and ``workbench.services`` imports it before
    any use case runs), and the checks below read them.

    Until a registry installs its names, the built-in kinds are known, so
    that storage used on its own still accepts them.
    """

    def __init__(self, names: Iterable[str]) -> None:
        self.names = tuple(names)

    def install(self, names: Iterable[str]) -> tuple[str, ...]:
        names = tuple(names)
        if not names or len(set(names)) != len(names):
            raise ValueError(f"Claim kind names must be given, each once: {names!r}.")
        before, self.names = self.names, names  # one assignment: readers see old or new, never half
        return before


_KNOWN = _KindNames(kind.value for kind in ClaimKind)


def known_kinds() -> tuple[str, ...]:
    """The names of every kind of claim the workbench knows, in the kind registry's order."""
    return _KNOWN.names


def install_kinds(names: Iterable[str]) -> tuple[str, ...]:
    """Make ``names`` the kinds the workbench knows; returns the names known before.

    The kind registry calls this (``KindRegistry.install``); a test that
    builds its own registry installs it and puts the names before back.
    """
    return _KNOWN.install(names)


def checked_kind(kind: str) -> str:
    """``kind`` as stored, if the workbench knows such a kind; otherwise an ``unknown_kind`` error."""
    if kind in _KNOWN.names:
        return str(kind)
    raise unknown_kind(kind)


def unknown_kind(kind: object) -> InvalidValueError:
    """What a user is told of a claim kind the workbench does not know (``kind`` as they gave it)."""
    return InvalidValueError(
        f"'{kind}' is not a kind of claim.", "Use one of: " + ", ".join(_KNOWN.names) + "."
    )


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
