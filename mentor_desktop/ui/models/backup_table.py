"""The backups as a table: when, what kind, what they hold, and whether they checked out."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from mentor_desktop.domain.dates import date_time_text
from mentor_desktop.services.backups import BackupInfo
from mentor_desktop.ui.models.list_table import ListTableModel

COUNT_COLUMNS = {2: "entries", 3: "goals", 4: "sessions"}


def _size(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{size / 1024:.0f} KB"


class BackupTableModel(ListTableModel[BackupInfo]):
    """Rows of BackupInfo, newest first.

    Signals: none beyond QAbstractTableModel's.
    """

    HEADERS = ("Date", "Kind", "Entries", "Goals", "Sessions", "Size", "State")

    def cell(self, info: BackupInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return date_time_text(info.made_at)
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
