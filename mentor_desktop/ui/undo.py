"""Undo commands that call services: the first redo is skipped (the work is already done)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoCommand, QUndoStack


class ServiceCommand(QUndoCommand):
    """An edit already applied through a service, undone and redone by two callables.

    `after` runs after every undo and redo (the tab reloads and broadcasts the change);
    `on_error` receives any failure (a record deleted meanwhile, the database locked...). The
    service call ran in one transaction, so a failure changed nothing in the database.
    """

    def __init__(
        self,
        text: str,
        redo: Callable[[], object],
        undo: Callable[[], object],
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

    def _run(self, action: Callable[[], object]) -> None:
        try:
            action()
        except Exception as exc:  # reported, never raised out of a Qt override
            self._on_error(exc)
        self._after()


def report_and_forget(
    stack: QUndoStack, show: Callable[[str], None]
) -> Callable[[Exception], None]:
    """A ServiceCommand error handler: say what went wrong, then clear `stack`.

    After a step that could not be undone or redone, the steps around it no longer match the
    data; clearing the history keeps them from acting on the wrong records.
    """

    def handle(exc: Exception) -> None:
        show(
            f"{exc}\n\nNothing was changed. The undo history was cleared so that no further "
            "step acts on records that no longer match."
        )
        QTimer.singleShot(0, stack.clear)

    return handle
