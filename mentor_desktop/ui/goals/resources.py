"""The resources panel of the goal details: add, edit and remove a goal's resources."""

from __future__ import annotations

from collections.abc import Callable

from mentor_desktop.domain.models import Goal, Resource, ResourceDraft
from mentor_desktop.ui.goals.dialogs import ResourceDialog
from mentor_desktop.ui.goals.editing import GoalEditing, quoted
from mentor_desktop.ui.goals.view import GoalDetailsPanel
from mentor_desktop.ui.models.resources import ResourceTableModel


class ResourceEdits:
    """Controller of the resource table under the goal details; every edit can be undone.

    Not a QObject (no signals): the tab connects the panel's buttons to these methods.
    """

    def __init__(
        self,
        details: GoalDetailsPanel,
        model: ResourceTableModel,
        editing: GoalEditing,
        current_goal: Callable[[], Goal | None],
    ) -> None:
        self._details = details
        self.model = model
        self._editing = editing
        self._goals = editing.goals
        self._current_goal = current_goal

    def _current(self) -> Resource | None:
        return self.model.row_at(self._details.resource_view.currentIndex().row())

    def _open(self, dialog: ResourceDialog) -> None:
        self._editing.open_dialog(dialog, lambda: None)

    def add(self) -> None:
        goal = self._current_goal()
        if goal is None:
            return

        def submit(draft: ResourceDraft) -> None:
            resource = self._goals.add_resource(goal.id, draft)
            state = {"snapshot": resource}
            self._editing.push(
                f"Add resource {quoted(resource.title)}",
                redo=lambda: self._goals.restore_resource(state["snapshot"]),
                undo=lambda: state.update(snapshot=self._goals.delete_resource(resource.id)),
                goal_id=goal.id,
            )

        title = f"New resource for {quoted(goal.title)}"
        self._open(ResourceDialog(title, None, submit, self._editing.parent))

    def edit(self) -> None:
        resource = self._current()
        if resource is None:
            return
        old = resource.draft()

        def submit(draft: ResourceDraft) -> None:
            if draft == old:
                return
            self._goals.update_resource(resource.id, draft)
            self._editing.push(
                f"Edit resource {quoted(draft.title)}",
                redo=lambda: self._goals.update_resource(resource.id, draft),
                undo=lambda: self._goals.update_resource(resource.id, old),
                goal_id=resource.goal_id,
            )

        self._open(ResourceDialog("Edit resource", old, submit, self._editing.parent))

    def delete(self) -> None:
        resource = self._current()
        if resource is None:
            return
        snapshot = self._editing.run(lambda: self._goals.delete_resource(resource.id))
        if snapshot is None:
            return
        self._editing.push(
            f"Remove resource {quoted(resource.title)}",
            redo=lambda: self._goals.delete_resource(resource.id),
            undo=lambda: self._goals.restore_resource(snapshot),
            goal_id=resource.goal_id,
        )
