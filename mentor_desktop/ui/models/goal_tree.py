"""The goals tree: goals, their milestones, and the milestones' steps."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from typing import Any, overload

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from mentor_desktop.domain.models import Goal, Milestone, Step
from mentor_desktop.domain.overdue import goal_overdue_days, milestone_overdue_days
from mentor_desktop.ui.models.display import marks_bidi
from mentor_desktop.ui.models.goal_cells import (
    HEADERS,
    Column,
    cell_text,
    cell_tooltip,
    row_progress,
)
from mentor_desktop.ui.theme import error_color

AnyIndex = QModelIndex | QPersistentModelIndex


class NodeKind(enum.StrEnum):
    GOAL = "goal"
    MILESTONE = "milestone"
    STEP = "step"


#: A stable name for a row across reloads: (kind, database id).
NodeKey = tuple[NodeKind, int]


#: Progress as a float 0..1 (for the progress-bar delegate).
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 1
#: The row's NodeKey.
KEY_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(eq=False, slots=True)
class _Node:
    """One row. `made` holds the rows under it once made: a milestone's step rows are made
    when the view first asks for them (`GoalTreeModel._children`), since at start-up the
    tree shows goals and milestones, and most steps are never opened."""

    kind: NodeKind
    item: Goal | Milestone | Step
    parent: _Node | None
    row: int
    made: list[_Node] | None = None

    @property
    def key(self) -> NodeKey:
        return (self.kind, self.item.id)

    def child_count(self) -> int:
        """How many rows are under this one, without making them."""
        if self.made is not None:
            return len(self.made)
        return len(self.item.steps) if isinstance(self.item, Milestone) else 0


class GoalTreeModel(QAbstractItemModel):
    """Goals > milestones > steps, with progress and check boxes for done.

    The model never writes: ticking a box or renaming a step emits a request that the tab
    turns into an undoable command, then the tab shows the goal again (`replace_goal`).

    Signals:
        step_done_requested(int, bool): a step's box was ticked or cleared.
        milestone_done_requested(int, bool): a milestone's box was ticked or cleared.
        step_rename_requested(int, str): a step's title was edited in place.
    """

    step_done_requested = Signal(int, bool)
    milestone_done_requested = Signal(int, bool)
    step_rename_requested = Signal(int, str)

    def __init__(self, today: date | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._roots: list[_Node] = []
        self._by_key: dict[NodeKey, _Node] = {}
        self._today = today

    # ---------------------------------------------------------------- loading

    def set_goals(self, goals: list[Goal]) -> None:
        self.beginResetModel()
        self._roots = []
        self._by_key = {}
        self._add_roots(goals)
        self.endResetModel()

    def add_goals(self, goals: list[Goal]) -> None:
        """Show `goals` below the goals shown."""
        if goals:
            first = len(self._roots)
            self.beginInsertRows(QModelIndex(), first, first + len(goals) - 1)
            self._add_roots(goals)
            self.endInsertRows()

    def _add_roots(self, goals: list[Goal]) -> None:
        for g_row, goal in enumerate(goals, start=len(self._roots)):
            goal_node = _Node(NodeKind.GOAL, goal, None, g_row)
            goal_node.made = self._milestone_nodes(goal, goal_node)
            self._roots.append(goal_node)
            self._remember(goal_node)

    def replace_goal(self, goal: Goal) -> bool:
        """Show `goal` as it is now in place of the shown goal with its id, without a reset.

        Rows that kept their place are updated in place; when milestones or steps were added,
        removed or moved, the goal's children are removed and inserted again. False (and
        nothing changed) when the goal is not shown.
        """
        node = self._by_key.get((NodeKind.GOAL, goal.id))
        if node is None:
            return False
        old = node.item
        assert isinstance(old, Goal)
        shown = [(m.id, [s.id for s in m.steps]) for m in old.milestones]
        fresh = [(m.id, [s.id for s in m.steps]) for m in goal.milestones]
        node.item = goal
        parent = self.createIndex(node.row, 0, node)
        if shown == fresh:
            for m_node, milestone in zip(self._children(node), goal.milestones, strict=True):
                m_node.item = milestone
                if m_node.made is not None:
                    for s_node, step in zip(m_node.made, milestone.steps, strict=True):
                        s_node.item = step
                self._children_changed(self.createIndex(m_node.row, 0, m_node), m_node)
            self._children_changed(parent, node)
        else:
            shown_rows = self._children(node)
            for child in shown_rows:
                self._forget(child)
            if shown_rows:
                self.beginRemoveRows(parent, 0, len(shown_rows) - 1)
                node.made = []
                self.endRemoveRows()
            children = self._milestone_nodes(goal, node)
            if children:
                self.beginInsertRows(parent, 0, len(children) - 1)
                node.made = children
                for child in children:
                    self._remember(child)
                self.endInsertRows()
        self.dataChanged.emit(parent, parent.siblingAtColumn(len(Column) - 1))
        return True

    def _children_changed(self, parent: QModelIndex, node: _Node) -> None:
        if node.made:
            last = len(node.made) - 1
            self.dataChanged.emit(
                self.index(0, 0, parent), self.index(last, len(Column) - 1, parent)
            )

    @staticmethod
    def _milestone_nodes(goal: Goal, goal_node: _Node) -> list[_Node]:
        return [
            _Node(NodeKind.MILESTONE, milestone, goal_node, m_row)
            for m_row, milestone in enumerate(goal.milestones)
        ]

    def _remember(self, node: _Node) -> None:
        """Index `node` and the rows made under it (step rows are indexed when made)."""
        self._by_key[node.key] = node
        for child in node.made or ():
            self._remember(child)

    def _forget(self, node: _Node) -> None:
        self._by_key.pop(node.key, None)
        for child in node.made or ():
            self._forget(child)

    def _children(self, node: _Node) -> list[_Node]:
        """The rows under `node`, made and indexed on the first call for a milestone."""
        if node.made is None:
            steps = node.item.steps if isinstance(node.item, Milestone) else ()
            node.made = [_Node(NodeKind.STEP, step, node, row) for row, step in enumerate(steps)]
            for child in node.made:
                self._by_key[child.key] = child
        return node.made

    def _step_node(self, step_id: int) -> _Node | None:
        """The row of step `step_id`, made (with its siblings) if it was not yet."""
        for goal_node in self._roots:
            for m_node in self._children(goal_node):
                milestone = m_node.item
                if not isinstance(milestone, Milestone) or m_node.made is not None:
                    continue
                if any(step.id == step_id for step in milestone.steps):
                    self._children(m_node)
                    return self._by_key.get((NodeKind.STEP, step_id))
        return None

    def goals(self) -> list[Goal]:
        return [node.item for node in self._roots if isinstance(node.item, Goal)]

    def index_for(self, key: NodeKey, column: int = 0) -> QModelIndex:
        node = self._by_key.get(key)
        if node is None and key[0] is NodeKind.STEP:
            node = self._step_node(key[1])
        if node is None:
            return QModelIndex()
        return self.createIndex(node.row, column, node)

    def key_at(self, index: AnyIndex) -> NodeKey | None:
        node = self._node(index)
        return node.key if node else None

    def item_at(self, index: AnyIndex) -> Goal | Milestone | Step | None:
        node = self._node(index)
        return node.item if node else None

    def goal_of(self, index: AnyIndex) -> Goal | None:
        node = self._node(index)
        while node is not None and node.parent is not None:
            node = node.parent
        return node.item if node is not None and isinstance(node.item, Goal) else None

    def _node(self, index: AnyIndex) -> _Node | None:
        if not index.isValid():
            return None
        return index.internalPointer()

    # ---------------------------------------------------------------- structure

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:
        if column < 0 or column >= len(Column) or row < 0:
            return QModelIndex()
        node = self._node(parent)
        siblings = self._roots if node is None else self._children(node)
        if row >= len(siblings):
            return QModelIndex()
        return self.createIndex(row, column, siblings[row])

    @overload
    def parent(self, /) -> QObject | None: ...
    @overload
    def parent(self, child: AnyIndex, /) -> QModelIndex: ...
    def parent(self, child: AnyIndex | None = None, /) -> QModelIndex | QObject | None:
        """The row above `child` in the tree; without one, the QObject that owns the model."""
        if child is None:
            return super().parent()
        node = self._node(child)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        node = self._node(parent)
        if node is None:
            return len(self._roots)
        if parent.column() != 0:
            return 0
        return node.child_count()

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS.get(Column(section)) if 0 <= section < len(Column) else None
        return None

    # ---------------------------------------------------------------- data

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        node = self._node(index)
        if node is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == Column.TITLE and node.kind is not NodeKind.GOAL:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == Column.TITLE and node.kind is NodeKind.STEP:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    @marks_bidi
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self._node(index)
        if node is None:
            return None
        column = Column(index.column())
        if role == KEY_ROLE:
            return node.key
        if role == PROGRESS_ROLE:
            return row_progress(node.item)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return cell_text(node.item, column, self.overdue_days(node.item))
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell_tooltip(node.item, column, self.overdue_days(node.item))
        if role == Qt.ItemDataRole.ForegroundRole and column in (Column.DATE, Column.STATUS):
            return error_color() if self.overdue_days(node.item) else None
        if role == Qt.ItemDataRole.CheckStateRole and column is Column.TITLE:
            if isinstance(node.item, Step):
                return Qt.CheckState.Checked if node.item.done else Qt.CheckState.Unchecked
            if isinstance(node.item, Milestone):
                done = node.item.done_date is not None
                return Qt.CheckState.Checked if done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.FontRole and node.kind is NodeKind.GOAL:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = cell_text(node.item, column, self.overdue_days(node.item))
            return f"{node.kind.value}: {text}"
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        node = self._node(index)
        if node is None or index.column() != Column.TITLE:
            return False
        if role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            if node.kind is NodeKind.STEP:
                self.step_done_requested.emit(node.item.id, checked)
                return True
            if node.kind is NodeKind.MILESTONE:
                self.milestone_done_requested.emit(node.item.id, checked)
                return True
        if role == Qt.ItemDataRole.EditRole and node.kind is NodeKind.STEP:
            text = str(value)
            if text != node.item.title:
                self.step_rename_requested.emit(node.item.id, text)
            return True
        return False

    # ---------------------------------------------------------------- helpers

    def overdue_days(self, item: Goal | Milestone | Step | None) -> int:
        """Days `item` is past its date and not done (0 for steps and for anything on time)."""
        today = self._today or date.today()
        if isinstance(item, Goal):
            return goal_overdue_days(item, today)
        if isinstance(item, Milestone):
            return milestone_overdue_days(item, today)
        return 0
