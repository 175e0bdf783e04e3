"""Who may reopen an approved claim on PostgreSQL: two real roles, an editor and a plain reviewer.

The database owner makes the tables; ``ed`` is a member of the group role
``workbench_editor``, ``rev`` is not. Both may approve; only ``ed`` may
reopen, and ``rev``'s edits of the approved verdict are refused.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy.engine import make_url

from tests.factories import make_article
from tests.pg_roles import login_roles
from workbench.domain.errors import ApprovedLockedError, NotAllowedError
from workbench.domain.review import EDITOR_ROLE
from workbench.services.claim_edits import set_verdict
from workbench.services.edits import apply
from workbench.services.importing import store_extracted
from workbench.services.review_edits import Reopen, SetReviewState
from workbench.storage import claims, sessions
from workbench.storage.database import Database, open_database

pytestmark = pytest.mark.postgres


@pytest.fixture
def team(postgres_url: str) -> Iterator[tuple[Database, Database, Database, int]]:
    """The owner's, the editor's and the reviewer's connections, and a claim with a verdict."""
    owner = open_database(postgres_url)
    suffix = os.getpid()
    editor_role, reviewer_role = f"ed_{suffix}", f"rev_{suffix}"
    with login_roles(owner, (editor_role, reviewer_role), editors=(editor_role,), table_rights=True):
        session = sessions.create_session(owner, "Desk", reviewer="owner")
        article = store_extracted(owner, session.id, make_article(), by="detector").article
        claim_id = claims.list_claims(owner, article_id=article.id)[0].id
        apply(owner, set_verdict(claim_id, "false", rationale="The ministry says 20,000."), by="owner")
        url = make_url(postgres_url)
        editor = open_database(url.set(username=editor_role).render_as_string(hide_password=False))
        reviewer = open_database(url.set(username=reviewer_role).render_as_string(hide_password=False))
        try:
            yield owner, editor, reviewer, claim_id
        finally:
            editor.close()
            reviewer.close()
    owner.close()


def test_a_reviewer_approves_but_only_an_editor_reopens(team):
    _owner, editor, reviewer, claim_id = team
    apply(reviewer, SetReviewState(claim_id, "approved"), by="Rev")
    with pytest.raises(ApprovedLockedError):
        apply(reviewer, set_verdict(claim_id, "true"), by="Rev")
    with pytest.raises(NotAllowedError) as refused:
        apply(reviewer, Reopen(claim_id), by="Rev")
    assert f"GRANT {EDITOR_ROLE} TO rev_" in refused.value.hint
    with pytest.raises(NotAllowedError):  # nor by undoing the approval
        apply(reviewer, SetReviewState(claim_id, "needs_second_check"), by="Rev")
    assert claims.get_claim(reviewer, claim_id).review_state == "approved"

    # The lock holds for the editor too, until the editor reopens.
    with pytest.raises(ApprovedLockedError):
        apply(editor, set_verdict(claim_id, "true"), by="Ed")
    apply(editor, Reopen(claim_id), by="Ed")
    apply(reviewer, set_verdict(claim_id, "true", rationale="New figures."), by="Rev")
    claim = claims.get_claim(editor, claim_id)
    assert (claim.review_state, claim.verdict, claim.rationale) == ("in_progress", "true", "New figures.")
