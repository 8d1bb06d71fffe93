"""The base every main-window tab derives from."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QWidget

from mentor_desktop.settings import AppSettings

#: Window command -> the TabPage method that carries it out.
_COMMANDS = {"new": "new_item", "find": "focus_search", "print": "print_document"}


class TabPage(QWidget):
    """A tab: a controller that wires its view to the services it was given.

    Signals:
        status_message(str): a short message for the status bar.
    """

    status_message = Signal(str)

    #: The tab's label; also its accessible name.
    title = ""

    def window_commands(self) -> frozenset[str]:
        """The window commands this tab answers: "new", "find", "print" (the others are
        disabled while it is current). By default, those whose method the tab overrides."""
        cls = type(self)
        return frozenset(
            name
            for name, method in _COMMANDS.items()
            if getattr(cls, method) is not getattr(TabPage, method)
        )

    def undo_stack(self) -> QUndoStack | None:
        """The tab's undo history (None when the tab has nothing to undo)."""
        return None

    def new_item(self) -> None:
        """File > New while this tab is current."""

    def focus_search(self) -> None:
        """Edit > Find while this tab is current."""

    def print_document(self) -> bool:
        """File > Print while this tab is current; False when the tab has nothing to print."""
        return False

    def file_actions(self) -> list[QAction]:
        """Commands of this tab that the window lists in the File menu."""
        return []

    def opens(self) -> tuple[str, ...]:
        """The ItemKind names this tab can open (see `open_item`)."""
        return ()

    def open_item(self, kind: str, item_id: int) -> None:
        """Show the item `item_id` of ItemKind `kind`; only called for kinds in `opens()`."""

    def flush(self) -> bool:
        """Save anything still pending (before the window closes or the data is replaced).

        True when everything is saved; False when something could not be (see `unsaved_work`).
        """
        return True

    def unsaved_work(self) -> str:
        """What `flush` could not save, and why ("" when everything is saved)."""
        return ""

    def save_state(self, settings: AppSettings) -> None:
        """Remember splitters and filters."""

    def restore_state(self, settings: AppSettings) -> None:
        """Put back what `save_state` remembered."""
