"""Feedback received in a session as a table: situation, behaviour, impact, my response."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from mentor_desktop.domain.sessions import Feedback

AnyIndex = QModelIndex | QPersistentModelIndex
HEADERS = ("Situation", "Behaviour", "Impact", "My response")


class FeedbackTableModel(QAbstractTableModel):
    """Rows of Feedback in the order recorded.

    Signals: none beyond QAbstractTableModel's.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[Feedback] = []

    def set_items(self, items: list[Feedback] | tuple[Feedback, ...]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item_at(self, row: int) -> Feedback | None:
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

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (item.situation, item.behaviour, item.impact, item.response)[index.column()]
        return None
