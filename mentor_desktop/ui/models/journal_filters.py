"""The choices of the Journal tab's tag and goal filters, as list models for their combo boxes."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from mentor_desktop.ui.models.display import marks_bidi

AnyIndex = QModelIndex | QPersistentModelIndex


class FilterChoicesModel(QAbstractListModel):
    """A first "All …" row (value None), then one row per (value, label) choice.

    The value is the row's UserRole data, so `QComboBox.currentData()` and `findData()` use it.

    Signals: none of its own.
    """

    def __init__(self, all_label: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all_label = all_label
        self._choices: list[tuple[Hashable, str]] = []

    def set_choices(self, choices: Sequence[tuple[Hashable, str]]) -> None:
        self.beginResetModel()
        self._choices = list(choices)
        self.endResetModel()

    def value_at(self, row: int) -> Hashable | None:
        return self._choices[row - 1][0] if 1 <= row <= len(self._choices) else None

    def row_of(self, value: Hashable | None) -> int:
        """The row showing `value` (0, the "All" row, for None or a value not offered)."""
        for row, (choice, _label) in enumerate(self._choices, start=1):
            if choice == value:
                return row
        return 0

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._choices) + 1

    @marks_bidi
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() <= len(self._choices):
            return None
        row = index.row()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._all_label if row == 0 else self._choices[row - 1][1]
        if role == Qt.ItemDataRole.UserRole:
            return self.value_at(row)
        return None
