"""The timeline, the four progress charts and the review pack: plain data and pure rules.

Everything here is computed from plain dataclasses (no database, no Matplotlib), so each rule
can be checked on hand-built cases:

* **Burn-up**: a milestone is *planned* for its original due date (the first date it had
  before any recalibration moved it) and *done* on its done date. A projection continues the
  pace of the last `PACE_DAYS` days (milestones done per day) from today.
* **Progress by goal**: a goal is *ahead* when its progress exceeds the share of its time
  already spent by more than `ON_TRACK_MARGIN`, *behind* when it trails by more, else on track.
* **Follow-through** (`Commitment.outcome`, the one rule the Session prep tab, the brief,
  the chart and the review pack all use): a commitment is an action item of mine with a due
  date. It counts once it was done or its due date has passed: *kept on time* when done on or
  before the due date, *kept late* when done after it, *missed* when still open past it. The
  chart puts each in the quarter of its due date.
* **Journal rhythm**: entries and wins per ISO week (weeks start on Monday).
"""

from __future__ import annotations

import enum
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from mentor_desktop.domain.models import Goal, GoalStatus
from mentor_desktop.domain.progress import goal_progress

#: Days of history whose pace the burn-up projection continues.
PACE_DAYS = 180
#: How far progress may differ from the share of time spent and still be "on track".
ON_TRACK_MARGIN = 0.05
#: Dates further away than this are shown as "far future" instead of stretching a chart.
FAR_FUTURE_YEARS = 30


def month_start(day: date) -> date:
    return date(day.year, day.month, 1)


def next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def quarter_label(day: date) -> str:
    return f"{day.year} Q{(day.month - 1) // 3 + 1}"


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


# ---------------------------------------------------------------- inputs


@dataclass(frozen=True, slots=True)
class MilestoneDates:
    """What the burn-up needs about one milestone."""

    milestone_id: int
    goal_id: int
    planned: date | None
    due: date | None
    done: date | None


class Outcome(enum.StrEnum):
    """How a commitment turned out."""

    ON_TIME = "on_time"
    LATE = "late"
    MISSED = "missed"


@dataclass(frozen=True, slots=True)
class Commitment:
    """What follow-through needs about one action item: its dates and whose it is."""

    due: date | None
    done: date | None
    mine: bool = True

    def outcome(self, today: date) -> Outcome | None:
        """Kept on time, kept late or missed; None when it does not count (yet): the
        mentor's items, items without a due date, and open items not yet past their due date."""
        if not self.mine or self.due is None:
            return None
        if self.done is None:
            return Outcome.MISSED if self.due < today else None
        return Outcome.ON_TIME if self.done <= self.due else Outcome.LATE

    def pending(self, today: date) -> bool:
        """Mine, open and not yet past its due date: it will count once done or due."""
        return self.mine and self.done is None and self.due is not None and self.due >= today


@dataclass(frozen=True, slots=True)
class FollowThroughCount:
    """Commitments kept on time, kept late, missed, and still to come (`pending`)."""

    on_time: int = 0
    late: int = 0
    missed: int = 0
    pending: int = 0

    @property
    def total(self) -> int:
        """The commitments that count: kept (on time or late) or missed."""
        return self.on_time + self.late + self.missed

    @property
    def kept(self) -> int:
        return self.on_time + self.late

    @property
    def on_time_share(self) -> float:
        """Kept on time out of all that count (0 without any)."""
        return self.on_time / self.total if self.total else 0.0


def count_follow_through(commitments: Iterable[Commitment], today: date) -> FollowThroughCount:
    """Tally `Commitment.outcome` over `commitments`."""
    counts = dict.fromkeys(Outcome, 0)
    pending = 0
    for item in commitments:
        outcome = item.outcome(today)
        if outcome is not None:
            counts[outcome] += 1
        elif item.pending(today):
            pending += 1
    return FollowThroughCount(
        counts[Outcome.ON_TIME], counts[Outcome.LATE], counts[Outcome.MISSED], pending
    )


# ---------------------------------------------------------------- burn-up


@dataclass(frozen=True, slots=True)
class BurnupPoint:
    """Cumulative milestones planned and done by the end of `day`."""

    day: date
    planned: int
    done: int


@dataclass(frozen=True, slots=True)
class GoalProjection:
    """Where the current pace takes an active goal by its target date."""

    goal_id: int
    title: str
    target_date: date
    remaining: int
    projected_done: float
    finish_date: date | None

    @property
    def on_track(self) -> bool:
        return self.finish_date is not None and self.finish_date <= self.target_date


@dataclass(frozen=True, slots=True)
class BurnupData:
    points: tuple[BurnupPoint, ...]
    today: date
    pace_per_day: float
    projections: tuple[GoalProjection, ...] = ()
    #: What the chart writes at the `today` line ("today", or the day a past period ends).
    today_label: str = "today"

    @property
    def is_empty(self) -> bool:
        return not self.points

    @property
    def done_now(self) -> int:
        return self.done_by(self.today)

    def done_by(self, day: date) -> int:
        value = 0
        for point in self.points:
            if point.day <= day:
                value = point.done
        return value

    def projected_at(self, day: date) -> float:
        """Cumulative milestones done by `day` if the current pace holds."""
        return self.done_now + self.pace_per_day * max(0, (day - self.today).days)


def _cumulative(days: Sequence[date], until: date) -> int:
    """How many of the sorted `days` are on or before `until`."""
    return bisect_right(days, until)


def burnup(
    milestones: Sequence[MilestoneDates],
    active_goals: Sequence[tuple[int, str, date | None]],
    today: date,
    pace_days: int = PACE_DAYS,
    today_label: str = "today",
) -> BurnupData:
    """Month-end points from the first planned or done month to today (and the last due date).

    `active_goals` are (goal id, title, target date) of the goals to project.
    """
    planned = sorted(m.planned for m in milestones if m.planned is not None)
    done = sorted(m.done for m in milestones if m.done is not None)
    if not planned and not done:
        return BurnupData((), today, 0.0, (), today_label)
    horizon = today + timedelta(days=365 * FAR_FUTURE_YEARS)
    first = min([*planned[:1], *done[:1]])
    last = max(today, max((d for d in planned if d <= horizon), default=today))
    points: list[BurnupPoint] = []
    cursor = month_start(first)
    while cursor <= last:
        end = next_month(cursor) - timedelta(days=1)
        if cursor <= today < end:
            points.append(BurnupPoint(today, _cumulative(planned, today), _cumulative(done, today)))
        points.append(BurnupPoint(end, _cumulative(planned, end), _cumulative(done, end)))
        cursor = next_month(cursor)
    since = today - timedelta(days=min(pace_days, today.toordinal() - 1))
    recent = sum(1 for day in done if since < day <= today)
    pace = recent / pace_days
    done_now = _cumulative(done, today)
    projections = []
    for goal_id, title, target in active_goals:
        if target is None:
            continue
        mine = [m for m in milestones if m.goal_id == goal_id]
        remaining = sum(1 for m in mine if m.done is None or m.done > today)
        goal_recent = sum(1 for m in mine if m.done is not None and since < m.done <= today)
        goal_pace = goal_recent / pace_days
        finish: date | None
        if remaining == 0:
            finish = today
        elif goal_pace > 0:
            days_needed = remaining / goal_pace
            finish = today + timedelta(days=round(days_needed)) if days_needed < 365 * 100 else None
        else:
            finish = None
        projected = done_now + pace * max(0, (min(target, horizon) - today).days)
        projections.append(GoalProjection(goal_id, title, target, remaining, projected, finish))
    return BurnupData(tuple(points), today, pace, tuple(projections), today_label)


# ---------------------------------------------------------------- progress by goal


class Pace(enum.StrEnum):
    AHEAD = "ahead"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    NO_DATES = "no_dates"

    @property
    def label(self) -> str:
        return {
            "ahead": "Ahead",
            "on_track": "On track",
            "behind": "Behind",
            "no_dates": "No dates",
        }[self.value]


@dataclass(frozen=True, slots=True)
class GoalPace:
    goal_id: int
    title: str
    progress: float
    time_share: float | None
    start_date: date | None
    target_date: date | None

    @property
    def pace(self) -> Pace:
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


# ---------------------------------------------------------------- follow-through


@dataclass(frozen=True, slots=True)
class QuarterFollowThrough:
    quarter: date
    on_time: int
    late: int
    missed: int

    @property
    def label(self) -> str:
        return quarter_label(self.quarter)

    @property
    def total(self) -> int:
        return self.on_time + self.late + self.missed

    @property
    def on_time_share(self) -> float:
        return self.on_time / self.total if self.total else 0.0


@dataclass(frozen=True, slots=True)
class FollowThroughData:
    quarters: tuple[QuarterFollowThrough, ...]
    today: date

    @property
    def is_empty(self) -> bool:
        return not self.quarters

    @property
    def total(self) -> int:
        return sum(q.total for q in self.quarters)

    @property
    def on_time(self) -> int:
        return sum(q.on_time for q in self.quarters)


def follow_through_by_quarter(commitments: Iterable[Commitment], today: date) -> FollowThroughData:
    """Commitments whose due date has come (or that were done), per quarter of the due date.

    Quarters between the first and the last with commitments are all listed (a quiet quarter
    shows as a gap, not as a missing bar).
    """
    counts: dict[date, list[int]] = {}
    columns = {Outcome.ON_TIME: 0, Outcome.LATE: 1, Outcome.MISSED: 2}
    for item in commitments:
        outcome = item.outcome(today)
        if outcome is None:
            continue
        assert item.due is not None
        counts.setdefault(quarter_start(item.due), [0, 0, 0])[columns[outcome]] += 1
    if not counts:
        return FollowThroughData((), today)
    quarters = []
    cursor, last = min(counts), max(counts)
    while True:
        on_time, late, missed = counts.get(cursor, (0, 0, 0))
        quarters.append(QuarterFollowThrough(cursor, on_time, late, missed))
        if cursor >= last:  # stop before stepping past the last quarter (date.max's included)
            break
        cursor = next_month(next_month(next_month(cursor)))
    return FollowThroughData(tuple(quarters), today)


# ---------------------------------------------------------------- journal rhythm


@dataclass(frozen=True, slots=True)
class WeekCount:
    week: date
    entries: int
    wins: int


@dataclass(frozen=True, slots=True)
class RhythmData:
    """Entries and wins per week; weeks without entries are absent from `weeks`."""

    weeks: tuple[WeekCount, ...]
    first: date | None
    last: date | None

    @property
    def is_empty(self) -> bool:
        return not self.weeks

    @property
    def busiest(self) -> int:
        return max((w.entries for w in self.weeks), default=0)


def rhythm(days: Iterable[tuple[date, int, int]]) -> RhythmData:
    """Weekly totals from (day, entries, wins) rows."""
    weeks: dict[date, list[int]] = {}
    for day, entries, wins in days:
        bucket = weeks.setdefault(week_start(day), [0, 0])
        bucket[0] += entries
        bucket[1] += wins
    ordered = tuple(WeekCount(week, e, w) for week, (e, w) in sorted(weeks.items()))
    if not ordered:
        return RhythmData((), None, None)
    return RhythmData(ordered, ordered[0].week, ordered[-1].week)


# ---------------------------------------------------------------- timeline


class TimelineKind(enum.StrEnum):
    GOAL = "goal"
    MILESTONE = "milestone"
    SESSION = "session"

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """One thing on the timeline: a goal bar, a milestone marker or a session tick.

    For a goal `start`..`end` is its start and target date; for a milestone `start` is its
    due date and `first_planned` the date it had first; for a session `start` is its day.
    """

    kind: TimelineKind
    id: int
    title: str
    start: date
    end: date
    goal_id: int | None = None
    goal_kind: str = ""
    goal_status: str = ""
    done: bool = False
    done_date: date | None = None
    first_planned: date | None = None
    status: str = ""
    detail: str = ""

    @property
    def slipped_days(self) -> int:
        if self.first_planned is None:
            return 0
        return (self.start - self.first_planned).days

    def overlaps(self, start: date, end: date) -> bool:
        """True when the item (with its slip line) shows anywhere in [start, end]."""
        first = min(self.start, self.first_planned or self.start)
        return first <= end and self.end >= start


# ---------------------------------------------------------------- review pack


@dataclass(frozen=True, slots=True)
class Evidence:
    day: date
    title: str
    kind: str


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
