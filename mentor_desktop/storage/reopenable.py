"""The database a window works on, which can be closed and opened again under it.

Encrypting, changing the passphrase and decrypting replace the file: the window's services
keep calling this object for units of work while it closes the engine, waits for the new
file and opens an engine on it (a plain or an encrypted one). While it is closed, a unit of
work is refused as busy (pending text waits, and is saved once the file is back) instead
of touching a file that is being replaced.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from mentor_desktop.domain.errors import DatabaseBusyError
from mentor_desktop.storage.uow import UnitOfWork, UnitOfWorkFactory, unit_of_work_factory


class ReopenableDatabase:
    """A unit-of-work factory (`database()`) on `path` whose engine can be swapped."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._factory: UnitOfWorkFactory | None = unit_of_work_factory(engine)

    def __call__(self) -> UnitOfWork:
        if self._factory is None:
            raise DatabaseBusyError(
                reason="the database is being encrypted or decrypted; it is back in a moment"
            )
        return self._factory()

    def release(self) -> None:
        """Close every connection and refuse new units of work until `reopen`."""
        self._factory = None
        self.engine.dispose()

    def reopen(self) -> None:
        """Open the (possibly rewritten) file again with the key this process knows."""
        from mentor_desktop.storage.migrate import open_database

        self.engine.dispose()
        self.engine = open_database(self.path)
        self._factory = unit_of_work_factory(self.engine)

    def dispose(self) -> None:
        self.engine.dispose()
