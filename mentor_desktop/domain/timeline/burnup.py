"""The milestone burn-up: a milestone is *planned* for its original due date (the first date
it had before any recalibration moved it) and *done* on its done date. A projection continues
the pace of the last `PACE_DAYS` days (milestones done per day) from today."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from mentor_desktop.domain.timeline.periods import FAR_FUTURE_YEARS, month_start, next_month

#: Days of history whose pace the burn-up projection continues.
PACE_DAYS = 180


@dataclass(frozen=True, slots=True)
class MilestoneDates:
    """What the burn-up needs about one milestone."""

    milestone_id: int
    goal_id: int
    planned: date | None
    due: date | None
    done: date | None


@dataclass(frozen=True, slots=True)
class BurnupPoint:
    """Cumulative milestones planned and done by the end of `day`."""

    day: date
    planned: int
    done: int


@dataclass(frozen=True, slots=True)
class GoalProjection:
    """Where the current pace takes an active goal by its target date."""

    goal_id: int
    title: str
    target_date: date
    remaining: int
    projected_done: float
    finish_date: date | None

    @property
    def on_track(self) -> bool:
        return self.finish_date is not None and self.finish_date <= self.target_date


@dataclass(frozen=True, slots=True)
class BurnupData:
    points: tuple[BurnupPoint, ...]
    today: date
    pace_per_day: float
    projections: tuple[GoalProjection, ...] = ()
    #: What the chart writes at the `today` line ("today", or the day a past period ends).
    today_label: str = "today"

    @property
    def is_empty(self) -> bool:
        return not self.points

    @property
    def done_now(self) -> int:
        return self.done_by(self.today)

    def done_by(self, day: date) -> int:
        value = 0
        for point in self.points:
            if point.day <= day:
                value = point.done
        return value

    def projected_at(self, day: date) -> float:
        """Cumulative milestones done by `day` if the current pace holds."""
        return self.done_now + self.pace_per_day * max(0, (day - self.today).days)


def _cumulative(days: Sequence[date], until: date) -> int:
    """How many of the sorted `days` are on or before `until`."""
    return bisect_right(days, until)


def burnup(
    milestones: Sequence[MilestoneDates],
    active_goals: Sequence[tuple[int, str, date | None]],
    today: date,
    pace_days: int = PACE_DAYS,
    today_label: str = "today",
) -> BurnupData:
    """Month-end points from the first planned or done month to today (and the last due date).

    `active_goals` are (goal id, title, target date) of the goals to project.
    """
    planned = sorted(m.planned for m in milestones if m.planned is not None)
    done = sorted(m.done for m in milestones if m.done is not None)
    if not planned and not done:
        return BurnupData((), today, 0.0, (), today_label)
    horizon = today + timedelta(days=365 * FAR_FUTURE_YEARS)
    first = min([*planned[:1], *done[:1]])
    last = max(today, max((d for d in planned if d <= horizon), default=today))
    points: list[BurnupPoint] = []
    cursor = month_start(first)
    while cursor <= last:
        end = next_month(cursor) - timedelta(days=1)
        if cursor <= today < end:
            points.append(BurnupPoint(today, _cumulative(planned, today), _cumulative(done, today)))
        points.append(BurnupPoint(end, _cumulative(planned, end), _cumulative(done, end)))
        cursor = next_month(cursor)
    since = today - timedelta(days=min(pace_days, today.toordinal() - 1))
    recent = sum(1 for day in done if since < day <= today)
    pace = recent / pace_days
    done_now = _cumulative(done, today)
    projections = []
    for goal_id, title, target in active_goals:
        if target is None:
            continue
        mine = [m for m in milestones if m.goal_id == goal_id]
        remaining = sum(1 for m in mine if m.done is None or m.done > today)
        goal_recent = sum(1 for m in mine if m.done is not None and since < m.done <= today)
        goal_pace = goal_recent / pace_days
        finish: date | None
        if remaining == 0:
            finish = today
        elif goal_pace > 0:
            days_needed = remaining / goal_pace
            finish = today + timedelta(days=round(days_needed)) if days_needed < 365 * 100 else None
        else:
            finish = None
        projected = done_now + pace * max(0, (min(target, horizon) - today).days)
        projections.append(GoalProjection(goal_id, title, target, remaining, projected, finish))
    return BurnupData(tuple(points), today, pace, tuple(projections), today_label)
