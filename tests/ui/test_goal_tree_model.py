"""The goals tree model: both of Qt's parent() questions, and step rows made on demand."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtWidgets import QTreeView

from mentor_desktop.domain.models import GoalDraft, MilestoneDraft
from mentor_desktop.services.goals import GoalService
from mentor_desktop.storage.uow import unit_of_work_factory
from mentor_desktop.ui.models.goal_tree import GoalTreeModel, NodeKind
from tests.factories import TODAY


def test_parent_names_the_owner_without_an_index_and_the_row_above_with_one(
    qtbot, qtmodeltester, engine
) -> None:
    goals = GoalService(unit_of_work_factory(engine))
    goal = goals.create_goal(GoalDraft("Lead a team"))
    goals.add_milestone(goal.id, MilestoneDraft("Run the retro", date(2026, 6, 1)))
    owner = QObject()
    model = GoalTreeModel(TODAY, owner)
    model.set_goals([goals.get_goal(goal.id)])
    qtmodeltester.check(model)
    assert model.parent() is owner
    goal_index = model.index_for((NodeKind.GOAL, goal.id))
    milestone_index = model.index(0, 0, goal_index)
    assert milestone_index.data() == "Run the retro"
    assert model.parent(milestone_index) == goal_index
    assert model.parent(goal_index) == QModelIndex()


@pytest.fixture
def one_goal(engine) -> tuple[GoalService, int, int]:
    """A goal with two milestones; the first has three steps, the middle one done."""
    goals = GoalService(unit_of_work_factory(engine))
    goal = goals.create_goal(GoalDraft("Speak at a meetup"))
    talk = goals.add_milestone(goal.id, MilestoneDraft("Write the talk"))
    goals.add_milestone(goal.id, MilestoneDraft("Give the talk"))
    for title in ("Outline", "Slides", "Rehearse"):
        goals.add_step(talk.id, title)
    slides = goals.get_goal(goal.id).milestones[0].steps[1]
    goals.set_step_done(slides.id, True)
    return goals, goal.id, talk.id


def _shown_titles(view: QTreeView, parent: QModelIndex) -> list[str]:
    model = view.model()
    return [model.index(row, 0, parent).data() for row in range(model.rowCount(parent))]


def test_a_closed_milestone_counts_its_steps_and_shows_them_when_opened(
    qtbot, qtmodeltester, one_goal
) -> None:
    goals, goal_id, talk_id = one_goal
    model = GoalTreeModel(TODAY)
    model.set_goals(goals.list_goals())
    view = QTreeView()
    qtbot.addWidget(view)
    view.setModel(model)
    talk = model.index_for((NodeKind.MILESTONE, talk_id))
    assert model.rowCount(talk) == 3 and model.hasChildren(talk)
    assert model.rowCount(model.index(1, 0, model.index_for((NodeKind.GOAL, goal_id)))) == 0
    view.expand(model.index_for((NodeKind.GOAL, goal_id)))
    view.expand(talk)
    assert _shown_titles(view, talk) == ["Outline", "Slides", "Rehearse"]
    checks = [model.index(row, 0, talk).data(Qt.ItemDataRole.CheckStateRole) for row in range(3)]
    assert checks == [Qt.CheckState.Unchecked, Qt.CheckState.Checked, Qt.CheckState.Unchecked]
    assert model.parent(model.index(2, 0, talk)) == talk
    qtmodeltester.check(model)


def test_a_step_is_found_by_its_key_before_its_milestone_was_ever_opened(one_goal) -> None:
    goals, _, talk_id = one_goal
    model = GoalTreeModel(TODAY)
    model.set_goals(goals.list_goals())
    rehearse = goals.get_goal(model.goals()[0].id).milestones[0].steps[2]
    index = model.index_for((NodeKind.STEP, rehearse.id))
    assert index.data() == "Rehearse" and index.row() == 2
    assert model.key_at(index.parent()) == (NodeKind.MILESTONE, talk_id)
    assert model.index_for((NodeKind.STEP, 10_000)) == QModelIndex()


@pytest.mark.parametrize("opened", [False, True], ids=["closed", "opened"])
def test_a_goal_shown_again_shows_its_steps_as_they_are_now(one_goal, opened: bool) -> None:
    goals, goal_id, talk_id = one_goal
    model = GoalTreeModel(TODAY)
    model.set_goals(goals.list_goals())
    talk = model.index_for((NodeKind.MILESTONE, talk_id))
    if opened:
        assert model.index(0, 0, talk).data() == "Outline"
    outline = goals.get_goal(goal_id).milestones[0].steps[0]
    goals.set_step_done(outline.id, True)  # same shape: rows updated in place
    assert model.replace_goal(goals.get_goal(goal_id))
    first = model.index(0, 0, model.index_for((NodeKind.MILESTONE, talk_id)))
    assert first.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    goals.add_step(talk_id, "Record it")  # a new row: the goal's rows are made again
    assert model.replace_goal(goals.get_goal(goal_id))
    talk = model.index_for((NodeKind.MILESTONE, talk_id))
    assert [model.index(row, 0, talk).data() for row in range(model.rowCount(talk))] == [
        "Outline", "Slides", "Rehearse", "Record it",
    ]  # fmt: skip
    assert model.index_for((NodeKind.STEP, outline.id)).data() == "Outline"
