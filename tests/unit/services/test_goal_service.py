"""GoalService on a real (temporary) database: rules, recalibrations, undo snapshots, order."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from mentor_desktop.domain.errors import NotFoundError, ValidationError
from mentor_desktop.domain.models import (
    ChangeField,
    GoalDraft,
    GoalKind,
    GoalStatus,
    MilestoneDraft,
    ResourceDraft,
    ResourceKind,
    ResourceStatus,
)
from mentor_desktop.services.goals import GoalService
from mentor_desktop.storage.orm import GoalChangeRow, GoalRow, MilestoneRow, StepRow
from mentor_desktop.storage.uow import unit_of_work_factory

TODAY = date(2026, 6, 1)


@pytest.fixture
def goals(engine) -> GoalService:
    return GoalService(unit_of_work_factory(engine), today=lambda: TODAY)


def _count(engine, model) -> int:
    with engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(model))


def _goal(goals: GoalService, title: str = "Lead a team", **kw):
    draft = GoalDraft(title, start_date=date(2026, 1, 1), target_date=date(2026, 12, 31), **kw)
    return goals.create_goal(draft)


def test_create_goal_with_milestones_and_steps_round_trips(goals: GoalService) -> None:
    goal = _goal(goals, why="Influence", success_measure="Team ships")
    milestone = goals.add_milestone(goal.id, MilestoneDraft("Plan", date(2026, 3, 1)))
    goals.add_step(milestone.id, "  Draft outline  ")
    goals.add_step(milestone.id, "Ask for review")
    loaded = goals.get_goal(goal.id)
    assert loaded.why == "Influence"
    assert [s.title for s in loaded.milestones[0].steps] == ["Draft outline", "Ask for review"]


@pytest.mark.parametrize("title", ["", "   ", "a\nb", "x" * 301])
def test_bad_goal_titles_are_refused_and_nothing_is_written(goals, engine, title) -> None:
    with pytest.raises(ValidationError) as info:
        goals.create_goal(GoalDraft(title))
    assert "title" in info.value.errors
    assert _count(engine, GoalRow) == 0


def test_target_before_start_is_refused(goals: GoalService) -> None:
    with pytest.raises(ValidationError) as info:
        goals.create_goal(GoalDraft("x", start_date=date(2026, 5, 1), target_date=date(2026, 4, 1)))
    assert "before the start date" in info.value.errors["target_date"]


def test_milestone_after_goal_target_and_future_done_date_are_refused(goals, engine) -> None:
    goal = _goal(goals)
    with pytest.raises(ValidationError) as info:
        goals.add_milestone(
            goal.id, MilestoneDraft("Late", date(2027, 2, 1), done_date=date(2026, 7, 1))
        )
    assert "after the goal's target date 31 Dec 2026" in info.value.errors["due_date"]
    assert "in the future" in info.value.errors["done_date"]
    assert _count(engine, MilestoneRow) == 0


def test_moving_goal_target_before_a_milestone_is_refused(goals: GoalService) -> None:
    goal = _goal(goals)
    goals.add_milestone(goal.id, MilestoneDraft("Ship", date(2026, 11, 1)))
    draft = goal.draft()
    moved = GoalDraft(draft.title, target_date=date(2026, 10, 1), start_date=draft.start_date)
    with pytest.raises(ValidationError) as info:
        goals.update_goal(goal.id, moved)
    assert "“Ship” is due 1 Nov 2026" in info.value.errors["target_date"]
    assert goals.get_goal(goal.id).target_date == date(2026, 12, 31)


def test_moving_a_due_date_records_a_recalibration_and_revert_forgets_it(goals) -> None:
    goal = _goal(goals)
    milestone = goals.add_milestone(goal.id, MilestoneDraft("Ship", date(2026, 9, 1)))
    later = MilestoneDraft("Ship", date(2026, 10, 15))
    update = goals.update_milestone(milestone.id, later, reason="  Reorg  ")
    changes = goals.get_goal(goal.id).changes
    assert len(update.change_ids) == 1
    assert [(c.field, c.old_value, c.new_value, c.reason) for c in changes] == [
        (ChangeField.MILESTONE_DUE, date(2026, 9, 1), date(2026, 10, 15), "Reorg")
    ]
    goals.revert_milestone(milestone.id, milestone.draft(), update.change_ids)
    reverted = goals.get_goal(goal.id)
    assert reverted.changes == ()
    assert reverted.milestones[0].due_date == date(2026, 9, 1)


def test_first_date_is_not_a_recalibration_but_moving_the_target_is(goals) -> None:
    goal = goals.create_goal(GoalDraft("Undated"))
    first = goals.update_goal(goal.id, GoalDraft("Undated", target_date=date(2026, 12, 1)))
    assert first.change_ids == ()
    moved = goals.update_goal(goal.id, GoalDraft("Undated", target_date=date(2027, 3, 1)), "ill")
    assert [(c.field, c.reason) for c in moved.goal.changes] == [(ChangeField.GOAL_TARGET, "ill")]


def test_delete_goal_cascades_and_restore_brings_back_everything_with_same_ids(
    goals, engine
) -> None:
    goal = _goal(goals)
    milestone = goals.add_milestone(goal.id, MilestoneDraft("Ship", date(2026, 9, 1)))
    step = goals.add_step(milestone.id, "Outline")
    goals.set_step_done(step.id, True)
    goals.update_milestone(milestone.id, MilestoneDraft("Ship", date(2026, 10, 1)), "late")
    goals.add_resource(goal.id, ResourceDraft("Book", ResourceKind.BOOK, ResourceStatus.DONE))
    before = goals.get_goal(goal.id)

    snapshot = goals.delete_goal(goal.id)
    assert _count(engine, GoalRow) == _count(engine, StepRow) == _count(engine, GoalChangeRow) == 0
    restored = goals.restore_goal(snapshot)
    assert restored == before


def test_reorder_goals_and_restore_puts_a_deleted_goal_back_in_place(goals) -> None:
    a, b, c = (_goal(goals, t) for t in "ABC")
    goals.move_goal(c.id, 0)
    assert [g.title for g in goals.list_goals()] == ["C", "A", "B"]
    snapshot = goals.delete_goal(a.id)
    goals.restore_goal(snapshot)
    assert [g.title for g in goals.list_goals()] == ["C", "A", "B"]
    assert goals.goal_order() == [c.id, a.id, b.id]


def test_filters_by_kind_and_status(goals: GoalService) -> None:
    _goal(goals, "Career one")
    personal = _goal(goals, "Run", kind=GoalKind.PERSONAL)
    goals.set_goal_status(personal.id, GoalStatus.PAUSED)
    assert [g.title for g in goals.list_goals(kinds=[GoalKind.PERSONAL])] == ["Run"]
    assert [g.title for g in goals.list_goals(statuses=[GoalStatus.ACTIVE])] == ["Career one"]


def test_missing_records_raise_not_found(goals: GoalService) -> None:
    with pytest.raises(NotFoundError, match="Milestone #99"):
        goals.add_step(99, "x")


def test_undoing_a_delete_works_after_a_new_goal_was_made_meanwhile(goals: GoalService) -> None:
    """Ids are never reused, so the deleted goal comes back with its own id."""
    _goal(goals, "Older")
    newest = _goal(goals, "Newest")
    snapshot = goals.delete_goal(newest.id)
    made_meanwhile = _goal(goals, "Made meanwhile")
    assert made_meanwhile.id != newest.id
    assert goals.restore_goal(snapshot) == newest
    assert [g.title for g in goals.list_goals()] == ["Older", "Newest", "Made meanwhile"]
