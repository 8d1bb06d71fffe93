"""Goals, milestones, steps, recalibrations and resources.

Every method is one transaction: it validates first and either writes everything or nothing.
Methods that remove something return a full snapshot that `restore_*` puts back with the
same ids, which is how undo works.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date

from mentor_desktop.domain import rules
from mentor_desktop.domain.models import (
    ChangeField,
    Goal,
    GoalDraft,
    GoalKind,
    GoalStatus,
    GoalUpdate,
    Milestone,
    MilestoneDraft,
    MilestoneUpdate,
    Resource,
    ResourceDraft,
    Step,
)
from mentor_desktop.storage.orm import (
    Base,
    GoalChangeRow,
    GoalRow,
    MilestoneRow,
    ResourceRow,
    StepRow,
)
from mentor_desktop.storage.repositories.goals import (
    GoalRepository,
    goal_to_domain,
    milestone_to_domain,
    resource_to_domain,
    step_to_domain,
)
from mentor_desktop.storage.uow import UnitOfWork, UnitOfWorkFactory


def _move_within(rows: list, row: Base, new_index: int) -> int:
    """Move `row` to `new_index` among `rows` (sorted by position), renumber; the new index."""
    rows.remove(row)
    new_index = max(0, min(new_index, len(rows)))
    rows.insert(new_index, row)
    for position, item in enumerate(rows):
        if item.position != position:
            item.position = position
    return new_index


class GoalService:
    """Everything the Goals tab (and later the timeline and reports) does with goals."""

    def __init__(
        self, uow_factory: UnitOfWorkFactory, today: Callable[[], date] = date.today
    ) -> None:
        self._uow = uow_factory
        self._today = today

    # ------------------------------------------------------------------ reading

    def list_goals(
        self,
        kinds: Sequence[GoalKind] | None = None,
        statuses: Sequence[GoalStatus] | None = None,
    ) -> list[Goal]:
        """Goals in their user-chosen order, each with milestones, steps, resources, history."""
        with self._uow() as uow:
            repo = GoalRepository(uow.session)
            rows = repo.all_goal_trees(
                [k.value for k in kinds] if kinds else None,
                [s.value for s in statuses] if statuses else None,
            )
            return [goal_to_domain(row) for row in rows]

    def get_goal(self, goal_id: int) -> Goal:
        with self._uow() as uow:
            return goal_to_domain(GoalRepository(uow.session).goal_tree(goal_id))

    def goal_order(self) -> list[int]:
        """Every goal id in the user's order (filters do not apply)."""
        with self._uow() as uow:
            return [row.id for row in GoalRepository(uow.session).siblings(GoalRow)]

    def count_goals(self) -> int:
        with self._uow() as uow:
            return GoalRepository(uow.session).count_goals()

    # ------------------------------------------------------------------ goals

    def create_goal(self, draft: GoalDraft) -> Goal:
        rules.validate_goal(draft)
        with self._uow() as uow:
            repo = GoalRepository(uow.session)
            row = GoalRow(position=repo.next_position(GoalRow))
            self._apply_goal(row, draft)
            uow.session.add(row)
            uow.session.flush()
            return goal_to_domain(repo.goal_tree(row.id))

    def update_goal(self, goal_id: int, draft: GoalDraft, reason: str = "") -> GoalUpdate:
        """Save an edit; a moved start or target date is recorded as a recalibration."""
        with self._uow() as uow:
            repo = GoalRepository(uow.session)
            row = repo.goal_tree(goal_id)
            rules.validate_goal(draft, [(m.title, m.due_date) for m in row.milestones])
            changes = []
            for field, old, new in (
                (ChangeField.GOAL_START, row.start_date, draft.start_date),
                (ChangeField.GOAL_TARGET, row.target_date, draft.target_date),
            ):
                if old is not None and old != new:
                    changes.append(
                        GoalChangeRow(
                            goal_id=row.id,
                            field=field.value,
                            subject=draft.title.strip(),
                            old_value=old,
                            new_value=new,
                            reason=reason.strip(),
                        )
                    )
            self._apply_goal(row, draft)
            uow.session.add_all(changes)
            uow.session.flush()
            uow.session.refresh(row, ["changes"])
            return GoalUpdate(goal_to_domain(row), tuple(c.id for c in changes))

    def revert_goal(self, goal_id: int, draft: GoalDraft, change_ids: Iterable[int] = ()) -> Goal:
        """Undo an update: put the fields back and forget the recalibrations it recorded."""
        with self._uow() as uow:
            repo = GoalRepository(uow.session)
            row = repo.goal_tree(goal_id)
            self._apply_goal(row, draft)
            self._drop_changes(uow, change_ids)
            uow.session.flush()
            uow.session.refresh(row, ["changes"])
            return goal_to_domain(row)

    def set_goal_status(self, goal_id: int, status: GoalStatus) -> Goal:
        with self._uow() as uow:
            row = GoalRepository(uow.session).goal_tree(goal_id)
            row.status = status.value
            return goal_to_domain(row)

    def delete_goal(self, goal_id: int) -> Goal:
        """Delete a goal with everything under it; returns the snapshot for `restore_goal`."""
        with self._uow() as uow:
            row = GoalRepository(uow.session).goal_tree(goal_id)
            snapshot = goal_to_domain(row)
            uow.session.delete(row)
            return snapshot

    def restore_goal(self, goal: Goal) -> Goal:
        """Put a deleted goal back, with the same ids, at its old place."""
        with self._uow() as uow:
            repo = GoalRepository(uow.session)
            row = GoalRow(id=goal.id, position=goal.position)
            self._apply_goal(row, goal.draft())
            uow.session.add(row)
            for milestone in goal.milestones:
                uow.session.add(self._milestone_row(milestone))
            for resource in goal.resources:
                uow.session.add(self._resource_row(resource))
            uow.session.flush()
            for change in goal.changes:
                uow.session.add(
                    GoalChangeRow(
                        id=change.id,
                        goal_id=goal.id,
                        milestone_id=change.milestone_id,
                        field=change.field.value,
                        subject=change.subject,
                        old_value=change.old_value,
                        new_value=change.new_value,
                        reason=change.reason,
                        changed_at=change.changed_at,
                    )
                )
            uow.session.flush()
            self._reinsert_at(repo.siblings(GoalRow), goal.id, goal.position)
            uow.session.flush()
            uow.session.expire_all()
            return goal_to_domain(repo.goal_tree(goal.id))

    def move_goal(self, goal_id: int, new_index: int) -> int:
        with self._uow() as uow:
            repo = GoalRepository(uow.session)
            rows = repo.siblings(GoalRow)
            return _move_within(rows, repo.get(GoalRow, goal_id), new_index)

    # ------------------------------------------------------------------ milestones

    def add_milestone(self, goal_id: int, draft: MilestoneDraft) -> Milestone:
        with self._uow() as uow:
            repo = GoalRepository(uow.session)
            goal = repo.get(GoalRow, goal_id)
            rules.validate_milestone(draft, goal.target_date, self._today(), goal.start_date)
            row = MilestoneRow(
                goal_id=goal_id, position=repo.next_position(MilestoneRow, goal_id=goal_id)
            )
            self._apply_milestone(row, draft)
            uow.session.add(row)
            uow.session.flush()
            return milestone_to_domain(row)

    def update_milestone(
        self, milestone_id: int, draft: MilestoneDraft, reason: str = ""
    ) -> MilestoneUpdate:
        """Save an edit; a moved due date is recorded as a recalibration of its goal."""
        with self._uow() as uow:
            repo = GoalRepository(uow.session)
            row = repo.get(MilestoneRow, milestone_id)
            goal = row.goal
            rules.validate_milestone(draft, goal.target_date, self._today(), goal.start_date)
            changes = []
            if row.due_date is not None and row.due_date != draft.due_date:
                changes.append(
                    GoalChangeRow(
                        goal_id=goal.id,
                        milestone_id=row.id,
                        field=ChangeField.MILESTONE_DUE.value,
                        subject=draft.title.strip(),
                        old_value=row.due_date,
                        new_value=draft.due_date,
                        reason=reason.strip(),
                    )
                )
            self._apply_milestone(row, draft)
            uow.session.add_all(changes)
            uow.session.flush()
            return MilestoneUpdate(milestone_to_domain(row), tuple(c.id for c in changes))

    def revert_milestone(
        self, milestone_id: int, draft: MilestoneDraft, change_ids: Iterable[int] = ()
    ) -> Milestone:
        with self._uow() as uow:
            row = GoalRepository(uow.session).get(MilestoneRow, milestone_id)
            self._apply_milestone(row, draft)
            self._drop_changes(uow, change_ids)
            return milestone_to_domain(row)

    def set_milestone_done(self, milestone_id: int, done_date: date | None) -> Milestone:
        with self._uow() as uow:
            row = GoalRepository(uow.session).get(MilestoneRow, milestone_id)
            draft = MilestoneDraft(row.title, row.due_date, done_date, row.notes)
            rules.validate_milestone(draft, None, self._today())
            row.done_date = done_date
            return milestone_to_domain(row)

    def delete_milestone(self, milestone_id: int) -> Milestone:
        with self._uow() as uow:
            row = GoalRepository(uow.session).get(MilestoneRow, milestone_id)
            snapshot = milestone_to_domain(row)
            uow.session.delete(row)
            return snapshot

    def restore_milestone(self, milestone: Milestone) -> Milestone:
        with self._uow() as uow:
            repo = GoalRepository(uow.session)
            repo.get(GoalRow, milestone.goal_id)
            uow.session.add(self._milestone_row(milestone))
            uow.session.flush()
            self._reinsert_at(
                repo.siblings(MilestoneRow, goal_id=milestone.goal_id),
                milestone.id,
                milestone.position,
            )
            uow.session.flush()
            uow.session.expire_all()
            return milestone_to_domain(repo.get(MilestoneRow, milestone.id))

    def move_milestone(self, milestone_id: int, new_index: int) -> int:
        with self._uow() as uow:
            repo = GoalRepository(uow.session)
            row = repo.get(MilestoneRow, milestone_id)
            return _move_within(repo.siblings(MilestoneRow, goal_id=row.goal_id), row, new_index)

    # ------------------------------------------------------------------ steps

    def add_step(self, milestone_id: int, title: str) -> Step:
        rules.validate_step_title(title)
        with self._uow() as uow:
            repo = GoalRepository(uow.session)
            repo.get(MilestoneRow, milestone_id)
            row = StepRow(
                milestone_id=milestone_id,
                title=title.strip(),
                done=False,
                position=repo.next_position(StepRow, milestone_id=milestone_id),
            )
            uow.session.add(row)
            uow.session.flush()
            return step_to_domain(row)

    def rename_step(self, step_id: int, title: str) -> Step:
        rules.validate_step_title(title)
        with self._uow() as uow:
            row = GoalRepository(uow.session).get(StepRow, step_id)
            row.title = title.strip()
            return step_to_domain(row)

    def set_step_done(self, step_id: int, done: bool) -> Step:
        with self._uow() as uow:
            row = GoalRepository(uow.session).get(StepRow, step_id)
            row.done = done
            return step_to_domain(row)

    def delete_step(self, step_id: int) -> Step:
        with self._uow() as uow:
            row = GoalRepository(uow.session).get(StepRow, step_id)
            snapshot = step_to_domain(row)
            uow.session.delete(row)
            return snapshot

    def restore_step(self, step: Step) -> Step:
        with self._uow() as uow:
            repo = GoalRepository(uow.session)
            repo.get(MilestoneRow, step.milestone_id)
            uow.session.add(
                StepRow(
                    id=step.id,
                    milestone_id=step.milestone_id,
                    title=step.title,
                    done=step.done,
                    position=step.position,
                )
            )
            uow.session.flush()
            self._reinsert_at(
                repo.siblings(StepRow, milestone_id=step.milestone_id), step.id, step.position
            )
            return step

    def move_step(self, step_id: int, new_index: int) -> int:
        with self._uow() as uow:
            repo = GoalRepository(uow.session)
            row = repo.get(StepRow, step_id)
            return _move_within(
                repo.siblings(StepRow, milestone_id=row.milestone_id), row, new_index
            )

    # ------------------------------------------------------------------ resources

    def add_resource(self, goal_id: int, draft: ResourceDraft) -> Resource:
        rules.validate_resource(draft)
        with self._uow() as uow:
            repo = GoalRepository(uow.session)
            repo.get(GoalRow, goal_id)
            row = ResourceRow(
                goal_id=goal_id, position=repo.next_position(ResourceRow, goal_id=goal_id)
            )
            self._apply_resource(row, draft)
            uow.session.add(row)
            uow.session.flush()
            return resource_to_domain(row)

    def update_resource(self, resource_id: int, draft: ResourceDraft) -> Resource:
        rules.validate_resource(draft)
        with self._uow() as uow:
            row = GoalRepository(uow.session).get(ResourceRow, resource_id)
            self._apply_resource(row, draft)
            return resource_to_domain(row)

    def delete_resource(self, resource_id: int) -> Resource:
        with self._uow() as uow:
            row = GoalRepository(uow.session).get(ResourceRow, resource_id)
            snapshot = resource_to_domain(row)
            uow.session.delete(row)
            return snapshot

    def restore_resource(self, resource: Resource) -> Resource:
        with self._uow() as uow:
            repo = GoalRepository(uow.session)
            repo.get(GoalRow, resource.goal_id)
            uow.session.add(self._resource_row(resource))
            uow.session.flush()
            self._reinsert_at(
                repo.siblings(ResourceRow, goal_id=resource.goal_id),
                resource.id,
                resource.position,
            )
            return resource

    # ------------------------------------------------------------------ helpers

    @staticmethod
    def _apply_goal(row: GoalRow, draft: GoalDraft) -> None:
        row.title = draft.title.strip()
        row.kind = GoalKind(draft.kind).value
        row.status = GoalStatus(draft.status).value
        row.why = draft.why
        row.success_measure = draft.success_measure
        row.start_date = draft.start_date
        row.target_date = draft.target_date

    @staticmethod
    def _apply_milestone(row: MilestoneRow, draft: MilestoneDraft) -> None:
        row.title = draft.title.strip()
        row.due_date = draft.due_date
        row.done_date = draft.done_date
        row.notes = draft.notes

    @staticmethod
    def _apply_resource(row: ResourceRow, draft: ResourceDraft) -> None:
        row.title = draft.title.strip()
        row.kind = draft.kind.value
        row.status = draft.status.value
        row.location = draft.location.strip()
        row.notes = draft.notes

    @staticmethod
    def _milestone_row(milestone: Milestone) -> MilestoneRow:
        return MilestoneRow(
            id=milestone.id,
            goal_id=milestone.goal_id,
            title=milestone.title,
            due_date=milestone.due_date,
            done_date=milestone.done_date,
            notes=milestone.notes,
            position=milestone.position,
            steps=[
                StepRow(id=s.id, title=s.title, done=s.done, position=s.position)
                for s in milestone.steps
            ],
        )

    @staticmethod
    def _resource_row(resource: Resource) -> ResourceRow:
        return ResourceRow(
            id=resource.id,
            goal_id=resource.goal_id,
            title=resource.title,
            kind=resource.kind.value,
            status=resource.status.value,
            location=resource.location,
            notes=resource.notes,
            position=resource.position,
        )

    @staticmethod
    def _reinsert_at(rows: list, record_id: int, position: int) -> None:
        """Renumber siblings so the restored row sits at `position` again."""
        row = next(r for r in rows if r.id == record_id)
        _move_within(rows, row, position)

    @staticmethod
    def _drop_changes(uow: UnitOfWork, change_ids: Iterable[int]) -> None:
        for change_id in change_ids:
            change = uow.session.get(GoalChangeRow, change_id)
            if change is not None:
                uow.session.delete(change)
