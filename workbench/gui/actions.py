"""The window's actions, menus and keyboard shortcuts, in one place.

Help > Keyboard shortcuts lists what is built here, so the reference can
never disagree with the keys that actually work. A key sequence bound to two
actions makes Qt report an "ambiguous shortcut" and run neither, so binding
one twice is refused here, at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from workbench.gui import focus

if TYPE_CHECKING:
    from workbench.gui.main_window import MainWindow

Std = QKeySequence.StandardKey


def build_actions(window: MainWindow) -> dict[str, QAction]:
    w = window
    a: dict[str, QAction] = {}
    bound: dict[str, str] = {}  # key sequence -> the action it runs

    def bind(action: QAction, name: str, keys: tuple[str | Std, ...]) -> None:
        sequences = [QKeySequence(k) for k in keys]
        for sequence in sequences:
            portable = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            if portable in bound:
                raise ValueError(f"{portable} is bound to both {bound[portable]} and {name}")
            bound[portable] = name
        if sequences:
            action.setShortcuts(sequences)

    def add(name: str, text: str, slot: Callable[[], object], *keys: str | Std, tip: str = "") -> QAction:
        action = QAction(text, w)
        action.setObjectName(name)
        bind(action, name, keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        w.addAction(action)
        a[name] = action
        return action

    add("new_session", "&New Session…", w.sessions.new_session, Std.New)
    add("open_session", "&Open Session…", w.sessions.show_open_dialog, "Ctrl+Shift+O")
    add("rename_session", "&Rename Session…", w.sessions.rename_session)
    add("duplicate_session", "D&uplicate Session", w.sessions.duplicate_session)
    add("delete_session", "&Delete Session…", w.sessions.delete_session)
    add("open_url", "Open &URL…", w.focus_address_bar, "Ctrl+L", tip="Type or paste the address of an article")
    add("open_file", "Open &File…", w.imports.open_file, Std.Open)
    add("reload", "&Reload", lambda: w.live.reload(), "F5",
        tip="Read the session again, with what colleagues changed")
    add("paste_text", "&Paste Text…", w.imports.paste_text, "Ctrl+Shift+V")
    add("export", "&Export…", w.sessions.show_export, "Ctrl+E")
    add("recheck_article", "&Re-check Article", w.recheck.recheck_article, "Ctrl+R",
        tip="Fetch the article again and see what changed since it was imported")
    add("recheck_session", "Re-check &Session", w.recheck.recheck_session, "Ctrl+Shift+R",
        tip="Fetch every article of the session again")
    add("recheck_sources", "Re-check S&ources", w.source_recheck.recheck_sources, "Ctrl+Alt+R",
        tip="Fetch every source of the session again: a claim whose source changed or lost its passage is flagged")
    add("show_changes", "&What Changed…", lambda: w.recheck.show_comparison(), "Ctrl+Shift+D",
        tip="Compare the article's last two versions")
    add("remove_article", "Re&move Article from Session", w.imports.remove_article, tip="Undo (Ctrl+Z) brings it back")
    add("switch_database", "S&witch Database…", w.sessions.switch_database)
    add("quit", "&Quit", w.close, Std.Quit)

    undo = w.undo_stack.createUndoAction(w, "&Undo")
    bind(undo, "undo", ("Ctrl+Z",))
    # Spelled out: Std.Redo is Ctrl+Shift+Z on Linux but Ctrl+Y on Windows; both work everywhere.
    redo = w.undo_stack.createRedoAction(w, "&Redo")
    bind(redo, "redo", ("Ctrl+Shift+Z", "Ctrl+Y"))
    for name, action in (("undo", undo), ("redo", redo)):
        action.setObjectName(name)
        w.addAction(action)
        a[name] = action
    add("add_claim", "&Add Selection as Claim", w.add_selection_as_claim, "Ctrl+K", "Insert")
    add("accept", "A&ccept Claim", lambda: w.set_status("accepted"), "A")
    add("dismiss", "Dis&miss Claim", lambda: w.set_status("dismissed"), "D")
    add("delete_claim", "De&lete Claim", w.delete_claim, Std.Delete)
    add("copy_prior", "&Copy Verdict Checked Before", w.memory.copy_best, "C", "Ctrl+Shift+M",
        tip="Copy the verdict, rationale and sources of the same claim reviewed in another session")
    add("find", "&Find in Article…", w.show_find, Std.Find)
    # The team's review (review_control): Ctrl+Shift, so no letter typed in a field is taken.
    add("review_in_progress", "Mark &In Progress", lambda: w.review.set_state("in_progress"), "Ctrl+Shift+I")
    add("review_second_check", "Needs &Second Check", lambda: w.review.set_state("needs_second_check"),
        "Ctrl+Shift+N", tip="Ask a colleague to check the verdict again")
    add("approve_claim", "A&pprove Claim", w.review.approve, "Ctrl+Shift+A",
        tip="Sign the verdict off: it is locked until an editor reopens it")
    add("reopen_claim", "Re&open Claim", w.review.reopen, "Ctrl+Shift+P",
        tip="Move an approved claim back to in progress (editors only)")
    add("assign_claim", "Assign &To…", w.review.focus_assignee, "Ctrl+Shift+G",
        tip="Type or pick the reviewer the claim is assigned to")
    add("set_display_name", "Set &Display Name…", w.review.set_display_name,
        tip="The name your changes are shown under, for every machine on this database")
    add("next_claim", "&Next Claim", lambda: w.claims_panel.move(1), "J")
    add("previous_claim", "&Previous Claim", lambda: w.claims_panel.move(-1), "K")
    add("focus_claims", "Go to Claims &List", lambda: focus.leave_field(w), "Ctrl+1", "Esc",
        tip="Leave the field you are typing in; J, K and the digits work again")
    add("focus_reader", "Go to Article &Text", lambda: w.reader.setFocus(), "Ctrl+2")
    add("focus_rationale", "Write the &Rationale", lambda: focus.to_rationale(w), "R", "Ctrl+3",
        tip="Type why the current claim has its verdict; Esc goes back to the list")
    add("zoom_in", "Zoom &In", lambda: w.zoom(1), "Ctrl+=", "Ctrl++")
    add("zoom_out", "Zoom &Out", lambda: w.zoom(-1), "Ctrl+-")
    add("zoom_reset", "&Actual Size", lambda: w.zoom(None), "Ctrl+0")
    add("shortcuts", "&Keyboard Shortcuts", w.sessions.show_shortcuts, "F1")
    add("about", "&About Fact-Check Workbench", w.sessions.show_about)
    for digit in range(10):
        add(f"verdict_{digit}", f"Verdict {digit}", lambda d=digit: w.set_verdict_digit(d), str(digit))
    return a


def build_menus(window: MainWindow, a: dict[str, QAction]) -> None:
    bar = window.menuBar()
    file = bar.addMenu("&File")
    for name in ("new_session", "open_session"):
        file.addAction(a[name])
    window.recent_menu = file.addMenu("Open &Recent")
    window.recent_menu.aboutToShow.connect(window.sessions.fill_recent_menu)
    for name in ("rename_session", "duplicate_session", "delete_session", None,
                 "open_url", "open_file", "paste_text", None, "export", "switch_database", "set_display_name", None, "quit"):
        _add(file, a, name)
    edit = bar.addMenu("&Edit")
    for name in ("undo", "redo", None, "add_claim", "accept", "dismiss", "delete_claim", None, "find"):
        _add(edit, a, name)
    claim = bar.addMenu("&Claim")
    for name in ("next_claim", "previous_claim", None, "copy_prior", None):
        _add(claim, a, name)
    window.verdict_menu = claim.addMenu("&Verdict")
    review = claim.addMenu("&Review")
    for name in ("review_in_progress", "review_second_check", "approve_claim", "reopen_claim", None, "assign_claim"):
        _add(review, a, name)
    article = bar.addMenu("&Article")
    for name in ("recheck_article", "recheck_session", "recheck_sources", "show_changes", None, "remove_article"):
        _add(article, a, name)
    view = bar.addMenu("&View")
    for name in ("reload", None, "focus_claims", "focus_reader", "focus_rationale", None,
                 "zoom_in", "zoom_out", "zoom_reset"):
        _add(view, a, name)
    appearance = view.addMenu("A&ppearance")
    for key, label in (("system", "Follow System"), ("light", "Light"), ("dark", "Dark")):
        action = appearance.addAction(label)
        action.setCheckable(True)
        action.setData(key)
        action.triggered.connect(lambda _c=False, k=key: window.sessions.set_appearance(k))
    window.appearance_menu = appearance
    helpmenu = bar.addMenu("&Help")
    for name in ("shortcuts", "about"):
        helpmenu.addAction(a[name])


def fill_verdict_menu(menu: QMenu, window: MainWindow) -> None:
    """One entry per level of the session's scale, with its digit as the shortcut."""
    menu.clear()
    scale = window.scale
    for digit in range(10):
        action = window.actions_by_name[f"verdict_{digit}"]
        level = scale.by_digit(digit) if scale is not None else None
        action.setEnabled(level is not None)
        action.setVisible(level is not None)  # and out of the shortcut list
        if level is not None:
            action.setText(level.label)
            menu.addAction(action)


def shortcut_rows(a: dict[str, QAction]) -> list[tuple[str, str]]:
    """(what, keys) for every action with keys, undo and redo included when there is nothing to undo."""
    rows = []
    for name, action in a.items():
        keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
        if keys and action.isVisible():
            text = {"undo": "Undo", "redo": "Redo"}.get(name) or action.text()  # not "Undo Verdict: True"
            rows.append((text.replace("&", "").rstrip("…"), keys))
    return rows


def _add(menu: QMenu, a: dict[str, QAction], name: str | None) -> None:
    if name is None:
        menu.addSeparator()
    else:
        menu.addAction(a[name])
