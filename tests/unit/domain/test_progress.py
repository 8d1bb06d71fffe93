"""The progress rule written in domain/progress.py."""

from __future__ import annotations

from datetime import date

import pytest

from mentor_desktop.domain.models import Goal, GoalKind, GoalStatus, Milestone, Step
from mentor_desktop.domain.progress import goal_progress, milestone_progress, percent


def _milestone(done_steps: int, steps: int, done: bool = False, mid: int = 1) -> Milestone:
    return Milestone(
        id=mid,
        goal_id=1,
        title="m",
        due_date=None,
        done_date=date(2026, 1, 1) if done else None,
        notes="",
        position=0,
        steps=tuple(Step(i, mid, f"s{i}", i < done_steps, i) for i in range(steps)),
    )


def _goal(*milestones: Milestone, status: GoalStatus = GoalStatus.ACTIVE) -> Goal:
    return Goal(1, "g", GoalKind.CAREER, status, "", "", None, None, 0, milestones)


def test_milestone_is_share_of_done_steps() -> None:
    assert milestone_progress(_milestone(1, 4)) == pytest.approx(0.25)
    assert milestone_progress(_milestone(0, 0)) == 0.0


def test_done_milestone_is_complete_whatever_its_steps() -> None:
    assert milestone_progress(_milestone(0, 3, done=True)) == 1.0


def test_goal_is_mean_of_its_milestones() -> None:
    goal = _goal(_milestone(2, 2, mid=1), _milestone(1, 2, mid=2), _milestone(0, 0, mid=3))
    assert goal_progress(goal) == pytest.approx((1.0 + 0.5 + 0.0) / 3)


def test_goal_without_milestones_is_zero_unless_achieved() -> None:
    assert goal_progress(_goal()) == 0.0
    assert goal_progress(_goal(status=GoalStatus.ACHIEVED)) == 1.0


@pytest.mark.parametrize(
    ("value", "shown"), [(0.0, 0), (0.999, 99), (1 / 3, 33), (2 / 3, 66), (1.0, 100), (0.29, 29)]
)
def test_percent_never_rounds_up_to_a_false_100(value: float, shown: int) -> None:
    assert percent(value) == shown
