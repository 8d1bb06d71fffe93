"""Errors the layers raise and the UI and CLI turn into clear messages."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path


class MentorDesktopError(Exception):
    """Base of every error that is meant to be shown to the user as a message."""


class ValidationError(MentorDesktopError):
    """Input that breaks a rule; `errors` maps a field name to a message for that field."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors: dict[str, str] = dict(errors)
        super().__init__("; ".join(self.errors.values()))

    @classmethod
    def single(cls, field: str, message: str) -> ValidationError:
        return cls({field: message})


class NotFoundError(MentorDesktopError):
    """The record asked for does not exist (any more)."""

    def __init__(self, kind: str, record_id: int) -> None:
        self.kind = kind
        self.record_id = record_id
        super().__init__(f"{kind} #{record_id} does not exist (it may have been deleted).")


class DatabaseOpenError(MentorDesktopError):
    """The database file cannot be used; the file has been left untouched."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"Cannot open {path}: {reason}")


class NotADatabaseError(DatabaseOpenError):
    """The file is not an SQLite database at all."""


class ForeignDatabaseError(DatabaseOpenError):
    """The file is an SQLite database, but not one written by Mentor Desktop."""


class DatabaseTooNewError(DatabaseOpenError):
    """The database was written by a newer version of Mentor Desktop."""


class DamagedDatabaseError(DatabaseOpenError):
    """The database file is damaged or truncated; it has not been written to."""


class ReadOnlyDatabaseError(DatabaseOpenError):
    """The database file (or its folder) cannot be written; it has been left as it is."""


class ImportFormatError(MentorDesktopError):
    """A file given to an importer (or a backup to restore) is not what it should be.

    `path` names the file; `where` the entry or line when one is to blame.
    """

    def __init__(self, path: Path, reason: str, where: str = "") -> None:
        self.path = path
        self.reason = reason
        self.where = where
        location = f" ({where})" if where else ""
        super().__init__(f"{path}{location}: {reason}")
