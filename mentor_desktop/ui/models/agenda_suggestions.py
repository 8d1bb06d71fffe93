"""What the agenda builder suggests for a session, as a table (overdue items highlighted)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from mentor_desktop.domain.sessions import Suggestion
from mentor_desktop.ui.models.list_table import ListTableModel
from mentor_desktop.ui.theme import error_color


class SuggestionTableModel(ListTableModel[Suggestion]):
    """Rows of Suggestion in the builder's order.

    Signals: none beyond QAbstractTableModel's.
    """

    HEADERS = ("From", "Suggestion", "Details")

    def cell(self, suggestion: Suggestion, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (suggestion.source.label, suggestion.text, suggestion.detail)[column]
        if role == Qt.ItemDataRole.ForegroundRole and suggestion.overdue:
            return error_color()
        if role == Qt.ItemDataRole.FontRole and suggestion.overdue:
            font = QFont()
            font.setBold(True)
            return font
        return None
