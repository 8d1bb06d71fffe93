"""What the review pack shows for a period: the headline, completed milestones with their
evidence, slips, feedback, wins, and how goals and the burn-up stood at its end."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from mentor_desktop.domain.growth.review import ReviewGrowth
from mentor_desktop.domain.profile import Profile
from mentor_desktop.domain.timeline.burnup import BurnupData
from mentor_desktop.domain.timeline.goal_pace import GoalProgressData


@dataclass(frozen=True, slots=True)
class Evidence:
    day: date
    title: str
    kind: str
    #: The goal the entry is linked to (directly or through a milestone); '' for none.
    goal: str = ""


@dataclass(frozen=True, slots=True)
class CompletedMilestone:
    milestone_id: int
    title: str
    goal_title: str
    due_date: date | None
    done_date: date
    first_planned: date | None
    evidence: tuple[Evidence, ...] = ()

    @property
    def on_time(self) -> bool:
        planned = self.due_date
        return planned is None or self.done_date <= planned


@dataclass(frozen=True, slots=True)
class Slip:
    """A recalibration in the range: what moved, from, to, and the reason recorded."""

    subject: str
    goal_title: str
    field_label: str
    old_value: date | None
    new_value: date | None
    reason: str
    changed_at: datetime

    @property
    def days(self) -> int | None:
        if self.old_value is None or self.new_value is None:
            return None
        return (self.new_value - self.old_value).days


@dataclass(frozen=True, slots=True)
class FeedbackLine:
    session_day: date
    situation: str
    behaviour: str
    impact: str
    response: str


@dataclass(frozen=True, slots=True)
class Headline:
    milestones_completed: int
    milestones_on_time: int
    goals_achieved: int
    sessions_held: int
    commitments_due: int
    commitments_kept: int


@dataclass(frozen=True, slots=True)
class ReviewData:
    """Everything the review pack shows for the range `start`..`end` (both included)."""

    start: date
    end: date
    today: date
    headline: Headline
    completed: tuple[CompletedMilestone, ...]
    goals: GoalProgressData
    slips: tuple[Slip, ...]
    feedback: tuple[FeedbackLine, ...]
    wins: tuple[Evidence, ...]
    burnup: BurnupData
    achieved_goals: tuple[str, ...] = ()
    reflection: str = ""
    #: Skills then and now, practice done, opportunities pursued (`domain.growth.review`).
    growth: ReviewGrowth = field(default_factory=ReviewGrowth)
    #: Who the pack is about (Preferences > General): named on its first page.
    profile: Profile = field(default_factory=Profile)

    @property
    def is_empty(self) -> bool:
        h = self.headline
        return not (
            h.milestones_completed
            or h.goals_achieved
            or h.sessions_held
            or h.commitments_due
            or self.slips
            or self.feedback
            or self.wins
        )
