"""The entries an import found, as a table, with the ones already in the journal marked."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from mentor_desktop.domain.dates import date_text
from mentor_desktop.services.portability import PreviewRow
from mentor_desktop.ui.models.list_table import ListTableModel


class ImportPreviewModel(ListTableModel[PreviewRow]):
    """Rows of PreviewRow; duplicates are shown greyed out as "already there".

    Signals: none beyond QAbstractTableModel's.
    """

    HEADERS = ("Date", "Title", "Tags", "Flagged", "Status")

    def cell(self, row: PreviewRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return date_text(row.entry_date)
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
