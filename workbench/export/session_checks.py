"""Every rule a session document must meet before any of it is written.

The walk collects problems with their JSON paths (``articles[0].claims[3].start``)
and stops at the fifth, so a reviewer sees what is wrong without a wall of
text. Beyond the types in ``session_schema`` it checks what the database and
later readers rely on: 64-bit integers, non-negative offsets inside the text,
span text equal to the text at its offsets, unique ids and version numbers,
verdicts on the session's scale, zlib data that unpacks, finite numbers, text
without broken characters and bounded nesting.
"""

from __future__ import annotations

import hashlib
from typing import Any

from workbench.domain.errors import NotFoundError, SessionFileError
from workbench.domain.kinds import ClaimOrigin, ClaimStatus, ReviewState, Stance, known_kinds
from workbench.domain.scales import get_scale
from workbench.export import session_schema as schema
from workbench.export import session_values as values
from workbench.export.session_schema import Field, damaged
from workbench.storage.models import (
    Article,
    ArticleVersion,
    Claim,
    ClaimHistory,
    Evidence,
    ReviewSession,
    Source,
    SourceSnapshot,
)

MAX_PROBLEMS = 5
# Smallest value of whole-number fields; everything else may not be negative either.
_LOWEST = {"number": 1, "version": 1}


class Enough(Exception):
    """Enough problems found to refuse the file; the rest are not looked for."""


def check_document(data: dict[str, Any], *, postgres: bool) -> None:
    """Refuse the document (``SessionFileError``) naming its first problems, if it has any.

    ``postgres``: hold texts to what PostgreSQL stores (their columns' widths,
    no NUL characters), which it would otherwise refuse half-way through the
    write. SQLite keeps both, so a file exported from SQLite may hold them,
    and it imports into SQLite unchanged.
    """
    checker = Checker(postgres)
    try:
        checker.document(data)
    except Enough:
        pass
    if checker.problems:
        raise refusal(checker.problems)


def check_header(data: Any) -> dict[str, Any]:
    if not isinstance(data, dict) or data.get("format") != schema.FORMAT:
        raise SessionFileError(
            "This JSON file is not a workbench session export"
            + (f" (its format is '{data['format']}')." if isinstance(data, dict) and isinstance(data.get("format"), str) else "."),
            "Choose a file made with `workbench export SESSION --format json` "
            "(ClaimReview and CSV exports cannot be imported); nothing was imported.",
        )
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise damaged(f"its format version is {version!r}")
    if version > schema.VERSION:
        raise SessionFileError(
            f"The session file uses format version {version}, newer than this workbench reads "
            f"(version {schema.VERSION}).",
            "Update the workbench on this machine, then import again; nothing was imported.",
        )
    return data


def refusal(problems: list[str]) -> SessionFileError:
    if len(problems) == 1:
        message = f"The session file is damaged: {problems[0]}."
    else:
        first = "the first " if len(problems) >= MAX_PROBLEMS else ""
        message = f"The session file is damaged; {first}{len(problems)} problems:\n" + "\n".join(
            f"  - {problem}" for problem in problems
        )
    return SessionFileError(
        message, "Export the session again from the workbench that made it; nothing was imported."
    )


def _max_lengths(model: type) -> dict[str, int]:
    """Column widths (String(300) ...): PostgreSQL refuses longer text mid-write."""
    table = model.__table__  # type: ignore[attr-defined]
    return {c.key: c.type.length for c in table.columns if getattr(c.type, "length", None)}


# Each part of the format: its fields and the widths of its text columns.
_PARTS = {
    part: (fields, _max_lengths(model))
    for part, fields, model in (
        ("session", schema.SESSION, ReviewSession),
        ("source", schema.SOURCE, Source),
        ("snapshot", schema.SNAPSHOT, SourceSnapshot),
        ("article", schema.ARTICLE, Article),
        ("version", schema.ARTICLE_VERSION, ArticleVersion),
        ("claim", schema.CLAIM, Claim),
        ("evidence", schema.EVIDENCE, Evidence),
        ("history", schema.HISTORY, ClaimHistory),
    )
}


class Checker:
    """Walks a document, or its parts one by one (``session_stream``), collecting problems.

    ``problem`` raises ``Enough`` at the fifth; ``problems`` holds them.
    """

    def __init__(self, postgres: bool) -> None:
        self.postgres = postgres
        self.problems: list[str] = []
        self.ids: dict[str, set[int]] = {
            "source": set(),
            "article": set(),
            "version": set(),
            "claim": set(),
        }
        self.verdicts: set[str] | None = None

    def problem(self, where: str, detail: str) -> None:
        self.problems.append(f"{where} {detail}")
        if len(self.problems) >= MAX_PROBLEMS:
            raise Enough

    # --- the document's parts -------------------------------------------------

    def document(self, data: dict[str, Any]) -> None:
        if not self.session(data.get("session")):
            return
        for i, source in self.items(data, "sources", "sources"):
            self.source(source, i)
        for i, article in self.items(data, "articles", "articles"):
            self.article(article, f"articles[{i}]")

    def session(self, session: Any) -> bool:
        if not isinstance(session, dict):
            self.problem("'session'", "is missing or not an object")
            return False
        row = self.fields(session, "session", "session")
        self.scale(row.get("scale"))
        return True

    def source(self, source: dict[str, Any], i: int) -> None:
        self.fields(source, "source", f"sources[{i}]")
        self.unique_id(source, "source", f"sources[{i}]")
        if "snapshots" in source:  # files made before sources were archived have none
            for n, snapshot in self.items(source, f"sources[{i}].snapshots", "snapshots"):
                self.snapshot(snapshot, f"sources[{i}].snapshots[{n}]")

    def snapshot(self, item: dict[str, Any], where: str) -> None:
        row = self.fields(item, "snapshot", where)
        self.raw_bytes(row, where, "sha256")

    def scale(self, key: Any) -> None:
        if not isinstance(key, str):
            return
        try:
            scale = get_scale(key)
        except NotFoundError as error:
            # Not damage: the file is fine, this workbench lacks the scale.
            raise SessionFileError(
                f"The session uses the verdict scale '{values.quoted(key)}', "
                "which this workbench does not have.",
                error.hint + " Nothing was imported.",
            ) from None
        self.verdicts = {level.key for level in scale.levels}

    def article(self, item: dict[str, Any], where: str) -> None:
        texts, newest = self.article_fields(item, where)
        for n, claim in self.items(item, f"{where}.claims", "claims"):
            self.claim(claim, f"{where}.claims[{n}]", texts, newest)

    def article_fields(self, item: dict[str, Any], where: str) -> tuple[dict[int, str], str | None]:
        """Check an article without its claims; returns its texts by version id and its newest text."""
        self.fields(item, "article", where)
        self.unique_id(item, "article", where)
        texts: dict[int, str] = {}
        numbers: set[int] = set()
        newest: tuple[int, str] | None = None
        versions = list(self.items(item, f"{where}.versions", "versions"))
        if "versions" in item and not versions and isinstance(item["versions"], list):
            self.problem(where, "has no versions (no text)")
        for n, version in versions:
            at = f"{where}.versions[{n}]"
            row = self.version(version, at)
            number, text = row.get("number"), row.get("text")
            if isinstance(number, int):
                if number in numbers:
                    self.problem(
                        f"{at}.number", f"{number} is used by another version of this article"
                    )
                numbers.add(number)
            version_id = self.unique_id(version, "version", at)
            if isinstance(text, str):
                if version_id is not None:
                    texts[version_id] = text
                if isinstance(number, int) and (newest is None or number > newest[0]):
                    newest = (number, text)
        return texts, newest[1] if newest else None

    def version(self, item: dict[str, Any], where: str) -> dict[str, Any]:
        row = self.fields(item, "version", where)
        text = row.get("text")
        structure = row.get("structure")
        if isinstance(structure, list) and isinstance(text, str):
            for k, block in enumerate(structure):
                self.block(block, f"{where}.structure[{k}]", len(text))
        self.raw_bytes(row, where, "raw_sha256")
        return row

    def raw_bytes(self, row: dict[str, Any], where: str, sha_field: str) -> None:
        """Bytes as fetched (an article version's, a source snapshot's): zlib data that unpacks,
        matching their SHA-256, and an HTTP status that is one."""
        sha = row.get(sha_field)
        if sha and (len(sha) != 64 or sha.strip("0123456789abcdef")):
            self.problem(f"{where}.{sha_field}", "is not a SHA-256 in hexadecimal")
            sha = None
        if "raw_zlib" in row:
            detail, unpacked = values.zlib_problem(row["raw_zlib"])
            if detail:
                self.problem(f"{where}.raw_zlib", detail)
            elif unpacked and sha and hashlib.sha256(unpacked).hexdigest() != sha:
                self.problem(
                    f"{where}.raw_zlib",
                    f"does not match {sha_field} (the original bytes were altered)",
                )
        if (
            "http_status" in row
            and row["http_status"] is not None
            and not 100 <= row["http_status"] <= 599
        ):
            self.problem(
                f"{where}.http_status", f"is {row['http_status']}, not an HTTP status (100-599)"
            )

    def block(self, block: Any, where: str, length: int) -> None:
        if not isinstance(block, dict):
            self.problem(where, f"should be an object, not {values.describe(block)}")
            return
        # The reader shows a kind it does not know as a paragraph, so any text will do.
        if "kind" in block and not isinstance(block["kind"], str):
            self.problem(f"{where}.kind", f"should be text, not {values.describe(block['kind'])}")
        start, end = block.get("start"), block.get("end")
        for name, value in (("start", start), ("end", end)):
            if not values.is_int(value):
                self.problem(
                    f"{where}.{name}", f"should be {Field.INT.value}, not {values.describe(value)}"
                )
        if values.is_int(start) and values.is_int(end) and not 0 <= start <= end <= length:
            self.problem(where, f"spans {start}-{end}, outside the version's text (0-{length})")

    def claim(
        self, item: dict[str, Any], where: str, texts: dict[int, str], newest: str | None
    ) -> None:
        row = self.fields(item, "claim", where)
        self.unique_id(item, "claim", where)
        for name, allowed in (
            ("kind", known_kinds()),  # the kind registry's names
            ("status", tuple(ClaimStatus)),
            ("origin", tuple(ClaimOrigin)),
            ("review_state", tuple(ReviewState)),
        ):
            if isinstance(row.get(name), str) and row[name] not in allowed:
                self.problem(
                    f"{where}.{name}",
                    f"'{values.quoted(row[name])}' is not one of " + ", ".join(allowed),
                )
        if "value" in row and (detail := values.claim_value_problem(row["value"])):
            self.problem(f"{where}.value", detail)
        verdict = row.get("verdict")
        if isinstance(verdict, str) and self.verdicts is not None and verdict not in self.verdicts:
            self.problem(
                f"{where}.verdict",
                f"'{values.quoted(verdict)}' is not on the session's "
                "scale (" + ", ".join(sorted(self.verdicts)) + ")",
            )
        version_id = item.get("article_version_id")
        text = newest
        if version_id is not None:
            if not values.is_int(version_id) or version_id not in texts:
                self.problem(
                    f"{where}.article_version_id",
                    f"refers to article version {values.reference(version_id)}, which is not in the file",
                )
                text = None
            else:
                text = texts[version_id]
        self.span(row, where, text)
        sources: set[int] = set()
        for k, link in self.items(item, f"{where}.evidence", "evidence"):
            at = f"{where}.evidence[{k}]"
            link_row = self.fields(link, "evidence", at)
            source_id = link.get("source_id")
            if not values.is_int(source_id) or source_id not in self.ids["source"]:
                self.problem(
                    f"{at}.source_id",
                    f"names source {values.reference(source_id)}, which is not in the file",
                )
                continue
            elif source_id in sources:
                self.problem(f"{at}.source_id", f"links source {source_id} a second time")
            sources.add(source_id)
            if isinstance(link_row.get("stance"), str) and link_row["stance"] not in {
                s.value for s in Stance
            }:
                self.problem(
                    f"{at}.stance", f"'{values.quoted(link_row['stance'])}' is not a stance"
                )
        for k, entry in self.items(item, f"{where}.history", "history"):
            self.fields(entry, "history", f"{where}.history[{k}]")

    def span(self, row: dict[str, Any], where: str, text: str | None) -> None:
        start, end, quoted = row.get("start"), row.get("end"), row.get("text")
        if not (values.is_int(start) and values.is_int(end)):
            return
        if not 0 <= start < end:
            self.problem(where, f"has an empty or reversed span ({start}-{end})")
        elif text is not None and end > len(text):
            self.problem(
                f"{where}.end",
                f"is {end}, beyond the end of the version's text ({len(text)} characters)",
            )
        elif text is not None and isinstance(quoted, str) and text[start:end] != quoted:
            self.problem(
                f"{where}.text",
                f"does not match the article's text at {start}-{end} "
                f"('{values.quoted(text[start:end])}')",
            )

    # --- generic parts -----------------------------------------------------------

    def items(self, data: dict[str, Any], where: str, key: str) -> list[tuple[int, dict[str, Any]]]:
        """The objects of a list; problems for a missing list or an entry that is not an object."""
        value = data.get(key)
        if not isinstance(value, list):
            self.problem(f"'{where}'", "is missing or not a list of objects")
            return []
        found = []
        for n, item in enumerate(value):
            if isinstance(item, dict):
                found.append((n, item))
            else:
                self.problem(f"{where}[{n}]", f"should be an object, not {values.describe(item)}")
        return found

    def unique_id(self, item: dict[str, Any], kind: str, where: str) -> int | None:
        value = item.get("id")
        if not values.is_int(value):
            self.problem(
                f"{where}.id", f"should be {Field.INT.value}, not {values.describe(value)}"
            )
            return None
        if value in self.ids[kind]:
            self.problem(f"{where}.id", f"{value} is used by another {kind} in the file")
            return None
        self.ids[kind].add(value)
        return value

    def fields(self, item: dict[str, Any], part: str, where: str) -> dict[str, Any]:
        """The fields that are right, by name; a problem for each that is not."""
        fields, widths = _PARTS[part]
        good: dict[str, Any] = {}
        for name, kind in fields.items():
            value = schema.given(item, name)
            detail = values.field_problem(
                kind,
                value,
                lowest=_LOWEST.get(name, 0),
                width=widths.get(name) if self.postgres else None,
                nul_allowed=not self.postgres,
            )
            if detail is None:
                good[name] = value
            elif isinstance(detail, tuple):
                self.problem(f"{where}.{name}{detail[0]}", detail[1])
            else:
                self.problem(f"{where}.{name}", detail)
        return good
