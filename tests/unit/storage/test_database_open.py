"""Opening files that are not ours, or newer than the app: a clear error, the file untouched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from mentor_desktop.domain.errors import (
    DatabaseTooNewError,
    ForeignDatabaseError,
    NotADatabaseError,
)
from mentor_desktop.paths import DB_ENV_VAR, resolve_db_path
from mentor_desktop.storage.migrate import open_database


def _assert_refused_untouched(
    path: Path, error: type[Exception], words: str, no_wal: bool = True
) -> None:
    before = path.read_bytes()
    with pytest.raises(error) as info:
        open_database(path).dispose()
    assert words in str(info.value)
    assert str(path) in str(info.value)
    assert path.read_bytes() == before
    if no_wal:  # a file that was not in WAL mode is not switched to it
        assert not Path(f"{path}-wal").exists()


def test_text_file_is_refused_and_left_byte_identical(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("my diary, not a database\n" * 50)
    _assert_refused_untouched(path, NotADatabaseError, "not an SQLite file")


def test_another_programs_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
        connection.execute("INSERT INTO photos (name) VALUES ('cat.jpg')")
    connection.close()
    _assert_refused_untouched(path, ForeignDatabaseError, "another program")


def test_database_from_a_newer_app_is_refused_untouched(db_path: Path) -> None:
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.close()
    _assert_refused_untouched(
        db_path, DatabaseTooNewError, "newer version of Mentor Desktop", no_wal=False
    )


def test_db_path_comes_from_option_then_environment_then_user_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DB_ENV_VAR, str(tmp_path / "env.sqlite3"))
    assert resolve_db_path(str(tmp_path / "cli.sqlite3")) == tmp_path / "cli.sqlite3"
    assert resolve_db_path(None) == tmp_path / "env.sqlite3"
    monkeypatch.delenv(DB_ENV_VAR)
    default = resolve_db_path(None)
    assert default.name == "mentor.sqlite3"
    assert "mentor-desktop" in str(default)
