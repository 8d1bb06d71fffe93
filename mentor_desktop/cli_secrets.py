"""Passphrases on the command line: from a file, the environment, or the terminal.

`--passphrase-file FILE` (its first line) comes first, then $MENTOR_DESKTOP_PASSPHRASE (the
less safe way, for scripts: other programs of the same user may read the environment), then
a prompt on the terminal that does not echo. A recovery key is accepted wherever a
passphrase is. Nothing read here is ever printed or logged.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from mentor_desktop.domain.errors import MentorDesktopError

PASSPHRASE_ENV_VAR = "MENTOR_DESKTOP_PASSPHRASE"


def read_secret_file(text: str) -> str:
    path = Path(text).expanduser()
    try:
        content = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise MentorDesktopError(f"Cannot read the passphrase file {path} ({exc}).") from exc
    first = content.splitlines()[0] if content else ""
    if not first:
        raise MentorDesktopError(f"The passphrase file {path} is empty.")
    return first


def given_secret(args: argparse.Namespace) -> str | None:
    """The passphrase given without a prompt (file, then environment), else None."""
    file = getattr(args, "passphrase_file", None)
    if file:
        return read_secret_file(file)
    value = os.environ.get(PASSPHRASE_ENV_VAR, "")
    return value or None


def ask(prompt: str) -> str:
    """Ask on the terminal without echo; refuses when there is no terminal."""
    if not sys.stdin.isatty():
        raise MentorDesktopError(
            "The database is encrypted and there is no terminal to ask for its passphrase: "
            f"give --passphrase-file FILE or set {PASSPHRASE_ENV_VAR}."
        )
    import getpass  # only when asking: it loads the terminal's modules

    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise MentorDesktopError("No passphrase was given.") from None


def unlock_if_encrypted(args: argparse.Namespace, db_path: Path) -> None:
    """Unlock `db_path` for this process when it is encrypted; raises WrongPassphraseError
    (exit status 2, the file unchanged) when the passphrase or recovery key is wrong."""
    from mentor_desktop.services.database_file import needs_passphrase

    if not needs_passphrase(db_path):
        return
    from mentor_desktop.services.privacy import unlock_or_raise

    secret = given_secret(args)
    if secret is None:
        secret = ask(f"Passphrase or recovery key for {db_path.name}: ")
    unlock_or_raise(db_path, secret)


def unlock_if_given(args: argparse.Namespace, db_path: Path) -> None:
    """Before the window opens: unlock with a passphrase given by file or environment (a
    wrong one ends the start with a message); without one, the window asks."""
    from mentor_desktop.services.database_file import is_encrypted

    secret = given_secret(args)
    if secret is not None and is_encrypted(db_path):
        unlock_if_encrypted(args, db_path)


def add_passphrase_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help="read the passphrase (or recovery key) of an encrypted database from FILE's "
        f"first line (else ${PASSPHRASE_ENV_VAR}, else it is asked for)",
    )
