"""Mentorship, cadence, session, agenda, action item and feedback rows, and their dataclasses.

Also the read-only queries the agenda builder needs from the journal and goal tables
(flagged entries, wins, milestones due, recalibrations), so the session area never reaches
into another area's service.
"""

from __future__ import annotations

from datetime import MAXYEAR, MINYEAR, UTC, date, datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import selectinload

from mentor_desktop.domain.cadence import CadenceRule
from mentor_desktop.domain.errors import NotFoundError
from mentor_desktop.domain.models import Mentor, Mentorship
from mentor_desktop.domain.sessions import (
    ActionItem,
    ActionOwner,
    AgendaItem,
    AgendaKind,
    AgendaSource,
    Agreement,
    Feedback,
    Session,
    SessionStatus,
)
from mentor_desktop.storage.orm import (
    ActionItemRow,
    AgendaItemRow,
    CadenceRuleRow,
    FeedbackRow,
    GoalChangeRow,
    GoalRow,
    JournalEntryRow,
    MentorRow,
    MentorshipRow,
    MilestoneRow,
    SessionRow,
)


def mentor_to_domain(row: MentorRow) -> Mentor:
    return Mentor(row.id, row.name, row.role, row.organisation, row.contact)


def rule_to_domain(row: CadenceRuleRow) -> CadenceRule:
    return CadenceRule(
        label=row.label,
        rrule=row.rrule,
        first_start=row.first_start,
        duration_minutes=row.duration_minutes,
        id=row.id,
    )


def mentorship_to_domain(row: MentorshipRow) -> Mentorship:
    return Mentorship(
        id=row.id,
        mentor=mentor_to_domain(row.mentor),
        purpose=row.purpose,
        hopes=row.hopes,
        offers=row.offers,
        mentor_expectations=row.mentor_expectations,
        mentee_expectations=row.mentee_expectations,
        cadence=row.cadence,
        communication=row.communication,
        confidentiality=row.confidentiality,
        start_date=row.start_date,
        end_date=row.end_date,
        review_date=row.review_date,
        active=row.active,
    )


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


def local_to_utc(moment: datetime) -> datetime:
    """A local wall-clock time as naive UTC, the way timestamps are stored."""
    if moment.year >= MAXYEAR or moment.year <= MINYEAR:
        return moment  # the ends of time stay where they are
    return moment.astimezone(UTC).replace(tzinfo=None)


def _after(since: datetime) -> ColumnElement[bool]:
    """Journal entries that came after the local moment `since` (a session's end): dated
    after its day, or dated on its day and written after it (an entry written later in the
    evening of a session belongs to the next one)."""
    day = since.date()
    return (JournalEntryRow.entry_date > day) | (
        (JournalEntryRow.entry_date == day) & (JournalEntryRow.created_at >= local_to_utc(since))
    )


class SessionRepository:
    """Rows of the sessions area, read and written within one database session."""

    def __init__(self, session: DbSession) -> None:
        self.session = session

    # ---------------------------------------------------------------- agreements

    def mentorship(self, mentorship_id: int) -> MentorshipRow:
        row = self.session.get(MentorshipRow, mentorship_id)
        if row is None:
            raise NotFoundError("Mentorship", mentorship_id)
        return row

    def mentorships(self) -> list[MentorshipRow]:
        query = (
            select(MentorshipRow)
            .options(selectinload(MentorshipRow.mentor))
            .order_by(
                MentorshipRow.active.desc(), MentorshipRow.start_date.desc(), MentorshipRow.id
            )
        )
        return list(self.session.scalars(query))

    def rules(self, mentorship_id: int) -> list[CadenceRuleRow]:
        query = (
            select(CadenceRuleRow)
            .where(CadenceRuleRow.mentorship_id == mentorship_id)
            .order_by(CadenceRuleRow.position, CadenceRuleRow.id)
        )
        return list(self.session.scalars(query))

    def agreement(self, mentorship_id: int) -> Agreement:
        row = self.mentorship(mentorship_id)
        return Agreement(
            mentorship_to_domain(row),
            tuple(rule_to_domain(r) for r in self.rules(mentorship_id)),
        )

    # ---------------------------------------------------------------- sessions

    def get_session(self, session_id: int) -> SessionRow:
        row = self.session.get(SessionRow, session_id)
        if row is None:
            raise NotFoundError("Session", session_id)
        return row

    def sessions(self, mentorship_id: int) -> list[SessionRow]:
        query = (
            select(SessionRow)
            .where(SessionRow.mentorship_id == mentorship_id)
            .order_by(SessionRow.start, SessionRow.id)
        )
        return list(self.session.scalars(query))

    def agenda_counts(self, session_ids: list[int]) -> dict[int, int]:
        if not session_ids:
            return {}
        query = (
            select(AgendaItemRow.session_id, func.count())
            .where(AgendaItemRow.session_id.in_(session_ids), AgendaItemRow.dropped.is_(False))
            .group_by(AgendaItemRow.session_id)
        )
        return {sid: count for sid, count in self.session.execute(query)}

    def occurrence(self, rule_id: int, original_start: datetime) -> SessionRow | None:
        return self.session.scalars(
            select(SessionRow).where(
                SessionRow.rule_id == rule_id, SessionRow.original_start == original_start
            )
        ).one_or_none()

    def last_done_before(self, mentorship_id: int, moment: datetime) -> SessionRow | None:
        return self.session.scalars(
            select(SessionRow)
            .where(
                SessionRow.mentorship_id == mentorship_id,
                SessionRow.status == SessionStatus.DONE.value,
                SessionRow.start < moment,
            )
            .order_by(SessionRow.start.desc())
            .limit(1)
        ).one_or_none()

    # ---------------------------------------------------------------- agenda

    def agenda_rows(self, session_id: int, include_dropped: bool = False) -> list[AgendaItemRow]:
        query = select(AgendaItemRow).where(AgendaItemRow.session_id == session_id)
        if not include_dropped:
            query = query.where(AgendaItemRow.dropped.is_(False))
        return list(self.session.scalars(query.order_by(AgendaItemRow.position, AgendaItemRow.id)))

    def get_agenda_item(self, item_id: int) -> AgendaItemRow:
        row = self.session.get(AgendaItemRow, item_id)
        if row is None:
            raise NotFoundError("Agenda item", item_id)
        return row

    # ---------------------------------------------------------------- actions, feedback

    def get_action(self, action_id: int) -> ActionItemRow:
        row = self.session.get(ActionItemRow, action_id)
        if row is None:
            raise NotFoundError("Action item", action_id)
        return row

    def get_feedback(self, feedback_id: int) -> FeedbackRow:
        row = self.session.get(FeedbackRow, feedback_id)
        if row is None:
            raise NotFoundError("Feedback", feedback_id)
        return row

    def actions(
        self,
        session_id: int | None = None,
        open_only: bool = False,
        mentorship_id: int | None = None,
    ) -> list[ActionItem]:
        query = select(ActionItemRow, GoalRow.title).outerjoin(
            GoalRow, GoalRow.id == ActionItemRow.goal_id
        )
        if session_id is not None:
            query = query.where(ActionItemRow.session_id == session_id)
        if mentorship_id is not None:
            query = query.outerjoin(SessionRow, SessionRow.id == ActionItemRow.session_id).where(
                (SessionRow.mentorship_id == mentorship_id) | (ActionItemRow.session_id.is_(None))
            )
        if open_only:
            query = query.where(ActionItemRow.done_date.is_(None))
        query = query.order_by(
            ActionItemRow.due_date.is_(None), ActionItemRow.due_date, ActionItemRow.id
        )
        return [action_to_domain(row, title or "") for row, title in self.session.execute(query)]

    def feedback_rows(self, session_id: int) -> list[FeedbackRow]:
        return list(
            self.session.scalars(
                select(FeedbackRow)
                .where(FeedbackRow.session_id == session_id)
                .order_by(FeedbackRow.id)
            )
        )

    # ---------------------------------------------------------------- other areas, read only

    def flagged_entries(self, since: datetime | None, until: date) -> list[JournalEntryRow]:
        """Flagged entries dated up to `until` and written after `since` (see `_after`)."""
        query = select(JournalEntryRow).where(
            JournalEntryRow.flagged.is_(True), JournalEntryRow.entry_date <= until
        )
        if since is not None:
            query = query.where(_after(since))
        return list(self.session.scalars(query.order_by(JournalEntryRow.entry_date)))

    def wins(self, since: datetime | None, until: date, limit: int = 50) -> list[JournalEntryRow]:
        """Wins dated up to `until` and written after `since` (see `_after`), newest first."""
        query = select(JournalEntryRow).where(
            JournalEntryRow.kind == "win", JournalEntryRow.entry_date <= until
        )
        if since is not None:
            query = query.where(_after(since))
        query = query.order_by(JournalEntryRow.entry_date.desc()).limit(limit)
        return list(self.session.scalars(query))

    def milestones_due(self, by: date) -> list[tuple[MilestoneRow, str]]:
        """Open milestones of active goals due on or before `by` (overdue ones included)."""
        query = (
            select(MilestoneRow, GoalRow.title)
            .join(GoalRow, GoalRow.id == MilestoneRow.goal_id)
            .where(
                MilestoneRow.done_date.is_(None),
                MilestoneRow.due_date.is_not(None),
                MilestoneRow.due_date <= by,
                GoalRow.status == "active",
            )
            .order_by(MilestoneRow.due_date, MilestoneRow.id)
        )
        return [(row, title) for row, title in self.session.execute(query)]

    def recalibrations(self, since: datetime | None, until: datetime) -> list[GoalChangeRow]:
        """Changes made after `since` and up to `until` (local wall-clock times)."""
        query = select(GoalChangeRow).where(GoalChangeRow.changed_at <= local_to_utc(until))
        if since is not None:
            query = query.where(GoalChangeRow.changed_at > local_to_utc(since))
        return list(self.session.scalars(query.order_by(GoalChangeRow.changed_at)))

    def milestone_dates(self) -> list[tuple[date | None, date | None]]:
        """(due, done) of every milestone of goals that are not dropped."""
        query = (
            select(MilestoneRow.due_date, MilestoneRow.done_date)
            .join(GoalRow, GoalRow.id == MilestoneRow.goal_id)
            .where(GoalRow.status != "dropped")
        )
        return [(due, done) for due, done in self.session.execute(query)]
