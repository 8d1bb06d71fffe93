"""What the review pack shows, read on one connection.

`TimelineService.review_data` reads it inside a unit of work; `report` reads it on a plain
connection before SQLAlchemy is even loaded (`services.quick_reads.review_data`): one
composition, the same pack. Nothing here imports SQLAlchemy.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta

from mentor_desktop.domain.dates import date_text
from mentor_desktop.domain.errors import ValidationError
from mentor_desktop.domain.growth.review import evidence_describer, review_growth
from mentor_desktop.domain.models import Goal
from mentor_desktop.domain.sessions import count_follow_through
from mentor_desktop.domain.timeline import (
    GoalPace,
    GoalProgressData,
    Headline,
    ReviewData,
    burnup,
    goals_on,
    progress_on,
    time_share,
)
from mentor_desktop.storage.repositories import growth_reads
from mentor_desktop.storage.repositories.profile import load_profile
from mentor_desktop.storage.repositories.timeline import TimelineRepository

if TYPE_CHECKING:
    from mentor_desktop.storage.repositories.plain_sql import AnyConnection

#: The review pack covers this many months back from today unless told otherwise.
REVIEW_MONTHS = 6
#: Evidence lines shown under one completed milestone, and how far back wins count.
EVIDENCE_PER_MILESTONE = 4
EVIDENCE_DAYS = 60


def months_before(day: date, months: int) -> date:
    """`day` minus `months`, or the first possible date when that would be earlier."""
    try:
        earlier: date = day - relativedelta(months=months)
        return earlier
    except (ValueError, OverflowError):
        return date.min


def default_review_range(today: date) -> tuple[date, date]:
    """The last six months up to today."""
    return months_before(today, REVIEW_MONTHS), today


def review_range(start: date | None, end: date | None, today: date) -> tuple[date, date]:
    """The pack's first and last day: `end` defaults to today, `start` to six months before
    `end`; a ValidationError for a range that runs backwards or ends on the last day there is."""
    if end is not None and end >= date.max:
        raise ValidationError.single(
            "end",
            f"The end date {date_text(end)} is the last possible day; pick an earlier one.",
        )
    end = end or today
    start = start or months_before(end, REVIEW_MONTHS)
    if start > end:
        raise ValidationError.single(
            "start",
            f"The start date {date_text(start)} is after the end date {date_text(end)}.",
        )
    return start, end


def read_review(
    connection: AnyConnection,
    today: date,
    start: date | None = None,
    end: date | None = None,
    reflection: str | None = None,
) -> ReviewData:
    """The review pack for `start`..`end` (see `review_range`) as of `today`, closing with
    `reflection` (default: the one saved)."""
    start, end = review_range(start, end, today)
    as_of = min(end, today)
    repo = TimelineRepository(connection)
    completed = tuple(repo.completed_milestones(start, end, EVIDENCE_DAYS, EVIDENCE_PER_MILESTONE))
    achieved = repo.achieved_goals(start, end)
    follow_through = count_follow_through(repo.commitments_due(start, end), today)
    goals = goals_on(repo.goals(["active", "achieved"]), as_of, today)
    if reflection is None:
        reflection = repo.reflection()
    skills, practice, opportunities, labels = growth_reads.review_inputs(connection)
    return ReviewData(
        start=start,
        end=end,
        today=today,
        headline=Headline(
            milestones_completed=len(completed),
            milestones_on_time=sum(1 for c in completed if c.on_time),
            goals_achieved=len(achieved),
            sessions_held=repo.sessions_held(start, end),
            commitments_due=follow_through.total,
            commitments_kept=follow_through.on_time,
        ),
        completed=completed,
        goals=goal_paces(goals, as_of, today),
        slips=tuple(repo.slips(start, end)),
        feedback=tuple(repo.feedback(start, end)),
        wins=tuple(repo.wins(start, end)),
        burnup=burnup(
            repo.milestone_dates(),
            [(g.id, g.title, g.target_date) for g in goals],
            as_of,
            today_label="today" if as_of == today else date_text(as_of),
        ),
        achieved_goals=tuple(title for title, _day in achieved),
        reflection=reflection.strip(),
        growth=review_growth(
            skills, practice, opportunities, start, end, evidence_describer(labels)
        ),
        profile=load_profile(connection),
    )


def goal_paces(goals: list[Goal], day: date, today: date) -> GoalProgressData:
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
