"""A session's agenda as an editable table: discussed (check box), kind, text, origin."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt, Signal

from mentor_desktop.domain.sessions import AgendaItem, AgendaSource
from mentor_desktop.ui.models.list_table import AnyIndex, ListTableModel

HEADERS = ("Discussed", "Kind", "Item", "From")
COL_DISCUSSED, COL_KIND, COL_TEXT, COL_SOURCE = range(len(HEADERS))


class AgendaTableModel(ListTableModel[AgendaItem]):
    """Rows of AgendaItem in agenda order. Edits are not applied here: the model asks for them
    through signals and the controller reloads it from the service.

    Signals:
        text_edited(int, str): the user typed new text for the item with this id.
        discussed_toggled(int, bool): the user ticked or cleared "discussed".
    """

    HEADERS = HEADERS
    text_edited = Signal(int, str)
    discussed_toggled = Signal(int, bool)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        #: Item id -> text typed for it that could not be saved (offered again for editing).
        self._drafts: dict[int, str] = {}

    def set_items(self, items: Iterable[AgendaItem]) -> None:
        self._drafts.clear()
        self.set_rows(items)

    def item_at(self, row: int) -> AgendaItem | None:
        return self.row_at(row)

    def row_of(self, item_id: int) -> int:
        """The row of the item with `item_id` (-1 when it is not on this agenda)."""
        return next((row for row, item in enumerate(self._rows) if item.id == item_id), -1)

    def update_item(self, item: AgendaItem) -> None:
        """Show `item` as saved in its row (nothing happens when it is not on this agenda)."""
        row = self.row_of(item.id)
        if row < 0:
            return
        self._rows[row] = item
        self._drafts.pop(item.id, None)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))

    def keep_draft(self, item_id: int, text: str) -> None:
        """Offer `text` (typed, not saved) instead of the stored text when the item is edited."""
        self._drafts[item_id] = text

    def texts(self) -> list[str]:
        return [item.text for item in self._rows]

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base
        if index.column() == COL_DISCUSSED:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == COL_TEXT:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def cell(self, item: AgendaItem, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and column == COL_DISCUSSED:
            return Qt.CheckState.Checked if item.discussed else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == COL_KIND:
                return item.kind.label
            if column == COL_TEXT:
                if role == Qt.ItemDataRole.EditRole:
                    return self._drafts.get(item.id, item.text)
                return item.text
            if column == COL_SOURCE:
                return "" if item.source is AgendaSource.OWN else item.source.label
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_TEXT:
            return item.text
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        item = self.item_at(index.row()) if index.isValid() else None
        if item is None:
            return False
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == COL_DISCUSSED:
            checked = (
                Qt.CheckState(value) == Qt.CheckState.Checked
                if not isinstance(value, bool)
                else value
            )
            self.discussed_toggled.emit(item.id, checked)
            return True
        if role == Qt.ItemDataRole.EditRole and index.column() == COL_TEXT:
            text = str(value)
            self._drafts.pop(item.id, None)
            if text != item.text:
                self.text_edited.emit(item.id, text)
            return True
        return False
