"""Whole-database reads and writes, generic over every table: for the JSON export and import.

Tables are taken from `Base.metadata.sorted_tables` (parents before children) and limited to
those that exist in the database, so tables added by later migrations join by themselves.
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Integer,
    String,
    Table,
    delete,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.orm import Session

from mentor_desktop.storage.orm import Base, JournalTemplateRow

#: The migration that seeds the default writing prompts (its list is what "unchanged" means).
_SEEDING_MIGRATION = "mentor_desktop.storage.migrations.versions.0002_journal"
#: The range of an SQLite INTEGER.
_INT_RANGE = range(-(2**63), 2**63)


def existing_tables(session: Session) -> list[Table]:
    """The ORM tables present in this database, parents before children."""
    names = set(session.scalars(text("SELECT lower(name) FROM sqlite_master WHERE type='table'")))
    return [table for table in Base.metadata.sorted_tables if table.name.lower() in names]


def has_user_data(session: Session) -> bool:
    """True unless the database holds nothing but what a new database starts with.

    Any row of any table counts, except writing prompts that are the seeded defaults,
    unchanged (a prompt the user added or edited is their data).
    """
    templates = JournalTemplateRow.__table__
    for table in existing_tables(session):
        if table is not templates and session.scalar(select(func.count()).select_from(table)):
            return True
    if templates not in existing_tables(session):
        return False
    defaults = seeded_templates()
    rows = session.execute(
        select(
            JournalTemplateRow.kind,
            JournalTemplateRow.name,
            JournalTemplateRow.body,
            JournalTemplateRow.is_default,
        )
    )
    return any(
        not is_default or (kind, name, body) not in defaults
        for kind, name, body, is_default in rows
    )


def seeded_templates() -> set[tuple[str | None, str, str]]:
    """(kind, name, body) of each writing prompt a new database is given."""
    migration = importlib.import_module(_SEEDING_MIGRATION)
    return set(migration.DEFAULT_TEMPLATES)


def primary_key_order(table: Table) -> list[Column[Any]]:
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
    """Turns a JSON value back into what the column holds.

    The decoder raises ValueError (saying what was expected) for a value the column cannot
    hold: the wrong type, text that is not valid Unicode, a number out of SQLite's range.
    """
    column_type = table.columns[column_name].type
    if isinstance(column_type, DateTime):
        return _nullable(lambda v: datetime.fromisoformat(_text(v, "a date and time as text")))
    if isinstance(column_type, Date):
        return _nullable(lambda v: date.fromisoformat(_text(v, "a date as text")))
    if isinstance(column_type, Boolean):
        return _nullable(_boolean)
    if isinstance(column_type, Integer):
        return _nullable(_integer)
    if isinstance(column_type, String):
        return _nullable(lambda v: _text(v, "text"))
    return _nullable(_plain)


def _nullable(decode: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else decode(value)


def _text(value: Any, expected: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected {expected}, found {type(value).__name__}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(
            f"the text holds a broken character (U+{ord(value[exc.start]):04X})"
        ) from None
    return value


def _boolean(value: Any) -> bool:
    if isinstance(value, bool) or value in (0, 1):
        return bool(value)
    raise ValueError(f"expected true or false, found {value!r}"[:120])


def _integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected a whole number, found {type(value).__name__}")
    if value not in _INT_RANGE:
        raise ValueError("the number is too large")
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, str):
        return _text(value, "text")
    if isinstance(value, bool) or (isinstance(value, int) and value in _INT_RANGE):
        return value
    if isinstance(value, float) and math.isfinite(value):
        return value
    raise ValueError(f"a {type(value).__name__} cannot be stored here")


def clear_tables(session: Session, tables: Sequence[Table]) -> None:
    """Delete every row of `tables`, children first."""
    for table in reversed(tables):
        session.execute(delete(table))


def insert_rows(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    if rows:
        session.execute(insert(table), rows)
