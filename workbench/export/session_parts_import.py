"""Import a large session file part by part, in one transaction.

Each part from ``session_stream`` is checked with the same rules as a whole
file (``session_checks.Checker``) and written at once while no problem has
been found; claims are written in batches. After the first problem nothing
more is written, the rest is only checked (up to five problems are named),
and the transaction is rolled back, so the database is left as it was.

The parts must come in the order the workbench writes them: format and
version, the session, the sources, then the articles, each with its fields
and versions before its claims. Another order is refused with that said.
"""

from __future__ import annotations

from typing import IO, Any

from sqlalchemy import Connection

from workbench.domain.errors import SessionFileError
from workbench.domain.records import SessionSummary
from workbench.export import session_rows as rows
from workbench.export import session_schema as schema
from workbench.export import session_values as values
from workbench.export.session_checks import Checker, Enough, check_header, refusal
from workbench.export.session_stream import LIST, Limits, Part, parts
from workbench.storage.database import Database, translate_errors
from workbench.storage.sessions import get_session

# Claims held before they are written: enough to keep inserts fast, few enough
# that an article of 200,000 claims is never held at once.
CLAIM_BATCH = 500
_ORDER = ("session", "sources", "articles")


def import_parts(
    db: Database, head: bytes, rest: IO[str] | IO[bytes] | Any, limits: Limits, *, title: str | None,
    index: rows.IndexFn,
) -> SessionSummary:
    """Store the session file whose first bytes are ``head`` as a new session."""
    checker = Checker(postgres=db.engine.dialect.name == "postgresql")
    with translate_errors(db.location), db.engine.begin() as connection:
        load = _Load(connection, checker, title, index)
        try:
            for part in parts(head, rest, limits):
                load.take(part)
            load.end()
        except Enough:
            pass
        if checker.problems:
            raise refusal(checker.problems)  # leaving the block rolls every write back
        assert load.session_id is not None
        session_id = load.session_id
    return get_session(db, session_id)


class _Load:
    def __init__(self, connection: Connection, checker: Checker, title: str | None, index: rows.IndexFn) -> None:
        self.connection = connection
        self.index = index
        self.checker = checker
        self.title = title
        self.header: dict[str, Any] = {}
        self.seen: list[str] = []  # which of _ORDER have begun
        self.session_id: int | None = None
        self.sources: list[tuple[Any, dict[str, Any]]] = []
        self.source_ids: dict[Any, int] = {}
        self.article: _Article | None = None

    @property
    def writing(self) -> bool:
        return not self.checker.problems

    def take(self, part: Part) -> None:
        if part.kind == "not_an_object":
            check_header(None)
        if part.kind in ("format", "version"):
            if self.seen:
                _out_of_order(f"'{part.kind}'")
            self.header[part.kind] = part.value
            return
        if part.kind in _ORDER:
            self._begin(part)
        elif part.kind == "source":
            self._source(part)
        elif part.kind == "article":
            self._article(part)
        elif part.kind in ("claims", "claim", "late_field"):
            if self.article is None:  # parts are only made inside an article
                raise AssertionError(part.kind)
            self.article.take(part)

    def _begin(self, part: Part) -> None:
        if not self.seen:
            check_header(self.header)
        name = part.kind
        if name in self.seen:
            self.checker.problem(f"'{name}'", "appears twice")
            return
        if any(_ORDER.index(other) > _ORDER.index(name) for other in self.seen) or (
            name != "session" and "session" not in self.seen
        ):
            _out_of_order(f"'{name}'")
        self.seen.append(name)
        if name == "session":
            if self.checker.session(part.value) and self.writing:
                row = rows.decode(part.value, schema.SESSION)
                if self.title is not None:
                    row["title"] = self.title
                self.session_id = rows.write_session(self.connection, row)
        elif part.value is not LIST:
            self.checker.problem(f"'{name}'", "is missing or not a list of objects")
        elif name == "articles":
            if "sources" not in self.seen:
                self.checker.problem("'sources'", "is missing or not a list of objects")
            self._write_sources()

    def _source(self, part: Part) -> None:
        where = f"sources[{part.index}]"
        if not isinstance(part.value, dict):
            self.checker.problem(where, f"should be an object, not {values.describe(part.value)}")
            return
        self.checker.source(part.value, part.index)
        if self.writing:
            self.sources.append(rows.source_parts(part.value))
            # Archived copies can be large: a source that has them is written at once.
            if len(self.sources) >= CLAIM_BATCH or self.sources[-1][2]:
                self._write_sources()

    def _write_sources(self) -> None:
        if self.writing and self.sources:
            assert self.session_id is not None
            self.source_ids.update(rows.write_sources(self.connection, self.session_id, self.sources))
        self.sources = []

    def _article(self, part: Part) -> None:
        if self.article is not None:
            self.article.end()
        where = f"articles[{part.index}]"
        if not isinstance(part.value, dict):
            self.checker.problem(where, f"should be an object, not {values.describe(part.value)}")
            self.article = None
            return
        self.article = _Article(self, part.value, where)

    def end(self) -> None:
        if self.article is not None:
            self.article.end()
        if not self.seen:
            check_header(self.header)
        for name in _ORDER:
            if name not in self.seen:
                what = "is missing or not an object" if name == "session" else "is missing or not a list of objects"
                self.checker.problem(f"'{name}'", what)


class _Article:
    """An article being read: its fields are stored, its claims follow in batches."""

    def __init__(self, load: _Load, item: dict[str, Any], where: str) -> None:
        self.load = load
        self.where = where
        self.claims_seen = False
        self.batch: list[rows.ClaimParts] = []
        self.texts, self.newest = load.checker.article_fields(item, where)
        self.ids: tuple[int, dict[Any, int]] | None = None
        if load.writing:
            assert load.session_id is not None
            self.ids = rows.write_article(
                load.connection,
                load.session_id,
                rows.decode(item, schema.ARTICLE),
                [(v["id"], rows.decode(v, schema.ARTICLE_VERSION)) for v in item["versions"]],
            )

    def take(self, part: Part) -> None:
        checker = self.load.checker
        if part.kind == "late_field":
            _out_of_order(f"{self.where}.{part.value}")
        if part.kind == "claims":
            self.claims_seen = True
            if part.value is not LIST:
                checker.problem(f"'{self.where}.claims'", "is missing or not a list of objects")
            return
        where = f"{self.where}.claims[{part.index}]"
        if not isinstance(part.value, dict):
            checker.problem(where, f"should be an object, not {values.describe(part.value)}")
            return
        checker.claim(part.value, where, self.texts, self.newest)
        if self.load.writing:
            self.batch.append(rows.claim_parts(part.value))
            if len(self.batch) >= CLAIM_BATCH:
                self._write()

    def end(self) -> None:
        if not self.claims_seen:
            self.load.checker.problem(f"'{self.where}.claims'", "is missing or not a list of objects")
        self._write()

    def _write(self) -> None:
        if self.load.writing and self.batch and self.ids is not None:
            article_id, version_ids = self.ids
            rows.write_claims(
                self.load.connection, article_id, version_ids, self.load.source_ids, self.batch, self.load.index
            )
        self.batch = []


def _out_of_order(what: str) -> None:
    raise SessionFileError(
        "The session file is large, so it is read part by part in the order the workbench "
        "writes it (format, version, session, sources, then each article's fields and versions "
        f"before its claims), and {what} is out of that order.",
        "Import a file as `workbench export SESSION --format json` wrote it, or export the "
        "session in parts (`--article ID`); nothing was imported.",
    )
