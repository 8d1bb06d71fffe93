"""Keeping the journal's full-text index (SQLite FTS5) in step: rebuild, suspend, check.

What a search asks for, and how any typed text becomes a valid FTS5 query, is in
`search_query`, which needs no SQLAlchemy (the `search` command reads without it).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session

from mentor_desktop.storage.search_query import (
    BM25_WEIGHTS,
    MAX_TERMS,
    MIN_PREFIX,
    SEARCH_TABLE,
    bm25_expression,
    build_match_query,
    snippet_expression,
)

__all__ = [
    "BM25_WEIGHTS",
    "INDEX_TRIGGERS",
    "MAX_TERMS",
    "MIN_PREFIX",
    "SEARCH_TABLE",
    "bm25_expression",
    "build_match_query",
    "check_search_index",
    "rebuild_search_index",
    "search_index_suspended",
    "snippet_expression",
]


def _raw_connection(connection_or_session: Connection | Session | Engine) -> Connection | Engine:
    if isinstance(connection_or_session, Session):
        return connection_or_session.connection()
    return connection_or_session


def rebuild_search_index(connection_or_session: Connection | Session | Engine) -> None:
    """Rebuild the whole search index from `journal_entry` in one statement.

    Call it after a bulk load that bypassed the triggers. With an Engine it runs in its own
    transaction; with a Connection or Session it joins the caller's transaction.
    """
    statement = f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}) VALUES ('rebuild')"
    target = _raw_connection(connection_or_session)
    if isinstance(target, Engine):
        with target.begin() as connection:
            connection.exec_driver_sql(statement)
    else:
        target.exec_driver_sql(statement)


#: The triggers that copy entry text into the index (the tag_text triggers stay on).
INDEX_TRIGGERS = (
    "journal_search_after_insert",
    "journal_search_after_delete",
    "journal_search_after_update",
)


@contextmanager
def search_index_suspended(session: Session) -> Iterator[None]:
    """For a bulk load inside `session`'s transaction: index nothing row by row, then rebuild.

    The index triggers are dropped and put back (same SQL) in the same transaction, so a
    failure rolls everything back, triggers included.
    """
    connection = session.connection()
    placeholders = ", ".join("?" for _ in INDEX_TRIGGERS)
    saved = connection.exec_driver_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({placeholders})",
        INDEX_TRIGGERS,
    ).all()
    for name, _sql in saved:
        connection.exec_driver_sql(f"DROP TRIGGER {name}")
    yield
    session.flush()
    for _name, sql in saved:
        connection.exec_driver_sql(sql)
    rebuild_search_index(connection)


def check_search_index(connection_or_session: Connection | Session | Engine) -> None:
    """Raise sqlite3.DatabaseError (wrapped by SQLAlchemy) if the index disagrees with the text."""
    statement = f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}, rank) VALUES ('integrity-check', 1)"
    target = _raw_connection(connection_or_session)
    if isinstance(target, Engine):
        with target.begin() as connection:
            connection.exec_driver_sql(statement)
    else:
        target.exec_driver_sql(statement)
