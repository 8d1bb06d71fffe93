"""One database, one window: a second start hands over to the first, and what the command
line writes meanwhile shows up in the open window."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mentor_desktop.app import build_services
from mentor_desktop.storage.watch import ExternalWrites
from mentor_desktop.ui.bus import ChangeBus
from mentor_desktop.ui.external_changes import ExternalChangePoller
from mentor_desktop.ui.journal.tab import JournalTab
from mentor_desktop.ui.single_window import lock_path

pytestmark = pytest.mark.slow
ROOT = Path(__file__).parents[2]


def _env() -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    env.pop("DISPLAY", None)
    return env


def cli(db: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mentor_desktop", "--db", str(db), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=_env(),
        timeout=120,
    )


def test_a_second_start_hands_over_to_the_first_window(db_path: Path, tmp_path: Path) -> None:
    first = subprocess.Popen(
        [sys.executable, "-m", "mentor_desktop", "--db", str(db_path)],
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.time() + 60
        while not lock_path(db_path).exists() and time.time() < deadline:
            time.sleep(0.2)
        assert lock_path(db_path).exists(), "the first window did not start"
        second = cli(db_path)
        assert second.returncode == 0, second.stderr
        assert second.stdout.splitlines() == [
            f"mentor-desktop: {db_path} is already open in a Mentor Desktop window; "
            "brought that window to the front."
        ]
        assert first.poll() is None  # the first window is still there
        first.send_signal(signal.SIGTERM)
        first.wait(timeout=60)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
    assert not lock_path(db_path).exists()


def test_a_lock_left_by_a_killed_window_does_not_block_the_next_start(db_path: Path) -> None:
    first = subprocess.Popen(
        [sys.executable, "-m", "mentor_desktop", "--db", str(db_path)],
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 60
    while not lock_path(db_path).exists() and time.time() < deadline:
        time.sleep(0.2)
    first.kill()
    first.wait()
    assert lock_path(db_path).exists()
    again = cli(db_path, "--quit-after-show")
    assert again.returncode == 0, again.stderr  # it takes over the stale lock and opens
    started = subprocess.Popen(
        [sys.executable, "-m", "mentor_desktop", "--db", str(db_path)],
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(8)
        assert started.poll() is None  # it took over the stale lock and keeps running
    finally:
        started.send_signal(signal.SIGTERM)
        started.wait(timeout=60)


def test_command_line_writes_show_up_in_the_open_window(
    qtbot, engine, db_path: Path, dialogs, tmp_path: Path
) -> None:
    bus = ChangeBus()
    tab = JournalTab(build_services(engine).journal, bus, dialogs)
    qtbot.addWidget(tab)
    tab.show()
    watch = ExternalWrites(lambda: engine)
    poller = ExternalChangePoller(watch.changed_areas, bus, interval_ms=200)
    poller.start()

    def titles() -> list[str]:
        return [tab.model.summary_at(row).title for row in range(tab.model.rowCount())]

    try:
        added = cli(db_path, "journal", "add", "--title", "Added from the shell", stdin="Hi.\n")
        assert added.returncode == 0, added.stderr
        qtbot.waitUntil(lambda: "Added from the shell" in titles(), timeout=10_000)
        journal = tmp_path / "j.txt"
        journal.write_text("[2024-05-01 09:30] Imported meanwhile\nbody\n", encoding="utf-8")
        imported = cli(db_path, "import", "--format", "jrnl", str(journal))
        assert imported.returncode == 0, imported.stderr
        qtbot.waitUntil(lambda: "Imported meanwhile" in titles(), timeout=10_000)
    finally:
        poller.stop()
        watch.close()
