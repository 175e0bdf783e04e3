"""ClaimReview JSON-LD: the schema.org markup a web team publishes with a fact check."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from workbench.export.claimreview import write_claimreview
from workbench.export.formats.base import ExportFormat, ExportOptions, ExportOutcome

if TYPE_CHECKING:
    from workbench.export.pace import Pace
    from workbench.storage.database import Database


def write(out: TextIO, db: Database, session_id: int, options: ExportOptions, pace: Pace) -> ExportOutcome:
    result = write_claimreview(
        out, db, session_id, options.claim_filter, publisher=options.publisher, review_url=options.review_url,
        pace=pace,
    )
    return ExportOutcome(len(result.reviews), result.warnings)


FORMAT = ExportFormat(
    name="claimreview",
    title="ClaimReview",
    label="ClaimReview JSON-LD for the web team",
    suffix=".jsonld",
    write=write,
    options=frozenset({"publisher", "review_url"}),
)
