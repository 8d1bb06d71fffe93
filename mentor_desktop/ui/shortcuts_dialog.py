"""Help > Keyboard shortcuts: every key the window knows, read from the action registry."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentor_desktop.ui.models.list_table import ListTableModel

Row = tuple[str, str]


class ShortcutTableModel(ListTableModel[Row]):
    """(keys, command) rows. Signals: none beyond QAbstractTableModel's."""

    KEYS, COMMAND = range(2)
    HEADERS = ("Keys", "Command")

    def cell(self, item: Row, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return item[column]
        return None


class ShortcutsDialog(QDialog):
    """A table of keys and what they do. Signals: none beyond QDialog's."""

    def __init__(self, rows: list[Row], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle("Keyboard shortcuts")
        self.model = ShortcutTableModel(self)
        self.model.set_rows(rows)
        self.table = QTableView(self)
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 420)
