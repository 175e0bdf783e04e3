"""Where the keyboard focus goes: the rules, in one place, and the code that applies them.

A reviewer's day is spent on the claims list: J and K move, a digit sets the
verdict, A accepts, D dismisses. Those keys only work while the focus is on
the list (in a text field they are text), so the focus comes back to it
whenever the reviewer is not typing:

1. The window starts with the focus on the claims list. The focus coming
   to the list never picks a claim by itself (Qt's item views make the first
   row current on focus-in); J picks the first.
2. After every import, and when any modal dialog of the window closes
   (Quote Passage, Open Session, Keyboard Shortcuts, a question...), the
   focus returns to the claims list.
3. Esc in any field of the window (address bar, claim filter, the editor's
   fields, the find bar) goes back to the claims list; what was typed in
   the editor is saved first. (The "Go to Claims List" action, Esc or Ctrl+1.)
4. Saving never moves the focus: the editor refreshes its fields in place,
   never disables or rewrites the field being typed in, and if a refresh
   takes the focus anyway it is put back (or, when that control is gone,
   on the claims list, never on the address bar).
5. No combo box or spin box changes on the mouse wheel unless it has the
   focus: the wheel scrolls the form around it instead, and only a click or
   Tab gives such a box the focus.
6. From the list, the keyboard reaches the editor without the mouse: R
   (or Ctrl+3) puts the cursor at the end of the current claim's rationale,
   and Tab leaves the list for the editor instead of walking its cells.
7. Each key sequence is bound to one action only (``actions.build_actions``
   refuses a second binding), so no shortcut is ambiguous and silently dead.

``install(window)`` applies rules 1, 2 (dialogs), 4 (its fallback) and 5 to
a window; the import calls ``FocusRules.to_claims_list`` when it is done;
rule 3 is the window's Esc action (``leave_field``). ``to_claims_list`` is
the one way the focus is sent to the list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

if TYPE_CHECKING:
    from workbench.gui.main_window import MainWindow

# Dynamic properties marking what is already taken care of.
_GUARDED = "workbenchWheelGuard"
_WATCHED = "workbenchFocusWatched"


def install(window: MainWindow) -> FocusRules:
    """Apply the focus rules to ``window`` (once its widgets and actions exist)."""
    return FocusRules(window)


def to_claims_list(window: MainWindow) -> None:
    """Put the focus on the claims list (rules 1 to 3)."""
    window.claims_panel.table.setFocus(Qt.FocusReason.OtherFocusReason)


def to_rationale(window: MainWindow) -> None:
    """Rule 6: type the rationale of the current claim, from the keyboard."""
    if window.editor.claim is None:
        return
    window.editor.setCurrentIndex(0)
    window.editor.rationale.setFocus(Qt.FocusReason.ShortcutFocusReason)
    window.editor.rationale.moveCursor(window.editor.rationale.textCursor().MoveOperation.End)


def leave_field(window: MainWindow) -> None:
    """Esc: save what was typed in the editor, then go back to the claims list (rule 3)."""
    window.editor.commit_pending()
    to_claims_list(window)


class WheelGuard(QObject):
    """Rule 5: a wheel turn over a box without the focus goes to the form around it."""

    def guard(self, root: QWidget) -> None:
        for box in root.findChildren(QComboBox) + root.findChildren(QAbstractSpinBox):
            if not box.property(_GUARDED):
                box.setProperty(_GUARDED, True)
                box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel must not give it the focus
                box.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if isinstance(event, QWheelEvent) and isinstance(watched, QWidget) and not watched.hasFocus():
            event.ignore()  # ignored: Qt hands the wheel to the parent, which scrolls
            return True
        return False


class FocusRules(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.wheel_guard = WheelGuard(self)
        self.wheel_guard.guard(window)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)
        window.find_bar.closed.connect(self.to_claims_list)
        window.message_bar.focus_released.connect(self.to_claims_list)
        window.editor.focus_released.connect(self.to_claims_list)
        window.editor.forms_built.connect(lambda: self.wheel_guard.guard(window.editor))  # built after the start
        window.claims_panel.table.installEventFilter(self)
        to_claims_list(window)  # rule 1 (a hidden window gives it to the list when first activated)

    def to_claims_list(self) -> None:
        to_claims_list(self.window)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or not shiboken6.isValid(self.window):
            return
        top = new.window()
        self.wheel_guard.guard(top)  # dialogs are built after the window: guard them as they come
        if top is not self.window and not top.property(_WATCHED) and _is_modal_dialog_of(top, self.window):
            top.setProperty(_WATCHED, True)
            top.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        table = self.window.claims_panel.table
        if watched is table and event.type() == QEvent.Type.FocusIn and not table.currentIndex().isValid():
            # Rule 1: skip the item view's focus-in, which would make the first claim current
            # (and scroll the article to it) without the reviewer asking; just repaint.
            table.update()
            table.viewport().update()
            return True
        if event.type() == QEvent.Type.Hide and isinstance(watched, QWidget) and watched.isWindow():
            # Rule 2, once Qt has finished closing the dialog (it restores the old focus first).
            QTimer.singleShot(0, self._after_dialog)
        return False

    def _after_dialog(self) -> None:
        if not shiboken6.isValid(self.window) or not self.window.isVisible():
            return
        if QApplication.activeModalWidget() is None:  # not when a dialog opened another one
            to_claims_list(self.window)


def _is_modal_dialog_of(top: QWidget, window: QWidget) -> bool:
    if top.windowModality() == Qt.WindowModality.NonModal:
        return False
    owner = top.parentWidget()
    while owner is not None:
        if owner is window:
            return True
        owner = owner.parentWidget()
    return False
