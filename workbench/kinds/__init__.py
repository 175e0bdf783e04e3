"""Claim kinds: one spec per kind, all listed here (as calibre lists its plugins).

Each module holds one kind's ``SPEC``: its detector, the keys the claim
memory files it under, how its stored value changes the evidence looked for,
and how a span a reviewer selects by hand is recognised as this kind. Adding
a kind is one module here and one line in ``KINDS``: importing this package
installs the registry's names as the kinds storage, the export filters and
the session-file checks accept (``domain.kinds.known_kinds``), and the window
and the command line list them through ``services.kinds``. ``ClaimKind``
only names the built-in kinds for code that means one of them.

Where this package sits: a spec is built from parts of ``detect`` (the
detectors), ``memory.normalise`` (value normalisation) and
``evidence.facts`` (what a claim states), so those never import it. Code
that has to go over every kind imports ``KINDS`` from here instead of
naming kinds: the claim memory's index (``memory.indexing``), the evidence
ranker (``evidence.rank``), the services and CLI that detect, and the
window's hand-logging. The detection pipeline is below this package, so it
does not list detectors; it runs the ones ``KINDS.detect`` hands it.
"""

from __future__ import annotations

from workbench.kinds import date, equipment, figure, other, quote, statement
from workbench.kinds.registry import KindRegistry
from workbench.kinds.spec import KindSpec, Selection

# Detectors run in this order; a statement reads what the kinds before it found.
KINDS = KindRegistry(
    (
        figure.SPEC,
        date.SPEC,
        equipment.SPEC,
        quote.SPEC,
        statement.SPEC,
        other.SPEC,
    ),
    fallback=statement.SPEC.name,
)
KINDS.install()

detect = KINDS.detect
guess_kind = KINDS.guess_kind
claim_keys = KINDS.claim_keys

__all__ = ["KINDS", "KindRegistry", "KindSpec", "Selection", "claim_keys", "detect", "guess_kind"]
