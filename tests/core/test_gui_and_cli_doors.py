"""The GUI and the CLI reach the database through ``workbench.services`` only: no module of
theirs imports ``workbench.storage`` or SQLAlchemy, so a use case has one door and a change
of storage is felt in services alone."""

from __future__ import annotations

import ast
from pathlib import Path

import workbench

PACKAGE = Path(workbench.__file__).parent
FORBIDDEN = ("workbench.storage", "sqlalchemy")



def _imported_modules(path: Path, source: str | None = None) -> list[str]:
    """Every module the file (or ``source`` as if it were that file) imports, relative imports made absolute."""
    package = ".".join(("workbench", *path.relative_to(PACKAGE).parent.parts))
    names = []
    text = source if source is not None else path.read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            # ``from workbench import storage`` names the package in the alias.
            names += [f"{base}.{alias.name}" for alias in node.names] if base in ("workbench", "") else [base]
    return names


def _forbidden(names: list[str]) -> list[str]:
    return [name for name in names if any(name == f or name.startswith(f + ".") for f in FORBIDDEN)]


def _gui_and_cli_files() -> list[Path]:
    return sorted(p for folder in ("gui", "cli") for p in (PACKAGE / folder).rglob("*.py"))


def test_gui_and_cli_import_neither_storage_nor_sqlalchemy() -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): offences
        for path in _gui_and_cli_files()
        if (offences := _forbidden(_imported_modules(path)))
    }
    assert offenders == {}, "import these through workbench.services instead: " + repr(offenders)


def test_the_scan_sees_every_way_of_importing_storage() -> None:
    source = (
        "import sqlalchemy.orm\n"
        "from workbench import storage\n"
        "from ..storage import sessions\n"
        "from workbench.domain.records import ClaimRecord\n"
        "from workbench.services import sessions\n"
        "from . import focus\n"
    )
    names = _imported_modules(PACKAGE / "gui" / "probe.py", source)
    assert _forbidden(names) == ["sqlalchemy.orm", "workbench.storage", "workbench.storage"]


# Beyond storage: the GUI and the CLI reach the core through services, and use the
# plain types and records of domain. What else they may import, and why.
CORE_THEY_MAY_USE = {
    "workbench.services": "the use cases",
    "workbench.domain": "plain records, errors, scales, progress",
    "workbench.gui": "its own package",
    "workbench.cli": "its own package",
    "workbench.kinds": "the claim kinds, registered in one place like domain data",
    "workbench.paths": "where the resource files are",
}
# Commands that read a source and print what is in it, storing nothing, use ingest directly.
CORE_FILES_MAY_USE = {
    "cli/extract.py": {"workbench.ingest"},
    "cli/claims.py": {"workbench.ingest"},
}


def _core_imports_outside_services(path: Path) -> list[str]:
    relative = str(path.relative_to(PACKAGE))
    allowed = tuple(CORE_THEY_MAY_USE) + tuple(CORE_FILES_MAY_USE.get(relative, ()))
    return [
        name for name in _imported_modules(path)
        if name.startswith("workbench.") and name != "workbench.__version__"
        and not any(name == a or name.startswith(a + ".") for a in allowed)
    ]


def test_gui_and_cli_reach_the_core_through_services() -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): names
        for path in _gui_and_cli_files()
        if (names := _core_imports_outside_services(path))
    }
    assert offenders == {}, "reach these through workbench.services instead: " + repr(offenders)
