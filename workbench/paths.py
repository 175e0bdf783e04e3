"""Where the resources and migrations are, in a checkout and in an installed wheel.

The repository keeps ``resources/`` and ``db/`` at its top level; a wheel
carries them inside the package as ``_resources`` and ``_db``. Everything
that reads a data file asks here, so both layouts work.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        "Cannot find the workbench data folder (looked in "
        + ", ".join(str(c) for c in candidates)
        + "). Reinstall the package."
    )


@cache
def resources_dir() -> Path:
    return _first_existing(_PACKAGE / "_resources", _PACKAGE.parent / "resources")


@cache
def migrations_dir() -> Path:
    return _first_existing(_PACKAGE / "_db", _PACKAGE.parent / "db")


def resource(*parts: str) -> Path:
    """A file under resources/, e.g. ``resource("scales", "default.json")``."""
    return resources_dir().joinpath(*parts)
