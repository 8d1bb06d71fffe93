"""What the command line asks of a database file before (or instead of) opening it.

Each question reads a few bytes of the file, or none; nothing here imports SQLAlchemy, so the
quick read-only commands and the window's start stay lean. Opening the database itself is
`app.open_services`.
"""

from __future__ import annotations

from pathlib import Path

from mentor_desktop.storage import cipher


def is_encrypted(path: Path) -> bool:
    """True for a file that looks like an encrypted database."""
    return cipher.looks_encrypted(path)


def needs_passphrase(path: Path) -> bool:
    """True for an encrypted database this process holds no key for yet."""
    return cipher.looks_encrypted(path) and cipher.key_for(path) is None


def refuse_if_not_a_database(path: Path) -> None:
    """Check `path` without writing to it; raises DatabaseOpenError for a damaged file or
    one that is not this app's database."""
    from mentor_desktop.storage.engine import read_stored_revision

    read_stored_revision(path)


def describe_os_error(exc: OSError) -> str:
    """Words for what went wrong with a file ("the disk is full"), without a path."""
    from mentor_desktop.storage.files import describe_os_error as describe

    return describe(exc)
