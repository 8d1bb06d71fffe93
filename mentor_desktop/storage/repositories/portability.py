"""Whole-database reads and writes for export and import, generic over every ORM table.

Tables are taken from `Base.metadata.sorted_tables` (parents before children) and limited to
those that exist in the database, so tables added by later migrations join by themselves.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Table, delete, func, insert, select, text
from sqlalchemy.orm import Session

from mentor_desktop.storage.orm import (
    Base,
    JournalEntryRow,
    JournalEntryTagRow,
    TagRow,
)

#: Tables whose rows are the user's own data: a database without any is "empty" (the
#: migrations may seed others, such as writing prompts).
USER_DATA_TABLES = ("mentor", "goal", "journal_entry", "session")

Progress = Callable[[int, int], None]
EntryKey = tuple[str, str, str]


def existing_tables(session: Session) -> list[Table]:
    """The ORM tables present in this database, parents before children."""
    names = set(session.scalars(text("SELECT lower(name) FROM sqlite_master WHERE type='table'")))
    return [table for table in Base.metadata.sorted_tables if table.name.lower() in names]


def has_user_data(session: Session) -> bool:
    for table in existing_tables(session):
        if table.name in USER_DATA_TABLES and session.scalar(
            select(func.count()).select_from(table)
        ):
            return True
    return False


def primary_key_order(table: Table) -> list:
    return list(table.primary_key.columns) or list(table.columns)


def read_table(session: Session, table: Table) -> Iterator[Sequence[Any]]:
    """Every row of `table` as a tuple in column order, ordered by primary key."""
    yield from session.execute(select(*table.columns).order_by(*primary_key_order(table)))


def encode_value(value: Any) -> Any:
    """A column value as JSON: dates and datetimes as ISO text."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def decoder_for(table: Table, column_name: str) -> Callable[[Any], Any]:
    """Turns a JSON value back into what the column holds."""
    column_type = table.columns[column_name].type
    if isinstance(column_type, DateTime):
        return lambda v: None if v is None else datetime.fromisoformat(v)
    if isinstance(column_type, Date):
        return lambda v: None if v is None else date.fromisoformat(v)
    if isinstance(column_type, Boolean):
        return lambda v: None if v is None else bool(v)
    return lambda v: v


def clear_tables(session: Session, tables: Sequence[Table]) -> None:
    """Delete every row of `tables`, children first."""
    for table in reversed(tables):
        session.execute(delete(table))


def insert_rows(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    if rows:
        session.execute(insert(table), rows)


# ---------------------------------------------------------------- journal import


def entry_key(entry_date: date, title: str, body: str) -> EntryKey:
    """What makes two journal entries the same for an import: date, title and body."""
    digest = hashlib.sha1(body.strip().encode("utf-8"), usedforsecurity=False).hexdigest()
    return entry_date.isoformat(), title.strip(), digest


def existing_entry_keys(session: Session, first: date, last: date) -> set[EntryKey]:
    rows = session.execute(
        select(JournalEntryRow.entry_date, JournalEntryRow.title, JournalEntryRow.body).where(
            JournalEntryRow.entry_date.between(first, last)
        )
    )
    return {entry_key(day, title, body) for day, title, body in rows}


def tag_ids(session: Session, names: set[str]) -> dict[str, int]:
    """Ids of the tags `names` (case-insensitive), creating the missing ones."""
    ids: dict[str, int] = {}
    for tag_id, name in session.execute(select(TagRow.id, TagRow.name)):
        ids[name.casefold()] = tag_id
    missing = sorted({name for name in names if name.casefold() not in ids}, key=str.casefold)
    unique_missing = list({name.casefold(): name for name in missing}.values())
    if unique_missing:
        created = session.execute(
            insert(TagRow).returning(TagRow.id, TagRow.name, sort_by_parameter_order=True),
            [{"name": name} for name in unique_missing],
        )
        for tag_id, name in created:
            ids[name.casefold()] = tag_id
    return ids


def insert_entries(
    session: Session,
    rows: list[dict[str, Any]],
    tags: list[tuple[str, ...]],
    progress: Progress | None = None,
    batch: int = 500,
) -> int:
    """Insert journal entry rows and their tag links in batches; returns the tags created."""
    before = session.scalar(select(func.count()).select_from(TagRow)) or 0
    ids_by_tag = tag_ids(session, {name for names in tags for name in names})
    total = len(rows)
    for start in range(0, total, batch):
        chunk = rows[start : start + batch]
        new_ids = session.scalars(
            insert(JournalEntryRow).returning(JournalEntryRow.id, sort_by_parameter_order=True),
            chunk,
        ).all()
        links = [
            {"entry_id": entry_id, "tag_id": ids_by_tag[name.casefold()]}
            for entry_id, names in zip(new_ids, tags[start : start + batch], strict=True)
            for name in names
        ]
        insert_rows(session, JournalEntryTagRow.__table__, links)
        if progress is not None:
            progress(min(start + batch, total), total)
    after = session.scalar(select(func.count()).select_from(TagRow)) or 0
    return after - before
