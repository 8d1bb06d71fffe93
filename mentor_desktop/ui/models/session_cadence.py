"""The cadence rules being edited in the agreement dialog, as an editable table."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from mentor_desktop.domain.cadence import CadenceRule, describe

AnyIndex = QModelIndex | QPersistentModelIndex
HEADERS = ("Name", "Rule (RFC 5545 RRULE)", "First session", "Minutes")
DATETIME_FORMAT = "%Y-%m-%d %H:%M"


class CadenceRuleModel(QAbstractTableModel):
    """Editable rows of CadenceRule; a typed first session that cannot be read keeps its text
    so that validation can name it.

    Signals: none beyond QAbstractTableModel's.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rules: list[CadenceRule] = []
        self._bad_starts: dict[int, str] = {}

    def set_rules(self, rules: list[CadenceRule] | tuple[CadenceRule, ...]) -> None:
        self.beginResetModel()
        self._rules = list(rules)
        self._bad_starts = {}
        self.endResetModel()

    def rules(self) -> list[CadenceRule]:
        return list(self._rules)

    def unreadable_starts(self) -> dict[int, str]:
        """Row -> the first-session text that is not a date and time."""
        return dict(self._bad_starts)

    def add_rule(self, rule: CadenceRule) -> None:
        row = len(self._rules)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rules.append(rule)
        self.endInsertRows()

    def remove_rule(self, row: int) -> None:
        if not 0 <= row < len(self._rules):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rules[row]
        self._bad_starts = {
            (r if r < row else r - 1): text for r, text in self._bad_starts.items() if r != row
        }
        self.endRemoveRows()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rules)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return (
            super().flags(index) | Qt.ItemFlag.ItemIsEditable
            if index.isValid()
            else (super().flags(index))
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rules):
            return None
        rule = self._rules[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if index.column() == 0:
                return rule.label
            if index.column() == 1:
                return rule.rrule
            if index.column() == 2:
                return self._bad_starts.get(index.row(), f"{rule.first_start:{DATETIME_FORMAT}}")
            return str(rule.duration_minutes)
        if role == Qt.ItemDataRole.ToolTipRole:
            return describe(rule)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row, column = index.row(), index.column()
        if not 0 <= row < len(self._rules):
            return False
        rule = self._rules[row]
        text = str(value).strip()
        if column == 0:
            rule = replace(rule, label=text)
        elif column == 1:
            rule = replace(rule, rrule=text)
        elif column == 2:
            try:
                rule = replace(rule, first_start=datetime.strptime(text, DATETIME_FORMAT))
                self._bad_starts.pop(row, None)
            except ValueError:
                self._bad_starts[row] = text
        else:
            try:
                rule = replace(rule, duration_minutes=int(text))
            except ValueError:
                rule = replace(rule, duration_minutes=0)
        self._rules[row] = rule
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))
        return True
