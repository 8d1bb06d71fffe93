"""Progress by goal: a goal is *overdue* once its target date has passed unfinished (never
"on track", however close it came), *ahead* when its progress exceeds the share of its time
already spent by more than `ON_TRACK_MARGIN`, *behind* when it trails by more, else on track;
and how goals stood on a past day (for the review pack of a past period)."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from mentor_desktop.domain.models import Goal, GoalStatus
from mentor_desktop.domain.overdue import days_overdue
from mentor_desktop.domain.progress import goal_progress

#: How far progress may differ from the share of time spent and still be "on track".
ON_TRACK_MARGIN = 0.05


class Pace(enum.StrEnum):
    AHEAD = "ahead"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    OVERDUE = "overdue"
    NO_DATES = "no_dates"

    @property
    def label(self) -> str:
        return {
            "ahead": "Ahead",
            "on_track": "On track",
            "behind": "Behind",
            "overdue": "Overdue",
            "no_dates": "No dates",
        }[self.value]


def overdue_words(days: int) -> str:
    """“overdue by 1 day”, “overdue by 12 days” ('' when not overdue)."""
    if days <= 0:
        return ""
    return f"overdue by {days} day{'s' * (days != 1)}"


@dataclass(frozen=True, slots=True)
class GoalPace:
    goal_id: int
    title: str
    progress: float
    time_share: float | None
    start_date: date | None
    target_date: date | None
    #: The day the pace is measured on (None: overdue is not judged).
    day: date | None = None

    @property
    def overdue_days(self) -> int:
        return 0 if self.day is None else days_overdue(self.target_date, self.progress, self.day)

    @property
    def pace_text(self) -> str:
        """“Overdue by 12 days”, “Behind”, “On track”…"""
        overdue = overdue_words(self.overdue_days)
        return overdue.capitalize() if overdue else self.pace.label

    @property
    def pace(self) -> Pace:
        if self.overdue_days:
            return Pace.OVERDUE
        if self.time_share is None:
            return Pace.NO_DATES
        if self.progress - self.time_share > ON_TRACK_MARGIN:
            return Pace.AHEAD
        if self.time_share - self.progress > ON_TRACK_MARGIN:
            return Pace.BEHIND
        return Pace.ON_TRACK


def time_share(start: date | None, target: date | None, today: date) -> float | None:
    """The share of the time from start to target already spent (0..1); None without dates."""
    if start is None or target is None:
        return None
    if target <= start:
        return 1.0 if today >= target else 0.0
    spent = (today - start).days / (target - start).days
    return max(0.0, min(1.0, spent))


def achieved_on(goal: Goal) -> date | None:
    """When an achieved goal was achieved: its last milestone done date, else its target."""
    if goal.status is not GoalStatus.ACHIEVED:
        return None
    return max((m.done_date for m in goal.milestones if m.done_date), default=goal.target_date)


def progress_on(goal: Goal, day: date, today: date) -> float:
    """A goal's progress on `day`. From today on it is `goal_progress`; on a past day it is
    the share of its milestones done by then (steps carry no dates, so they cannot count)."""
    if day >= today:
        return goal_progress(goal)
    achieved = achieved_on(goal)
    if achieved is not None and achieved <= day:
        return 1.0
    if not goal.milestones:
        return 0.0
    done = sum(1 for m in goal.milestones if m.done_date is not None and m.done_date <= day)
    return done / len(goal.milestones)


def goals_on(goals: Iterable[Goal], day: date, today: date) -> list[Goal]:
    """The goals to show as active on `day`: active ones, and (for a past day) the goals
    achieved after it, leaving out goals that started after it. When a goal was paused or
    dropped is not recorded."""

    def shown(goal: Goal) -> bool:
        if day < today and goal.start_date is not None and goal.start_date > day:
            return False
        if goal.status is GoalStatus.ACTIVE:
            return True
        achieved = achieved_on(goal)
        return day < today and achieved is not None and achieved > day

    return [goal for goal in goals if shown(goal)]


@dataclass(frozen=True, slots=True)
class GoalProgressData:
    goals: tuple[GoalPace, ...]
    today: date

    @property
    def is_empty(self) -> bool:
        return not self.goals
