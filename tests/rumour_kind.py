"""A claim kind made up for the tests, "rumour", added the way a new kind is: a spec in a registry.

It has no ``ClaimKind`` member. ``rumours_known()`` installs a registry with
it for the length of a ``with`` block, then puts the workbench's kinds back.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from tests.factories import make_article
from workbench.detect.candidate import Candidate, DetectContext
from workbench.domain.kinds import install_kinds
from workbench.kinds import KINDS, KindRegistry, KindSpec
from workbench.kinds.spec import on_its_own
from workbench.services import claim_edits
from workbench.services.importing import draft_from
from workbench.storage import articles, sessions
from workbench.storage.database import Database

_RUMOUR = re.compile(r"\b[Rr]umour has it that [^.\n]+")


def _detect_rumours(text: str, ctx: DetectContext) -> list[Candidate]:
    return [Candidate("rumour", m.start(), m.end(), m.group(0)) for m in _RUMOUR.finditer(text)]


RUMOUR = KindSpec(name="rumour", detector=on_its_own(_detect_rumours))
WITH_RUMOUR = KindRegistry((*KINDS.specs, RUMOUR), fallback=KINDS.fallback)

RUMOUR_TEXT = "Rumour has it that the bridge at Brest was closed"
TEXT = RUMOUR_TEXT + "\n\nAbout 32,000 troops were deployed near the border on Tuesday, officials said."


@contextmanager
def rumours_known() -> Iterator[None]:
    before = WITH_RUMOUR.install()
    try:
        yield
    finally:
        install_kinds(before)


def rumour_review(db: Database) -> tuple[int, int]:
    """A session whose one article's claims, as ``WITH_RUMOUR`` detects them, are stored.

    Returns (session id, article id). Run it with the rumour kind installed.
    """
    session = sessions.create_session(db, "Rumour desk", reviewer="ana")
    article = articles.add_article(db, session.id, make_article(TEXT, title="Brest"))
    drafts = [draft_from(candidate) for candidate in WITH_RUMOUR.detect(TEXT)]
    assert claim_edits.store_detected(db, article.id, drafts, by="detector") == len(drafts)
    return session.id, article.id
