"""Private by default: whatever the umask, the data and backup folders are 0700 and every
file the app makes there is 0600; loose ones are tightened on start."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from mentor_desktop.app import open_services
from mentor_desktop.domain.journal import EntryDraft
from mentor_desktop.paths import data_dir, resolve_db_path
from mentor_desktop.services.backups import BackupService


@pytest.fixture(autouse=True)
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def modes(folder: Path) -> dict[str, str]:
    """Every file and folder under `folder` (itself included, as ".") with its mode bits."""
    found = {".": oct(stat.S_IMODE(folder.stat().st_mode))}
    for path in sorted(folder.rglob("*")):
        found[str(path.relative_to(folder))] = oct(stat.S_IMODE(path.stat().st_mode))
    return found


def test_a_first_start_makes_everything_private(tmp_path: Path) -> None:
    db = resolve_db_path()
    engine, services = open_services(db)
    services.journal.create_entry(
        EntryDraft(date(2026, 1, 5), title="Private", body="Not for the other users.")
    )
    backups = BackupService(db, data_dir() / "backups")
    backups.backup_now()
    assert (db.parent / f"{db.name}-wal").exists()
    engine.dispose()
    found = modes(data_dir())
    assert found.pop(".") == "0o700" and found.pop("backups") == "0o700"
    assert found and set(found.values()) == {"0o600"}, found


def test_loose_files_from_before_are_tightened_on_start(tmp_path: Path) -> None:
    db = resolve_db_path()
    engine, _services = open_services(db)
    engine.dispose()
    backups = BackupService(db, data_dir() / "backups")
    backups.backup_now()
    for path in [data_dir(), data_dir() / "backups", *data_dir().rglob("*")]:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    engine, _services = open_services(db)
    engine.dispose()
    backups.protect()
    found = modes(data_dir())
    assert found.pop(".") == "0o700" and found.pop("backups") == "0o700"
    assert set(found.values()) == {"0o600"}, found


def test_a_database_elsewhere_leaves_its_folder_alone(tmp_path: Path) -> None:
    os.chmod(tmp_path, 0o755)
    engine, _services = open_services(tmp_path / "mine.sqlite3")
    engine.dispose()
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o755
    assert stat.S_IMODE((tmp_path / "mine.sqlite3").stat().st_mode) == 0o600
    engine, _services = open_services(tmp_path / "new" / "folder" / "db.sqlite3")
    engine.dispose()
    assert stat.S_IMODE((tmp_path / "new").stat().st_mode) == 0o700


def test_before_restore_and_damaged_copies_are_private(tmp_path: Path) -> None:
    db = resolve_db_path()
    engine, services = open_services(db)
    services.journal.create_entry(EntryDraft(date(2026, 1, 5), title="Keep", body="x"))
    engine.dispose()
    backups = BackupService(db, data_dir() / "backups")
    made = backups.backup_now()
    result = backups.restore(made.path)
    assert result.kept_aside is not None
    assert stat.S_IMODE(result.kept_aside.stat().st_mode) == 0o600
    db.write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)  # damaged
    os.chmod(db, 0o644)
    result = backups.restore(made.path)
    assert ".damaged-" in result.kept_aside.name
    assert stat.S_IMODE(result.kept_aside.stat().st_mode) == 0o600
    assert stat.S_IMODE(db.stat().st_mode) == 0o600


@pytest.mark.slow
def test_exports_from_the_command_line_are_private(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = tmp_path / "all.json"
    done = subprocess.run(
        [sys.executable, "-m", "mentor_desktop", "export", "--format", "json", "-o", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert modes(data_dir())["."] == "0o700"
