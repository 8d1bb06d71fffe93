"""Feedback received in a session as a table: situation, behaviour, impact, my response."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from mentor_desktop.domain.sessions import Feedback
from mentor_desktop.ui.models.list_table import ListTableModel


class FeedbackTableModel(ListTableModel[Feedback]):
    """Rows of Feedback in the order recorded.

    Signals: none beyond QAbstractTableModel's.
    """

    HEADERS = ("Situation", "Behaviour", "Impact", "My response")

    def cell(self, item: Feedback, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (item.situation, item.behaviour, item.impact, item.response)[column]
        return None
