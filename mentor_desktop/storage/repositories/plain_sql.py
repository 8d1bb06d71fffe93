"""Plain SQL that runs on a session's connection or on a bare sqlite3 (or SQLCipher) one.

The read functions built on this serve the repositories inside a unit of work and, before
SQLAlchemy is even loaded, the window's first screen and the read-only commands (opened
with `storage.reading.reading`): one implementation, the same answers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeAlias, cast

if TYPE_CHECKING:
    import sqlite3

    from sqlalchemy import Connection

#: A session's connection, or a plain sqlite3 (or SQLCipher) one opened with `reading`.
AnyConnection: TypeAlias = "Connection | sqlite3.Connection"

#: Tables whose rows mean the person has started (a profile alone does not count).
CONTENT_TABLES = ("goal", "mentor", "journal_entry")


def run_sql(connection: AnyConnection, sql: str, params: Sequence[object] = ()) -> Any:
    """The rows of `sql` (qmark parameters) on either kind of connection."""
    run: Callable[..., Any] | None = getattr(connection, "exec_driver_sql", None)
    if run is None:  # a plain sqlite3 (or SQLCipher) connection
        run = cast("sqlite3.Connection", connection).execute
    return run(sql, tuple(params))


def day_value(value: Any) -> date | None:
    """A stored day (ISO text, or a date already) as a date; None stays None."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def moment_value(value: Any) -> datetime:
    """A stored moment (ISO text, or a datetime already) as a datetime."""
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def optional_moment_value(value: Any) -> datetime | None:
    """`moment_value`, with None kept."""
    return None if value is None else moment_value(value)


def moment_param(moment: datetime) -> str:
    """A naive moment as a query parameter, in the form moments are stored in
    (`2026-05-31 17:00:00.000000`), so that text comparisons order as time does."""
    return moment.isoformat(" ", "microseconds")


def has_content(connection: AnyConnection) -> bool:
    """Whether the person has written anything yet: a goal, a mentor or a journal entry."""
    return any(
        run_sql(connection, f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0]
        for table in CONTENT_TABLES
    )
