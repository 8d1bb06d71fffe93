"""What the agenda builder suggests for a session, as a table (overdue items highlighted)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from mentor_desktop.domain.sessions import Suggestion
from mentor_desktop.ui.theme import error_color

AnyIndex = QModelIndex | QPersistentModelIndex
HEADERS = ("From", "Suggestion", "Details")


class SuggestionTableModel(QAbstractTableModel):
    """Rows of Suggestion in the builder's order.

    Signals: none beyond QAbstractTableModel's.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._suggestions: list[Suggestion] = []

    def set_suggestions(self, suggestions: list[Suggestion]) -> None:
        self.beginResetModel()
        self._suggestions = list(suggestions)
        self.endResetModel()

    def suggestion_at(self, row: int) -> Suggestion | None:
        return self._suggestions[row] if 0 <= row < len(self._suggestions) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._suggestions)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._suggestions):
            return None
        suggestion = self._suggestions[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (suggestion.source.label, suggestion.text, suggestion.detail)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and suggestion.overdue:
            return error_color()
        if role == Qt.ItemDataRole.FontRole and suggestion.overdue:
            font = QFont()
            font.setBold(True)
            return font
        return None
