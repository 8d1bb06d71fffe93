"""Driver errors sorted once: environment problems the person can act on, or bugs.

SQLite reports why a statement failed with a result code (Python 3.11+ keeps it on the
exception as `sqlite_errorcode`). The codes that come from the world around the app (a lock
held by another program, a read-only file, a full disk, an I/O error, a damaged file) become
the domain's StorageFailedError subclasses, each with its own words. Everything else (a
constraint broken, a syntax error, a missing table) is a bug in the app and is left as it is,
so it reaches the log with its traceback.
"""

from __future__ import annotations

import sys

from mentor_desktop.domain.errors import (
    DatabaseBusyError,
    DatabaseCorruptError,
    DatabaseReadOnlyError,
    DiskFullError,
    DiskIOError,
    StorageFailedError,
)

# SQLite's primary result codes (the low byte of an extended code).
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

_BY_CODE: dict[int, type[StorageFailedError]] = {
    SQLITE_BUSY: DatabaseBusyError,
    SQLITE_LOCKED: DatabaseBusyError,
    SQLITE_READONLY: DatabaseReadOnlyError,
    SQLITE_IOERR: DiskIOError,
    SQLITE_CANTOPEN: DiskIOError,
    SQLITE_CORRUPT: DatabaseCorruptError,
    SQLITE_NOTADB: DatabaseCorruptError,
    SQLITE_FULL: DiskFullError,
}

# When the code is missing (an error raised by hand), SQLite's fixed messages still tell.
_BY_TEXT: tuple[tuple[str, type[StorageFailedError]], ...] = (
    ("database is locked", DatabaseBusyError),
    ("database table is locked", DatabaseBusyError),
    ("database is busy", DatabaseBusyError),
    ("readonly database", DatabaseReadOnlyError),
    ("database or disk is full", DiskFullError),
    ("disk i/o error", DiskIOError),
    ("unable to open database file", DiskIOError),
    ("database disk image is malformed", DatabaseCorruptError),
    ("file is not a database", DatabaseCorruptError),
)


def driver_error(exc: BaseException) -> Exception | None:
    """The sqlite3 (or sqlcipher3, for an encrypted file) error behind `exc` (SQLAlchemy
    wraps it), or None when there is none."""
    from mentor_desktop.storage.cipher import driver_errors

    original: BaseException | None = exc
    if "sqlalchemy" in sys.modules:  # else `exc` cannot be SQLAlchemy's (read-only commands)
        from sqlalchemy.exc import DBAPIError

        if isinstance(exc, DBAPIError):
            original = exc.orig
    return original if isinstance(original, driver_errors()) else None


def environment_error(exc: BaseException) -> StorageFailedError | None:
    """The StorageFailedError `exc` stands for, or None when `exc` is not one (a bug)."""
    if isinstance(exc, StorageFailedError):
        return exc
    original = driver_error(exc)
    if original is None:
        return None
    code = getattr(original, "sqlite_errorcode", None)
    kind = _BY_CODE.get(code & 0xFF) if isinstance(code, int) else None
    if kind is None:
        text = str(original).casefold()
        kind = next((k for words, k in _BY_TEXT if words in text), None)
    if kind is None:
        return None
    classified = kind()
    classified.__cause__ = exc
    return classified


def classify(exc: BaseException) -> BaseException:
    """`exc` as an environment error when it is one, else `exc` itself (a bug)."""
    return environment_error(exc) or exc
