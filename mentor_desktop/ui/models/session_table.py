"""Sessions of one mentorship (past with their status, upcoming from the cadence) as a table."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from mentor_desktop.domain.sessions import Session, SessionStatus

AnyIndex = QModelIndex | QPersistentModelIndex
HEADERS = ("When", "Session", "Status", "Agenda")


class SessionTableModel(QAbstractTableModel):
    """Rows of Session in time order; the next upcoming one is shown in bold.

    Signals: none beyond QAbstractTableModel's.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._sessions: list[Session] = []
        self._next_key: str | None = None
        self._now = datetime.min

    def set_sessions(self, sessions: list[Session], now: datetime) -> None:
        self.beginResetModel()
        self._sessions = list(sessions)
        self._now = now
        upcoming = [
            s
            for s in self._sessions
            if s.start >= now and s.status in (SessionStatus.PLANNED, SessionStatus.MOVED)
        ]
        self._next_key = upcoming[0].key if upcoming else None
        self.endResetModel()

    def session_at(self, row: int) -> Session | None:
        return self._sessions[row] if 0 <= row < len(self._sessions) else None

    def row_of(self, key: str) -> int:
        for row, session in enumerate(self._sessions):
            if session.key == key:
                return row
        return -1

    def next_row(self) -> int:
        return self.row_of(self._next_key) if self._next_key else -1

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._sessions)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._sessions):
            return None
        session = self._sessions[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return f"{session.start:%a %d %b %Y %H:%M}"
            if index.column() == 1:
                return f"{session.label} ({session.duration_minutes} min)"
            if index.column() == 2:
                status = session.status.label
                if session.status is SessionStatus.PLANNED and session.start < self._now:
                    status = "Not recorded"
                if session.status is SessionStatus.MOVED and session.original_start:
                    status += f" from {session.original_start:%d %b}"
                return status
            return str(session.agenda_count) if session.agenda_count else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            kind = "ad hoc" if session.is_ad_hoc else "from the cadence"
            return f"{session.label}, {kind}, {session.status.label.lower()}"
        if role == Qt.ItemDataRole.FontRole and session.key == self._next_key:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        return None
