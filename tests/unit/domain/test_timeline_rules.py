"""The chart rules on hand-built cases: burn-up counts and projections, ahead/behind,
follow-through per quarter, the journal's weekly rhythm, and timeline windows."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from mentor_desktop.domain.sessions import Commitment, Outcome, count_follow_through
from mentor_desktop.domain.timeline import (
    PACE_DAYS,
    GoalPace,
    MilestoneDates,
    Pace,
    TimelineItem,
    TimelineKind,
    burnup,
    follow_through_by_quarter,
    overdue_words,
    quarter_label,
    rhythm,
    time_share,
)

TODAY = date(2026, 6, 15)


def m(mid: int, planned: date | None, done: date | None, goal: int = 1, due=None):
    return MilestoneDates(mid, goal, planned, due or planned, done)


def test_burnup_counts_planned_by_original_date_and_done_by_done_date() -> None:
    data = burnup(
        [
            m(1, date(2026, 1, 10), date(2026, 1, 20)),
            m(2, date(2026, 2, 5), date(2026, 3, 2), due=date(2026, 3, 1)),  # slipped
            m(3, date(2026, 3, 20), None),
            m(4, date(2026, 9, 1), None),
        ],
        [],
        TODAY,
    )
    by_day = {p.day: (p.planned, p.done) for p in data.points}
    assert by_day[date(2026, 1, 31)] == (1, 1)
    # Planned counts the original February date, not the March one it moved to.
    assert by_day[date(2026, 2, 28)] == (2, 1)
    assert by_day[date(2026, 3, 31)] == (3, 2)
    assert by_day[TODAY] == (3, 2)
    assert by_day[date(2026, 9, 30)] == (4, 2)
    assert data.points[0].day == date(2026, 1, 31)
    assert data.points[-1].day == date(2026, 9, 30)
    assert data.done_now == 2
    assert [p.day for p in data.points] == sorted(p.day for p in data.points)


def test_projection_continues_each_goals_recent_pace_to_its_target() -> None:
    recent = [TODAY - timedelta(days=d) for d in (10, 70, 130)]  # 3 done in the last 180 days
    milestones = [m(i, day, day, goal=1) for i, day in enumerate(recent, start=1)]
    milestones += [m(10, date(2026, 8, 1), None, goal=1), m(11, date(2026, 9, 1), None, goal=1)]
    milestones += [m(20, date(2026, 7, 1), None, goal=2)]  # goal 2 never did anything
    data = burnup(
        milestones, [(1, "Speak", date(2026, 12, 31)), (2, "Run", date(2026, 7, 31))], TODAY
    )
    assert data.pace_per_day == pytest.approx(3 / PACE_DAYS)
    speak, run = data.projections
    # Two left at 3 per 180 days: 120 days from today.
    assert speak.remaining == 2
    assert speak.finish_date == TODAY + timedelta(days=120)
    assert speak.on_track
    days_to_target = (date(2026, 12, 31) - TODAY).days
    assert speak.projected_done == pytest.approx(3 + 3 / PACE_DAYS * days_to_target)
    assert data.projected_at(date(2026, 12, 31)) == pytest.approx(speak.projected_done)
    assert run.finish_date is None and not run.on_track


def test_projection_is_late_when_the_pace_misses_the_target() -> None:
    milestones = [m(1, TODAY - timedelta(days=20), TODAY - timedelta(days=20))]
    milestones += [m(i, date(2026, 7, 1), None) for i in range(2, 5)]  # 3 left, 1 per 180 days
    data = burnup(milestones, [(1, "Goal", date(2026, 8, 1))], TODAY)
    (projection,) = data.projections
    assert projection.finish_date == TODAY + timedelta(days=540)
    assert not projection.on_track


def test_burnup_of_nothing_is_empty_and_goals_without_target_are_not_projected() -> None:
    assert burnup([], [(1, "Goal", date(2026, 9, 1))], TODAY).is_empty
    assert burnup([m(1, None, None)], [], TODAY).is_empty
    data = burnup([m(1, date(2026, 1, 1), None)], [(1, "Goal", None)], TODAY)
    assert data.projections == ()


def test_a_milestone_due_decades_away_does_not_stretch_the_burnup() -> None:
    data = burnup(
        [m(1, date(2026, 1, 5), None), m(2, date(2199, 1, 1), None), m(3, date(2026, 9, 9), None)],
        [],
        TODAY,
    )
    assert data.points[-1].day == date(2026, 9, 30)  # the last date within reach
    assert data.points[-1].planned == 2


@pytest.mark.parametrize(
    ("progress", "start", "target", "expected"),
    [
        (0.8, date(2026, 1, 1), date(2026, 12, 31), Pace.AHEAD),  # ~45 % of time spent
        (0.45, date(2026, 1, 1), date(2026, 12, 31), Pace.ON_TRACK),
        (0.1, date(2026, 1, 1), date(2026, 12, 31), Pace.BEHIND),
        (0.9, date(2025, 1, 1), date(2026, 1, 1), Pace.BEHIND),  # past its target: 100 %
        (0.0, date(2026, 7, 1), date(2026, 12, 31), Pace.ON_TRACK),  # not started yet
        (0.5, None, date(2026, 12, 31), Pace.NO_DATES),
        (0.5, date(2026, 1, 1), None, Pace.NO_DATES),
    ],
)
def test_ahead_or_behind_compares_progress_with_the_share_of_time_spent(
    progress, start, target, expected
) -> None:
    goal = GoalPace(1, "Goal", progress, time_share(start, target, TODAY), start, target)
    assert goal.pace is expected


def test_time_share_is_clamped_and_handles_a_target_before_the_start() -> None:
    assert time_share(date(2026, 1, 1), date(2027, 1, 1), TODAY) == pytest.approx(165 / 365)
    assert time_share(date(2026, 7, 1), date(2026, 6, 1), TODAY) == 1.0
    assert time_share(date(2026, 7, 1), date(2026, 8, 1), TODAY) == 0.0
    assert time_share(date(2025, 1, 1), date(2025, 6, 1), TODAY) == 1.0


def test_follow_through_counts_kept_on_time_late_and_missed_per_quarter() -> None:
    data = follow_through_by_quarter(
        [
            Commitment(date(2025, 11, 10), date(2025, 11, 9)),  # Q4 on time
            Commitment(date(2025, 12, 1), date(2025, 12, 20)),  # Q4 late
            Commitment(date(2025, 12, 15), None),  # Q4 missed
            Commitment(date(2026, 5, 1), date(2026, 5, 1)),  # Q2 on time (on the day)
            Commitment(date(2026, 7, 1), None),  # due later: not judged yet
            Commitment(date(2026, 7, 1), date(2026, 6, 1)),  # done early: counts in Q3
            Commitment(None, date(2026, 1, 1)),  # no due date: not a commitment
        ],
        TODAY,
    )
    assert [q.label for q in data.quarters] == ["2025 Q4", "2026 Q1", "2026 Q2", "2026 Q3"]
    q4, q1, q2, q3 = data.quarters
    assert (q4.on_time, q4.late, q4.missed) == (1, 1, 1)
    assert q4.on_time_share == pytest.approx(1 / 3)
    assert q1.total == 0 and q1.on_time_share == 0.0  # a quiet quarter stays visible
    assert (q2.on_time, q2.total) == (1, 1)
    assert (q3.on_time, q3.total) == (1, 1)
    assert (data.on_time, data.total) == (3, 5)
    assert quarter_label(date(2026, 12, 31)) == "2026 Q4"


def test_a_commitment_is_mine_with_a_due_date_once_done_or_past_due() -> None:
    due = date(2026, 6, 1)
    assert Commitment(due, date(2026, 6, 1)).outcome(TODAY) is Outcome.ON_TIME
    assert Commitment(due, date(2026, 6, 2)).outcome(TODAY) is Outcome.LATE
    assert Commitment(due, None).outcome(TODAY) is Outcome.MISSED
    assert Commitment(TODAY, None).outcome(TODAY) is None  # due today: not missed yet
    assert Commitment(None, date(2026, 1, 1)).outcome(TODAY) is None  # no due date
    assert Commitment(due, None, mine=False).outcome(TODAY) is None  # the mentor's
    count = count_follow_through(
        [
            Commitment(due, due),
            Commitment(due, TODAY),
            Commitment(due, None),
            Commitment(date(2026, 7, 1), None),
            Commitment(date(2026, 7, 1), None, mine=False),
            Commitment(None, None),
        ],
        TODAY,
    )
    assert (count.on_time, count.late, count.missed, count.pending) == (1, 1, 1, 1)
    assert (count.total, count.kept, count.on_time_share) == (3, 2, pytest.approx(1 / 3))


def test_follow_through_reaches_the_last_possible_quarter() -> None:
    data = follow_through_by_quarter(
        [Commitment(date(9999, 12, 31), TODAY), Commitment(date(9999, 6, 30), TODAY)], TODAY
    )
    assert [(q.label, q.on_time) for q in data.quarters] == [
        ("9999 Q2", 1),
        ("9999 Q3", 0),
        ("9999 Q4", 1),
    ]


def test_follow_through_without_commitments_is_empty() -> None:
    assert follow_through_by_quarter([Commitment(date(2027, 1, 1), None)], TODAY).is_empty


def test_rhythm_sums_entries_and_wins_per_week_starting_monday() -> None:
    data = rhythm(
        [
            (date(2026, 6, 1), 2, 1),  # Monday
            (date(2026, 6, 7), 1, 0),  # Sunday, same week
            (date(2026, 6, 8), 1, 1),  # next Monday
            (date(2026, 6, 29), 3, 0),
        ]
    )
    assert [(w.week, w.entries, w.wins) for w in data.weeks] == [
        (date(2026, 6, 1), 3, 1),
        (date(2026, 6, 8), 1, 1),
        (date(2026, 6, 29), 3, 0),
    ]
    assert data.busiest == 3
    assert (data.first, data.last) == (date(2026, 6, 1), date(2026, 6, 29))
    assert rhythm([]).is_empty


def test_a_slipped_milestone_shows_in_any_window_its_slip_line_crosses() -> None:
    item = TimelineItem(
        TimelineKind.MILESTONE,
        1,
        "Talk",
        start=date(2026, 5, 1),
        end=date(2026, 5, 1),
        first_planned=date(2026, 3, 1),
    )
    assert item.slipped_days == 61
    assert item.overlaps(date(2026, 2, 1), date(2026, 3, 15))
    assert item.overlaps(date(2026, 4, 1), date(2026, 4, 30))
    assert not item.overlaps(date(2026, 5, 2), date(2026, 6, 30))
    assert not item.overlaps(date(2026, 1, 1), date(2026, 2, 27))


def test_a_goal_past_its_target_unfinished_is_overdue_never_on_track() -> None:
    start, target = date(2026, 1, 1), date(2026, 6, 1)
    nearly = GoalPace(1, "Goal", 0.97, time_share(start, target, TODAY), start, target, TODAY)
    assert target < TODAY
    assert nearly.pace is Pace.OVERDUE
    assert nearly.overdue_days == (TODAY - target).days
    assert nearly.pace_text == f"Overdue by {(TODAY - target).days} days"
    done = GoalPace(2, "Done", 1.0, 1.0, start, target, TODAY)
    assert done.pace is not Pace.OVERDUE and done.overdue_days == 0
    assert overdue_words(1) == "overdue by 1 day"
