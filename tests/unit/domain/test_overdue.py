"""Overdue goals and milestones: past their date and not done."""

from __future__ import annotations

from datetime import date

import pytest

from mentor_desktop.domain.models import Goal, GoalKind, GoalStatus, Milestone
from mentor_desktop.domain.overdue import goal_overdue_days, milestone_overdue_days, overdue_text

TODAY = date(2026, 12, 1)


def _milestone(due: date | None, done: date | None = None) -> Milestone:
    return Milestone(1, 1, "Draft the outline", due, done, "", 0)


def _goal(target: date | None, status: GoalStatus, *milestones: Milestone) -> Goal:
    return Goal(1, "Speak at a conference", GoalKind.CAREER, status, "", "", None, target, 0,
                milestones)  # fmt: skip


def test_a_milestone_past_its_due_date_is_overdue_by_whole_days() -> None:
    assert milestone_overdue_days(_milestone(date(2026, 11, 19)), TODAY) == 12
    assert milestone_overdue_days(_milestone(date(2026, 11, 30)), TODAY) == 1


@pytest.mark.parametrize(
    "milestone",
    [
        _milestone(TODAY),
        _milestone(date(2027, 1, 1)),
        _milestone(None),
        _milestone(date(2026, 1, 1), done=date(2026, 2, 1)),
    ],
    ids=["due today", "due later", "no date", "done late"],
)
def test_a_milestone_due_today_later_undated_or_done_is_not_overdue(milestone) -> None:
    assert milestone_overdue_days(milestone, TODAY) == 0


def test_an_active_or_paused_goal_past_its_target_is_overdue() -> None:
    open_milestone = _milestone(date(2026, 10, 1))
    for status in (GoalStatus.ACTIVE, GoalStatus.PAUSED):
        assert goal_overdue_days(_goal(date(2026, 11, 1), status, open_milestone), TODAY) == 30


@pytest.mark.parametrize("status", [GoalStatus.ACHIEVED, GoalStatus.DROPPED])
def test_an_achieved_or_dropped_goal_is_never_overdue(status: GoalStatus) -> None:
    assert goal_overdue_days(_goal(date(2026, 1, 1), status, _milestone(None)), TODAY) == 0


def test_a_goal_whose_milestones_are_all_done_is_not_overdue() -> None:
    done = _milestone(date(2026, 1, 1), done=date(2026, 1, 5))
    assert goal_overdue_days(_goal(date(2026, 2, 1), GoalStatus.ACTIVE, done), TODAY) == 0


def test_the_words_count_days() -> None:
    assert overdue_text(0) == ""
    assert overdue_text(1) == "Overdue by 1 day"
    assert overdue_text(1234) == "Overdue by 1,234 days"
