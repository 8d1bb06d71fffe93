"""Goals, milestones, steps, recalibrations and resources.

Every method is one transaction: it validates first and either writes everything or nothing.
Methods that remove something return a full snapshot that `restore_*` puts back with the
same ids, which is how undo works. Reads use plain SQL (`goal_reads`); the repository,
which writes with the ORM, is imported on the first write, so showing goals at start-up
stays cheap.
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

if TYPE_CHECKING:
    from mentor_desktop.storage.repositories.goals import GoalRepository
    from mentor_desktop.storage.uow import UnitOfWork, UnitOfWorkFactory


def _repository(uow: UnitOfWork) -> GoalRepository:
    """The goals repository (imports the ORM on first use)."""
    from mentor_desktop.storage.repositories.goals import GoalRepository

    return GoalRepository(uow.session)


class GoalService:
    """Everything the Goals tab (and later the timeline and reports) does with goals."""

    def __init__(
        self, uow_factory: UnitOfWorkFactory, today: Callable[[], date] = date.today
    ) -> None:
        self._uow = uow_factory
        self._today = today
        self._primed: list[Goal] | None = None

    # ------------------------------------------------------------------ reading

    def list_goals(
        self,
        kinds: Sequence[GoalKind] | None = None,
        statuses: Sequence[GoalStatus] | None = None,
    ) -> list[Goal]:
        """Goals in their user-chosen order, each with milestones, steps, resources, history."""
        primed, self._primed = self._primed, None
        if primed is not None and not kinds and not statuses:
            return primed
        with self._uow() as uow:
            return goal_reads.load_goals(
                uow.session.connection(),
                kinds=[k.value for k in kinds] if kinds else None,
                statuses=[s.value for s in statuses] if statuses else None,
            )

    def prime(self, goals: list[Goal] | None) -> None:
        """The goals read at start-up before the database was opened (`quick_reads`: all of
        them, or the first screen's): the next unfiltered `list_goals` answers with them
        instead of reading them again. None forgets them."""
        self._primed = goals

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
            repo = _repository(uow)
            return repo.goal(repo.create_goal(draft))

    def update_goal(self, goal_id: int, draft: GoalDraft, reason: str = "") -> GoalUpdate:
        """Save an edit; a moved start or target date is recorded as a recalibration."""
        with self._uow() as uow:
            repo = _repository(uow)
            current = repo.goal(goal_id)
            rules.validate_goal(draft, [(m.title, m.due_date) for m in current.milestones])
            change_ids = tuple(
                repo.record_change(goal_id, field, draft.title.strip(), old, new, reason.strip())
                for field, old, new in (
                    (ChangeField.GOAL_START, current.start_date, draft.start_date),
                    (ChangeField.GOAL_TARGET, current.target_date, draft.target_date),
                )
                if old is not None and old != new
            )
            repo.update_goal(goal_id, draft)
            return GoalUpdate(repo.goal(goal_id), change_ids)

    def revert_goal(self, goal_id: int, draft: GoalDraft, change_ids: Iterable[int] = ()) -> Goal:
        """Undo an update: put the fields back and forget the recalibrations it recorded."""
        with self._uow() as uow:
            repo = _repository(uow)
            repo.update_goal(goal_id, draft)
            repo.drop_changes(change_ids)
            return repo.goal(goal_id)

    def set_goal_status(self, goal_id: int, status: GoalStatus) -> Goal:
        with self._uow() as uow:
            repo = _repository(uow)
            repo.set_goal_status(goal_id, status)
            return repo.goal(goal_id)

    def delete_goal(self, goal_id: int) -> Goal:
        """Delete a goal with everything under it; returns the snapshot for `restore_goal`."""
        with self._uow() as uow:
            repo = _repository(uow)
            snapshot = repo.goal(goal_id)
            repo.delete_goal(goal_id)
            return snapshot

    def restore_goal(self, goal: Goal) -> Goal:
        """Put a deleted goal back, with the same ids, at its old place."""
        with self._uow() as uow:
            repo = _repository(uow)
            repo.restore_goal(goal)
            return repo.goal(goal.id)

    def move_goal(self, goal_id: int, new_index: int) -> int:
        with self._uow() as uow:
            return _repository(uow).move_goal(goal_id, new_index)

    # ------------------------------------------------------------------ milestones

    def add_milestone(self, goal_id: int, draft: MilestoneDraft) -> Milestone:
        with self._uow() as uow:
            repo = _repository(uow)
            start, target = repo.goal_dates(goal_id)
            rules.validate_milestone(draft, target, self._today(), start)
            return repo.milestone(repo.create_milestone(goal_id, draft))

    def update_milestone(
        self, milestone_id: int, draft: MilestoneDraft, reason: str = ""
    ) -> MilestoneUpdate:
        """Save an edit; a moved due date is recorded as a recalibration of its goal."""
        with self._uow() as uow:
            repo = _repository(uow)
            current = repo.milestone(milestone_id)
            start, target = repo.goal_dates(current.goal_id)
            rules.validate_milestone(draft, target, self._today(), start)
            change_ids: tuple[int, ...] = ()
            if current.due_date is not None and current.due_date != draft.due_date:
                change_ids = (
                    repo.record_change(
                        current.goal_id,
                        ChangeField.MILESTONE_DUE,
                        draft.title.strip(),
                        current.due_date,
                        draft.due_date,
                        reason.strip(),
                        milestone_id=milestone_id,
                    ),
                )
            repo.update_milestone(milestone_id, draft)
            return MilestoneUpdate(repo.milestone(milestone_id), change_ids)

    def revert_milestone(
        self, milestone_id: int, draft: MilestoneDraft, change_ids: Iterable[int] = ()
    ) -> Milestone:
        with self._uow() as uow:
            repo = _repository(uow)
            repo.update_milestone(milestone_id, draft)
            repo.drop_changes(change_ids)
            return repo.milestone(milestone_id)

    def set_milestone_done(self, milestone_id: int, done_date: date | None) -> Milestone:
        with self._uow() as uow:
            repo = _repository(uow)
            current = repo.milestone(milestone_id)
            draft = MilestoneDraft(current.title, current.due_date, done_date, current.notes)
            rules.validate_milestone(draft, None, self._today())
            repo.set_milestone_done(milestone_id, done_date)
            return repo.milestone(milestone_id)

    def delete_milestone(self, milestone_id: int) -> Milestone:
        with self._uow() as uow:
            repo = _repository(uow)
            snapshot = repo.milestone(milestone_id)
            repo.delete_milestone(milestone_id)
            return snapshot

    def restore_milestone(self, milestone: Milestone) -> Milestone:
        with self._uow() as uow:
            repo = _repository(uow)
            repo.restore_milestone(milestone)
            return repo.milestone(milestone.id)

    def move_milestone(self, milestone_id: int, new_index: int) -> int:
        with self._uow() as uow:
            return _repository(uow).move_milestone(milestone_id, new_index)

    # ------------------------------------------------------------------ steps

    def add_step(self, milestone_id: int, title: str) -> Step:
        rules.validate_step_title(title)
        with self._uow() as uow:
            return _repository(uow).create_step(milestone_id, title)

    def rename_step(self, step_id: int, title: str) -> Step:
        rules.validate_step_title(title)
        with self._uow() as uow:
            return _repository(uow).update_step(step_id, title=title.strip())

    def set_step_done(self, step_id: int, done: bool) -> Step:
        with self._uow() as uow:
            return _repository(uow).update_step(step_id, done=done)

    def delete_step(self, step_id: int) -> Step:
        with self._uow() as uow:
            return _repository(uow).delete_step(step_id)

    def restore_step(self, step: Step) -> Step:
        with self._uow() as uow:
            _repository(uow).restore_step(step)
            return step

    def move_step(self, step_id: int, new_index: int) -> int:
        with self._uow() as uow:
            return _repository(uow).move_step(step_id, new_index)

    # ------------------------------------------------------------------ resources

    def add_resource(self, goal_id: int, draft: ResourceDraft) -> Resource:
        rules.validate_resource(draft)
        with self._uow() as uow:
            return _repository(uow).create_resource(goal_id, draft)

    def update_resource(self, resource_id: int, draft: ResourceDraft) -> Resource:
        rules.validate_resource(draft)
        with self._uow() as uow:
            return _repository(uow).update_resource(resource_id, draft)

    def delete_resource(self, resource_id: int) -> Resource:
        with self._uow() as uow:
            return _repository(uow).delete_resource(resource_id)

    def restore_resource(self, resource: Resource) -> Resource:
        with self._uow() as uow:
            _repository(uow).restore_resource(resource)
            return resource
