"""Data for the Timeline tab, its four charts and the review pack.

Every method is one read-only unit of work and returns plain dataclasses from
`domain/timeline.py`; nothing here knows about Matplotlib or Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

from mentor_desktop.domain.errors import ValidationError
from mentor_desktop.domain.growth.overview import SkillsChartData, skills_chart_data
from mentor_desktop.domain.timeline import (
    BurnupData,
    FollowThroughData,
    GoalProgressData,
    ReviewData,
    RhythmData,
    TimelineItem,
    burnup,
    follow_through_by_quarter,
    planned_session_items,
    rhythm,
)
from mentor_desktop.services.review_reads import goal_paces, read_review
from mentor_desktop.storage.repositories import growth_reads
from mentor_desktop.storage.repositories.sessions import SessionRepository
from mentor_desktop.storage.repositories.timeline import TimelineRepository
from mentor_desktop.storage.repositories.timeline.reflection import save_reflection
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
#: The longest closing reflection kept, in characters.
MAX_REFLECTION = 1_000_000


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
            return TimelineRepository(uow.session.connection()).reflection()

    def save_reflection(self, text: str) -> None:
        """Keep `text` as the closing reflection (in the database, so backups and exports
        carry it); refused, with nothing written, when it is longer than MAX_REFLECTION."""
        if len(text) > MAX_REFLECTION:
            raise ValidationError.single(
                "reflection",
                f"The reflection is {len(text):,} characters long; keep it to {MAX_REFLECTION:,}.",
            )
        with self._uow() as uow:
            save_reflection(uow.session, text)

    def with_today(self, today: date) -> TimelineService:
        """The same service on a fixed day (tests and benchmarks)."""
        return TimelineService(self._uow, lambda: today)

    # ---------------------------------------------------------------- charts

    def burnup(self) -> BurnupData:
        today = self._today()
        with self._uow() as uow:
            repo = TimelineRepository(uow.session.connection())
            milestones = repo.milestone_dates()
            active = repo.goal_heads(statuses=["active"])
        return burnup(milestones, [(g.id, g.title, g.target_date) for g in active], today)

    def goal_progress(self) -> GoalProgressData:
        today = self._today()
        with self._uow() as uow:
            goals = TimelineRepository(uow.session.connection()).goals(["active"])
        return goal_paces(goals, today, today)

    def follow_through(self) -> FollowThroughData:
        with self._uow() as uow:
            commitments = TimelineRepository(uow.session.connection()).commitments()
        return follow_through_by_quarter(commitments, self._today())

    def rhythm(self) -> RhythmData:
        with self._uow() as uow:
            days = TimelineRepository(uow.session.connection()).journal_days()
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
            items = TimelineRepository(uow.session.connection()).timeline_items(start, end)
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
            return TimelineRepository(uow.session.connection()).session_items(session_ids)

    # ---------------------------------------------------------------- review pack

    def review_data(
        self, start: date | None = None, end: date | None = None, reflection: str | None = None
    ) -> ReviewData:
        """What the review pack shows for `start`..`end` (default: the last six months),
        closing with `reflection` (default: the one saved)."""
        with self._uow() as uow:
            return read_review(uow.session.connection(), self._today(), start, end, reflection)
