"""Sessions of one mentorship (past with their status, upcoming from the cadence) as a table."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from mentor_desktop.domain.dates import day_month_text, weekday_date_time_text
from mentor_desktop.domain.sessions import Session, SessionStatus
from mentor_desktop.ui.models.list_table import ListTableModel


class SessionTableModel(ListTableModel[Session]):
    """Rows of Session in time order; the next upcoming one is shown in bold.

    Signals: none beyond QAbstractTableModel's.
    """

    HEADERS = ("When", "Session", "Status", "Agenda")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._next_key: str | None = None
        self._now = datetime.min

    def set_sessions(self, sessions: list[Session], now: datetime) -> None:
        self._now = now
        upcoming = [
            s
            for s in sessions
            if s.start >= now and s.status in (SessionStatus.PLANNED, SessionStatus.MOVED)
        ]
        self._next_key = upcoming[0].key if upcoming else None
        self.set_rows(sessions)

    def row_of(self, key: str) -> int:
        for row, session in enumerate(self._rows):
            if session.key == key:
                return row
        return -1

    def replace_session(self, session: Session) -> None:
        """Show `session` (saved again) in the row of the same key, if it is listed."""
        row = self.row_of(session.key)
        if row >= 0:
            self._rows[row] = session
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))

    def next_row(self) -> int:
        return self.row_of(self._next_key) if self._next_key else -1

    def cell(self, session: Session, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == 0:
                return weekday_date_time_text(session.start)
            if column == 1:
                return f"{session.label} ({session.duration_minutes} min)"
            if column == 2:
                status = session.status.label
                if session.status is SessionStatus.PLANNED and session.start < self._now:
                    status = "Not recorded"
                if session.status is SessionStatus.MOVED and session.original_start:
                    status += f" from {day_month_text(session.original_start)}"
                return status
            return str(session.agenda_count) if session.agenda_count else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            kind = "ad hoc" if session.is_ad_hoc else "from the cadence"
            return f"{session.label}, {kind}, {session.status.label.lower()}"
        if role == Qt.ItemDataRole.FontRole and session.key == self._next_key:
            font = QFont()
            font.setBold(True)
            return font
        return None
