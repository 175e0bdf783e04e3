"""The team's review as edits: assign a claim or an article, set a claim's review state, reopen it.

Operations for ``services.edits.apply``, like the claim edits: one
transaction each, compare-and-set on the version the reviewer saw, and a
``Done`` with the inverse. The rules (``domain.review``): an approved claim
is locked, and only an editor may move it out of approved, by ``Reopen`` or
by any state change (an undo of the approval included).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from workbench.domain.errors import InvalidValueError
from workbench.domain.kinds import ReviewState
from workbench.domain.review import (
    EDITORS_VARIABLE,
    assignee_name,
    editors_from,
    refuse_reopen,
    review_state,
)
from workbench.services.changes import Changes, Done, ids
from workbench.services.edits import StaleEdit
from workbench.storage import review as review_store
from workbench.storage.claims import load_claim
from workbench.storage.database import Database


@dataclass(frozen=True, slots=True)
class AssignClaim:
    """Assign a claim to a reviewer (a name or a role); "" takes the assignment off."""

    claim_id: int
    assignee: str
    expected_version: int | None = None
    expected_value: str | None = None  # an undo: the assignee the edit it takes back wrote

    def run(self, session: Session, by: str) -> Done:
        return _set(
            session, by, self.claim_id, "assignee", assignee_name(self.assignee), self.expected_version,
            expected_value=self.expected_value,
        )


@dataclass(frozen=True, slots=True)
class SetReviewState:
    """Move a claim to a review state; moving it out of approved is a reopen (editors only)."""

    claim_id: int
    state: str
    expected_version: int | None = None
    note: str = ""
    expected_value: str | None = None  # an undo: the state the edit it takes back wrote

    def run(self, session: Session, by: str) -> Done:
        state = review_state(self.state).value
        current = review_store.claim_review_state(session, self.claim_id)
        if current == ReviewState.APPROVED and state != current:
            _check_may_reopen(session, self.claim_id, by)
        return _set(
            session, by, self.claim_id, "review_state", state, self.expected_version, self.note,
            expected_value=self.expected_value,
        )


@dataclass(frozen=True, slots=True)
class Reopen:
    """Move an approved claim back to in progress, so its verdict can be edited again (editors only)."""

    claim_id: int
    expected_version: int | None = None

    def run(self, session: Session, by: str) -> Done:
        if review_store.claim_review_state(session, self.claim_id) != ReviewState.APPROVED:
            raise InvalidValueError(
                f"Claim {self.claim_id} is not approved, so there is nothing to reopen.",
                "Its verdict can be edited as it is.",
            )
        return SetReviewState(
            self.claim_id, ReviewState.IN_PROGRESS.value, self.expected_version, note="reopened"
        ).run(session, by)


@dataclass(frozen=True, slots=True)
class AssignArticle:
    """Assign a whole article to a reviewer; ``expected_assignee`` is the one the reviewer saw (None forces)."""

    article_id: int
    assignee: str
    expected_assignee: str | None = None

    def run(self, session: Session, by: str) -> Done:
        article, old = review_store.assign_article_in(
            session, self.article_id, self.assignee, expected=self.expected_assignee
        )
        changes = Changes(article_ids=ids([article.id]), session_ids=ids([article.session_id]))
        return Done(changes, AssignArticle(self.article_id, old, expected_assignee=article.assignee))


def _set(
    session: Session, by: str, claim_id: int, field: str, value: str, expected_version: int | None,
    note: str = "", *, expected_value: str | None = None,
) -> Done:
    before = getattr(load_claim(session, claim_id), field)
    try:
        record = review_store.set_claim_review_in(
            session, claim_id, field, value, by=by, expected_version=expected_version, note=note,
            expected_value=expected_value,
        )
    except StaleDataError:
        raise StaleEdit(claim_id, {field: value}) from None
    changes = Changes(claim_ids=ids([claim_id]), session_ids=ids([load_claim(session, claim_id).article.session_id]))
    # The undo checks that the field still holds what this edit wrote, so it
    # never writes over a colleague's change made since.
    if field == "assignee":
        inverse: AssignClaim | SetReviewState = AssignClaim(
            claim_id, before, expected_version=record.version, expected_value=value
        )
    else:
        inverse = SetReviewState(claim_id, before, expected_version=record.version, expected_value=value)
    return Done(changes, inverse)


def may_reopen(db: Database, by: str) -> bool:
    """May ``by`` (on PostgreSQL: the connected role) reopen approved claims? The window offers Reopen only then."""
    with db.session() as session:
        return _may_reopen_in(session, by)[0]


def _may_reopen_in(session: Session, by: str) -> tuple[bool, str]:
    if review_store.on_server(session):
        return review_store.server_editor(session)
    editors = editors_from(os.environ.get(EDITORS_VARIABLE))
    return editors is None or by in editors, by


def _check_may_reopen(session: Session, claim_id: int, by: str) -> None:
    allowed, who = _may_reopen_in(session, by)
    if not allowed:
        raise refuse_reopen(claim_id, who, review_store.on_server(session))

