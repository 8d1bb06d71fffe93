"""Overdue goals and milestones among timeline items, counted as `domain.overdue` counts them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from mentor_desktop.domain.timeline.items import TimelineItem, TimelineKind

#: A timeline item's kind and id.
ItemKey = tuple[TimelineKind, int]


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
