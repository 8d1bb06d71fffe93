"""Rewriting a database file with another key (or none): a checked copy, then one rename.

Encrypting, changing the passphrase and decrypting all work the same way: SQLCipher's
`sqlcipher_export` writes every table, index, trigger and the search index into a new file
beside the original (`<name>.rekeying`), the copy is checked (integrity, application id,
every table's row count, the search index and a search), and only then does one atomic
rename put it in the original's place. A failure, or the process being killed, at any step
before that rename leaves the original exactly as it was; a stale copy is removed the next
time.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from mentor_desktop.domain.errors import MentorDesktopError
from mentor_desktop.storage import cipher
from mentor_desktop.storage.cipher import DatabaseKey

COPY_SUFFIX = ".rekeying"
_SIDECARS = ("-wal", "-shm", "-journal")
SEARCH_TABLE = "journal_search"


class RekeyError(MentorDesktopError):
    """The rewritten copy could not be made or did not check out; the original is unchanged."""


def copy_path(original: Path) -> Path:
    return original.with_name(original.name + COPY_SUFFIX)


def remove_copy(path: Path) -> None:
    """Delete a (stale or failed) copy and its sidecar files."""
    for name in (path, *(path.with_name(path.name + s) for s in _SIDECARS)):
        name.unlink(missing_ok=True)


def export_copy(source: Path, target: Path, target_key: DatabaseKey | None) -> None:
    """Write everything in `source` (keyed with its remembered key, if encrypted) into the
    new file `target`, encrypted with `target_key`, or plain when it is None."""
    remove_copy(target)
    source_key = cipher.key_for(source)
    module = cipher.cipher_module()
    try:
        connection = module.connect(os.fspath(target), isolation_level=None)
        try:
            if target_key is not None:
                cipher.apply_key(connection, target_key)
            attach_key = source_key.pragma_value if source_key is not None else ""
            connection.execute("ATTACH DATABASE ? AS source KEY ?", (os.fspath(source), attach_key))
            connection.execute("SELECT sqlcipher_export('main', 'source')")
            application_id = int(connection.execute("PRAGMA source.application_id").fetchone()[0])
            user_version = int(connection.execute("PRAGMA source.user_version").fetchone()[0])
            connection.execute("DETACH DATABASE source")
            connection.execute(f"PRAGMA main.application_id = {application_id}")
            connection.execute(f"PRAGMA main.user_version = {user_version}")
        finally:
            connection.close()
    except module.Error as exc:
        remove_copy(target)
        raise RekeyError(f"The copy of {source} could not be written ({exc}).") from exc


def _table_counts(connection: cipher.DriverConnection) -> dict[str, int]:
    names = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        name: int(connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])
        for name in names
    }


def _facts(path: Path, key: DatabaseKey | None) -> tuple[int, dict[str, int], int | None]:
    """(application id, rows per table, matches of a sample search) of `path`."""
    connection = cipher.connect(path, key=key, read_only=True)
    try:
        application_id = int(connection.execute("PRAGMA application_id").fetchone()[0])
        counts = _table_counts(connection)
        matches = None
        if SEARCH_TABLE in counts:
            word = _sample_word(connection)
            if word:
                matches = int(
                    connection.execute(
                        f"SELECT count(*) FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH ?",
                        (f'"{word}"',),
                    ).fetchone()[0]
                )
        return application_id, counts, matches
    finally:
        connection.close()


def _sample_word(connection: cipher.DriverConnection) -> str:
    row = connection.execute(
        "SELECT title || ' ' || body FROM journal_entry ORDER BY id LIMIT 1"
    ).fetchone()
    words = re.findall(r"[^\W_]{3,}", row[0] if row else "")
    return str(words[0]) if words else ""


def check_copy(source: Path, target: Path, target_key: DatabaseKey | None) -> None:
    """Raise RekeyError unless `target` holds what `source` holds: a sound file with the
    same application id, the same number of rows in every table, a search index that
    agrees with the text, and the same answer to a search."""
    module = cipher.cipher_module()
    try:
        connection = cipher.connect(target, key=target_key)
        try:
            problems = [row[0] for row in connection.execute("PRAGMA integrity_check(5)")]
            if problems != ["ok"]:
                raise RekeyError(f"The new copy is not sound ({problems[0]}).")
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
            if SEARCH_TABLE in tables:
                connection.execute(
                    f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}, rank) "
                    "VALUES ('integrity-check', 1)"
                )
                connection.commit()
        finally:
            connection.close()
        expected = _facts(source, cipher.key_for(source))
        found = _facts(target, target_key)
    except (module.Error, *cipher.driver_errors()) as exc:
        raise RekeyError(f"The new copy could not be checked ({exc}).") from exc
    if found != expected:
        differing = sorted(
            name
            for name in set(expected[1]) | set(found[1])
            if expected[1].get(name) != found[1].get(name)
        )
        what = ", ".join(differing) if differing else "its search index or header"
        raise RekeyError(f"The new copy differs from the database ({what}).")


def pages_problems(path: Path) -> list[str]:
    """`PRAGMA quick_check` of the whole (encrypted) file: what it found, empty when sound."""
    module = cipher.cipher_module()
    try:
        connection = cipher.connect(path, read_only=True)
        try:
            rows = [str(row[0]) for row in connection.execute("PRAGMA quick_check(5)")]
        finally:
            connection.close()
    except (module.Error, *cipher.driver_errors()) as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def replace_with_copy(copy: Path, original: Path) -> None:
    """Put the checked `copy` in the place of `original` in one rename, flushed to disk.

    The original must be closed: with pages still in its -wal file (another window or
    command has it open) nothing is replaced.
    """
    wal = original.with_name(original.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise RekeyError(
            f"{original} is still open in another window or command; close it and try again. "
            "Nothing was changed."
        )
    if original.exists():
        os.chmod(copy, stat.S_IMODE(original.stat().st_mode))
    _fsync(copy)
    for suffix in ("-wal", "-shm"):
        original.with_name(original.name + suffix).unlink(missing_ok=True)
    os.replace(copy, original)
    _fsync_folder(original.parent)


def rekey_file(path: Path, new_key: DatabaseKey | None) -> None:
    """Rewrite the closed database or backup `path` with `new_key` (None: plain), checked,
    in place. Raises RekeyError, leaving `path` as it was."""
    copy = copy_path(path)
    export_copy(path, copy, new_key)
    try:
        check_copy(path, copy, new_key)
        replace_with_copy(copy, path)
    except BaseException:
        remove_copy(copy)
        raise


def _fsync(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
