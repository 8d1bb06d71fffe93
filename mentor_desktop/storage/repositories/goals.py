"""The goals repository: goals, milestones, steps, recalibrations and resources.

Writes use the ORM here; reads for display are plain SQL in `goal_reads` (no ORM at
start-up). Services see ids and dataclasses only.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mentor_desktop.domain.errors import NotFoundError
from mentor_desktop.domain.models import (
    ChangeField,
    Goal,
    GoalDraft,
    GoalKind,
    GoalStatus,
    Milestone,
    MilestoneDraft,
    Resource,
    ResourceDraft,
    ResourceKind,
    ResourceStatus,
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
from mentor_desktop.storage.repositories import goal_reads

RowT = TypeVar("RowT", bound=Base)
#: The rows that keep a user-chosen order among their siblings.
Positioned = GoalRow | MilestoneRow | StepRow | ResourceRow
PositionedT = TypeVar("PositionedT", GoalRow, MilestoneRow, StepRow, ResourceRow)

_KIND_NAMES = {
    GoalRow: "Goal",
    MilestoneRow: "Milestone",
    StepRow: "Step",
    ResourceRow: "Resource",
    GoalChangeRow: "Recalibration",
}


def step_to_domain(row: StepRow) -> Step:
    return Step(row.id, row.milestone_id, row.title, row.done, row.position)


def resource_to_domain(row: ResourceRow) -> Resource:
    return Resource(
        id=row.id,
        goal_id=row.goal_id,
        title=row.title,
        kind=ResourceKind(row.kind),
        status=ResourceStatus(row.status),
        location=row.location,
        notes=row.notes,
        position=row.position,
    )


class GoalRepository:
    """The goals area within one session: takes ids and drafts, returns ids or dataclasses.

    Reads go through `goal_reads` (plain SQL, also used at start-up without the ORM); rows
    never leave this module.
    """

    def __init__(self, session: Session) -> None:
        self.session = session

    # ------------------------------------------------------------------ reads

    def goal(self, goal_id: int) -> Goal:
        """The goal with its milestones, steps, resources and history (NotFoundError)."""
        self.session.flush()
        return goal_reads.load_goal(self.session.connection(), goal_id)

    def milestone(self, milestone_id: int) -> Milestone:
        self.session.flush()
        return goal_reads.load_milestone(self.session.connection(), milestone_id)

    def goal_dates(self, goal_id: int) -> tuple[date | None, date | None]:
        """(start date, target date) of the goal (NotFoundError)."""
        row = self._get(GoalRow, goal_id)
        return row.start_date, row.target_date

    def goal_order(self) -> list[int]:
        self.session.flush()
        return goal_reads.goal_order(self.session.connection())

    # ------------------------------------------------------------------ goals

    def create_goal(self, draft: GoalDraft) -> int:
        row = GoalRow(position=self._next_position(GoalRow))
        apply_goal(row, draft)
        return self._add(row)

    def update_goal(self, goal_id: int, draft: GoalDraft) -> None:
        apply_goal(self._get(GoalRow, goal_id), draft)
        self.session.flush()

    def set_goal_status(self, goal_id: int, status: GoalStatus) -> None:
        self._get(GoalRow, goal_id).status = status.value
        self.session.flush()

    def delete_goal(self, goal_id: int) -> None:
        """Delete the goal with everything under it."""
        self._delete(self._get(GoalRow, goal_id))

    def move_goal(self, goal_id: int, new_index: int) -> int:
        """Move the goal to `new_index` in the user's order; the index used."""
        return move_within(self._siblings(GoalRow), self._get(GoalRow, goal_id), new_index)

    # ------------------------------------------------------------------ milestones

    def create_milestone(self, goal_id: int, draft: MilestoneDraft) -> int:
        row = MilestoneRow(
            goal_id=goal_id, position=self._next_position(MilestoneRow, goal_id=goal_id)
        )
        apply_milestone(row, draft)
        return self._add(row)

    def update_milestone(self, milestone_id: int, draft: MilestoneDraft) -> None:
        apply_milestone(self._get(MilestoneRow, milestone_id), draft)
        self.session.flush()

    def set_milestone_done(self, milestone_id: int, done_date: date | None) -> None:
        self._get(MilestoneRow, milestone_id).done_date = done_date
        self.session.flush()

    def delete_milestone(self, milestone_id: int) -> None:
        self._delete(self._get(MilestoneRow, milestone_id))

    def move_milestone(self, milestone_id: int, new_index: int) -> int:
        row = self._get(MilestoneRow, milestone_id)
        return move_within(self._siblings(MilestoneRow, goal_id=row.goal_id), row, new_index)

    # ------------------------------------------------------------------ steps

    def create_step(self, milestone_id: int, title: str) -> Step:
        self._get(MilestoneRow, milestone_id)
        row = StepRow(
            milestone_id=milestone_id,
            title=title.strip(),
            done=False,
            position=self._next_position(StepRow, milestone_id=milestone_id),
        )
        self._add(row)
        return step_to_domain(row)

    def update_step(
        self, step_id: int, *, title: str | None = None, done: bool | None = None
    ) -> Step:
        """Change the step's title and/or tick; returns the step as it is now."""
        row = self._get(StepRow, step_id)
        if title is not None:
            row.title = title
        if done is not None:
            row.done = done
        self.session.flush()
        return step_to_domain(row)

    def delete_step(self, step_id: int) -> Step:
        """Delete the step; returns what it was, for putting back."""
        row = self._get(StepRow, step_id)
        snapshot = step_to_domain(row)
        self._delete(row)
        return snapshot

    def move_step(self, step_id: int, new_index: int) -> int:
        row = self._get(StepRow, step_id)
        return move_within(self._siblings(StepRow, milestone_id=row.milestone_id), row, new_index)

    # ------------------------------------------------------------------ resources

    def create_resource(self, goal_id: int, draft: ResourceDraft) -> Resource:
        self._get(GoalRow, goal_id)
        row = ResourceRow(
            goal_id=goal_id, position=self._next_position(ResourceRow, goal_id=goal_id)
        )
        apply_resource(row, draft)
        self._add(row)
        return resource_to_domain(row)

    def update_resource(self, resource_id: int, draft: ResourceDraft) -> Resource:
        row = self._get(ResourceRow, resource_id)
        apply_resource(row, draft)
        self.session.flush()
        return resource_to_domain(row)

    def delete_resource(self, resource_id: int) -> Resource:
        """Delete the resource; returns what it was, for putting back."""
        row = self._get(ResourceRow, resource_id)
        snapshot = resource_to_domain(row)
        self._delete(row)
        return snapshot

    # ------------------------------------------------------------------ recalibrations

    def record_change(
        self,
        goal_id: int,
        field: ChangeField,
        subject: str,
        old: date | None,
        new: date | None,
        reason: str,
        milestone_id: int | None = None,
    ) -> int:
        """Record a moved date; returns the recalibration's id."""
        return self._add(
            GoalChangeRow(
                goal_id=goal_id,
                milestone_id=milestone_id,
                field=field.value,
                subject=subject,
                old_value=old,
                new_value=new,
                reason=reason,
            )
        )

    def drop_changes(self, change_ids: Iterable[int]) -> None:
        for change_id in change_ids:
            change = self.session.get(GoalChangeRow, change_id)
            if change is not None:
                self.session.delete(change)
        self.session.flush()

    # ------------------------------------------------------------------ putting back

    def restore_goal(self, goal: Goal) -> None:
        """Insert a goal snapshot with its ids, milestones, steps, resources and history."""
        row = GoalRow(id=goal.id, position=goal.position)
        apply_goal(row, goal.draft())
        self.session.add(row)
        for milestone in goal.milestones:
            self.session.add(milestone_row(milestone))
        for resource in goal.resources:
            self.session.add(resource_row(resource))
        self.session.flush()
        self.session.add_all(
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
            for change in goal.changes
        )
        self.session.flush()
        self._reinsert_at(self._siblings(GoalRow), goal.id, goal.position)

    def restore_step(self, step: Step) -> None:
        self._get(MilestoneRow, step.milestone_id)
        self._add(
            StepRow(
                id=step.id,
                milestone_id=step.milestone_id,
                title=step.title,
                done=step.done,
                position=step.position,
            )
        )
        self._reinsert_at(
            self._siblings(StepRow, milestone_id=step.milestone_id), step.id, step.position
        )

    def restore_milestone(self, milestone: Milestone) -> None:
        self._get(GoalRow, milestone.goal_id)
        self._add(milestone_row(milestone))
        self._reinsert_at(
            self._siblings(MilestoneRow, goal_id=milestone.goal_id),
            milestone.id,
            milestone.position,
        )

    def restore_resource(self, resource: Resource) -> None:
        self._get(GoalRow, resource.goal_id)
        self._add(resource_row(resource))
        self._reinsert_at(
            self._siblings(ResourceRow, goal_id=resource.goal_id), resource.id, resource.position
        )

    # ------------------------------------------------------------------ rows

    def _get(self, model: type[RowT], record_id: int) -> RowT:
        row = self.session.get(model, record_id)
        if row is None:
            raise NotFoundError(_KIND_NAMES.get(model, model.__name__), record_id)
        return row

    def _next_position(self, model: type[Positioned], **parent: int) -> int:
        query = select(func.coalesce(func.max(model.position), -1) + 1)
        for name, value in parent.items():
            query = query.where(getattr(model, name) == value)
        return int(self.session.scalar(query) or 0)

    def _siblings(self, model: type[PositionedT], **parent: int) -> list[PositionedT]:
        query = select(model).order_by(model.position, model.id)
        for name, value in parent.items():
            query = query.where(getattr(model, name) == value)
        return list(self.session.scalars(query))

    def _add(self, row: Positioned | GoalChangeRow) -> int:
        self.session.add(row)
        self.session.flush()
        return row.id

    def _delete(self, row: Base) -> None:
        self.session.delete(row)
        self.session.flush()

    def _reinsert_at(self, rows: list[PositionedT], record_id: int, position: int) -> None:
        """Renumber siblings so the restored row sits at `position` again."""
        move_within(rows, next(r for r in rows if r.id == record_id), position)
        self.session.flush()


def move_within(rows: list[PositionedT], row: PositionedT, new_index: int) -> int:
    """Move `row` to `new_index` among `rows` (sorted by position), renumber; the new index."""
    rows.remove(row)
    new_index = max(0, min(new_index, len(rows)))
    rows.insert(new_index, row)
    for position, item in enumerate(rows):
        if item.position != position:
            item.position = position
    return new_index


def apply_goal(row: GoalRow, draft: GoalDraft) -> None:
    row.title = draft.title.strip()
    row.kind = GoalKind(draft.kind).value
    row.status = GoalStatus(draft.status).value
    row.why = draft.why
    row.success_measure = draft.success_measure
    row.start_date = draft.start_date
    row.target_date = draft.target_date


def apply_milestone(row: MilestoneRow, draft: MilestoneDraft) -> None:
    row.title = draft.title.strip()
    row.due_date = draft.due_date
    row.done_date = draft.done_date
    row.notes = draft.notes


def apply_resource(row: ResourceRow, draft: ResourceDraft) -> None:
    row.title = draft.title.strip()
    row.kind = draft.kind.value
    row.status = draft.status.value
    row.location = draft.location.strip()
    row.notes = draft.notes


def milestone_row(milestone: Milestone) -> MilestoneRow:
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


def resource_row(resource: Resource) -> ResourceRow:
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
