"""Action items (commitments) as a table with a "done" check box."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal

from mentor_desktop.domain.dates import date_text
from mentor_desktop.domain.sessions import ActionItem
from mentor_desktop.ui.models.list_table import AnyIndex, ListTableModel
from mentor_desktop.ui.theme import error_color

HEADERS = ("Done", "Owner", "Commitment", "Due", "Goal")
COL_DONE, COL_OWNER, COL_TEXT, COL_DUE, COL_GOAL = range(len(HEADERS))


class ActionItemTableModel(ListTableModel[ActionItem]):
    """Rows of ActionItem; overdue ones in red.

    Signals:
        done_toggled(int, bool): the user ticked or cleared "done" for the item with this id.
    """

    HEADERS = HEADERS
    done_toggled = Signal(int, bool)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._today = date.today()

    def set_items(self, items: Iterable[ActionItem], today: date) -> None:
        self._today = today
        self.set_rows(items)

    def item_at(self, row: int) -> ActionItem | None:
        return self.row_at(row)

    def texts(self) -> list[str]:
        return [item.text for item in self.rows()]

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == COL_DONE:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def cell(self, item: ActionItem, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and column == COL_DONE:
            return Qt.CheckState.Checked if item.is_done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_DONE:
                return date_text(item.done_date, empty="")
            if column == COL_OWNER:
                return item.owner.label
            if column == COL_TEXT:
                return item.text
            if column == COL_DUE:
                return date_text(item.due_date, empty="")
            if column == COL_GOAL:
                return item.goal_title
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_TEXT:
            return item.text
        if role == Qt.ItemDataRole.ForegroundRole and item.is_overdue(self._today):
            return error_color()
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        item = self.item_at(index.row()) if index.isValid() else None
        if item is None or role != Qt.ItemDataRole.CheckStateRole or index.column() != COL_DONE:
            return False
        checked = (
            value if isinstance(value, bool) else Qt.CheckState(value) == Qt.CheckState.Checked
        )
        self.done_toggled.emit(item.id, checked)
        return True
