"""The Goals tab controller."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from mentor_desktop.services.goals import GoalService
from mentor_desktop.ui.bus import ChangeBus
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.widgets.tab_page import TabPage


class GoalsTab(TabPage):
    """Goals, milestones and steps.

    Signals: inherits `status_message(str)` from TabPage.
    """

    title = "Goals"

    def __init__(self, goals: GoalService, bus: ChangeBus, dialogs: Dialogs) -> None:
        super().__init__()
        self._goals = goals
        self._bus = bus
        self._dialogs = dialogs
        self._undo = QUndoStack(self)

    def undo_stack(self) -> QUndoStack:
        return self._undo
