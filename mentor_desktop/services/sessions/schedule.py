"""Use cases: the session list (stored sessions and cadence occurrences), ad-hoc sessions,
moves, status changes, and the sessions the calendar export writes."""

from __future__ import annotations

from datetime import datetime

from mentor_desktop.domain.errors import NotFoundError, ValidationError
from mentor_desktop.domain.sessions import Agreement, Session, SessionStatus
from mentor_desktop.domain.sessions import schedule as rules
from mentor_desktop.domain.sessions.validation import validate_new_session
from mentor_desktop.services.brief_reads import listed_sessions, next_session
from mentor_desktop.services.sessions.base import SessionUseCases
from mentor_desktop.storage.repositories.sessions import SessionRepository


class ScheduleUseCases(SessionUseCases):
    """When sessions take place."""

    def list_sessions(
        self,
        mentorship_id: int,
        upcoming_days: int = rules.UPCOMING_DAYS,
        unrecorded_days: int = rules.UNRECORDED_DAYS,
    ) -> list[Session]:
        """Stored sessions (past and future) plus the cadence's occurrences that have no row
        yet: upcoming ones, and recent past ones still waiting to be recorded."""
        with self._uow() as uow:
            return listed_sessions(
                uow.session.connection(),
                mentorship_id,
                self._minute(),
                upcoming_days,
                unrecorded_days,
            )

    def next_session(self, mentorship_id: int | None = None) -> Session | None:
        """The next session that is not cancelled, of one mentorship or of all active ones."""
        with self._uow() as uow:
            return next_session(uow.session.connection(), mentorship_id, self._minute())

    def session(self, session_id: int) -> Session:
        with self._uow() as uow:
            return SessionRepository(uow.session).session(session_id)

    def store(self, session: Session) -> Session:
        """The stored form of `session` (an occurrence gets its row now; stored ones as is)."""
        if session.id is not None:
            return self.session(session.id)
        with self._uow() as uow:
            return SessionRepository(uow.session).stored(session)

    def add_session(
        self,
        mentorship_id: int,
        start: datetime,
        duration_minutes: int = 60,
        label: str = "Session",
    ) -> Session:
        """An ad-hoc session outside the cadence."""
        errors = validate_new_session(start, duration_minutes, label, self._minute())
        if errors:
            raise ValidationError(errors)
        with self._uow() as uow:
            return SessionRepository(uow.session).add_session(
                mentorship_id, start, duration_minutes, label
            )

    def move_session(self, session: Session, new_start: datetime) -> Session:
        """Move one session (or one occurrence) to `new_start`; the rest stay where they are."""
        rules.check_new_start(new_start, self._minute())
        with self._uow() as uow:
            repo = SessionRepository(uow.session)
            stored = repo.stored(session)
            rules.check_movable(stored)
            assert stored.id is not None
            return repo.reschedule(stored.id, new_start)

    def set_status(self, session: Session, status: SessionStatus) -> Session:
        """Cancel, mark done, or plan again one session or occurrence."""
        with self._uow() as uow:
            repo = SessionRepository(uow.session)
            stored = repo.stored(session)
            assert stored.id is not None
            return repo.set_status(stored.id, rules.new_status(stored, status, self._today()))

    def calendar_data(
        self, mentorship_id: int | None = None
    ) -> list[tuple[Agreement, list[Session]]]:
        """Active agreements (or one) with their stored upcoming sessions, for the .ics export."""
        now = self._minute()
        with self._uow() as uow:
            repo = SessionRepository(uow.session)
            chosen = [
                a
                for a in repo.agreements()
                if (a.id == mentorship_id if mentorship_id is not None else a.mentorship.active)
            ]
            if mentorship_id is not None and not chosen:
                raise NotFoundError("Mentorship", mentorship_id)
            return [
                (a, rules.upcoming_stored(repo.sessions(a.id, with_agenda_counts=False), now))
                for a in chosen
            ]
