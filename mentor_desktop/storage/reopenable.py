"""The database a window works on, which can be closed and opened again under it.

Encrypting, changing the passphrase and decrypting replace the file: the window's services
keep calling this object for units of work while it closes the engine, waits for the new
file and opens an engine on it (a plain or an encrypted one). While it is closed, a unit of
work is refused as busy (pending text waits, and is saved once the file is back) instead
of touching a file that is being replaced.

A window whose first screen was read without SQLAlchemy (`services.quick_reads`) starts
with the engine not opened yet: `open()` opens it once the window is painted, and the first
unit of work asked for before that opens it then.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from mentor_desktop.domain.errors import DatabaseBusyError

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from mentor_desktop.storage.uow import UnitOfWork, UnitOfWorkFactory


class ReopenableDatabase:
    """A unit-of-work factory (`database()`) on `path` whose engine can be swapped.

    `engine` None: the file passed its checks already and is opened on first use.
    """

    def __init__(self, path: Path, engine: Engine | None) -> None:
        self.path = path
        self._engine = engine
        self._factory: UnitOfWorkFactory | None = None
        self._released = False
        self._opening = threading.Lock()  # the first unit of work may come from a worker
        if engine is not None:
            self._use(engine)

    @property
    def engine(self) -> Engine:
        """The open engine (opening the file first if it is not open yet)."""
        if self._engine is None:
            self.open()
        assert self._engine is not None  # open() either set it or raised
        return self._engine

    @property
    def is_open(self) -> bool:
        return self._engine is not None

    def open(self) -> None:
        """Open the file (create or upgrade, as every open does) if it is not open yet."""
        with self._opening:
            if self._engine is None:
                from mentor_desktop.storage.migrate import open_database

                self._use(open_database(self.path))

    def _use(self, engine: Engine) -> None:
        from mentor_desktop.storage.uow import unit_of_work_factory

        self._engine = engine
        self._factory = unit_of_work_factory(engine)

    def __call__(self) -> UnitOfWork:
        if self._engine is None and not self._released:
            self.open()
        if self._factory is None:
            raise DatabaseBusyError(
                reason="the database is being encrypted or decrypted; it is back in a moment"
            )
        return self._factory()

    def release(self) -> None:
        """Close every connection and refuse new units of work until `reopen`."""
        self._factory = None
        self._released = True
        if self._engine is not None:
            self._engine.dispose()

    def reopen(self) -> None:
        """Open the (possibly rewritten) file again with the key this process knows."""
        from mentor_desktop.storage.migrate import open_database

        if self._engine is not None:
            self._engine.dispose()
        self._released = False
        self._use(open_database(self.path))

    def dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
