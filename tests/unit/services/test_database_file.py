"""What the command line asks of a database file before opening it."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest

from mentor_desktop.domain.errors import DatabaseOpenError
from mentor_desktop.services.database_file import (
    describe_os_error,
    is_encrypted,
    needs_passphrase,
    refuse_if_not_a_database,
)
from mentor_desktop.services.privacy import PrivacyService, unlock_or_raise
from mentor_desktop.storage import cipher
from tests.factories import TEST_PASSPHRASE


@pytest.fixture(autouse=True)
def _no_keys_known():
    cipher.forget_all()
    yield
    cipher.forget_all()


def plain_database(path: Path) -> Path:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE t (x)")
    connection.close()
    return path


def test_a_plain_database_is_not_encrypted_and_needs_no_passphrase(tmp_path: Path) -> None:
    path = plain_database(tmp_path / "plain.sqlite3")
    assert not is_encrypted(path) and not needs_passphrase(path)
    assert not is_encrypted(tmp_path / "missing.sqlite3")


def test_an_encrypted_database_needs_its_passphrase_until_unlocked(tmp_path: Path) -> None:
    path = plain_database(tmp_path / "secret.sqlite3")
    PrivacyService(path, list).encrypt(TEST_PASSPHRASE, TEST_PASSPHRASE)
    cipher.forget_all()
    assert is_encrypted(path) and needs_passphrase(path)
    unlock_or_raise(path, TEST_PASSPHRASE)
    assert is_encrypted(path) and not needs_passphrase(path)


def test_a_file_that_is_not_a_database_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("shopping list\n" * 10)
    with pytest.raises(DatabaseOpenError):
        refuse_if_not_a_database(path)
    assert path.read_text() == "shopping list\n" * 10


def test_an_os_error_is_told_in_words() -> None:
    assert describe_os_error(OSError(errno.ENOSPC, "No space left")) == "the disk is full"
