"""Agreements (one per mentor, active or ended) as a list for the mentor picker."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from mentor_desktop.domain.sessions import Agreement
from mentor_desktop.ui.models.display import marks_bidi

AnyIndex = QModelIndex | QPersistentModelIndex


class AgreementListModel(QAbstractListModel):
    """Rows of Agreement: active ones first; ended ones marked.

    Signals: none beyond QAbstractListModel's.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._agreements: list[Agreement] = []

    def set_agreements(self, agreements: list[Agreement]) -> None:
        self.beginResetModel()
        self._agreements = list(agreements)
        self.endResetModel()

    def agreement_at(self, row: int) -> Agreement | None:
        return self._agreements[row] if 0 <= row < len(self._agreements) else None

    def row_of(self, mentorship_id: int) -> int:
        for row, agreement in enumerate(self._agreements):
            if agreement.id == mentorship_id:
                return row
        return -1

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._agreements)

    @marks_bidi
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._agreements):
            return None
        agreement = self._agreements[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            mentor = agreement.mentor
            extra = f", {mentor.organisation}" if mentor.organisation else ""
            state = "" if agreement.mentorship.active else " (ended)"
            return f"{mentor.name}{extra}{state}"
        return None
