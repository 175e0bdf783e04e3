"""What a window loads in the background once it is up, so the first claim stored does not wait for it.

Opening a window needs neither the detectors nor the page parser: they are
imported when first used (``memory.indexing``, ``services.evidence``,
``services.sources``), which keeps them out of start-up. The first verdict
or the first search would then wait for them on the window's thread; a
background job loads them first, while the reviewer reads.
"""

from __future__ import annotations

import importlib

LATER_MODULES = (
    "workbench.kinds",  # the detectors, through every kind's spec
    "workbench.memory.normalise",  # claim memory keys: every stored claim is indexed
    "workbench.evidence.finder",  # the evidence finder's ranking
    "workbench.ingest.link_details",  # the page parser and the HTTP library
)


def load_later_modules() -> None:
    for name in LATER_MODULES:
        importlib.import_module(name)
