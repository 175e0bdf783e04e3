"""Other: a claim a reviewer logs that fits no kind. Nothing detects, keys or guesses it."""

from __future__ import annotations

from workbench.domain.kinds import ClaimKind
from workbench.kinds.spec import KindSpec

SPEC = KindSpec(name=ClaimKind.OTHER.value)
