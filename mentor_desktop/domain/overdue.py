"""Overdue: a goal or milestone whose date has passed while it is not done.

A goal counts while it is active or paused and not fully progressed (achieved and dropped
goals never do); a milestone counts until it has a done date. The count is in whole days.
Only models and progress are imported, so the goal tree can mark overdue rows at start-up
without loading the timeline rules; `domain/timeline/overdue.py` counts timeline items.
"""

from __future__ import annotations

from datetime import date

from mentor_desktop.domain.models import Goal, GoalStatus, Milestone
from mentor_desktop.domain.progress import goal_progress


def days_overdue(target: date | None, progress: float, day: date) -> int:
    """Days since an unfinished target date passed (0 when not past, not dated or done)."""
    if target is None or progress >= 1.0:
        return 0
    return max(0, (day - target).days)


def goal_overdue_days(goal: Goal, today: date) -> int:
    """Days since `goal`'s target date passed unfinished (0 when it has not)."""
    if goal.status not in (GoalStatus.ACTIVE, GoalStatus.PAUSED):
        return 0
    return days_overdue(goal.target_date, goal_progress(goal), today)


def milestone_overdue_days(milestone: Milestone, today: date) -> int:
    """Days since `milestone`'s due date passed without it being done (0 when it has not)."""
    if milestone.done_date is not None or milestone.due_date is None:
        return 0
    return max(0, (today - milestone.due_date).days)


def overdue_text(days: int) -> str:
    """“Overdue by 1 day”, “Overdue by 12 days” ('' when not overdue)."""
    if days <= 0:
        return ""
    return f"Overdue by {days:,} day{'s' * (days != 1)}"
