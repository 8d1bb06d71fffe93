"""What is recorded about a session: the session itself, its agenda, action items, feedback."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from mentor_desktop.domain.sessions.kinds import (
    ActionOwner,
    AgendaKind,
    AgendaSource,
    SessionStatus,
)


@dataclass(frozen=True, slots=True)
class Session:
    """A session: stored (`id` set) or an upcoming occurrence of a cadence rule not yet stored.

    `original_start` is the occurrence a cadence rule produced (None for an ad-hoc session);
    `start` is when it happens now (different once moved).
    """

    id: int | None
    mentorship_id: int
    label: str
    start: datetime
    duration_minutes: int
    status: SessionStatus
    rule_id: int | None = None
    original_start: datetime | None = None
    personal_update: str = ""
    notes: str = ""
    takeaways: str = ""
    agenda_count: int = 0

    @property
    def is_stored(self) -> bool:
        return self.id is not None

    @property
    def is_ad_hoc(self) -> bool:
        return self.rule_id is None

    @property
    def key(self) -> str:
        """A stable name for the session, stored or not (used by the UI to keep a selection)."""
        if self.rule_id is not None and self.original_start is not None:
            return f"r{self.rule_id}@{self.original_start.isoformat()}"
        return f"s{self.id}"

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.duration_minutes)

    def with_agenda_count(self, count: int) -> Session:
        return replace(self, agenda_count=count)


@dataclass(frozen=True, slots=True)
class AgendaItem:
    id: int
    session_id: int
    position: int
    kind: AgendaKind
    text: str
    source: AgendaSource
    source_id: int | None
    carried_from_id: int | None
    discussed: bool
    notes: str = ""


@dataclass(frozen=True, slots=True)
class ActionItemDraft:
    text: str
    owner: ActionOwner = ActionOwner.ME
    due_date: date | None = None
    goal_id: int | None = None


@dataclass(frozen=True, slots=True)
class ActionItem:
    id: int
    session_id: int | None
    owner: ActionOwner
    text: str
    due_date: date | None
    done_date: date | None
    goal_id: int | None
    goal_title: str = ""

    @property
    def is_done(self) -> bool:
        return self.done_date is not None

    def is_overdue(self, today: date) -> bool:
        return self.done_date is None and self.due_date is not None and self.due_date < today


def overdue_first(items: Iterable[ActionItem], today: date) -> list[ActionItem]:
    """Action items in the order they are shown: overdue first, then by due date (none last)."""
    return sorted(items, key=lambda a: (not a.is_overdue(today), a.due_date or date.max, a.id))


@dataclass(frozen=True, slots=True)
class FeedbackDraft:
    situation: str
    behaviour: str
    impact: str = ""
    response: str = ""


@dataclass(frozen=True, slots=True)
class Feedback:
    id: int
    session_id: int
    situation: str
    behaviour: str
    impact: str
    response: str


@dataclass(frozen=True, slots=True)
class SessionDetail:
    """A session with everything recorded about it."""

    session: Session
    agenda: tuple[AgendaItem, ...] = ()
    actions: tuple[ActionItem, ...] = ()
    feedback: tuple[Feedback, ...] = ()
