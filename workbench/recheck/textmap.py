"""Where old offsets land in a new text, and what a comparison of two texts sees.

The diff runs over word, space and punctuation tokens rather than characters:
a 10,000-word article is ~20,000 tokens instead of ~60,000 characters, and
changes come out on word boundaries, the way a reader sees them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from difflib import SequenceMatcher

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Opcode:
    """One run of the diff in character offsets: equal, replace, delete or insert."""

    tag: str
    old_start: int
    old_end: int
    new_start: int
    new_end: int


class TextMap:
    """The diff of two texts, able to carry an old offset over to the new text."""

    def __init__(self, old: str, new: str) -> None:
        self.old = old
        self.new = new
        self.opcodes = _char_opcodes(old, new)
        self._starts = [op.old_start for op in self.opcodes]

    @property
    def similarity(self) -> float:
        """Share of characters the two texts have in common (difflib's ratio)."""
        total = len(self.old) + len(self.new)
        if not total:
            return 1.0
        same = sum(op.old_end - op.old_start for op in self.opcodes if op.tag == "equal")
        return 2.0 * same / total

    def map_start(self, offset: int) -> int:
        """Where a span starting at ``offset`` would start in the new text."""
        op = self._op_at(offset, prefer_next=True)
        return _map_in(op, offset)

    def map_end(self, offset: int) -> int:
        """Where a span ending at ``offset`` would end in the new text."""
        op = self._op_at(offset, prefer_next=False)
        return _map_in(op, offset)

    def changes(self) -> list[Opcode]:
        return [op for op in self.opcodes if op.tag != "equal"]

    def _op_at(self, offset: int, *, prefer_next: bool) -> Opcode:
        if not self.opcodes:
            return Opcode("insert", 0, 0, 0, len(self.new))
        index = bisect_right(self._starts, offset) - 1
        index = max(0, min(index, len(self.opcodes) - 1))
        op = self.opcodes[index]
        # At a boundary a start belongs to the run that begins there, an end to
        # the run that finishes there; empty runs (inserts) never hold an old offset.
        while not prefer_next and index > 0 and offset == op.old_start:
            index -= 1
            op = self.opcodes[index]
        while prefer_next and op.old_end == op.old_start and index + 1 < len(self.opcodes):
            index += 1
            op = self.opcodes[index]
        return op


def _map_in(op: Opcode, offset: int) -> int:
    if op.tag == "equal":
        return op.new_start + (offset - op.old_start)
    old_len = op.old_end - op.old_start
    if old_len <= 0:
        return op.new_start
    # Inside a replaced run: proportional, then refined by the caller's search.
    share = (offset - op.old_start) / old_len
    return op.new_start + round(share * (op.new_end - op.new_start))


def tokenize(text: str) -> tuple[list[str], list[int]]:
    """Tokens and their start offsets; the last offset is the text's length."""
    tokens: list[str] = []
    starts: list[int] = []
    for match in _TOKEN.finditer(text):
        tokens.append(match.group())
        starts.append(match.start())
    starts.append(len(text))
    return tokens, starts


def _char_opcodes(old: str, new: str) -> list[Opcode]:
    """Lines first (cheap, and most of an article is untouched), then tokens inside changed runs."""
    if old == new:
        return [Opcode("equal", 0, len(old), 0, len(new))] if old else []
    old_lines, old_starts = _lines(old)
    new_lines, new_starts = _lines(new)
    matcher = SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    opcodes: list[Opcode] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        a1, a2, b1, b2 = old_starts[i1], old_starts[i2], new_starts[j1], new_starts[j2]
        if tag == "replace":
            opcodes.extend(_token_opcodes(old[a1:a2], new[b1:b2], a1, b1))
        else:
            opcodes.append(Opcode(tag, a1, a2, b1, b2))
    return _merged(opcodes)


def _lines(text: str) -> tuple[list[str], list[int]]:
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    return lines, starts


def _token_opcodes(old: str, new: str, old_base: int, new_base: int) -> list[Opcode]:
    old_tokens, old_starts = tokenize(old)
    new_tokens, new_starts = tokenize(new)
    matcher = SequenceMatcher(None, old_tokens, new_tokens, autojunk=len(old_tokens) > 400)
    return [
        Opcode(
            tag,
            old_base + old_starts[i1],
            old_base + old_starts[i2],
            new_base + new_starts[j1],
            new_base + new_starts[j2],
        )
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]


def _merged(opcodes: list[Opcode]) -> list[Opcode]:
    """Join neighbouring runs of the same kind (a line diff and a token diff meet)."""
    out: list[Opcode] = []
    for op in opcodes:
        if out and out[-1].tag == op.tag == "equal":
            last = out.pop()
            op = Opcode("equal", last.old_start, op.old_end, last.new_start, op.new_end)
        out.append(op)
    return out
