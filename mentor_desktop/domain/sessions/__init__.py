"""The sessions area's dataclasses and pure rules, one module per responsibility:

* `kinds`: session status, agenda kinds and sources, action owners;
* `agreement`: the mentorship agreement, stored and as edited;
* `records`: a session, its agenda items, action items and feedback, and the overdue order;
* `schedule`: which sessions the list shows (cadence occurrences) and status changes;
* `suggestions`: the agenda builder's rule;
* `follow_through`: the one follow-through rule and type;
* `validation`: limits and checks;
* `brief`: what the printable brief shows.

Everything is importable from here.
"""

from mentor_desktop.domain.sessions.agreement import Agreement, AgreementDraft, MentorDraft
from mentor_desktop.domain.sessions.brief import (
    BriefData,
    GoalProgressLine,
    MilestonePoint,
    milestone_points,
)
from mentor_desktop.domain.sessions.follow_through import (
    Commitment,
    FollowThrough,
    Outcome,
    count_follow_through,
    follow_through,
)
from mentor_desktop.domain.sessions.kinds import (
    ActionOwner,
    AgendaKind,
    AgendaSource,
    SessionStatus,
)
from mentor_desktop.domain.sessions.records import (
    ActionItem,
    ActionItemDraft,
    AgendaItem,
    Feedback,
    FeedbackDraft,
    Session,
    SessionDetail,
    overdue_first,
)
from mentor_desktop.domain.sessions.suggestions import (
    AgendaSources,
    JournalNote,
    MilestoneDue,
    Recalibration,
    Suggestion,
    suggest,
)
from mentor_desktop.domain.sessions.validation import (
    MAX_AGENDA_ITEMS,
    MAX_AGENDA_TEXT,
    MAX_NAME,
    MAX_SESSION_TEXT,
    MAX_TEXT,
)

__all__ = [
    "MAX_AGENDA_ITEMS",
    "MAX_AGENDA_TEXT",
    "MAX_NAME",
    "MAX_SESSION_TEXT",
    "MAX_TEXT",
    "ActionItem",
    "ActionItemDraft",
    "ActionOwner",
    "AgendaItem",
    "AgendaKind",
    "AgendaSource",
    "AgendaSources",
    "Agreement",
    "AgreementDraft",
    "BriefData",
    "Commitment",
    "Feedback",
    "FeedbackDraft",
    "FollowThrough",
    "GoalProgressLine",
    "JournalNote",
    "MentorDraft",
    "MilestoneDue",
    "MilestonePoint",
    "Outcome",
    "Recalibration",
    "Session",
    "SessionDetail",
    "SessionStatus",
    "Suggestion",
    "count_follow_through",
    "follow_through",
    "milestone_points",
    "overdue_first",
    "suggest",
]
