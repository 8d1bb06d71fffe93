"""What the printable one-page brief shows, and the milestone trend it charts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from mentor_desktop.domain.growth.brief import BriefGrowth
from mentor_desktop.domain.models import Mentor
from mentor_desktop.domain.profile import Profile
from mentor_desktop.domain.sessions.follow_through import FollowThrough
from mentor_desktop.domain.sessions.kinds import AgendaKind
from mentor_desktop.domain.sessions.records import ActionItem, AgendaItem, Session
from mentor_desktop.domain.sessions.suggestions import Suggestion

#: Wins listed on the brief, and suggestions shown when nothing is on the agenda yet.
BRIEF_WINS = 6
BRIEF_SUGGESTIONS = 8


@dataclass(frozen=True, slots=True)
class GoalProgressLine:
    title: str
    progress: float
    target_date: date | None


@dataclass(frozen=True, slots=True)
class MilestonePoint:
    """Cumulative milestones planned (for their original due date, as on the burn-up) and
    done by the end of `month` (its first day), or by today in the current month."""

    month: date
    due: int
    done: int


@dataclass(frozen=True, slots=True)
class BriefData:
    """Everything the printable brief shows, computed by the session service."""

    mentor: Mentor
    purpose: str
    session: Session
    goals: tuple[GoalProgressLine, ...]
    agenda: tuple[AgendaItem, ...]
    personal_update: str
    commitments: tuple[ActionItem, ...]
    wins: tuple[str, ...]
    milestone_points: tuple[MilestonePoint, ...]
    follow_through: FollowThrough
    today: date = field(default_factory=date.today)
    #: When nothing is on the agenda yet: what the agenda builder would suggest.
    suggested: tuple[Suggestion, ...] = ()
    #: Practice in progress and the nearest opportunity deadlines.
    growth: BriefGrowth = field(default_factory=BriefGrowth)
    #: Whose brief it is (Preferences > General).
    profile: Profile = field(default_factory=Profile)

    @property
    def questions(self) -> tuple[AgendaItem, ...]:
        return tuple(item for item in self.agenda if item.kind is AgendaKind.QUESTION)

    @property
    def topics(self) -> tuple[AgendaItem, ...]:
        return tuple(item for item in self.agenda if item.kind is not AgendaKind.QUESTION)


def milestone_points(
    burnup: Sequence[tuple[date, int, int]], today: date, months: int = 12
) -> list[MilestonePoint]:
    """The brief's trend from the burn-up's (day, planned, done) points: the last `months`
    points up to `today`, one a month, so the brief and the burn-up tell the same story."""
    past = [(day, planned, done) for day, planned, done in burnup if day <= today]
    return [
        MilestonePoint(date(day.year, day.month, 1), planned, done)
        for day, planned, done in past[-months:]
    ]
