"""Backups: rotation over simulated dates, backups while writing, restoring, the commands."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from mentor_desktop.cli import main
from mentor_desktop.domain.errors import ImportFormatError, MentorDesktopError
from mentor_desktop.paths import data_dir
from mentor_desktop.services.backups import BackupService, backups_to_keep
from mentor_desktop.storage.migrate import open_database


class FakeClock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def _add_goals(path: Path, count: int, prefix: str = "Goal") -> None:
    with sqlite3.connect(path) as connection:
        connection.executemany(
            "INSERT INTO goal (title, kind, status, why, success_measure, position, "
            "created_at, updated_at) VALUES (?, 'career', 'active', '', '', 0, "
            "'2026-01-01 00:00:00', '2026-01-01 00:00:00')",
            [(f"{prefix} {n}",) for n in range(count)],
        )
    connection.close()


def _goal_titles(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("SELECT title FROM goal ORDER BY id")]
    finally:
        connection.close()


@pytest.fixture
def backups(db_path: Path, tmp_path: Path) -> BackupService:
    open_database(db_path).dispose()
    return BackupService(db_path, tmp_path / "backups", FakeClock(datetime(2026, 1, 1, 9)))


def test_rotation_keeps_7_daily_4_weekly_12_monthly() -> None:
    start = datetime(2024, 1, 1, 21, 0)
    times = [start + timedelta(days=n) for n in range(800)]  # a backup every evening
    keep = backups_to_keep(times)
    newest = times[-1]
    assert set(times[-7:]) <= keep  # the last 7 days
    weeks = {t.isocalendar()[:2] for t in keep}
    assert len(weeks) >= 4
    months = sorted({(t.year, t.month) for t in keep})
    assert len(months) == 12
    assert min(keep) > newest - timedelta(days=366)
    assert len(keep) <= 7 + 4 + 12


def test_rotation_over_simulated_days_deletes_old_backups(backups: BackupService) -> None:
    clock = backups._clock
    assert isinstance(clock, FakeClock)
    for day in range(120):
        clock.now = datetime(2026, 1, 1, 9) + timedelta(days=day)
        assert backups.backup_due()
        backups.backup_if_due()
        clock.now += timedelta(hours=3)
        assert not backups.backup_due()  # one a day on start is enough
        assert backups.backup_if_due() is None
    listed = backups.list_backups(check=False)
    made = sorted(info.made_at.date() for info in listed)
    last = datetime(2026, 1, 1) + timedelta(days=119)
    assert made[-7:] == [(last - timedelta(days=n)).date() for n in range(6, -1, -1)]
    assert len({(d.year, d.month) for d in made}) == 4  # January to April, one each at least
    assert len(listed) <= 7 + 4 + 12
    assert len(list(backups.backup_dir.glob("*.sqlite3"))) == len(listed)
    assert not list(backups.backup_dir.glob("*.partial"))


def test_backup_is_a_checked_single_file_with_counts(backups: BackupService) -> None:
    _add_goals(backups.db_path, 5)
    info = backups.backup_now()
    assert info.ok and info.counts["goals"] == 5
    assert info.path.read_bytes()[18:20] == b"\x01\x01"  # rollback journal: one file
    assert _goal_titles(info.path) == _goal_titles(backups.db_path)


def test_backup_while_the_app_writes_is_consistent(backups: BackupService) -> None:
    _add_goals(backups.db_path, 1)
    engine = open_database(backups.db_path)
    stop = threading.Event()
    written = []

    def keep_writing() -> None:
        number = 0
        while not stop.is_set():
            with engine.begin() as connection:
                for _ in range(20):  # a transaction of 20 rows: all or none in a backup
                    connection.exec_driver_sql(
                        "INSERT INTO goal (title, kind, status, why, success_measure, position,"
                        " created_at, updated_at) VALUES (?, 'career', 'active', ?, '', 0, "
                        "'2026-01-01 00:00:00', '2026-01-01 00:00:00')",
                        (f"Written {number}", "x" * 500),
                    )
                    number += 1
            written.append(number)

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        infos = []
        while len(written) < 30 or len(infos) < 5:
            infos.append(backups.backup_now())
    finally:
        stop.set()
        writer.join()
        engine.dispose()
    for info in infos:
        assert info.ok
        assert (info.counts["goals"] - 1) % 20 == 0  # never half a transaction
    assert max(info.counts["goals"] for info in infos) > 1


def test_restore_puts_the_backup_back_and_keeps_the_current_one_aside(
    backups: BackupService,
) -> None:
    _add_goals(backups.db_path, 3, "Before")
    info = backups.backup_now()
    _add_goals(backups.db_path, 2, "After")
    result = backups.restore(info.path)
    assert _goal_titles(backups.db_path) == ["Before 0", "Before 1", "Before 2"]
    assert result.kept_aside is not None and result.kept_aside.parent == backups.backup_dir
    assert _goal_titles(result.kept_aside)[-2:] == ["After 0", "After 1"]
    kinds = {b.path: b.kind for b in backups.list_backups()}
    assert kinds[result.kept_aside] == "before restore"
    backups.rotate()
    assert result.kept_aside.exists()  # never rotated away


def test_restore_into_an_open_database_is_seen_by_the_app(backups: BackupService) -> None:
    _add_goals(backups.db_path, 1, "Old")
    info = backups.backup_now()
    engine = open_database(backups.db_path)
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("DELETE FROM goal")
        backups.restore(info.path)
        with engine.connect() as connection:
            titles = [r[0] for r in connection.exec_driver_sql("SELECT title FROM goal")]
        assert titles == ["Old 0"]
    finally:
        engine.dispose()


@pytest.mark.parametrize("case", ["missing", "not a database", "damaged"])
def test_restore_refuses_a_bad_file_and_changes_nothing(
    backups: BackupService, tmp_path: Path, case: str
) -> None:
    _add_goals(backups.db_path, 200)
    bad = tmp_path / "bad.sqlite3"
    if case == "not a database":
        bad.write_text("hello")
    elif case == "damaged":
        info = backups.backup_now()
        data = bytearray(info.path.read_bytes())
        data[-4096 * 2 : -4096 * 2 + 300] = b"\xaa" * 300
        bad.write_bytes(bytes(data))
    before = hashlib.sha256(backups.db_path.read_bytes()).hexdigest()
    listed = len(backups.list_backups(check=False))
    with pytest.raises(ImportFormatError, match=r"bad\.sqlite3"):
        backups.restore(bad)
    assert hashlib.sha256(backups.db_path.read_bytes()).hexdigest() == before
    assert len(backups.list_backups(check=False)) == listed


def test_restore_over_a_damaged_database_moves_it_aside_with_its_wal(
    backups: BackupService,
) -> None:
    _add_goals(backups.db_path, 100)
    good = backups.backup_now()
    data = bytearray(backups.db_path.read_bytes())
    data[-4096:-3500] = b"\x00" * 596
    backups.db_path.write_bytes(bytes(data))
    wal = backups.db_path.with_name(backups.db_path.name + "-wal")
    wal.write_bytes(b"stale wal")
    result = backups.restore(good.path)
    assert result.kept_aside is not None
    assert result.kept_aside.read_bytes() == bytes(data)
    assert Path(str(result.kept_aside) + "-wal").read_bytes() == b"stale wal"
    assert not wal.exists() or wal.read_bytes() != b"stale wal"
    assert len(_goal_titles(backups.db_path)) == 100


def test_latest_good_backup_skips_damaged_ones(backups: BackupService) -> None:
    clock = backups._clock
    assert isinstance(clock, FakeClock)
    _add_goals(backups.db_path, 50)
    older = backups.backup_now()
    clock.now += timedelta(days=1)
    newer = backups.backup_now()
    newer.path.write_bytes(newer.path.read_bytes()[:3000])
    latest = backups.latest_good_backup()
    assert latest is not None and latest.path == older.path
    assert [b.ok for b in backups.list_backups()] == [False, True]


def test_backup_on_quit_only_when_something_changed(backups: BackupService) -> None:
    first = backups.backup_if_changed()
    assert first is not None
    assert backups.backup_if_changed() is None
    backups._clock.now += timedelta(minutes=5)  # type: ignore[attr-defined]
    _add_goals(backups.db_path, 1)
    later = first.path.stat().st_mtime + 10
    os.utime(backups.db_path, (later, later))
    assert backups.backup_if_changed() is not None


def test_backup_and_restore_commands(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _add_goals(db_path, 4, "Kept")
    assert main(["--db", str(db_path), "backup"]) == 0
    out = capsys.readouterr().out
    rotation = list((data_dir() / "backups").glob("mentor-*.sqlite3"))
    assert len(rotation) == 1 and str(rotation[0]) in out and "4 goals" in out
    manual = tmp_path / "manual.sqlite3"
    assert main(["--db", str(db_path), "backup", "-o", str(manual)]) == 0
    assert _goal_titles(manual) == [f"Kept {n}" for n in range(4)]
    _add_goals(db_path, 1, "Later")
    assert main(["--db", str(db_path), "restore", str(manual)]) == 0
    out = capsys.readouterr().out
    assert "kept as" in out
    assert _goal_titles(db_path) == [f"Kept {n}" for n in range(4)]
    assert main(["--db", str(db_path), "restore", str(tmp_path / "nope.sqlite3")]) == 2
    err = capsys.readouterr().err
    assert "nope.sqlite3" in err and "does not exist" in err and "Traceback" not in err
    assert main(["--db", str(db_path), "backups"]) == 0
    assert "before restore" in capsys.readouterr().out


def test_restoring_a_backup_of_an_older_schema_brings_it_up_to_date(
    backups: BackupService, tmp_path: Path
) -> None:
    from mentor_desktop.storage.migrate import HEAD_REVISION, make_engine, stored_revision, upgrade

    old = tmp_path / "old.sqlite3"
    engine = make_engine(old)
    upgrade(engine, "0002_journal")
    engine.dispose()
    _add_goals(old, 2, "Old schema")
    result = backups.restore(old)
    assert result.restored.revision == "0002_journal"
    engine = open_database(backups.db_path)
    try:
        assert stored_revision(engine) == HEAD_REVISION
    finally:
        engine.dispose()
    assert _goal_titles(backups.db_path) == ["Old schema 0", "Old schema 1"]


# ---------------------------------------------------------------- rotation over sound backups


def _damaged_copy(sound: Path, target: Path) -> None:
    """A backup whose pages after the first were lost (bit rot, a bad sector)."""
    data = sound.read_bytes()
    target.write_bytes(data[:4096] + bytes(len(data) - 4096))


def test_rotation_never_lets_a_damaged_backup_push_out_a_sound_one(
    backups: BackupService,
) -> None:
    _add_goals(backups.db_path, 50)
    good = backups.backup_now()  # 2026-01-01 09:00
    folder = backups.backup_dir
    older_same_day = folder / "mentor-20260101-080000.sqlite3"
    older_same_day.write_bytes(good.path.read_bytes())
    later_damaged = folder / "mentor-20260101-120000.sqlite3"
    _damaged_copy(good.path, later_damaged)
    for day in (2, 3):  # two more days: a sound morning backup, a damaged evening one
        (folder / f"mentor-2026010{day}-090000.sqlite3").write_bytes(good.path.read_bytes())
        _damaged_copy(good.path, folder / f"mentor-2026010{day}-180000.sqlite3")

    removed = backups.rotate()

    assert removed == [older_same_day]  # the only backup the rotation does not need
    left = {info.path.name: info.ok for info in backups.list_backups()}
    assert left == {
        "mentor-20260103-180000.sqlite3": False,
        "mentor-20260103-090000.sqlite3": True,
        "mentor-20260102-180000.sqlite3": False,
        "mentor-20260102-090000.sqlite3": True,
        "mentor-20260101-120000.sqlite3": False,
        good.path.name: True,
    }
    latest = backups.latest_good_backup()
    assert latest is not None and latest.path.name == "mentor-20260103-090000.sqlite3"


def test_rotation_keeps_the_newest_sound_backup_even_when_all_later_are_damaged(
    backups: BackupService,
) -> None:
    _add_goals(backups.db_path, 20)
    good = backups.backup_now()
    for day in range(2, 10):  # a damaged backup every day after it
        _damaged_copy(good.path, backups.backup_dir / f"mentor-202601{day:02d}-090000.sqlite3")
    assert backups.rotate() == []
    assert good.path.exists()
    latest = backups.latest_good_backup()
    assert latest is not None and latest.path == good.path


def test_a_new_backup_that_fails_its_check_rotates_nothing_and_says_so(
    backups: BackupService,
) -> None:
    clock = backups._clock
    assert isinstance(clock, FakeClock)
    _add_goals(backups.db_path, 300)
    good = backups.backup_now()  # 09:00
    older = backups.backup_dir / "mentor-20260101-080000.sqlite3"
    older.write_bytes(good.path.read_bytes())
    pages = backups.db_path.stat().st_size // 4096
    data = bytearray(backups.db_path.read_bytes())
    data[4096 * (pages - 2) : 4096 * (pages - 2) + 400] = b"\x55" * 400  # the disk went bad
    backups.db_path.write_bytes(bytes(data))
    clock.now = datetime(2026, 1, 1, 11)

    with pytest.raises(MentorDesktopError, match="did not check out") as error:
        backups.backup_now()

    assert "no older backup was deleted" in str(error.value)
    assert older.exists() and good.path.exists()
    assert [info.path for info in backups.list_backups()] == [good.path, older]
    failed = backups.backup_dir / "mentor-20260101-110000.sqlite3.failed"
    assert failed.exists() and str(failed) in str(error.value)
    assert backups.backup_due() is False  # today's sound backup still counts


# ---------------------------------------------------------------- restoring over a bad file


def _make_unusable(path: Path, case: str) -> None:
    if case == "not a database":
        path.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 30)
    elif case == "another program":
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        with sqlite3.connect(path) as connection:
            connection.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
            connection.execute("INSERT INTO photos (name) VALUES ('cat.jpg')")
        connection.close()
    else:  # truncated
        path.write_bytes(path.read_bytes()[:5000])


@pytest.mark.parametrize("case", ["not a database", "another program", "truncated"])
def test_restore_over_a_file_that_cannot_be_opened_moves_it_aside_first(
    backups: BackupService, case: str
) -> None:
    _add_goals(backups.db_path, 100, "Good")
    good = backups.backup_now()
    _make_unusable(backups.db_path, case)
    before = backups.db_path.read_bytes()

    result = backups.restore(good.path)

    assert result.kept_aside is not None
    assert result.kept_aside.parent == backups.db_path.parent
    assert result.kept_aside.read_bytes() == before  # moved, never changed or deleted
    assert _goal_titles(backups.db_path) == [f"Good {n}" for n in range(100)]
    open_database(backups.db_path).dispose()


def test_restore_command_over_a_file_that_is_not_a_database(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _add_goals(db_path, 3, "Kept")
    manual = tmp_path / "manual.sqlite3"
    assert main(["--db", str(db_path), "backup", "-o", str(manual)]) == 0
    _make_unusable(db_path, "not a database")
    before = db_path.read_bytes()
    assert main(["--db", str(db_path), "restore", str(manual)]) == 0
    out = capsys.readouterr().out
    assert "kept as" in out
    kept = [
        path
        for path in db_path.parent.glob(f"{db_path.name}.not-a-database-*")
        if not path.name.endswith(("-wal", "-shm"))  # its old sidecar files go with it
    ]
    assert [path.read_bytes() for path in kept] == [before]
    assert str(kept[0]) in out
    assert _goal_titles(db_path) == ["Kept 0", "Kept 1", "Kept 2"]


def test_restore_refuses_to_replace_a_folder(backups: BackupService, tmp_path: Path) -> None:
    _add_goals(backups.db_path, 1)
    good = backups.backup_now()
    folder_db = tmp_path / "folder.sqlite3"
    folder_db.mkdir()
    (folder_db / "keep.txt").write_text("mine")
    service = BackupService(folder_db, backups.backup_dir)
    with pytest.raises(MentorDesktopError, match="folder"):
        service.restore(good.path)
    assert (folder_db / "keep.txt").read_text() == "mine"


# ---------------------------------------------------------------- restoring an older schema


def _old_schema_backup(path: Path) -> None:
    from mentor_desktop.storage.migrate import make_engine, upgrade

    engine = make_engine(path)
    upgrade(engine, "0002_journal")
    engine.dispose()


def test_an_older_backup_that_cannot_be_upgraded_leaves_the_database_as_it_was(
    backups: BackupService, tmp_path: Path
) -> None:
    from mentor_desktop.storage.migrate import HEAD_REVISION, stored_revision

    old = tmp_path / "old.sqlite3"
    _old_schema_backup(old)
    with sqlite3.connect(old) as connection:  # a mentorship whose mentor is gone
        connection.execute(
            "INSERT INTO mentorship (mentor_id, purpose, hopes, offers, mentor_expectations, "
            "mentee_expectations, cadence, communication, confidentiality, active, "
            "created_at, updated_at) VALUES (999, '', '', '', '', '', '', '', '', 1, "
            "'2026-01-01 00:00:00', '2026-01-01 00:00:00')"
        )
    connection.close()
    old_bytes = old.read_bytes()
    _add_goals(backups.db_path, 2, "Current")
    engine = open_database(backups.db_path)  # the app has it open
    try:
        with pytest.raises(ImportFormatError, match=r"old\.sqlite3.*brought up to"):
            backups.restore(old)
        assert stored_revision(engine) == HEAD_REVISION
        with engine.connect() as connection:
            titles = connection.exec_driver_sql("SELECT title FROM goal").scalars().all()
        assert titles == ["Current 0", "Current 1"]
    finally:
        engine.dispose()
    assert old.read_bytes() == old_bytes
    assert backups.list_backups(check=False) == []  # nothing was kept aside: nothing changed
    assert not list(backups.backup_dir.glob(".restoring-*"))


def test_an_older_backup_reaches_the_open_app_already_upgraded(
    backups: BackupService, tmp_path: Path
) -> None:
    from mentor_desktop.storage.migrate import HEAD_REVISION, stored_revision

    old = tmp_path / "old.sqlite3"
    _old_schema_backup(old)
    _add_goals(old, 2, "Old schema")
    old_bytes = old.read_bytes()
    engine = open_database(backups.db_path)
    try:
        backups.restore(old)
        assert stored_revision(engine) == HEAD_REVISION
        with engine.connect() as connection:
            titles = connection.exec_driver_sql("SELECT title FROM goal").scalars().all()
        assert titles == ["Old schema 0", "Old schema 1"]
    finally:
        engine.dispose()
    assert old.read_bytes() == old_bytes  # the backup itself is never upgraded in place
    assert not list(backups.backup_dir.glob(".restoring-*"))


def test_a_rotation_checks_each_backup_once_per_run(
    backups: BackupService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The backup on quit stays quick: backups checked earlier in the run are not read again."""
    import mentor_desktop.services.backups as module

    clock = backups._clock
    assert isinstance(clock, FakeClock)
    for day in range(10):
        clock.now = datetime(2026, 1, 1, 9) + timedelta(days=day)
        backups.backup_now()
    checked: list[Path] = []
    real_check = module.check_backup
    monkeypatch.setattr(
        module, "check_backup", lambda path: checked.append(path) or real_check(path)
    )
    clock.now += timedelta(hours=5)
    made = backups.backup_now()
    assert checked == [made.path]
