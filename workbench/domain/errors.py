"""The one error channel: every trouble a user can cause or meet.

A ``WorkbenchError`` carries a message that says what went wrong and a hint
that says what to do. The GUI shows both in the window; the CLI prints them
to stderr and exits non-zero. Anything that is not a ``WorkbenchError`` is a
bug in the workbench and goes to the log with its traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


class WorkbenchError(Exception):
    """A problem the user can understand and act on."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


def unexpected(error: BaseException, details: str) -> WorkbenchError:
    """What the user is told of a bug (any error that is not a ``WorkbenchError``): what
    happened, where ``details`` are ("the log FILE"), and that the saved work is safe."""
    return WorkbenchError(
        f"Something went wrong: {type(error).__name__}: {error}.",
        f"The details are in {details}; your saved work is safe.",
    )


# --- storage -------------------------------------------------------------


class DatabaseError(WorkbenchError):
    """The database cannot be opened or written."""


class NotADatabaseError(DatabaseError):
    pass


class SchemaTooNewError(DatabaseError):
    pass


class DatabaseLockedError(DatabaseError):
    pass


class DatabaseReadOnlyError(DatabaseError):
    pass


class DatabaseUnreachableError(DatabaseError):
    pass


class DatabasePermissionError(DatabaseError):
    """The database role lacks a grant it needs (PostgreSQL's insufficient_privilege)."""


class DatabaseFullError(DatabaseError):
    """The disk (or the database's size limit) left no room for a write."""


class NotFoundError(WorkbenchError):
    """A session, article, claim or source that does not exist."""


class InvalidValueError(WorkbenchError):
    """A value the user gave that the workbench cannot accept (e.g. a verdict not on the scale)."""


class ConflictError(WorkbenchError):
    """Another reviewer changed the claim (or one of its source links) since it was loaded.

    ``changes`` maps each field to ``(theirs, mine)`` so both can be shown.
    ``evidence_id`` names the source link when the conflict is on a link's
    stance or passage (``their_version`` is then the link's version).
    """

    def __init__(
        self,
        claim_id: int,
        changes: dict[str, tuple[Any, Any]],
        their_version: int,
        by: str | None = None,
        evidence_id: int | None = None,
    ) -> None:
        fields = ", ".join(sorted(changes)) or "the claim"
        who = f" by {by}" if by else ""
        super().__init__(
            f"Claim {claim_id} was changed{who} since you loaded it ({fields}).",
            "Review both values and choose which to keep; nothing was overwritten.",
        )
        self.claim_id = claim_id
        self.changes = changes
        self.their_version = their_version
        self.by = by
        self.evidence_id = evidence_id


# --- ingest --------------------------------------------------------------


class IngestError(WorkbenchError):
    """An article could not be fetched, read or extracted."""


class FetchError(IngestError):
    """Network trouble: DNS, refused connection, timeout, redirects, TLS."""


class HttpStatusError(FetchError):
    def __init__(self, status: int, url: str, message: str, hint: str = "") -> None:
        super().__init__(message, hint)
        self.status = status
        self.url = url


class UnsupportedContentError(IngestError):
    pass


class TooLargeError(IngestError):
    pass


class DecodeError(IngestError):
    pass


class NoArticleTextError(IngestError):
    pass


class UnsupportedSourceError(IngestError):
    """A scheme other than http/https, or a file type the workbench does not read."""


# Finer ingest errors, so callers (GUI, tests) can tell the cases apart.


class HostNotFoundError(FetchError):
    """The site's name does not resolve (DNS failure, typo, no network)."""


class ConnectionFailedError(FetchError):
    """The connection was refused, reset or could not be made."""


class FetchTimeoutError(FetchError):
    """The site did not answer (or stopped sending) within the time limit."""


class RedirectError(FetchError):
    """A redirect loop, too many redirects, or a redirect to an unusable address."""


class EmptyPageError(IngestError):
    """The page or file has no content at all."""


# --- cancelling ----------------------------------------------------------
# Every cancel is a ``CancelledError``: one ``except CancelledError`` tells a
# reviewer's (or a closing window's) stop from a failure, whatever was running.


class CancelledError(WorkbenchError):
    """A long job stopped because it was asked to; nothing half-done was stored."""

    def __init__(self, message: str = "Cancelled.", hint: str = "Nothing was stored.") -> None:
        super().__init__(message, hint)


class FetchCancelledError(CancelledError, IngestError):
    """The user cancelled the fetch; nothing was stored."""


# --- export and session files --------------------------------------------


class ExportError(WorkbenchError):
    """An export could not be made (unknown format, missing destination, bad filter)."""


class SessionFileError(WorkbenchError):
    """A session JSON file cannot be imported: corrupt, newer format, or not a session file."""


class ExportCancelled(CancelledError):
    """The reviewer cancelled an export: no file was written, an older file is untouched."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            "Export cancelled: no file was written.",
            f"{path} was left as it was." if path.exists() else f"Nothing was saved to {path}.",
        )
# --- detection -----------------------------------------------------------


class UnknownLanguageError(InvalidValueError):
    """No word lists exist for the language code asked for."""


# --- team review ---------------------------------------------------------


class ApprovedLockedError(WorkbenchError):
    """An edit of the verdict, rationale or status of an approved claim."""


class NotAllowedError(WorkbenchError):
    """The reviewer's role may not do this (reopen an approved claim)."""


class AssignmentConflictError(WorkbenchError):
    """An article was assigned by someone else since the reviewer loaded it."""
