"""What the Markdown export reads: entries with their links, goals, and sessions in outline.

Plain column reads, no ORM objects: the export walks the whole database once.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Row, Table, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from mentor_desktop.domain.models import Goal
from mentor_desktop.storage.orm import (
    Base,
    GoalRow,
    JournalEntryGoalRow,
    JournalEntryMilestoneRow,
    JournalEntryRow,
    JournalEntryTagRow,
    MilestoneRow,
    TagRow,
)
from mentor_desktop.storage.repositories import goal_reads
from mentor_desktop.storage.repositories.portability.tables import existing_tables

#: Columns of a session's child rows (agenda, actions, feedback) that a reader does not need.
_SESSION_CHILD_SKIP = {"id", "session_id", "created_at", "updated_at", "position"}


@dataclass(frozen=True)
class ExportedEntry:
    """A journal entry with the names of its tags, goals and milestones."""

    id: int
    entry_date: date
    title: str
    body: str
    kind: str
    mood: int | None
    flagged: bool
    tags: tuple[str, ...]
    goals: tuple[str, ...]
    milestones: tuple[str, ...]


@dataclass(frozen=True)
class SessionOutline:
    """A session in words: when, its label and status, its texts, and its child rows.

    `sections` holds (child table name, one line per row) for agenda, actions, feedback and
    any later table with a foreign key to the session, in table order; empty ones left out.
    """

    start: datetime
    label: str
    status: str
    texts: tuple[tuple[str, str], ...]
    sections: tuple[tuple[str, tuple[str, ...]], ...]


def _names_by_entry(
    session: Session,
    entry_column: InstrumentedAttribute[int],
    link_column: InstrumentedAttribute[int],
    names: dict[int, str],
) -> dict[int, list[str]]:
    result: dict[int, list[str]] = defaultdict(list)
    for entry_id, other_id in session.execute(select(entry_column, link_column)):
        result[entry_id].append(names[other_id])
    return result


def exported_entries(session: Session) -> list[ExportedEntry]:
    """Every journal entry, oldest first (date, then id); tags sorted, links as stored."""
    tag_names = {i: n for i, n in session.execute(select(TagRow.id, TagRow.name))}
    goal_names = {i: n for i, n in session.execute(select(GoalRow.id, GoalRow.title))}
    milestone_names = {
        i: n for i, n in session.execute(select(MilestoneRow.id, MilestoneRow.title))
    }
    tags = _names_by_entry(
        session, JournalEntryTagRow.entry_id, JournalEntryTagRow.tag_id, tag_names
    )
    goals = _names_by_entry(
        session, JournalEntryGoalRow.entry_id, JournalEntryGoalRow.goal_id, goal_names
    )
    milestones = _names_by_entry(
        session,
        JournalEntryMilestoneRow.entry_id,
        JournalEntryMilestoneRow.milestone_id,
        milestone_names,
    )
    t = JournalEntryRow
    rows = session.execute(
        select(t.id, t.entry_date, t.title, t.body, t.kind, t.mood, t.flagged).order_by(
            t.entry_date, t.id
        )
    )
    return [
        ExportedEntry(
            id=entry_id,
            entry_date=day,
            title=title,
            body=body,
            kind=kind,
            mood=mood,
            flagged=bool(flagged),
            tags=tuple(sorted(tags.get(entry_id, []), key=str.casefold)),
            goals=tuple(goals.get(entry_id, [])),
            milestones=tuple(milestones.get(entry_id, [])),
        )
        for entry_id, day, title, body, kind, mood, flagged in rows
    ]


def exported_goals(session: Session) -> list[Goal]:
    """Every goal in the user's order, with milestones, steps, resources and history."""
    return goal_reads.load_goals(session.connection())


def _children_of_sessions(table_names: set[str]) -> list[Table]:
    """Tables with a foreign key to session.id (agenda, actions, feedback, and later ones)."""
    return [
        table
        for table in Base.metadata.sorted_tables
        if table.name in table_names
        and any(fk.column.table.name == "session" for fk in table.foreign_keys)
    ]


def _describe_row(table: Table, row: Row[Any]) -> str:
    parts: list[str] = []
    for column in table.columns:
        if column.name in _SESSION_CHILD_SKIP or column.name.endswith("_id"):
            continue
        value = getattr(row, column.name)
        if value in (None, "", False):
            continue
        if value is True:
            parts.append(column.name.replace("_", " "))
        elif column.name in {"text", "situation"}:
            parts.insert(0, str(value))
        else:
            parts.append(f"{column.name.replace('_', ' ')}: {value}")
    return " · ".join(parts)


def session_outlines(session: Session) -> list[SessionOutline] | None:
    """Every session in time order, in words; None when this database has no sessions."""
    table_names = {table.name for table in existing_tables(session)}
    if "session" not in table_names:
        return None
    sessions = Base.metadata.tables["session"]
    children = _children_of_sessions(table_names)
    by_child: dict[str, dict[int, list[str]]] = {}
    for child in children:
        column = next(fk.parent for fk in child.foreign_keys if fk.column.table.name == "session")
        grouped: dict[int, list[str]] = defaultdict(list)
        order = [c for c in (child.c.get("position"), child.c.get("id")) if c is not None]
        for row in session.execute(select(child).order_by(*order)):
            key = getattr(row, column.name)
            if key is not None:
                grouped[key].append(_describe_row(child, row))
        by_child[child.name] = grouped
    outlines = []
    for row in session.execute(select(sessions).order_by(sessions.c.start)):
        texts = tuple(
            (field, value)
            for field in ("personal_update", "notes", "takeaways")
            if (value := getattr(row, field, ""))
        )
        sections = tuple(
            (child.name, tuple(items))
            for child in children
            if (items := by_child[child.name].get(row.id))
        )
        outlines.append(SessionOutline(row.start, row.label, row.status, texts, sections))
    return outlines
