"""The team's review workflow: assignment, review states, and the lock on approved verdicts.

As in Meedan Check, a claim (or a whole article) can be assigned to a
reviewer, and a claim moves through review states (``kinds.ReviewState``):
unstarted, in progress, needs second check, approved.

An approved claim's verdict, rationale and status are locked for everyone:
an edit of them is refused, whoever makes it. A reviewer allowed to reopen
(an editor) first reopens the claim, which moves it back to in progress and
is recorded in its history; then it can be edited again. Asking editors to
reopen, rather than letting their edits through, keeps an approved verdict
from ever changing while it still reads "approved".

Who may reopen:
- on PostgreSQL, a role that is a member of the group role ``workbench_editor``
  (the database owner creates it and grants it; a superuser always may);
- on SQLite (one file, usually one person), the reviewer names listed in
  ``WORKBENCH_EDITORS`` (comma-separated); when that is not set, anyone.
"""

from __future__ import annotations

from collections.abc import Iterable

from workbench.domain.errors import ApprovedLockedError, InvalidValueError, NotAllowedError
from workbench.domain.kinds import ReviewState

# The group role whose members may reopen approved claims (PostgreSQL).
EDITOR_ROLE = "workbench_editor"
# On SQLite: who may reopen, comma-separated reviewer names (unset: anyone).
EDITORS_VARIABLE = "WORKBENCH_EDITORS"
# What approval locks.
LOCKED_FIELDS = frozenset({"verdict", "rationale", "status"})
# Longest reviewer name an assignment stores (the column's size).
ASSIGNEE_LENGTH = 200


def review_state(text: str) -> ReviewState:
    """A review state from what a user typed: "approved", "needs-second-check", "In progress"."""
    key = text.strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return ReviewState(key)
    except ValueError:
        raise InvalidValueError(
            f"'{text}' is not a review state.",
            "Use one of: " + ", ".join(state_label(s) for s in ReviewState) + ".",
        ) from None


def state_label(state: str) -> str:
    """How a state reads in lists and reports: "needs second check"."""
    return state.replace("_", " ")


def assignee_name(name: str | None) -> str:
    """A reviewer's name as stored: trimmed; empty means nobody."""
    name = (name or "").strip()
    if len(name) > ASSIGNEE_LENGTH:
        raise InvalidValueError(
            f"A reviewer's name can be at most {ASSIGNEE_LENGTH} characters.", "Use a shorter name or the role."
        )
    return name


def check_unlocked(claim_id: int, state: str | None, fields: Iterable[str]) -> None:
    """Refuse an edit of what approval locks, on an approved claim."""
    locked = sorted(LOCKED_FIELDS.intersection(fields))
    if state == ReviewState.APPROVED and locked:
        raise ApprovedLockedError(
            f"Claim {claim_id} is approved: its {', '.join(locked)} cannot be changed.",
            f"An editor can reopen it first (Claim > Review > Reopen in the window, `workbench reopen {claim_id}` "
            "on the command line); nothing was changed.",
        )


def editors_from(value: str | None) -> frozenset[str] | None:
    """``WORKBENCH_EDITORS`` read: the names listed, or None (unset: anyone on SQLite)."""
    if value is None or not value.strip():
        return None
    return frozenset(name.strip() for name in value.split(",") if name.strip())


def refuse_reopen(claim_id: int, who: str, on_server: bool) -> NotAllowedError:
    if on_server:
        hint = f"Ask an editor, or ask the database owner to GRANT {EDITOR_ROLE} TO {who}."
    else:
        hint = f"Ask an editor: only the reviewers named in {EDITORS_VARIABLE} may reopen."
    return NotAllowedError(f"{who} may not reopen the approved claim {claim_id}.", hint)
