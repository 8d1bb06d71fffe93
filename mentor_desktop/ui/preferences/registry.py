"""The pages Preferences shows, and the Edit > Preferences… action that opens them.

The dialog's module is imported when it first opens: the window builds this registry
before its first paint, and areas add their pages to it (`add_page`) as they start.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from mentor_desktop.ui.preferences.page import PreferencesPage

if TYPE_CHECKING:
    from mentor_desktop.ui.preferences.dialog import PreferencesDialog

PageFactory = Callable[[], PreferencesPage]


@dataclass(frozen=True)
class _Entry:
    title: str
    factory: PageFactory
    order: int


class PreferencesRegistry(QObject):
    """The pages Preferences shows, and the Edit > Preferences… action that opens it.

    Signals: `applied` after the dialog saved every page.
    """

    applied = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._entries: list[_Entry] = []
        self.action = QAction("Pr&eferences…", parent)
        self.action.setObjectName("action_preferences")
        self.action.setShortcuts(QKeySequence.StandardKey.Preferences)
        self.action.setStatusTip("Your name, theme, paper, backups and more")
        self.action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.action.triggered.connect(lambda: self.open())

    def add_page(self, title: str, factory: PageFactory, order: int = 100) -> None:
        """Show the page `factory()` builds under `title`, placed by `order` (General: 0)."""
        self._entries.append(_Entry(title, factory, order))
        self._entries.sort(key=lambda entry: entry.order)

    def titles(self) -> list[str]:
        return [entry.title for entry in self._entries]

    def dialog(self) -> PreferencesDialog:
        """A new dialog with freshly built pages (showing the saved values)."""
        from mentor_desktop.ui.preferences.dialog import PreferencesDialog

        dialog = PreferencesDialog(self._parent)
        for entry in self._entries:
            page = entry.factory()
            page.title = entry.title
            dialog.add_page(page)
        dialog.applied.connect(self.applied)
        return dialog

    def open(self, page: str | None = None) -> PreferencesDialog:
        """Show the dialog (modal, not blocking), on `page` when given."""
        dialog = self.dialog()
        if page is not None:
            dialog.show_page(page)
        dialog.setModal(True)
        dialog.finished.connect(dialog.deleteLater)
        dialog.show()
        return dialog
