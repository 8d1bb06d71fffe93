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

Everything is importable from here.
"""

from mentor_desktop.domain.overdue import days_overdue
from mentor_desktop.domain.timeline.burnup import (
    PACE_DAYS,
    BurnupData,
    BurnupPoint,
    GoalProjection,
    MilestoneDates,
    burnup,
)
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
from mentor_desktop.domain.timeline.periods import (
    FAR_FUTURE_YEARS,
    month_start,
    next_month,
    quarter_label,
    quarter_start,
    week_start,
)
from mentor_desktop.domain.timeline.review import (
    CompletedMilestone,
    Evidence,
    FeedbackLine,
    Headline,
    ReviewData,
    Slip,
)
from mentor_desktop.domain.timeline.rhythm import RhythmData, WeekCount, rhythm

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
