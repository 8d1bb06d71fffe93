"""Copies of a database made with SQLite's online backup API, and checks of such copies.

A live database is never copied file by file: the backup API reads a consistent snapshot
while the app keeps writing (WAL lets readers and one writer work side by side).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mentor_desktop.domain.errors import (
    DatabaseOpenError,
    FileWriteError,
    ImportFormatError,
    NotADatabaseError,
)
from mentor_desktop.storage import cipher
from mentor_desktop.storage.engine import connect_read_only, inspect_database
from mentor_desktop.storage.files import describe_os_error, new_folders_private, replacing

#: Tables counted in a backup's summary when they exist (label, table).
COUNTED_TABLES: tuple[tuple[str, str], ...] = (
    ("entries", "journal_entry"),
    ("goals", "goal"),
    ("sessions", "session"),
)

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BackupCheck:
    """What a backup file holds: its schema revision and the number of rows that matter."""

    revision: str | None
    counts: dict[str, int]


def backup_database(source: Path, target: Path, progress: Progress | None = None) -> None:
    """Copy the database at `source` into a new file `target` with the online backup API.

    The copy is written next to `target` by the one file writer (`storage.files`): in
    rollback-journal mode (a single self-contained file), fsynced, 0600, and renamed into
    place only when complete, so a crash or a full disk leaves no half backup and an older
    file at `target` untouched. Raises FileWriteError (cannot write) or DatabaseOpenError
    (cannot read `source`).
    """
    try:
        new_folders_private(target.parent)
    except OSError as exc:
        raise FileWriteError(
            target, f"its folder cannot be made ({describe_os_error(exc)})."
        ) from exc
    existed = target.is_file()
    try:
        with replacing(target, check=_looks_like_sqlite) as partial:
            try:
                _copy(source, partial, progress)
            finally:
                partial.with_name(partial.name + "-journal").unlink(missing_ok=True)
    except cipher.driver_errors() as exc:
        if "full" in str(exc).lower():
            tail = (
                "The earlier file there was kept as it was." if existed else "Nothing was written."
            )
            raise FileWriteError(target, f"the disk is full. {tail}") from exc
        raise DatabaseOpenError(source, f"the backup could not be made ({exc}).") from exc


def _copy(source: Path, partial: Path, progress: Progress | None) -> None:
    src = connect_read_only(source)
    try:
        dst = cipher.connect(partial, key=cipher.key_for(source))  # an encrypted source's key
        try:
            src.backup(dst, progress=_adapt(progress))  # type: ignore[arg-type]  # sqlcipher3's connection is untyped
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def _looks_like_sqlite(path: Path) -> None:
    """A plain backup starts with the SQLite header; an encrypted one opens with its key."""
    with path.open("rb") as handle:
        start = handle.read(16)
    if start == b"SQLite format 3\x00":
        return
    key = cipher.key_for(path)
    if key is None or not cipher.opens_with(path, key):
        raise ValueError("the backup written is not an SQLite file")


def copy_into(source: Path, target: Path) -> None:
    """Replace the contents of the database `target` (live or new) with those of `source`.

    One backup-API step inside SQLite's own transaction: other connections to `target`
    see either the old or the new data, never a mix.
    """
    src = connect_read_only(source)
    try:
        dst = cipher.connect(target, key=cipher.key_for(source), timeout=10)
        try:
            src.backup(dst)  # type: ignore[arg-type]  # sqlcipher3's connection is untyped
        finally:
            dst.close()
    except cipher.driver_errors() as exc:
        raise DatabaseOpenError(target, f"the backup could not be restored ({exc}).") from exc
    finally:
        src.close()


def check_backup(path: Path) -> BackupCheck:
    """Open `path` read-only and check that it is a sound Mentor Desktop database.

    The same checks as opening the database (`storage.engine.inspect_database`), so a
    database whose newest pages are still in its -wal file is accepted. Raises
    ImportFormatError naming the file when it is missing, not a database, another
    program's database, blank or damaged. The file is never written.
    """
    if not path.is_file():
        raise ImportFormatError(path, "the file does not exist.")
    try:
        facts = inspect_database(path, count_tables=COUNTED_TABLES, not_changed="")
    except NotADatabaseError as exc:
        raise ImportFormatError(path, "it is not a Mentor Desktop database or backup.") from exc
    except DatabaseOpenError as exc:
        raise ImportFormatError(path, exc.reason) from exc
    if not facts.is_ours:
        raise ImportFormatError(path, "it is a blank SQLite file, not a Mentor Desktop backup.")
    return BackupCheck(revision=facts.revision, counts=facts.counts)


def _adapt(progress: Progress | None) -> Callable[[int, int, int], None] | None:
    if progress is None:
        return None

    def report(_status: int, remaining: int, total: int) -> None:
        progress(total - remaining, total)

    return report


class SchemaUpgradeError(Exception):
    """A database whose schema could not be brought up to this version's (the reason)."""


def upgrade_schema(path: Path) -> None:
    """Bring the database at `path` up to this version's schema: open it once, then close.

    Raises SchemaUpgradeError when a migration fails, DatabaseOpenError when it cannot be
    opened at all.
    """
    from sqlalchemy.exc import SQLAlchemyError

    from mentor_desktop.storage.migrate import open_database

    try:
        open_database(path).dispose()
    except (SQLAlchemyError, RuntimeError) as exc:
        raise SchemaUpgradeError(str(exc)) from exc
