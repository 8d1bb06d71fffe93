"""What each cell of the goals tree says: its columns, text, tooltip and progress."""

from __future__ import annotations

import enum

from mentor_desktop.domain.dates import date_text
from mentor_desktop.domain.models import Goal, GoalStatus, Milestone, Step
from mentor_desktop.domain.overdue import overdue_text
from mentor_desktop.domain.progress import goal_progress, milestone_progress, percent

Item = Goal | Milestone | Step


class Column(enum.IntEnum):
    TITLE = 0
    DATE = 1
    PROGRESS = 2
    STATUS = 3


HEADERS = {
    Column.TITLE: "Goal / milestone / step",
    Column.DATE: "Due",
    Column.PROGRESS: "Progress",
    Column.STATUS: "Status",
}


def row_progress(item: Item) -> float:
    """A row's progress, 0..1 (a step is done or not)."""
    if isinstance(item, Goal):
        return goal_progress(item)
    if isinstance(item, Milestone):
        return milestone_progress(item)
    return 1.0 if item.done else 0.0


def cell_text(item: Item, column: Column, late: int) -> str:
    """What the cell of `item` in `column` says; `late`: days past its date, not done."""
    if column is Column.TITLE:
        return item.title
    if column is Column.PROGRESS:
        return "" if isinstance(item, Step) else f"{percent(row_progress(item))} %"
    if isinstance(item, Goal):
        if column is Column.DATE:
            return date_text(item.target_date)
        return overdue_text(late) or f"{item.kind.label} · {item.status.label}"
    if isinstance(item, Milestone):
        if column is Column.DATE:
            return date_text(item.due_date)
        if item.done_date:
            return f"Done {date_text(item.done_date)}"
        return overdue_text(late) or "Open"
    if column is Column.STATUS:
        return "Done" if item.done else "To do"
    return ""


def cell_tooltip(item: Item, column: Column, late: int) -> str | None:
    """The cell's tooltip: why a date is red, a goal's why and status, a long title."""
    if late and column in (Column.DATE, Column.STATUS):
        what = "target" if isinstance(item, Goal) else "due"
        return (
            f"{overdue_text(late)}: past its {what} date and not done.\n"
            "Right-click > Recalibrate… to move the date and say why."
        )
    if isinstance(item, Goal):
        parts = [item.title]
        if item.why:
            parts.append(f"Why: {item.why}")
        if item.status is not GoalStatus.ACTIVE:
            parts.append(item.status.label)
        return "\n".join(parts)
    if column is Column.TITLE:
        return item.title
    return None
