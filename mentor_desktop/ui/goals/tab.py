"""The Goals tab controller: loads the goal tree, follows the selection and the bus, and
hands edits to its sub-controllers (`tree_edits` for the tree, `resources` for the resource
panel), which share `editing` (undo steps, dialogs, errors)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QVBoxLayout

from mentor_desktop.domain.errors import NotFoundError
from mentor_desktop.domain.models import Goal, GoalKind, GoalStatus, Milestone, Step
from mentor_desktop.services.goals import GoalService
from mentor_desktop.settings import AppSettings
from mentor_desktop.ui.bus import Change, ChangeBus, ChangeKind, ItemKind
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.errors import ErrorReporter
from mentor_desktop.ui.goals.tree_menu import GoalTreeMenu
from mentor_desktop.ui.goals.view import GoalsView
from mentor_desktop.ui.models.goal_tree import GoalTreeModel, NodeKey, NodeKind
from mentor_desktop.ui.models.recalibrations import RecalibrationTableModel
from mentor_desktop.ui.models.resources import ResourceTableModel
from mentor_desktop.ui.widgets.tab_page import TabPage

if TYPE_CHECKING:
    from mentor_desktop.ui.goals.editing import AnyGoalDialog, GoalEditing
    from mentor_desktop.ui.goals.resources import ResourceEdits
    from mentor_desktop.ui.goals.tree_edits import GoalTreeEdits


class GoalsTab(TabPage):
    """Goals, milestones, steps, recalibrations and resources; every edit is undoable.

    Its own edits update the rows of the goal they changed and are announced on the bus
    (with this tab as their origin, so it does not reload for them); a goals change from
    elsewhere updates the goals it names, or reloads when it names none.

    Signals: inherits `status_message(str)` from TabPage.
    """

    title = "Goals"

    def __init__(
        self,
        goals: GoalService,
        bus: ChangeBus,
        dialogs: Dialogs,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__()
        self._goals = goals
        self._bus = bus
        self._dialogs = dialogs
        self._today = today
        self._undo = QUndoStack(self)
        self._expanded: set[NodeKey] | None = None
        #: How often the whole tree was read again, and how often one goal (for tests).
        self.reload_count = 0
        self.goal_refresh_count = 0

        self.view = GoalsView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.model = GoalTreeModel(today(), self)
        self.view.tree.setModel(self.model)
        self.view.size_columns()
        self.history_model = RecalibrationTableModel(self)
        self.view.details.history_view.setModel(self.history_model)
        self.resource_model = ResourceTableModel(self)
        self.view.details.resource_view.setModel(self.resource_model)
        self.view.details.size_columns()
        self.errors = ErrorReporter(dialogs, self)
        # The editors are built (and their modules imported) on the first edit, so showing
        # the goals at start-up does not pay for them.
        self._editing: GoalEditing | None = None
        self._tree_edits: GoalTreeEdits | None = None
        self._resources: ResourceEdits | None = None
        self._connect()
        self.tree_menu = GoalTreeMenu(self)  # right-click on the tree; Recalibrate… buttons
        self.reload()

    # ---------------------------------------------------------------- sub-controllers

    @property
    def editing(self) -> GoalEditing:
        """What the editors share: undo steps, dialogs, errors (built on first use)."""
        if self._editing is None:
            from mentor_desktop.ui.goals.editing import GoalEditing

            self._editing = GoalEditing(
                self, self._goals, self._dialogs, self._undo, self._today, self.show_goal,
                self._announce, self.status_message.emit,
            )  # fmt: skip
        return self._editing

    @property
    def tree_edits(self) -> GoalTreeEdits:
        """The controller of edits in the goal tree (built on first use)."""
        if self._tree_edits is None:
            from mentor_desktop.ui.goals.tree_edits import GoalTreeEdits

            self._tree_edits = GoalTreeEdits(
                self.view, self.model, self.editing, self.select,
                lambda goal_id: self.open_item(ItemKind.GOAL, goal_id),
            )  # fmt: skip
        return self._tree_edits

    @property
    def resources(self) -> ResourceEdits:
        """The controller of the resource panel's edits (built on first use)."""
        if self._resources is None:
            from mentor_desktop.ui.goals.resources import ResourceEdits

            self._resources = ResourceEdits(
                self.view.details, self.resource_model, self.editing, self.current_goal
            )
        return self._resources

    def _connect(self) -> None:
        v = self.view
        reload = self.errors.guard("Could not read the goals", self.reload)
        v.kind_filter.currentIndexChanged.connect(lambda _index: reload())
        v.status_filter.currentIndexChanged.connect(lambda _index: reload())
        v.text_filter.textChanged.connect(lambda _text: reload())
        v.new_goal_button.clicked.connect(self.new_item)
        v.add_milestone_button.clicked.connect(lambda: self.tree_edits.add_milestone())
        v.add_step_button.clicked.connect(lambda: self.tree_edits.add_step())
        v.edit_button.clicked.connect(lambda: self.tree_edits.edit_selected())
        v.done_button.clicked.connect(lambda: self.tree_edits.toggle_done_selected())
        v.delete_button.clicked.connect(lambda: self.tree_edits.delete_selected())
        v.up_button.clicked.connect(lambda: self.tree_edits.move_selected(-1))
        v.down_button.clicked.connect(lambda: self.tree_edits.move_selected(+1))
        v.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        v.tree.doubleClicked.connect(self._on_double_clicked)
        v.details.edit_goal_button.clicked.connect(lambda: self.tree_edits.edit_current_goal())
        v.details.add_resource_button.clicked.connect(lambda: self.resources.add())
        v.details.edit_resource_button.clicked.connect(lambda: self.resources.edit())
        v.details.delete_resource_button.clicked.connect(lambda: self.resources.delete())
        v.details.resource_view.doubleClicked.connect(lambda _i: self.resources.edit())
        v.details.resource_view.selectionModel().currentChanged.connect(self._update_buttons)
        self.model.step_done_requested.connect(lambda i, d: self.tree_edits.set_step_done(i, d))
        self.model.milestone_done_requested.connect(
            lambda i, done: self.tree_edits.set_milestone_done(i, done)
        )
        self.model.step_rename_requested.connect(
            lambda step_id, title: self.tree_edits.rename_step(step_id, title)
        )
        v.tree.installEventFilter(self)
        self._bus.changed.connect(
            self.errors.guard("Could not show the goals", self._on_bus_changed)
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Keys on the tree: Delete, Enter to edit, Ctrl+Up/Down to reorder."""
        key_press = event.type() == QEvent.Type.KeyPress
        if watched is self.view.tree and key_press and isinstance(event, QKeyEvent):
            key_event = event
            key, mods = key_event.key(), key_event.modifiers()
            ctrl = mods & Qt.KeyboardModifier.ControlModifier
            if key_event.matches(QKeySequence.StandardKey.Delete):
                self.tree_edits.delete_selected()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not ctrl:
                self.tree_edits.edit_selected()
                return True
            if ctrl and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.tree_edits.move_selected(-1 if key == Qt.Key.Key_Up else +1)
                return True
        return super().eventFilter(watched, event)

    # ---------------------------------------------------------------- TabPage

    def undo_stack(self) -> QUndoStack:
        return self._undo

    def new_item(self) -> None:
        self.tree_edits.new_goal()

    def focus_search(self) -> None:
        self.view.text_filter.setFocus()
        self.view.text_filter.selectAll()

    def save_state(self, settings: AppSettings) -> None:
        settings.set_state_bytes("goals/splitter", self.view.splitter.saveState())
        settings.set_state_text("goals/kind_filter", self.view.kind_filter.currentData() or "")
        settings.set_state_text("goals/status_filter", self.view.status_filter.currentData() or "")

    def restore_state(self, settings: AppSettings) -> None:
        splitter = settings.state_bytes("goals/splitter")
        if splitter is not None:
            self.view.splitter.restoreState(splitter)
        for combo, key in (
            (self.view.kind_filter, "goals/kind_filter"),
            (self.view.status_filter, "goals/status_filter"),
        ):
            index = combo.findData(settings.state_text(key)) if settings.state_text(key) else 0
            combo.setCurrentIndex(max(0, index))

    # ---------------------------------------------------------------- loading

    def _filters(self) -> tuple[list[GoalKind] | None, list[GoalStatus] | None]:
        kind = self.view.kind_filter.currentData()
        status = self.view.status_filter.currentData()
        return (
            [GoalKind(kind)] if kind else None,
            [GoalStatus(status)] if status else None,
        )

    def reload(self) -> None:
        """Read the goals again and keep what was expanded and selected."""
        self.reload_count += 1
        tree = self.view.tree
        current = self.model.key_at(tree.currentIndex())
        if self._expanded is not None:
            self._expanded = {
                key for key in self._all_keys() if tree.isExpanded(self.model.index_for(key))
            }
        kinds, statuses = self._filters()
        goals = self._goals.list_goals(kinds, statuses)
        words = self.view.text_filter.text().strip()
        if words:
            goals = [goal for goal in goals if goal.mentions(words)]
        self.model.set_goals(goals)
        if self._expanded is None:  # first load: open active goals
            self._expanded = {(NodeKind.GOAL, g.id) for g in goals if g.status is GoalStatus.ACTIVE}
        for key in self._expanded:
            index = self.model.index_for(key)
            if index.isValid():
                tree.setExpanded(index, True)
        self.view.set_empty(not goals, filtered=bool(kinds or statuses or words))
        if current is not None:
            self.select(current)
        self._show_details()
        self._update_buttons()

    def add_later_goals(self, goals: list[Goal], first_ids: list[int]) -> bool:
        """Show `goals` below the first screen's goals (`first_ids`, in order), opening the
        active ones as the first load does. False (and nothing changed) when the tree shows
        anything else by now: whatever changed it read every goal again."""
        shown = [goal.id for goal in self.model.goals()]
        kinds, statuses = self._filters()
        if shown != first_ids or kinds or statuses or self.view.text_filter.text().strip():
            return False
        self.model.add_goals(goals)
        opened = {(NodeKind.GOAL, g.id) for g in goals if g.status is GoalStatus.ACTIVE}
        self._expanded = (self._expanded or set()) | opened
        for key in opened:
            self.view.tree.setExpanded(self.model.index_for(key), True)
        return True

    def _all_keys(self) -> list[NodeKey]:
        keys: list[NodeKey] = []
        for goal in self.model.goals():
            keys.append((NodeKind.GOAL, goal.id))
            keys.extend((NodeKind.MILESTONE, m.id) for m in goal.milestones)
        return keys

    def select(self, key: NodeKey) -> bool:
        """Select the row for `key` (or its nearest shown parent); True if it was found."""
        index = self.model.index_for(key)
        if not index.isValid():
            return False
        tree = self.view.tree
        parent = index.parent()
        while parent.isValid():
            tree.setExpanded(parent, True)
            parent = parent.parent()
        tree.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        tree.scrollTo(index)
        return True

    def opens(self) -> tuple[str, ...]:
        return (ItemKind.GOAL, ItemKind.MILESTONE)

    def open_item(self, kind: str, item_id: int) -> None:
        """Select a goal or milestone, clearing filters that would hide it."""
        key = (NodeKind.GOAL if kind == ItemKind.GOAL else NodeKind.MILESTONE, item_id)
        if not self.select(key):
            self.view.text_filter.clear()
            self.view.kind_filter.setCurrentIndex(0)
            self.view.status_filter.setCurrentIndex(0)
            self.select(key)
        self.view.tree.setFocus()

    def _on_bus_changed(self, change: Change) -> None:
        if change.kind == ChangeKind.DATA_REPLACED:
            self._undo.clear()  # its steps refer to the data that was replaced
            self.reload()
        elif change.kind == ChangeKind.GOALS and change.origin is not self:
            if not change.ids:
                self.reload()
            for goal_id in change.ids:
                self.show_goal(goal_id)

    def _announce(self, goal_id: int | None) -> None:
        ids = () if goal_id is None else (goal_id,)
        self._bus.announce(ChangeKind.GOALS, self, ids=ids)

    def show_goal(self, goal_id: int | None) -> None:
        """Show goal `goal_id` as stored now, updating only its rows; reloads everything when
        it is None, new, gone or no longer passes the filters (the tree's shape changes)."""
        goal = self._fetch_shown(goal_id)
        if goal is None or goal_id is None:
            self.reload()
            return
        tree = self.view.tree
        current = self.model.key_at(tree.currentIndex())
        old = next(g for g in self.model.goals() if g.id == goal_id)
        expanded = {
            (NodeKind.MILESTONE, m.id)
            for m in old.milestones
            if tree.isExpanded(self.model.index_for((NodeKind.MILESTONE, m.id)))
        }
        goal_open = tree.isExpanded(self.model.index_for((NodeKind.GOAL, goal_id)))
        self.goal_refresh_count += 1
        self.model.replace_goal(goal)
        if goal_open:
            tree.setExpanded(self.model.index_for((NodeKind.GOAL, goal_id)), True)
        for key in expanded:
            index = self.model.index_for(key)
            if index.isValid():
                tree.setExpanded(index, True)
        if current is not None and self.model.key_at(tree.currentIndex()) != current:
            self.select(current) or self.select((NodeKind.GOAL, goal_id))
        self._show_details()
        self._update_buttons()

    def _fetch_shown(self, goal_id: int | None) -> Goal | None:
        """Goal `goal_id` as stored, if it is shown and still passes the filters."""
        shown = goal_id is not None and self.model.index_for((NodeKind.GOAL, goal_id)).isValid()
        if goal_id is None or not shown:
            return None
        try:
            goal = self._goals.get_goal(goal_id)
        except NotFoundError:
            return None
        return goal if self._passes_filters(goal) else None

    def _passes_filters(self, goal: Goal) -> bool:
        kinds, statuses = self._filters()
        words = self.view.text_filter.text().strip()
        return (
            (not kinds or goal.kind in kinds)
            and (not statuses or goal.status in statuses)
            and (not words or goal.mentions(words))
        )

    # ---------------------------------------------------------------- selection

    @property
    def active_dialog(self) -> AnyGoalDialog | None:
        """The goal, milestone, step or resource dialog open now, if any."""
        return self._editing.active_dialog if self._editing else None

    def current_item(self) -> Goal | Milestone | Step | None:
        return self.model.item_at(self.view.tree.currentIndex())

    def current_goal(self) -> Goal | None:
        return self.model.goal_of(self.view.tree.currentIndex())

    def _on_current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_details()
        self._update_buttons()

    def _on_double_clicked(self, index: QModelIndex) -> None:
        key = self.model.key_at(index)
        if key and key[0] is not NodeKind.STEP:
            self.tree_edits.edit_selected()

    def _show_details(self) -> None:
        goal = self.current_goal()
        self.view.details.show_goal(goal, self.model.overdue_days(goal))
        self.history_model.set_rows(goal.changes if goal else ())
        self.resource_model.set_rows(goal.resources if goal else ())
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.view.enable_for(self.current_item())

    # ---------------------------------------------------------------- edits (for the menus)

    def new_goal(self) -> None:
        self.tree_edits.new_goal()

    def edit_selected(self) -> None:
        self.tree_edits.edit_selected()

    def delete_selected(self) -> None:
        self.tree_edits.delete_selected()
