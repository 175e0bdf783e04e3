"""A large session file read part by part, so memory holds one part at a time.

A session export is ``{"format", "version", "session", "sources": [...],
"articles": [{...fields, "versions": [...], "claims": [...]}]}``, written in
that order. ``parts`` walks it with ijson's event parser and yields the
session, each source, each article without its claims, and each claim, as
plain values, in file order. Memory then grows with the largest part, not with
the file, and each part is bounded in bytes and values before it is built.

ijson's ``basic_parse`` is used, not ``parse``: ``parse`` keeps a dotted path
per nesting level, which costs memory quadratic in the depth (10,000 nested
brackets took 250 MB), while ``basic_parse`` streams flat events (a million
nested brackets took 18 MB). Values are built here with a stack, not by
recursion, and counted, so depth costs no more than any other value; the
checks then name a field nested too deep, as for a whole file.

Where this differs from reading a file whole: yajl, ijson's C parser, refuses
numbers beyond 64 bits and NaN or Infinity as invalid JSON (the file is then
refused without naming the field), and turns an escaped lone surrogate
(``\ud800``, not a character) into ``?``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

import ijson

from workbench.domain.errors import SessionFileError
from workbench.export import session_schema as schema
from workbench.export.session_schema import damaged, not_text, not_valid_json

_OPEN = {"start_map", "start_array"}
_CLOSE = {"end_map", "end_array"}


@dataclass(frozen=True)
class Limits:
    file_bytes: int  # the whole file
    part_bytes: int  # one part: the session, a source, an article without its claims, a claim
    part_values: int  # values in one part, each costing ~70 bytes once parsed


@dataclass(frozen=True)
class Part:
    """One piece of the document: ``kind`` is a top-level key, ``source``,
    ``article`` (its fields and versions, not its claims), ``claims`` (the
    article's claims list begins: ``value`` is ``LIST``, or what stood there
    if it is not a list), ``claim``, ``late_field`` (an article field after
    its claims) or ``not_an_object``. ``sources`` and ``articles`` have the
    value ``LIST`` when their list begins."""

    kind: str
    value: Any = None
    index: int = 0


class TooLarge(Exception):
    """Raised from the reader when a limit on bytes is passed."""


class _Reader:
    """The file as bytes, counted, with a mark from which a part's bytes are measured."""

    def __init__(self, head: bytes, file: IO[str] | IO[bytes], limits: Limits) -> None:
        self.pending = head
        self.file = file
        self.limits = limits
        self.position = 0
        self.mark = 0
        self.part_limit = limits.part_bytes

    def read(self, size: int = -1) -> bytes:
        if size == 0:  # ijson asks for nothing first, to learn whether it gets bytes or text
            return b""
        if self.pending:
            chunk, self.pending = self.pending[:size], self.pending[size:]
        else:
            data = self.file.read(size)
            chunk = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
        self.position += len(chunk)
        if self.position > self.limits.file_bytes:
            raise TooLarge("file")
        if self.position - self.mark > self.part_limit:
            raise TooLarge("part")
        return chunk


def parts(head: bytes, file: IO[str] | IO[bytes], limits: Limits) -> Iterator[Part]:
    """The parts of the document whose first bytes are ``head`` and the rest ``file``.

    Raises ``SessionFileError`` for JSON that does not parse, nesting deeper
    than a session file has, or a part over its limits.
    """
    reader = _Reader(head, file, limits)
    try:
        yield from _Walk(reader, limits).parts(ijson.basic_parse(reader, use_float=True))
    except TooLarge as error:
        if str(error) == "file":
            raise too_large(limits.file_bytes) from None
        raise damaged(
            f"one of its parts (the session, a source, an article without its claims, or a claim) "
            f"is larger than {_size(limits.part_bytes)}"
        ) from None
    except ijson.JSONError as error:
        detail = str(error).splitlines()[0] if str(error) else "it ends too early"
        if "overflow" in detail:
            raise damaged("it holds a number too large for the database") from None
        raise not_valid_json(f"{detail}, near byte {reader.position:,}") from None
    except UnicodeDecodeError:
        raise not_text() from None


class _Builder:
    """Builds one value from events, counting them against the part's limit."""

    def __init__(self, part: str, limit: int, key: str | None = None) -> None:
        self.part = part
        self.key = key  # an article field's name
        self.keep = part != "ignored"
        self.limit = limit
        self.count = 0
        self.stack: list[Any] = []
        self.keys: list[str | None] = []
        self.value: Any = None
        self.done = False

    def event(self, kind: str, value: Any) -> None:
        self.count += 1
        if self.count > self.limit:
            raise damaged(f"one of its parts holds more than {self.limit:,} values")
        if kind == "map_key":
            self.keys[-1] = value
        elif kind in _CLOSE:
            self.keys.pop()
            self._put(self.stack.pop())
        elif kind in _OPEN:
            self.stack.append({} if kind == "start_map" else [])
            self.keys.append(None)
        else:
            self._put(value)

    def _put(self, value: Any) -> None:
        if not self.stack:
            self.value, self.done = value, True
        elif not self.keep:
            pass
        elif isinstance(self.stack[-1], list):
            self.stack[-1].append(value)
        else:
            self.stack[-1][self.keys[-1]] = value


# Where a value begins, by the keys of the containers around it (None inside a list).
_TOP = 1
_ARTICLE_FIELD = 3


class _Walk:
    """Cuts the event stream into parts by where each value sits."""

    def __init__(self, reader: _Reader, limits: Limits) -> None:
        self.reader = reader
        self.limits = limits
        self.path: list[str | None] = []  # per open container: the key being read, or None in a list
        self.counts: dict[str, int] = {}
        self.article: dict[str, Any] | None = None  # the current article's fields, until its claims
        self.article_values = 0

    def parts(self, events: Iterator[tuple[str, Any]]) -> Iterator[Part]:
        builder: _Builder | None = None
        for kind, value in events:
            if builder is None:
                if not self.path and kind != "start_map":
                    yield Part("not_an_object")
                    return
                builder = yield from self._begin(kind)
            if builder is not None:
                builder.event(kind, value)
            self._track(kind, value)
            if builder is not None and builder.done:
                yield from self._finish(builder)
                builder = None

    def _begin(self, kind: str) -> Iterator[Part]:
        """What a value beginning here is: a part to build (returned), or a list of parts."""
        where = tuple(self.path)
        if not where:  # the document's own object opens
            return None
        if kind == "map_key" or kind in _CLOSE:
            if kind == "end_map" and len(where) == _ARTICLE_FIELD and where[:2] == ("articles", None):
                yield from self._article_fields()  # an article with no claims list ends
            if self.article is None:
                self.reader.mark = self.reader.position
            return None
        if len(where) == _TOP:
            name = str(where[0])
            if name in ("sources", "articles") and kind == "start_array":
                yield Part(name, LIST)
                return None
            return self._builder(name if name in _TOP_PARTS else "ignored")
        if where == ("sources", None):
            return self._builder("source")
        if where == ("articles", None):
            if kind == "start_map":
                self.article = {}
                self.article_values = 0
                self.counts["claim"] = 0  # claims are numbered within their article
                self.reader.mark = self.reader.position
                return None
            return self._builder("article")
        if len(where) == _ARTICLE_FIELD and where[:2] == ("articles", None):
            if self.article is None:  # a field after the claims: its article is already stored
                yield Part("late_field", where[2])
                return self._builder("ignored")
            if where[2] == "claims":
                yield from self._article_fields()
                if kind == "start_array":
                    yield Part("claims", LIST)
                    return None
                return self._builder("claims")
            if where[2] not in _ARTICLE_KEYS:
                return _Builder("ignored", self.limits.part_values - self.article_values)
            # Fields and versions share the article's allowance: the byte mark stays where
            # the article began, and the values count on from the fields before.
            return _Builder("field", self.limits.part_values - self.article_values, key=str(where[2]))
        if where == ("articles", None, "claims", None):
            return self._builder("claim")
        return self._builder("ignored")

    def _builder(self, part: str) -> _Builder:
        self.reader.mark = self.reader.position
        return _Builder(part, self.limits.part_values)

    def _finish(self, builder: _Builder) -> Iterator[Part]:
        if self.article is not None:
            self.article_values += builder.count
        if builder.part == "field":
            assert self.article is not None and builder.key is not None
            self.article[builder.key] = builder.value
            return
        if builder.part != "ignored":
            yield self._numbered(builder.part, builder.value)
        if self.article is None:
            self.reader.mark = self.reader.position

    def _article_fields(self) -> Iterator[Part]:
        if self.article is not None:
            yield self._numbered("article", self.article)
            self.article = None

    def _numbered(self, kind: str, value: Any) -> Part:
        index = self.counts.get(kind, 0)
        self.counts[kind] = index + 1
        return Part(kind, value, index)

    def _track(self, kind: str, value: Any) -> None:
        if kind in _OPEN:
            self.path.append(None)
        elif kind == "map_key":
            self.path[-1] = value
        elif kind in _CLOSE:
            self.path.pop()


# An article's fields that are kept; others are read past, as the whole-file import ignores them.
_ARTICLE_KEYS = {*schema.ARTICLE, "id", "versions"}
# Top-level keys yielded whole; any other key is read past.
_TOP_PARTS = {"format", "version", "session", "sources", "articles"}
LIST = object()  # a Part's value when a list begins: its items follow as parts


def too_large(limit: int) -> SessionFileError:
    return SessionFileError(
        f"The session file is larger than {_size(limit)}, more than this workbench imports at once.",
        "Export the session in parts (`workbench export SESSION --format json --article ID`) "
        "and import each; nothing was imported.",
    )


def _size(count: int) -> str:
    return f"{count // (1024 * 1024)} MB" if count >= 1024 * 1024 else f"{count} bytes"
