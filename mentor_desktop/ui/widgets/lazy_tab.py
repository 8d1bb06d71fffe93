"""A tab that builds its real content the first time it is shown or asked to act."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QShowEvent, QUndoStack
from PySide6.QtWidgets import QVBoxLayout

from mentor_desktop.settings import AppSettings
from mentor_desktop.ui.widgets.tab_page import TabPage


class LazyTab(TabPage):
    """Stands in for a tab until it is needed, so start-up pays only for the tab on screen.

    Signals:
        created(TabPage): the real tab was just built (the window adds its undo stack).
        status_message(str): relayed from the real tab.
    """

    created = Signal(object)

    def __init__(
        self,
        title: str,
        factory: Callable[[], TabPage],
        opens: tuple[str, ...] = (),
        warm: Callable[[], object] | None = None,
        commands: tuple[str, ...] = (),
    ) -> None:
        super().__init__()
        self.title = title
        self._commands = frozenset(commands)
        self._opens = opens
        self._factory = factory
        self._warm = warm
        self._tab: TabPage | None = None
        self._settings: AppSettings | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._file_actions: list[QAction] = []

    def add_file_action(
        self, text: str, name: str, tip: str, run: Callable[[TabPage], object]
    ) -> QAction:
        """A File-menu command that builds the tab if needed and runs `run(tab)`."""
        action = QAction(text, self)
        action.setObjectName(name)
        action.setStatusTip(tip)
        action.triggered.connect(lambda: run(self.tab()))
        self._file_actions.append(action)
        return action

    def file_actions(self) -> list[QAction]:
        return list(self._file_actions)

    @property
    def is_built(self) -> bool:
        return self._tab is not None

    def tab(self) -> TabPage:
        """The real tab, built now if it was not yet."""
        if self._tab is None:
            tab = self._factory()
            self._tab = tab
            self._layout.addWidget(tab)
            tab.status_message.connect(self.status_message)
            if self._settings is not None:
                tab.restore_state(self._settings)
            self.created.emit(tab)
        return self._tab

    def warm_up(self) -> None:
        """Load what the tab is built from (its modules, its service) without building it, so
        that its first visit is quick; the window calls this while the person reads."""
        if self._tab is None and self._warm is not None:
            warm, self._warm = self._warm, None
            warm()

    def showEvent(self, event: QShowEvent) -> None:
        self.tab()
        super().showEvent(event)

    def undo_stack(self) -> QUndoStack | None:
        return self._tab.undo_stack() if self._tab is not None else None

    def window_commands(self) -> frozenset[str]:
        """Those given (the real tab's once built, which must agree)."""
        return self._tab.window_commands() if self._tab is not None else self._commands

    def new_item(self) -> None:
        self.tab().new_item()

    def focus_search(self) -> None:
        self.tab().focus_search()

    def opens(self) -> tuple[str, ...]:
        return self._opens

    def open_item(self, kind: str, item_id: int) -> None:
        self.tab().open_item(kind, item_id)

    def print_document(self) -> bool:
        return self.tab().print_document()

    def flush(self) -> bool:
        return self._tab.flush() if self._tab is not None else True

    def unsaved_work(self) -> str:
        return self._tab.unsaved_work() if self._tab is not None else ""

    def save_state(self, settings: AppSettings) -> None:
        if self._tab is not None:
            self._tab.save_state(settings)

    def restore_state(self, settings: AppSettings) -> None:
        self._settings = settings
        if self._tab is not None:
            self._tab.restore_state(settings)
