"""A goal's resources (books, courses, contacts, links) as a table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from mentor_desktop.domain.models import Resource

AnyIndex = QModelIndex | QPersistentModelIndex
HEADERS = ("Resource", "Kind", "Status", "Where")


class ResourceTableModel(QAbstractTableModel):
    """Rows of Resource in their order.

    Signals: none beyond QAbstractTableModel's.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._resources: list[Resource] = []

    def set_resources(self, resources: tuple[Resource, ...] | list[Resource]) -> None:
        self.beginResetModel()
        self._resources = list(resources)
        self.endResetModel()

    def resource_at(self, row: int) -> Resource | None:
        return self._resources[row] if 0 <= row < len(self._resources) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._resources)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._resources):
            return None
        resource = self._resources[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (
                resource.title,
                resource.kind.label,
                resource.status.label,
                resource.location,
            )
            return values[index.column()]
        return None
