"""What the agenda builder and the brief draw on from other areas' tables, in plain SQL:
flagged entries, wins, milestones due, recalibrations, practice and opportunities.

The sessions repository reads them through these functions inside a unit of work, and the
`brief` command before SQLAlchemy is loaded (see `plain_sql`): one implementation, the same
answers.
"""

from __future__ import annotations

from datetime import MAXYEAR, MINYEAR, UTC, date, datetime
from typing import cast

from mentor_desktop.domain.growth.brief import GrowthSources
from mentor_desktop.domain.sessions import JournalNote, MilestoneDue, Recalibration
from mentor_desktop.storage.repositories import growth_reads
from mentor_desktop.storage.repositories.plain_sql import (
    AnyConnection,
    day_value,
    moment_param,
    run_sql,
)

#: How much of an untitled entry's text stands for it.
OPENING_CHARS = 120

_NOTES = f"SELECT id, entry_date, title, substr(body, 1, {OPENING_CHARS}) FROM journal_entry"


def local_to_utc(moment: datetime) -> datetime:
    """A local wall-clock time as naive UTC, the way timestamps are stored."""
    if moment.year >= MAXYEAR or moment.year <= MINYEAR:
        return moment  # the ends of time stay where they are
    return moment.astimezone(UTC).replace(tzinfo=None)


def _noted(since: datetime | None, until: date) -> tuple[str, list[object]]:
    """Entries dated up to `until` and written after the local moment `since` (a session's
    end): dated after its day, or dated on its day and written after it (an entry written
    later in the evening of a session belongs to the next one)."""
    if since is None:
        return "entry_date <= ?", [until.isoformat()]
    day = since.date().isoformat()
    return (
        "entry_date <= ? AND (entry_date > ? OR (entry_date = ? AND created_at >= ?))",
        [until.isoformat(), day, day, moment_param(local_to_utc(since))],
    )


def _notes(connection: AnyConnection, sql: str, params: list[object]) -> list[JournalNote]:
    return [
        JournalNote(i, cast(date, day_value(day)), title, opening)
        for i, day, title, opening in run_sql(connection, sql, params)
    ]


def flagged_entries(
    connection: AnyConnection, since: datetime | None, until: date
) -> list[JournalNote]:
    """Flagged entries dated up to `until` and written after `since` (see `_noted`)."""
    where, params = _noted(since, until)
    return _notes(connection, f"{_NOTES} WHERE {where} AND flagged = 1 ORDER BY entry_date", params)


def wins(
    connection: AnyConnection, since: datetime | None, until: date, limit: int = 50
) -> list[JournalNote]:
    """Wins dated up to `until` and written after `since` (see `_noted`), newest first."""
    where, params = _noted(since, until)
    return _notes(
        connection,
        f"{_NOTES} WHERE {where} AND kind = 'win' ORDER BY entry_date DESC LIMIT ?",
        [*params, limit],
    )


def milestones_due(connection: AnyConnection, by: date) -> list[MilestoneDue]:
    """Open milestones of active goals due on or before `by` (overdue ones included)."""
    rows = run_sql(
        connection,
        "SELECT m.id, m.title, g.title, m.due_date FROM milestone m JOIN goal g "
        "ON g.id = m.goal_id WHERE m.done_date IS NULL AND m.due_date IS NOT NULL "
        "AND m.due_date <= ? AND g.status = 'active' ORDER BY m.due_date, m.id",
        (by.isoformat(),),
    )
    return [
        MilestoneDue(i, title, goal_title, due)
        for i, title, goal_title, stored in rows
        if (due := day_value(stored)) is not None
    ]


def recalibrations(
    connection: AnyConnection, since: datetime | None, until: datetime
) -> list[Recalibration]:
    """Changes of a goal's or milestone's date made after `since` and up to `until` (local
    wall-clock times)."""
    where = "changed_at <= ?"
    params = [moment_param(local_to_utc(until))]
    if since is not None:
        where += " AND changed_at > ?"
        params.append(moment_param(local_to_utc(since)))
    return [
        Recalibration(i, subject, day_value(old), day_value(new), reason)
        for i, subject, old, new, reason in run_sql(
            connection,
            "SELECT id, subject, old_value, new_value, reason FROM goal_change "
            f"WHERE {where} ORDER BY changed_at",
            params,
        )
    ]


def growth_sources(connection: AnyConnection) -> GrowthSources:
    """Practice and opportunities, for the agenda's growth suggestions and the brief."""
    return GrowthSources(
        tuple(growth_reads.load_practice(connection)),
        tuple(growth_reads.load_opportunities(connection)),
    )
