"""A colleague's re-check does not turn a stale window's next edit into a conflict.

The re-check moves spans and notes how each claim fared, none of the fields
a reviewer edits; a window that read the claims before it can still set a
verdict. A colleague's verdict is still a conflict.
"""

from __future__ import annotations

import pytest

from tests.factories import DEMO_TEXT, make_article
from workbench.domain.errors import ConflictError
from workbench.recheck import carry_over
from workbench.services.claim_edits import EditClaim
from workbench.services.edits import apply
from workbench.services.importing import store_extracted
from workbench.storage import claims, sessions


def test_a_verdict_made_on_the_claims_read_before_a_recheck_is_saved(any_db):
    session = sessions.create_session(any_db, "Desk", reviewer="ana")
    article = store_extracted(any_db, session.id, make_article(), by="detector").article
    seen = claims.list_claims(any_db, article_id=article.id)  # ana's window, before the re-check

    carry_over.store_version(any_db, article.id, make_article("Breaking. " + DEMO_TEXT), by="bob")
    moved = {c.id: c for c in claims.list_claims(any_db, article_id=article.id)}
    assert all(moved[c.id].start == c.start + len("Breaking. ") for c in seen)

    first, second = seen[0], seen[1]
    apply(any_db, EditClaim(first.id, {"verdict": "false"}, expected_version=first.version), by="ana")
    stored = claims.get_claim(any_db, first.id)
    assert stored.verdict == "false" and stored.start == first.start + len("Breaking. ")
    assert stored.version == first.version + 1  # the edit itself still counts

    apply(any_db, EditClaim(second.id, {"verdict": "true"}, expected_version=second.version), by="bob")
    with pytest.raises(ConflictError):  # a colleague's verdict is still a conflict
        apply(any_db, EditClaim(second.id, {"verdict": "false"}, expected_version=second.version), by="ana")
