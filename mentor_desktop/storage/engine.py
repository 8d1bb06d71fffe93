"""Opening the SQLite file: checks that never modify a foreign file, PRAGMAs, the engine.

The checks (header, truncation, read-only, application id, `PRAGMA quick_check`, schema
revision) live here once and serve both opening the database and checking a backup. What
the file holds is read through a read-only connection, which also sees pages still in the
-wal file (a database whose process was killed before its first checkpoint keeps its
newest pages, even its application id, there).
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from mentor_desktop.domain.errors import (
    DamagedDatabaseError,
    DatabaseOpenError,
    DatabaseTooNewError,
    DiskFullAtOpenError,
    EncryptedDatabaseError,
    ForeignDatabaseError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
)
from mentor_desktop.storage import cipher
from mentor_desktop.storage.files import disk_is_full, special_file_kind
from mentor_desktop.storage.precheck import problems_found

if TYPE_CHECKING:
    from sqlalchemy import Engine

SQLITE_HEADER = b"SQLite format 3\x00"
#: Stored in the database header (PRAGMA application_id) by the first migration: "MNTR".
APPLICATION_ID = 0x4D4E5452
_NOT_CHANGED = " It was not changed."


@dataclass(frozen=True)
class DatabaseFacts:
    """What a read-only look at a sound SQLite file found (including its -wal file)."""

    application_id: int
    tables: frozenset[str]
    #: The schema revision (None when the file has no alembic_version row yet).
    revision: str | None = None
    #: Rows per label for the tables asked for that exist.
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def is_ours(self) -> bool:
        return self.application_id == APPLICATION_ID


def inspect_database(
    path: Path,
    *,
    require_writable: bool = False,
    count_tables: Iterable[tuple[str, str]] = (),
    not_changed: str = _NOT_CHANGED,
    every_page: bool = True,
) -> DatabaseFacts:
    """Check the existing file `path` read-only and say what it holds.

    With `every_page` False the `PRAGMA quick_check` is left out: opening an encrypted file
    does that (its pages are authenticated as they are read, so damage cannot go unseen;
    the whole check runs in the background once the window shows).

    Raises NotADatabaseError (not SQLite), DamagedDatabaseError (truncated, or
    `PRAGMA quick_check` finds damage), ReadOnlyDatabaseError (with `require_writable`),
    ForeignDatabaseError (another program's tables) or DatabaseOpenError (unreadable).
    An SQLite file without any table comes back with `is_ours` False (a blank file).
    `not_changed` ends the messages about damage. The file is opened read-only only, so
    it stays byte-identical, and a file not in WAL mode gets no -wal file.
    """
    if cipher.key_for(path) is None:
        header = _read_header(path, not_changed)
        _check_size(path, header, not_changed)
    if require_writable and is_read_only(path):
        raise ReadOnlyDatabaseError(
            path,
            "the file or its folder is read-only, and Mentor Desktop needs to write to it. "
            "Make it writable (or copy it somewhere writable and open the copy with --db). "
            "The file was not changed.",
        )
    connection = connect_read_only(path)
    try:
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        tables = frozenset(
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        )
        if application_id != APPLICATION_ID:
            if tables:
                raise ForeignDatabaseError(
                    path,
                    "it is an SQLite database written by another program, not by Mentor Desktop.",
                )
            return DatabaseFacts(application_id, tables)
        problems = problems_found(path) if every_page else []
        if problems is None:
            problems = quick_check(connection)
        if problems:
            raise DamagedDatabaseError(
                path, f"the database is damaged ({problems[0]}).{not_changed}"
            )
        revision = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        counts = {
            label: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            for label, table in count_tables
            if table in tables
        }
        return DatabaseFacts(application_id, tables, revision, counts)
    except cipher.driver_errors() as exc:
        if cipher.is_operational_error(exc):
            if disk_is_full(path.parent):
                raise DiskFullAtOpenError(path) from exc
            raise DatabaseOpenError(path, f"SQLite cannot read it ({exc}).{not_changed}") from exc
        raise DamagedDatabaseError(
            path, f"the database is damaged or incomplete ({exc}).{not_changed}"
        ) from exc
    finally:
        connection.close()


def read_stored_revision(path: Path) -> str | None:
    """Check `path` without writing to it and return its schema revision.

    Returns None for a file that does not exist yet, is empty or is a blank SQLite file
    (a new database). Raises what `inspect_database` raises otherwise; a damaged file's
    message adds that a backup can be restored.
    """
    if not path.exists() or (path.is_file() and path.stat().st_size == 0):
        return None
    kind = special_file_kind(path)
    if kind is not None:
        raise NotADatabaseError(
            path, f"it is {kind}, not a database file. Give the path of a database file."
        )
    facts = inspect_database(
        path,
        require_writable=True,
        not_changed=" It was not changed; restore a backup to go on.",
        every_page=cipher.key_for(path) is None,
    )
    return facts.revision if facts.is_ours else None


def _read_header(path: Path, not_changed: str) -> bytes:
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise DatabaseOpenError(path, f"the file cannot be read ({exc.strerror}).") from exc
    if not header.startswith(SQLITE_HEADER):
        if cipher.looks_encrypted(path):
            raise EncryptedDatabaseError(
                path, "it is encrypted; give its passphrase or recovery key to open it."
            )
        raise NotADatabaseError(
            path, "it is not a Mentor Desktop database (not an SQLite file at all)."
        )
    if len(header) < 100:
        raise DamagedDatabaseError(
            path, f"the database is truncated (shorter than its own header).{not_changed}"
        )
    return header


def _check_size(path: Path, header: bytes, not_changed: str) -> None:
    """Compare the file's size with the page count its header promises.

    With a non-empty -wal file the comparison is skipped: pages written since the last
    checkpoint (or by a checkpoint cut short) are read from the -wal, and the read-only
    connection's `PRAGMA quick_check` judges the whole.
    """
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise DamagedDatabaseError(
            path, f"the database header is damaged (page size {page_size}).{not_changed}"
        )
    if has_wal(path):
        return
    size = path.stat().st_size
    pages_valid = header[92:96] == header[24:28]
    expected = int.from_bytes(header[28:32], "big") * page_size if pages_valid else 0
    if size % page_size or size < expected:
        raise DamagedDatabaseError(
            path,
            f"the database is truncated ({size:,} bytes where at least {expected:,} were "
            f"expected).{not_changed}",
        )


def has_wal(path: Path) -> bool:
    """True when `path` has a -wal file with something in it (pages not yet checkpointed)."""
    wal = path.with_name(path.name + "-wal")
    try:
        return wal.is_file() and wal.stat().st_size > 0
    except OSError:
        return False


def is_read_only(path: Path) -> bool:
    """True when `path` or its folder cannot be written (also for root: no write bits)."""
    mode = path.stat().st_mode
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        return True
    return not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK)


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that can never write to `path` (it still sees the -wal file's pages);
    an encrypted file whose key this process knows is opened with it."""
    try:
        return cipher.connect(path, read_only=True)  # type: ignore[return-value]
    except cipher.driver_errors() as exc:
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
    """An engine on `path` (":memory:" for tests) with the app's PRAGMAs on every connection.

    SQLAlchemy is imported here, not at the top: the read-only commands check the file with
    this module and read it without SQLAlchemy.
    """
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import StaticPool

    if str(path) == ":memory:":
        engine = create_engine(
            "sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool
        )
    elif (key := cipher.key_for(Path(path))) is not None:
        from mentor_desktop.storage.cipher_engine import cipher_engine

        engine = cipher_engine(Path(path), key)
    else:
        engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect)
    return engine
