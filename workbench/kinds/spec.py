"""What one claim kind brings: how it is found, filed in memory, compared and guessed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from workbench.detect.candidate import Candidate, DetectContext
from workbench.detect.pipeline import Detector
from workbench.evidence.facts import ClaimFacts


@dataclass(frozen=True, slots=True)
class Selection:
    """A span a reviewer selected by hand, within the article's whole ``text``.

    ``start``/``end`` lie inside the text; ``said`` is the selected text
    without the white space around it, and is never empty. ``language`` is
    the text's language code, which a guess reads the selection in.
    """

    text: str
    start: int
    end: int
    said: str
    language: str | None = "en"


# value, unit, text -> the keys under which the memory files the claim.
MemoryKeys = Callable[[Any, str | None, str], set[str]]
# facts read from the claim's text, value, unit -> the facts the claim states.
EvidenceFacts = Callable[[ClaimFacts, Any, str | None], ClaimFacts]


@dataclass(frozen=True, slots=True)
class KindSpec:
    """Everything the workbench knows of one kind of claim; ``None`` parts do nothing.

    ``name`` is what a claim of this kind stores as its kind (a ``ClaimKind``
    value) and what its detector writes in ``Candidate.kind``.
    """

    name: str
    # Finds claims of this kind in a text (``None``: only a reviewer logs them).
    detector: Detector | None = None
    # Keys two claims share when they state the same value (``None``: no value, no keys).
    memory_keys: MemoryKeys | None = None
    # How the claim's stored value changes what evidence is looked for.
    evidence_facts: EvidenceFacts | None = None
    # Whether a hand-selected span looks like this kind; kinds are asked by
    # ascending ``guess_order`` and the first that answers yes is proposed.
    fits_selection: Callable[[Selection], bool] | None = None
    guess_order: int = 0
    # The claim is a short span stating a value: the words around it say what it is about.
    states_value: bool = False


def on_its_own(detector: Callable[[str, DetectContext], list[Candidate]]) -> Detector:
    """A detector that needs nothing found before it, in the pipeline's form."""

    def run(text: str, ctx: DetectContext, _earlier: list[Candidate]) -> list[Candidate]:
        return detector(text, ctx)

    return run
