"""Overdue goals and milestones in the Goals tab: marked, explained, and recalibrated."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from mentor_desktop.domain.models import GoalDraft, MilestoneDraft
from mentor_desktop.services.goals import GoalService
from mentor_desktop.settings import Theme
from mentor_desktop.storage.uow import unit_of_work_factory
from mentor_desktop.ui.bus import ChangeBus
from mentor_desktop.ui.goals.tab import GoalsTab
from mentor_desktop.ui.models.goal_cells import Column
from mentor_desktop.ui.models.goal_tree import NodeKind
from mentor_desktop.ui.theme import apply_theme, error_color
from mentor_desktop.ui.widgets.context_menu import menu_texts

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


def _late_goal(goals: GoalService, target: date = date(2026, 5, 31)):
    goal = goals.create_goal(
        GoalDraft("Ship the pipeline", start_date=date(2026, 1, 1), target_date=target)
    )
    late = goals.add_milestone(goal.id, MilestoneDraft("Load test", date(2026, 5, 20)))
    later = goals.add_milestone(goal.id, MilestoneDraft("Hand over", date(2026, 5, 20)))
    goals.set_milestone_done(later.id, date(2026, 5, 25))
    return goal, late, later


def _row(tab: GoalsTab, key) -> list[str]:
    index = tab.model.index_for(key)
    return [index.siblingAtColumn(c).data() for c in range(len(Column))]


def test_goals_and_milestones_past_their_date_say_by_how_many_days(tab, goals) -> None:
    goal, late, done = _late_goal(goals)
    tab.reload()
    assert _row(tab, (NodeKind.GOAL, goal.id))[Column.STATUS] == "Overdue by 1 day"
    assert _row(tab, (NodeKind.MILESTONE, late.id))[Column.STATUS] == "Overdue by 12 days"
    assert _row(tab, (NodeKind.MILESTONE, done.id))[Column.STATUS] == "Done 25 May 2026"
    status = tab.model.index_for((NodeKind.MILESTONE, late.id)).siblingAtColumn(Column.STATUS)
    assert status.data(Qt.ItemDataRole.ForegroundRole) == error_color()
    assert "Recalibrate" in status.data(Qt.ItemDataRole.ToolTipRole)
    done_status = tab.model.index_for((NodeKind.MILESTONE, done.id)).siblingAtColumn(Column.STATUS)
    assert done_status.data(Qt.ItemDataRole.ForegroundRole) is None


def test_the_overdue_colour_is_readable_on_the_dark_palette(qtbot, tab, goals) -> None:
    goal, _late, _done = _late_goal(goals)
    tab.reload()
    app = QApplication.instance()
    apply_theme(app, Theme.DARK)
    try:
        index = tab.model.index_for((NodeKind.GOAL, goal.id)).siblingAtColumn(Column.DATE)
        colour = index.data(Qt.ItemDataRole.ForegroundRole)
        base = app.palette().color(QPalette.ColorRole.Base)
        assert abs(colour.lightness() - base.lightness()) > 90
    finally:
        apply_theme(app, Theme.LIGHT)


def test_the_goal_panel_offers_to_recalibrate_and_the_date_moves_with_its_reason(
    qtbot, tab, goals, dialogs
) -> None:
    goal, _late, _done = _late_goal(goals)
    tab.reload()
    tab.select((NodeKind.GOAL, goal.id))
    details = tab.view.details
    assert details.overdue_box.isVisible()
    assert "Overdue by 1 day" in details.overdue_label.text()

    qtbot.mouseClick(details.recalibrate_button, Qt.MouseButton.LeftButton)
    dialog = tab.active_dialog
    assert dialog.isVisible() and dialog.windowTitle() == "Recalibrate “Ship the pipeline”"
    assert dialog.focusWidget() is dialog.target_field.date_edit
    dialog.target_field.date_edit.setDate(QDate(2026, 8, 31))
    dialogs.text_answers.append("The load test found a bottleneck")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    stored = goals.get_goal(goal.id)
    assert stored.target_date == date(2026, 8, 31)
    assert stored.changes[0].reason == "The load test found a bottleneck"
    assert not details.overdue_box.isVisible()
    assert _row(tab, (NodeKind.GOAL, goal.id))[Column.STATUS] == "Career · Active"


def test_a_goal_on_time_shows_no_overdue_line(tab, goals) -> None:
    goal = goals.create_goal(GoalDraft("Later", target_date=date(2026, 12, 31)))
    tab.reload()
    tab.select((NodeKind.GOAL, goal.id))
    assert not tab.view.details.overdue_box.isVisible()


def test_the_tree_menu_lists_the_commands_and_recalibrates_an_overdue_milestone(
    qtbot, tab, goals, dialogs
) -> None:
    _goal, late, _done = _late_goal(goals, target=date(2026, 12, 31))
    tab.reload()
    tree = tab.view.tree
    tree.expandAll()
    rect = tree.visualRect(tab.model.index_for((NodeKind.MILESTONE, late.id)))
    menu = tab.tree_menu.menu.menu_at(rect.center())
    assert tab.current_item().id == late.id  # the right-clicked row is the one acted on
    texts = menu_texts(menu)
    assert texts[:2] == ["Recalibrate…", ""]
    assert {"Edit…", "Mark done", "Add step…", "Delete", "Move up", "New goal…"} <= set(texts)
    enabled = {a.text().replace("&", ""): a.isEnabled() for a in menu.actions()}
    assert enabled["Add step…"] and enabled["Delete"]

    next(a for a in menu.actions() if a.objectName() == "menu_recalibrate").trigger()
    dialog = tab.active_dialog
    assert dialog.windowTitle() == "Recalibrate “Load test”"
    assert dialog.focusWidget() is dialog.due_field.date_edit
    dialog.due_field.date_edit.setDate(QDate(2026, 6, 15))
    dialogs.text_answers.append("")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert goals.get_goal(late.goal_id).milestones[0].due_date == date(2026, 6, 15)
    assert _row(tab, (NodeKind.MILESTONE, late.id))[Column.STATUS] == "Open"


def test_on_a_step_the_menu_cannot_recalibrate_and_marks_the_step_done(qtbot, tab, goals) -> None:
    goal, late, _done = _late_goal(goals)
    step = goals.add_step(late.id, "Write the script")
    tab.reload()
    tab.select((NodeKind.STEP, step.id))
    rect = tab.view.tree.visualRect(tab.model.index_for((NodeKind.STEP, step.id)))
    menu = tab.tree_menu.menu.menu_at(rect.center())
    actions = {a.text().replace("&", ""): a for a in menu.actions() if not a.isSeparator()}
    assert not actions["Recalibrate…"].isEnabled()
    actions["Mark done"].trigger()
    assert goals.get_goal(goal.id).milestones[0].steps[0].done
