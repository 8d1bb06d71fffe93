"""The goal tree's right-click menu, and the Recalibrate… command for overdue dates."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

from mentor_desktop.domain.models import Goal, Milestone
from mentor_desktop.ui.widgets.context_menu import ContextMenu, Entry, command, from_button

if TYPE_CHECKING:
    from mentor_desktop.ui.goals.tab import GoalsTab


class GoalTreeMenu:
    """Right-click on a goal, milestone or step: the commands of the buttons above the tree,
    Recalibrate… for a goal or milestone (its date moves, the reason is kept), then Undo and
    Redo. The goal panel's Recalibrate… button (shown while a goal is overdue) is wired here.

    Not a QObject: it has no signals.
    """

    def __init__(self, tab: GoalsTab) -> None:
        self._tab = tab
        self.menu = ContextMenu(tab.view.tree, self.entries)
        tab.view.details.recalibrate_button.clicked.connect(self.recalibrate_goal)

    def entries(self, menu: QMenu) -> list[Entry]:
        v = self._tab.view
        item = self._tab.current_item()
        late = self._tab.model.overdue_days(item)
        recalibrate = command(
            "Re&calibrate…",
            lambda: self._tab.tree_edits.recalibrate_selected(),
            menu,
            enabled=isinstance(item, Goal | Milestone),
        )
        recalibrate.setObjectName("menu_recalibrate")
        recalibrate.setStatusTip("Move the date and say why (the history keeps it)")
        buttons = [from_button(b, menu) for b in (v.edit_button, v.done_button)]
        entries: list[Entry] = [*buttons, recalibrate, None]
        if late:  # the overdue one: the recalibration is what it needs first
            entries = [recalibrate, None, *buttons, None]
        adds = (v.add_milestone_button, v.add_step_button)
        moves = (v.up_button, v.down_button, v.delete_button)
        return [
            *entries,
            *(from_button(b, menu) for b in adds),
            None,
            *(from_button(b, menu) for b in moves),
            None,
            from_button(v.new_goal_button, menu),
        ]

    def recalibrate_goal(self) -> None:
        """Move the target date of the goal shown in the panel."""
        goal = self._tab.current_goal()
        if goal is not None:
            self._tab.tree_edits.edit_goal(goal, recalibrate=True)

