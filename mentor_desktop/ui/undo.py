"""Undo commands that call services: the first redo is skipped (the work is already done)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from mentor_desktop.domain.errors import MentorDesktopError


class ServiceCommand(QUndoCommand):
    """An edit already applied through a service, undone and redone by two callables.

    `after` runs after every undo and redo (the tab reloads and broadcasts the change);
    `on_error` receives a failure (for example a record deleted meanwhile).
    """

    def __init__(
        self,
        text: str,
        redo: Callable[[], None],
        undo: Callable[[], None],
        after: Callable[[], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        super().__init__(text)
        self._redo = redo
        self._undo = undo
        self._after = after
        self._on_error = on_error
        self._applied = True

    def redo(self) -> None:
        if self._applied:  # pushed right after the service call that did the work
            self._applied = False
            return
        self._run(self._redo)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, action: Callable[[], None]) -> None:
        try:
            action()
        except MentorDesktopError as exc:
            self._on_error(exc)
        self._after()
