"""Privacy subcommands: `encrypt`, `change-passphrase` and `decrypt`.

A new passphrase comes from `--new-passphrase-file FILE` (encrypt also takes
`--passphrase-file` or $MENTOR_DESKTOP_PASSPHRASE) or is asked twice on the terminal, with
its strength shown. The recovery key is printed after the words "Recovery key:".
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mentor_desktop.cli_secrets import ask, given_secret, read_secret_file, unlock_if_encrypted
from mentor_desktop.domain.errors import MentorDesktopError
from mentor_desktop.paths import data_dir, resolve_db_path

PLAIN_EXPORT_NOTE = (
    "Note: the export is plain text. The database is encrypted, but the exported files are "
    "not: anyone who can read them can read your entries."
)


def warn_plain_export(db_path: Path) -> None:
    from mentor_desktop.services.database_file import is_encrypted

    if is_encrypted(db_path):
        print(PLAIN_EXPORT_NOTE, file=sys.stderr)


def _service(db_path: Path):  # -> PrivacyService
    from mentor_desktop.services.backups import BackupService
    from mentor_desktop.services.privacy import PrivacyService

    backups = BackupService(db_path, data_dir() / "backups")
    return PrivacyService(
        db_path, lambda: [info.path for info in backups.list_backups(check=False)]
    )


def _new_passphrase(
    file: str | None, env_allowed: bool, args: argparse.Namespace
) -> tuple[str, str]:
    if file:
        secret = read_secret_file(file)
        return secret, secret
    if env_allowed and (given := given_secret(args)) is not None:
        return given, given
    from mentor_desktop.services.passphrase import strength

    first = ask("New passphrase: ")
    found = strength(first)
    print(f"Strength: {found.label}. {found.advice}".strip(), file=sys.stderr)
    return first, ask("The same passphrase again: ")


def _report(result, action: str, db_path: Path) -> None:  # result: PrivacyResult
    from mentor_desktop.services.privacy import NO_WAY_BACK

    print(f"{action} {db_path}.")
    if result.backups_rewritten or result.backups_removed:
        print(f"Backups: {result.backups_rewritten} rewritten, {result.backups_removed} removed.")
    for path, reason in result.backups_failed:
        print(f"Backup {path} was left as it was: {reason}", file=sys.stderr)
    if result.recovery_key:
        print(f"Recovery key: {result.recovery_key}")
        print(NO_WAY_BACK)


def _cmd_encrypt(args: argparse.Namespace) -> int:
    db_path = resolve_db_path(args.db)
    _require_database(db_path)
    passphrase, repeated = _new_passphrase(args.new_passphrase_file, True, args)
    result = _service(db_path).encrypt(
        passphrase, repeated, remove_plain_backups=args.remove_plain_backups
    )
    _report(result, "Encrypted", db_path)
    return 0


def _cmd_change(args: argparse.Namespace) -> int:
    db_path = resolve_db_path(args.db)
    _require_encrypted(db_path)
    unlock_if_encrypted(args, db_path)
    passphrase, repeated = _new_passphrase(args.new_passphrase_file, False, args)
    result = _service(db_path).change_passphrase(passphrase, repeated)
    _report(result, "Changed the passphrase of", db_path)
    print("The old passphrase and the old recovery key no longer open it.")
    return 0


def _cmd_decrypt(args: argparse.Namespace) -> int:
    db_path = resolve_db_path(args.db)
    _require_encrypted(db_path)
    unlock_if_encrypted(args, db_path)
    result = _service(db_path).decrypt()
    _report(result, "Decrypted", db_path)
    print("The database and its backups are plain SQLite files again.")
    return 0


def _require_database(db_path: Path) -> None:
    if not db_path.is_file():
        raise MentorDesktopError(f"There is no database at {db_path} to encrypt.")


def _require_encrypted(db_path: Path) -> None:
    from mentor_desktop.services.database_file import is_encrypted

    _require_database(db_path)
    if not is_encrypted(db_path):
        raise MentorDesktopError(f"{db_path} is not encrypted.")


def _new_file_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--new-passphrase-file",
        metavar="FILE",
        help="read the new passphrase from FILE's first line instead of asking twice",
    )


def add_privacy_commands(commands: argparse._SubParsersAction) -> None:
    encrypt = commands.add_parser(
        "encrypt",
        help="encrypt the database (and its backups) with a passphrase",
        description="Encrypt the database and its backups with a passphrase, and print a "
        "recovery key. Without both, nobody can open the database again.",
    )
    _new_file_option(encrypt)
    encrypt.add_argument(
        "--remove-plain-backups",
        action="store_true",
        help="delete the plain backups instead of encrypting them",
    )
    encrypt.set_defaults(handler=_cmd_encrypt)
    change = commands.add_parser(
        "change-passphrase",
        help="change the passphrase of an encrypted database (a new recovery key too)",
        description="Re-encrypt the database and its backups with a new passphrase and "
        "print the new recovery key; the old passphrase and recovery key stop working.",
    )
    _new_file_option(change)
    change.set_defaults(handler=_cmd_change)
    decrypt = commands.add_parser(
        "decrypt",
        help="write the encrypted database (and its backups) back as plain files",
        description="Decrypt the database and its backups into plain SQLite files.",
    )
    decrypt.set_defaults(handler=_cmd_decrypt)
