"""What the printable one-page brief shows, and the milestone trend it charts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

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
    """Cumulative milestones due and done by `month` (the first day of a month)."""

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
    dates: list[tuple[date | None, date | None]], today: date, months: int = 12
) -> list[MilestonePoint]:
    """Cumulative milestones due and done at the end of each of the last `months` months,
    from (due, done) of every milestone."""
    first = date(today.year, today.month, 1)
    starts = []
    for back in range(months - 1, -1, -1):
        year, month = divmod(first.year * 12 + first.month - 1 - back, 12)
        starts.append(date(year, month + 1, 1))
    points = []
    for index, month_start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else today + timedelta(days=1)
        due = sum(1 for d, _ in dates if d is not None and d < end)
        done = sum(1 for _, f in dates if f is not None and f < end)
        points.append(MilestonePoint(month_start, due, done))
    return points
