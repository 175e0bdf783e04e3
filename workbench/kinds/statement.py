"""Statements: sentences that assert something checkable. They state no value.

Their detector reads the claims of the other kinds as evidence, so it runs
after them; a hand-selected span no other kind recognises is a statement
(the registry's fallback).
"""

from __future__ import annotations

from workbench.detect.statements import detect_statements
from workbench.domain.kinds import ClaimKind
from workbench.kinds.spec import KindSpec

SPEC = KindSpec(name=ClaimKind.STATEMENT.value, detector=detect_statements)
