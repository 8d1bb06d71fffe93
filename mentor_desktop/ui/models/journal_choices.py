"""Small lists for the Journal tab: goals to tick on an entry, and the writing prompts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from mentor_desktop.domain.journal import PromptTemplate
from mentor_desktop.ui.models.display import marks_bidi

AnyIndex = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class GoalChecklistModel(QAbstractListModel):
    """Goals (id, title) with a check box each: the goals an entry is linked to.

    Signals:
        checked_changed(): the user ticked or unticked a goal.
    """

    checked_changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._goals: list[tuple[int, str]] = []
        self._checked: set[int] = set()

    def set_goals(self, goals: list[tuple[int, str]]) -> None:
        self.beginResetModel()
        self._goals = list(goals)
        self.endResetModel()

    def set_checked(self, goal_ids: tuple[int, ...] | set[int]) -> None:
        self._checked = set(goal_ids)
        if self._goals:
            self.dataChanged.emit(
                self.index(0), self.index(len(self._goals) - 1), [Qt.ItemDataRole.CheckStateRole]
            )

    def checked_ids(self) -> tuple[int, ...]:
        return tuple(goal_id for goal_id, _title in self._goals if goal_id in self._checked)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._goals)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    @marks_bidi
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._goals):
            return None
        goal_id, title = self._goals[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return title
        if role == Qt.ItemDataRole.CheckStateRole:
            checked = goal_id in self._checked
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == ID_ROLE:
            return goal_id
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        goal_id = self._goals[index.row()][0]
        state = Qt.CheckState(value) if isinstance(value, int) else value
        if state == Qt.CheckState.Checked:
            self._checked.add(goal_id)
        else:
            self._checked.discard(goal_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit()
        return True


class TemplateListModel(QAbstractListModel):
    """The writing prompts, each shown as "name (kind)".

    Signals: none beyond QAbstractListModel's.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._templates: list[PromptTemplate] = []

    def set_templates(self, templates: list[PromptTemplate]) -> None:
        self.beginResetModel()
        self._templates = list(templates)
        self.endResetModel()

    def template_at(self, row: int) -> PromptTemplate | None:
        return self._templates[row] if 0 <= row < len(self._templates) else None

    def row_of(self, template_id: int) -> int:
        return next((i for i, t in enumerate(self._templates) if t.id == template_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._templates)

    @marks_bidi
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._templates):
            return None
        template = self._templates[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            kind = template.kind.label if template.kind else "any kind"
            return f"{template.name} ({kind})"
        if role == Qt.ItemDataRole.ToolTipRole:
            return template.body
        if role == ID_ROLE:
            return template.id
        return None
