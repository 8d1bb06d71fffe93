"""Goals, milestones, steps, recalibrations and resources.

Every method is one transaction: it validates first and either writes everything or nothing.
Methods that remove something return a full snapshot that `restore_*` puts back with the
same ids, which is how undo works. Reads use plain SQL (`goal_reads`); the ORM-based row
repository is imported on the first write, so showing goals at start-up stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING

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
from mentor_desktop.storage.repositories import goal_reads
from mentor_desktop.storage.uow import UnitOfWork, UnitOfWorkFactory

if TYPE_CHECKING:
    from mentor_desktop.storage.repositories.goals import GoalRepository


def _rows(uow: UnitOfWork) -> GoalRepository:
    """The row-level repository (imports the ORM on first use)."""
    from mentor_desktop.storage.repositories.goals import GoalRepository

    return GoalRepository(uow.session)


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
            return goal_reads.load_goals(
                uow.session.connection(),
                kinds=[k.value for k in kinds] if kinds else None,
                statuses=[s.value for s in statuses] if statuses else None,
            )

    def get_goal(self, goal_id: int) -> Goal:
        with self._uow() as uow:
            return goal_reads.load_goal(uow.session.connection(), goal_id)

    def goal_order(self) -> list[int]:
        """Every goal id in the user's order (filters do not apply)."""
        with self._uow() as uow:
            return goal_reads.goal_order(uow.session.connection())

    def count_goals(self) -> int:
        with self._uow() as uow:
            return goal_reads.count_goals(uow.session.connection())

    # ------------------------------------------------------------------ goals

    def create_goal(self, draft: GoalDraft) -> Goal:
        rules.validate_goal(draft)
        with self._uow() as uow:
            goal_id = _rows(uow).create_goal(draft)
            return goal_reads.load_goal(uow.session.connection(), goal_id)

    def update_goal(self, goal_id: int, draft: GoalDraft, reason: str = "") -> GoalUpdate:
        """Save an edit; a moved start or target date is recorded as a recalibration."""
        with self._uow() as uow:
            repo = _rows(uow)
            row = repo.goal(goal_id)
            rules.validate_goal(draft, [(m.title, m.due_date) for m in row.milestones])
            change_ids = tuple(
                repo.record_change(row.id, field, draft.title.strip(), old, new, reason.strip())
                for field, old, new in (
                    (ChangeField.GOAL_START, row.start_date, draft.start_date),
                    (ChangeField.GOAL_TARGET, row.target_date, draft.target_date),
                )
                if old is not None and old != new
            )
            repo.set_goal_fields(row, draft)
            uow.session.flush()
            return GoalUpdate(goal_reads.load_goal(uow.session.connection(), goal_id), change_ids)

    def revert_goal(self, goal_id: int, draft: GoalDraft, change_ids: Iterable[int] = ()) -> Goal:
        """Undo an update: put the fields back and forget the recalibrations it recorded."""
        with self._uow() as uow:
            repo = _rows(uow)
            repo.set_goal_fields(repo.goal(goal_id), draft)
            repo.drop_changes(change_ids)
            return goal_reads.load_goal(uow.session.connection(), goal_id)

    def set_goal_status(self, goal_id: int, status: GoalStatus) -> Goal:
        with self._uow() as uow:
            _rows(uow).goal(goal_id).status = status.value
            uow.session.flush()
            return goal_reads.load_goal(uow.session.connection(), goal_id)

    def delete_goal(self, goal_id: int) -> Goal:
        """Delete a goal with everything under it; returns the snapshot for `restore_goal`."""
        with self._uow() as uow:
            snapshot = goal_reads.load_goal(uow.session.connection(), goal_id)
            repo = _rows(uow)
            repo.delete(repo.goal(goal_id))
            return snapshot

    def restore_goal(self, goal: Goal) -> Goal:
        """Put a deleted goal back, with the same ids, at its old place."""
        with self._uow() as uow:
            _rows(uow).restore_goal(goal)
            return goal_reads.load_goal(uow.session.connection(), goal.id)

    def move_goal(self, goal_id: int, new_index: int) -> int:
        with self._uow() as uow:
            repo = _rows(uow)
            return repo.move(repo.goal(goal_id), new_index)

    # ------------------------------------------------------------------ milestones

    def add_milestone(self, goal_id: int, draft: MilestoneDraft) -> Milestone:
        with self._uow() as uow:
            repo = _rows(uow)
            goal = repo.goal(goal_id)
            rules.validate_milestone(draft, goal.target_date, self._today(), goal.start_date)
            milestone_id = repo.create_milestone(goal_id, draft)
            return goal_reads.load_milestone(uow.session.connection(), milestone_id)

    def update_milestone(
        self, milestone_id: int, draft: MilestoneDraft, reason: str = ""
    ) -> MilestoneUpdate:
        """Save an edit; a moved due date is recorded as a recalibration of its goal."""
        with self._uow() as uow:
            repo = _rows(uow)
            row = repo.milestone(milestone_id)
            goal = row.goal
            rules.validate_milestone(draft, goal.target_date, self._today(), goal.start_date)
            change_ids: tuple[int, ...] = ()
            if row.due_date is not None and row.due_date != draft.due_date:
                change_ids = (
                    repo.record_change(
                        goal.id,
                        ChangeField.MILESTONE_DUE,
                        draft.title.strip(),
                        row.due_date,
                        draft.due_date,
                        reason.strip(),
                        milestone_id=row.id,
                    ),
                )
            repo.set_milestone_fields(row, draft)
            uow.session.flush()
            milestone = goal_reads.load_milestone(uow.session.connection(), milestone_id)
            return MilestoneUpdate(milestone, change_ids)

    def revert_milestone(
        self, milestone_id: int, draft: MilestoneDraft, change_ids: Iterable[int] = ()
    ) -> Milestone:
        with self._uow() as uow:
            repo = _rows(uow)
            repo.set_milestone_fields(repo.milestone(milestone_id), draft)
            repo.drop_changes(change_ids)
            return goal_reads.load_milestone(uow.session.connection(), milestone_id)

    def set_milestone_done(self, milestone_id: int, done_date: date | None) -> Milestone:
        with self._uow() as uow:
            row = _rows(uow).milestone(milestone_id)
            draft = MilestoneDraft(row.title, row.due_date, done_date, row.notes)
            rules.validate_milestone(draft, None, self._today())
            row.done_date = done_date
            uow.session.flush()
            return goal_reads.load_milestone(uow.session.connection(), milestone_id)

    def delete_milestone(self, milestone_id: int) -> Milestone:
        with self._uow() as uow:
            snapshot = goal_reads.load_milestone(uow.session.connection(), milestone_id)
            repo = _rows(uow)
            repo.delete(repo.milestone(milestone_id))
            return snapshot

    def restore_milestone(self, milestone: Milestone) -> Milestone:
        with self._uow() as uow:
            _rows(uow).restore_milestone(milestone)
            return goal_reads.load_milestone(uow.session.connection(), milestone.id)

    def move_milestone(self, milestone_id: int, new_index: int) -> int:
        with self._uow() as uow:
            repo = _rows(uow)
            row = repo.milestone(milestone_id)
            return repo.move(row, new_index, goal_id=row.goal_id)

    # ------------------------------------------------------------------ steps

    def add_step(self, milestone_id: int, title: str) -> Step:
        rules.validate_step_title(title)
        with self._uow() as uow:
            repo = _rows(uow)
            repo.milestone(milestone_id)
            return repo.create_step(milestone_id, title)

    def rename_step(self, step_id: int, title: str) -> Step:
        rules.validate_step_title(title)
        return self._change_step(step_id, title=title.strip())

    def set_step_done(self, step_id: int, done: bool) -> Step:
        return self._change_step(step_id, done=done)

    def _change_step(self, step_id: int, **values: object) -> Step:
        with self._uow() as uow:
            repo = _rows(uow)
            row = repo.step(step_id)
            for name, value in values.items():
                setattr(row, name, value)
            return repo.as_step(row)

    def delete_step(self, step_id: int) -> Step:
        with self._uow() as uow:
            repo = _rows(uow)
            row = repo.step(step_id)
            snapshot = repo.as_step(row)
            repo.delete(row)
            return snapshot

    def restore_step(self, step: Step) -> Step:
        with self._uow() as uow:
            _rows(uow).restore_step(step)
            return step

    def move_step(self, step_id: int, new_index: int) -> int:
        with self._uow() as uow:
            repo = _rows(uow)
            row = repo.step(step_id)
            return repo.move(row, new_index, milestone_id=row.milestone_id)

    # ------------------------------------------------------------------ resources

    def add_resource(self, goal_id: int, draft: ResourceDraft) -> Resource:
        rules.validate_resource(draft)
        with self._uow() as uow:
            repo = _rows(uow)
            repo.goal(goal_id)
            return repo.create_resource(goal_id, draft)

    def update_resource(self, resource_id: int, draft: ResourceDraft) -> Resource:
        rules.validate_resource(draft)
        with self._uow() as uow:
            repo = _rows(uow)
            return repo.set_resource_fields(repo.resource(resource_id), draft)

    def delete_resource(self, resource_id: int) -> Resource:
        with self._uow() as uow:
            repo = _rows(uow)
            row = repo.resource(resource_id)
            snapshot = repo.as_resource(row)
            repo.delete(row)
            return snapshot

    def restore_resource(self, resource: Resource) -> Resource:
        with self._uow() as uow:
            _rows(uow).restore_resource(resource)
            return resource
