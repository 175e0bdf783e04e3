"""A list of claim kind specs, and what the rest of the workbench asks of it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from workbench.detect import pipeline
from workbench.detect.candidate import Candidate
from workbench.detect.language_scope import speaking
from workbench.domain.kinds import install_kinds
from workbench.evidence.facts import ClaimFacts
from workbench.kinds.spec import KindSpec, Selection


class KindRegistry:
    """The claim kinds the workbench knows, in the order their detectors run.

    ``fallback`` is the kind proposed for a hand-selected span no kind
    recognises.
    """

    def __init__(self, specs: Iterable[KindSpec], *, fallback: str) -> None:
        self.specs = tuple(specs)
        self._by_name: dict[str, KindSpec] = {}
        for spec in self.specs:
            if spec.name in self._by_name:
                raise ValueError(f"Two specs for the claim kind {spec.name!r}.")
            self._by_name[spec.name] = spec
        if fallback not in self._by_name:
            raise ValueError(f"The fallback kind {fallback!r} has no spec.")
        self.fallback = fallback
        self._detectors = tuple(s.detector for s in self.specs if s.detector is not None)
        # sorted() is stable: kinds with the same guess order are asked in registry order.
        self._guessers = sorted((s for s in self.specs if s.fits_selection is not None),
                                key=lambda s: s.guess_order)

    def __iter__(self) -> Iterator[KindSpec]:
        return iter(self.specs)

    def names(self) -> list[str]:
        return [spec.name for spec in self.specs]

    def install(self) -> tuple[str, ...]:
        """Make these the kinds storage, export filters and session-file checks accept.

        ``workbench.kinds`` installs ``KINDS`` when imported; returns the
        names known before, for a test that installs a registry of its own.
        """
        return install_kinds(self.names())

    def get(self, kind: str) -> KindSpec | None:
        return self._by_name.get(kind)

    def detect(
        self, text: str, published: date | None = None, language: str | None = "en"
    ) -> list[Candidate]:
        """Every proposed claim in ``text``; ``published`` resolves relative dates.

        ``language`` is the text's language code (English when it has no word lists).
        """
        return pipeline.detect(text, published, self._detectors, language)

    def guess_kind(
        self, text: str, selection_start: int, selection_end: int, language: str | None = "en"
    ) -> str:
        """The kind to propose for a span a reviewer selected by hand (never fails).

        ``language`` is the text's language code: the span is read with its words.
        """
        start = max(0, min(selection_start, len(text)))
        end = max(start, min(selection_end, len(text)))
        said = text[start:end].strip()
        if said:
            with speaking(language) as words:
                selection = Selection(text, start, end, said, words.code)
                for spec in self._guessers:
                    if spec.fits_selection is not None and spec.fits_selection(selection):
                        return spec.name
        return self.fallback

    def claim_keys(self, kind: str, value: Any, unit: str | None, text: str) -> set[str]:
        """The value keys of a claim; empty for claims that state no value (quotes, statements)."""
        spec = self.get(kind)
        if spec is None or spec.memory_keys is None:
            return set()
        return spec.memory_keys(value, unit, text)

    def stated_facts(self, kind: str, found: ClaimFacts, value: Any, unit: str | None) -> ClaimFacts:
        """``found`` (the facts read from a claim's text) as the claim's stored value amends them."""
        spec = self.get(kind)
        if spec is None or spec.evidence_facts is None:
            return found
        return spec.evidence_facts(found, value, unit)

    def states_value(self, kind: str) -> bool:
        spec = self.get(kind)
        return spec is not None and spec.states_value
