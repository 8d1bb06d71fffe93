"""Goal, milestone, step, recalibration and resource rows: the write side.

Reading goals for display goes through `goal_reads` (plain SQL, no ORM at start-up).
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

RowT = TypeVar("RowT", bound=Base)

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
    """Rows of the goals area, read and written within one session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, model: type[RowT], record_id: int) -> RowT:
        row = self.session.get(model, record_id)
        if row is None:
            raise NotFoundError(_KIND_NAMES.get(model, model.__name__), record_id)
        return row

    def next_position(self, model: type[Base], **parent: int) -> int:
        column = model.position  # type: ignore[attr-defined]
        query = select(func.coalesce(func.max(column), -1) + 1)
        for name, value in parent.items():
            query = query.where(getattr(model, name) == value)
        return int(self.session.scalar(query) or 0)

    def siblings(self, model: type[RowT], **parent: int) -> list[RowT]:
        query = select(model).order_by(model.position, model.id)  # type: ignore[attr-defined]
        for name, value in parent.items():
            query = query.where(getattr(model, name) == value)
        return list(self.session.scalars(query))

    # ------------------------------------------------------------------ rows by id

    def goal(self, goal_id: int) -> GoalRow:
        return self.get(GoalRow, goal_id)

    def milestone(self, milestone_id: int) -> MilestoneRow:
        return self.get(MilestoneRow, milestone_id)

    def step(self, step_id: int) -> StepRow:
        return self.get(StepRow, step_id)

    def resource(self, resource_id: int) -> ResourceRow:
        return self.get(ResourceRow, resource_id)

    # ------------------------------------------------------------------ writes

    def create_goal(self, draft: GoalDraft) -> int:
        row = GoalRow(position=self.next_position(GoalRow))
        apply_goal(row, draft)
        return self.add(row)

    def create_milestone(self, goal_id: int, draft: MilestoneDraft) -> int:
        row = MilestoneRow(
            goal_id=goal_id, position=self.next_position(MilestoneRow, goal_id=goal_id)
        )
        apply_milestone(row, draft)
        return self.add(row)

    def create_step(self, milestone_id: int, title: str) -> Step:
        row = StepRow(
            milestone_id=milestone_id,
            title=title.strip(),
            done=False,
            position=self.next_position(StepRow, milestone_id=milestone_id),
        )
        self.add(row)
        return step_to_domain(row)

    def create_resource(self, goal_id: int, draft: ResourceDraft) -> Resource:
        row = ResourceRow(
            goal_id=goal_id, position=self.next_position(ResourceRow, goal_id=goal_id)
        )
        apply_resource(row, draft)
        self.add(row)
        return resource_to_domain(row)

    as_step = staticmethod(step_to_domain)
    as_resource = staticmethod(resource_to_domain)

    @staticmethod
    def set_goal_fields(row: GoalRow, draft: GoalDraft) -> None:
        apply_goal(row, draft)

    @staticmethod
    def set_milestone_fields(row: MilestoneRow, draft: MilestoneDraft) -> None:
        apply_milestone(row, draft)

    @staticmethod
    def set_resource_fields(row: ResourceRow, draft: ResourceDraft) -> Resource:
        apply_resource(row, draft)
        return resource_to_domain(row)

    def add(self, row: Base) -> int:
        self.session.add(row)
        self.session.flush()
        return row.id  # type: ignore[attr-defined]

    def delete(self, row: Base) -> None:
        self.session.delete(row)
        self.session.flush()

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
        return self.add(
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
        self.reinsert_at(self.siblings(GoalRow), goal.id, goal.position)

    def restore_step(self, step: Step) -> None:
        self.get(MilestoneRow, step.milestone_id)
        self.add(
            StepRow(
                id=step.id,
                milestone_id=step.milestone_id,
                title=step.title,
                done=step.done,
                position=step.position,
            )
        )
        self.reinsert_at(
            self.siblings(StepRow, milestone_id=step.milestone_id), step.id, step.position
        )

    def restore_milestone(self, milestone: Milestone) -> None:
        self.get(GoalRow, milestone.goal_id)
        self.add(milestone_row(milestone))
        self.reinsert_at(
            self.siblings(MilestoneRow, goal_id=milestone.goal_id), milestone.id, milestone.position
        )

    def restore_resource(self, resource: Resource) -> None:
        self.get(GoalRow, resource.goal_id)
        self.add(resource_row(resource))
        self.reinsert_at(
            self.siblings(ResourceRow, goal_id=resource.goal_id), resource.id, resource.position
        )

    def move(self, row: Base, new_index: int, **parent: int) -> int:
        """Move `row` to `new_index` among its siblings and renumber them; the index used."""
        return move_within(self.siblings(type(row), **parent), row, new_index)

    def reinsert_at(self, rows: list, record_id: int, position: int) -> None:
        """Renumber siblings so the restored row sits at `position` again."""
        move_within(rows, next(r for r in rows if r.id == record_id), position)
        self.session.flush()


def move_within(rows: list, row: Base, new_index: int) -> int:
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
