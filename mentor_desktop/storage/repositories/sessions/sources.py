"""Read-only queries of other areas' tables that the agenda builder and the brief draw on
(flagged entries, wins, milestones due, recalibrations, goals), so the sessions area never
reaches into another area's service."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ColumnElement, String, func, select

from mentor_desktop.domain.growth.brief import GrowthSources
from mentor_desktop.domain.models import Goal
from mentor_desktop.domain.sessions import JournalNote, MilestoneDue, Recalibration
from mentor_desktop.storage.orm import GoalChangeRow, GoalRow, JournalEntryRow, MilestoneRow
from mentor_desktop.storage.repositories import goal_reads, growth_reads
from mentor_desktop.storage.repositories.sessions.mapping import RepositoryPart, local_to_utc

#: How much of an untitled entry's text stands for it.
OPENING_CHARS = 120


def _after(since: datetime) -> ColumnElement[bool]:
    """Journal entries that came after the local moment `since` (a session's end): dated
    after its day, or dated on its day and written after it (an entry written later in the
    evening of a session belongs to the next one)."""
    day = since.date()
    return (JournalEntryRow.entry_date > day) | (
        (JournalEntryRow.entry_date == day) & (JournalEntryRow.created_at >= local_to_utc(since))
    )


def _noted(since: datetime | None, until: date) -> ColumnElement[bool]:
    """Entries dated up to `until` and written after `since` (see `_after`)."""
    dated = JournalEntryRow.entry_date <= until
    return dated & _after(since) if since is not None else dated


_NOTE_COLUMNS = (
    JournalEntryRow.id,
    JournalEntryRow.entry_date,
    JournalEntryRow.title,
    func.substr(JournalEntryRow.body, 1, OPENING_CHARS, type_=String),
)


class SourceReads(RepositoryPart):
    """What happened elsewhere since the last session, read only."""

    def flagged_entries(self, since: datetime | None, until: date) -> list[JournalNote]:
        """Flagged entries dated up to `until` and written after `since` (see `_after`)."""
        query = select(*_NOTE_COLUMNS).where(
            _noted(since, until), JournalEntryRow.flagged.is_(True)
        )
        rows = self._db.execute(query.order_by(JournalEntryRow.entry_date))
        return [JournalNote(i, day, title, opening) for i, day, title, opening in rows]

    def wins(self, since: datetime | None, until: date, limit: int = 50) -> list[JournalNote]:
        """Wins dated up to `until` and written after `since` (see `_after`), newest first."""
        query = select(*_NOTE_COLUMNS).where(_noted(since, until), JournalEntryRow.kind == "win")
        rows = self._db.execute(query.order_by(JournalEntryRow.entry_date.desc()).limit(limit))
        return [JournalNote(i, day, title, opening) for i, day, title, opening in rows]

    def milestones_due(self, by: date) -> list[MilestoneDue]:
        """Open milestones of active goals due on or before `by` (overdue ones included)."""
        query = (
            select(MilestoneRow.id, MilestoneRow.title, GoalRow.title, MilestoneRow.due_date)
            .join(GoalRow, GoalRow.id == MilestoneRow.goal_id)
            .where(
                MilestoneRow.done_date.is_(None),
                MilestoneRow.due_date.is_not(None),
                MilestoneRow.due_date <= by,
                GoalRow.status == "active",
            )
            .order_by(MilestoneRow.due_date, MilestoneRow.id)
        )
        return [
            MilestoneDue(i, title, goal_title, due)
            for i, title, goal_title, due in self._db.execute(query)
            if due is not None
        ]

    def recalibrations(self, since: datetime | None, until: datetime) -> list[Recalibration]:
        """Changes made after `since` and up to `until` (local wall-clock times)."""
        query = select(GoalChangeRow).where(GoalChangeRow.changed_at <= local_to_utc(until))
        if since is not None:
            query = query.where(GoalChangeRow.changed_at > local_to_utc(since))
        return [
            Recalibration(r.id, r.subject, r.old_value, r.new_value, r.reason)
            for r in self._db.scalars(query.order_by(GoalChangeRow.changed_at))
        ]

    def active_goals(self) -> list[Goal]:
        """Active goals with everything under them, in the user's order."""
        return goal_reads.load_goals(self._db.connection(), statuses=["active"])

    def require_goal(self, goal_id: int) -> None:
        """NotFoundError when there is no goal `goal_id`."""
        goal_reads.load_goal(self._db.connection(), goal_id)

    def growth_sources(self) -> GrowthSources:
        """Practice and opportunities, for the agenda's growth suggestions and the brief."""
        connection = self._db.connection()
        return GrowthSources(
            tuple(growth_reads.load_practice(connection)),
            tuple(growth_reads.load_opportunities(connection)),
        )
