"""The timeline, the four progress charts and the review pack: plain data and pure rules.

Everything here is computed from plain dataclasses (no database, no Matplotlib), so each rule
can be checked on hand-built cases. One module per responsibility:

* `periods`: months, quarters and ISO weeks the charts count in;
* `burnup`: the milestone burn-up and its projection;
* `goal_pace`: progress by goal (ahead, on track, behind), and goals as they stood on a day;
* `follow_through`: follow-through per quarter (the rule itself is
  `domain.sessions.follow_through`, shared with Session prep and the brief);
* `rhythm`: the journal's weekly rhythm;
* `items`: what the timeline draws;
* `review`: what the review pack shows.

Everything is importable from here; the heavier modules load when first asked for, so a
chart helper that needs only `burnup` does not pay for the review pack's.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

# Loaded at once: light, and `burnup` and `rhythm` are also the names of their modules (a
# module imported later would otherwise take the function's place here).
from mentor_desktop.domain.timeline.burnup import (
    PACE_DAYS,
    BurnupData,
    BurnupPoint,
    GoalProjection,
    MilestoneDates,
    burnup,
)
from mentor_desktop.domain.timeline.periods import (
    FAR_FUTURE_YEARS,
    month_start,
    next_month,
    quarter_label,
    quarter_start,
    week_start,
)
from mentor_desktop.domain.timeline.rhythm import RhythmData, WeekCount, rhythm

if TYPE_CHECKING:
    from mentor_desktop.domain.overdue import days_overdue
    from mentor_desktop.domain.timeline.follow_through import (
        FollowThroughData,
        QuarterFollowThrough,
        follow_through_by_quarter,
    )
    from mentor_desktop.domain.timeline.goal_pace import (
        ON_TRACK_MARGIN,
        GoalPace,
        GoalProgressData,
        Pace,
        achieved_on,
        goals_on,
        overdue_words,
        progress_on,
        time_share,
    )
    from mentor_desktop.domain.timeline.items import (
        TimelineItem,
        TimelineKind,
        planned_session_items,
    )
    from mentor_desktop.domain.timeline.review import (
        CompletedMilestone,
        Evidence,
        FeedbackLine,
        Headline,
        ReviewData,
        Slip,
    )

#: Where each name lives, below `mentor_desktop.domain`.
_HOMES = {
    "days_overdue": "overdue",
    "FollowThroughData": "timeline.follow_through",
    "QuarterFollowThrough": "timeline.follow_through",
    "follow_through_by_quarter": "timeline.follow_through",
    "ON_TRACK_MARGIN": "timeline.goal_pace",
    "GoalPace": "timeline.goal_pace",
    "GoalProgressData": "timeline.goal_pace",
    "Pace": "timeline.goal_pace",
    "achieved_on": "timeline.goal_pace",
    "goals_on": "timeline.goal_pace",
    "overdue_words": "timeline.goal_pace",
    "progress_on": "timeline.goal_pace",
    "time_share": "timeline.goal_pace",
    "TimelineItem": "timeline.items",
    "TimelineKind": "timeline.items",
    "planned_session_items": "timeline.items",
    "CompletedMilestone": "timeline.review",
    "Evidence": "timeline.review",
    "FeedbackLine": "timeline.review",
    "Headline": "timeline.review",
    "ReviewData": "timeline.review",
    "Slip": "timeline.review",
}


def __getattr__(name: str) -> Any:
    """`name` from the module it lives in, imported now (see the module docstring)."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"mentor_desktop.domain.{home}"), name)
    globals()[name] = value
    return value


__all__ = [
    "FAR_FUTURE_YEARS",
    "ON_TRACK_MARGIN",
    "PACE_DAYS",
    "BurnupData",
    "BurnupPoint",
    "CompletedMilestone",
    "Evidence",
    "FeedbackLine",
    "FollowThroughData",
    "GoalPace",
    "GoalProgressData",
    "GoalProjection",
    "Headline",
    "MilestoneDates",
    "Pace",
    "QuarterFollowThrough",
    "ReviewData",
    "RhythmData",
    "Slip",
    "TimelineItem",
    "TimelineKind",
    "WeekCount",
    "achieved_on",
    "burnup",
    "days_overdue",
    "follow_through_by_quarter",
    "goals_on",
    "month_start",
    "next_month",
    "overdue_words",
    "planned_session_items",
    "progress_on",
    "quarter_label",
    "quarter_start",
    "rhythm",
    "time_share",
    "week_start",
]
