"""An import killed with SIGKILL halfway leaves the database exactly as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mentor_desktop.services.portability import PortabilityService
from mentor_desktop.storage.migrate import open_database
from mentor_desktop.storage.uow import unit_of_work_factory
from tests.factories import write_jrnl_journal


@pytest.mark.slow
def test_sigkill_halfway_through_an_import_changes_nothing(db_path: Path, tmp_path: Path) -> None:
    journal = tmp_path / "big.journal"
    write_jrnl_journal(journal, entries=3650, words_per_entry=230)
    engine = open_database(db_path)
    service = PortabilityService(unit_of_work_factory(engine))
    small = tmp_path / "small.journal"
    write_jrnl_journal(small, entries=20, words_per_entry=50, seed=2)
    service.import_journal(service.read_journal("jrnl", small))
    before = service.table_counts()
    engine.dispose()

    wal = db_path.with_name(db_path.name + "-wal")
    wal_before = wal.stat().st_size if wal.exists() else 0
    command = [sys.executable, "-m", "mentor_desktop", "--db", str(db_path), "import"]
    process = subprocess.Popen(
        [*command, "--format", "jrnl", str(journal)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            if wal.exists() and wal.stat().st_size > wal_before + 2_000_000:
                break  # the transaction is well under way: megabytes written, not committed
            time.sleep(0.002)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        out, err = process.communicate(timeout=10)
    assert process.returncode == -signal.SIGKILL, err.decode()  # killed, not finished
    assert b"Imported" not in out

    engine = open_database(db_path)  # checks the file (quick_check) and recovers the WAL
    try:
        assert PortabilityService(unit_of_work_factory(engine)).table_counts() == before
    finally:
        engine.dispose()
