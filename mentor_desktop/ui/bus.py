"""The one channel through which a change made in one tab reaches the others."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class ChangeKind:
    """Names for what changed; a tab reloads what depends on them."""

    GOALS = "goals"
    JOURNAL = "journal"
    SESSIONS = "sessions"
    MENTORSHIP = "mentorship"
    #: Everything was replaced at once (a backup restored): every tab reloads all it shows
    #: from the database and drops unsaved changes without saving them (the window saved
    #: them before the data was replaced).
    DATA_REPLACED = "data_replaced"


class ItemKind:
    """Names for what can be opened in its own tab (see ChangeBus.open_requested)."""

    GOAL = "goal"
    MILESTONE = "milestone"
    JOURNAL_ENTRY = "journal_entry"
    SESSION = "session"


class ChangeBus(QObject):
    """Broadcasts that data changed, and asks for an item to be shown in its own tab.

    Signals:
        changed(str): a ChangeKind name; emitted after the change is committed.
        open_requested(str, int): an ItemKind name and an id; the window switches to the tab
            that shows that kind of item and asks it to open the item.
    """

    changed = Signal(str)
    open_requested = Signal(str, int)
