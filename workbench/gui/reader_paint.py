"""Claim colours painted into the reader's document, in slices, and repainted where they change.

Each claim's wash and underline is a character format merged into the
document once. A later ``set_claims`` compares what is painted with what is
wanted and repaints only the ranges of claims that moved, changed colour or
were reviewed, dismissed, added or removed; more than ``FULL_REPAINT``
changes start one full repaint instead. A full paint runs in slices on a
zero timer, like the writing of the text, so a 20,000-claim article never
holds the window for long.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor

from workbench.gui.highlight_spans import Segment, SpanIndex, iter_segments, segments

if TYPE_CHECKING:
    from workbench.domain.records import ClaimRecord
    from workbench.gui.reader import ArticleReader

SLICE_SECONDS = 0.012
FULL_REPAINT = 400  # more changed claims than this: repaint everything, in slices
UNREVIEWED = "#9aa0a6"

Painted = tuple[int, int, str, bool]  # start, end, colour, reviewed


def selection_format(colour: QColor) -> QTextCharFormat:
    """The current claim: the strongest mark on the page."""
    fmt = QTextCharFormat()
    background = QColor(colour)
    background.setAlpha(150)
    fmt.setBackground(background)
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(colour)
    return fmt


def _claim_format(colour: str, reviewed: bool) -> QTextCharFormat:
    # Unreviewed claims are only a faint wash, so verdict colours stand out;
    # the underline in the verdict colour keeps nested spans readable.
    fmt = QTextCharFormat()
    background = QColor(colour)
    background.setAlpha(70 if reviewed else 26)
    fmt.setBackground(background)
    fmt.setUnderlineStyle(
        QTextCharFormat.UnderlineStyle.SingleUnderline if reviewed else QTextCharFormat.UnderlineStyle.DotLine
    )
    fmt.setUnderlineColor(QColor(colour))
    return fmt


def _clear_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(0, 0, 0, 0))
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.NoUnderline)
    return fmt


class HighlightPainter:
    def __init__(self, reader: ArticleReader) -> None:
        self.reader = reader
        self._timer = QTimer(reader, interval=0)
        self._timer.timeout.connect(self._paint_slice)
        self._formats: dict[tuple[str, bool], QTextCharFormat] = {}
        self._clear = _clear_format()
        self.reset()

    def reset(self) -> None:
        """A new document: nothing painted on it yet."""
        self._timer.stop()
        self._claims: dict[int, ClaimRecord] = {}
        self._wanted: dict[int, Painted] = {}
        self._painted: dict[int, Painted] = {}
        self._index = SpanIndex([])
        # A full paint's segments, worked out as they are painted; ``_next`` is the one to paint next.
        self._pending: Iterator[Segment] = iter(())
        self._next: Segment | None = None
        self._plan_pending = False
        self._ready = False
        self._started = False

    # --- what is shown ----------------------------------------------------
    def claim(self, claim_id: int | None) -> ClaimRecord | None:
        return self._claims.get(claim_id) if claim_id is not None else None

    def claims_at(self, offset: int) -> list[ClaimRecord]:
        return [self._claims[s[2]] for s in self._index.overlapping(offset, offset + 1) if s[2] in self._claims]

    @property
    def busy(self) -> bool:
        return self._next is not None or self._plan_pending

    def shown(self) -> list[ClaimRecord]:
        """The claims the document is painted for (dismissed ones too: they are clickable)."""
        return list(self._claims.values())

    def set_claims(self, claims: list[ClaimRecord], colours: dict[int, str]) -> None:
        self._claims = {c.id: c for c in claims}
        wanted = {c.id: state for c in claims if (state := _state(c, colours.get(c.id, UNREVIEWED)))}
        if wanted == self._wanted and self._started:
            return
        self._wanted = wanted
        self._index = SpanIndex((s, e, i, 0 if reviewed else 1) for i, (s, e, _c, reviewed) in wanted.items())
        if self._ready:
            self._repaint()

    def put(self, claim: ClaimRecord, colour: str) -> None:
        """One claim logged or changed: its span alone is indexed and repainted, the others are not read."""
        self._claims[claim.id] = claim
        if self._want(claim.id, _state(claim, colour)) and self._ready:
            self._repaint({claim.id})

    def drop(self, claim_ids: Iterable[int]) -> None:
        """Claims deleted: their spans alone are taken out and repainted (to what lies beneath)."""
        changed = set()
        for claim_id in claim_ids:
            self._claims.pop(claim_id, None)
            if self._want(claim_id, None):
                changed.add(claim_id)
        if changed and self._ready:
            self._repaint(changed)

    def _want(self, claim_id: int, state: Painted | None) -> bool:
        old = self._wanted.get(claim_id)
        if old == state:
            return False
        if old is not None:
            self._index.discard(claim_id, old[0])
            del self._wanted[claim_id]
        if state is not None:
            self._wanted[claim_id] = state
            self._index.add((state[0], state[1], claim_id, 0 if state[3] else 1))
        return True

    def document_ready(self) -> None:
        self._ready = True
        self._repaint()

    # --- painting -----------------------------------------------------------
    def _repaint(self, changed: set[int] | None = None) -> None:
        """Repaint the claims whose state differs from what is painted (``changed``, when the caller knows)."""
        if changed is None:
            changed = {i for i in self._painted.keys() | self._wanted.keys() if self._painted.get(i) != self._wanted.get(i)}
        if not self._started or len(changed) > FULL_REPAINT:
            if self._painted:
                self._clear_all()
            self._started = True
            self._painted = dict(self._wanted)
            self._plan_pending = True  # segments are worked out as the slices paint them
            self._timer.start()
            return
        ranges = sorted(
            (state[0], state[1]) for i in changed for state in (self._painted.get(i), self._wanted.get(i)) if state
        )
        for claim_id in changed:  # the others are painted as wanted already
            state = self._wanted.get(claim_id)
            if state is None:
                self._painted.pop(claim_id, None)
            else:
                self._painted[claim_id] = state
        cursor = self._edit()
        for lo, hi in _merged(ranges):
            for segment in segments(self._index.overlapping(lo, hi), lo, hi):
                self._apply(segment, cursor)
        cursor.endEditBlock()
        if self._next is not None and not self._plan_pending:  # a full paint under way: what is left follows the new claims
            after = self._next.start
            self._follow(s for s in iter_segments(self._index.spans) if s.start >= after)

    def _paint_slice(self) -> None:
        if self._plan_pending:
            self._plan_pending = False
            self._follow(iter_segments(self._index.spans))
        deadline = time.perf_counter() + SLICE_SECONDS
        cursor = self._edit()
        while self._next is not None and time.perf_counter() < deadline:
            self._apply(self._next, cursor)
            self._next = next(self._pending, None)
        cursor.endEditBlock()
        if self._next is not None:
            self._timer.start()
        else:
            self._timer.stop()

    def _follow(self, pending: Iterator[Segment]) -> None:
        self._pending = pending
        self._next = next(pending, None)

    def _edit(self) -> QTextCursor:
        """One edit block per slice: the document tells its layout once, not once per claim."""
        cursor = QTextCursor(self.reader.document())
        cursor.beginEditBlock()
        return cursor

    def _apply(self, segment: Segment, cursor: QTextCursor) -> None:
        fmt = self._format(segment.claim_id)
        for start, end in self.reader.doc_ranges(segment.start, segment.end):
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)

    def _format(self, claim_id: int | None) -> QTextCharFormat:
        state = self._wanted.get(claim_id) if claim_id is not None else None
        if state is None:
            return self._clear
        key = (state[2], state[3])
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = self._formats[key] = _claim_format(*key)
        return fmt

    def _clear_all(self) -> None:
        cursor = QTextCursor(self.reader.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeCharFormat(self._clear)


def _state(claim: ClaimRecord, colour: str) -> Painted | None:
    """How a claim is painted; None for one not painted (dismissed, or an empty span)."""
    if claim.status == "dismissed" or claim.end <= claim.start:
        return None
    return (claim.start, claim.end, colour, claim.verdict is not None)


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for lo, hi in ranges:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged
