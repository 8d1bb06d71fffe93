"""The goals tree model answers both of Qt's parent() questions."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QObject

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
