"""Opening a file that is not a sound, writable Mentor Desktop database changes nothing."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from mentor_desktop.cli import main
from mentor_desktop.domain.errors import (
    DamagedDatabaseError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
)
from mentor_desktop.storage.migrate import open_database
from tests.factories import damage_page, fill_with_goals


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


@pytest.fixture
def filled_db(db_path: Path) -> Path:
    """A database with some rows in it, checkpointed into a single file."""
    return fill_with_goals(db_path)


def test_sound_database_opens(filled_db: Path) -> None:
    engine = open_database(filled_db)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM goal").scalar() == 300
    engine.dispose()


def test_not_a_database_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("These are my notes, not a database.\n" * 20)
    before = _digest(path)
    with pytest.raises(NotADatabaseError, match="not an SQLite file"):
        open_database(path)
    assert _digest(path) == before
    assert not any(p.exists() for p in _sidecars(path))


def test_truncated_database_is_refused_and_left_as_it_was(filled_db: Path) -> None:
    data = filled_db.read_bytes()
    filled_db.write_bytes(data[: len(data) // 2])
    before = _digest(filled_db)
    with pytest.raises(DamagedDatabaseError, match="truncated"):
        open_database(filled_db)
    assert _digest(filled_db) == before


def test_database_cut_inside_its_header_is_called_truncated(filled_db: Path) -> None:
    filled_db.write_bytes(filled_db.read_bytes()[:60])
    before = _digest(filled_db)
    with pytest.raises(DamagedDatabaseError, match="truncated"):
        open_database(filled_db)
    assert _digest(filled_db) == before


def test_damaged_page_is_found_by_quick_check_and_never_written(filled_db: Path) -> None:
    pages = filled_db.stat().st_size // 4096
    damage_page(filled_db, pages - 2)
    before = _digest(filled_db)
    with pytest.raises(DamagedDatabaseError, match="damaged"):
        open_database(filled_db)
    assert _digest(filled_db) == before


def test_read_only_database_is_refused_and_not_converted(filled_db: Path) -> None:
    with sqlite3.connect(filled_db) as connection:
        connection.execute("PRAGMA journal_mode = DELETE")
    connection.close()
    os.chmod(filled_db, 0o444)
    before = _digest(filled_db)
    try:
        with pytest.raises(ReadOnlyDatabaseError, match="read-only"):
            open_database(filled_db)
        assert _digest(filled_db) == before
        assert filled_db.read_bytes()[18:20] == b"\x01\x01"  # still not WAL
        assert not any(p.exists() for p in _sidecars(filled_db))
    finally:
        os.chmod(filled_db, 0o644)


@pytest.mark.parametrize("case", ["not a database", "truncated", "damaged", "read-only"])
def test_command_line_says_what_is_wrong_and_changes_nothing(
    case: str, filled_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "case.sqlite3"
    shutil.copyfile(filled_db, path)
    if case == "not a database":
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    elif case == "truncated":
        path.write_bytes(path.read_bytes()[:5000])
    elif case == "damaged":
        damage_page(path, path.stat().st_size // 4096 - 2)
    else:
        os.chmod(path, 0o444)
    before = _digest(path)
    try:
        code = main(["--db", str(path), "export", "--format", "json", "-o", str(tmp_path / "x")])
    finally:
        os.chmod(path, 0o644)
    err = capsys.readouterr().err
    assert code == 2
    assert str(path) in err and "Traceback" not in err
    expected = {
        "not a database": "not an SQLite file",
        "truncated": "truncated",
        "damaged": "damaged",
        "read-only": "read-only",
    }[case]
    assert expected in err
    assert _digest(path) == before
    assert not (tmp_path / "x").exists()


def test_window_start_on_a_damaged_file_reports_and_leaves_it(
    qapp, filled_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from mentor_desktop.app import run_gui

    damage_page(filled_db, filled_db.stat().st_size // 4096 - 2)
    before = _digest(filled_db)
    assert run_gui(filled_db, tmp_path / "settings.ini", quit_after_show=True) == 2
    assert "damaged" in capsys.readouterr().err
    assert _digest(filled_db) == before


# ---------------------------------------------------------------- pages still in the -wal


def _crash_copy(source: Path, target: Path, workdir: Path) -> None:
    """Leave at `target` what a crash before the first checkpoint leaves: a database file
    with only its first page (application id still 0) and everything else in its -wal."""
    work = workdir / "work.sqlite3"
    connection = sqlite3.connect(work, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA wal_autocheckpoint = 0")
    reader = sqlite3.connect(source)
    reader.backup(connection)
    reader.close()
    connection.execute(
        "INSERT INTO goal (title, kind, status, why, success_measure, position, created_at, "
        "updated_at) VALUES ('Only in the WAL', 'career', 'active', '', '', 0, "
        "'2026-01-01 00:00:00', '2026-01-01 00:00:00')"
    )
    shutil.copyfile(work, target)  # copied while the connection is open: as after a crash
    shutil.copyfile(work.with_name(work.name + "-wal"), target.with_name(target.name + "-wal"))
    connection.close()


def test_database_whose_newest_pages_are_in_the_wal_opens_with_them(
    filled_db: Path, tmp_path: Path
) -> None:
    from mentor_desktop.storage.backup import check_backup
    from mentor_desktop.storage.engine import read_stored_revision
    from mentor_desktop.storage.migrate import HEAD_REVISION

    crashed = tmp_path / "crashed.sqlite3"
    _crash_copy(filled_db, crashed, tmp_path)
    assert crashed.read_bytes()[68:72] == bytes(4)  # the file itself does not say it is ours
    assert read_stored_revision(crashed) == HEAD_REVISION
    assert check_backup(crashed).counts["goals"] == 301
    engine = open_database(crashed)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM goal").scalar() == 301
    engine.dispose()


def test_checkpoint_cut_short_is_not_taken_for_a_truncated_file(
    filled_db: Path, tmp_path: Path
) -> None:
    from mentor_desktop.storage.engine import read_stored_revision
    from mentor_desktop.storage.migrate import HEAD_REVISION

    crashed = tmp_path / "crashed.sqlite3"
    _crash_copy(filled_db, crashed, tmp_path)
    wal = crashed.with_name(crashed.name + "-wal")
    wal_bytes = wal.read_bytes()
    finished = tmp_path / "finished.sqlite3"  # what the checkpoint would have written
    shutil.copyfile(crashed, finished)
    shutil.copyfile(wal, finished.with_name(finished.name + "-wal"))
    checkpointer = sqlite3.connect(finished)
    checkpointer.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    checkpointer.close()
    whole = finished.read_bytes()
    assert len(whole) > 4 * 4096
    # The checkpoint wrote page 1 (which promises every page) and two more, then died.
    crashed.write_bytes(whole[: 3 * 4096])
    assert wal.read_bytes() == wal_bytes
    assert read_stored_revision(crashed) == HEAD_REVISION
    engine = open_database(crashed)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM goal").scalar() == 301
    engine.dispose()


def test_a_new_database_is_checkpointed_when_its_migration_ends(tmp_path: Path) -> None:
    from mentor_desktop.storage.engine import APPLICATION_ID

    path = tmp_path / "new.sqlite3"
    engine = open_database(path)
    try:
        wal = path.with_name(path.name + "-wal")
        assert not wal.exists() or wal.stat().st_size == 0
        assert int.from_bytes(path.read_bytes()[68:72], "big") == APPLICATION_ID
    finally:
        engine.dispose()


def test_another_programs_database_with_a_wal_is_refused_and_left_as_it_was(
    tmp_path: Path,
) -> None:
    from mentor_desktop.domain.errors import ForeignDatabaseError

    source = tmp_path / "source.sqlite3"
    with sqlite3.connect(source) as connection:
        connection.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    connection.close()
    path = tmp_path / "other.sqlite3"
    other = sqlite3.connect(source, isolation_level=None)
    other.execute("PRAGMA journal_mode = WAL")
    other.execute("PRAGMA wal_autocheckpoint = 0")
    other.execute("INSERT INTO photos (name) VALUES ('cat.jpg')")
    shutil.copyfile(source, path)
    wal = path.with_name(path.name + "-wal")
    shutil.copyfile(source.with_name(source.name + "-wal"), wal)
    other.close()
    before, wal_before = _digest(path), _digest(wal)
    with pytest.raises(ForeignDatabaseError, match="another program"):
        open_database(path)
    assert _digest(path) == before
    assert _digest(wal) == wal_before


# ---------------------------------------------------------------- the offer at start-up


@pytest.mark.parametrize(
    ("case", "label"),
    [
        ("not a database", "not-a-database"),
        ("another program", "other-program"),
        ("truncated", "damaged"),
    ],
)
def test_start_offers_the_newest_backup_for_a_file_it_cannot_open(
    case: str, label: str, filled_db: Path, tmp_path: Path, dialogs
) -> None:
    from mentor_desktop.app import _open_or_recover
    from mentor_desktop.domain.errors import DatabaseOpenError
    from mentor_desktop.services.backups import BackupService

    backups = BackupService(filled_db, tmp_path / "backups")
    backups.backup_now()
    if case == "not a database":
        filled_db.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 30)
    elif case == "another program":
        filled_db.unlink()
        with sqlite3.connect(filled_db) as connection:
            connection.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
        connection.close()
    else:
        filled_db.write_bytes(filled_db.read_bytes()[:5000])
    before = _digest(filled_db)

    dialogs.confirm_answers.append(False)
    with pytest.raises(DatabaseOpenError):
        _open_or_recover(filled_db, backups, dialogs, ask=True)
    assert "Restore it?" in dialogs.asked[-1] and str(filled_db) in dialogs.asked[-1]
    assert _digest(filled_db) == before  # nothing moved without asking
    assert not list(filled_db.parent.glob(f"{filled_db.name}.*"))

    dialogs.confirm_answers.append(True)
    engine, _services = _open_or_recover(filled_db, backups, dialogs, ask=True)
    try:
        with engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT count(*) FROM goal").scalar() == 300
    finally:
        engine.dispose()
    kept = [
        path
        for path in filled_db.parent.glob(f"{filled_db.name}.{label}-*")
        if not path.name.endswith(("-wal", "-shm"))
    ]
    assert [_digest(path) for path in kept] == [before]


def test_start_does_not_offer_a_backup_for_a_read_only_file(
    filled_db: Path, tmp_path: Path, dialogs
) -> None:
    from mentor_desktop.app import _open_or_recover
    from mentor_desktop.services.backups import BackupService

    backups = BackupService(filled_db, tmp_path / "backups")
    backups.backup_now()
    os.chmod(filled_db, 0o444)
    try:
        with pytest.raises(ReadOnlyDatabaseError):
            _open_or_recover(filled_db, backups, dialogs, ask=True)
    finally:
        os.chmod(filled_db, 0o644)
    assert dialogs.asked == []
