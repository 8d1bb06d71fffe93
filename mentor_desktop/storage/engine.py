"""Opening the SQLite file: checks that never modify a foreign file, PRAGMAs, the engine."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import StaticPool

from mentor_desktop.domain.errors import (
    DatabaseOpenError,
    DatabaseTooNewError,
    ForeignDatabaseError,
    NotADatabaseError,
)

SQLITE_HEADER = b"SQLite format 3\x00"
#: Stored in the database header (PRAGMA application_id) by the first migration: "MNTR".
APPLICATION_ID = 0x4D4E5452


def read_stored_revision(path: Path) -> str | None:
    """Check `path` without writing to it and return its schema revision.

    Returns None for a file that does not exist yet or is empty (a new database).
    Raises NotADatabaseError, ForeignDatabaseError or DatabaseOpenError otherwise.
    """
    if not path.exists() or (path.is_file() and path.stat().st_size == 0):
        return None
    if path.is_dir():
        raise NotADatabaseError(path, "it is a folder, not a database file.")
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise DatabaseOpenError(path, f"the file cannot be read ({exc.strerror}).") from exc
    if not header.startswith(SQLITE_HEADER) or len(header) < 100:
        raise NotADatabaseError(
            path, "it is not a Mentor Desktop database (not an SQLite file at all)."
        )
    application_id = int.from_bytes(header[68:72], "big")
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise DatabaseOpenError(path, f"SQLite cannot open it ({exc}).") from exc
    try:
        tables = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if application_id != APPLICATION_ID:
            if not tables:
                return None
            raise ForeignDatabaseError(
                path,
                "it is an SQLite database written by another program, not by Mentor Desktop.",
            )
        if "alembic_version" not in tables:
            return None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    except sqlite3.DatabaseError as exc:
        raise DatabaseOpenError(
            path, f"the database is damaged or incomplete ({exc}). It was not changed."
        ) from exc
    finally:
        connection.close()


def check_revision(path: Path, stored: str | None, known: tuple[str, ...]) -> None:
    if stored is not None and stored not in known:
        raise DatabaseTooNewError(
            path,
            f"it was written by a newer version of Mentor Desktop (schema {stored}). "
            "Update the app to open it; the file was not changed.",
        )


def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA busy_timeout = 5000")
    cursor.execute("PRAGMA journal_mode = WAL")
    # FULL makes each commit durable in WAL mode (NORMAL may lose the last ones on power loss).
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()


def make_engine(path: Path | str) -> Engine:
    """An engine on `path` (":memory:" for tests) with the app's PRAGMAs on every connection."""
    if str(path) == ":memory:":
        engine = create_engine(
            "sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool
        )
    else:
        engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect)
    return engine
