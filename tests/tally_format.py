"""A tiny export format made only for the tests: what a new format module looks like.

It writes one line per claim the filter lets through, so a test can see that
the export really ran through it with the user's filter and options.
"""

from __future__ import annotations

from typing import TextIO

from workbench.export.formats.base import ExportFormat, ExportOptions, ExportOutcome
from workbench.export.json_export import session_document
from workbench.export.pace import Pace
from workbench.storage.database import Database


def write(out: TextIO, db: Database, session_id: int, options: ExportOptions, pace: Pace) -> ExportOutcome:
    document = session_document(db, session_id, options.claim_filter, pace=pace)
    count = 0
    for article in document["articles"]:
        for claim in article["claims"]:
            out.write(f"{options.publisher}\t{claim['id']}\n")
            count += 1
    return ExportOutcome(count, ["tallies are not reviewed"])


FORMAT = ExportFormat(
    name="tally",
    title="Tally",
    label="Tally of claim ids",
    suffix=".tally",
    write=write,
    options=frozenset({"publisher"}),
)


def poster(out: TextIO, db: Database, session_id: int, options: ExportOptions, pace: Pace) -> ExportOutcome:
    out.write("<html><body><h1>Poster</h1></body></html>")
    return ExportOutcome(1)


# A printed format that is not the PDF report: Qt prints the HTML it writes.
POSTER = ExportFormat(name="poster", title="Poster", label="Poster", suffix=".pdf", write=poster, printed=True)
