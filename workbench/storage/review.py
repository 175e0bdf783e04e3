"""The team's review in storage: assignments, review states, and who may reopen.

Writes run inside the caller's transaction (``services.review_edits`` makes
them one edit each). A claim's assignment and state are compare-and-set on
the claim's version like every claim edit, and recorded in its history. An
article has no version: its assignment is compare-and-set on the assignee
the reviewer saw.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from workbench.domain.errors import AssignmentConflictError
from workbench.domain.records import ArticleRecord, ClaimRecord
from workbench.domain.review import EDITOR_ROLE, assignee_name
from workbench.storage.articles import load_article
from workbench.storage.base import utcnow
from workbench.storage.claims import _check_values, _check_version, load_claim, record_history
from workbench.storage.convert import article_record, claim_record
from workbench.storage.sessions import touch_session


def set_claim_review_in(
    session: Session, claim_id: int, field: str, value: str, *, by: str,
    expected_version: int | None, note: str = "", expected_value: str | None = None,
) -> ClaimRecord:
    """Set a claim's ``assignee`` or ``review_state`` (already validated), with a history row.

    ``expected_value`` (an undo) replaces the version check: the field must
    still hold what the edit being undone wrote, or a colleague's change
    since is a conflict, as for the claim's other fields.
    """
    if field not in ("assignee", "review_state"):
        raise ValueError(f"not a review field: {field}")
    claim = load_claim(session, claim_id)
    if expected_value is None:
        _check_version(claim, {field: value}, expected_version)
    else:
        _check_values(claim, {field: value}, {field: expected_value})
    old = getattr(claim, field)
    if old != value:
        record_history(session, claim, by, field, old, value, note=note)
        setattr(claim, field, value)
        claim.updated_by = by
        claim.updated_at = utcnow()
        touch_session(session, claim.article.session_id)
    session.flush()
    return claim_record(claim)


def claim_review_state(session: Session, claim_id: int) -> str:
    return load_claim(session, claim_id).review_state


def assign_article_in(
    session: Session, article_id: int, assignee: str, *, expected: str | None
) -> tuple[ArticleRecord, str]:
    """Assign an article; ``expected`` is the assignee the reviewer saw (None forces). Returns it and the old one."""
    article = load_article(session, article_id)
    assignee = assignee_name(assignee)
    old = article.assignee or ""
    if expected is not None and old != assignee_name(expected) and old != assignee:
        raise AssignmentConflictError(
            f"Article {article_id} was assigned to {old or 'nobody'} by someone else since you loaded it.",
            "Look at the new assignment and assign again if it should change; nothing was changed.",
        )
    if old != assignee:
        article.assignee = assignee
        touch_session(session, article.session_id)
    session.flush()
    return article_record(article), old


def server_editor(session: Session) -> tuple[bool, str]:
    """On PostgreSQL: may the connected role reopen (member of ``workbench_editor``, or a superuser)? And its name."""
    user, superuser, group = session.execute(
        text(
            "SELECT current_user, r.rolsuper, EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :group) "
            "FROM pg_roles r WHERE r.rolname = current_user"
        ),
        {"group": EDITOR_ROLE},
    ).one()
    if superuser:
        return True, user
    if not group:  # pg_has_role raises on a role that does not exist
        return False, user
    member = session.execute(
        text("SELECT pg_has_role(current_user, :group, 'MEMBER')"), {"group": EDITOR_ROLE}
    ).scalar_one()
    return bool(member), user


def on_server(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"
