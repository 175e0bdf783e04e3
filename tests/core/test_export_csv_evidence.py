"""The CSV report carries the evidence: each source's URL, stance, quoted passage and snapshot hash."""

from __future__ import annotations

import csv
import hashlib
import io
from datetime import UTC, datetime

from tests.factories import make_article
from workbench.domain.records import ClaimDraft
from workbench.domain.snapshots import ArchivedCopy
from workbench.export.csv_report import write_csv
from workbench.services import claim_edits
from workbench.services.edits import apply
from workbench.services.evidence_edits import AttachSource
from workbench.storage import articles
from workbench.storage.sessions import create_session
from workbench.storage.snapshots import add_snapshot_in

PAGE = b"<p>The ministry counted 32,000 soldiers.</p>"


def test_each_source_is_one_line_of_the_evidence_columns(any_db):
    session = create_session(any_db, "Evidence")
    article = articles.add_article(any_db, session.id, make_article())
    claim = claim_edits.add_claim(any_db, article.id, ClaimDraft(kind="figure", start=26, end=46), by="ana")
    first = apply(any_db, AttachSource(session.id, claim.id, "https://ministry.example/troops", stance="supports",
                                       passage="counted 32,000\nsoldiers"), by="ana").links[0]
    apply(any_db, AttachSource(session.id, claim.id, "https://other.example/x", stance="refutes",
                               passage="=SUM(A1)"), by="ana")
    with any_db.session() as orm:
        add_snapshot_in(orm, first.source.id, ArchivedCopy(first.source.url, datetime.now(UTC), raw=PAGE,
                        sha256=hashlib.sha256(PAGE).hexdigest(), http_status=200), by="ana")
        # A later failed fetch does not hide the copy that holds the page.
        add_snapshot_in(orm, first.source.id, ArchivedCopy(first.source.url, datetime.now(UTC), error="HTTP 404"),
                        by="ana")
    text = io.StringIO(newline="")
    write_csv(text, any_db, session.id, bom=False)
    (row,) = csv.DictReader(io.StringIO(text.getvalue(), newline=""))
    assert row["source URLs"] == "https://ministry.example/troops\nhttps://other.example/x"
    assert row["source stances"] == "supports\nrefutes"
    # A passage's own line break becomes a space, so line n of each cell is source n.
    assert row["quoted passages"] == "counted 32,000 soldiers\n=SUM(A1)"
    assert row["snapshot SHA-256"] == hashlib.sha256(PAGE).hexdigest() + "\n"
