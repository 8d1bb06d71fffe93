"""Overdue goals and milestones in the Timeline tab's items: marked, with the days, in colour."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from mentor_desktop.domain.timeline import TimelineItem, TimelineKind
from mentor_desktop.ui.models.timeline_items import COL_STATUS, TimelineItemModel, describe
from mentor_desktop.ui.theme import error_color

TODAY = date(2026, 12, 1)


def _goal(goal_id: int, end: date, status: str = "active") -> TimelineItem:
    return TimelineItem(TimelineKind.GOAL, goal_id, f"Goal {goal_id}", date(2026, 1, 1), end,
                        goal_id=goal_id, goal_status=status, status=status)  # fmt: skip


def _milestone(item_id: int, goal_id: int, due: date, done: bool = False) -> TimelineItem:
    return TimelineItem(TimelineKind.MILESTONE, item_id, f"Milestone {item_id}", due, due,
                        goal_id=goal_id, goal_status="active", done=done,
                        done_date=due if done else None, status="done" if done else "open",
                        detail="Goal")  # fmt: skip


def _model(items: list[TimelineItem]) -> TimelineItemModel:
    model = TimelineItemModel(today=lambda: TODAY)
    model.set_items(items)
    return model


def _status(model: TimelineItemModel, kind: TimelineKind, item_id: int):
    return model.index(model.row_of(kind, item_id), COL_STATUS)


def test_a_late_milestone_and_its_open_goal_say_overdue_by_how_many_days() -> None:
    model = _model([_goal(1, date(2026, 11, 1)), _milestone(10, 1, date(2026, 11, 21))])
    milestone = _status(model, TimelineKind.MILESTONE, 10)
    assert milestone.data() == "Overdue by 10 days"
    assert milestone.data(Qt.ItemDataRole.ForegroundRole) == error_color()
    assert "Overdue by 10 days: recalibrate it in Goals" in milestone.data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert _status(model, TimelineKind.GOAL, 1).data() == "Overdue by 30 days"


def test_done_achieved_and_finished_goals_are_not_overdue() -> None:
    model = _model([
        _goal(1, date(2026, 11, 1)), _milestone(10, 1, date(2026, 10, 1), done=True),
        _goal(2, date(2026, 11, 1), status="achieved"),
        _goal(3, date(2027, 1, 1)), _milestone(30, 3, date(2026, 12, 20)),
    ])  # fmt: skip
    assert _status(model, TimelineKind.GOAL, 1).data() == "Active"
    assert _status(model, TimelineKind.MILESTONE, 10).data() == "Done"
    assert _status(model, TimelineKind.GOAL, 2).data() == "Achieved"
    assert _status(model, TimelineKind.MILESTONE, 30).data() == "Open"
    assert _status(model, TimelineKind.GOAL, 1).data(Qt.ItemDataRole.ForegroundRole) is None


def test_the_hover_text_of_a_late_milestone_counts_from_today() -> None:
    text = describe(_milestone(10, 1, date(2000, 1, 1)))
    assert "Overdue by" in text and "Recalibrate…" in text
    assert "Overdue" not in describe(_milestone(11, 1, date(2000, 1, 1), done=True))
