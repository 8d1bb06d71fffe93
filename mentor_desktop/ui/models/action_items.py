"""Action items (commitments) as a table with a "done" check box."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from mentor_desktop.domain.sessions import ActionItem
from mentor_desktop.ui.models.display import marks_bidi
from mentor_desktop.ui.theme import error_color

AnyIndex = QModelIndex | QPersistentModelIndex
HEADERS = ("Done", "Owner", "Commitment", "Due", "Goal")


class ActionItemTableModel(QAbstractTableModel):
    """Rows of ActionItem; overdue ones in red.

    Signals:
        done_toggled(int, bool): the user ticked or cleared "done" for the item with this id.
    """

    done_toggled = Signal(int, bool)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[ActionItem] = []
        self._today = date.today()

    def set_items(self, items: list[ActionItem] | tuple[ActionItem, ...], today: date) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._today = today
        self.endResetModel()

    def item_at(self, row: int) -> ActionItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == 0:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    @marks_bidi
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            return Qt.CheckState.Checked if item.is_done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return f"{item.done_date:%d %b %Y}" if item.done_date else ""
            if column == 1:
                return item.owner.label
            if column == 2:
                return item.text
            if column == 3:
                return f"{item.due_date:%d %b %Y}" if item.due_date else ""
            if column == 4:
                return item.goal_title
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return item.text
        if role == Qt.ItemDataRole.ForegroundRole and item.is_overdue(self._today):
            return error_color()
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        item = self.item_at(index.row()) if index.isValid() else None
        if item is None or role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        checked = (
            value if isinstance(value, bool) else Qt.CheckState(value) == Qt.CheckState.Checked
        )
        self.done_toggled.emit(item.id, checked)
        return True
