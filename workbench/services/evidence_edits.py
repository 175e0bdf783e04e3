"""Edits of sources and their links to claims: attach, detach, change a link's stance or passage,
change a source's title or publisher.

Each is an operation for ``services.edits.apply``: one transaction, and a
``Done`` naming the claims whose links changed and the operation that takes
the edit back. A source belongs to the session and stays when its last link
goes (it is offered again for reuse).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from workbench.domain.kinds import Stance
from workbench.domain.records import EvidenceRecord
from workbench.services.changes import Changes, Done, ids
from workbench.services.edits import StaleLink
from workbench.storage import sources as source_store


@dataclass(frozen=True, slots=True)
class AttachSource:
    """Link a source, named by its URL or file, to a claim; the session gets the source if new."""

    session_id: int
    claim_id: int
    url: str
    title: str = ""
    publisher: str = ""
    stance: str = Stance.CONTEXT
    passage: str = ""

    def run(self, session: Session, by: str) -> Done:
        source = source_store.add_source_in(
            session, self.session_id, self.url, title=self.title, publisher=self.publisher
        )
        return LinkSource(self.claim_id, source.id, self.stance, self.passage).run(session, by)


@dataclass(frozen=True, slots=True)
class LinkSource:
    """Link a source of the session to a claim. A link the claim already has is left as it is
    (and undoing the edit leaves it too: the reviewer made it before)."""

    claim_id: int
    source_id: int
    stance: str = Stance.CONTEXT
    passage: str = ""

    def run(self, session: Session, by: str) -> Done:
        existing = source_store.find_link_in(session, self.claim_id, self.source_id)
        link = source_store.attach_source_in(
            session, self.claim_id, self.source_id, by=by, stance=self.stance, passage=self.passage
        )
        inverse = DetachSource(link.id, _as_made(link)) if existing is None else Unchanged(self.claim_id)
        return Done(_link_changes(link), inverse, links=(link,))


@dataclass(frozen=True, slots=True)
class DetachSource:
    """Unlink a source from a claim; the inverse links it again with the same stance and passage.

    ``expected_values``: the stance and passage the link was made with (an
    undo of the link): a link someone changed since is a conflict, not removed.
    """

    evidence_id: int
    expected_values: dict[str, str] | None = None

    def run(self, session: Session, by: str) -> Done:
        link = source_store.detach_source_in(session, self.evidence_id, by=by, expected_values=self.expected_values)
        return Done(_link_changes(link), LinkSource(link.claim_id, link.source.id, link.stance, link.passage))


@dataclass(frozen=True, slots=True)
class EditLink:
    """Change how a source bears on a claim (stance) or the passage quoted; None leaves it.

    Versioned like a claim field: ``expected_version`` is the link's version
    the reviewer saw (None forces). The inverse names what this edit wrote
    (``expected_values``): undo after a colleague changed the link is a conflict.
    """

    evidence_id: int
    stance: str | None = None
    passage: str | None = None
    expected_version: int | None = None
    expected_values: dict[str, str] | None = None

    def run(self, session: Session, by: str) -> Done:
        before = source_store.evidence_in(session, self.evidence_id)
        try:
            link = source_store.update_evidence_in(
                session, self.evidence_id, by=by, stance=self.stance, passage=self.passage,
                expected_version=self.expected_version, expected_values=self.expected_values,
            )
        except StaleDataError:
            raise StaleLink(self.evidence_id, self._wanted()) from None
        inverse = EditLink(
            self.evidence_id,
            stance=before.stance if self.stance is not None else None,
            passage=before.passage if self.passage is not None else None,
            expected_version=link.version,
            expected_values={name: getattr(link, name) for name in self._wanted()},
        )
        return Done(_link_changes(link), inverse, links=(link,))

    def _wanted(self) -> dict[str, str]:
        return {name: value for name, value in (("stance", self.stance), ("passage", self.passage)) if value is not None}


@dataclass(frozen=True, slots=True)
class EditSource:
    """Change a source's title and publisher (shared by every claim it backs)."""

    source_id: int
    values: dict[str, str]

    def run(self, session: Session, by: str) -> Done:
        before = source_store.source_in(session, self.source_id)
        old = {name: getattr(before, name) for name in self.values}
        source = source_store.update_source_in(session, self.source_id, **self.values)
        changes = Changes(
            claim_ids=ids(source_store.claims_citing_in(session, self.source_id)),
            session_ids=ids([source.session_id]), source_ids=ids([self.source_id]),
        )
        return Done(changes, EditSource(self.source_id, old))


@dataclass(frozen=True, slots=True)
class Unchanged:
    """An edit that changed nothing, so taking it back changes nothing either."""

    claim_id: int

    def run(self, session: Session, by: str) -> Done:
        return Done(Changes(claim_ids=ids([self.claim_id])), self)


def _as_made(link: EvidenceRecord) -> dict[str, str]:
    return {"stance": link.stance, "passage": link.passage}


def _link_changes(link: EvidenceRecord) -> Changes:
    return Changes(
        claim_ids=ids([link.claim_id]), session_ids=ids([link.source.session_id]),
        source_ids=ids([link.source.id]),
    )
