"""Reading a database with the sqlite3 module alone, for the read-only commands.

The file gets every check that opening it for the window gets (header, size, owner, newer
schema, `PRAGMA quick_check`); then a read-only connection, which also sees pages still in
the -wal file. A file that does not exist yet, or whose schema is older than the code's,
needs the full open (which creates or upgrades it): `NeedsFullOpen` says so.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mentor_desktop.storage.engine import connect_read_only, read_stored_revision
from mentor_desktop.storage.errors import environment_error
from mentor_desktop.storage.migrate import HEAD_REVISION


class NeedsFullOpen(Exception):
    """The file must be opened the normal way first: it is missing, new or behind."""


def open_reading(path: Path) -> sqlite3.Connection:
    """The connection `reading` gives, for a caller that closes it itself; raises what
    `reading` does."""
    if not path.is_file():
        raise NeedsFullOpen(path)
    if read_stored_revision(path) != HEAD_REVISION:
        raise NeedsFullOpen(path)
    return connect_read_only(path)


@contextmanager
def storage_errors() -> Iterator[None]:
    """sqlite3's errors of the environment (locked, I/O, disk full) as a StorageFailedError."""
    try:
        yield
    except sqlite3.Error as exc:
        known = environment_error(exc)
        if known is None:
            raise
        raise known from exc


@contextmanager
def reading(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection on the checked database at `path`.

    Raises NeedsFullOpen (see above), a DatabaseOpenError subclass for a file that cannot be
    used, or a StorageFailedError for an environment error while reading (locked, I/O).
    """
    connection = open_reading(path)
    try:
        with storage_errors():
            yield connection
    finally:
        connection.close()
