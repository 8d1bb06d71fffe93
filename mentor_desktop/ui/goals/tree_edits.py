"""Edits in the goal tree: goals, milestones and steps, each an undo step."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from mentor_desktop.domain import rules
from mentor_desktop.domain.models import (
    Goal,
    GoalDraft,
    GoalKind,
    GoalStatus,
    Milestone,
    MilestoneDraft,
    Step,
)
from mentor_desktop.ui.goals.dialogs import GoalDialog, MilestoneDialog, StepDialog
from mentor_desktop.ui.goals.editing import GoalEditing, quoted
from mentor_desktop.ui.goals.view import GoalsView
from mentor_desktop.ui.models.goal_tree import GoalTreeModel, NodeKey, NodeKind

T = TypeVar("T")


class GoalTreeEdits:
    """Add, edit, tick, rename, delete and move what the goal tree shows.

    Not a QObject (no signals): the tab connects the view's buttons and the model's requests
    to these methods.
    """

    def __init__(
        self,
        view: GoalsView,
        model: GoalTreeModel,
        editing: GoalEditing,
        select: Callable[[NodeKey], bool],
        open_goal: Callable[[int], None],
    ) -> None:
        self._view = view
        self._model = model
        self._editing = editing
        self._goals = editing.goals
        self._select = select
        self._open_goal = open_goal

    # ---------------------------------------------------------------- selection

    def current_item(self) -> Goal | Milestone | Step | None:
        return self._model.item_at(self._view.tree.currentIndex())

    def current_goal(self) -> Goal | None:
        return self._model.goal_of(self._view.tree.currentIndex())

    def current_milestone(self) -> Milestone | None:
        item = self.current_item()
        if isinstance(item, Milestone):
            return item
        if isinstance(item, Step):
            return self._milestone(item.milestone_id)
        return None

    def _milestone(self, milestone_id: int) -> Milestone | None:
        for goal in self._model.goals():
            for milestone in goal.milestones:
                if milestone.id == milestone_id:
                    return milestone
        return None

    def _step(self, step_id: int) -> Step | None:
        for goal in self._model.goals():
            for milestone in goal.milestones:
                for step in milestone.steps:
                    if step.id == step_id:
                        return step
        return None

    def _goal_id_of_step(self, step_id: int) -> int | None:
        step = self._step(step_id)
        milestone = self._milestone(step.milestone_id) if step else None
        return milestone.goal_id if milestone else None

    def _open(self, dialog: GoalDialog | MilestoneDialog) -> None:
        self._editing.open_dialog(dialog, self._view.tree.setFocus)

    # ---------------------------------------------------------------- goals

    def new_goal(self) -> None:
        kind = self._view.kind_filter.currentData() or GoalKind.CAREER.value
        initial = GoalDraft(title="", kind=GoalKind(kind), start_date=self._editing.today())

        def submit(draft: GoalDraft) -> None:
            goal = self._goals.create_goal(draft)
            state = {"snapshot": goal}
            self._editing.push(
                f"Add goal {quoted(goal.title)}",
                redo=lambda: self._goals.restore_goal(state["snapshot"]),
                undo=lambda: state.update(snapshot=self._goals.delete_goal(goal.id)),
                goal_id=None,
            )
            self._open_goal(goal.id)

        self._open(GoalDialog("New goal", initial, submit, self._editing.parent))

    def edit_current_goal(self) -> None:
        goal = self.current_goal()
        if goal is not None:
            self.edit_goal(goal)

    def edit_goal(self, goal: Goal, recalibrate: bool = False) -> None:
        old = goal.draft()

        def submit(draft: GoalDraft) -> None:
            if draft == old:
                return
            rules.validate_goal(draft, [(m.title, m.due_date) for m in goal.milestones])
            reason = ""
            if old.target_date and old.target_date != draft.target_date:
                reason = self._editing.ask_reason(
                    "The target date", old.target_date, draft.target_date
                )
            elif old.start_date and old.start_date != draft.start_date:
                reason = self._editing.ask_reason(
                    "The start date", old.start_date, draft.start_date
                )
            result = self._goals.update_goal(goal.id, draft, reason)
            state = {"ids": result.change_ids}

            def redo() -> None:
                state["ids"] = self._goals.update_goal(goal.id, draft, reason).change_ids

            self._editing.push(
                f"Edit goal {quoted(draft.title)}",
                redo=redo,
                undo=lambda: self._goals.revert_goal(goal.id, old, state["ids"]),
                goal_id=goal.id,
            )

        title = f"Recalibrate {quoted(goal.title)}" if recalibrate else "Edit goal"
        dialog = GoalDialog(title, old, submit, self._editing.parent)
        self._open(dialog)
        if recalibrate:
            dialog.target_field.setFocus()

    # ---------------------------------------------------------------- milestones

    def add_milestone(self) -> None:
        goal = self.current_goal()
        if goal is None:
            return

        def submit(draft: MilestoneDraft) -> None:
            milestone = self._goals.add_milestone(goal.id, draft)
            state = {"snapshot": milestone}
            self._editing.push(
                f"Add milestone {quoted(milestone.title)}",
                redo=lambda: self._goals.restore_milestone(state["snapshot"]),
                undo=lambda: state.update(snapshot=self._goals.delete_milestone(milestone.id)),
                goal_id=goal.id,
            )
            self._select((NodeKind.MILESTONE, milestone.id))

        initial = MilestoneDraft(title="", due_date=goal.target_date)
        title = f"New milestone for {quoted(goal.title)}"
        self._open(MilestoneDialog(title, initial, submit, self._editing.parent))

    def edit_milestone(self, milestone: Milestone, recalibrate: bool = False) -> None:
        old = milestone.draft()
        goal = self.current_goal()

        def submit(draft: MilestoneDraft) -> None:
            if draft == old:
                return
            rules.validate_milestone(
                draft,
                goal.target_date if goal else None,
                self._editing.today(),
                goal.start_date if goal else None,
            )
            reason = ""
            if old.due_date and old.due_date != draft.due_date:
                reason = self._editing.ask_reason(
                    f"The due date of {quoted(draft.title)}", old.due_date, draft.due_date
                )
            result = self._goals.update_milestone(milestone.id, draft, reason)
            state = {"ids": result.change_ids}

            def redo() -> None:
                state["ids"] = self._goals.update_milestone(milestone.id, draft, reason).change_ids

            self._editing.push(
                f"Edit milestone {quoted(draft.title)}",
                redo=redo,
                undo=lambda: self._goals.revert_milestone(milestone.id, old, state["ids"]),
                goal_id=milestone.goal_id,
            )

        title = f"Recalibrate {quoted(milestone.title)}" if recalibrate else "Edit milestone"
        dialog = MilestoneDialog(title, old, submit, self._editing.parent)
        self._open(dialog)
        if recalibrate:
            dialog.due_field.setFocus()

    def set_milestone_done(self, milestone_id: int, done: bool) -> None:
        milestone = self._milestone(milestone_id)
        if milestone is None or milestone.is_done == done:
            return
        old_done = milestone.done_date
        new_done = self._editing.today() if done else None
        if (
            self._editing.run(lambda: self._goals.set_milestone_done(milestone_id, new_done))
            is None
        ):
            return
        self._editing.push(
            f"{'Complete' if done else 'Reopen'} milestone {quoted(milestone.title)}",
            redo=lambda: self._goals.set_milestone_done(milestone_id, new_done),
            undo=lambda: self._goals.set_milestone_done(milestone_id, old_done),
            goal_id=milestone.goal_id,
        )

    # ---------------------------------------------------------------- steps

    def add_step(self) -> None:
        milestone = self.current_milestone()
        if milestone is None:
            return
        added: list[Step] = []

        def submit(title: str) -> None:
            added.append(self._goals.add_step(milestone.id, title))  # refused: stays open

        def closed() -> None:
            if not added:
                return
            step = added[0]
            state = {"snapshot": step}
            self._editing.push(
                f"Add step {quoted(step.title)}",
                redo=lambda: self._goals.restore_step(state["snapshot"]),
                undo=lambda: state.update(snapshot=self._goals.delete_step(step.id)),
                goal_id=milestone.goal_id,
            )
            self._select((NodeKind.STEP, step.id))

        self._editing.open_dialog(StepDialog(milestone.title, submit, self._editing.parent), closed)

    def set_step_done(self, step_id: int, done: bool) -> None:
        goal_id = self._goal_id_of_step(step_id)
        if self._editing.run(lambda: self._goals.set_step_done(step_id, done)) is None:
            return
        self._editing.push(
            "Tick step" if done else "Untick step",
            redo=lambda: self._goals.set_step_done(step_id, done),
            undo=lambda: self._goals.set_step_done(step_id, not done),
            goal_id=goal_id,
        )

    def rename_step(self, step_id: int, title: str) -> None:
        old = self._step(step_id)
        goal_id = self._goal_id_of_step(step_id)
        if (
            old is None
            or self._editing.run(lambda: self._goals.rename_step(step_id, title)) is None
        ):
            self._editing.show(goal_id)  # nothing saved: show the step as it was
            return
        self._editing.push(
            f"Rename step {quoted(title)}",
            redo=lambda: self._goals.rename_step(step_id, title),
            undo=lambda: self._goals.rename_step(step_id, old.title),
            goal_id=goal_id,
        )

    # ---------------------------------------------------------------- the selected item

    def edit_selected(self) -> None:
        item = self.current_item()
        if isinstance(item, Goal):
            self.edit_goal(item)
        elif isinstance(item, Milestone):
            self.edit_milestone(item)
        elif isinstance(item, Step):
            self._view.tree.edit(self._view.tree.currentIndex())

    def recalibrate_selected(self) -> None:
        """Move the date of the selected goal or milestone, saying why (the history keeps it)."""
        item = self.current_item()
        if isinstance(item, Goal):
            self.edit_goal(item, recalibrate=True)
        elif isinstance(item, Milestone):
            self.edit_milestone(item, recalibrate=True)

    def toggle_done_selected(self) -> None:
        item = self.current_item()
        if isinstance(item, Step):
            self.set_step_done(item.id, not item.done)
        elif isinstance(item, Milestone):
            self.set_milestone_done(item.id, not item.is_done)
        elif isinstance(item, Goal):
            goal = item
            old = goal.status
            new = GoalStatus.ACTIVE if old is GoalStatus.ACHIEVED else GoalStatus.ACHIEVED
            if self._editing.run(lambda: self._goals.set_goal_status(goal.id, new)) is None:
                return
            self._editing.push(
                f"Mark goal {quoted(goal.title)} {new.label.lower()}",
                redo=lambda: self._goals.set_goal_status(goal.id, new),
                undo=lambda: self._goals.set_goal_status(goal.id, old),
                goal_id=goal.id,
            )

    def delete_selected(self) -> None:
        item = self.current_item()
        if isinstance(item, Goal):
            self._delete(item, "goal", self._goals.delete_goal, self._goals.restore_goal, None)
        elif isinstance(item, Milestone):
            self._delete(
                item,
                "milestone",
                self._goals.delete_milestone,
                self._goals.restore_milestone,
                item.goal_id,
            )
        elif isinstance(item, Step):
            self._delete(
                item,
                "step",
                self._goals.delete_step,
                self._goals.restore_step,
                self._goal_id_of_step(item.id),
            )

    def _delete(
        self,
        item: Goal | Milestone | Step,
        what: str,
        delete: Callable[[int], T],
        restore: Callable[[T], object],
        goal_id: int | None,
    ) -> None:
        """Delete `item`; undo puts back the snapshot the delete returned."""
        snapshot = self._editing.run(lambda: delete(item.id))
        if snapshot is None:
            return
        state: dict[str, T] = {"snapshot": snapshot}

        def redo() -> None:
            state["snapshot"] = delete(item.id)

        self._editing.push(
            f"Delete {what} {quoted(item.title)}",
            redo=redo,
            undo=lambda: restore(state["snapshot"]),
            goal_id=goal_id,
        )

    def move_selected(self, delta: int) -> None:
        index = self._view.tree.currentIndex()
        item = self.current_item()
        if item is None:
            return
        neighbour = self._model.item_at(index.siblingAtRow(index.row() + delta))
        if neighbour is None:
            return
        move: Callable[[int, int], int]
        if isinstance(item, Goal):
            order = self._goals.goal_order()
            old, new = order.index(item.id), order.index(neighbour.id)
            move, goal_id = self._goals.move_goal, None
        else:
            old, new = index.row(), index.row() + delta
            if isinstance(item, Milestone):
                move, goal_id = self._goals.move_milestone, item.goal_id
            else:
                move, goal_id = self._goals.move_step, self._goal_id_of_step(item.id)
        if self._editing.run(lambda: move(item.id, new)) is None:
            return
        self._editing.push(
            f"Move {quoted(item.title)} {'up' if delta < 0 else 'down'}",
            redo=lambda: move(item.id, new),
            undo=lambda: move(item.id, old),
            goal_id=goal_id,
        )
