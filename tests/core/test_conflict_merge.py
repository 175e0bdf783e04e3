"""A stale edit's conflict shows every field that differs, and a merge is one edit on the stored version."""

from __future__ import annotations

import pytest

from tests.factories import make_article
from workbench.domain.errors import ConflictError
from workbench.services import claim_edits, conflict_merge
from workbench.services.edits import apply
from workbench.services.evidence_edits import AttachSource, DetachSource
from workbench.services.importing import store_extracted
from workbench.storage import claims, sessions, sources
from workbench.storage.database import Database


def test_conflict_lists_the_colleagues_other_fields_and_sources_and_merges_in_one_version(sqlite_db: Database):
    session = sessions.create_session(sqlite_db, "Review", reviewer="ana")
    store_extracted(sqlite_db, session.id, make_article(), by="detector")
    mine_base = claims.list_claims(sqlite_db, session_id=session.id)[0]
    # A colleague sets verdict and rationale, and adds a source, behind ana's back.
    claim_edits.update_claim(sqlite_db, mine_base.id, {"verdict": "true", "rationale": "The ministry confirmed it."},
                             by="bob", expected_version=mine_base.version)
    apply(sqlite_db, AttachSource(session.id, mine_base.id, "https://example.org/ministry"), by="bob")

    with pytest.raises(ConflictError) as raised:
        claim_edits.update_claim(sqlite_db, mine_base.id, {"verdict": "false"}, by="ana",
                                 expected_version=mine_base.version)
    conflict = conflict_merge.read_conflict(sqlite_db, raised.value, mine_base, [])

    shown = {f.field: (f.mine, f.theirs, f.edited) for f in conflict.fields}
    assert shown == {"verdict": ("false", "true", True), "rationale": ("", "The ministry confirmed it.", False)}
    assert conflict.by == "bob" and conflict.sources_differ
    assert conflict.sources_theirs == ("https://example.org/ministry",)

    values = conflict_merge.merged_values(conflict, {"verdict": "false", "rationale": "Both: see the ministry."})
    assert values == {"verdict": "false", "rationale": "Both: see the ministry."}
    stored = claim_edits.update_claim(sqlite_db, mine_base.id, values, by="ana",
                                      expected_version=conflict.current.version)
    assert stored.version == conflict.current.version + 1  # one write for both fields
    assert (stored.verdict, stored.rationale) == ("false", "Both: see the ministry.")
    # Keeping theirs everywhere writes nothing.
    assert conflict_merge.merged_values(conflict, {}) == {}


def test_keeping_my_links_takes_off_theirs_with_the_fields_in_one_edit(sqlite_db: Database):
    session = sessions.create_session(sqlite_db, "Review", reviewer="ana")
    store_extracted(sqlite_db, session.id, make_article(), by="detector")
    base = claims.list_claims(sqlite_db, session_id=session.id)[0]
    kept = apply(sqlite_db, AttachSource(session.id, base.id, "https://example.org/kept", passage="28,000"),
                 by="ana").links[0]
    base = claims.get_claim(sqlite_db, base.id)
    apply(sqlite_db, AttachSource(session.id, base.id, "https://example.org/theirs"), by="bob")
    apply(sqlite_db, DetachSource(kept.id), by="bob")
    claim_edits.update_claim(sqlite_db, base.id, {"verdict": "true"}, by="bob", expected_version=base.version)
    with pytest.raises(ConflictError) as raised:
        claim_edits.update_claim(sqlite_db, base.id, {"verdict": "false"}, by="ana", expected_version=base.version)
    conflict = conflict_merge.read_conflict(sqlite_db, raised.value, base, [kept])
    assert conflict.sources_mine == ("https://example.org/kept",)
    assert conflict.sources_theirs == ("https://example.org/theirs",)

    operation = conflict_merge.merge_operation(conflict, {"verdict": "false"}, keep_my_links=True)
    assert operation is not None
    apply(sqlite_db, operation, by="ana")

    links = sources.list_evidence(sqlite_db, base.id)
    assert [(link.source.url, link.passage) for link in links] == [("https://example.org/kept", "28,000")]
    assert claims.get_claim(sqlite_db, base.id).verdict == "false"
