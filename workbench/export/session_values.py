"""Checks on single values of a session file: types, ranges, finite numbers, clean text.

Each check returns a short description of what is wrong, or ``None``; the
caller adds the JSON path. Kept apart from the walk over the document
(``session_checks``) so each rule is stated once.
"""

from __future__ import annotations

import base64
import binascii
import math
import re
import zlib
from datetime import datetime
from typing import Any

from workbench.export.session_schema import Field

# SQLite stores integers in 64 bits; a larger one makes the driver raise
# OverflowError in the middle of the write.
INT_MIN, INT_MAX = -(2**63), 2**63 - 1
# Free-form JSON (a claim's value, history entries, the window state) is never
# deeper than a few levels; 64 leaves room and keeps every later recursive
# reader (json.dumps, the GUI) far from Python's recursion limit.
MAX_DEPTH = 64
# The original bytes of a page are capped at 15 MB when fetched; twice that
# allows for older files while a zlib bomb stops early.
MAX_RAW_BYTES = 32 * 1024 * 1024

# Lone UTF-16 halves: valid in a Python str (json reads "\ud800"), but no
# database encoding or UTF-8 writer accepts them.
_SURROGATE = re.compile("[\ud800-\udfff]")


def describe(value: Any) -> str:
    if value is None:
        return "missing or null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return f"the text '{_clean(value[:40])}'"
    if isinstance(value, int | float):
        return f"the number {_short_number(value)}"
    return type(value).__name__.replace("dict", "an object").replace("list", "a list")


def quoted(text: str) -> str:
    """Text to quote in a message: its start, broken characters shown as escapes."""
    return _clean(text[:40])


def reference(value: Any) -> str:
    """An id as a message names it."""
    return str(value) if is_int(value) else describe(value)


def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def text_problem(value: str, max_length: int | None, *, nul_allowed: bool = True) -> str | None:
    if _SURROGATE.search(value):
        return "contains a lone surrogate (a broken character), which cannot be stored"
    if not nul_allowed and "\x00" in value:
        return "contains a NUL character, which PostgreSQL cannot store in text"
    if max_length is not None and len(value) > max_length:
        return f"is {len(value)} characters long; at most {max_length} can be stored"
    return None


def int_problem(value: int, low: int = INT_MIN) -> str | None:
    if not low <= value <= INT_MAX:
        return f"is {_short_number(value)}, outside {low}..{INT_MAX}"
    return None


def number_problem(value: Any) -> str | None:
    """A JSON number that can be stored as a float (or a 64-bit integer)."""
    if isinstance(value, float) and not math.isfinite(value):
        return f"is {value}, not a finite number"
    if is_int(value):
        return int_problem(value)
    return None


def claim_value_problem(value: Any) -> str | None:
    """A claim's value: a number, a [low, high] range, a date or a name (or null).

    Claim memory turns it into a key with float(), so objects and integers
    beyond 64 bits would stop the import half-way.
    """
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict | list):
            return (
                f"should be a number, a [low, high] range, a date or a name, not {describe(value)}"
            )
        if (detail := number_problem(item)) is not None:
            return detail
    return None


def json_problem(value: Any) -> tuple[str, str] | None:
    """The first bad spot in free-form JSON, as (relative path, what is wrong).

    Iterative, so a deep value is refused rather than overflowing the stack.
    """
    pending: list[tuple[Any, str, int]] = [(value, "", 1)]
    while pending:
        item, path, depth = pending.pop()
        if depth > MAX_DEPTH:
            return path, f"is nested more than {MAX_DEPTH} levels deep"
        if isinstance(item, dict):
            for key, inner in item.items():
                if _SURROGATE.search(key):
                    return path, "has a key with a lone surrogate (a broken character)"
                pending.append((inner, f"{path}.{key}", depth + 1))
        elif isinstance(item, list):
            pending.extend((inner, f"{path}[{n}]", depth + 1) for n, inner in enumerate(item))
        elif isinstance(item, str):
            if _SURROGATE.search(item):
                return (
                    path,
                    "contains a lone surrogate (a broken character), which cannot be stored",
                )
        elif isinstance(item, float) and not math.isfinite(item):
            return path, f"is {item}, not a finite number"
    return None


def field_problem(
    kind: Field, value: Any, *, lowest: int, width: int | None, nul_allowed: bool = True
) -> str | tuple[str, str] | None:
    """What is wrong with a field of the format, if anything.

    A tuple names a spot inside the value: (relative path, what is wrong).
    """
    if value is None and kind in _OPTIONAL:
        return None
    if kind in (Field.TEXT, Field.OPTIONAL_TEXT, Field.TIME, Field.BYTES):
        if not isinstance(value, str):
            return _wrong(kind, value)
        return (
            time_problem(value)
            if kind is Field.TIME
            else text_problem(value, width, nul_allowed=nul_allowed)
        )
    if kind in (Field.INT, Field.OPTIONAL_INT):
        return int_problem(value, lowest) if is_int(value) else _wrong(kind, value)
    if kind is Field.OPTIONAL_BOOL:
        return None if isinstance(value, bool) else _wrong(kind, value)
    if kind is Field.OPTIONAL_NUMBER:
        number = isinstance(value, int | float) and not isinstance(value, bool)
        return number_problem(value) if number else _wrong(kind, value)
    if kind is Field.TEXT_LIST:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return _wrong(kind, value)
        broken = ((n, text_problem(v, None)) for n, v in enumerate(value))
        return next(((f"[{n}]", detail) for n, detail in broken if detail), None)
    if kind is Field.OBJECT and not isinstance(value, dict):
        return _wrong(kind, value)
    if kind is Field.OBJECT_LIST and (
        not isinstance(value, list) or not all(isinstance(v, dict) for v in value)
    ):
        return _wrong(kind, value)
    return json_problem(value)


_OPTIONAL = (Field.OPTIONAL_TEXT, Field.OPTIONAL_INT, Field.OPTIONAL_NUMBER, Field.OPTIONAL_BOOL, Field.JSON)


def _wrong(kind: Field, value: Any) -> str:
    return f"should be {kind.value}, not {describe(value)}"


def time_problem(value: str) -> str | None:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return f"is not a date and time ('{_clean(value[:40])}')"
    if moment.tzinfo is None:
        return f"has no time zone ('{_clean(value[:40])}')"
    return None


def zlib_problem(value: str) -> tuple[str | None, bytes | None]:
    """Whether base64 text holds zlib data that unpacks within the cap; and the bytes."""
    try:
        packed = base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        return f"should be {Field.BYTES.value}, not {describe(value)}", None
    if not packed:
        return None, b""
    unpacker = zlib.decompressobj()
    try:
        raw = unpacker.decompress(packed, MAX_RAW_BYTES)
    except zlib.error:
        return "is not zlib-compressed data", None
    if unpacker.unconsumed_tail:
        return f"unpacks to more than {MAX_RAW_BYTES // (1024 * 1024)} MB", None
    if not unpacker.eof:
        return "is cut short (incomplete zlib data)", None
    if unpacker.unused_data:
        return "has bytes after the end of its zlib data", None
    return None, raw


def _short_number(value: int | float) -> str:
    text = (
        str(value)
        if isinstance(value, float) or abs(value) < 10**30
        else f"a {len(str(abs(value)))}-digit number"
    )
    return text


def _clean(text: str) -> str:
    """Text safe to print in a message: broken characters shown as escapes."""
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
