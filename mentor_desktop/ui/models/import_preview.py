"""The entries an import found, as a table, with the ones already in the journal marked."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from mentor_desktop.services.portability import PreviewRow

AnyIndex = QModelIndex | QPersistentModelIndex
HEADERS = ("Date", "Title", "Tags", "Flagged", "Status")


class ImportPreviewModel(QAbstractTableModel):
    """Rows of PreviewRow; duplicates are shown greyed out as "already there".

    Signals: none beyond QAbstractTableModel's.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PreviewRow] = []

    def set_rows(self, rows: tuple[PreviewRow, ...] | list[PreviewRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.entry_date.isoformat()
            if column == 1:
                return row.title or "(no title)"
            if column == 2:
                return ", ".join(row.tags)
            if column == 3:
                return "★" if row.flagged else ""
            if column == 4:
                return "already there" if row.duplicate else "new"
        if role == Qt.ItemDataRole.FontRole and row.duplicate:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole and column == 3:
            return "flagged" if row.flagged else "not flagged"
        return None
