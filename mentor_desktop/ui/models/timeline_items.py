"""Timeline items (goals, milestones, sessions) that show in a date window, as a table.

The model holds every item once; `set_window` and `set_filter` only choose rows, so zooming
and scrolling never touch the database. The timeline canvas paints the rows of this model.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt

from mentor_desktop.domain.dates import date_text, weekday_date_text
from mentor_desktop.domain.overdue import overdue_text
from mentor_desktop.domain.timeline import TimelineItem, TimelineKind
from mentor_desktop.domain.timeline.overdue import timeline_overdue_days
from mentor_desktop.ui.models.list_table import ListTableModel
from mentor_desktop.ui.theme import error_color

HEADERS = ("Kind", "Title", "Start", "End", "Status")
COL_KIND, COL_TITLE, COL_START, COL_END, COL_STATUS = range(len(HEADERS))
#: The growth lane's kinds; like sessions, the goal filters leave them alone.
GROWTH_KINDS = (TimelineKind.PRACTICE, TimelineKind.OPPORTUNITY)
#: The TimelineItem of a row.
ItemRole = Qt.ItemDataRole.UserRole + 1


def describe(item: TimelineItem, late_days: int | None = None) -> str:
    """A few lines about `item`, for a tooltip; `late_days` overdue (None: a milestone's own
    count from today, none for a goal)."""
    if late_days is None and item.kind is TimelineKind.MILESTONE and not item.done:
        late_days = max(0, (date.today() - item.start).days)
    late = overdue_text(late_days or 0)
    if item.kind is TimelineKind.GOAL:
        lines = [
            f"Goal: {item.title}",
            f"{item.goal_kind.capitalize()} · {item.goal_status.capitalize()}",
            f"{date_text(item.start)} → {date_text(item.end)}",
        ]
    elif item.kind is TimelineKind.MILESTONE:
        lines = [f"Milestone: {item.title}", f"Goal: {item.detail}", f"Due {date_text(item.start)}"]
        if item.first_planned is not None:
            lines.append(
                f"First planned for {date_text(item.first_planned)} ({item.slipped_days:+d} days)"
            )
        lines.append(f"Done {date_text(item.done_date)}" if item.done_date else "Not done yet")
    elif item.kind is TimelineKind.PRACTICE:
        lines = [
            f"Practice: {item.title}",
            f"{date_text(item.start)} → {date_text(item.end)} · {item.status.capitalize()}",
            item.detail,
        ]
    elif item.kind is TimelineKind.OPPORTUNITY:
        lines = [
            f"Opportunity: {item.title}",
            f"Deadline {date_text(item.start)} · {item.status.capitalize()}",
            item.detail,
        ]
    else:
        lines = [
            f"Session: {item.title}",
            f"{weekday_date_text(item.start)}, {item.detail}",
            item.status.capitalize(),
        ]
    if late:
        lines.append(f"{late}: recalibrate it in Goals (open it, then Recalibrate…)")
    return "\n".join(lines)


class TimelineItemModel(ListTableModel[TimelineItem]):
    """Rows of TimelineItem inside the current window that pass the kind/status filter.

    Goals and milestones are filtered by their goal's kind and status; sessions always show.

    Signals: none beyond QAbstractTableModel's (a window or filter change resets the model).
    """

    HEADERS = HEADERS

    def __init__(self, parent: Any = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self._today = today
        self._late: dict[tuple[TimelineKind, int], int] = {}
        self._all: list[TimelineItem] = []
        self._window: tuple[date, date] | None = None
        self._kind: str | None = None
        self._status: str | None = None

    # ---------------------------------------------------------------- input

    def set_items(self, items: list[TimelineItem]) -> None:
        self._all = list(items)
        self._refilter()

    def update_items(
        self, kind: TimelineKind, ids: Iterable[int], items: Iterable[TimelineItem]
    ) -> None:
        """Show `items` (the records of `kind` with `ids` as stored now) in place of what was
        shown for them; a record missing from `items` was deleted, a new one is added."""
        fresh = {item.id: item for item in items if item.kind is kind}
        wanted = set(ids)
        kept: list[TimelineItem] = []
        for item in self._all:
            if item.kind is kind and item.id in wanted:
                if item.id in fresh:
                    kept.append(fresh.pop(item.id))
            else:
                kept.append(item)
        self._all = kept + list(fresh.values())
        self._refilter()

    def set_window(self, start: date, end: date) -> None:
        if self._window == (start, end):
            return
        self._window = (start, end)
        self._refilter()

    def set_filter(self, goal_kind: str | None, goal_status: str | None) -> None:
        self._kind, self._status = goal_kind, goal_status
        self._refilter()

    @property
    def window(self) -> tuple[date, date] | None:
        return self._window

    def bounds(self) -> tuple[date, date] | None:
        """The first and last day any item covers (None when there are no items)."""
        if not self._all:
            return None
        first = min(min(i.start, i.first_planned or i.start) for i in self._all)
        return first, max(i.end for i in self._all)

    def _passes(self, item: TimelineItem) -> bool:
        if item.kind in GROWTH_KINDS or item.kind is TimelineKind.SESSION:
            return True
        if self._kind is not None and item.goal_kind != self._kind:
            return False
        return self._status is None or item.goal_status == self._status

    def late_days(self, item: TimelineItem) -> int:
        """Days `item` (a goal or milestone) is past its date and not done; 0 when it is not."""
        return self._late.get((item.kind, item.id), 0)

    def _refilter(self) -> None:
        self._late = timeline_overdue_days(self._all, self._today())
        window = self._window
        self.set_rows(
            item
            for item in self._all
            if self._passes(item) and (window is None or item.overlaps(*window))
        )

    # ---------------------------------------------------------------- access

    def items(self) -> list[TimelineItem]:
        return self.rows()

    def item_at(self, row: int) -> TimelineItem | None:
        return self.row_at(row)

    def row_of(self, kind: TimelineKind, item_id: int) -> int:
        for row, item in enumerate(self._rows):
            if item.kind is kind and item.id == item_id:
                return row
        return -1

    # ---------------------------------------------------------------- cells

    def cell(self, item: TimelineItem, column: int, role: int) -> Any:
        if role == ItemRole:
            return item
        if role == Qt.ItemDataRole.ToolTipRole:
            return describe(item, self.late_days(item))
        if role == Qt.ItemDataRole.ForegroundRole and column in (COL_END, COL_STATUS):
            return error_color() if self.late_days(item) else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == COL_KIND:
            return item.kind.label
        if column == COL_TITLE:
            return item.title
        if column == COL_START:
            return date_text(item.start)
        if column == COL_END:
            return date_text(item.end)
        if column == COL_STATUS:
            return overdue_text(self.late_days(item)) or item.status.capitalize()
        return None
