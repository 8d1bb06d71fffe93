"""The one channel through which a change made in one tab reaches the others."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class ChangeKind:
    """Names for what changed; a tab reloads what depends on them."""

    GOALS = "goals"
    JOURNAL = "journal"
    SESSIONS = "sessions"
    MENTORSHIP = "mentorship"


class ChangeBus(QObject):
    """Broadcasts that data changed.

    Signals:
        changed(str): a ChangeKind name; emitted after the change is committed.
    """

    changed = Signal(str)
