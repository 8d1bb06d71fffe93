"""Reading goals with their milestones, steps, resources and history, in plain SQL.

The read path does not need the ORM, so opening the Goals tab at start-up does not pay for
mapping the classes in `storage/orm.py` (about a tenth of a second). Five indexed queries
load any number of goals: no N+1. Every function takes a session's connection or a plain
sqlite3 one: the window's first screen is read before SQLAlchemy is even loaded.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

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
from mentor_desktop.storage.repositories.plain_sql import AnyConnection, run_sql


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _moment(value: str) -> datetime:
    return datetime.fromisoformat(value)


def _goal_filter(
    goal_ids: Sequence[int] | None,
    kinds: Sequence[str] | None,
    statuses: Sequence[str] | None,
) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    for column, values in (("id", goal_ids), ("kind", kinds), ("status", statuses)):
        if values is not None:
            clauses.append(f"{column} IN ({', '.join('?' * len(values))})" if values else "0")
            params.extend(values)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def load_goals(
    connection: AnyConnection,
    goal_ids: Sequence[int] | None = None,
    kinds: Sequence[str] | None = None,
    statuses: Sequence[str] | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[Goal]:
    """Goals in the user's order, each with everything under it; `limit` and `offset` take
    one stretch of that order (the first screen reads the first goals only)."""
    where, params = _goal_filter(goal_ids, kinds, statuses)
    if limit is not None or offset:
        where += " ORDER BY position, id LIMIT ? OFFSET ?"
        params += [-1 if limit is None else limit, offset]
    chosen = f"SELECT id FROM goal{where}"

    def run(sql: str, params: Sequence[object]) -> Any:
        return run_sql(connection, sql, params)

    steps: dict[int, list[Step]] = defaultdict(list)
    for row in run(
        "SELECT s.id, s.milestone_id, s.title, s.done, s.position FROM step s "
        "JOIN milestone m ON m.id = s.milestone_id "
        f"WHERE m.goal_id IN ({chosen}) ORDER BY s.milestone_id, s.position, s.id",
        tuple(params),
    ):
        steps[row[1]].append(Step(row[0], row[1], row[2], bool(row[3]), row[4]))

    milestones: dict[int, list[Milestone]] = defaultdict(list)
    for row in run(
        "SELECT id, goal_id, title, due_date, done_date, notes, position FROM milestone "
        f"WHERE goal_id IN ({chosen}) ORDER BY goal_id, position, id",
        tuple(params),
    ):
        milestones[row[1]].append(
            Milestone(
                id=row[0],
                goal_id=row[1],
                title=row[2],
                due_date=_day(row[3]),
                done_date=_day(row[4]),
                notes=row[5],
                position=row[6],
                steps=tuple(steps.get(row[0], ())),
            )
        )

    resources: dict[int, list[Resource]] = defaultdict(list)
    for row in run(
        "SELECT id, goal_id, title, kind, status, location, notes, position FROM resource "
        f"WHERE goal_id IN ({chosen}) ORDER BY goal_id, position, id",
        tuple(params),
    ):
        resources[row[1]].append(
            Resource(
                id=row[0],
                goal_id=row[1],
                title=row[2],
                kind=ResourceKind(row[3]),
                status=ResourceStatus(row[4]),
                location=row[5],
                notes=row[6],
                position=row[7],
            )
        )

    changes: dict[int, list[GoalChange]] = defaultdict(list)
    for row in run(
        "SELECT id, goal_id, milestone_id, field, subject, old_value, new_value, reason, "
        f"changed_at FROM goal_change WHERE goal_id IN ({chosen}) ORDER BY goal_id, changed_at, id",
        tuple(params),
    ):
        changes[row[1]].append(
            GoalChange(
                id=row[0],
                goal_id=row[1],
                milestone_id=row[2],
                field=ChangeField(row[3]),
                subject=row[4],
                old_value=_day(row[5]),
                new_value=_day(row[6]),
                reason=row[7],
                changed_at=_moment(row[8]),
            )
        )

    return [
        Goal(
            id=row[0],
            title=row[1],
            kind=GoalKind(row[2]),
            status=GoalStatus(row[3]),
            why=row[4],
            success_measure=row[5],
            start_date=_day(row[6]),
            target_date=_day(row[7]),
            position=row[8],
            milestones=tuple(milestones.get(row[0], ())),
            resources=tuple(resources.get(row[0], ())),
            changes=tuple(changes.get(row[0], ())),
        )
        for row in run(
            "SELECT id, title, kind, status, why, success_measure, start_date, target_date, "
            f"position FROM goal WHERE id IN ({chosen}) ORDER BY position, id",
            tuple(params),
        )
    ]


def load_goal(connection: AnyConnection, goal_id: int) -> Goal:
    goals = load_goals(connection, goal_ids=[goal_id])
    if not goals:
        raise NotFoundError("Goal", goal_id)
    return goals[0]


def load_milestone(connection: AnyConnection, milestone_id: int) -> Milestone:
    row = run_sql(
        connection, "SELECT goal_id FROM milestone WHERE id = ?", (milestone_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError("Milestone", milestone_id)
    goal = load_goal(connection, row[0])
    return next(m for m in goal.milestones if m.id == milestone_id)


def goal_order(connection: AnyConnection) -> list[int]:
    return [row[0] for row in run_sql(connection, "SELECT id FROM goal ORDER BY position, id")]


def count_goals(connection: AnyConnection) -> int:
    return int(run_sql(connection, "SELECT count(*) FROM goal").fetchone()[0] or 0)
