"""What an export format is: a name, labels, a file suffix, the options it reads, and a writer.

Modelled on calibre's output-format plugins (``OutputFormatPlugin`` with its
``file_type`` and ``options``): each format is declared once, in a module of its
own beside this one, and ``workbench.export.formats`` lists them. ``export.run``,
the CLI's ``--format`` and the export dialog all read that list, so adding a
format touches no if-chain.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING, Protocol, TextIO

from workbench.export.filters import ExportFilter

if TYPE_CHECKING:
    from workbench.export.pace import Pace
    from workbench.storage.database import Database


@dataclass(frozen=True)
class ExportOptions:
    format: str
    claim_filter: ExportFilter = field(default_factory=ExportFilter)
    bom: bool = True  # CSV: a byte order mark so spreadsheet programs read UTF-8
    publisher: str | None = None  # ClaimReview: the fact-checking organisation
    review_url: str | None = None  # ClaimReview: where the fact check is published
    # Reports: unreviewed and dismissed claims too (left out by default: a report shows findings).
    include_unreviewed: bool = False

    def claims_for(self, chosen: ExportFormat) -> ExportFilter:
        """The claims a format writes: a report leaves out unreviewed and dismissed ones unless asked."""
        if "include_unreviewed" in chosen.options and not self.include_unreviewed:
            return replace(self.claim_filter, reviewed_only=True)
        return self.claim_filter


# The options a format may say it reads: every field above but the two all formats share.
OPTION_NAMES = frozenset(f.name for f in fields(ExportOptions)) - {"format", "claim_filter"}


@dataclass
class ExportOutcome:
    count: int  # claims written
    warnings: list[str] = field(default_factory=list)


class Writer(Protocol):
    def __call__(
        self, out: TextIO, db: Database, session_id: int, options: ExportOptions, pace: Pace
    ) -> ExportOutcome: ...


@dataclass(frozen=True)
class ExportFormat:
    name: str  # what ``--format`` takes and the dialog remembers: "csv"
    title: str  # a short name for sentences and help texts: "CSV", "ClaimReview"
    label: str  # the dialog's line for it, without the suffix (the dialog adds that)
    suffix: str  # the file name suffix, dot included: ".csv"
    write: Writer  # writes the format's text to a file object
    options: frozenset[str] = frozenset()  # which of OPTION_NAMES it reads; the others are greyed out
    # The text written is HTML that Qt prints into the file (PDF). The core never
    # imports Qt, so ``workbench.gui.pdf_export`` does that last step; see formats/pdf_report.
    printed: bool = False

    def __post_init__(self) -> None:
        # A misspelt option would leave its control greyed out without a word: refuse it here.
        unknown = self.options - OPTION_NAMES
        if unknown:
            raise ValueError(f"export format {self.name!r} declares unknown options {sorted(unknown)}")
        if not self.suffix.startswith("."):
            raise ValueError(f"export format {self.name!r}: the suffix {self.suffix!r} must start with a dot")
