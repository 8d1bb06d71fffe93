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


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def _damage_page(path: Path, page: int) -> None:
    data = bytearray(path.read_bytes())
    start = 4096 * page
    data[start : start + 400] = b"\x55" * 400
    path.write_bytes(bytes(data))


@pytest.fixture
def filled_db(db_path: Path) -> Path:
    """A database with some rows in it, checkpointed into a single file."""
    engine = open_database(db_path)
    with engine.begin() as connection:
        for number in range(300):
            connection.exec_driver_sql(
                "INSERT INTO goal (title, kind, status, why, success_measure, position, "
                "created_at, updated_at) VALUES (?, 'career', 'active', ?, '', ?, "
                "'2026-01-01 00:00:00', '2026-01-01 00:00:00')",
                (f"Goal {number}", "why " * 50, number),
            )
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return db_path


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
    _damage_page(filled_db, pages - 2)
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
        _damage_page(path, path.stat().st_size // 4096 - 2)
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

    _damage_page(filled_db, filled_db.stat().st_size // 4096 - 2)
    before = _digest(filled_db)
    assert run_gui(filled_db, tmp_path / "settings.ini", quit_after_show=True) == 2
    assert "damaged" in capsys.readouterr().err
    assert _digest(filled_db) == before
