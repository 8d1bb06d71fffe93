"""The Goals tab and the change bus: its own edits reload nothing, changes from elsewhere
update only the goal they name."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from mentor_desktop.domain.models import GoalDraft, MilestoneDraft
from mentor_desktop.services.goals import GoalService
from mentor_desktop.storage.uow import unit_of_work_factory
from mentor_desktop.ui.bus import Change, ChangeBus, ChangeKind
from mentor_desktop.ui.goals.tab import GoalsTab
from mentor_desktop.ui.models.goal_cells import Column
from mentor_desktop.ui.models.goal_tree import NodeKind

TODAY = date(2026, 6, 1)


@pytest.fixture
def goals(engine) -> GoalService:
    return GoalService(unit_of_work_factory(engine), today=lambda: TODAY)


@pytest.fixture
def bus() -> ChangeBus:
    return ChangeBus()


@pytest.fixture
def seeded(goals: GoalService):
    first = goals.create_goal(GoalDraft("Lead a team", target_date=date(2026, 12, 31)))
    milestone = goals.add_milestone(first.id, MilestoneDraft("Run planning", date(2026, 9, 1)))
    goals.add_step(milestone.id, "Book the room")
    goals.add_step(milestone.id, "Write the agenda")
    second = goals.create_goal(GoalDraft("Run a half marathon"))
    return goals.get_goal(first.id), goals.get_goal(second.id)


@pytest.fixture
def tab(qtbot, goals, bus, dialogs, seeded) -> GoalsTab:
    widget = GoalsTab(goals, bus, dialogs, today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    return widget


def _announced(bus: ChangeBus) -> list[Change]:
    changes: list[Change] = []
    bus.changed.connect(changes.append)
    return changes


def test_ticking_a_step_updates_its_goal_and_reloads_nothing(qtbot, tab, goals, bus, seeded):
    first, _second = seeded
    step = first.milestones[0].steps[0]
    changes = _announced(bus)
    loads = tab.reload_count
    tab.select((NodeKind.STEP, step.id))
    with qtbot.assertNotEmitted(tab.model.modelReset):
        qtbot.keyClick(tab.view.tree, Qt.Key.Key_Space)
    assert goals.get_goal(first.id).milestones[0].steps[0].done is True
    assert tab.reload_count == loads
    assert tab.goal_refresh_count == 1
    goal_row = tab.model.index_for((NodeKind.GOAL, first.id), Column.PROGRESS)
    assert goal_row.data() == "50 %"
    assert tab.current_item().id == step.id  # the selection stays on the step
    assert [(c.kind, c.origin, c.ids) for c in changes] == [(ChangeKind.GOALS, tab, (first.id,))]

    tab.undo_stack().undo()
    assert tab.reload_count == loads
    assert goal_row.data() == "0 %"


def test_editing_a_goal_in_its_dialog_reloads_nothing(qtbot, tab, goals, seeded):
    first, _second = seeded
    loads = tab.reload_count
    tab.select((NodeKind.GOAL, first.id))
    tab.edit_selected()
    dialog = tab.active_dialog
    dialog.title_edit.clear()
    qtbot.keyClicks(dialog.title_edit, "Lead the platform team")
    with qtbot.assertNotEmitted(tab.model.modelReset):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
    assert goals.get_goal(first.id).title == "Lead the platform team"
    assert tab.reload_count == loads
    title = tab.model.index_for((NodeKind.GOAL, first.id), Column.TITLE).data()
    assert title == "Lead the platform team"


def test_a_change_from_another_tab_updates_only_that_goal(qtbot, tab, goals, bus, seeded):
    first, second = seeded
    other_row = tab.model.index_for((NodeKind.GOAL, second.id), Column.TITLE)
    loads = tab.reload_count
    goals.add_milestone(first.id, MilestoneDraft("Hire a second lead", date(2026, 10, 1)))
    with qtbot.assertNotEmitted(tab.model.modelReset):
        bus.announce(ChangeKind.GOALS, object(), ids=(first.id,))
    assert tab.reload_count == loads
    assert tab.goal_refresh_count == 1
    goal_index = tab.model.index_for((NodeKind.GOAL, first.id))
    titles = [tab.model.index(r, 0, goal_index).data() for r in range(2)]
    assert titles == ["Run planning", "Hire a second lead"]
    assert other_row.isValid() and other_row.data() == "Run a half marathon"


def test_a_change_naming_no_goal_reloads_once(tab, bus) -> None:
    loads = tab.reload_count
    bus.announce(ChangeKind.GOALS, object())
    assert tab.reload_count == loads + 1
    bus.announce(ChangeKind.JOURNAL, object())
    assert tab.reload_count == loads + 1


def test_replacing_a_goal_keeps_the_tree_model_sound(qtmodeltester, goals, seeded) -> None:
    from mentor_desktop.ui.models.goal_tree import GoalTreeModel

    first, second = seeded
    model = GoalTreeModel(TODAY)
    model.set_goals([first, second])
    qtmodeltester.check(model)
    goals.set_step_done(first.milestones[0].steps[0].id, True)  # same shape
    assert model.replace_goal(goals.get_goal(first.id))
    qtmodeltester.check(model)
    goals.add_milestone(first.id, MilestoneDraft("Another", date(2026, 11, 1)))  # new shape
    goals.delete_step(first.milestones[0].steps[1].id)
    assert model.replace_goal(goals.get_goal(first.id))
    qtmodeltester.check(model)
    goal_index = model.index_for((NodeKind.GOAL, first.id))
    assert model.rowCount(goal_index) == 2
    assert model.rowCount(model.index(0, 0, goal_index)) == 1
    assert not model.replace_goal(goals.create_goal(GoalDraft("Not shown")))
