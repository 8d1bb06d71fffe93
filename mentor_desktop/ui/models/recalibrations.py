"""A goal's recalibration history as a table, newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from mentor_desktop.domain.models import GoalChange

AnyIndex = QModelIndex | QPersistentModelIndex
HEADERS = ("When", "What moved", "From", "To", "Why")


class RecalibrationTableModel(QAbstractTableModel):
    """Rows of GoalChange, newest first.

    Signals: none beyond QAbstractTableModel's.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._changes: list[GoalChange] = []

    def set_changes(self, changes: tuple[GoalChange, ...] | list[GoalChange]) -> None:
        self.beginResetModel()
        self._changes = sorted(changes, key=lambda c: (c.changed_at, c.id), reverse=True)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._changes)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._changes):
            return None
        change = self._changes[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            local = change.changed_at
            values = (
                local.strftime("%Y-%m-%d"),
                f"{change.field.label}: {change.subject}",
                change.old_value.isoformat() if change.old_value else "—",
                change.new_value.isoformat() if change.new_value else "—",
                change.reason or "(no reason given)",
            )
            return values[index.column()]
        return None
