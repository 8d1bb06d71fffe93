"""A goal's resources (books, courses, contacts, links) as a table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from mentor_desktop.domain.models import Resource
from mentor_desktop.ui.models.list_table import ListTableModel


class ResourceTableModel(ListTableModel[Resource]):
    """Rows of Resource in their order.

    Signals: none beyond QAbstractTableModel's.
    """

    HEADERS = ("Resource", "Kind", "Status", "Where")

    def cell(self, resource: Resource, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (
                resource.title,
                resource.kind.label,
                resource.status.label,
                resource.location,
            )
            return values[column]
        return None
