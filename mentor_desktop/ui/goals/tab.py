"""The Goals tab controller: wires the view to GoalService through undoable commands."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QVBoxLayout

from mentor_desktop.domain import rules
from mentor_desktop.domain.errors import MentorDesktopError, ValidationError
from mentor_desktop.domain.models import (
    Goal,
    GoalDraft,
    GoalKind,
    GoalStatus,
    Milestone,
    MilestoneDraft,
    ResourceDraft,
    Step,
)
from mentor_desktop.services.goals import GoalService
from mentor_desktop.settings import AppSettings
from mentor_desktop.ui.bus import Change, ChangeBus, ChangeKind, ItemKind
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.goals.dialogs import GoalDialog, MilestoneDialog, ResourceDialog
from mentor_desktop.ui.goals.view import GoalsView
from mentor_desktop.ui.models.goal_tree import GoalTreeModel, NodeKey, NodeKind
from mentor_desktop.ui.models.recalibrations import RecalibrationTableModel
from mentor_desktop.ui.models.resources import ResourceTableModel
from mentor_desktop.ui.undo import ServiceCommand, report_and_forget
from mentor_desktop.ui.widgets.tab_page import TabPage


def _quoted(title: str, limit: int = 40) -> str:
    return f"“{title if len(title) <= limit else title[: limit - 1] + '…'}”"


class GoalsTab(TabPage):
    """Goals, milestones, steps, recalibrations and resources; every edit is undoable.

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
        self.active_dialog: GoalDialog | MilestoneDialog | ResourceDialog | None = None

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
        self._connect()
        self.reload()

    def _connect(self) -> None:
        v = self.view
        v.kind_filter.currentIndexChanged.connect(self.reload)
        v.status_filter.currentIndexChanged.connect(self.reload)
        v.text_filter.textChanged.connect(self.reload)
        v.new_goal_button.clicked.connect(self.new_item)
        v.add_milestone_button.clicked.connect(self.add_milestone)
        v.add_step_button.clicked.connect(self.add_step)
        v.edit_button.clicked.connect(self.edit_selected)
        v.done_button.clicked.connect(self.toggle_done_selected)
        v.delete_button.clicked.connect(self.delete_selected)
        v.up_button.clicked.connect(lambda: self.move_selected(-1))
        v.down_button.clicked.connect(lambda: self.move_selected(+1))
        v.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        v.tree.doubleClicked.connect(self._on_double_clicked)
        v.details.edit_goal_button.clicked.connect(self._edit_current_goal)
        v.details.add_resource_button.clicked.connect(self.add_resource)
        v.details.edit_resource_button.clicked.connect(self.edit_resource)
        v.details.delete_resource_button.clicked.connect(self.delete_resource)
        v.details.resource_view.doubleClicked.connect(lambda _i: self.edit_resource())
        v.details.resource_view.selectionModel().currentChanged.connect(self._update_buttons)
        self.model.step_done_requested.connect(self.set_step_done)
        self.model.milestone_done_requested.connect(self.set_milestone_done)
        self.model.step_rename_requested.connect(self.rename_step)
        v.tree.installEventFilter(self)
        self._bus.changed.connect(self._on_bus_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Keys on the tree: Delete, Enter to edit, Ctrl+Up/Down to reorder."""
        if watched is self.view.tree and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            key, mods = key_event.key(), key_event.modifiers()
            ctrl = mods & Qt.KeyboardModifier.ControlModifier
            if key_event.matches(QKeySequence.StandardKey.Delete):
                self.delete_selected()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not ctrl:
                self.edit_selected()
                return True
            if ctrl and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_selected(-1 if key == Qt.Key.Key_Up else +1)
                return True
        return super().eventFilter(watched, event)

    # ---------------------------------------------------------------- TabPage

    def undo_stack(self) -> QUndoStack:
        return self._undo

    def new_item(self) -> None:
        self.new_goal()

    def find(self) -> None:
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
        kind = change.kind
        if kind == ChangeKind.DATA_REPLACED:
            self._undo.clear()  # its steps refer to the data that was replaced
            self.reload()
        elif kind == ChangeKind.GOALS and self.sender() is not self:
            self.reload()

    # ---------------------------------------------------------------- selection

    def current_item(self) -> Goal | Milestone | Step | None:
        return self.model.item_at(self.view.tree.currentIndex())

    def current_goal(self) -> Goal | None:
        return self.model.goal_of(self.view.tree.currentIndex())

    def _current_milestone(self) -> Milestone | None:
        item = self.current_item()
        if isinstance(item, Milestone):
            return item
        if isinstance(item, Step):
            goal = self.current_goal()
            if goal is not None:
                return next((m for m in goal.milestones if m.id == item.milestone_id), None)
        return None

    def _on_current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_details()
        self._update_buttons()

    def _on_double_clicked(self, index: QModelIndex) -> None:
        if self.model.key_at(index) and self.model.key_at(index)[0] is not NodeKind.STEP:
            self.edit_selected()

    def _show_details(self) -> None:
        goal = self.current_goal()
        self.view.details.show_goal(goal)
        self.history_model.set_rows(goal.changes if goal else ())
        self.resource_model.set_rows(goal.resources if goal else ())
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.current_item()
        v = self.view
        v.add_milestone_button.setEnabled(item is not None)
        v.add_step_button.setEnabled(isinstance(item, Milestone | Step))
        for button in (v.edit_button, v.done_button, v.delete_button, v.up_button, v.down_button):
            button.setEnabled(item is not None)
        if isinstance(item, Goal):
            v.done_button.setText(
                "Mark not achieved" if item.status is GoalStatus.ACHIEVED else "Mark achieved"
            )
        elif isinstance(item, Milestone):
            v.done_button.setText("Mark not done" if item.is_done else "Mark done")
        elif isinstance(item, Step):
            v.done_button.setText("Mark not done" if item.done else "Mark done")
        has_resource = v.details.resource_view.currentIndex().isValid()
        v.details.edit_resource_button.setEnabled(has_resource)
        v.details.delete_resource_button.setEnabled(has_resource)

    # ---------------------------------------------------------------- plumbing

    def _push(self, text: str, redo: Callable[[], object], undo: Callable[[], object]) -> None:
        """Record an edit that was just made through the service, then refresh."""
        self._undo.push(
            ServiceCommand(
                text,
                redo=lambda: redo() and None,
                undo=lambda: undo() and None,
                after=self._after_change,
                on_error=report_and_forget(
                    self._undo, lambda text: self._dialogs.error(self, "Could not undo", text)
                ),
            )
        )
        self._after_change()
        self.status_message.emit(f"{text}. Undo with Ctrl+Z.")

    def _after_change(self) -> None:
        self.reload()
        self._bus.announce(ChangeKind.GOALS, self)

    def _show_error(self, exc: Exception) -> None:
        self._dialogs.error(self, "Could not change goals", str(exc))

    def _run(self, action: Callable[[], object]) -> object | None:
        """Run a service call outside a dialog; a refusal is shown, never raised."""
        try:
            return action()
        except ValidationError as exc:
            self._dialogs.error(self, "Not saved", "\n".join(exc.errors.values()))
        except MentorDesktopError as exc:
            self._show_error(exc)
            self.reload()
        return None

    def _open_dialog(self, dialog: GoalDialog | MilestoneDialog | ResourceDialog) -> None:
        self.active_dialog = dialog
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: object) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None
        self.view.tree.setFocus()

    def _ask_reason(self, what: str, old: date, new: date | None) -> str:
        """Ask why a date moved; raises an empty ValidationError (stay in the dialog) on Cancel."""
        moved_to = new.isoformat() if new else "no date"
        answer = self._dialogs.ask_text(
            self,
            "Why did the date move?",
            f"{what} moves from {old.isoformat()} to {moved_to}.\n"
            "Why? (optional, kept in the recalibration history)",
        )
        if answer is None:
            raise ValidationError({})
        return answer

    # ---------------------------------------------------------------- goals

    def new_goal(self) -> None:
        kind = self.view.kind_filter.currentData() or GoalKind.CAREER.value
        initial = GoalDraft(title="", kind=GoalKind(kind), start_date=self._today())

        def submit(draft: GoalDraft) -> None:
            goal = self._goals.create_goal(draft)
            state = {"snapshot": goal}
            self._push(
                f"Add goal {_quoted(goal.title)}",
                redo=lambda: self._goals.restore_goal(state["snapshot"]),
                undo=lambda: state.update(snapshot=self._goals.delete_goal(goal.id)),
            )
            self.open_item(ItemKind.GOAL, goal.id)

        self._open_dialog(GoalDialog("New goal", initial, submit, self))

    def _edit_current_goal(self) -> None:
        goal = self.current_goal()
        if goal is not None:
            self.edit_goal(goal)

    def edit_goal(self, goal: Goal) -> None:
        old = goal.draft()

        def submit(draft: GoalDraft) -> None:
            if draft == old:
                return
            rules.validate_goal(draft, [(m.title, m.due_date) for m in goal.milestones])
            reason = ""
            if old.target_date and old.target_date != draft.target_date:
                reason = self._ask_reason("The target date", old.target_date, draft.target_date)
            elif old.start_date and old.start_date != draft.start_date:
                reason = self._ask_reason("The start date", old.start_date, draft.start_date)
            result = self._goals.update_goal(goal.id, draft, reason)
            state = {"ids": result.change_ids}

            def redo() -> None:
                state["ids"] = self._goals.update_goal(goal.id, draft, reason).change_ids

            self._push(
                f"Edit goal {_quoted(draft.title)}",
                redo=redo,
                undo=lambda: self._goals.revert_goal(goal.id, old, state["ids"]),
            )

        self._open_dialog(GoalDialog("Edit goal", old, submit, self))

    # ---------------------------------------------------------------- milestones

    def add_milestone(self) -> None:
        goal = self.current_goal()
        if goal is None:
            return

        def submit(draft: MilestoneDraft) -> None:
            milestone = self._goals.add_milestone(goal.id, draft)
            state = {"snapshot": milestone}
            self._push(
                f"Add milestone {_quoted(milestone.title)}",
                redo=lambda: self._goals.restore_milestone(state["snapshot"]),
                undo=lambda: state.update(snapshot=self._goals.delete_milestone(milestone.id)),
            )
            self.select((NodeKind.MILESTONE, milestone.id))

        initial = MilestoneDraft(title="", due_date=goal.target_date)
        self._open_dialog(
            MilestoneDialog(f"New milestone for {_quoted(goal.title)}", initial, submit, self)
        )

    def edit_milestone(self, milestone: Milestone) -> None:
        old = milestone.draft()
        goal = self.current_goal()

        def submit(draft: MilestoneDraft) -> None:
            if draft == old:
                return
            rules.validate_milestone(
                draft,
                goal.target_date if goal else None,
                self._today(),
                goal.start_date if goal else None,
            )
            reason = ""
            if old.due_date and old.due_date != draft.due_date:
                reason = self._ask_reason(
                    f"The due date of {_quoted(draft.title)}", old.due_date, draft.due_date
                )
            result = self._goals.update_milestone(milestone.id, draft, reason)
            state = {"ids": result.change_ids}

            def redo() -> None:
                state["ids"] = self._goals.update_milestone(milestone.id, draft, reason).change_ids

            self._push(
                f"Edit milestone {_quoted(draft.title)}",
                redo=redo,
                undo=lambda: self._goals.revert_milestone(milestone.id, old, state["ids"]),
            )

        self._open_dialog(MilestoneDialog("Edit milestone", old, submit, self))

    def set_milestone_done(self, milestone_id: int, done: bool) -> None:
        milestone = self._find_milestone(milestone_id)
        if milestone is None or milestone.is_done == done:
            return
        old_done = milestone.done_date
        new_done = self._today() if done else None
        if self._run(lambda: self._goals.set_milestone_done(milestone_id, new_done)) is None:
            return
        self._push(
            f"{'Complete' if done else 'Reopen'} milestone {_quoted(milestone.title)}",
            redo=lambda: self._goals.set_milestone_done(milestone_id, new_done),
            undo=lambda: self._goals.set_milestone_done(milestone_id, old_done),
        )

    def _find_milestone(self, milestone_id: int) -> Milestone | None:
        for goal in self.model.goals():
            for milestone in goal.milestones:
                if milestone.id == milestone_id:
                    return milestone
        return None

    # ---------------------------------------------------------------- steps

    def add_step(self) -> None:
        milestone = self._current_milestone()
        if milestone is None:
            return
        title = self._dialogs.ask_text(
            self, "New step", f"A next action for {_quoted(milestone.title)}:"
        )
        if title is None:
            return
        step = self._run(lambda: self._goals.add_step(milestone.id, title))
        if not isinstance(step, Step):
            return
        state = {"snapshot": step}
        self._push(
            f"Add step {_quoted(step.title)}",
            redo=lambda: self._goals.restore_step(state["snapshot"]),
            undo=lambda: state.update(snapshot=self._goals.delete_step(step.id)),
        )
        self.select((NodeKind.STEP, step.id))

    def set_step_done(self, step_id: int, done: bool) -> None:
        if self._run(lambda: self._goals.set_step_done(step_id, done)) is None:
            return
        self._push(
            "Tick step" if done else "Untick step",
            redo=lambda: self._goals.set_step_done(step_id, done),
            undo=lambda: self._goals.set_step_done(step_id, not done),
        )

    def rename_step(self, step_id: int, title: str) -> None:
        old = next(
            (
                s
                for g in self.model.goals()
                for m in g.milestones
                for s in m.steps
                if s.id == step_id
            ),
            None,
        )
        if old is None or self._run(lambda: self._goals.rename_step(step_id, title)) is None:
            self.reload()
            return
        self._push(
            f"Rename step {_quoted(title)}",
            redo=lambda: self._goals.rename_step(step_id, title),
            undo=lambda: self._goals.rename_step(step_id, old.title),
        )

    # ---------------------------------------------------------------- any item

    def edit_selected(self) -> None:
        item = self.current_item()
        if isinstance(item, Goal):
            self.edit_goal(item)
        elif isinstance(item, Milestone):
            self.edit_milestone(item)
        elif isinstance(item, Step):
            self.view.tree.edit(self.view.tree.currentIndex())

    def toggle_done_selected(self) -> None:
        item = self.current_item()
        if isinstance(item, Step):
            self.set_step_done(item.id, not item.done)
        elif isinstance(item, Milestone):
            self.set_milestone_done(item.id, not item.is_done)
        elif isinstance(item, Goal):
            old = item.status
            new = GoalStatus.ACTIVE if old is GoalStatus.ACHIEVED else GoalStatus.ACHIEVED
            if self._run(lambda: self._goals.set_goal_status(item.id, new)) is None:
                return
            self._push(
                f"Mark goal {_quoted(item.title)} {new.label.lower()}",
                redo=lambda: self._goals.set_goal_status(item.id, new),
                undo=lambda: self._goals.set_goal_status(item.id, old),
            )

    def delete_selected(self) -> None:
        item = self.current_item()
        if item is None:
            return
        if isinstance(item, Goal):
            delete, restore, what = self._goals.delete_goal, self._goals.restore_goal, "goal"
        elif isinstance(item, Milestone):
            delete, restore = self._goals.delete_milestone, self._goals.restore_milestone
            what = "milestone"
        else:
            delete, restore, what = self._goals.delete_step, self._goals.restore_step, "step"
        snapshot = self._run(lambda: delete(item.id))
        if snapshot is None:
            return
        state = {"snapshot": snapshot}
        self._push(
            f"Delete {what} {_quoted(item.title)}",
            redo=lambda: state.update(snapshot=delete(item.id)),
            undo=lambda: restore(state["snapshot"]),
        )

    def move_selected(self, delta: int) -> None:
        index = self.view.tree.currentIndex()
        item = self.current_item()
        if item is None:
            return
        neighbour = self.model.item_at(index.siblingAtRow(index.row() + delta))
        if neighbour is None:
            return
        if isinstance(item, Goal):
            order = self._goals.goal_order()
            old, new = order.index(item.id), order.index(neighbour.id)
            move = self._goals.move_goal
        else:
            old, new = index.row(), index.row() + delta
            move = (
                self._goals.move_milestone if isinstance(item, Milestone) else self._goals.move_step
            )
        if self._run(lambda: move(item.id, new)) is None:
            return
        self._push(
            f"Move {_quoted(item.title)} {'up' if delta < 0 else 'down'}",
            redo=lambda: move(item.id, new),
            undo=lambda: move(item.id, old),
        )

    # ---------------------------------------------------------------- resources

    def _current_resource(self):
        return self.resource_model.row_at(self.view.details.resource_view.currentIndex().row())

    def add_resource(self) -> None:
        goal = self.current_goal()
        if goal is None:
            return

        def submit(draft: ResourceDraft) -> None:
            resource = self._goals.add_resource(goal.id, draft)
            state = {"snapshot": resource}
            self._push(
                f"Add resource {_quoted(resource.title)}",
                redo=lambda: self._goals.restore_resource(state["snapshot"]),
                undo=lambda: state.update(snapshot=self._goals.delete_resource(resource.id)),
            )

        self._open_dialog(
            ResourceDialog(f"New resource for {_quoted(goal.title)}", None, submit, self)
        )

    def edit_resource(self) -> None:
        resource = self._current_resource()
        if resource is None:
            return
        old = resource.draft()

        def submit(draft: ResourceDraft) -> None:
            if draft == old:
                return
            self._goals.update_resource(resource.id, draft)
            self._push(
                f"Edit resource {_quoted(draft.title)}",
                redo=lambda: self._goals.update_resource(resource.id, draft),
                undo=lambda: self._goals.update_resource(resource.id, old),
            )

        self._open_dialog(ResourceDialog("Edit resource", old, submit, self))

    def delete_resource(self) -> None:
        resource = self._current_resource()
        if resource is None:
            return
        snapshot = self._run(lambda: self._goals.delete_resource(resource.id))
        if snapshot is None:
            return
        self._push(
            f"Remove resource {_quoted(resource.title)}",
            redo=lambda: self._goals.delete_resource(resource.id),
            undo=lambda: self._goals.restore_resource(snapshot),
        )
