"""Bring a database file to the code's schema, running Alembic only when it is behind.

A normal start compares the revision stored in the file with `HEAD_REVISION` and skips
Alembic (and its import) when they match. Alembic runs in code: no alembic.ini, and the
application's logging is left alone.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from mentor_desktop.domain.errors import DatabaseOpenError, ReadOnlyDatabaseError
from mentor_desktop.storage.engine import check_revision, make_engine, read_stored_revision
from mentor_desktop.storage.files import create_private_file, make_private, new_folders_private

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

MIGRATIONS_DIR = Path(__file__).with_name("migrations")

#: Every revision in `migrations/versions`, oldest first. A test keeps this in step.
KNOWN_REVISIONS: tuple[str, ...] = (
    "0001_foundation",
    "0002_journal",
    "0003_sessions",
    "0004_ids_never_reused",
    "0005_review_reflection",
    "0006_profile",
    "0007_growth",
)
HEAD_REVISION = KNOWN_REVISIONS[-1]


def _use_explicit_transactions(engine: Engine) -> None:
    """Let SQLAlchemy, not the sqlite3 module, decide where transactions begin.

    The sqlite3 module on its own commits DDL outside any transaction; with this, a
    migration or a multi-row write is all-or-nothing.
    """
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _no_implicit_begin(dbapi_connection: object, _record: object) -> None:
        dbapi_connection.isolation_level = None  # type: ignore[attr-defined]

    @event.listens_for(engine, "begin")
    def _begin(connection: object) -> None:
        connection.exec_driver_sql("BEGIN")  # type: ignore[attr-defined]


def open_database(path: Path) -> Engine:
    """Check `path`, create or upgrade its schema if needed, and return an engine on it.

    Raises a DatabaseOpenError subclass (and leaves the file untouched) for a file that is
    not a database, a database of another program, one newer than this app, a damaged or
    truncated one (`PRAGMA quick_check`, read-only, before anything writes) or a read-only one.
    """
    stored = read_stored_revision(path)
    check_revision(path, stored, KNOWN_REVISIONS)
    try:
        new_folders_private(path.parent)
    except OSError as exc:
        raise DatabaseOpenError(path, f"its folder cannot be created ({exc.strerror}).") from exc
    if not os.access(path.parent, os.W_OK):
        raise ReadOnlyDatabaseError(path, "its folder is read-only, so no database can be made.")
    protect_database_files(path)
    engine = make_engine(path)
    _use_explicit_transactions(engine)
    if stored != HEAD_REVISION:
        upgrade(engine)
    return engine


def protect_database_files(path: Path) -> None:
    """The database and its -wal, -shm and -journal files are 0600 whatever the umask: a new
    database is created 0600 (SQLite gives its side files the same mode), an existing one
    is tightened."""
    create_private_file(path)
    for suffix in ("", "-wal", "-shm", "-journal"):
        make_private(path.with_name(path.name + suffix))


def memory_engine() -> Engine:
    """A migrated in-memory database (used by tests and tools)."""
    engine = make_engine(":memory:")
    _use_explicit_transactions(engine)
    upgrade(engine)
    return engine


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run Alembic's upgrade to `revision` in one transaction, foreign keys checked at the end.

    Then the -wal file is checkpointed into the database file, so the schema (and the
    application id) is in the main file even if the process is killed right after.
    """
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None  # an open connection always has its driver's connection
        raw.execute("PRAGMA foreign_keys = OFF")  # batch migrations rebuild tables
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
                if broken is not None:
                    raise RuntimeError(f"migration left a broken reference: {tuple(broken)}")
        finally:
            raw.execute("PRAGMA foreign_keys = ON")
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def stored_revision(bind: Engine | Connection) -> str | None:
    """The Alembic revision the database holds (None: not one of ours yet)."""
    from sqlalchemy import Connection

    if not isinstance(bind, Connection):
        with bind.connect() as connection:
            return stored_revision(connection)
    has_table = bind.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).first()
    if not has_table:
        return None
    row = bind.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    return str(row[0]) if row else None
