"""English word lists live in ``detect/lang/en/``, not inline in the detectors.

A long literal of words (a set, list, tuple or dict of strings, a
``"...".split()`` word list, or a regex alternation of words) in a detector
module means a second language would have to fork that module. The scan
reads the source's syntax tree; the few literals that are not language data
are listed below with the reason.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import workbench

PACKAGE = Path(workbench.__file__).parent
LONGEST = 12  # more words than this in one literal is a word list
# Modules outside detect/ that read English the way the detectors do.
ALSO_SCANNED = ("memory/normalise.py",)
# (module, the name the literal is assigned to) -> why it stays.
ALLOWED = {
    ("detect/statements.py", "WEIGHTS"): "the names of the statement cues, not English words",
}

_WORD = re.compile(r"[a-z]{2,}")
# Characters that separate the words of a regex alternation: "(?:said|says|told)\b".
_REGEX_SEPARATORS = re.compile(r"[|()?:\\\s+*]+")


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _word_count(node: ast.AST, docstrings: set[int]) -> int:
    """How many words the literal ``node`` holds, by the measure that fits its shape."""
    if isinstance(node, ast.Set | ast.List | ast.Tuple | ast.Dict):
        items = node.keys if isinstance(node, ast.Dict) else node.elts
        return sum(isinstance(i, ast.Constant) and isinstance(i.value, str) for i in items)
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "split"
        and isinstance(node.func.value, ast.Constant)
        and isinstance(node.func.value.value, str)
    ):
        return len(node.func.value.value.split())
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
        return sum(bool(_WORD.fullmatch(p)) for p in _REGEX_SEPARATORS.split(node.value))
    return 0


def _enclosing_names(tree: ast.Module) -> dict[int, str]:
    """id of every node -> the name of the top-level assignment or function it sits in."""
    names: dict[int, str] = {}
    for statement in tree.body:
        if isinstance(statement, ast.Assign) and statement.targets:
            name = ast.unparse(statement.targets[0])
        elif isinstance(statement, ast.AnnAssign):
            name = ast.unparse(statement.target)
        elif isinstance(statement, ast.FunctionDef | ast.ClassDef):
            name = statement.name
        else:
            name = "<module>"
        for node in ast.walk(statement):
            names[id(node)] = name
    return names


def word_lists(source: str) -> list[tuple[str, int, int]]:
    """(enclosing name, line, words) of every literal in ``source`` with too many words."""
    tree = ast.parse(source)
    docstrings = _docstrings(tree)
    names = _enclosing_names(tree)
    found = []
    for node in ast.walk(tree):
        count = _word_count(node, docstrings)
        if count > LONGEST:
            found.append((names.get(id(node), "<module>"), node.lineno, count))
    return found


def _scanned_modules() -> list[Path]:
    detect = PACKAGE / "detect"
    modules = [p for p in detect.rglob("*.py") if "lang" not in p.relative_to(detect).parts]
    return sorted(modules) + [PACKAGE / m for m in ALSO_SCANNED]


def test_no_detector_module_holds_a_long_english_word_list():
    offenders = []
    for path in _scanned_modules():
        module = path.relative_to(PACKAGE).as_posix()
        for name, line, count in word_lists(path.read_text(encoding="utf-8")):
            if (module, name) not in ALLOWED:
                offenders.append(f"{module}:{line} {name} ({count} words)")
    assert offenders == [], "move these word lists to workbench/detect/lang/en/"


def test_every_allowed_exception_still_exists():
    """An exception for a literal that has gone would silently allow the next one."""
    present = {
        (path.relative_to(PACKAGE).as_posix(), name)
        for path in _scanned_modules()
        for name, _, _ in word_lists(path.read_text(encoding="utf-8"))
    }
    assert set(ALLOWED) <= present


def test_the_scan_finds_word_lists_in_every_shape():
    words = " ".join(f"w{chr(97 + i)}ord" for i in range(13))  # 13 distinct words
    quoted = ", ".join(f'"{w}"' for w in words.split())
    source = f'''"""A docstring of many words is prose: {words}."""
SET = frozenset({{{quoted}}})
LISTED = [{quoted}]
MAPPED = {{{", ".join(f'"{w}": 1' for w in words.split())}}}
SPLIT = frozenset("{words}".split())
PATTERN = re.compile(r"\\b(?:{"|".join(words.split())})\\b")


def inline(word):
    return word in ({quoted})
'''
    found = {name for name, _, _ in word_lists(source)}
    assert found == {"SET", "LISTED", "MAPPED", "SPLIT", "PATTERN", "inline"}


def test_the_scan_leaves_short_literals_alone():
    twelve = ", ".join(f'"w{chr(97 + i)}ord"' for i in range(12))
    source = f'SHORT = {{{twelve}}}\nDIGITS = r"(?:\\d{{1,3}}(?:,\\d{{3}})+|\\d+)"\n'
    assert word_lists(source) == []
