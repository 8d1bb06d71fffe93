"""Encrypting a database: unreadable bytes, passphrase and recovery key, backups, failures."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from mentor_desktop.domain.errors import (
    EncryptedDatabaseError,
    ValidationError,
    WrongPassphraseError,
)
from mentor_desktop.services.backups import BackupService
from mentor_desktop.services.privacy import PrivacyService, unlock_or_raise
from mentor_desktop.storage import cipher, encryption
from mentor_desktop.storage.migrate import open_database
from tests.factories import DEMO_WORDS, TEST_PASSPHRASE, all_rows, write_demo_db

NEW_PASSPHRASE = "lighthouse-copper-meadow-seven"


@pytest.fixture(autouse=True)
def _no_keys_known():
    cipher.forget_all()
    yield
    cipher.forget_all()


@pytest.fixture(scope="module")
def plain_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_demo_db(tmp_path_factory.mktemp("plain") / "demo.sqlite3", years=1)


@pytest.fixture
def demo(plain_demo: Path, tmp_path: Path) -> Path:
    path = tmp_path / "data" / "demo.sqlite3"
    path.parent.mkdir()
    shutil.copyfile(plain_demo, path)
    return path


def service_for(path: Path) -> tuple[PrivacyService, BackupService]:
    backups = BackupService(path, path.parent / "backups")
    files = lambda: [info.path for info in backups.list_backups(check=False)]  # noqa: E731
    return PrivacyService(path, files), backups


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_encrypted_file_and_its_wal_and_backups_hold_no_demo_word(demo: Path) -> None:
    privacy, backups = service_for(demo)
    backups.backup_now()
    result = privacy.encrypt(TEST_PASSPHRASE, TEST_PASSPHRASE)
    assert result.backups_rewritten == 1
    engine = open_database(demo)  # opening writes through the -wal file
    from mentor_desktop.app import build_services

    build_services(engine).journal.create_entry(_draft())
    wal = demo.with_name(demo.name + "-wal")
    assert wal.stat().st_size > 0
    newest = backups.backup_now()
    files = [demo, wal, *(info.path for info in backups.list_backups(check=False))]
    for path in files:
        data = path.read_bytes()
        assert not data.startswith(b"SQLite format 3"), path
        for word in (*DEMO_WORDS, b"Secret words of my own"):
            assert word not in data, (path, word)
    engine.dispose()
    assert newest.counts["entries"] > 0
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(demo).execute("SELECT count(*) FROM sqlite_master").fetchone()


def _draft():
    from datetime import date

    from mentor_desktop.domain.journal import EntryDraft

    return EntryDraft(entry_date=date(2026, 6, 1), title="Secret words of my own", body="x")


def test_passphrase_and_recovery_key_each_open_it_for_search_brief_and_review(
    demo: Path,
) -> None:
    from mentor_desktop.app import build_services

    privacy, _backups = service_for(demo)
    recovery = privacy.encrypt(TEST_PASSPHRASE, TEST_PASSPHRASE).recovery_key
    assert len(recovery.replace("-", "")) == 64
    for secret in (TEST_PASSPHRASE, recovery, recovery.lower().replace("-", " ")):
        cipher.forget_all()
        with pytest.raises(EncryptedDatabaseError):
            open_database(demo)
        unlock_or_raise(demo, secret)
        engine = open_database(demo)
        try:
            services = build_services(engine)
            assert services.journal.search("feedback", limit=5)
            session = services.sessions.next_session()
            assert session is not None
            assert services.sessions.brief_data(session) is not None
            assert not services.timeline.review_data(None, None, None).is_empty
        finally:
            engine.dispose()


def test_a_wrong_passphrase_says_so_and_leaves_the_file_byte_identical(demo: Path) -> None:
    privacy, _backups = service_for(demo)
    privacy.encrypt(TEST_PASSPHRASE, TEST_PASSPHRASE)
    cipher.forget_all()
    before = digest(demo)
    for wrong in ("not it", TEST_PASSPHRASE.upper(), "0" * 64):
        with pytest.raises(WrongPassphraseError, match="wrong"):
            unlock_or_raise(demo, wrong)
    assert digest(demo) == before
    assert not demo.with_name(demo.name + "-wal").exists()


def test_encrypt_change_decrypt_round_trips_every_row(demo: Path) -> None:
    rows = all_rows(demo)
    privacy, backups = service_for(demo)
    backups.backup_now()
    first = privacy.encrypt(TEST_PASSPHRASE, TEST_PASSPHRASE)
    second = privacy.change_passphrase(NEW_PASSPHRASE, NEW_PASSPHRASE)
    assert second.recovery_key != first.recovery_key
    assert second.backups_rewritten == 1
    cipher.forget_all()
    for old in (TEST_PASSPHRASE, first.recovery_key):
        with pytest.raises(WrongPassphraseError):
            unlock_or_raise(demo, old)
    unlock_or_raise(demo, second.recovery_key)
    backup = backups.list_backups(check=True)[0]
    assert backup.ok and backup.counts["entries"] > 0  # the backup has the new key
    done = privacy.decrypt()
    assert done.recovery_key == "" and done.backups_rewritten == 1
    assert demo.read_bytes().startswith(b"SQLite format 3")
    assert all_rows(demo) == rows
    assert all_rows(backup.path) == rows
    assert not encryption.copy_path(demo).exists()


def test_plain_backups_can_be_removed_instead(demo: Path) -> None:
    privacy, backups = service_for(demo)
    backups.backup_now()
    result = privacy.encrypt(TEST_PASSPHRASE, TEST_PASSPHRASE, remove_plain_backups=True)
    assert (result.backups_removed, result.backups_rewritten) == (1, 0)
    assert backups.list_backups(check=False) == []


def test_encrypted_backups_restore_with_the_same_key(demo: Path) -> None:
    privacy, backups = service_for(demo)
    privacy.encrypt(TEST_PASSPHRASE, TEST_PASSPHRASE)
    rows = _decrypted_rows(demo)
    made = backups.backup_now()
    assert cipher.looks_encrypted(made.path)
    engine = open_database(demo)
    with engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM journal_entry_tag")
    engine.dispose()
    result = backups.restore(made.path)
    assert result.kept_aside is not None and cipher.looks_encrypted(result.kept_aside)
    assert _decrypted_rows(demo) == rows


def _decrypted_rows(path: Path) -> dict[str, list[tuple]]:
    key = cipher.key_for(path)
    assert key is not None
    plain = path.with_name("plain-view.sqlite3")
    encryption.export_copy(path, plain, None)
    try:
        return all_rows(plain)
    finally:
        encryption.remove_copy(plain)


def test_weak_or_mismatched_passphrases_are_refused_and_nothing_changes(demo: Path) -> None:
    privacy, _backups = service_for(demo)
    before = digest(demo)
    with pytest.raises(ValidationError) as weak:
        privacy.encrypt("password1", "password1")
    assert "passphrase" in weak.value.errors
    with pytest.raises(ValidationError) as differ:
        privacy.encrypt(TEST_PASSPHRASE, TEST_PASSPHRASE + "!")
    assert set(differ.value.errors) == {"repeated"}
    assert digest(demo) == before


def test_a_copy_that_does_not_check_out_leaves_the_original(demo, monkeypatch) -> None:
    privacy, _backups = service_for(demo)
    before = digest(demo)

    def broken(source: Path, target: Path, key) -> None:
        raise encryption.RekeyError("The new copy differs from the database (goal).")

    monkeypatch.setattr("mentor_desktop.services.privacy.check_copy", broken)
    with pytest.raises(encryption.RekeyError):
        privacy.encrypt(TEST_PASSPHRASE, TEST_PASSPHRASE)
    assert digest(demo) == before
    assert not encryption.copy_path(demo).exists()
    open_database(demo).dispose()


def test_the_check_compares_every_table(demo: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite3"
    encryption.export_copy(demo, copy, cipher.new_key(TEST_PASSPHRASE))
    key = cipher.unlock(copy, TEST_PASSPHRASE)
    assert key is not None
    encryption.check_copy(demo, copy, key)
    connection = cipher.connect(copy, key=key)
    connection.execute("DELETE FROM step WHERE id IN (SELECT id FROM step LIMIT 1)")
    connection.commit()
    connection.close()
    with pytest.raises(encryption.RekeyError, match="step"):
        encryption.check_copy(demo, copy, key)


def test_the_lock_screen_check_accepts_passphrase_and_recovery_key(demo: Path) -> None:
    privacy, _backups = service_for(demo)
    recovery = privacy.encrypt(TEST_PASSPHRASE, TEST_PASSPHRASE).recovery_key
    assert privacy.check_secret(TEST_PASSPHRASE)
    assert privacy.check_secret(recovery)
    assert not privacy.check_secret("nope")
    assert not privacy.check_secret("")


def test_a_damaged_encrypted_file_is_reported_as_damaged_and_its_backup_restores(
    demo: Path,
) -> None:
    from mentor_desktop.domain.errors import DamagedDatabaseError

    privacy, backups = service_for(demo)
    privacy.encrypt(TEST_PASSPHRASE, TEST_PASSPHRASE)
    made = backups.backup_now()
    with demo.open("r+b") as handle:  # scribble over the first page, past the salt
        handle.seek(100)
        handle.write(b"\xff" * 2000)
    cipher.forget_all()
    assert not cipher.unlock(demo, TEST_PASSPHRASE)  # alone, it cannot tell
    assert privacy.unlock("wrong passphrase") is False
    assert privacy.unlock(TEST_PASSPHRASE)  # its backup opens: the file is damaged
    with pytest.raises(DamagedDatabaseError):
        open_database(demo)
    backups.restore(made.path)
    engine = open_database(demo)
    engine.dispose()


def test_damage_deep_in_an_encrypted_file_is_found_by_the_whole_check(demo: Path) -> None:
    privacy, _backups = service_for(demo)
    privacy.encrypt(TEST_PASSPHRASE, TEST_PASSPHRASE)
    assert privacy.damage_found() == ""
    size = demo.stat().st_size
    with demo.open("r+b") as handle:  # one page near the end
        handle.seek(size - 3 * 4096 + 200)
        handle.write(b"\x00" * 64)
    message = privacy.damage_found()
    assert "damaged" in message and "File > Backups" in message
