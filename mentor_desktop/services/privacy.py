"""Encrypting the database, changing its passphrase and decrypting it, backups included.

Each operation closes the database (`release`), writes a rewritten copy beside it, checks
the copy and renames it into place (`storage.encryption`), then does the same to every
backup in the backup folder, and reopens the database (`reopen`). Until that rename the
original is untouched, so a failure or a crash leaves it as it was. The passphrase is only
used to derive the key and is never kept, logged or written anywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from mentor_desktop.domain.errors import (
    EncryptedDatabaseError,
    MentorDesktopError,
    WrongPassphraseError,
)
from mentor_desktop.services.passphrase import check_new_passphrase
from mentor_desktop.storage import cipher
from mentor_desktop.storage.cipher import DatabaseKey
from mentor_desktop.storage.encryption import (
    check_copy,
    copy_path,
    export_copy,
    pages_problems,
    rekey_file,
    remove_copy,
    replace_with_copy,
)

#: What the app says wherever a recovery key is shown.
NO_WAY_BACK = (
    "Without the passphrase and without this recovery key nobody can open the database: "
    "not you, not Mentor Desktop, not anyone. Keep the key somewhere safe, away from the "
    "computer (print the recovery sheet, or keep it in a password manager)."
)

Step = Callable[[str], None]


def _no_step(_text: str) -> None:
    return None


@dataclass(frozen=True)
class PrivacyResult:
    """What an operation did: the new recovery key (empty after decrypting) and the backups."""

    recovery_key: str = field(repr=False)
    backups_rewritten: int = 0
    backups_removed: int = 0
    #: Backups that could not be rewritten, with the reason (left as they were).
    backups_failed: tuple[tuple[Path, str], ...] = ()


class PrivacyService:
    """Encryption of the database at `db_path` and of the backups `backup_files` lists.

    `release` closes every connection the app holds (so the file can be replaced) and
    `reopen` opens the database again after; in a command line both do nothing.
    """

    def __init__(
        self,
        db_path: Path,
        backup_files: Callable[[], list[Path]] = list,
        release: Callable[[], None] = lambda: None,
        reopen: Callable[[], None] = lambda: None,
    ) -> None:
        self.db_path = db_path
        self._backup_files = backup_files
        self._release = release
        self._reopen = reopen

    # ---------------------------------------------------------------- state

    def is_encrypted(self) -> bool:
        return cipher.looks_encrypted(self.db_path)

    def needs_unlock(self) -> bool:
        """True for an encrypted file whose key this process does not know yet."""
        return self.is_encrypted() and cipher.key_for(self.db_path) is None

    def unlock(self, secret: str) -> bool:
        """Unlock the file with a passphrase or recovery key (only read, never changed).

        True too when the file is damaged but its newest backup opens with `secret`:
        opening then reports the damage and offers that backup.
        """
        return cipher.unlock(self.db_path, secret, self._newest_first()) is not None

    def _newest_first(self) -> list[Path]:
        try:
            files = [path for path in self._backup_files() if path.is_file()]
        except OSError:
            return []
        return sorted(files, key=lambda path: path.stat().st_mtime, reverse=True)

    def damage_found(self) -> str:
        """Check every page of the encrypted database (slow: run it off the GUI thread);
        a message about the damage found, empty when the file is sound."""
        problems = pages_problems(self.db_path)
        if not problems:
            return ""
        return (
            f"The database {self.db_path} is damaged ({problems[0]}). Nothing more was "
            "written to the damaged part. Restore the latest good backup (File > Backups…) "
            "to go on; the damaged file is kept aside."
        )

    def current_key(self) -> DatabaseKey:
        key = cipher.key_for(self.db_path)
        if key is None:
            raise EncryptedDatabaseError(self.db_path, "it is not unlocked in this window.")
        return key

    def plain_backup_count(self) -> int:
        """How many backups in the backup folder are plain (readable without a key)."""
        return sum(
            1
            for path in self._backup_files()
            if path.is_file() and not cipher.looks_encrypted(path)
        )

    def check_secret(self, secret: str) -> bool:
        """True when `secret` (passphrase or recovery key) opens the database, as the key
        in use; the file is only read."""
        key = cipher.key_for(self.db_path)
        if key is None or not secret:
            return False
        return any(candidate == key for candidate in cipher.keys_from_secret(secret, key.salt))

    # ---------------------------------------------------------------- operations

    def encrypt(
        self,
        passphrase: str,
        repeated: str,
        remove_plain_backups: bool = False,
        step: Step = _no_step,
    ) -> PrivacyResult:
        """Encrypt the plain database with `passphrase` (typed twice); the plain backups are
        encrypted too, or deleted with `remove_plain_backups`."""
        check_new_passphrase(passphrase, repeated)
        if self.is_encrypted():
            raise MentorDesktopError(f"{self.db_path} is already encrypted.")
        step("Deriving the key from the passphrase…")
        key = cipher.new_key(passphrase)
        self._rewrite_database(key, step)
        return self._rewrite_backups(key, key.recovery_key, remove_plain_backups, step)

    def change_passphrase(
        self, passphrase: str, repeated: str, step: Step = _no_step
    ) -> PrivacyResult:
        """Re-encrypt the unlocked database (and its backups) with a new passphrase; the old
        passphrase and the old recovery key stop working."""
        check_new_passphrase(passphrase, repeated)
        self.current_key()
        step("Deriving the key from the passphrase…")
        key = cipher.new_key(passphrase)
        self._rewrite_database(key, step)
        return self._rewrite_backups(key, key.recovery_key, False, step)

    def decrypt(self, step: Step = _no_step) -> PrivacyResult:
        """Write the unlocked database (and its backups) back as plain SQLite files."""
        old = self.current_key()
        self._rewrite_database(None, step)
        result = self._rewrite_backups(None, "", False, step)
        cipher.forget(old)
        return result

    # ---------------------------------------------------------------- steps

    def _rewrite_database(self, key: DatabaseKey | None, step: Step) -> None:
        copy = copy_path(self.db_path)
        self._release()
        try:
            step("Writing the new copy…")
            export_copy(self.db_path, copy, key)
            step("Checking the new copy…")
            check_copy(self.db_path, copy, key)
            step("Putting the new copy in place…")
            replace_with_copy(copy, self.db_path)
        except BaseException:
            remove_copy(copy)
            self._reopen()
            raise
        if key is not None:
            cipher.remember(key)
        self._reopen()

    def _rewrite_backups(
        self, key: DatabaseKey | None, recovery_key: str, remove_plain: bool, step: Step
    ) -> PrivacyResult:
        rewritten = removed = 0
        failed: list[tuple[Path, str]] = []
        files = [path for path in self._backup_files() if path.is_file()]
        for number, path in enumerate(files, start=1):
            step(f"Backups: {number} of {len(files)}…")
            plain = not cipher.looks_encrypted(path)
            if plain and remove_plain:
                path.unlink(missing_ok=True)
                removed += 1
                continue
            if not plain and cipher.key_for(path) is None:
                failed.append((path, "it is encrypted with a passphrase this window does not know"))
                continue
            if cipher.key_for(path) == key and not plain:
                continue
            try:
                rekey_file(path, key)
            except MentorDesktopError as exc:
                failed.append((path, str(exc)))
            else:
                rewritten += 1
        return PrivacyResult(recovery_key, rewritten, removed, tuple(failed))


def unlock_or_raise(path: Path, secret: str) -> DatabaseKey:
    """Unlock the encrypted `path` with a passphrase or recovery key for this process.

    Raises WrongPassphraseError (the file is only read, never changed) when it does not open.
    """
    key = cipher.unlock(path, secret)
    if key is None:
        raise WrongPassphraseError(
            path,
            "the passphrase or recovery key is wrong (or the file is not a Mentor Desktop "
            "database). The file was not changed.",
        )
    return key
