"""Opening the SQLite file: checks that never modify a foreign file, PRAGMAs, the engine."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import StaticPool

from mentor_desktop.domain.errors import (
    DamagedDatabaseError,
    DatabaseOpenError,
    DatabaseTooNewError,
    ForeignDatabaseError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
)

SQLITE_HEADER = b"SQLite format 3\x00"
#: Stored in the database header (PRAGMA application_id) by the first migration: "MNTR".
APPLICATION_ID = 0x4D4E5452


def read_stored_revision(path: Path) -> str | None:
    """Check `path` without writing to it and return its schema revision.

    Returns None for a file that does not exist yet or is empty (a new database).
    Raises NotADatabaseError, ForeignDatabaseError, DamagedDatabaseError (truncated, or
    `PRAGMA quick_check` finds damage), ReadOnlyDatabaseError or DatabaseOpenError otherwise.
    The file is only ever opened read-only here, so it stays byte-identical.
    """
    if not path.exists() or (path.is_file() and path.stat().st_size == 0):
        return None
    if path.is_dir():
        raise NotADatabaseError(path, "it is a folder, not a database file.")
    header = _read_header(path)
    _check_size(path, header)
    if is_read_only(path):
        raise ReadOnlyDatabaseError(
            path,
            "the file or its folder is read-only, and Mentor Desktop needs to write to it. "
            "Make it writable (or copy it somewhere writable and open the copy with --db). "
            "The file was not changed.",
        )
    application_id = int.from_bytes(header[68:72], "big")
    connection = _connect_read_only(path)
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
        problems = quick_check(connection)
        if problems:
            raise DamagedDatabaseError(
                path,
                f"the database is damaged ({problems[0]}). It was not changed; "
                "restore a backup to go on.",
            )
        if "alembic_version" not in tables:
            return None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabaseError(
            path, f"the database is damaged or incomplete ({exc}). It was not changed."
        ) from exc
    finally:
        connection.close()


def _read_header(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise DatabaseOpenError(path, f"the file cannot be read ({exc.strerror}).") from exc
    if not header.startswith(SQLITE_HEADER):
        raise NotADatabaseError(
            path, "it is not a Mentor Desktop database (not an SQLite file at all)."
        )
    if len(header) < 100:
        raise DamagedDatabaseError(
            path, "the database is truncated (shorter than its own header). It was not changed."
        )
    return header


def _check_size(path: Path, header: bytes) -> None:
    """Compare the file's size with the page count its header promises."""
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise DamagedDatabaseError(
            path, f"the database header is damaged (page size {page_size}). It was not changed."
        )
    size = path.stat().st_size
    pages_valid = header[92:96] == header[24:28]
    expected = int.from_bytes(header[28:32], "big") * page_size if pages_valid else 0
    if size % page_size or size < expected:
        raise DamagedDatabaseError(
            path,
            f"the database is truncated ({size:,} bytes where at least {expected:,} were "
            "expected). It was not changed.",
        )


def is_read_only(path: Path) -> bool:
    """True when `path` or its folder cannot be written (also for root: no write bits)."""
    mode = path.stat().st_mode
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        return True
    return not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK)


def _connect_read_only(path: Path) -> sqlite3.Connection:
    try:
        return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise DatabaseOpenError(path, f"SQLite cannot open it ({exc}).") from exc


def quick_check(connection: sqlite3.Connection) -> list[str]:
    """`PRAGMA quick_check`: the problems found (an empty list when the file is sound)."""
    rows = [row[0] for row in connection.execute("PRAGMA quick_check(5)")]
    return [] if rows == ["ok"] else rows


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
