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


class DiskFullAtOpenError(DatabaseOpenError):
    """The disk holding the database is full, so SQLite cannot open it (not damage)."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            "the disk holding it is full, so it cannot be opened. Free some space on that "
            "disk, then start again. The file was not changed; it is not damaged.",
        )


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


class StorageFailedError(MentorDesktopError):
    """The database could not be read or written for a reason outside the app.

    The person can act on it (wait, free space, fix permissions); nothing was changed and
    trying again may work. The unit of work raises one of the subclasses below; `action`
    names what was being done ("save the text") when a service knows it.
    """

    #: What went wrong, in words that fit this kind of failure.
    default_reason = "the database could not be used"
    #: What the person can do about it.
    advice = "Nothing was changed; try again."

    def __init__(self, action: str = "", reason: str = "") -> None:
        self.action = action
        self.reason = reason or self.default_reason
        if action:
            message = f"Could not {action}: {self.reason}."
        else:
            message = f"{self.reason[:1].upper()}{self.reason[1:]}."
        super().__init__(message)

    def doing(self, action: str) -> StorageFailedError:
        """The same failure, naming `action`; keeps the original cause."""
        again = type(self)(action, self.reason)
        again.__cause__ = self.__cause__
        return again


class DatabaseBusyError(StorageFailedError):
    """Another program holds a lock on the database (SQLITE_BUSY / SQLITE_LOCKED)."""

    default_reason = "the database is busy (another program is using it)"
    advice = "Nothing was changed. Close the other program or wait a moment, then try again."


class DatabaseReadOnlyError(StorageFailedError):
    """The database file (or its folder) cannot be written any more (SQLITE_READONLY)."""

    default_reason = "the database file cannot be written (it or its folder is read-only)"
    advice = "Nothing was changed. Make the file and its folder writable, then try again."


class DiskFullError(StorageFailedError):
    """The disk holding the database is full (SQLITE_FULL)."""

    default_reason = "the disk is full"
    advice = "Nothing was changed. Free some space on the disk, then try again."


class DiskIOError(StorageFailedError):
    """The operating system reported an error reading or writing the file (SQLITE_IOERR)."""

    default_reason = "the disk reported an error while reading or writing the database"
    advice = (
        "Nothing was changed. Check that the disk is still connected and healthy, then try again."
    )


class DatabaseCorruptError(StorageFailedError):
    """SQLite found damage in the open database (SQLITE_CORRUPT / SQLITE_NOTADB)."""

    default_reason = "part of the database file is damaged"
    advice = "Nothing was changed. Quit, then restore a backup (File > Backups) or check the disk."


class FileWriteError(MentorDesktopError, OSError):
    """A document could not be written whole; `target` names it and any older file there
    was left as it was. Also an OSError, so code that catches OSError shows it too."""

    def __init__(self, target: Path, reason: str) -> None:
        self.target = target
        self.reason = reason
        MentorDesktopError.__init__(self, f"Cannot write {target}: {reason}")

    def __str__(self) -> str:
        return f"Cannot write {self.target}: {self.reason}"


class EncryptedDatabaseError(DatabaseOpenError):
    """The file is encrypted (or not a database at all) and no key for it was given."""


class WrongPassphraseError(DatabaseOpenError):
    """The passphrase or recovery key does not open the encrypted file (left unchanged)."""


class TextConflictError(MentorDesktopError):
    """A text was changed elsewhere (another window, the command line) after it was opened
    here; nothing was written. `theirs` is the record as it is stored now."""

    def __init__(self, what: str, theirs: object) -> None:
        self.what = what
        self.theirs = theirs
        super().__init__(
            f"{what} was changed elsewhere since you opened it here, so your text was not "
            "saved over it. Choose which text to keep."
        )
