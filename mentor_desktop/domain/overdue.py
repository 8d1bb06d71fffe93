"""Overdue: a goal or milestone whose date has passed while it is not done.

A goal counts while it is active or paused and not fully progressed (achieved and dropped
goals never do); a milestone counts until it has a done date. The count is in whole days.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from mentor_desktop.domain.models import Goal, GoalStatus, Milestone
from mentor_desktop.domain.progress import goal_progress
from mentor_desktop.domain.timeline.goal_pace import days_overdue
from mentor_desktop.domain.timeline.items import TimelineItem, TimelineKind

#: A timeline item's kind and id.
ItemKey = tuple[TimelineKind, int]


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


def timeline_overdue_days(items: Iterable[TimelineItem], today: date) -> dict[ItemKey, int]:
    """Days each goal and milestone of `items` is overdue (only those that are).

    A goal counts like `goal_overdue_days`: open (active or paused), past its target, and not
    every one of its dated milestones done (a goal without any counts as not done)."""
    items = list(items)
    open_goals = {i.goal_id for i in items if i.kind is TimelineKind.MILESTONE and not i.done}
    with_milestones = {i.goal_id for i in items if i.kind is TimelineKind.MILESTONE}
    late: dict[ItemKey, int] = {}
    for item in items:
        days = 0
        if item.kind is TimelineKind.MILESTONE and not item.done:
            days = (today - item.start).days
        elif item.kind is TimelineKind.GOAL and item.goal_status in ("active", "paused"):
            unfinished = item.id in open_goals or item.id not in with_milestones
            days = (today - item.end).days if unfinished else 0
        if days > 0:
            late[(item.kind, item.id)] = days
    return late
