"""Sessions: stored ones, an occurrence given its row, moves, status and the typed texts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from mentor_desktop.domain.errors import NotFoundError, ValidationError
from mentor_desktop.domain.sessions import Session, SessionStatus
from mentor_desktop.storage.orm import MentorshipRow, SessionRow
from mentor_desktop.storage.repositories.session_reads import (
    last_done_before,
    load_session,
    load_sessions,
)
from mentor_desktop.storage.repositories.sessions.mapping import (
    RepositoryPart,
    session_to_domain,
)


class ScheduleRows(RepositoryPart):
    """Reads and writes sessions."""

    def _session_row(self, session_id: int) -> SessionRow:
        row = self._db.get(SessionRow, session_id)
        if row is None:
            raise NotFoundError("Session", session_id)
        return row

    def session(self, session_id: int, with_agenda_count: bool = True) -> Session:
        """One stored session; NotFoundError when there is none with that id (plain SQL)."""
        return load_session(self._plain(), session_id, with_agenda_count)

    def sessions(self, mentorship_id: int, with_agenda_counts: bool = True) -> list[Session]:
        """The stored sessions of one mentorship in time order (plain SQL)."""
        return load_sessions(self._plain(), mentorship_id, with_agenda_counts)

    def stored(self, session: Session) -> Session:
        """`session` as stored: a cadence occurrence gets its row now (once)."""
        if session.id is not None:
            return session_to_domain(self._session_row(session.id))
        if session.rule_id is None or session.original_start is None:
            raise ValidationError.single("session", "This session has not been saved.")
        row = self._db.scalars(
            select(SessionRow).where(
                SessionRow.rule_id == session.rule_id,
                SessionRow.original_start == session.original_start,
            )
        ).one_or_none()
        if row is None:
            row = SessionRow(
                mentorship_id=session.mentorship_id,
                rule_id=session.rule_id,
                original_start=session.original_start,
                start=session.start,
                duration_minutes=session.duration_minutes,
                label=session.label,
                status=SessionStatus.PLANNED.value,
            )
            self._db.add(row)
            self._db.flush()
        return session_to_domain(row)

    def add_session(
        self, mentorship_id: int, start: datetime, duration_minutes: int, label: str
    ) -> Session:
        """An ad-hoc session (planned); NotFoundError when the mentorship is gone."""
        if self._db.get(MentorshipRow, mentorship_id) is None:
            raise NotFoundError("Mentorship", mentorship_id)
        row = SessionRow(
            mentorship_id=mentorship_id,
            start=start.replace(second=0, microsecond=0),
            duration_minutes=duration_minutes,
            label=label.strip(),
            status=SessionStatus.PLANNED.value,
        )
        self._db.add(row)
        self._db.flush()
        return session_to_domain(row)

    def reschedule(self, session_id: int, start: datetime) -> Session:
        """Move a stored session to `start` (it is "moved" from then on)."""
        row = self._session_row(session_id)
        row.start = start.replace(second=0, microsecond=0)
        row.status = SessionStatus.MOVED.value
        self._db.flush()
        return session_to_domain(row)

    def set_status(self, session_id: int, status: SessionStatus) -> Session:
        row = self._session_row(session_id)
        row.status = status.value
        self._db.flush()
        return session_to_domain(row)

    def update_texts(self, session_id: int, texts: dict[str, str | None]) -> Session:
        """Save personal update, notes and takeaways given in `texts` (None: leave as is)."""
        row = self._session_row(session_id)
        if (personal_update := texts.get("personal_update")) is not None:
            row.personal_update = personal_update
        if (notes := texts.get("notes")) is not None:
            row.notes = notes
        if (takeaways := texts.get("takeaways")) is not None:
            row.takeaways = takeaways
        self._db.flush()
        return session_to_domain(row)

    def last_done_before(self, mentorship_id: int, moment: datetime) -> Session | None:
        """The last session that took place before `moment` (None when none did; plain
        SQL)."""
        return last_done_before(self._plain(), mentorship_id, moment)
