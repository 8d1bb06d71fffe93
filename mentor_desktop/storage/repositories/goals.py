"""Goal, milestone, step, recalibration and resource rows, and their dataclasses."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from mentor_desktop.domain.errors import NotFoundError
from mentor_desktop.domain.models import (
    ChangeField,
    Goal,
    GoalChange,
    GoalKind,
    GoalStatus,
    Milestone,
    Resource,
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


def milestone_to_domain(row: MilestoneRow) -> Milestone:
    return Milestone(
        id=row.id,
        goal_id=row.goal_id,
        title=row.title,
        due_date=row.due_date,
        done_date=row.done_date,
        notes=row.notes,
        position=row.position,
        steps=tuple(step_to_domain(s) for s in row.steps),
    )


def change_to_domain(row: GoalChangeRow) -> GoalChange:
    return GoalChange(
        id=row.id,
        goal_id=row.goal_id,
        milestone_id=row.milestone_id,
        field=ChangeField(row.field),
        subject=row.subject,
        old_value=row.old_value,
        new_value=row.new_value,
        reason=row.reason,
        changed_at=row.changed_at,
    )


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


def goal_to_domain(row: GoalRow) -> Goal:
    return Goal(
        id=row.id,
        title=row.title,
        kind=GoalKind(row.kind),
        status=GoalStatus(row.status),
        why=row.why,
        success_measure=row.success_measure,
        start_date=row.start_date,
        target_date=row.target_date,
        position=row.position,
        milestones=tuple(milestone_to_domain(m) for m in row.milestones),
        resources=tuple(resource_to_domain(r) for r in row.resources),
        changes=tuple(change_to_domain(c) for c in row.changes),
    )


def _goal_tree_options() -> tuple:
    return (
        selectinload(GoalRow.milestones).selectinload(MilestoneRow.steps),
        selectinload(GoalRow.resources),
        selectinload(GoalRow.changes),
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

    def goal_tree(self, goal_id: int) -> GoalRow:
        row = self.session.scalars(
            select(GoalRow).where(GoalRow.id == goal_id).options(*_goal_tree_options())
        ).one_or_none()
        if row is None:
            raise NotFoundError("Goal", goal_id)
        return row

    def all_goal_trees(
        self, kinds: Sequence[str] | None = None, statuses: Sequence[str] | None = None
    ) -> list[GoalRow]:
        query = (
            select(GoalRow).options(*_goal_tree_options()).order_by(GoalRow.position, GoalRow.id)
        )
        if kinds:
            query = query.where(GoalRow.kind.in_(kinds))
        if statuses:
            query = query.where(GoalRow.status.in_(statuses))
        return list(self.session.scalars(query))

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

    def count_goals(self) -> int:
        return int(self.session.scalar(select(func.count()).select_from(GoalRow)) or 0)
