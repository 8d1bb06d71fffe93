"""Kill -9 the app while typing into the journal: at most the last second is lost."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mentor_desktop.storage.migrate import open_database
from mentor_desktop.storage.search import check_search_index
from tests.e2e.journal_typist import pasted, word

ROOT = Path(__file__).parents[2]
#: How long to type before the kill; long enough for a few autosaves.
TYPE_SECONDS = 2.5
#: Text typed this long before the kill must be in the database (autosave is 1 s).
SAVED_WITHIN = 1.0


@pytest.mark.slow
@pytest.mark.parametrize("paste", [0, 1_900_000], ids=["new entry", "after a 2 MB paste"])
def test_sigkill_while_typing_loses_at_most_the_last_second(
    db_path: Path, tmp_path: Path, paste: int
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    progress: list[tuple[float, int]] = []
    typist = ["-m", "tests.e2e.journal_typist", str(db_path), str(tmp_path / "s.ini")]
    with subprocess.Popen(
        [sys.executable, *typist, str(paste)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as process:
        try:
            assert process.stdout is not None
            assert process.stdout.readline(), "the app did not start"
            started = time.time()
            while time.time() - started < TYPE_SECONDS:
                line = process.stdout.readline()
                if not line:
                    break
                stamp, count = line.split()
                progress.append((float(stamp), int(count)))
            os.kill(process.pid, signal.SIGKILL)
            killed_at = time.time()
            process.wait(timeout=10)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    assert process.returncode == -signal.SIGKILL
    safe = [count for stamp, count in progress if stamp <= killed_at - SAVED_WITHIN]
    assert safe, f"too little was typed before the kill: {progress[-3:]}"
    expected = pasted(paste) + "".join(word(i) for i in range(max(safe)))

    raw = sqlite3.connect(db_path)
    try:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        raw.close()
    engine = open_database(db_path)
    try:
        with engine.connect() as connection:
            body = connection.exec_driver_sql(
                "SELECT body FROM journal_entry ORDER BY id DESC LIMIT 1"
            ).scalar_one()
        check_search_index(engine)
    finally:
        engine.dispose()
    assert len(expected) > paste + 50
    assert body.startswith(expected), (len(body), len(expected))


#: Creates a brand-new database, writes one goal and is killed before any checkpoint.
_CREATE_WRITE_AND_DIE = """
import os, signal, sys
from pathlib import Path
from mentor_desktop.storage.migrate import open_database
engine = open_database(Path(sys.argv[1]))
with engine.begin() as connection:
    connection.exec_driver_sql(
        "INSERT INTO goal (title, kind, status, why, success_measure, position, created_at, "
        "updated_at) VALUES ('Written before the crash', 'career', 'active', '', '', 0, "
        "'2026-01-01 00:00:00', '2026-01-01 00:00:00')"
    )
print("written", flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.slow
def test_sigkill_of_a_brand_new_database_before_any_checkpoint_keeps_it_usable(
    tmp_path: Path,
) -> None:
    from mentor_desktop.services.backups import BackupService
    from mentor_desktop.storage.backup import check_backup
    from mentor_desktop.storage.engine import read_stored_revision
    from mentor_desktop.storage.migrate import HEAD_REVISION

    db_path = tmp_path / "new.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    finished = subprocess.run(
        [sys.executable, "-c", _CREATE_WRITE_AND_DIE, str(db_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert finished.stdout == "written\n", finished.stderr
    assert finished.returncode == -signal.SIGKILL
    wal = db_path.with_name(db_path.name + "-wal")
    assert wal.stat().st_size > 0  # the write never reached the database file

    # Nothing has opened the file since the crash: the read-only check must see the WAL.
    assert read_stored_revision(db_path) == HEAD_REVISION
    assert check_backup(db_path).counts["goals"] == 1
    backup = BackupService(db_path, tmp_path / "backups").backup_now()
    assert backup.ok and backup.counts["goals"] == 1
    other = tmp_path / "other.sqlite3"
    restored = BackupService(other, tmp_path / "other-backups").restore(db_path)
    assert restored.restored.counts["goals"] == 1

    for path in (db_path, other, backup.path):
        engine = open_database(path)
        try:
            with engine.connect() as connection:
                titles = connection.exec_driver_sql("SELECT title FROM goal").scalars().all()
        finally:
            engine.dispose()
        assert titles == ["Written before the crash"], path
