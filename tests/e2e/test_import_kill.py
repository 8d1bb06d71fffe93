"""An import killed with SIGKILL halfway leaves the database exactly as it was."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from mentor_desktop.services.portability import PortabilityService
from mentor_desktop.storage.migrate import open_database
from mentor_desktop.storage.uow import unit_of_work_factory

WORDS = [
    *("mentor", "goal", "feedback", "session", "learned", "today", "plan", "review"),
    *("team", "project", "progress", "meeting", "code", "talk", "career", "book"),
    *("focus", "habit", "energy", "listen", "decide", "ask", "write", "reflect"),
    *("the", "a", "and", "of", "to", "in", "my", "I", "we", "was", "it", "for", "with"),
]


def write_jrnl_journal(path: Path, entries: int, words_per_entry: int, seed: int = 1) -> int:
    """A jrnl journal file of `entries` daily entries; returns the number of words written."""
    rng = random.Random(seed)
    start = date(2016, 1, 1)
    total = 0
    with path.open("w", encoding="utf-8") as handle:
        for number in range(entries):
            day = start + timedelta(days=number)
            title = " ".join(rng.choices(WORDS, k=6)).capitalize() + "."
            star = " *" if number % 17 == 0 else ""
            paragraphs = []
            remaining = words_per_entry - 6
            while remaining > 0:
                size = min(remaining, rng.randint(40, 90))
                words = rng.choices(WORDS, k=size)
                if rng.random() < 0.3:
                    words[rng.randrange(size)] = "@" + rng.choice(["work", "mentor", "c++"])
                paragraphs.append(" ".join(words) + ".")
                remaining -= size
            handle.write(
                f"[{day} {rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}] {title}{star}\n"
            )
            handle.write("\n\n".join(paragraphs) + "\n\n")
            total += words_per_entry
    return total


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
