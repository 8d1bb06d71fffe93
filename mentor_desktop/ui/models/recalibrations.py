"""A goal's recalibration history as a table, newest first."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt

from mentor_desktop.domain.dates import date_text
from mentor_desktop.domain.models import GoalChange
from mentor_desktop.ui.models.list_table import ListTableModel


class RecalibrationTableModel(ListTableModel[GoalChange]):
    """Rows of GoalChange, newest first.

    Signals: none beyond QAbstractTableModel's.
    """

    HEADERS = ("When", "What moved", "From", "To", "Why")

    def set_rows(self, rows: Iterable[GoalChange]) -> None:
        super().set_rows(sorted(rows, key=lambda c: (c.changed_at, c.id), reverse=True))

    def cell(self, change: GoalChange, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            local = change.changed_at
            values = (
                date_text(local.date()),
                f"{change.field.label}: {change.subject}",
                date_text(change.old_value),
                date_text(change.new_value),
                change.reason or "(no reason given)",
            )
            return values[column]
        return None
