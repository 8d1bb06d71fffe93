"""The Goals tab driven like a user: dialogs, buttons, keys, check boxes, undo."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from mentor_desktop.domain.models import GoalDraft, GoalKind, MilestoneDraft
from mentor_desktop.services.goals import GoalService
from mentor_desktop.storage.uow import unit_of_work_factory
from mentor_desktop.ui.bus import ChangeBus
from mentor_desktop.ui.goals.tab import GoalsTab
from mentor_desktop.ui.models.goal_cells import Column
from mentor_desktop.ui.models.goal_tree import GoalTreeModel, NodeKind
from mentor_desktop.ui.models.recalibrations import RecalibrationTableModel
from mentor_desktop.ui.models.resources import ResourceTableModel

TODAY = date(2026, 6, 1)


@pytest.fixture
def goals(engine) -> GoalService:
    return GoalService(unit_of_work_factory(engine), today=lambda: TODAY)


@pytest.fixture
def tab(qtbot, goals, dialogs) -> GoalsTab:
    widget = GoalsTab(goals, ChangeBus(), dialogs, today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    return widget


def _press_ok(qtbot, dialog) -> None:
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )


def _seed(goals: GoalService):
    goal = goals.create_goal(
        GoalDraft("Lead a team", start_date=date(2026, 1, 1), target_date=date(2026, 12, 31))
    )
    milestone = goals.add_milestone(goal.id, MilestoneDraft("Run planning", date(2026, 9, 1)))
    return goal, milestone


def test_empty_state_then_create_a_goal_through_the_dialog(qtbot, tab, goals) -> None:
    assert tab.view.tree_stack.currentWidget() is tab.view.empty_label
    assert "No goals here yet" in tab.view.empty_label.text()

    qtbot.mouseClick(tab.view.new_goal_button, Qt.MouseButton.LeftButton)
    dialog = tab.active_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.title_edit, "Speak at a conference")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("personal"))
    qtbot.keyClicks(dialog.why_edit, "Visibility")
    dialog.target_field.enabled_box.setChecked(True)
    dialog.target_field.date_edit.setDate(QDate(2027, 3, 31))
    _press_ok(qtbot, dialog)

    assert not dialog.isVisible()
    [saved] = goals.list_goals()
    assert (saved.title, saved.kind, saved.why, saved.target_date) == (
        "Speak at a conference",
        GoalKind.PERSONAL,
        "Visibility",
        date(2027, 3, 31),
    )
    assert tab.view.tree_stack.currentWidget() is tab.view.tree
    assert tab.model.index(0, Column.TITLE).data() == "Speak at a conference"
    assert tab.view.details.title_label.text() == "Speak at a conference"


def test_empty_title_is_shown_next_to_the_field_and_nothing_is_saved(qtbot, tab, goals) -> None:
    tab.new_item()
    dialog = tab.active_dialog
    _press_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error_text("title") == "The goal needs a title."
    assert goals.list_goals() == []


def test_milestone_due_after_goal_target_is_refused_next_to_the_due_field(
    qtbot, tab, goals
) -> None:
    goal, _ = _seed(goals)
    tab.reload()
    tab.select((NodeKind.GOAL, goal.id))
    qtbot.mouseClick(tab.view.add_milestone_button, Qt.MouseButton.LeftButton)
    dialog = tab.active_dialog
    qtbot.keyClicks(dialog.title_edit, "Too late")
    dialog.due_field.date_edit.setDate(QDate(2027, 2, 1))
    _press_ok(qtbot, dialog)
    assert "after the goal's target date 31 Dec 2026" in dialog.error_text("due_date")
    assert [m.title for m in goals.get_goal(goal.id).milestones] == ["Run planning"]


def test_add_milestone_and_steps_then_tick_a_step_and_read_the_progress(
    qtbot, tab, goals, dialogs
) -> None:
    goal = goals.create_goal(GoalDraft("Learn Spanish", target_date=date(2026, 12, 1)))
    tab.reload()
    tab.select((NodeKind.GOAL, goal.id))
    qtbot.mouseClick(tab.view.add_milestone_button, Qt.MouseButton.LeftButton)
    dialog = tab.active_dialog
    qtbot.keyClicks(dialog.title_edit, "Finish A1")
    _press_ok(qtbot, dialog)
    [milestone] = goals.get_goal(goal.id).milestones
    assert milestone.due_date == date(2026, 12, 1)  # starts at the goal's target

    qtbot.mouseClick(tab.view.add_step_button, Qt.MouseButton.LeftButton)
    step_dialog = tab.active_dialog
    _press_ok(qtbot, step_dialog)  # an empty title: the dialog stays, saying why
    assert step_dialog.isVisible() and step_dialog.error_text("title")
    assert goals.get_goal(goal.id).milestones[0].steps == ()
    qtbot.keyClicks(step_dialog.title_edit, "Book a tutor")
    assert step_dialog.error_text("title") == ""
    _press_ok(qtbot, step_dialog)
    assert not step_dialog.isVisible()
    tab.select((NodeKind.MILESTONE, milestone.id))
    qtbot.mouseClick(tab.view.add_step_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(tab.active_dialog.title_edit, "Daily practice")
    _press_ok(qtbot, tab.active_dialog)
    steps = goals.get_goal(goal.id).milestones[0].steps
    assert [s.title for s in steps] == ["Book a tutor", "Daily practice"]

    tab.select((NodeKind.STEP, steps[0].id))
    qtbot.keyClick(tab.view.tree, Qt.Key.Key_Space)
    assert goals.get_goal(goal.id).milestones[0].steps[0].done is True
    milestone_row = tab.model.index_for((NodeKind.MILESTONE, milestone.id), Column.PROGRESS)
    goal_row = tab.model.index_for((NodeKind.GOAL, goal.id), Column.PROGRESS)
    assert milestone_row.data() == "50 %"
    assert goal_row.data() == "50 %"
    assert tab.view.details.progress_bar.value() == 50

    tab.undo_stack().undo()
    assert goals.get_goal(goal.id).milestones[0].steps[0].done is False
    assert tab.view.details.progress_bar.value() == 0


def test_moving_a_due_date_asks_why_records_history_and_undo_removes_it(
    qtbot, tab, goals, dialogs
) -> None:
    goal, milestone = _seed(goals)
    tab.reload()
    tab.select((NodeKind.MILESTONE, milestone.id))
    qtbot.keyClick(tab.view.tree, Qt.Key.Key_Return)
    dialog = tab.active_dialog
    dialog.due_field.date_edit.setDate(QDate(2026, 10, 15))
    dialogs.text_answers.append("Team reorganised")
    _press_ok(qtbot, dialog)

    assert not dialog.isVisible()
    assert "from 1 Sep 2026 to 15 Oct 2026" in dialogs.asked[-1]
    history = tab.history_model
    assert history.rowCount() == 1
    row = [history.index(0, c).data() for c in range(history.columnCount())]
    assert row[1:] == [
        "Milestone due date: Run planning",
        "1 Sep 2026",
        "15 Oct 2026",
        "Team reorganised",
    ]
    assert tab.view.details.history_view.isVisible()
    assert goals.get_goal(goal.id).milestones[0].due_date == date(2026, 10, 15)

    tab.undo_stack().undo()
    reverted = goals.get_goal(goal.id)
    assert reverted.milestones[0].due_date == date(2026, 9, 1)
    assert reverted.changes == ()
    assert tab.history_model.rowCount() == 0

    tab.undo_stack().redo()
    assert [c.reason for c in goals.get_goal(goal.id).changes] == ["Team reorganised"]


def test_cancelling_the_reason_keeps_the_dialog_open_and_changes_nothing(
    qtbot, tab, goals, dialogs
) -> None:
    goal, milestone = _seed(goals)
    tab.reload()
    tab.select((NodeKind.MILESTONE, milestone.id))
    tab.edit_selected()
    dialog = tab.active_dialog
    dialog.due_field.date_edit.setDate(QDate(2026, 11, 1))
    dialogs.text_answers.append(None)
    _press_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert goals.get_goal(goal.id).milestones[0].due_date == date(2026, 9, 1)


def test_delete_key_removes_a_goal_and_undo_brings_it_all_back(qtbot, tab, goals) -> None:
    goal, milestone = _seed(goals)
    goals.add_step(milestone.id, "Outline")
    tab.reload()
    before = goals.get_goal(goal.id)
    tab.select((NodeKind.GOAL, goal.id))
    qtbot.keyClick(tab.view.tree, Qt.Key.Key_Delete)
    assert goals.list_goals() == []
    assert tab.view.tree_stack.currentWidget() is tab.view.empty_label
    tab.undo_stack().undo()
    assert goals.get_goal(goal.id) == before
    assert tab.model.rowCount() == 1


def test_ctrl_down_reorders_goals_and_undo_moves_back(qtbot, tab, goals) -> None:
    for title in ("First", "Second", "Third"):
        goals.create_goal(GoalDraft(title))
    tab.reload()
    tab.select((NodeKind.GOAL, goals.list_goals()[0].id))
    qtbot.keyClick(tab.view.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert [g.title for g in goals.list_goals()] == ["Second", "First", "Third"]
    assert tab.model.index(1, 0).data() == "First"
    assert tab.current_item().title == "First"
    tab.undo_stack().undo()
    assert [g.title for g in goals.list_goals()] == ["First", "Second", "Third"]


def test_mark_done_on_a_milestone_uses_today_and_a_goal_becomes_achieved(qtbot, tab, goals) -> None:
    goal, milestone = _seed(goals)
    tab.reload()
    tab.select((NodeKind.MILESTONE, milestone.id))
    qtbot.mouseClick(tab.view.done_button, Qt.MouseButton.LeftButton)
    assert goals.get_goal(goal.id).milestones[0].done_date == TODAY
    assert tab.model.index_for((NodeKind.MILESTONE, milestone.id), Column.STATUS).data() == (
        "Done 1 Jun 2026"
    )
    tab.select((NodeKind.GOAL, goal.id))
    assert tab.view.done_button.text() == "Mark achieved"
    qtbot.mouseClick(tab.view.done_button, Qt.MouseButton.LeftButton)
    assert goals.get_goal(goal.id).status.value == "achieved"


def test_filters_narrow_the_tree_and_say_so_when_nothing_matches(qtbot, tab, goals) -> None:
    goals.create_goal(GoalDraft("Career goal"))
    goals.create_goal(GoalDraft("Run", kind=GoalKind.PERSONAL))
    tab.reload()
    assert tab.model.rowCount() == 2
    tab.view.kind_filter.setCurrentIndex(tab.view.kind_filter.findData("personal"))
    assert [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())] == ["Run"]
    tab.view.status_filter.setCurrentIndex(tab.view.status_filter.findData("dropped"))
    assert tab.model.rowCount() == 0
    assert "No goals match these filters" in tab.view.empty_label.text()


def test_resources_are_added_edited_and_removed_with_undo(qtbot, tab, goals) -> None:
    goal, _ = _seed(goals)
    tab.reload()
    tab.select((NodeKind.GOAL, goal.id))
    qtbot.mouseClick(tab.view.details.add_resource_button, Qt.MouseButton.LeftButton)
    dialog = tab.active_dialog
    qtbot.keyClicks(dialog.title_edit, "The Manager's Path")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("book"))
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("in_progress"))
    _press_ok(qtbot, dialog)
    assert [(r.title, r.kind.value, r.status.value) for r in goals.get_goal(goal.id).resources] == [
        ("The Manager's Path", "book", "in_progress")
    ]
    assert tab.resource_model.index(0, 2).data() == "In progress"

    tab.view.details.resource_view.setCurrentIndex(tab.resource_model.index(0, 0))
    qtbot.mouseClick(tab.view.details.delete_resource_button, Qt.MouseButton.LeftButton)
    assert goals.get_goal(goal.id).resources == ()
    tab.undo_stack().undo()
    assert len(goals.get_goal(goal.id).resources) == 1


def test_renaming_a_step_in_place_to_empty_is_refused(qtbot, tab, goals, dialogs) -> None:
    goal, milestone = _seed(goals)
    step = goals.add_step(milestone.id, "Outline")
    tab.reload()
    index = tab.model.index_for((NodeKind.STEP, step.id))
    assert tab.model.setData(index, "   ", Qt.ItemDataRole.EditRole)
    assert dialogs.errors == ["The step needs a title."]
    assert goals.get_goal(goal.id).milestones[0].steps[0].title == "Outline"
    tab.model.setData(tab.model.index_for((NodeKind.STEP, step.id)), "Write outline")
    assert goals.get_goal(goal.id).milestones[0].steps[0].title == "Write outline"


def test_item_models_pass_the_model_tester(qtmodeltester, goals) -> None:
    goal, milestone = _seed(goals)
    goals.add_step(milestone.id, "One")
    goals.update_milestone(milestone.id, MilestoneDraft("Run planning", date(2026, 10, 1)), "x")
    goals.create_goal(GoalDraft("Empty goal"))
    tree = GoalTreeModel(TODAY)
    tree.set_goals(goals.list_goals())
    qtmodeltester.check(tree)
    history = RecalibrationTableModel()
    history.set_rows(goals.get_goal(goal.id).changes)
    qtmodeltester.check(history)
    resources = ResourceTableModel()
    qtmodeltester.check(resources)


def test_find_focuses_the_words_filter_which_matches_goals_milestones_and_steps(
    qtbot, tab, goals
) -> None:
    _goal, milestone = _seed(goals)
    goals.add_step(milestone.id, "Book the Café room")
    goals.create_goal(GoalDraft("Run a half marathon"))
    tab.reload()
    tab.focus_search()
    assert tab.view.text_filter.hasFocus()
    qtbot.keyClicks(tab.view.text_filter, "CAF")
    tab.view.text_filter.insert("É")  # the test keyboard types ASCII only
    assert [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())] == ["Lead a team"]
    tab.view.text_filter.setText("nothing like this")
    assert tab.view.tree_stack.currentWidget() is tab.view.empty_label
    tab.view.text_filter.clear()
    assert tab.model.rowCount() == 2


def test_an_undo_that_fails_is_reported_and_clears_the_history(
    qtbot, tab, goals, dialogs, monkeypatch
) -> None:
    goal, _ = _seed(goals)
    tab.reload()
    tab.select((NodeKind.GOAL, goal.id))

    def broken(_snapshot):
        raise OSError("disk I/O error")

    monkeypatch.setattr(goals, "restore_goal", broken)
    tab.delete_selected()
    tab.undo_stack().undo()
    assert "disk I/O error" in dialogs.errors[-1]
    assert "undo history was cleared" in dialogs.errors[-1]
    qtbot.waitUntil(lambda: tab.undo_stack().count() == 0)
    assert goals.list_goals() == []
