"""Edits still waiting for the server when the window closes, kept in a file until it takes them.

A reviewer who closes the window during an outage must not lose what the
queue holds (``pending_edits``). The window writes the queue here whenever
it changes and when it closes, and reads it back the next time it opens the
same database, where the edits are applied with the same compare-and-set
rules as any queued edit: one a colleague overtook meanwhile raises the
conflict view, never a silent overwrite.

The file is JSON, not pickle: it sits in the user's data folder, and reading
it must never run code. Only the edit and record types listed below can be
named in it; anything else, or a damaged file, is refused with a message
and the file is moved aside, not deleted.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import platformdirs

from workbench.domain import records
from workbench.domain.errors import WorkbenchError
from workbench.services import article_edits, claim_edits, edits, evidence_edits, review_edits
from workbench.services.database import Database
from workbench.services.edits import Operation
from workbench.storage import article_removal

FORMAT = 1
MAX_BYTES = 64 * 1024 * 1024  # far more than any queue of edits: a bigger file is not ours


def _known_types() -> dict[str, type]:
    modules = (claim_edits, evidence_edits, article_edits, review_edits, edits, records, article_removal)
    return {
        f"{cls.__module__}.{cls.__qualname__}": cls
        for module in modules for cls in vars(module).values()
        if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == module.__name__
    }


_TYPES = _known_types()


class KeptEditsError(WorkbenchError):
    """The edits kept from last time cannot be read back."""


def folder() -> Path:
    return Path(platformdirs.user_data_dir("workbench", appauthor=False)) / "unsaved-edits"


def path_for(db: Database, reviewer: str, base: Path | None = None) -> Path:
    """The file for one database (its location without any password) and one reviewer."""
    digest = hashlib.sha256(f"{db.location}\n{reviewer}".encode()).hexdigest()[:24]
    return (base or folder()) / f"{digest}.json"


def keep(path: Path, operations: list[Operation], location: str) -> None:
    """Write the queue (atomically: the old file stays whole until the new one is); none: remove the file."""
    if not operations:
        path.unlink(missing_ok=True)
        return
    document = {"format": FORMAT, "database": location, "edits": [_encode(op) for op in operations]}
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".kept-", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(document, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def read(path: Path) -> list[Operation]:
    """The edits kept in ``path`` (none if there is no file); a file that cannot be read is moved aside."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return []
    try:
        if size > MAX_BYTES:
            raise ValueError(f"it is {size:,} bytes, more than the window ever writes")
        document = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise ValueError("it was written in another format (a newer version of the workbench?)")
        kept = document.get("edits")
        if not isinstance(kept, list):
            raise ValueError("it holds no list of edits")
        return [_decode(item) for item in kept]
    except (OSError, ValueError, TypeError, KeyError, RecursionError) as error:
        aside = path.with_suffix(".unreadable")
        os.replace(path, aside)
        raise KeptEditsError(
            f"The edits kept from the last time the server could not be reached cannot be read ({error}).",
            f"The file was moved to {aside}; nothing else was changed.",
        ) from None


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        name = f"{type(value).__module__}.{type(value).__qualname__}"
        if name not in _TYPES:
            raise TypeError(f"{name} cannot be kept")
        return {"$type": name, "fields": {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, tuple):
        return {"$tuple": [_encode(v) for v in value]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {"$dict": [[_encode(k), _encode(v)] for k, v in value.items()]}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"a {type(value).__name__} cannot be kept")


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if not isinstance(value, dict):
        if value is None or isinstance(value, (str, int, float, bool)):
            return value
        raise TypeError("an unknown value")
    if "$type" in value:
        cls = _TYPES.get(value["$type"])
        if cls is None:
            raise ValueError(f"it names {str(value['$type'])[:80]!r}, which is not an edit")
        fields = value["fields"]
        if not isinstance(fields, dict):
            raise TypeError("an edit without fields")
        return cls(**{str(k): _decode(v) for k, v in fields.items()})
    if "$tuple" in value:
        return tuple(_decode(v) for v in value["$tuple"])
    if "$dict" in value:
        return {_decode(k): _decode(v) for k, v in value["$dict"]}
    if "$datetime" in value:
        return datetime.fromisoformat(value["$datetime"])
    if "$date" in value:
        return date.fromisoformat(value["$date"])
    raise ValueError("an unknown value")
