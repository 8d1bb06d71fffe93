"""What the Goals tab's editors share: the undo stack, dialogs, errors and showing a change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from mentor_desktop.domain.dates import date_text
from mentor_desktop.domain.errors import MentorDesktopError, ValidationError
from mentor_desktop.services.goals import GoalService
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.errors import ErrorReporter
from mentor_desktop.ui.goals.dialogs import GoalDialog, MilestoneDialog, ResourceDialog, StepDialog
from mentor_desktop.ui.undo import ServiceCommand, report_and_forget

AnyGoalDialog = GoalDialog | MilestoneDialog | ResourceDialog | StepDialog
R = TypeVar("R")


def quoted(title: str, limit: int = 40) -> str:
    """`title` in quotes for messages and undo texts, cut to `limit` characters."""
    return f"“{title if len(title) <= limit else title[: limit - 1] + '…'}”"


class GoalEditing:
    """Records edits made through GoalService as undo steps and shows what they changed.

    `show(goal_id)` puts goal `goal_id` on screen again as the database holds it (None:
    everything may have changed); `announce(goal_id)` tells the other tabs. Not a QObject:
    it has no signals.
    """

    def __init__(
        self,
        parent: QWidget,
        goals: GoalService,
        dialogs: Dialogs,
        undo: QUndoStack,
        today: Callable[[], date],
        show: Callable[[int | None], None],
        announce: Callable[[int | None], None],
        status: Callable[[str], None],
    ) -> None:
        self.parent = parent
        self.goals = goals
        self.dialogs = dialogs
        self.undo = undo
        self.today = today
        self.errors = ErrorReporter(dialogs, parent)
        self.show = show
        self._announce = announce
        self._status = status
        self.active_dialog: AnyGoalDialog | None = None

    def push(
        self,
        text: str,
        redo: Callable[[], object],
        undo: Callable[[], object],
        goal_id: int | None,
    ) -> None:
        """Record an edit of goal `goal_id` just made through the service, then show it."""
        self.undo.push(
            ServiceCommand(
                text,
                redo=lambda: redo() and None,
                undo=lambda: undo() and None,
                after=lambda: self._changed(goal_id),
                on_error=report_and_forget(
                    self.undo, lambda text: self.dialogs.error(self.parent, "Could not undo", text)
                ),
            )
        )
        self._changed(goal_id)
        self._status(f"{text}. Undo with Ctrl+Z.")

    def _changed(self, goal_id: int | None) -> None:
        self.show(goal_id)
        self._announce(goal_id)

    def run(self, action: Callable[[], R]) -> R | None:
        """Run a service call outside a dialog; a refusal is shown, never raised (None)."""
        try:
            return action()
        except ValidationError as exc:
            self.dialogs.error(self.parent, "Not saved", "\n".join(exc.errors.values()))
        except MentorDesktopError as exc:
            self.errors.show("Could not change goals", exc)
            self.show(None)
        return None

    def open_dialog(self, dialog: AnyGoalDialog, closed: Callable[[], None]) -> None:
        """Open `dialog` (window-modal); `closed` runs when it closes."""
        self.active_dialog = dialog
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog, closed))
        dialog.open()

    def _dialog_closed(self, dialog: AnyGoalDialog, closed: Callable[[], None]) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None
        closed()

    def ask_reason(self, what: str, old: date, new: date | None) -> str:
        """Ask why a date moved; raises an empty ValidationError (stay in the dialog) on Cancel."""
        moved_to = date_text(new, empty="no date")
        answer = self.dialogs.ask_text(
            self.parent,
            "Why did the date move?",
            f"{what} moves from {date_text(old)} to {moved_to}.\n"
            "Why? (optional, kept in the recalibration history)",
        )
        if answer is None:
            raise ValidationError({})
        return answer
