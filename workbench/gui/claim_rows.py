"""The window's claims list and highlights changed a row at a time, after an edit.

An edit names what it changed (``services.changes``): the claims whose
fields changed, those it logged or brought back (as stored, in
``Done.claims``) and those it deleted. Their rows are replaced, inserted or
removed alone, with their highlights, so an article of 20,000 claims is not
read again and the list keeps its scroll, filters and selection. The list is
read again only when these rows cannot tell: a claim on another article
(the window goes there), or a list read already under way (its rows are
older than the edit).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from workbench.gui.recheck_control import placed_in_current_text

if TYPE_CHECKING:
    from workbench.domain.records import ClaimRecord
    from workbench.gui.main_window import MainWindow


def show_changed(w: MainWindow, claim: ClaimRecord | None, claim_id: int) -> None:
    """One claim's fields changed: its row, its highlight and the editor, not the whole list."""
    model = w.claims_panel.model
    if claim is None or model.row_of(claim.id) is None or w.article is None or claim.article_id != w.article.id:
        w.claims_reloaded(claim_id)
        return
    model.replace_claim(claim)
    _highlight(w, claim)
    w.claims_panel.update_counts()
    if claim.id == w.claims_panel.current_id():
        w.editor.set_claim(claim, w.scale, *w.details.known(claim.id))
        w.details.request(claim.id)


def show_added(w: MainWindow, claims: Iterable[ClaimRecord], select: int | None) -> None:
    """Claims logged or brought back: rows inserted where the order puts them; ``select`` becomes current.

    A claim of another article is not shown here; when it is ``select``,
    the window goes to its article, as it always has.
    """
    shown = w.article.id if w.article is not None else None
    here = [c for c in claims if c.article_id == shown]
    if here and not w.claims_settled:  # a list read under way predates the edit: read it again
        w.reload_claims(select)
        return
    model = w.claims_panel.model
    for claim in here:
        model.insert_claim(claim)
        _highlight(w, claim)
    if here:
        w.claims_panel.update_counts()
        # The "checked before" marker of a new claim is looked up as after a list read.
        QTimer.singleShot(0, lambda: None if w.closed or not w.claims_settled
                          else w.memory.claims_loaded(w.claims_panel.model.claims))
    if select is not None:
        if model.row_of(select) is None:
            w.claims_reloaded(select)  # on another article of the session: go there
        else:
            w.select_claim(select)


def show_removed(w: MainWindow, claim_ids: Iterable[int], select: int | None) -> None:
    """Claims deleted: their rows and highlights go; ``select`` (or no claim, if the current one went) is current.

    ``select`` on another article takes the window there, as it always has.
    """
    model = w.claims_panel.model
    gone = {i for i in claim_ids if model.row_of(i) is not None}
    if select is not None and select not in gone and model.row_of(select) is None:
        w.claims_reloaded(select)
        return
    if gone and not w.claims_settled:
        w.reload_claims(select)
        return
    # The selection moves first, so the view never makes a removed row's neighbour current on its own.
    if select is not None and select not in gone:
        w.select_claim(select)
    elif w.claims_panel.current_id() in gone:
        w.select_claim(None)
    for claim_id in gone:
        model.remove_claim(claim_id)
    if gone:
        w.reader.remove_claims(gone)
        w.claims_panel.update_counts()


def _highlight(w: MainWindow, claim: ClaimRecord) -> None:
    placed = placed_in_current_text([claim])
    if placed:
        w.reader.update_claim(placed[0], w.claims_panel.model.colour_of(claim))
    else:  # its words are not in the article's newest text
        w.reader.remove_claims({claim.id})
