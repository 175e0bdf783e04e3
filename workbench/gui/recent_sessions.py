"""File > Open Recent: the sessions the reviewer had open last, in any database, kept in the settings.

Each entry is one line, ``LOCATION<TAB>SESSION_ID<TAB>TITLE``, newest first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu

MAX_RECENT = 8
KEY = "recent/sessions"


def entries(settings: QSettings) -> list[tuple[str, int, str]]:
    """(database location, session id, title) of each remembered session, newest first."""
    found = []
    for line in _as_list(settings.value(KEY)):
        location, _, rest = str(line).partition("\t")
        sid, _, title = rest.partition("\t")
        if sid.isdigit():
            found.append((location, int(sid), title))
    return found


def remember(settings: QSettings, location: str, session_id: int, title: str) -> None:
    """The session first in the list (once), and its database the one to open next time."""
    kept = [(location, session_id, title)] + [e for e in entries(settings) if (e[0], e[1]) != (location, session_id)]
    settings.setValue(KEY, [f"{loc}\t{sid}\t{t}" for loc, sid, t in kept[:MAX_RECENT]])
    settings.setValue("database", location)


def fill_menu(menu: QMenu, settings: QSettings, here: str | None, open_recent: Callable[[str, int], None]) -> None:
    """The menu's entries; a session of another database than ``here`` says which."""
    menu.clear()
    for location, session_id, title in entries(settings):
        label = title if location == here else f"{title}  ({location})"
        menu.addAction(label, lambda loc=location, sid=session_id: open_recent(loc, sid))
    if menu.isEmpty():
        menu.addAction("No recent sessions").setEnabled(False)


def _as_list(value: object) -> list[object]:
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]
