"""Rows of the sessions area turned into domain dataclasses, and the base every part of the
session repository shares."""

from __future__ import annotations

from sqlalchemy import Connection
from sqlalchemy.orm import Session as DbSession

from mentor_desktop.domain.sessions import (
    ActionItem,
    ActionOwner,
    AgendaItem,
    AgendaKind,
    AgendaSource,
    Feedback,
    Session,
    SessionStatus,
)
from mentor_desktop.storage.orm import (
    ActionItemRow,
    AgendaItemRow,
    FeedbackRow,
    SessionRow,
)


class RepositoryPart:
    """One part of `SessionRepository`: reads and writes within one database session."""

    def __init__(self, db: DbSession) -> None:
        self._db = db

    def _plain(self) -> Connection:
        """The session's connection for the plain-SQL reads, with pending changes flushed
        first (as an ORM query would)."""
        self._db.flush()
        return self._db.connection()


def session_to_domain(row: SessionRow, agenda_count: int = 0) -> Session:
    return Session(
        id=row.id,
        mentorship_id=row.mentorship_id,
        label=row.label,
        start=row.start,
        duration_minutes=row.duration_minutes,
        status=SessionStatus(row.status),
        rule_id=row.rule_id,
        original_start=row.original_start,
        personal_update=row.personal_update,
        notes=row.notes,
        takeaways=row.takeaways,
        agenda_count=agenda_count,
    )


def agenda_to_domain(row: AgendaItemRow) -> AgendaItem:
    return AgendaItem(
        id=row.id,
        session_id=row.session_id,
        position=row.position,
        kind=AgendaKind(row.kind),
        text=row.text,
        source=AgendaSource(row.source),
        source_id=row.source_id,
        carried_from_id=row.carried_from_id,
        discussed=row.discussed,
        notes=row.notes,
    )


def action_to_domain(row: ActionItemRow, goal_title: str = "") -> ActionItem:
    return ActionItem(
        id=row.id,
        session_id=row.session_id,
        owner=ActionOwner(row.owner),
        text=row.text,
        due_date=row.due_date,
        done_date=row.done_date,
        goal_id=row.goal_id,
        goal_title=goal_title,
    )


def feedback_to_domain(row: FeedbackRow) -> Feedback:
    return Feedback(row.id, row.session_id, row.situation, row.behaviour, row.impact, row.response)
