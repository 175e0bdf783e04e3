"""What a window loads in the background once it is up, so the first search or link does not wait for it.

The evidence finder and the page parser (with the HTTP library) are not
needed to open a window: ``services.evidence`` and ``services.sources``
import them when first used. The first search or pasted link would then wait
for them on the window's thread; a background job loads them first, while
the reviewer reads. (The detectors are not among them: the kind registry,
which storage and the claims list need, loads them at start-up.)
"""

from __future__ import annotations

import importlib

LATER_MODULES = (
    "workbench.evidence.finder",  # the evidence finder's ranking
    "workbench.ingest.link_details",  # the page parser and the HTTP library
)


def load_later_modules() -> None:
    for name in LATER_MODULES:
        importlib.import_module(name)
