"""The one channel through which a change made in one tab reaches the others.

A change says what changed (a ChangeKind name), who changed it (its origin: the tab or
controller that made it, or EXTERNAL when it came from outside the window, such as the
command line) and, where known, the ids of the records it touched:

    bus.announce(ChangeKind.GOALS, self, ids=(goal.id,))

    def _on_changed(self, change: Change) -> None:
        if change.origin is self:
            return                      # this tab already shows its own edit
        if change.kind == ChangeKind.GOALS and change.ids: ...   # update just those rows
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

#: The origin of a change made outside this window (the command line, another program).
EXTERNAL = "external"


class ChangeKind:
    """Names for what changed; a tab reloads what depends on them."""

    GOALS = "goals"
    JOURNAL = "journal"
    SESSIONS = "sessions"
    MENTORSHIP = "mentorship"
    #: Practice, skills or opportunities (the Growth tab).
    GROWTH = "growth"
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
    #: Opens the session it was agreed in, with the item selected.
    ACTION_ITEM = "action_item"
    PRACTICE = "practice"
    SKILL = "skill"
    OPPORTUNITY = "opportunity"


@dataclass(frozen=True)
class Change:
    """One committed change: its ChangeKind name, who made it, and the ids it touched.

    `ids` is empty when they are not known (or too many to list): reload what depends on
    `kind` then. `origin` is compared by identity (`change.origin is self`).
    """

    kind: str
    origin: object = EXTERNAL
    ids: tuple[int, ...] = ()


class ChangeBus(QObject):
    """Broadcasts that data changed, and asks for an item to be shown in its own tab.

    Signals:
        changed(object): a Change (kind, origin, ids); emitted after it is committed.
        open_requested(str, int): an ItemKind name and an id; the window switches to the tab
            that shows that kind of item and asks it to open the item.
    """

    changed = Signal(object)
    open_requested = Signal(str, int)

    def announce(self, kind: str, origin: object, ids: Iterable[int] = ()) -> None:
        """Tell every subscriber that `origin` changed records of `kind` (`ids` if known)."""
        self.changed.emit(Change(kind, origin, tuple(ids)))
