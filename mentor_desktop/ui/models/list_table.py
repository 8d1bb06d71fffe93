"""The shared shape of the tables: a list of dataclasses, one per row, named columns.

A subclass names its columns in HEADERS (with COL_* constants beside it) and answers `cell`;
`set_rows` shows a new list, and `replace_row`, `append_rows` and `remove_row` change the
rows in place so a view keeps its selection and scroll position.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from mentor_desktop.ui.models.display import marks_bidi

AnyIndex = QModelIndex | QPersistentModelIndex
RowT = TypeVar("RowT")


class ListTableModel(QAbstractTableModel, Generic[RowT]):
    """Rows from a list; a subclass names its columns in HEADERS and answers `cell`.

    Signals: none beyond QAbstractTableModel's.
    """

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []

    def set_rows(self, rows: Iterable[RowT]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[RowT]:
        return list(self._rows)

    def row_at(self, row: int) -> RowT | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def replace_row(self, row: int, item: RowT) -> None:
        """Show `item` in place of row `row` (every column repaints)."""
        if not 0 <= row < len(self._rows):
            return
        self._rows[row] = item
        self.dataChanged.emit(self.index(row, 0), self.index(row, max(len(self.HEADERS) - 1, 0)))

    def append_rows(self, items: Iterable[RowT]) -> None:
        """Add `items` after the last row."""
        added = list(items)
        if not added:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
        self._rows.extend(added)
        self.endInsertRows()

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def cell(self, item: RowT, column: int, role: int) -> Any:
        """What `item` shows in `column` for `role` (None for nothing)."""
        raise NotImplementedError

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section] if 0 <= section < len(self.HEADERS) else None
        return None

    @marks_bidi
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.row_at(index.row()) if index.isValid() else None
        if item is None or not 0 <= index.column() < len(self.HEADERS):
            return None
        return self.cell(item, index.column(), role)
