"""Use case: gather what the reminder rules need (domain/reminders.py), and find what a
clicked reminder opens."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from mentor_desktop.domain.growth.opportunities import Opportunity
from mentor_desktop.domain.reminders import (
    MAX_DEADLINE_DAYS,
    Deadline,
    DueAction,
    ReminderData,
    UpcomingSession,
)
from mentor_desktop.domain.sessions import ActionOwner, SessionStatus

if TYPE_CHECKING:
    from mentor_desktop.services.sessions import SessionService

#: Open opportunities with a deadline between two dates (inclusive); the growth area's.
DeadlineSource = Callable[[date, date], Sequence[Deadline]]


class OpportunityReader(Protocol):
    def list_opportunities(self) -> list[Opportunity]: ...


#: Sessions this far ahead are gathered: the prep reminder comes the day before, and the
#: tray's tooltip names the next one.
SESSION_HORIZON_DAYS = 45
#: Suggestions are counted (the costly part) only for sessions this close.
COUNT_SUGGESTIONS_DAYS = 2


class ReminderService:
    """Reads sessions, my own open action items and (when the growth area provides them)
    opportunity deadlines into one ReminderData."""

    def __init__(self, sessions: SessionService, deadlines: DeadlineSource | None = None) -> None:
        self._sessions = sessions
        self._deadlines = deadlines

    def set_deadline_source(self, deadlines: DeadlineSource | None) -> None:
        """Where opportunity deadlines come from (the growth area, once it is there)."""
        self._deadlines = deadlines

    def now(self) -> datetime:
        return self._sessions.now()

    def data(self) -> ReminderData:
        now = self._sessions.now()
        today = now.date()
        return ReminderData(
            sessions=tuple(self._upcoming(now)),
            actions=tuple(
                DueAction(a.id, a.text, a.due_date, a.session_id)
                for a in self._sessions.open_actions()
                if a.owner is ActionOwner.ME and a.due_date is not None and a.due_date >= today
            ),
            deadlines=tuple(
                d
                for d in (self._deadlines or _no_deadlines)(
                    today, today + timedelta(days=MAX_DEADLINE_DAYS)
                )
                if d.due >= today
            ),
        )

    def _upcoming(self, now: datetime) -> list[UpcomingSession]:
        found: list[UpcomingSession] = []
        for agreement in self._sessions.list_agreements():
            if not agreement.mentorship.active:
                continue
            for session in self._sessions.list_sessions(
                agreement.id, upcoming_days=SESSION_HORIZON_DAYS
            ):
                if session.start < now or session.status not in (
                    SessionStatus.PLANNED,
                    SessionStatus.MOVED,
                ):
                    continue
                close = session.start - now <= timedelta(days=COUNT_SUGGESTIONS_DAYS)
                found.append(
                    UpcomingSession(
                        key=session.key,
                        session_id=session.id,
                        label=session.label,
                        start=session.start,
                        mentor=agreement.mentor.name,
                        suggestions=len(self._sessions.suggestions(session)) if close else 0,
                    )
                )
        return sorted(found, key=lambda s: (s.start, s.key))

    def session_to_open(self, key: str, session_id: int | None) -> int | None:
        """The stored id of the session a reminder names; a session the cadence planned and
        nobody stored yet gets its row now (as when its prep starts in the tab). None when
        it is gone (cancelled, moved away, its agreement ended)."""
        if session_id is not None:
            return session_id
        for agreement in self._sessions.list_agreements():
            for session in self._sessions.list_sessions(
                agreement.id, upcoming_days=SESSION_HORIZON_DAYS
            ):
                if session.key == key:
                    return self._sessions.store(session).id
        return None


def _no_deadlines(_start: date, _end: date) -> Sequence[Deadline]:
    return ()


def opportunity_deadlines(opportunities: OpportunityReader) -> DeadlineSource:
    """The growth area's open opportunities (not won, declined or missed) with a deadline."""

    def read(start: date, end: date) -> Sequence[Deadline]:
        return [
            Deadline(o.id, o.title, o.deadline)
            for o in opportunities.list_opportunities()
            if o.deadline is not None and start <= o.deadline <= end and not o.status.is_closed
        ]

    return read
