"""The start-up integrity check begun on a second thread finds what the check on open finds."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pytest

from mentor_desktop.domain.errors import DamagedDatabaseError
from mentor_desktop.storage import engine, precheck
from mentor_desktop.storage.migrate import open_database
from tests.factories import damage_page, fill_with_goals


@pytest.fixture
def filled_db(db_path: Path) -> Path:
    return fill_with_goals(db_path)


def _damage_second_last_page(path: Path) -> None:
    damage_page(path, path.stat().st_size // 4096 - 2)


def test_a_sound_file_checked_in_the_background_opens(
    filled_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    precheck.start_quick_check(filled_db)
    assert precheck.problems_found(filled_db) == []  # the first screen's read
    checks: list[object] = []
    real_check = engine.quick_check
    monkeypatch.setattr(engine, "quick_check", lambda c: checks.append(c) or real_check(c))
    open_database(filled_db).dispose()  # the full open after the first paint
    assert checks == []  # the unchanged file was checked once, for both
    later = time.monotonic() + precheck.REUSE_S + 1
    monkeypatch.setattr(precheck.time, "monotonic", lambda: later)
    assert precheck.problems_found(filled_db) is None  # an old result is forgotten
    open_database(filled_db).dispose()
    assert len(checks) == 1  # and the next open checks the file itself


def test_damage_found_in_the_background_refuses_the_file_unchanged(filled_db: Path) -> None:
    _damage_second_last_page(filled_db)
    before = hashlib.sha256(filled_db.read_bytes()).hexdigest()
    precheck.start_quick_check(filled_db)
    assert precheck.problems_found(filled_db)  # the check on the second thread saw it
    precheck.start_quick_check(filled_db)
    with pytest.raises(DamagedDatabaseError, match="damaged"):
        open_database(filled_db)
    assert hashlib.sha256(filled_db.read_bytes()).hexdigest() == before


def test_a_file_changed_after_its_check_is_checked_again(filled_db: Path) -> None:
    precheck.start_quick_check(filled_db)
    precheck._checks[filled_db.resolve()].done.wait()
    _damage_second_last_page(filled_db)  # the sound result no longer describes the file
    assert precheck.problems_found(filled_db) is None
    precheck.start_quick_check(filled_db.parent / "missing.sqlite3")  # nothing to check
    with pytest.raises(DamagedDatabaseError):
        open_database(filled_db)


def test_files_that_are_not_sqlite_are_left_to_the_open_path(tmp_path: Path) -> None:
    text = tmp_path / "notes.sqlite3"
    text.write_text("not a database", encoding="utf-8")
    precheck.start_quick_check(text)
    precheck.start_quick_check(tmp_path)  # a folder
    assert precheck.problems_found(text) is None
    assert precheck.problems_found(tmp_path) is None


def test_a_file_sqlite_cannot_read_counts_as_damaged_as_on_open(tmp_path: Path) -> None:
    fake = tmp_path / "fake.sqlite3"
    fake.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4080)
    precheck.start_quick_check(fake)
    assert precheck.problems_found(fake)
    with pytest.raises(DamagedDatabaseError):
        open_database(fake)


def test_a_second_start_on_the_unchanged_file_keeps_the_first_check(
    filled_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[str] = []
    real_thread = precheck.threading.Thread

    def counting_thread(*args: object, **kwargs: object) -> object:
        started.append(str(kwargs.get("name")))
        return real_thread(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(precheck.threading, "Thread", counting_thread)
    precheck.start_quick_check(filled_db)
    precheck.start_quick_check(filled_db)  # the command line, then the open path
    assert started == ["quick-check"]
    assert precheck.problems_found(filled_db) == []
    _damage_second_last_page(filled_db)
    precheck.start_quick_check(filled_db)  # a changed file is checked again
    assert started == ["quick-check", "quick-check"]
    assert precheck.problems_found(filled_db)
