"""The backups as a table: when, what kind, what they hold, and whether they checked out."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from mentor_desktop.services.backups import BackupInfo

AnyIndex = QModelIndex | QPersistentModelIndex
HEADERS = ("Date", "Kind", "Entries", "Goals", "Sessions", "Size", "State")
COUNT_COLUMNS = {2: "entries", 3: "goals", 4: "sessions"}


def _size(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{size / 1024:.0f} KB"


class BackupTableModel(QAbstractTableModel):
    """Rows of BackupInfo, newest first.

    Signals: none beyond QAbstractTableModel's.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._backups: list[BackupInfo] = []

    def set_backups(self, backups: list[BackupInfo]) -> None:
        self.beginResetModel()
        self._backups = list(backups)
        self.endResetModel()

    def backup_at(self, row: int) -> BackupInfo | None:
        return self._backups[row] if 0 <= row < len(self._backups) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._backups)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        info = self.backup_at(index.row()) if index.isValid() else None
        if info is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return info.made_at.strftime("%Y-%m-%d %H:%M")
            if column == 1:
                return info.kind
            if column in COUNT_COLUMNS:
                value = info.counts.get(COUNT_COLUMNS[column])
                return "" if value is None else f"{value:,}"
            if column == 5:
                return _size(info.size)
            if column == 6:
                return "OK" if info.ok else f"Damaged: {info.problem}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(info.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and (column in COUNT_COLUMNS or column == 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
