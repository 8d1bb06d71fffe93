"""Data for the Timeline tab, its four charts and the review pack.

Every method is one read-only unit of work and returns plain dataclasses from
`domain/timeline.py`; nothing here knows about Matplotlib or Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from mentor_desktop.domain.dates import date_text
from mentor_desktop.domain.errors import ValidationError
from mentor_desktop.domain.growth.overview import SkillsChartData, skills_chart_data
from mentor_desktop.domain.growth.review import evidence_describer, review_growth
from mentor_desktop.domain.models import Goal
from mentor_desktop.domain.sessions import count_follow_through
from mentor_desktop.domain.timeline import (
    BurnupData,
    FollowThroughData,
    GoalPace,
    GoalProgressData,
    Headline,
    ReviewData,
    RhythmData,
    TimelineItem,
    burnup,
    follow_through_by_quarter,
    goals_on,
    planned_session_items,
    progress_on,
    rhythm,
    time_share,
)
from mentor_desktop.storage.repositories import growth_reads
from mentor_desktop.storage.repositories.profile import load_profile
from mentor_desktop.storage.repositories.sessions import SessionRepository
from mentor_desktop.storage.repositories.timeline import TimelineRepository
from mentor_desktop.storage.uow import UnitOfWorkFactory

#: The charts by command-line name, with their titles.
CHARTS: dict[str, str] = {
    "burnup": "Milestone burn-up",
    "progress": "Progress by goal",
    "follow-through": "Follow-through",
    "rhythm": "Journal rhythm",
    "skills": "Skills now and target",
}
#: What one of the charts draws.
ChartData = BurnupData | GoalProgressData | FollowThroughData | RhythmData | SkillsChartData
#: The skills chart shows the change over this many days back from today.
SKILLS_PERIOD_DAYS = 365
#: The review pack covers this many months back from today unless told otherwise.
REVIEW_MONTHS = 6
#: Evidence lines shown under one completed milestone, and how far back wins count.
EVIDENCE_PER_MILESTONE = 4
EVIDENCE_DAYS = 60
#: The longest closing reflection kept, in characters.
MAX_REFLECTION = 1_000_000


def _months_before(day: date, months: int) -> date:
    """`day` minus `months`, or the first possible date when that would be earlier."""
    try:
        earlier: date = day - relativedelta(months=months)
        return earlier
    except (ValueError, OverflowError):
        return date.min


def default_review_range(today: date) -> tuple[date, date]:
    """The last six months up to today."""
    return _months_before(today, REVIEW_MONTHS), today


class TimelineService:
    """Chart data, timeline items and the review pack's contents."""

    def __init__(
        self, uow_factory: UnitOfWorkFactory, today: Callable[[], date] = date.today
    ) -> None:
        self._uow = uow_factory
        self._today = today

    def today(self) -> date:
        return self._today()

    def reflection(self) -> str:
        """The closing reflection as last saved ('' when none was written)."""
        with self._uow() as uow:
            return TimelineRepository(uow.session).reflection()

    def save_reflection(self, text: str) -> None:
        """Keep `text` as the closing reflection (in the database, so backups and exports
        carry it); refused, with nothing written, when it is longer than MAX_REFLECTION."""
        if len(text) > MAX_REFLECTION:
            raise ValidationError.single(
                "reflection",
                f"The reflection is {len(text):,} characters long; keep it to {MAX_REFLECTION:,}.",
            )
        with self._uow() as uow:
            TimelineRepository(uow.session).save_reflection(text)

    def with_today(self, today: date) -> TimelineService:
        """The same service on a fixed day (tests and benchmarks)."""
        return TimelineService(self._uow, lambda: today)

    # ---------------------------------------------------------------- charts

    def burnup(self) -> BurnupData:
        today = self._today()
        with self._uow() as uow:
            repo = TimelineRepository(uow.session)
            milestones = repo.milestone_dates()
            active = repo.goal_heads(statuses=["active"])
        return burnup(milestones, [(g.id, g.title, g.target_date) for g in active], today)

    def goal_progress(self) -> GoalProgressData:
        today = self._today()
        with self._uow() as uow:
            goals = TimelineRepository(uow.session).goals(["active"])
        return _paces(goals, today, today)

    def follow_through(self) -> FollowThroughData:
        with self._uow() as uow:
            commitments = TimelineRepository(uow.session).commitments()
        return follow_through_by_quarter(commitments, self._today())

    def rhythm(self) -> RhythmData:
        with self._uow() as uow:
            days = TimelineRepository(uow.session).journal_days()
        return rhythm(days)

    def skills(self) -> SkillsChartData:
        """Skills now against their target, and the change over the last year."""
        with self._uow() as uow:
            skills = growth_reads.load_skills(uow.session.connection())
        today = self._today()
        return skills_chart_data(skills, today - timedelta(days=SKILLS_PERIOD_DAYS), today)

    def chart_data(self, name: str) -> ChartData:
        """The data of the chart called `name` (one of CHARTS)."""
        loaders: dict[str, Callable[[], ChartData]] = {
            "burnup": self.burnup,
            "progress": self.goal_progress,
            "follow-through": self.follow_through,
            "rhythm": self.rhythm,
            "skills": self.skills,
        }
        if name not in loaders:
            raise ValidationError.single(
                "chart", f"There is no chart called {name!r}; choose one of {', '.join(CHARTS)}."
            )
        return loaders[name]()

    # ---------------------------------------------------------------- timeline

    def timeline_items(
        self, start: date | None = None, end: date | None = None
    ) -> list[TimelineItem]:
        """Goals, milestones and sessions in the window (everything when no window is given),
        with the sessions the cadence still plans over the next year."""
        with self._uow() as uow:
            items = TimelineRepository(uow.session).timeline_items(start, end)
            repo = SessionRepository(uow.session)
            agreements = [a for a in repo.agreements() if a.mentorship.active]
            stored = {a.id: repo.sessions(a.id, with_agenda_counts=False) for a in agreements}
        planned = planned_session_items(agreements, stored, self._today())
        if start is not None and end is not None:
            planned = [item for item in planned if item.overlaps(start, end)]
        return items + planned

    def session_items(self, session_ids: Sequence[int]) -> list[TimelineItem]:
        """The timeline's ticks of these sessions as stored now (a deleted one is absent)."""
        with self._uow() as uow:
            return TimelineRepository(uow.session).session_items(session_ids)

    # ---------------------------------------------------------------- review pack

    def review_data(
        self, start: date | None = None, end: date | None = None, reflection: str | None = None
    ) -> ReviewData:
        """What the review pack shows for `start`..`end` (default: the last six months),
        closing with `reflection` (default: the one saved)."""
        today = self._today()
        if end is not None and end >= date.max:
            raise ValidationError.single(
                "end",
                f"The end date {date_text(end)} is the last possible day; pick an earlier one.",
            )
        end = end or today
        start = start or _months_before(end, REVIEW_MONTHS)
        if start > end:
            raise ValidationError.single(
                "start",
                f"The start date {date_text(start)} is after the end date {date_text(end)}.",
            )
        as_of = min(end, today)
        with self._uow() as uow:
            repo = TimelineRepository(uow.session)
            completed = tuple(
                repo.completed_milestones(start, end, EVIDENCE_DAYS, EVIDENCE_PER_MILESTONE)
            )
            achieved = repo.achieved_goals(start, end)
            held = repo.sessions_held(start, end)
            due = repo.commitments_due(start, end)
            slips = repo.slips(start, end)
            feedback = repo.feedback(start, end)
            wins = repo.wins(start, end)
            goals = goals_on(repo.goals(["active", "achieved"]), as_of, today)
            milestones = repo.milestone_dates()
            if reflection is None:
                reflection = repo.reflection()
            skills, practice, opportunities, labels = growth_reads.review_inputs(
                uow.session.connection()
            )
            profile = load_profile(uow.session.connection())
        growth = review_growth(
            skills, practice, opportunities, start, end, evidence_describer(labels)
        )
        follow_through = count_follow_through(due, today)
        headline = Headline(
            milestones_completed=len(completed),
            milestones_on_time=sum(1 for c in completed if c.on_time),
            goals_achieved=len(achieved),
            sessions_held=held,
            commitments_due=follow_through.total,
            commitments_kept=follow_through.on_time,
        )
        return ReviewData(
            start=start,
            end=end,
            today=today,
            headline=headline,
            completed=completed,
            goals=_paces(goals, as_of, today),
            slips=tuple(slips),
            feedback=tuple(feedback),
            wins=tuple(wins),
            burnup=burnup(
                milestones,
                [(g.id, g.title, g.target_date) for g in goals],
                as_of,
                today_label="today" if as_of == today else date_text(as_of),
            ),
            achieved_goals=tuple(title for title, _day in achieved),
            reflection=reflection.strip(),
            growth=growth,
            profile=profile,
        )


def _paces(goals: list[Goal], day: date, today: date) -> GoalProgressData:
    """Each goal's progress against its time spent, as they stood on `day`."""
    return GoalProgressData(
        tuple(
            GoalPace(
                goal.id,
                goal.title,
                progress_on(goal, day, today),
                time_share(goal.start_date, goal.target_date, day),
                goal.start_date,
                goal.target_date,
                day,
            )
            for goal in goals
        ),
        day,
    )


